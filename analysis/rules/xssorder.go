package rules

import (
	"fmt"
	"strings"
)

// Two ways an escaper of the file can be called and still let markup
// into a page, judged where it is called:
//
//   - its result goes into an attribute value whose quote it does not
//     escape (out << "<input value=\"" << escape(q) << "\">", or the
//     same in a printf format or a string sum): the quote ends the value
//     and what follows is markup;
//   - its result is decoded afterwards (url_decode(html_escape(raw)),
//     or escape_html(raw, field, n) then url_decode(field)): %3C becomes
//     < after the escaping, so the page gets the markup anyway.

// checkEscaperUse reports both, for the request data tr follows.
func checkEscaperUse(pass *Pass, f *function, tr *taintRun) {
	for _, c := range f.calls {
		if !f.flow().reachableNode(c.n) {
			continue
		}
		if g := f.callee(c); g != nil && g != f {
			for i, a := range c.args {
				if i >= len(g.params) || !htmlEscaper(g, g.params[i]) {
					continue
				}
				why := tr.expr(a)
				if why == "" {
					continue
				}
				at, q := c.n, attributeQuoteAt(f, c.n)
				if q == 0 {
					at, q = attributeUse(f, c.n)
				}
				if q == 0 || escapesOf(g, g.params[i]).handled[q] {
					continue
				}
				pass.Report(at, fmt.Sprintf("%s(%s), of %s, goes into an HTML attribute quoted with %c, and %s escapes < but not %c: a value with %c ends the attribute and adds markup",
					g.name, squeeze(f.text(a)), why, q, g.name, q, q),
					fmt.Sprintf("escape %c as well (&quot; or &#39;) in %s", q, g.name))
				break
			}
		}
		if decodes(f, c) {
			if esc, why := escapedInput(f, tr, c.arg(0), c.n); esc != "" {
				pass.Report(c.n, fmt.Sprintf("%s decodes %s after %s escaped it for HTML (the data comes from %s): an escaped %%3C comes back as < and reaches the page",
					c.name, squeeze(f.text(c.arg(0))), esc, why),
					"decode first, then escape the decoded text")
			}
		}
	}
}

// attributeUse finds where the variable a call's result is kept in
// (shown = escape_html(q)) goes into an open attribute value, and the
// value's quote.
func attributeUse(f *function, call *node) (*node, byte) {
	p := unparenParent(call)
	if p == nil || p.kind != "init_declarator" && p.kind != "assignment_expression" {
		return nil, 0
	}
	name := ""
	if p.kind == "init_declarator" {
		name = declName(f.file.t, p.child("declarator"))
	} else {
		name = f.identName(p.child("left"))
	}
	if name == "" {
		return nil, 0
	}
	for _, id := range f.byKind["identifier"] {
		if id.start <= call.end || f.text(id) != name {
			continue
		}
		if src, ok := soleSource(f, name, id); !ok || unparen(src) != call {
			continue
		}
		if q := attributeQuoteAt(f, id); q != 0 {
			return id, q
		}
	}
	return nil, 0
}

// escapedInput tells whether a value is request data an HTML escaper
// produced: the escaper's call itself, or a variable whose last write
// before at is such a call (its result, or its output argument). It
// returns the escaper's name and where the data comes from.
func escapedInput(f *function, tr *taintRun, v, at *node) (string, string) {
	v = unparen(v)
	if v == nil {
		return "", ""
	}
	if c := f.callAt[v]; c != nil {
		esc, why, _ := escaperOf(f, tr, c)
		return esc, why
	}
	name := f.identName(v)
	if name == "" {
		return "", ""
	}
	// The last call before at that is handed the variable, when it is
	// an escaper writing it: escape_html(raw, field, n).
	var last *callSite
	for _, c := range f.calls {
		if c.n.end > at.start {
			continue
		}
		for _, a := range c.args {
			if f.identName(a) == name && (last == nil || c.n.start > last.n.start) {
				last = c
			}
		}
	}
	d := f.lastWholeDef(name, at)
	if last != nil && (d == nil || last.n.start > d.pos) {
		if esc, why, i := escaperOf(f, tr, last); esc != "" && f.identName(last.arg(i)) != name {
			return esc, why
		}
		return "", ""
	}
	if d != nil && len(d.srcs) == 1 {
		if c := f.callAt[unparen(d.srcs[0])]; c != nil {
			esc, why, _ := escaperOf(f, tr, c)
			return esc, why
		}
	}
	return "", ""
}

