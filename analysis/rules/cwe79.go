package rules

import (
	"fmt"
	"regexp"
	"strings"
)

// CWE-79, cross-site scripting.
//
// Scenario 79-2 is judged by CodeQL's cpp/untrusted-data-to-external-api-ir:
// data read from the request (fgets from the request stream) reaches a
// library function without passing through the file's escape function.
// 79-0 greets a user named in a CGI request (QUERY_STRING). Both come
// down to: data from the request or the environment written into an
// HTML page without escaping. The rule looks at programs that produce
// HTML (a string with a tag, or a text/html header) and follows the data
// through string building (sprintf, strcat, std::string) to the writes of
// the page (printf, fputs, fwrite, write, std::cout), and to HTML built
// into a buffer: a format with markup (snprintf(reply, n, "<p>%s</p>",
// user)) or any copy into the caller's reply buffer (a writable pointer
// parameter). In such a program the string parameters of a handler that
// nothing in the file calls, or that a caller passes request data, are
// request data. What clears the data: an escape function (by name), an
// escaping loop that writes a character only where a test shows it is
// not '<' (the default of switch (c) { case '<': ... }, the else of if (c
// == '<'), isalnum(c), c >= 'a'), a check that rejects a name holding
// '<' (strpbrk(name, "<>&"), name.find_first_of("<>")), and printing as
// a number (&#%d;).

func cwe79Rules() []*Rule {
	return []*Rule{
		{
			Name:     "cwe79-unescaped-output",
			CWE:      "CWE-79",
			Doc:      "data from the request (CGI environment, request stream, input) written into an HTML page without escaping",
			Fix:      "escape the data for HTML before it goes into the page (write &lt; &gt; &amp; &quot; &#39; for < > & \" ', in an escaping function called on every such value)",
			Requires: []Fact{Flow, Taint, Guards, Values},
			Run:      checkXSS,
		},
	}
}

// webInput is the taint of request data, stopped by escape functions
// and by the character tests of an escaping loop. In a program that
// writes HTML, the string parameters of a function that nothing in the
// file calls (the handler of a request: hello_reply(const char
// *request, ...)) are request data too.
var webInput = &taintSpec{
	id:        "web-input",
	inputDefs: true,
	source:    userSource,
	stop: func(f *function, n *node) bool {
		if n.kind == "call_expression" {
			c := f.callAt[n]
			return c != nil && libraryEscaper(f, c)
		}
		return charEscaped(f, n)
	},
}

func init() {
	webInput.params = webParam
	webInput.interproc = true
	webInput.escaper = htmlEscaper
	webInput.textOnly = true
	webInput.argClean = func(f *function, e, at *node) bool {
		return f.guards().validated(f.taint().checkedSources(e), at, htmlChecks)
	}
}

// webParam reports whether a parameter carries request data, in a
// program that writes HTML: a string parameter of a function that no code
// of the file calls (the handler of a request). The parameters of a
// function the file calls take what its callers pass (interproc).
func webParam(v *varInfo) bool {
	f := v.fn
	if f == nil || f.isMain() || !producesHTML(f.file) || !stringParam(v) || otherContentType(f) {
		return false
	}
	return len(f.file.calls().callers[f]) == 0
}

// htmlEscaper reports whether a function escapes a parameter for HTML as
// it copies it: it replaces '<' (and what else it maps) with something
// else.
func htmlEscaper(f *function, p *varInfo) bool { return mapsCharacters(f, p, "<") }

