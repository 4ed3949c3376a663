package rules

import (
	"fmt"
	"strings"
)

// CWE-434, unrestricted upload of a file with a dangerous type.
//
// A program that serves requests (it accepts connections or reads a
// socket, reads CGI's environment, runs under FastCGI or parses
// multipart bodies) stores a file whose name comes from the request and
// whose contents come from the request too, and nothing restricts the
// name's type: a client uploads shell.php or run.cgi into a directory
// the web server executes from. The name and the contents are followed
// across the calls of the file (interproc specs). A file is created by
// fopen/freopen with a mode that writes ("w", "wb", "a"), open/openat
// with O_CREAT, creat, an std::ofstream (constructor or open), or the
// name is given by rename/link/std::filesystem::rename or copy_file to a
// file written with request data.
//
// What restricts the type, judged by what the check does on every path
// to the creation (the conditions that hold there, in the function or
// at the call of a helper): the name, or its extension (strrchr(name,
// '.'), name.substr(pos), std::filesystem::path(name).extension()), is
// compared for equality with fixed strings (strcmp, strcasecmp,
// strncmp/memcmp covering the literal, ==, compare, ends_with, a set's
// count or contains), directly, through a table of literals (a loop
// over allowed[i], a range-for over a list), through a flag set only when
// such a comparison holds, or through a function of the file whose every
// return that lets the name pass is under such a comparison. A name the
// program makes itself (a counter, the time, mkstemp: no request data
// in it), a number parsed from the request, or a name that ends with an
// extension the server appends (snprintf(path, n, "%s/%s.txt", dir,
// user), name + ".log", strcat(path, ".dat")) are not uploads of a
// chosen type.
//
// Beside CWE-22: a traversal check ("..", '/', basename, realpath
// against a base) keeps the file inside its directory but lets any type
// in, so it does not clear this rule; both may be reported on one
// creation. A deny-list (rejecting ".php" only) is recognised as a
// check that compares for inequality: it does not restrict the type
// (.phtml, .php5, .shtml pass) and the finding says so. Checking the
// client's Content-Type header or the first bytes of the contents does
// not restrict the stored name's type either.

func cwe434Rules() []*Rule {
	return []*Rule{
		{
			Name:     "cwe434-unrestricted-upload",
			CWE:      "CWE-434",
			Doc:      "a server stores a file whose name and contents come from the request without restricting its type to an allowed list",
			Fix:      "compare the extension with an allow-list before creating the file (const char *ext = strrchr(name, '.'); if (!ext || (strcasecmp(ext, \".png\") != 0 && strcasecmp(ext, \".jpg\") != 0)) reject), or store it under a name the server generates",
			Requires: []Fact{Flow, Taint, Guards},
			Run:      checkUnrestrictedUpload,
		},
	}
}

// uploadName is the request's data as it reaches a stored file's name:
// numbers carry no extension, and a caller that restricted the type
// before the call passes a clean name.
var uploadName = &taintSpec{
	id:        "upload-name",
	inputDefs: true,
	source:    userSource,
	interproc: true,
	stop:      numberValue,
	argClean: func(f *function, arg, at *node) bool {
		return typeRestricted(f, arg, at) == restricted
	},
}

// uploadBody is the request's data as it reaches a stored file's
// contents.
var uploadBody = &taintSpec{
	id:        "upload-body",
	inputDefs: true,
	source:    streamSource,
	interproc: true,
}

// streamSource is userSource, and standard input read whole as C++
// does it: std::istreambuf_iterator<char>(std::cin), std::cin.rdbuf().
func streamSource(f *function, n *node) (string, bool) {
	if n.kind == "call_expression" {
		fn := f.text(n.child("function"))
		if c := f.callAt[n]; c != nil && (strings.Contains(fn, "istreambuf_iterator") ||
			c.name == ".rdbuf") && strings.Contains(f.text(n), "cin") {
			return "standard input", true
		}
	}
	return userSource(f, n)
}

// numberValue reports expressions that hold a number: a variable of an
// integer or floating type, or a number parsed from a string.
func numberValue(f *function, n *node) bool {
	switch n.kind {
	case "identifier":
		v := f.lookup(f.text(n))
		return v != nil && v.ptr == 0 && len(v.dims) == 0 && (v.kind == tkInt || v.kind == tkFloat)
	case "call_expression":
		c := f.callAt[n]
		return c != nil && numberParsers[c.name]
	}
	return false
}

