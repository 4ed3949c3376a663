package rules

import (
	"fmt"
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
// the page (printf, fputs, fwrite, write, std::cout).

func cwe79Rules() []*rule {
	return []*rule{
		{Rule{
			ID:          "cwe79-unescaped-output",
			CWE:         "CWE-79",
			Description: "data from the request (CGI environment, request stream, input) written into an HTML page without escaping",
			Fix:         "escape the data for HTML before it goes into the page (pass it through the escape function: escape_html(username))",
		}, checkXSS},
	}
}

// webInput is the taint of request data, stopped by escape functions.
var webInput = &taintSpec{
	id:        "web-input",
	inputDefs: true,
	source:    userSource,
	stop: func(f *funcFacts, n *node) bool {
		if n.kind != "call_expression" {
			return false
		}
		c := f.callAt[n]
		return c != nil && escapeName(c.name)
	},
}

// producesHTML reports whether a file writes HTML: a string literal or
// macro holding a tag or a text/html content type (queries/html.scm).
func (ff *fileFacts) producesHTML() bool {
	return len(ff.t.captures["html.html"]) > 0
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

func checkXSS(ff *fileFacts, r *reporter) {
	html := ff.producesHTML()
	for _, f := range ff.funcs {
		raw := f.taint(webInput)
		tr := &webTaint{raw, html}
		// Parameters named like a request (FILE *request) make reads from
		// them request data; fgets(buf, n, request) is already an input.
		for _, c := range f.calls {
			first, ok := outputFuncs[c.name]
			if !ok || !f.reachableNode(c.n) || toErrorStream(f, c) {
				continue
			}
			if c.name == "fwrite" || c.name == "write" || c.name == "send" {
				// fwrite(buf, size, n, f), write(fd, buf, n): the buffer
				// is argument 0 or 1.
				first = map[string]int{"fwrite": 0, "write": 1, "send": 1}[c.name]
				if a := c.arg(first); a != nil {
					if why := tr.expr(a); why != "" {
						r.report(c.n, xssMessage(f, c.name, a, why), "")
					}
				}
				continue
			}
			for i := first; i < len(c.args); i++ {
				a := c.args[i]
				if why := tr.expr(a); why != "" {
					r.report(c.n, xssMessage(f, c.name, a, why), "")
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
			if cur == nil {
				continue
			}
			stream := strings.TrimPrefix(f.text(cur), "std::")
			if stream != "cout" && !strings.Contains(stream, "out") && !strings.Contains(stream, "response") {
				continue
			}
			if !f.reachableNode(b) {
				continue
			}
			for _, o := range operands {
				if why := tr.expr(o); why != "" {
					r.report(b, xssMessage(f, "<<", o, why), "")
					break
				}
			}
		}
	}
}

// toErrorStream reports whether an output call writes to standard error
// (a log, not the page).
func toErrorStream(f *funcFacts, c *callSite) bool {
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
	tr   *taintRun
	html bool
}

func (w *webTaint) expr(n *node) string {
	why := w.tr.expr(n)
	if why != "" && (w.html || webSource(why)) {
		return why
	}
	return ""
}

func xssMessage(f *funcFacts, sink string, arg *node, why string) string {
	return fmt.Sprintf("%s writes %s, which comes from %s, into the HTML page without escaping it: a name like <script>...</script> runs in the visitor's browser",
		sink, f.text(arg), why)
}