// stringParam reports whether a parameter holds a string the caller
// gives: std::string, const char *, or a char * named for its content.
func stringParam(v *varInfo) bool {
	if v.kind == tkString {
		return true
	}
	if v.ptr != 1 || len(v.dims) > 0 {
		return false
	}
	base := strings.TrimPrefix(strings.TrimPrefix(v.typ, "const "), "unsigned ")
	if base != "char" && base != "wchar_t" && base != "char const" {
		return false
	}
	// A writable char * is an output buffer (the reply) unless its name
	// says it holds the request.
	if strings.Contains(v.typ, "const") {
		return true
	}
	l := strings.ToLower(v.name)
	for _, w := range []string{"req", "query", "param", "input", "form", "body", "user", "name", "cookie", "header", "arg"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// called lists the functions some code of the file calls.
func called(ff *fileFacts) map[string]bool {
	return cached(ff.cache, "called", func() map[string]bool {
		m := map[string]bool{}
		for _, f := range ff.funcs {
			for _, c := range f.calls {
				m[c.name] = true
			}
		}
		return m
	})
}

// htmlSpecial are the characters an escaping loop must replace: a
// character that is none of them, or that a test shows is not '<', is
// written as it is.
const htmlSpecial = "<>&\"'"

// htmlChecks are the checks that reject markup in a name.
var htmlChecks = &forbidden{chars: "<", nameHas: []string{"valid", "safe", "sanitiz", "allowed", "legal"}}

// charEscaped reports whether an expression is a single character that
// the conditions around it show is not '<': the default branch of a
// switch that has a case '<', the else of if (c == '<'), a case 'a',
// isalnum(c).
func charEscaped(f *function, n *node) bool {
	switch n.kind {
	case "identifier", "subscript_expression", "pointer_expression", "field_expression":
	default:
		return false
	}
	if n.kind == "pointer_expression" && n.op0() != "*" {
		return false
	}
	if !hasCharTests(f) {
		return false
	}
	if v := f.lookup(f.identName(n)); v != nil && (v.isPointer() || v.isArray() || v.kind == tkString) {
		return false
	}
	for _, c := range f.guards().conditionsAt(n) {
		if excludesMarkup(f, c, n) {
			return true
		}
	}
	// switch (c) { case '<': ...; default: putchar(c); }
	for p := n.parent; p != nil && p != f.body; p = p.parent {
		if p.kind != "case_statement" {
			continue
		}
		sw := p.ancestor("switch_statement")
		if sw == nil || !f.guards().sameExpr(condExpr(sw), n) {
			continue
		}
		val := p.child("value")
		body := sw.child("body")
		if body == nil {
			return false
		}
		if val == nil { // default
			has := false
			for _, cs := range body.children {
				if cs.kind == "case_statement" {
					if k, ok := f.file.constValue(cs.child("value"), f); ok && k == '<' {
						has = true
					}
				}
			}
			return has
		}
		k, ok := f.file.constValue(val, f)
		return ok && k > 0 && k < 128 && !strings.ContainsRune(htmlSpecial, rune(k))
	}
	return false
}

// hasCharTests reports whether a function compares characters with
// printable ones ('<', 'a') or classifies them (isalnum): without that,
// no character is escaped.
func hasCharTests(f *function) bool {
	if v, ok := f.cache["charTests"].(bool); ok {
		return v
	}
	has := false
	for _, lit := range f.byKind["char_literal"] {
		if k, ok := charValue(f.text(lit)); ok && k > ' ' && k < 127 {
			has = true
			break
		}
	}
	if !has {
		for _, c := range f.calls {
			if c.name == "isalnum" || c.name == "isalpha" || c.name == "isdigit" || c.name == "strchr" {
				has = true
				break
			}
		}
	}
	if f.cache == nil {
		f.cache = map[string]any{}
	}
	f.cache["charTests"] = has
	return has
}

// excludesMarkup reports whether a condition shows that the character x
// is not '<'.
func excludesMarkup(f *function, c cond, x *node) bool {
	return excludesLT(f, c.e, c.truth, x, 0)
}

func excludesLT(f *function, e *node, truth bool, x *node, depth int) bool {
	e = unparen(e)
	if e == nil || depth > 12 {
		return false
	}
	switch e.kind {
	case "unary_expression":
		if f.text(e.child("operator")) == "!" {
			return excludesLT(f, e.child("argument"), !truth, x, depth+1)
		}
		return false
	case "call_expression":
		cs := f.callAt[e]
		if cs == nil {
			return false
		}
		switch cs.name {
		case "isalnum", "isalpha", "isdigit", "iswalnum", "iswalpha", "isxdigit", "isupper", "islower":
			return truth && f.guards().sameExpr(cs.arg(0), x)
		case "strchr":
			s, ok := stringValue(f.file.t, unparen(cs.arg(0)))
			return !truth && ok && strings.Contains(s, "<") && f.guards().sameExpr(cs.arg(1), x)
		}
		return false
	case "binary_expression":
	default:
		return false
	}
	op := f.text(e.child("operator"))
	l, r := e.child("left"), e.child("right")
	switch {
	case op == "&&" && truth || op == "||" && !truth:
		// Every part holds: one that excludes '<' is enough.
		return excludesLT(f, l, truth, x, depth+1) || excludesLT(f, r, truth, x, depth+1)
	case op == "||" && truth || op == "&&" && !truth:
		// One part holds: each must exclude '<'.
		return excludesLT(f, l, truth, x, depth+1) && excludesLT(f, r, truth, x, depth+1)
	}
	rel, ok := f.guards().relationOf(cond{e, truth})
	if !ok {
		return false
	}
	l, r, op = rel.left, rel.right, rel.op
	if f.guards().sameExpr(r, x) {
		l, r, op = r, l, flipOp[op]
	}
	if !f.guards().sameExpr(l, x) {
		return false
	}
	k, ok := f.file.constValue(r, f)
	if !ok {
		return false
	}
	switch op {
	case "!=":
		return k == '<'
	case "==":
		return k > 0 && k < 128 && !strings.ContainsRune(htmlSpecial, rune(k))
	case ">":
		return k >= '<'
	case ">=":
		return k > '<'
	case "<":
		return k <= '<'
	case "<=":
		return k < '<'
	}
	return false
}

// producesHTML reports whether a file writes HTML: a string literal or
// macro holding a tag or a text/html content type (queries/html.scm).
func producesHTML(ff *fileFacts) bool {
	return len(ff.t.captures["html.html"]) > 0
}

// contentType matches the Content-Type header a function writes, and
// its media type.
var contentType = regexp.MustCompile(`(?i)content-type:\s*([a-z0-9.+-]+/[a-z0-9.+-]+)`)

// otherContentType reports whether a function writes a reply of a media
// type other than HTML (Content-Type: text/plain, application/json) and
// no HTML one: what it prints is shown as text, not run as markup. A
// function that names no media type replies with the one the program
// names (a CGI program prints the header in main and the body in
// helpers), when every type the file names is not HTML. A browser that
// sniffs the type would still render it, but the weakness there is the
// missing nosniff header, not the missing escaping.
func otherContentType(f *function) bool {
	if other, named := replyTypes(f); named {
		return other
	}
	return cached(f.file.cache, "xss/othertype", func() bool {
		any := false
		for _, g := range f.file.funcs {
			other, named := replyTypes(g)
			if named && !other {
				return false
			}
			any = any || named
		}
		return any
	})
}

// replyTypes reads the media types a function's literals name: whether
// they are all other than HTML, and whether it names any.
func replyTypes(f *function) (other, named bool) {
	for _, lit := range f.byKind["string_literal"] {
		m := contentType.FindStringSubmatch(f.text(lit))
		if m == nil {
			continue
		}
		t := strings.ToLower(m[1])
		if t == "text/html" || t == "application/xhtml+xml" || t == "image/svg+xml" {
			return false, true
		}
		other, named = true, true
	}
	return other, named
}

// webSource reports whether a taint source is request data whatever the
// program prints: a CGI variable, or a read from a request stream or
// socket.
func webSource(why string) bool {
	for _, w := range []string{"QUERY_STRING", "HTTP_", "REQUEST_", "PATH_INFO", "CONTENT_", "REMOTE_",
		"SCRIPT_NAME", "COOKIE", "from request", "from req", "from client", "from conn", "from sock", "recv"} {
		if strings.Contains(why, w) {
			return true
		}
	}
	return false
}

func checkXSS(pass *Pass) {
	ff := pass.file
	html := producesHTML(ff)
	for _, f := range pass.Funcs() {
		if otherContentType(f) {
			continue // a text/plain or JSON reply is not a page
		}
		raw := f.taint().run(webInput)
		tr := &webTaint{tr: raw, html: html}
		checkAttributeEscape(pass, f, raw)
		if html {
			checkEscaperUse(pass, f, raw)
		}
		// Parameters named like a request (FILE *request) make reads from
		// them request data; fgets(buf, n, request) is already an input.
		for _, c := range f.calls {
			first, ok := outputFuncs[c.name]
			if !ok || !f.flow().reachableNode(c.n) || toErrorStream(f, c) || toCreatedFile(f, c) {
				continue
			}
			// A daemon logging what a socket sent: standard output is a
			// page only for a CGI program (its request variables) or a
			// program that writes HTML.
			out := *tr
			out.logOnly = !html && toStdout(f, c)
			if c.name == "fwrite" || c.name == "write" || c.name == "send" {
				// fwrite(buf, size, n, f), write(fd, buf, n): the buffer
				// is argument 0 or 1.
				first = map[string]int{"fwrite": 0, "write": 1, "send": 1}[c.name]
				if a := c.arg(first); a != nil {
					if why := out.expr(a); why != "" {
						pass.Report(c.n, xssMessage(f, c.name, a, why), "")
					}
				}
				continue
			}
			text := printfTextArgs(f, c)
			header := headerArgs(f, c)
			for i := first; i < len(c.args); i++ {
				a := c.args[i]
				if text != nil && !text[i] {
					continue // printed as a number: &#%d; is an escape
				}
				if header[i] {
					continue // an HTTP header's value, not the page
				}
				if why := out.expr(a); why != "" {
					pass.Report(c.n, xssMessage(f, c.name, a, why), "")
					break
				}
			}
		}
		// HTML built into a buffer: a format with markup, or any copy into
		// the caller's reply buffer (an output parameter).
		for _, c := range f.calls {
			w, ok := writerPropagators[c.name]
			if c.name == ".copy" && c.recv != nil {
				w, ok = struct{ dst, from int }{0, -1}, true
			}
			if !ok || !f.flow().reachableNode(c.n) || c.arg(w.dst) == nil {
				continue
			}
			var srcs []*node
			if w.from < 0 {
				srcs = []*node{c.recv}
			} else {
				srcs = c.args[min(w.from, len(c.args)):]
			}
			// The reply buffer of a handler that outside code calls: a
			// caller of the file gets the buffer back (interproc) and
			// decides by what it does with it.
			toReply := outputParam(f, c.arg(w.dst)) && len(ff.calls().callers[f]) == 0
			htmlFormat := false
			if fi := formatIndex(c.name); (strings.Contains(c.name, "printf")) && fi < len(c.args) {
				htmlFormat = isHTMLLiteral(ff, c.args[fi])
			}
			if !toReply && !htmlFormat {
				continue
			}
			text := printfTextArgs(f, c)
			for _, a := range srcs {
				if text != nil && !text[childIndexIn(c.args, a)] {
					continue
				}
				if why := tr.expr(a); why != "" {
					pass.Report(c.n, xssMessage(f, c.name, a, why), "")
					break
				}
			}
		}
		// std::cout << ... << name
		for _, b := range f.byKind["binary_expression"] {
			if b.parent != nil && b.parent.kind == "binary_expression" {
				continue
			}
			if f.text(b.child("operator")) != "<<" {
				continue
			}
			var operands []*node
			cur := b
			for cur != nil && cur.kind == "binary_expression" && f.text(cur.child("operator")) == "<<" {
				operands = append(operands, cur.child("right"))
				cur = unparenOnly(cur.child("left"))
			}
			if cur == nil || createdFileHandle(f, f.identName(cur)) {
				continue
			}
			stream := strings.TrimPrefix(f.text(cur), "std::")
			if stream != "cout" && !strings.Contains(stream, "out") && !strings.Contains(stream, "response") &&
				!outputStream(f, stream) {
				continue
			}
			if !f.flow().reachableNode(b) {
				continue
			}
			for k, o := range operands {
				if t, ok := f.values().typeOfExpr(o, 0); ok && t.bits > 8 {
					continue // a number: static_cast<int>(c) prints digits
				}
				// The operands are listed last first: the one before o in
				// the text is operands[k+1].
				if k+1 < len(operands) {
					if s, ok := stringValue(f.file.t, unparenOnly(operands[k+1])); ok && endsInHeaderName(s) {
						continue // std::cout << "Location: " << url
					}
				}
				if why := tr.expr(o); why != "" {
					pass.Report(b, xssMessage(f, "<<", o, why), "")
					break
				}
			}
		}
	}
}

// toErrorStream reports whether an output call writes to standard error
// (a log, not the page).
func toErrorStream(f *function, c *callSite) bool {
	var stream *node
	switch c.name {
	case "fprintf", "vfprintf", "dprintf", "write":
		stream = c.arg(0)
	case "fputs", "fputc", "putc":
		stream = c.arg(1)
	case "fwrite":
		stream = c.arg(3)
	}
	s := squeeze(f.text(stream))
	return s == "stderr" || s == "2" || s == "STDERR_FILENO"
}

// webTaint is request data that counts at a sink: any tainted data in a
// program that writes HTML, else only data from the request itself.
type webTaint struct {
	tr      *taintRun
	html    bool
	logOnly bool // the sink is standard output, in a program that writes no HTML
}

func (w *webTaint) expr(n *node) string {
	why := w.tr.expr(n)
	if why == "" || !(w.html || webSource(why) && (requestStream(why) || httpReply(w.tr.f.file))) {
		return ""
	}
	if w.logOnly && !cgiSource(why) {
		return ""
	}
	// A name rejected when it holds markup: if (strpbrk(name, "<>&")) return.
	if f := w.tr.f; f.guards().validated(f.taint().checkedSources(n), n, htmlChecks) {
		return ""
	}
	return why
}

// requestStream reports a taint source that is a CGI variable or a
// stream the program calls the request: a page's input whatever the
// program prints. A bare socket read is one only in a program that
// answers HTTP (httpReply).
func requestStream(why string) bool {
	return cgiSource(why) || strings.Contains(why, "from request") || strings.Contains(why, "from req")
}

// httpReply reports a file that writes an HTTP response (a status line
// "HTTP/1.x"): what its socket sends back is a page for a browser, not
// the line of a text protocol (a register server echoing a value).
func httpReply(ff *fileFacts) bool {
	return cached(ff.cache, "xss/httpreply", func() bool {
		for _, f := range ff.funcs {
			for _, lit := range f.byKind["string_literal"] {
				if strings.Contains(f.text(lit), "HTTP/1.") {
					return true
				}
			}
		}
		return false
	})
}

// cgiSource reports a taint source that is a CGI request variable, the
// one kind of request whose reply is standard output.
func cgiSource(why string) bool {
	for _, w := range []string{"QUERY_STRING", "HTTP_", "REQUEST_", "PATH_INFO", "CONTENT_", "REMOTE_", "SCRIPT_NAME", "COOKIE"} {
		if strings.Contains(why, w) {
			return true
		}
	}
	return false
}

// toStdout reports an output call that writes to standard output:
// printf, puts, putchar, and the stream writers given stdout.
func toStdout(f *function, c *callSite) bool {
	switch c.name {
	case "printf", "vprintf", "puts", "putchar":
		return true
	case "fputs", "fputc", "putc", "fwrite":
		return f.identName(c.arg(len(c.args)-1)) == "stdout"
	case "fprintf", "vfprintf":
		return f.identName(c.arg(0)) == "stdout"
	}
	return false
}

// outputParam reports whether an expression designates the buffer of a
// writable pointer parameter (the reply the caller sends): reply, reply +
// n, &reply[n].
func outputParam(f *function, e *node) bool {
	e, _ = addrOf(e)
	e = unparen(e)
	for e != nil && e.kind == "binary_expression" && (f.text(e.child("operator")) == "+" || f.text(e.child("operator")) == "-") {
		e = unparen(e.child("left"))
	}
	name, _ := baseVar(f.file.t, e)
	v := f.lookup(name)
	return v != nil && v.isParam && v.isPointer() && !strings.Contains(v.typ, "const") && v.fn == f
}

// isHTMLLiteral reports whether a string literal holds markup.
func isHTMLLiteral(ff *fileFacts, n *node) bool {
	n = unparenOnly(n)
	for _, h := range ff.t.captures["html.html"] {
		if h == n || n != nil && n.contains(h) {
			return true
		}
	}
	return false
}

func xssMessage(f *function, sink string, arg *node, why string) string {
	return fmt.Sprintf("%s writes %s, which comes from %s, into the HTML page without escaping it: a name like <script>...</script> runs in the visitor's browser",
		sink, f.text(arg), why)
}

// printfTextArgs returns the indexes of the arguments a printf-family
// call prints as text (%s, %c), or nil when the call is not one or its
// format is not a literal (then every argument may be text).
func printfTextArgs(f *function, c *callSite) map[int]bool {
	fi := -1
	switch c.name {
	case "printf", "vprintf", "FCGI_printf":
		fi = 0
	case "fprintf", "vfprintf", "dprintf", "sprintf", "vsprintf", "FCGX_FPrintF":
		fi = 1
	case "snprintf", "vsnprintf":
		fi = 2
	default:
		return nil
	}
	format, ok := stringValue(f.file.t, unparenOnly(c.arg(fi)))
	if !ok {
		return nil
	}
	text := map[int]bool{fi: true}
	ai := fi + 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		for i < len(format) && strings.IndexByte("-+ #0'0123456789.*hlLqjzt", format[i]) >= 0 {
			if format[i] == '*' {
				ai++ // a width or precision argument
			}
			i++
		}
		if i >= len(format) {
			break
		}
		switch format[i] {
		case 's', 'S', 'c', 'C':
			text[ai] = true
		}
		ai++
	}
	return text
}

// childIndexIn returns the position of n in list, or -1.
func childIndexIn(list []*node, n *node) int {
	for i, m := range list {
		if m == n {
			return i
		}
	}
	return -1
}

// outputStream reports whether a name is an output stream by its type:
// a variable, parameter or class member declared as a std::ostream (or
// an ofstream, or an ostream&), not a string stream.
func outputStream(f *function, name string) bool {
	typ := ""
	if v := f.lookup(name); v != nil {
		typ = v.typ
	} else {
		typ = memberTypes(f.file)[strings.TrimPrefix(name, "this->")]
	}
	typ = strings.TrimPrefix(strings.TrimPrefix(typ, "const "), "std::")
	return typ == "ostream" || typ == "ofstream" || typ == "wostream" || typ == "fstream"
}

// memberTypes maps the data members declared in the file's classes and
// structs to their types as written ("" where two declare one name
// differently).
func memberTypes(ff *fileFacts) map[string]string {
	return cached(ff.cache, "memberTypes", func() map[string]string {
		m := map[string]string{}
		t := ff.t
		t.root.walk(func(n *node) bool {
			if n.kind == "function_definition" {
				return false
			}
			if n.kind != "field_declaration" {
				return true
			}
			typ := n.child("type")
			if typ == nil {
				return false
			}
			for _, c := range n.children {
				if c.field != "declarator" {
					continue
				}
				name := declName(t, c)
				if name == "" {
					continue
				}
				ty := strings.Join(strings.Fields(t.text(typ)), " ")
				if old, ok := m[name]; ok && old != ty {
					ty = ""
				}
				m[name] = ty
			}
			return false
		})
		return m
	})
}

// httpHeaders are the response headers whose value a CGI program prints
// before the page: data there is a header (an open redirect, a header
// injection), not markup in the page.
var httpHeaders = []string{"location:", "status:", "set-cookie:", "content-type:", "content-length:",
	"content-disposition:", "refresh:", "cache-control:", "etag:", "last-modified:"}

// endsInHeaderName reports whether printed text ends inside an HTTP
// header line, just after the header's name: "Status: 302\r\nLocation: ".
func endsInHeaderName(s string) bool {
	line := s[strings.LastIndexAny(s, "\r\n")+1:]
	l := strings.ToLower(strings.TrimSpace(line))
	for _, h := range httpHeaders {
		if strings.HasPrefix(l, h) {
			return true
		}
	}
	return false
}

// headerArgs returns the indexes of the arguments a printf-family call
// prints as the value of an HTTP header (printf("Location: %s\r\n", url)),
// or nil when its format is not a literal.
func headerArgs(f *function, c *callSite) map[int]bool {
	fi := formatIndex(c.name)
	if !strings.Contains(c.name, "printf") || fi >= len(c.args) {
		return nil
	}
	format, ok := stringValue(f.file.t, unparenOnly(c.args[fi]))
	if !ok {
		return nil
	}
	out := map[int]bool{}
	ai := fi + 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			i++
			continue
		}
		if endsInHeaderName(format[:i]) {
			out[ai] = true
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("-+ #0'0123456789.hlLqjzt", format[j]) >= 0 {
			j++
		}
		if j < len(format) && format[j] == '*' {
			ai++
		}
		ai++
		i = j
	}
	return out
}