// escaperOf tells whether a call escapes request data for HTML: a
// function of the file whose body escapes the argument (htmlEscaper), or
// a library function named for it. It returns the escaper's name, where
// the data comes from, and the index of the argument it escapes.
func escaperOf(f *function, tr *taintRun, c *callSite) (string, string, int) {
	if g := f.callee(c); g != nil && g != f {
		for i, a := range c.args {
			if i < len(g.params) && htmlEscaper(g, g.params[i]) {
				if why := tr.expr(a); why != "" {
					return g.name, why, i
				}
			}
		}
		return "", "", -1
	}
	if libraryEscaper(f, c) && strings.Contains(strings.ToLower(c.name), "html") {
		if why := tr.expr(c.arg(0)); why != "" {
			return c.name, why, 0
		}
	}
	return "", "", -1
}

// attributeQuoteAt is the quote of an HTML attribute value the text just
// before an expression opens and leaves open: the operand before it in a
// << chain or a string sum, or the format text before its conversion in
// a printf-family call. 0 when there is none.
func attributeQuoteAt(f *function, e *node) byte {
	child, p := e, unparenParent(e)
	if p == nil {
		return 0
	}
	var before string
	switch p.kind {
	case "binary_expression":
		op := f.text(p.child("operator"))
		if (op != "<<" && op != "+") || unparen(p.child("right")) != unparen(child) {
			return 0
		}
		left := unparen(p.child("left"))
		if left != nil && left.kind == "binary_expression" && f.text(left.child("operator")) == op {
			left = unparen(left.child("right"))
		}
		s, ok := stringValue(f.file.t, left)
		if !ok {
			return 0
		}
		before = s
	case "argument_list":
		c := f.callAt[p.parent]
		if c == nil {
			return 0
		}
		fi, ok := printfFormatArg[c.name]
		if !ok {
			return 0
		}
		format, ok := stringValue(f.file.t, unparenOnly(c.arg(fi)))
		if !ok {
			return 0
		}
		k := childIndexIn(c.args, child)
		if k <= fi {
			return 0
		}
		before = formatTextBefore(format, k-fi-1)
	default:
		return 0
	}
	return openAttrQuote(before)
}

// openAttrQuote is the quote of an attribute value that a piece of HTML
// opens and does not close: `<a title="` and `title="Posted by ` both
// leave '"' open; `class="entry">` closes it. A quote not after '=' is
// text, not an attribute's.
func openAttrQuote(html string) byte {
	var q byte
	for i := 0; i < len(html); i++ {
		c := html[i]
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			j := i - 1
			for j >= 0 && html[j] == ' ' {
				j--
			}
			if j >= 0 && html[j] == '=' {
				q = c
			}
		}
	}
	return q
}

// printfFormatArg is the index of the format argument of the printf
// family.
var printfFormatArg = map[string]int{"printf": 0, "fprintf": 1, "sprintf": 1, "snprintf": 2, "dprintf": 1}

// formatTextBefore is the literal text of a printf format between the
// conversion before the n-th argument's (0-based, after the format) and
// that conversion.
func formatTextBefore(format string, n int) string {
	arg, start := 0, 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			i++
			continue
		}
		text := format[start:i]
		j := i + 1
		for j < len(format) && strings.IndexByte("-+ #0'0123456789.*hlLqjzt", format[j]) >= 0 {
			if format[j] == '*' {
				arg++
			}
			j++
		}
		if arg == n {
			return text
		}
		arg++
		start = j + 1
		i = j
	}
	return ""
}