// serverProgram reports whether the file serves requests: it accepts
// or reads sockets, reads CGI's request variables, runs under FastCGI
// or libmicrohttpd, or parses multipart form data.
func serverProgram(ff *fileFacts) bool {
	return cached(ff.cache, "upload/server", func() bool {
		for _, f := range ff.funcs {
			for _, c := range f.calls {
				switch c.name {
				case "accept", "accept4", "recv", "recvfrom", "recvmsg", "listen",
					"FCGI_Accept", "FCGX_Accept", "FCGX_Accept_r", "MHD_start_daemon":
					return true
				case "getenv", "secure_getenv":
					if s, ok := stringValue(ff.t, unparenOnly(c.arg(0))); ok && cgiVariable(s) {
						return true
					}
				}
			}
		}
		for _, s := range ff.strs {
			if v, ok := stringValue(ff.t, s); ok && (strings.Contains(v, "multipart/form-data") ||
				strings.Contains(v, "Content-Disposition") || strings.HasPrefix(v, "HTTP/1.")) {
				return true
			}
		}
		return false
	})
}

// cgiVariable reports whether an environment variable is one a web
// server sets for a CGI request.
func cgiVariable(s string) bool {
	switch s {
	case "QUERY_STRING", "PATH_INFO", "PATH_TRANSLATED", "CONTENT_TYPE", "CONTENT_LENGTH",
		"REQUEST_METHOD", "REQUEST_URI", "SCRIPT_NAME", "REMOTE_ADDR", "HTTP_COOKIE":
		return true
	}
	return strings.HasPrefix(s, "HTTP_X_")
}

// creation is a file created (or given its final name) with a path.
type creation struct {
	at     *node  // the call or declaration
	what   string // "fopen", "std::ofstream", "rename"
	path   *node
	handle string // the variable holding the FILE*, descriptor or stream
	rename bool   // names a file written before (rename, link, copy_file)
}

// creations lists the files a function creates for writing.
func creations(f *function) []creation {
	return cached(f.cacheMap(), "upload/creations", func() []creation {
		var out []creation
		for _, c := range f.calls {
			name := c.name
			switch name {
			case "fopen", "fopen64", "freopen", "_wfopen":
				if writeMode(f, c.arg(1)) {
					out = append(out, creation{at: c.n, what: name, path: c.arg(0), handle: handleOf(f, c.n)})
				}
			case "fopen_s":
				if writeMode(f, c.arg(2)) {
					h, _ := addrOf(c.arg(0))
					out = append(out, creation{at: c.n, what: name, path: c.arg(1), handle: f.identName(h)})
				}
			case "open", "open64", "_open":
				if strings.Contains(f.text(c.arg(1)), "O_CREAT") {
					out = append(out, creation{at: c.n, what: name, path: c.arg(0), handle: handleOf(f, c.n)})
				}
			case "openat":
				if strings.Contains(f.text(c.arg(2)), "O_CREAT") {
					out = append(out, creation{at: c.n, what: name, path: c.arg(1), handle: handleOf(f, c.n)})
				}
			case "creat":
				out = append(out, creation{at: c.n, what: name, path: c.arg(0), handle: handleOf(f, c.n)})
			case "rename", "link":
				out = append(out, creation{at: c.n, what: name, path: c.arg(1), rename: true})
			case "renameat", "linkat":
				out = append(out, creation{at: c.n, what: name, path: c.arg(3), rename: true})
			case ".open":
				if c.recv != nil && writingStream(f, f.identName(c.recv), c.arg(1)) {
					out = append(out, creation{at: c.n, what: "open", path: c.arg(0), handle: f.identName(c.recv)})
				}
			default:
				if strings.HasSuffix(name, "filesystem::rename") || strings.HasSuffix(name, "fs::rename") ||
					strings.HasSuffix(name, "::copy_file") || name == "copy_file" {
					out = append(out, creation{at: c.n, what: strings.TrimPrefix(name, "."), path: c.arg(1), rename: true})
				}
			}
		}
		// std::ofstream out(path); and its vexing-parse twin.
		for _, d := range f.byKind["declaration"] {
			typ := strings.TrimPrefix(f.text(d.child("type")), "std::")
			if typ != "ofstream" && typ != "fstream" && typ != "wofstream" {
				continue
			}
			for _, c := range d.children {
				var args []*node
				if c.kind == "init_declarator" {
					if v := c.child("value"); v != nil && (v.kind == "argument_list" || v.kind == "initializer_list") {
						args = v.namedChildren()
					}
				} else if fd := funcDeclarator(c); fd != nil && fd.child("parameters") != nil {
					args = fd.child("parameters").namedChildren()
				}
				if len(args) == 0 {
					continue
				}
				var mode *node
				if len(args) > 1 {
					mode = args[1]
				}
				if typ == "fstream" && !strings.Contains(f.text(mode), "out") && !strings.Contains(f.text(mode), "app") {
					continue
				}
				out = append(out, creation{at: c, what: "std::" + typ, path: args[0], handle: declName(f.file.t, c)})
			}
		}
		return out
	})
}