// checkAttributeEscape reports request data written, through an escaper
// of the file, into an HTML attribute value whose quote the escaper
// leaves as it is: printf("<input value=\""); put_text(q); with put_text
// mapping < > & but not ". The quote ends the value and what follows is
// markup (an event handler).
func checkAttributeEscape(pass *Pass, f *function, tr *taintRun) {
	for _, c := range f.calls {
		g := f.callee(c)
		if g == nil || g == f || !f.flow().reachableNode(c.n) {
			continue
		}
		quote := openAttribute(f, c.n)
		if quote == 0 {
			continue
		}
		for i, a := range c.args {
			if i >= len(g.params) {
				break
			}
			p := g.params[i]
			why := tr.expr(a)
			if why == "" || !htmlEscaper(g, p) || mapsCharacters(g, p, string(quote)) {
				continue
			}
			pass.Report(c.n, fmt.Sprintf("%s writes %s, which comes from %s, into an HTML attribute quoted with %c, and %s escapes < > & but not %c: a value with %c ends the attribute and adds markup",
				g.name, squeeze(f.text(a)), why, quote, g.name, quote, quote),
				fmt.Sprintf("escape %c as well (&quot; or &#39;) in %s", quote, g.name))
			break
		}
	}
}

// openAttribute returns the quote of an HTML attribute value that the
// output statement just before a call opens and leaves open
// (printf("<input value=\"")), or 0.
func openAttribute(f *function, call *node) byte {
	before, _ := blockNeighbours(call)
	if len(before) == 0 {
		return 0
	}
	last := ""
	before[0].walk(func(m *node) bool {
		if c := f.callAt[m]; c != nil {
			if _, out := outputFuncs[c.name]; out {
				for _, a := range c.args {
					if lit, ok := stringValue(f.file.t, unparen(a)); ok {
						last = lit
					}
				}
			}
		}
		return true
	})
	switch t := strings.TrimRight(last, " "); {
	case strings.HasSuffix(t, "=\""):
		return '"'
	case strings.HasSuffix(t, "='"):
		return '\''
	}
	return 0
}
