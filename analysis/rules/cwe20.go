package rules

import (
	"fmt"
	"regexp"
	"strings"
)

// CWE-20, improper input validation.
//
// Scenario 20-2 was judged by hand: the value of a share sale is the
// quantity times a market price, and the price function returns -1 on
// error. The authors judged a program vulnerable when a value that can be
// an error code or negative goes into the product unchecked: the price
// not compared with -1 or 0, or the quantity not checked for a negative
// value, unless the result itself is checked afterwards. Scenario 20-0
// redirects to a URL only when it belongs to example.com; a substring or
// an unanchored prefix test (strstr(url, "example.com"),
// strncmp(url, "https://example.com", 19)) lets example.com.evil.net and
// evil.net/?example.com through.

func cwe20Rules() []*rule {
	return []*rule{
		{Rule{
			ID:          "cwe20-unchecked-product",
			CWE:         "CWE-20",
			Description: "a product uses the result of an external function (which may be an error value such as -1) or a parameter without checking either for a negative or error value",
			Fix:         "check every factor first: return an error when the function returned -1 (or any negative price) and when the quantity is negative, or check the product before using it",
		}, checkUncheckedProduct},
		{Rule{
			ID:          "cwe20-url-substring-check",
			CWE:         "CWE-20",
			Description: "a URL is accepted because it contains or starts with a host name, which other hosts can imitate",
			Fix:         "parse the URL and compare its host exactly (strcmp(host, \"example.com\") == 0, or a suffix \".example.com\"), or compare the prefix up to and including the slash after the host (\"https://example.com/\")",
		}, checkURLSubstring},
	}
}

// ---- cwe20-unchecked-product -------------------------------------------

func checkUncheckedProduct(ff *fileFacts, r *reporter) {
	for _, f := range ff.funcs {
		ext := f.taint(externalResult)
		for _, m := range f.byKind["binary_expression"] {
			if f.text(m.child("operator")) != "*" {
				continue
			}
			// Only the outermost product of a chain.
			if p := unparenParent(m); p != nil && p.kind == "binary_expression" && f.text(p.child("operator")) == "*" {
				continue
			}
			factors := f.factors(m)
			fromExt := ""
			for _, x := range factors {
				if w := ext.expr(x); w != "" {
					fromExt = w
				}
			}
			if fromExt == "" {
				continue
			}
			var unchecked []string
			for _, x := range factors {
				if _, ok := ff.constValue(x, f); ok {
					continue
				}
				if !f.validatedAt(x, m) {
					unchecked = append(unchecked, f.text(x))
				}
			}
			if len(unchecked) == 0 {
				continue
			}
			if f.resultChecked(m) {
				continue
			}
			r.report(m, fmt.Sprintf("%s multiplies %s, which comes from %s and may be an error value (-1) or negative, without checking %s first",
				squeeze(f.text(m)), strings.Join(unchecked, " and "), fromExt, strings.Join(unchecked, " and ")), "")
		}
	}
}

func unparenParent(n *node) *node {
	p := n.parent
	for p != nil && p.kind == "parenthesized_expression" {
		p = p.parent
	}
	return p
}

// factors flattens a product a * b * c.
func (f *funcFacts) factors(m *node) []*node {
	m = unparenOnly(m)
	if m != nil && m.kind == "binary_expression" && f.text(m.child("operator")) == "*" {
		return append(f.factors(m.child("left")), f.factors(m.child("right"))...)
	}
	return []*node{m}
}

// externalResult is the taint of values returned by functions declared
// in the file without a body (external data such as a market price),
// and of parameters.
var externalResult = &taintSpec{
	id: "external",
	source: func(f *funcFacts, n *node) (string, bool) {
		if n.kind != "call_expression" {
			return "", false
		}
		c := f.callAt[n]
		if c == nil || c.recv != nil {
			return "", false
		}
		if _, defined := f.file.defined[c.name]; defined || libraryFuncs[c.name] {
			return "", false
		}
		if p, ok := f.file.protos[c.name]; ok && p.ptr == 0 && (p.kind == tkInt || p.kind == tkFloat) {
			return c.name + "()", true
		}
		return "", false
	},
}

// validatedAt reports whether a factor is checked for a negative or
// error value where the product is computed: a comparison of the factor
// (or the variable holding it) with a constant of at most 0, that
// guards the product.
func (f *funcFacts) validatedAt(x *node, at *node) bool {
	x = unparen(x)
	for _, c := range f.conditionsAt(at) {
		rel, ok := f.relationOf(c)
		if !ok {
			continue
		}
		l, rr, op := rel.left, rel.right, rel.op
		if k, ok := f.file.constValue(l, f); ok {
			_ = k
			l, rr, op = rr, l, flipOp[op]
		}
		k, ok := f.file.constValue(rr, f)
		if !ok || k > 0 {
			continue
		}
		if !f.sameValue(l, x) {
			continue
		}
		// x > k, x >= k (k <= 0), x != -1, x != k: x is past the error value.
		switch op {
		case ">", ">=", "!=":
			return true
		}
	}
	return false
}

// sameValue reports whether e is x, or x is a variable assigned from e
// (price = get_market_price(s); ... if (get_market_price(s) < 0)) or the
// other way round.
func (f *funcFacts) sameValue(e, x *node) bool {
	e = unparen(e)
	if e == nil || x == nil {
		return false
	}
	if e.kind == "assignment_expression" {
		return f.sameValue(e.child("left"), x) || f.sameValue(e.child("right"), x)
	}
	if f.sameExpr(e, x) {
		return true
	}
	// x was set from the checked expression: x = get_price(s) and the
	// guard tests get_price(s) itself.
	if name := f.identName(x); name != "" {
		for _, d := range f.defs {
			if d.name == name && d.whole && len(d.srcs) == 1 && f.sameExpr(d.srcs[0], e) {
				return true
			}
		}
	}
	return false
}