// cacheMap returns the function's own cache for the rules' results.
func (f *function) cacheMap() map[string]any {
	if f.cache == nil {
		f.cache = map[string]any{}
	}
	return f.cache
}

// writeMode reports whether an fopen mode creates or writes the file.
func writeMode(f *function, mode *node) bool {
	s, ok := stringValue(f.file.t, unparenOnly(mode))
	return ok && strings.ContainsAny(s, "wa")
}

// writingStream reports whether a stream variable writes: an ofstream,
// or an fstream opened with std::ios::out or app.
func writingStream(f *function, name string, mode *node) bool {
	v := f.lookup(name)
	if v == nil {
		return false
	}
	typ := strings.TrimPrefix(v.typ, "std::")
	if typ == "ofstream" || typ == "wofstream" {
		return true
	}
	return typ == "fstream" && (strings.Contains(f.text(mode), "out") || strings.Contains(f.text(mode), "app"))
}

// handleOf returns the variable a call's result is stored in (fp =
// fopen(...), int fd = open(...)), or "".
func handleOf(f *function, call *node) string {
	p := unparenParent(call)
	if p == nil {
		return ""
	}
	switch p.kind {
	case "init_declarator":
		return declName(f.file.t, p.child("declarator"))
	case "assignment_expression":
		n, _ := baseVar(f.file.t, p.child("left"))
		return n
	}
	return ""
}

// fileWriters give, for the calls that write to a FILE* or descriptor,
// the index of the stream and of the first data argument.
var fileWriters = map[string]struct{ stream, data int }{
	"fwrite": {3, 0}, "fwrite_unlocked": {3, 0}, "fputs": {1, 0}, "fputc": {1, 0}, "putc": {1, 0},
	"fprintf": {0, 1}, "dprintf": {0, 1}, "write": {0, 1}, "pwrite": {0, 1},
}

// writesRequest reports whether the function writes request data
// through a handle after a point (nil: anywhere), itself or in a helper
// it hands the handle to, and names the data's origin.
func writesRequest(f *function, handle string, after *node, depth int) string {
	return writesThrough(f, handle, after, depth, func(g *function, n *node) string {
		return g.taint().run(uploadBody).expr(n)
	})
}

// writesThrough reports whether the function writes data that judge
// names (its reason, "" for none) through a handle after a point (nil:
// anywhere), itself (fwrite, fprintf, write, out << x, out.write) or in
// a helper of the file it hands the handle to, and returns the first
// reason.
func writesThrough(f *function, handle string, after *node, depth int, judge func(*function, *node) string) string {
	if handle == "" || depth > 3 {
		return ""
	}
	later := func(n *node) bool { return after == nil || n.start > after.start }
	for _, c := range f.calls {
		if !later(c.n) {
			continue
		}
		if w, ok := fileWriters[c.name]; ok {
			if f.identName(c.arg(w.stream)) != handle {
				continue
			}
			for i := w.data; i < len(c.args); i++ {
				if i == w.stream {
					continue
				}
				if why := judge(f, c.args[i]); why != "" {
					return why
				}
				if c.name != "fprintf" && c.name != "dprintf" {
					break
				}
			}
			continue
		}
		if c.name == "fdopen" && f.identName(c.arg(0)) == handle {
			// FILE *fp = fdopen(fd, "w"): the stream writes the descriptor's file.
			if h := handleOf(f, c.n); h != "" && h != handle {
				if why := writesThrough(f, h, c.n, depth+1, judge); why != "" {
					return why
				}
			}
			continue
		}
		if (c.name == ".write" || c.name == ".put") && c.recv != nil && f.identName(c.recv) == handle {
			if why := judge(f, c.arg(0)); why != "" {
				return why
			}
			continue
		}
		if g := f.callee(c); g != nil && g != f {
			for i, a := range c.args {
				if i < len(g.params) && f.identName(a) == handle && g.params[i].name != "" {
					if why := writesThrough(g, g.params[i].name, nil, depth+1, judge); why != "" {
						return why
					}
				}
			}
		}
	}
	// out << body << "\n";
	for _, b := range f.byKind["binary_expression"] {
		if !later(b) || f.text(b.child("operator")) != "<<" {
			continue
		}
		if p := b.parent; p != nil && p.kind == "binary_expression" && f.text(p.child("operator")) == "<<" {
			continue
		}
		var operands []*node
		cur := b
		for cur != nil && cur.kind == "binary_expression" && f.text(cur.child("operator")) == "<<" {
			operands = append(operands, cur.child("right"))
			cur = unparenOnly(cur.child("left"))
		}
		if f.identName(cur) != handle {
			continue
		}
		for _, o := range operands {
			if why := judge(f, o); why != "" {
				return why
			}
		}
	}
	return ""
}

