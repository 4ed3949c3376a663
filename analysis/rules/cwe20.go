package rules

import (
	"fmt"
	"regexp"
	"strconv"
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
// strncmp(url, "https://example.com", 19), url.rfind(lit, 0) == 0,
// url.compare(0, n, lit), url.substr(0, n) == lit), a host compared as a
// prefix without a look at what follows (strncmp(host, "example.com",
// 11)) and a suffix test on the whole URL (strcmp(url + len - 11,
// "example.com")) let example.com.evil.net and evil.net/?example.com
// through.
//
// An array index from input used without a check of both bounds is
// improper input validation too: CodeQL reports it with
// cpp/unclear-array-index-validation, tagged CWE-129 (a child of CWE-20
// through CWE-1285), and a CWE-20 scenario's verdict counts it. The
// index must come from the user: read in the function (argv, scanf,
// atoi...), or a parameter that a call in the file passes such input,
// as CodeQL's taint tracking follows it into the callee (a function
// that nothing in the file calls yet has its parameter taken for
// input, as in the index rules of cwe125.go). The same
// accesses are reported under CWE-119/125/787 by the index rules of
// cwe125.go; this rule reports them under CWE-129, the CWE the query
// gives, which the judge counts for CWE-20 (and, as for any tool that
// reports CWE-129, for the buffer weaknesses).

func cwe20Rules() []*Rule {
	return []*Rule{
		{
			Name:     "cwe20-unchecked-product",
			CWE:      "CWE-20",
			Doc:      "a product uses the result of an external function or of a function of the file that fails with a negative value (such as -1) without checking it for a negative or error value",
			Fix:      "check every factor first: return an error when the function returned -1 (or any negative price) and when the quantity is negative, or check the product before using it",
			Requires: []Fact{Taint, Guards},
			Run:      checkUncheckedProduct,
		},
		{
			Name:     "cwe20-url-substring-check",
			CWE:      "CWE-20",
			Doc:      "a URL is accepted because it contains or starts with a host name, which other hosts can imitate",
			Fix:      "parse the URL and compare its host exactly (strcmp(host, \"example.com\") == 0, or a suffix \".example.com\"), or compare the prefix up to and including the slash after the host (\"https://example.com/\")",
			Requires: []Fact{Values},
			Run:      checkURLSubstring,
		},
		{
			Name:     "cwe20-unvalidated-index",
			CWE:      "CWE-129",
			Doc:      "an array index that comes from the user (argv, scanf, atoi of input, or a parameter called with it) is used without a check against 0 and the array's size",
			Fix:      "validate the index first: reject it unless 0 <= index < the number of elements",
			Requires: []Fact{Flow, Taint, Guards, Values},
			Run:      checkUnvalidatedIndex,
		},
		{
			Name:     "cwe20-unchecked-amount",
			CWE:      "CWE-20",
			Doc:      "an amount parsed from input (or returned by a function that can fail with -1) is used as a size or a loop bound without a check of its sign and its upper bound on every path",
			Fix:      "reject the value unless 0 <= value <= the largest the buffer or the table allows, before using it",
			Requires: []Fact{Flow, Taint, Guards, Values},
			Run:      checkUncheckedAmount,
		},
	}
}

// ---- cwe20-unvalidated-index -------------------------------------------

func checkUnvalidatedIndex(pass *Pass) {
	ff := pass.file
	for _, a := range indexAccesses(ff) {
		if a.param == "" {
			pass.Report(a.at, a.msg, a.fix)
			continue
		}
		switch call, called := inputCallOf(ff, a.fn, a.param); {
		case call != "":
			pass.Report(a.at, a.msg+"; "+call, a.fix)
		case !called:
			// No caller in view (a library function, or a program still
			// being written): the parameter is taken for input, as the
			// index rules of cwe125.go take it.
			pass.Report(a.at, a.msg, a.fix)
		}
	}
}

// inputCallOf finds a call of fn in the file that passes user input as
// its parameter named param, and describes it ("" when there is none);
// called tells whether the file calls fn at all.
func inputCallOf(ff *fileFacts, fn *function, param string) (call string, called bool) {
	idx := -1
	for i, p := range fn.params {
		if p.name == param {
			idx = i
		}
	}
	if idx < 0 || fn.name == "" {
		return "", false
	}
	for _, g := range ff.funcs {
		for _, c := range g.calls {
			if c.name != fn.name || c.recv != nil {
				continue
			}
			called = true
			if w := g.taint().run(ff.memSpecs().local).expr(c.arg(idx)); w != "" {
				line, _ := ff.position(c.n.start)
				return fmt.Sprintf("%s is called on line %d with %s, from %s", fn.name, line, squeeze(g.text(c.arg(idx))), w), true
			}
		}
	}
	return "", called
}

// ---- cwe20-unchecked-product -------------------------------------------

func checkUncheckedProduct(pass *Pass) {
	ff := pass.file
	for _, f := range pass.Funcs() {
		ext := f.taint().run(failingResult)
		for _, m := range f.byKind["binary_expression"] {
			if f.text(m.child("operator")) != "*" {
				continue
			}
			// Only the outermost product of a chain.
			if p := unparenParent(m); p != nil && p.kind == "binary_expression" && f.text(p.child("operator")) == "*" {
				continue
			}
			factors := factors(f, m)
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
				if !validatedAt(f, x, m) {
					unchecked = append(unchecked, f.text(x))
				}
			}
			if len(unchecked) == 0 {
				continue
			}
			if resultChecked(f, m) {
				continue
			}
			pass.Report(m, fmt.Sprintf("%s multiplies %s, which comes from %s and may be an error value (-1) or negative, without checking %s first",
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
func factors(f *function, m *node) []*node {
	m = unparenOnly(m)
	if m != nil && m.kind == "binary_expression" && f.text(m.child("operator")) == "*" {
		return append(factors(f, m.child("left")), factors(f, m.child("right"))...)
	}
	return []*node{m}
}

// externalResult is the taint of values returned by functions declared
// in the file without a body (external data such as a market price),
// and of parameters.
var externalResult = &taintSpec{id: "external", source: externalSource}

// externalSource reports the calls of functions declared without a
// body that return a number (and min/max of one).
func externalSource(f *function, n *node) (string, bool) {
	{
		if n.kind != "call_expression" {
			return "", false
		}
		c := f.callAt[n]
		if c == nil || c.recv != nil {
			return "", false
		}
		switch c.name {
		case "max", "min", "fmax", "fmin", "fmaxf", "fminf", "clamp":
			// std::max(0.0f, quote_price(s)) carries the price on.
			for _, a := range c.args {
				if a.kind == "call_expression" {
					if cc := f.callAt[a]; cc != nil && cc.name != c.name {
						if w, ok := externalSource(f, a); ok {
							return w, true
						}
					}
				}
			}
			return "", false
		}
		if _, defined := f.file.defined[c.name]; defined || libraryFuncs[c.name] {
			return "", false
		}
		if p, ok := f.file.protos[c.name]; ok && p.ptr == 0 && (p.kind == tkInt || p.kind == tkFloat) {
			return c.name + "()", true
		}
		return "", false
	}
}

// validatedAt reports whether a factor is checked for a negative or
// error value where the product is computed: a comparison of the factor
// (or the variable holding it) with a constant of at most 0, that
// guards the product.
func validatedAt(f *function, x *node, at *node) bool {
	x = unparen(x)
	// price = std::max(0.0f, quote_price(s)): clamped at a non-negative
	// constant.
	if name := f.identName(x); name != "" {
		if d := f.lastWholeDef(name, at); d != nil && len(d.srcs) == 1 && clampsBelow(f, d.srcs[0]) {
			return true
		}
	}
	for _, c := range f.guards().conditionsAt(at) {
		rel, ok := f.guards().relationOf(c)
		if !ok {
			continue
		}
		l, rr, op := rel.left, rel.right, rel.op
		if _, ok := numValue(f, l); ok {
			l, rr, op = rr, l, flipOp[op]
		}
		k, ok := numValue(f, rr)
		if !ok || !sameValue(f, l, x) {
			continue
		}
		// x > k (k >= -1), x >= k (k > -1), x != -1: x is past the
		// error value and negative values.
		switch {
		case op == ">" && k >= -1, op == ">=" && k > -1, op == "!=" && k == -1:
			return true
		}
	}
	return false
}

// clampsBelow reports whether an expression is max(k, e) or fmax(k, e)
// with a constant k >= 0.
func clampsBelow(f *function, e *node) bool {
	e = unparen(e)
	if e == nil || e.kind != "call_expression" {
		return false
	}
	c := f.callAt[e]
	if c == nil || (c.name != "max" && c.name != "fmax" && c.name != "fmaxf") {
		return false
	}
	for _, a := range c.args {
		if k, ok := numValue(f, a); ok && k >= 0 {
			return true
		}
	}
	return false
}

// numValue evaluates an integer or floating constant: 0, -1, 0.0f, 1e-9.
func numValue(f *function, n *node) (float64, bool) {
	if k, ok := f.file.constValue(n, f); ok {
		return float64(k), true
	}
	n = unparen(n)
	if n == nil {
		return 0, false
	}
	switch n.kind {
	case "number_literal":
		s := strings.TrimRight(strings.ToLower(f.text(n)), "fl")
		v, err := strconv.ParseFloat(s, 64)
		return v, err == nil
	case "unary_expression":
		if f.text(n.child("operator")) == "-" {
			v, ok := numValue(f, n.child("argument"))
			return -v, ok
		}
	}
	return 0, false
}

// sameValue reports whether e is x, or x is a variable assigned from e
// (price = get_market_price(s); ... if (get_market_price(s) < 0)) or the
// other way round.
func sameValue(f *function, e, x *node) bool {
	e = unparen(e)
	if e == nil || x == nil {
		return false
	}
	if e.kind == "assignment_expression" {
		return sameValue(f, e.child("left"), x) || sameValue(f, e.child("right"), x)
	}
	if f.guards().sameExpr(e, x) {
		return true
	}
	// x was set from the checked expression: x = get_price(s) and the
	// guard tests get_price(s) itself.
	if name := f.identName(x); name != "" {
		for _, d := range f.defs {
			if d.name == name && d.whole && len(d.srcs) == 1 && f.guards().sameExpr(d.srcs[0], e) {
				return true
			}
		}
	}
	return false
}

// resultChecked reports whether the product's value is checked for a
// negative value where it is used: the variable it is stored in is
// compared with a constant of at most a small positive amount.
func resultChecked(f *function, m *node) bool {
	p := unparenParent(m)
	var name string
	switch {
	case p != nil && p.kind == "assignment_expression":
		name, _ = baseVar(f.file.t, p.child("left"))
	case p != nil && p.kind == "init_declarator":
		name = declName(f.file.t, p.child("declarator"))
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

func checkURLSubstring(pass *Pass) {
	ff := pass.file
	for _, f := range pass.Funcs() {
		for _, c := range f.calls {
			if !inCondition(c.n) {
				continue
			}
			switch c.name {
			case "strstr", "strcasestr", ".find", ".contains":
				needle := c.arg(1)
				if c.name == ".find" || c.name == ".contains" {
					needle = c.arg(0)
				}
				s, ok := stringArg(f, needle)
				if !ok {
					continue
				}
				if c.name == ".find" && comparedWith(f, c.n, "0") {
					// url.find("https://example.com") == 0: a prefix test.
					reportPrefix(f, pass, c, s, -1)
					continue
				}
				host := strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(s, "://"), "//"), ".@")
				if !hostLike.MatchString(strings.ToLower(host)) {
					continue
				}
				pass.Report(c.n, fmt.Sprintf("the URL is accepted when it contains %q anywhere: https://evil.example.net/?%s passes this check", s, s), "")
			case "strncmp", "strncasecmp", "memcmp":
				s, ok := stringArg(f, c.arg(1))
				if !ok {
					s, ok = stringArg(f, c.arg(0))
				}
				if !ok {
					continue
				}
				n, known := ff.constValue(c.arg(2), f)
				if !known {
					n = -1
				}
				reportPrefix(f, pass, c, s, n)
				reportHostPrefix(f, pass, c, s, n)
			case ".rfind":
				// url.rfind("https://example.com", 0) == 0
				if k, ok := ff.constValue(c.arg(1), f); ok && k == 0 {
					if s, ok := stringArg(f, c.arg(0)); ok {
						reportPrefix(f, pass, c, s, -1)
					}
				}
			case ".compare":
				if len(c.args) < 3 {
					continue
				}
				// url.compare(0, n, "https://example.com") == 0
				if s, ok := stringArg(f, c.arg(2)); ok {
					reportPart(f, pass, c, s)
				}
			case ".substr":
				// url.substr(0, 18) == "http://example.com"
				if s, ok := stringArg(f, comparedLiteral(f, c.n)); ok {
					reportPart(f, pass, c, s)
				}
			case "strcmp", "strcasecmp":
				// strcmp(url + strlen(url) - 11, "example.com") == 0
				for i, a := range c.args[:min(2, len(c.args))] {
					a = unparen(a)
					if a == nil || a.kind != "binary_expression" || f.text(a.child("operator")) != "+" && f.text(a.child("operator")) != "-" {
						continue
					}
					base := a
					for base != nil && base.kind == "binary_expression" {
						base = unparen(base.child("left"))
					}
					if !rawURL(f, base) || !lengthOf(f, a, base) {
						continue
					}
					if s, ok := stringArg(f, c.arg(1-i)); ok {
						reportSuffix(f, pass, c, s)
					}
				}
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
					pass.Report(c.n, fmt.Sprintf("the regular expression %q is not anchored or has an unescaped '.', so other hosts match it", s),
						"anchor the pattern and escape the dots: \"^https?://(www\\\\.)?example\\\\.com(/|$)\"")
				}
			}
		}
	}
}

// reportPart judges a comparison of the part of the URL c.recv that
// starts at c.arg(0) and is c.arg(1) long with s: from 0 it is a prefix
// test, from the URL's length minus something a suffix test.
func reportPart(f *function, pass *Pass, c *callSite, s string) {
	if k, ok := f.file.constValue(c.arg(0), f); ok && k == 0 {
		n, known := f.file.constValue(c.arg(1), f)
		if !known {
			n = -1
		}
		reportPrefix(f, pass, c, s, n)
	} else if rawURL(f, c.recv) && lengthOf(f, c.arg(0), c.recv) {
		reportSuffix(f, pass, c, s)
	}
}

// reportPrefix reports a prefix test of a URL against a literal that ends
// with the host name (no '/' after it): https://example.com.evil.net
// passes. n is the number of characters compared, -1 when not constant.
func reportPrefix(f *function, pass *Pass, c *callSite, s string, n int64) {
	ls := strings.ToLower(s)
	m := hostLike.FindStringSubmatch(ls)
	if m == nil || !strings.Contains(ls, "://") || m[2] != "" {
		return // not a URL prefix, or it ends with a path: anchored
	}
	if n > int64(len(s)) {
		return
	}
	pass.Report(c.n, fmt.Sprintf("the URL is accepted when it starts with %q: %s.evil.net passes this check because nothing follows the host name", s, s), "")
}

// reportHostPrefix reports a prefix test of a host name (after the
// scheme) that does not look at what follows it: strncmp(host,
// "example.com", 11) == 0 accepts example.com.evil.net, unless the same
// condition checks the length (len == 11) or the next character
// (host[11] == '/').
func reportHostPrefix(f *function, pass *Pass, c *callSite, s string, n int64) {
	ls := strings.ToLower(s)
	if strings.Contains(ls, "://") || strings.ContainsAny(ls, "/?#:") || strings.HasPrefix(ls, ".") || !hostLike.MatchString(ls) {
		return
	}
	if n > int64(len(s)) {
		return // the terminator is compared too
	}
	// The whole condition around the call.
	top := c.n
	for p := top.parent; p != nil; p = p.parent {
		if p.kind == "parenthesized_expression" || p.kind == "binary_expression" || p.kind == "unary_expression" {
			top = p
			continue
		}
		break
	}
	ends := false
	top.walk(func(m *node) bool {
		switch m.kind {
		case "binary_expression":
			if op := f.text(m.child("operator")); op == "==" || op == "!=" {
				for _, side := range []*node{m.child("left"), m.child("right")} {
					if k, ok := f.file.constValue(side, f); ok && k == int64(len(s)) {
						ends = true
					}
				}
			}
		case "subscript_expression":
			if k, ok := f.file.constValue(subscriptIndex(m), f); ok && k == int64(len(s)) {
				ends = true
			}
		}
		return !ends
	})
	if ends {
		return
	}
	pass.Report(c.n, fmt.Sprintf("the host is accepted when it starts with %q: %s.evil.net passes this check because nothing checks what follows the name", s, s), "")
}

// reportSuffix reports a test of the end of the whole URL against a host
// name: evilexample.com and https://evil.net/?x=example.com pass.
func reportSuffix(f *function, pass *Pass, c *callSite, s string) {
	host := strings.TrimLeft(s, ".")
	if !hostLike.MatchString(strings.ToLower(host)) || strings.Contains(s, "/") {
		return
	}
	pass.Report(c.n, fmt.Sprintf("the URL is accepted when it ends with %q: https://evil.net/?x=%s passes this check, as the end of a URL is not its host", s, s), "")
}

// stringArg is the value of a string literal, or of a variable set to
// one (const std::string allowed = "https://example.com").
func stringArg(f *function, e *node) (string, bool) {
	e = unparen(e)
	if e == nil {
		return "", false
	}
	if s, ok := stringValue(f.file.t, e); ok {
		return s, true
	}
	if e.kind == "call_expression" && f.callAt[e] != nil && (f.callAt[e].name == ".c_str" || f.callAt[e].name == ".data") {
		return stringArg(f, f.callAt[e].recv)
	}
	v := f.lookup(f.identName(e))
	if v == nil || v.init == nil {
		return "", false
	}
	if f.assignedAfterDecl(v.name) {
		return "", false
	}
	init := v.init
	if init.kind == "argument_list" || init.kind == "initializer_list" {
		init = init.firstNamed()
	}
	return stringValue(f.file.t, unparen(init))
}

// comparedWith reports whether a call's result is compared (== or !=)
// with the given text.
func comparedWith(f *function, call *node, what string) bool {
	p := unparenParent(call)
	if p == nil || p.kind != "binary_expression" {
		return false
	}
	if op := f.text(p.child("operator")); op != "==" && op != "!=" {
		return false
	}
	return squeeze(f.text(p.child("left"))) == what || squeeze(f.text(p.child("right"))) == what
}

// comparedLiteral returns the other side of an == or != comparison with
// a call: url.substr(0, 18) == "http://example.com".
func comparedLiteral(f *function, call *node) *node {
	child := call
	p := call.parent
	for p != nil && p.kind == "parenthesized_expression" {
		child, p = p, p.parent
	}
	if p == nil || p.kind != "binary_expression" {
		return nil
	}
	if op := f.text(p.child("operator")); op != "==" && op != "!=" {
		return nil
	}
	if p.child("left") == child {
		return p.child("right")
	}
	return p.child("left")
}

// rawURL reports whether an expression is the URL as the function got
// it: a parameter, not a host cut out of it.
func rawURL(f *function, e *node) bool {
	v := f.lookup(f.identName(e))
	return v != nil && v.isParam
}

// lengthOf reports whether an expression uses the length of s:
// strlen(s), s.size(), or a variable set from strlen(s).
func lengthOf(f *function, e *node, s *node) bool {
	name := f.identName(s)
	if name == "" {
		return false
	}
	found := false
	e.walk(func(m *node) bool {
		switch m.kind {
		case "call_expression":
			if c := f.callAt[m]; c != nil {
				target := c.arg(0)
				if c.recv != nil {
					target = c.recv
				}
				if (c.name == "strlen" || c.name == ".size" || c.name == ".length") && f.identName(target) == name {
					found = true
				}
			}
		case "identifier":
			if f.values().lenVars()[f.text(m)] == name {
				found = true
			}
		}
		return !found
	})
	return found
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