// resultChecked reports whether the product's value is checked for a
// negative value where it is used: the variable it is stored in is
// compared with a constant of at most a small positive amount.
func (f *funcFacts) resultChecked(m *node) bool {
	p := unparenParent(m)
	var name string
	switch {
	case p != nil && p.kind == "assignment_expression":
		name, _ = baseVar(f.file.t, p.child("left"))
	case p != nil && p.kind == "init_declarator":
		name = declName(f.file.t, p.child("declarator"))
	}
	if name == "" {
		return false
	}
	for _, b := range f.byKind["binary_expression"] {
		if b.start < m.end {
			continue
		}
		op := f.text(b.child("operator"))
		if op != "<" && op != "<=" && op != ">" && op != ">=" {
			continue
		}
		l, rr := b.child("left"), b.child("right")
		if f.identName(l) == name {
			if k, ok := f.file.constValue(rr, f); ok && k <= 0 || isSmallFloat(f.text(rr)) {
				return true
			}
		}
		if f.identName(rr) == name {
			if k, ok := f.file.constValue(l, f); ok && k <= 0 || isSmallFloat(f.text(l)) {
				return true
			}
		}
	}
	// fabs(product) or a max(0, ...) clamp
	for q := p; q != nil && q.kind != "function_definition"; q = q.parent {
		if q.kind == "call_expression" {
			name, _ := callName(f.file.t, q.child("function"))
			if name == "fabs" || name == "abs" || name == "fmax" || name == "max" {
				return true
			}
		}
	}
	return false
}

var smallFloat = regexp.MustCompile(`^0?\.0*[0-9]*f?$|^0\.0+1?f?$|^[0-9.]+e-[0-9]+f?$`)

func isSmallFloat(s string) bool {
	s = strings.TrimSpace(s)
	if !smallFloat.MatchString(s) {
		return false
	}
	return strings.HasPrefix(s, "0") || strings.HasPrefix(s, ".")
}

// ---- cwe20-url-substring-check -----------------------------------------

var hostLike = regexp.MustCompile(`^(?:[a-z][a-z0-9+.-]*://)?(?:www\.)?([a-z0-9-]+\.)+[a-z]{2,}(?::[0-9]+)?(/.*)?$`)

func checkURLSubstring(ff *fileFacts, r *reporter) {
	for _, f := range ff.funcs {
		for _, c := range f.calls {
			if !inCondition(c.n) {
				continue
			}
			switch c.name {
			case "strstr", "strcasestr", ".find":
				needle := c.arg(1)
				if c.name == ".find" {
					needle = c.arg(0)
				}
				s, ok := stringValue(ff.t, unparen(needle))
				if !ok || !hostLike.MatchString(strings.ToLower(s)) {
					continue
				}
				r.report(c.n, fmt.Sprintf("the URL is accepted when it contains %q anywhere: https://evil.example.net/?%s passes this check", s, s), "")
			case "strncmp", "strncasecmp", "memcmp", ".compare", ".rfind":
				if c.name == ".compare" || c.name == ".rfind" {
					continue
				}
				lit := unparen(c.arg(1))
				s, ok := stringValue(ff.t, lit)
				if !ok {
					lit = unparen(c.arg(0))
					s, ok = stringValue(ff.t, lit)
				}
				if !ok {
					continue
				}
				ls := strings.ToLower(s)
				m := hostLike.FindStringSubmatch(ls)
				if m == nil || !strings.Contains(ls, "://") || m[2] != "" {
					continue // not a URL prefix, or it ends with a path: anchored
				}
				n, ok := ff.constValue(c.arg(2), f)
				if ok && n > int64(len(s)) {
					continue
				}
				r.report(c.n, fmt.Sprintf("the URL is accepted when it starts with %q: %s.evil.net passes this check because nothing follows the host name", s, s), "")
			}
		}
		for _, c := range f.calls {
			if c.name != "regcomp" {
				continue
			}
			s, ok := stringValue(ff.t, unparen(c.arg(1)))
			if !ok {
				continue
			}
			if strings.Contains(s, "example") || hostLike.MatchString(strings.Trim(s, "^$")) {
				if !strings.HasPrefix(s, "^") || regexp.MustCompile(`[a-z0-9]\.[a-z]`).MatchString(s) {
					r.report(c.n, fmt.Sprintf("the regular expression %q is not anchored or has an unescaped '.', so other hosts match it", s),
						"anchor the pattern and escape the dots: \"^https?://(www\\\\.)?example\\\\.com(/|$)\"")
				}
			}
		}
	}
}

// inCondition reports whether a call decides a branch (if, ?:, while,
// a return of a boolean).
func inCondition(n *node) bool {
	for p := n.parent; p != nil; p = p.parent {
		switch p.kind {
		case "parenthesized_expression", "unary_expression", "binary_expression", "condition_clause", "cast_expression":
			continue
		case "if_statement", "while_statement", "conditional_expression", "return_statement", "for_statement", "do_statement":
			return true
		case "init_declarator", "assignment_expression":
			return true // stored, and tested later
		}
		return false
	}
	return false
}