// returnsHandle reports whether a function returns the handle (return
// fp;) or the creating call itself.
func returnsHandle(f *function, cr creation) bool {
	if p := unparenParent(cr.at); p != nil && p.kind == "return_statement" {
		return true
	}
	for _, r := range f.byKind["return_statement"] {
		e := unparen(r.firstNamed())
		if c := f.callAt[e]; c != nil && c.name == "fdopen" {
			e = c.arg(0) // return fdopen(fd, "a");
		}
		if cr.handle != "" && f.identName(e) == cr.handle {
			return true
		}
	}
	return false
}

// returnsCreatedFile reports whether a function of the file returns a
// file it created for writing.
func returnsCreatedFile(g *function) bool {
	for _, cr := range creations(g) {
		if !cr.rename && returnsHandle(g, cr) {
			return true
		}
	}
	return false
}

// storedContent says where the contents of a created file come from:
// request data written through its handle, in the function, in a
// helper handed the handle, or in the callers a helper returns it to;
// for a rename, request data written to any file the program creates.
func storedContent(f *function, cr creation) string {
	if cr.rename {
		return cached(f.file.cache, "upload/anycontent", func() string {
			for _, g := range f.file.funcs {
				for _, other := range creations(g) {
					if other.rename {
						continue
					}
					if why := storedContent(g, other); why != "" {
						return why
					}
				}
				for _, c := range g.calls {
					if c.name == "mkstemp" || c.name == "mkostemp" || c.name == "tmpfile" {
						if why := writesRequest(g, handleOf(g, c.n), c.n, 0); why != "" {
							return why
						}
					}
				}
			}
			return ""
		})
	}
	return writtenToCreation(f, cr, func(g *function, n *node) string {
		return g.taint().run(uploadBody).expr(n)
	})
}

// writtenToCreation says what a created file receives that judge names:
// data written through its handle after the creation, in the function
// or a helper handed the handle, or by the callers a helper returns the
// handle to.
func writtenToCreation(f *function, cr creation, judge func(*function, *node) string) string {
	if why := writesThrough(f, cr.handle, cr.at, 0, judge); why != "" {
		return why
	}
	if returnsHandle(f, cr) {
		for _, ref := range f.file.calls().callers[f] {
			if ref.caller == f {
				continue
			}
			if why := writesThrough(ref.caller, handleOf(ref.caller, ref.call.n), ref.call.n, 1, judge); why != "" {
				return why
			}
		}
	}
	return ""
}

func checkUnrestrictedUpload(pass *Pass) {
	if !serverProgram(pass.file) {
		return
	}
	for _, f := range pass.Funcs() {
		crs := creations(f)
		if len(crs) == 0 {
			continue
		}
		tn := f.taint().run(uploadName)
		for _, cr := range crs {
			if cr.path == nil || !f.flow().reachableNode(cr.at) {
				continue
			}
			why := tn.expr(cr.path)
			if why == "" {
				continue
			}
			check := typeRestricted(f, cr.path, cr.at)
			if check == restricted || fixedExtension(f, cr.path, cr.at, 0) {
				continue
			}
			content := storedContent(f, cr)
			if content == "" {
				continue
			}
			note := "no check restricts its extension to an allowed list"
			if check == denyListed {
				note = "the check only rejects some extensions (a deny-list: .phtml, .php5, .shtml pass)"
			}
			pass.Report(cr.at, fmt.Sprintf("%s stores a file named %s from %s, with contents from %s, and %s: a client can upload a script (.php, .cgi) the server will run",
				cr.what, squeeze(f.text(cr.path)), why, content, note), "")
		}
	}
}

// restriction is what the checks before a creation do to the name's type.
type restriction uint8

const (
	unrestricted restriction = iota
	denyListed               // only some extensions are rejected
	restricted               // the name's type is one of fixed strings
)

// typeRestricted reports whether the conditions that hold at a point
// restrict the type of the name in path to fixed strings.
func typeRestricted(f *function, path, at *node) restriction {
	places := namePlaces(f, path)
	if len(places) == 0 {
		return unrestricted
	}
	out := unrestricted
	for _, c := range f.guards().conditionsAt(at) {
		if restricts(f, c.e, c.truth, places, 0) {
			return restricted
		}
		if deniesSome(f, c.e, c.truth, places) {
			out = denyListed
		}
	}
	return out
}

// namePlaces returns the variables and fields (as "base.field") an
// expression's data comes from, following definitions backwards.
func namePlaces(f *function, e *node) map[string]bool {
	out := map[string]bool{}
	var add func(e *node, depth int)
	add = func(e *node, depth int) {
		if e == nil || depth > 8 {
			return
		}
		e.walk(func(m *node) bool {
			switch m.kind {
			case "field_expression":
				base := unparen(m.child("argument"))
				field := f.text(m.child("field"))
				if base != nil && base.kind == "this" {
					out[field] = true
				} else if n, _ := baseVar(f.file.t, base); n != "" {
					out[n+"."+field] = true
				}
				return m.child("argument") != nil && m.child("argument").kind != "identifier"
			case "call_expression":
				// Not the callee's name: its arguments and object.
				if fn := m.child("function"); fn != nil && fn.kind == "field_expression" {
					add(fn.child("argument"), depth+1)
				}
				add(m.child("arguments"), depth+1)
				return false
			case "identifier", "type_identifier":
				name := f.text(m)
				if m.kind == "type_identifier" && f.lookup(name) == nil {
					return true
				}
				if !out[name] {
					out[name] = true
					f.eachSource(name, func(s *node) { add(s, depth+1) })
				}
			}
			return true
		})
	}
	add(e, 0)
	return out
}

// related reports whether an expression's data comes from one of the
// name's places: the same variable or field, or a field of a struct
// the other side names whole (a check of up.name and the argument &up).
func related(f *function, e *node, places map[string]bool) bool {
	for p := range namePlaces(f, e) {
		if places[p] {
			return true
		}
		if base, _, ok := strings.Cut(p, "."); ok && places[base] {
			return true
		}
	}
	for p := range places {
		if base, _, ok := strings.Cut(p, "."); ok && namePlaces(f, e)[base] {
			return true
		}
	}
	return false
}

// strcmpLike are the comparisons that return 0 when equal: the index of
// the length argument, -1 when they compare whole strings.
var strcmpLike = map[string]int{
	"strcmp": -1, "strcasecmp": -1, "_stricmp": -1, "stricmp": -1, "strcmpi": -1, "_strcmpi": -1,
	"wcscmp": -1, "wcscasecmp": -1, "strncmp": 2, "strncasecmp": 2, "_strnicmp": 2, "memcmp": 2,
	"wcsncmp": 2,
}

// restricts reports whether condition e having value truth means the
// name (one of places) equals one of fixed strings.
func restricts(f *function, e *node, truth bool, places map[string]bool, depth int) bool {
	e = unparenOnly(e)
	if e == nil || depth > 4 {
		return false
	}
	switch e.kind {
	case "unary_expression":
		if f.text(e.child("operator")) == "!" {
			return restricts(f, e.child("argument"), !truth, places, depth)
		}
	case "binary_expression":
		l, r := e.child("left"), e.child("right")
		switch op := f.text(e.child("operator")); op {
		case "&&":
			if truth {
				return restricts(f, l, true, places, depth) || restricts(f, r, true, places, depth)
			}
			return restricts(f, l, false, places, depth) && restricts(f, r, false, places, depth)
		case "||":
			if truth {
				return restricts(f, l, true, places, depth) && restricts(f, r, true, places, depth)
			}
			return restricts(f, l, false, places, depth) || restricts(f, r, false, places, depth)
		case "==", "!=", ">":
			if isZero(f, r) {
				return restricts(f, l, (op == "==") != truth, places, depth)
			}
			if isZero(f, l) && op != ">" {
				return restricts(f, r, (op == "==") != truth, places, depth)
			}
			if op == ">" {
				return false
			}
			eq := (op == "==") == truth
			if !eq {
				return false
			}
			return fixedString(f, r, 0) && related(f, l, places) || fixedString(f, l, 0) && related(f, r, places)
		}
	case "call_expression":
		c := f.callAt[e]
		if c == nil {
			return false
		}
		if _, ok := strcmpLike[c.name]; ok || c.name == ".compare" {
			return !truth && equalityCall(f, c, places)
		}
		switch c.name {
		case ".ends_with", ".count", ".contains":
			// name.ends_with(".png"), allowed.count(ext)
			if !truth || c.recv == nil {
				return false
			}
			if c.name == ".ends_with" {
				return fixedString(f, c.arg(0), 0) && related(f, c.recv, places)
			}
			return fixedString(f, c.recv, 0) && related(f, c.arg(0), places)
		case "ends_with", "iends_with", "boost::algorithm::ends_with", "boost::algorithm::iends_with", "boost::ends_with", "boost::iends_with":
			return truth && fixedString(f, c.arg(1), 0) && related(f, c.arg(0), places)
		}
		if g := f.callee(c); g != nil && g != f {
			for i, a := range c.args {
				if i < len(g.params) && g.params[i].name != "" && related(f, a, places) &&
					helperRestricts(g, i, truth, depth+1) {
					return true
				}
			}
		}
	case "identifier":
		return flagRestricts(f, f.text(e), truth, places, depth+1)
	}
	return false
}

// deniesSome reports whether a condition compares the name with fixed
// strings without restricting it (restricts said no): it rejects some
// names only. A helper of the file called on the name counts when its
// body makes such a comparison.
func deniesSome(f *function, e *node, truth bool, places map[string]bool) bool {
	return comparesFixed(f, e, places, 0)
}

// comparesFixed reports whether an expression compares the name with a
// fixed string, itself or in a helper of the file it calls.
func comparesFixed(f *function, e *node, places map[string]bool, depth int) bool {
	if e == nil || depth > 3 {
		return false
	}
	found := false
	e.walk(func(m *node) bool {
		switch m.kind {
		case "call_expression":
			c := f.callAt[m]
			if c == nil {
				break
			}
			if _, ok := strcmpLike[c.name]; ok && equalityCall(f, c, places) {
				found = true
			} else if g := f.callee(c); g != nil && g != f {
				for i, a := range c.args {
					if i < len(g.params) && g.params[i].name != "" && related(f, a, places) &&
						comparesFixed(g, g.body, namePlacesOfParam(g, map[string]bool{g.params[i].name: true}), depth+1) {
						found = true
					}
				}
			}
		case "binary_expression":
			if op := f.text(m.child("operator")); op == "==" || op == "!=" {
				l, r := m.child("left"), m.child("right")
				if fixedString(f, r, 0) && related(f, l, places) || fixedString(f, l, 0) && related(f, r, places) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// isZero reports whether an expression is 0, NULL, nullptr or false.
func isZero(f *function, e *node) bool {
	e = unparen(e)
	if e == nil {
		return false
	}
	switch e.kind {
	case "null", "false":
		return true
	}
	if f.text(e) == "NULL" || f.text(e) == "nullptr" {
		return true
	}
	v, ok := f.file.constValue(e, f)
	return ok && v == 0
}

// equalityCall reports whether a strcmp-like call (or a .compare)
// compares the name with a fixed string, over the whole literal.
func equalityCall(f *function, c *callSite, places map[string]bool) bool {
	if c.name == ".compare" {
		if c.recv == nil || !related(f, c.recv, places) {
			return false
		}
		return fixedString(f, c.arg(len(c.args)-1), 0)
	}
	a, b := c.arg(0), c.arg(1)
	lit, other := b, a
	switch {
	case fixedString(f, b, 0) && related(f, a, places):
	case fixedString(f, a, 0) && related(f, b, places):
		lit, other = a, b
	default:
		return false
	}
	if i := strcmpLike[c.name]; i >= 0 {
		// A bounded comparison restricts the name when it covers the
		// literal's terminator, or when it compares the name's end
		// (memcmp(name + len - 4, ".png", 4)); else it compares a
		// prefix and the rest is free (strncmp(q, "name=", 5)).
		n, ok := f.file.constValue(c.arg(i), f)
		s, isLit := stringValue(f.file.t, unparenOnly(lit))
		if !isLit || !ok || n < int64(len(s)) {
			return false
		}
		if n == int64(len(s)) && !endOfString(f, other) {
			return false
		}
	}
	return true
}

// endOfString reports whether an address points near a string's end:
// name + len - 4, name + strlen(name) - 4, &name[name.size() - 4].
func endOfString(f *function, e *node) bool {
	e = unparen(e)
	if e == nil || (e.kind != "binary_expression" && e.kind != "pointer_expression") {
		return false
	}
	t := f.text(e)
	return strings.Contains(t, "-") && (strings.Contains(t, "len") || strings.Contains(t, "size()"))
}

// fixedString reports whether an expression is a fixed string: a
// literal, a macro or constant holding one, an element of a table of
// literals, the variable of a loop over such a table, or a container
// initialised with literals.
func fixedString(f *function, e *node, depth int) bool {
	e = unparen(e)
	if e == nil || depth > 4 {
		return false
	}
	switch e.kind {
	case "string_literal", "concatenated_string", "raw_string_literal":
		return true
	case "call_expression":
		// std::string(".png")
		if c := f.callAt[e]; c != nil && (c.name == "string" || c.name == "string_view") {
			return fixedString(f, c.arg(0), depth+1)
		}
	case "subscript_expression":
		return literalTable(f, f.identName(e.child("argument")))
	case "field_expression":
		// allowed[i].ext
		if a := unparen(e.child("argument")); a != nil && a.kind == "subscript_expression" {
			return literalTable(f, f.identName(a.child("argument")))
		}
	case "identifier":
		name := f.text(e)
		if m, ok := f.file.macros[name]; ok {
			return strings.HasPrefix(strings.TrimSpace(m), "\"")
		}
		if literalTable(f, name) {
			return true
		}
		// for (const auto &a : allowed)
		for p := e.parent; p != nil; p = p.parent {
			if p.kind == "for_range_loop" && declName(f.file.t, p.child("declarator")) == name {
				r := p.child("right")
				return r != nil && (r.kind == "initializer_list" && allLiterals(f, r) || literalTable(f, f.identName(r)))
			}
		}
		// const char *png = ".png";
		v := f.lookup(name)
		if v == nil || v.init == nil || v.ptr > 1 || len(v.dims) > 1 {
			return false
		}
		for _, d := range f.defs {
			if d.name == name && d.op != "decl" {
				return false
			}
		}
		if len(v.dims) == 0 {
			return fixedString(f, v.init, depth+1)
		}
	}
	return false
}

// literalTable reports whether a variable is a table of string
// literals: an array or container initialised with literals only.
func literalTable(f *function, name string) bool {
	v := f.lookup(name)
	if v == nil || v.init == nil {
		return false
	}
	init := v.init
	if init.kind == "argument_list" || init.kind == "initializer_list" {
		return allLiterals(f, init)
	}
	return false
}

// allLiterals reports whether an initialiser list holds string
// literals (or rows that begin with one), NULL ending it allowed.
func allLiterals(f *function, l *node) bool {
	n := 0
	for _, c := range l.namedChildren() {
		switch {
		case c.kind == "comment":
		case c.kind == "string_literal" || c.kind == "concatenated_string":
			n++
		case c.kind == "initializer_list":
			if first := c.firstNamed(); first == nil || first.kind != "string_literal" {
				return false
			}
			n++
		case c.kind == "initializer_pair":
			if v := c.child("value"); v == nil || v.kind != "string_literal" {
				return false
			}
			n++
		case isZero(f, c):
		default:
			return false
		}
	}
	return n > 0
}

// helperRestricts reports whether a function of the file lets its
// parameter i pass (returns a value whose truth is truth) only when the
// parameter equals one of fixed strings.
func helperRestricts(g *function, i int, truth bool, depth int) bool {
	if depth > 4 || i >= len(g.params) {
		return false
	}
	return cached(g.cacheMap(), fmt.Sprintf("upload/helper/%d/%v", i, truth), func() bool {
		places := map[string]bool{g.params[i].name: true}
		places = namePlacesOfParam(g, places)
		n := 0
		for _, ret := range g.byKind["return_statement"] {
			e := ret.firstNamed()
			if e == nil {
				return false // a void function decides nothing
			}
			if v, ok := g.file.constValue(e, g); ok || e.kind == "true" || e.kind == "false" {
				if e.kind == "true" {
					v = 1
				}
				if (v != 0) != truth {
					continue
				}
				if !restrictedAt(g, ret, places, depth) {
					return false
				}
				n++
				continue
			}
			if !restricts(g, e, truth, places, depth) && !restrictedAt(g, ret, places, depth) {
				return false
			}
			n++
		}
		return n > 0
	})
}

// namePlacesOfParam adds to a parameter's places the variables its data
// flows into (const char *ext = strrchr(name, '.')), so that a check of
// ext is a check of name.
func namePlacesOfParam(g *function, places map[string]bool) map[string]bool {
	for changed, rounds := true, 0; changed && rounds < 4; rounds++ {
		changed = false
		for _, d := range g.defs {
			if places[d.name] {
				continue
			}
			for _, s := range d.srcs {
				if related(g, s, places) {
					places[d.name] = true
					changed = true
					break
				}
			}
		}
	}
	return places
}

// restrictedAt reports whether a condition that holds at n restricts
// the name.
func restrictedAt(f *function, n *node, places map[string]bool, depth int) bool {
	for _, c := range f.guards().conditionsAt(n) {
		if restricts(f, c.e, c.truth, places, depth) {
			return true
		}
	}
	return false
}

// flagRestricts reports whether a variable tested with value truth is
// a flag set only where the name equals a fixed string: every write of
// a value of that truth is under such a comparison or is one.
func flagRestricts(f *function, name string, truth bool, places map[string]bool, depth int) bool {
	v := f.lookup(name)
	if v == nil || v.isParam || v.ptr > 0 || depth > 4 {
		return false
	}
	n := 0
	for _, d := range f.defs {
		if d.name != name {
			continue
		}
		if !d.whole || (d.op != "=" && d.op != "decl") || len(d.srcs) != 1 {
			return false
		}
		val := d.srcs[0]
		if c, ok := f.file.constValue(val, f); ok || val.kind == "true" || val.kind == "false" {
			if val.kind == "true" {
				c = 1
			}
			if (c != 0) != truth {
				continue
			}
			if !restrictedAt(f, d.n, places, depth) {
				return false
			}
			n++
			continue
		}
		if !restricts(f, val, truth, places, depth) {
			return false
		}
		n++
	}
	return n > 0
}

// fixedExtension reports whether the stored name ends with an extension
// the program appends itself: name + ".log", snprintf(path, n,
// "%s/%s.txt", ...), strcat(path, ".dat") as the last write of the path.
func fixedExtension(f *function, path, at *node, depth int) bool {
	path = unparen(path)
	if path == nil || depth > 6 {
		return false
	}
	switch path.kind {
	case "call_expression":
		if c := f.callAt[path]; c != nil && c.recv != nil && (c.name == ".c_str" || c.name == ".data" || c.name == ".string") {
			return fixedExtension(f, c.recv, at, depth+1)
		}
		if c := f.callAt[path]; c != nil && c.name == "string" {
			return fixedExtension(f, c.arg(0), at, depth+1)
		}
		return false
	case "binary_expression":
		switch f.text(path.child("operator")) {
		case "+", "/":
			r := path.child("right")
			if s, ok := stringValue(f.file.t, unparen(r)); ok {
				return extensionSuffix(s)
			}
			return fixedExtension(f, r, at, depth+1)
		}
		return false
	case "identifier":
	default:
		return false
	}
	name := f.text(path)
	var last *defSite
	for _, d := range f.defs {
		if d.name == name && d.pos <= at.start {
			last = d
		}
	}
	if last == nil {
		return false
	}
	switch {
	case last.call != nil && (last.call.name == "strcat" || last.call.name == "strncat" || last.call.name == "strlcat" ||
		last.call.name == ".append" || last.call.name == ".operator+="):
		s, ok := stringValue(f.file.t, unparen(last.call.arg(map[bool]int{true: 0, false: 1}[last.call.recv != nil])))
		return ok && extensionSuffix(s)
	case last.call != nil && (last.call.name == "snprintf" || last.call.name == "sprintf"):
		fi := 1
		if last.call.name == "snprintf" {
			fi = 2
		}
		format, ok := stringValue(f.file.t, unparen(last.call.arg(fi)))
		if !ok {
			return false
		}
		return extensionSuffix(format[strings.LastIndexByte(format, '%')+1:])
	case last.op == "+=" && len(last.srcs) > 0:
		s, ok := stringValue(f.file.t, unparen(last.srcs[len(last.srcs)-1]))
		return ok && extensionSuffix(s)
	case (last.op == "=" || last.op == "decl") && last.whole && len(last.srcs) == 1:
		return fixedExtension(f, last.srcs[0], last.n, depth+1)
	}
	return false
}

// extensionSuffix reports whether the text after a format's last
// conversion (or an appended literal) is a fixed extension: a '.'
// followed by letters and digits to the end, no '/' after it.
func extensionSuffix(s string) bool {
	i := strings.LastIndexByte(s, '.')
	if i < 0 || i == len(s)-1 || strings.ContainsAny(s[i:], "/%") {
		return false
	}
	for _, r := range s[i+1:] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// toCreatedFile reports whether an output call writes to a file the
// function created (fopen for writing, open with O_CREAT, mkstemp,
// tmpfile, fdopen of one): storing data, not showing it.
func toCreatedFile(f *function, c *callSite) bool {
	w, ok := fileWriters[c.name]
	if !ok {
		return false
	}
	return createdFileHandle(f, f.identName(c.arg(w.stream)))
}

// createdFileHandle reports whether a variable holds a file the
// function created for writing, or one a function of the file created
// and returned to it.
func createdFileHandle(f *function, h string) bool {
	if h == "" {
		return false
	}
	for _, cr := range creations(f) {
		if cr.handle == h {
			return true
		}
	}
	for _, k := range f.calls {
		switch k.name {
		case "mkstemp", "mkostemp", "tmpfile", "fdopen":
			if handleOf(f, k.n) == h {
				return true
			}
		default:
			if g := f.callee(k); g != nil && g != f && handleOf(f, k.n) == h && returnsCreatedFile(g) {
				return true
			}
		}
	}
	return false
}
