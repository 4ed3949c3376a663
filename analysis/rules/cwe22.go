package rules

import (
	"fmt"
	"strconv"
	"strings"
)

// CWE-22, path traversal.
//
// Scenario 22-0 is judged by CodeQL's cpp/path-injection: a file name the
// user controls reaches fopen/open (directly or joined to a directory
// with sprintf or strcat). The guards that count as a fix: the path is
// canonicalised with realpath and its prefix compared with the allowed
// directory before the open, or the name is rejected when it contains
// ".." (or a '/', which leaves a plain file name), or only its basename
// is used. The rejection may be a search in a guard (strstr(name, "..")
// != NULL, strchr(name, '/'), name.find("..") != std::string::npos, but
// not name.find("..") == 0, which only looks at the start), a loop over
// the characters that returns or sets a flag tested before the open, or
// a function of the file whose body looks for those characters.
//
// The name is followed across the calls of the file: a helper that opens
// its parameter is a path sink wherever a caller passes it user data it
// has not checked (pathInput is interproc), and a helper that returns or
// writes back a joined path carries the name with it. A path that is a
// command-line argument as it stands, opened in a program that does not
// change into a directory, is the file the user who runs the program
// chose, with no directory to leave: it is not a traversal (cat FILE).

func cwe22Rules() []*Rule {
	return []*Rule{
		{
			Name:     "cwe22-path-injection",
			CWE:      "CWE-22",
			Doc:      "a file is opened at a path built from user input that is not checked for \"..\"",
			Fix:      "resolve the path with realpath() and check it starts with the allowed directory (strncmp(resolved, \"/safe/\", 6) == 0), or reject names containing \"..\" or '/' before opening",
			Requires: []Fact{Flow, Taint, Guards},
			Run:      checkPathInjection,
		},
	}
}

// pathInput is user input, stopped by basename(), followed across the
// calls of the file: a helper's parameter that a caller passes the
// user's name is tainted, unless the caller checked it first.
var pathInput = func() *taintSpec {
	s := inputCleanedBy("path-input", func(_ *function, c *callSite) bool {
		return c.name == "basename" || c.name == ".filename" || escapeName(c.name)
	})
	s.interproc = true
	s.textOnly = true
	s.argClean = pathValidated
	return s
}()

func checkPathInjection(pass *Pass) {
	for _, f := range pass.Funcs() {
		tr := f.taint().run(pathInput)
		check := func(at *node, name string, path *node) {
			if path == nil || !f.flow().reachableNode(at) {
				return
			}
			why := tr.expr(path)
			if why == "" {
				return
			}
			if strings.HasPrefix(why, "the command line") && wholeCommandLine(f, path, 0) && !changesDirectory(f.file) {
				return // the file the user names, opened as named
			}
			if pathValidated(f, path, at) {
				return
			}
			pass.Report(at, fmt.Sprintf("%s opens %s, a path built from %s: a name like ../../etc/passwd leaves the intended directory",
				name, squeeze(f.text(path)), why), "")
		}
		for _, c := range f.calls {
			idx, ok := fileOpeners[c.name]
			if !ok {
				continue
			}
			if c.name == ".open" && c.recv != nil {
				v := f.lookup(f.identName(c.recv))
				if v == nil || !strings.Contains(v.typ, "stream") {
					continue
				}
			}
			check(c.n, strings.TrimPrefix(c.name, "."), c.arg(idx))
		}
		// std::ifstream in(path);
		for _, d := range f.byKind["declaration"] {
			typ := strings.TrimPrefix(f.text(d.child("type")), "std::")
			if typ != "ifstream" && typ != "ofstream" && typ != "fstream" {
				continue
			}
			for _, c := range d.children {
				if c.kind == "init_declarator" {
					if v := c.child("value"); v != nil && (v.kind == "argument_list" || v.kind == "initializer_list") {
						check(c, "std::"+typ, v.firstNamed())
					}
				}
				// std::ifstream in(path); parses as a function declaration
				// (a stream is never a local function's type).
				if fd := funcDeclarator(c); fd != nil && fd.child("parameters") != nil {
					check(c, "std::"+typ, fd.child("parameters").firstNamed())
				}
			}
		}
	}
}

// pathChecks are the checks that keep a file name inside a directory:
// no "..", or no '/' at all.
var pathChecks = &forbidden{chars: "/", strs: []string{".."}, nameHas: []string{"valid", "safe", "sanitiz", "allowed", "legal", "traversal", "dotdot"}}

// pathValidated reports whether a guard before the open rejects ".." in
// the path (or a variable it is built from), or checks the canonical
// path against a prefix.
func pathValidated(f *function, path *node, at *node) bool {
	vars := f.taint().checkedSources(path)
	resolved := map[string]bool{}
	for _, c := range f.calls {
		if (c.name == "realpath" || c.name == "canonicalize_file_name" || c.name == "filesystem::canonical" ||
			c.name == "filesystem::weakly_canonical") && c.n.start < at.start {
			if n, _ := baseVar(f.file.t, stringOf(f, c.arg(0))); n != "" && vars[n] {
				if out, _ := baseVar(f.file.t, unparen(c.arg(1))); out != "" {
					resolved[out] = true
				}
				// p = realpath(name, NULL)
				if p := unparenParent(c.n); p != nil && p.kind == "init_declarator" {
					resolved[declName(f.file.t, p.child("declarator"))] = true
				} else if p != nil && p.kind == "assignment_expression" {
					if n, _ := baseVar(f.file.t, p.child("left")); n != "" {
						resolved[n] = true
					}
				}
			}
		}
	}
	if f.guards().validated(vars, at, pathChecks) {
		return true
	}
	for _, c := range f.guards().conditionsAt(at) {
		ok := false
		c.e.walk(func(m *node) bool {
			if m.kind != "call_expression" {
				return true
			}
			cs := f.callAt[m]
			if cs == nil {
				return true
			}
			arg0, _ := baseVar(f.file.t, stringOf(f, cs.arg(0)))
			recv := ""
			if cs.recv != nil {
				recv, _ = baseVar(f.file.t, stringOf(f, cs.recv))
			}
			switch cs.name {
			case "strncmp", "memcmp", "strcmp", ".compare", ".rfind", ".find":
				// The canonical path compared with the allowed prefix.
				a1, _ := baseVar(f.file.t, stringOf(f, cs.arg(1)))
				// std::string(full).compare(0, prefix.size(), prefix)
				a2, _ := baseVar(f.file.t, stringOf(f, cs.arg(2)))
				if (resolved[arg0] || resolved[recv] || resolved[a1] || resolved[a2]) && !prefixWithoutBoundary(f, cs, at) {
					ok = true
				}
			}
			return !ok
		})
		if ok {
			return true
		}
	}
	// Opening the resolved path itself after a prefix check elsewhere.
	if n, _ := baseVar(f.file.t, unparen(path)); resolved[n] {
		for _, c := range f.calls {
			if (c.name == "strncmp" || c.name == "strcmp" || c.name == "memcmp") && c.n.start < at.start {
				if a, _ := baseVar(f.file.t, unparen(c.arg(0))); a == n && !prefixWithoutBoundary(f, c, at) {
					return true
				}
			}
		}
	}
	return false
}

// wholeCommandLine reports whether a path is a command-line argument as
// it stands: argv[i], or a variable or parameter every definition of
// which (every call, for a parameter) is one, copied whole.
func wholeCommandLine(f *function, e *node, depth int) bool {
	e = unparen(e)
	if e == nil || depth > 6 {
		return false
	}
	if e.kind == "call_expression" {
		// name.c_str(), std::string(argv[1])
		if c := f.callAt[e]; c != nil && c.recv != nil && (c.name == ".c_str" || c.name == ".data" || c.name == ".string") {
			return wholeCommandLine(f, c.recv, depth+1)
		}
		return false
	}
	argv := f.argvName()
	switch e.kind {
	case "conditional_expression":
		// argc > 1 ? argv[1] : "server.conf": the user's file or ours.
		for _, b := range []*node{e.child("consequence"), e.child("alternative")} {
			if _, lit := stringValue(f.file.t, unparen(b)); !lit && !wholeCommandLine(f, b, depth+1) {
				return false
			}
		}
		return true
	case "subscript_expression":
		return argv != "" && f.identName(e.child("argument")) == argv
	case "parameter_declaration":
		// std::ifstream in(argv[1], mode) parses as a declaration of a
		// function whose parameter is argv [1]; std::ifstream in(path) as
		// one whose parameter is of type path.
		d := e.child("declarator")
		if d == nil && e.child("type") != nil && f.lookup(f.text(e.child("type"))) != nil {
			return wholeCommandLine(f, e.child("type"), depth+1)
		}
		return argv != "" && f.text(e.child("type")) == argv && d != nil && strings.Contains(d.kind, "array_declarator")
	case "identifier", "type_identifier":
	default:
		return false
	}
	name := f.text(e)
	v := f.lookup(name)
	if v == nil {
		return false
	}
	if v.isParam && v.fn == f && !f.isMain() {
		refs := f.file.calls().callers[f]
		for _, ref := range refs {
			if ref.caller == f || !wholeCommandLine(ref.caller, ref.call.arg(v.index), depth+1) {
				return false
			}
		}
		return len(refs) > 0
	}
	n := 0
	for _, d := range f.defs {
		if d.name != name {
			continue
		}
		switch {
		case d.op == "decl" && len(d.srcs) == 0:
			continue // declared without a value
		case (d.op == "=" || d.op == "decl") && d.whole && len(d.srcs) == 1:
		case d.op == "copy" && d.call != nil && (d.call.name == "strcpy" || d.call.name == "strncpy" ||
			d.call.name == "strlcpy" || d.call.name == ".assign") && len(d.srcs) > 0:
		default:
			return false
		}
		if !wholeCommandLine(f, d.srcs[0], depth+1) {
			return false
		}
		n++
	}
	return n > 0
}

// changesDirectory reports whether the program changes its working
// directory (chdir, fchdir, chroot): a name opened as given is then
// relative to a directory the program chose.
func changesDirectory(ff *fileFacts) bool {
	return cached(ff.cache, "chdir", func() bool {
		for _, f := range ff.funcs {
			for _, c := range f.calls {
				switch c.name {
				case "chdir", "fchdir", "chroot", "filesystem::current_path":
					return true
				}
			}
		}
		return false
	})
}

// stringOf looks through the conversions of a string to another
// string type: std::string(full), std::string_view(p), s.c_str(),
// p.string() designate full, p and s.
func stringOf(f *function, e *node) *node {
	e = unparen(e)
	for depth := 0; e != nil && depth < 4; depth++ {
		c := f.callAt[e]
		if c == nil {
			return e
		}
		switch {
		case (c.name == ".c_str" || c.name == ".data" || c.name == ".string") && c.recv != nil:
			e = unparen(c.recv)
		case (c.name == "string" || c.name == "string_view" || c.name == "filesystem::path") && len(c.args) == 1:
			e = unparen(c.args[0])
		default:
			return e
		}
	}
	return e
}

// prefixWithoutBoundary reports strncmp(resolved, root, len) == 0 as
// the whole check when root does not end in '/' and nothing tests the
// character after the prefix: /srv/files-private passes for the root
// /srv/files. A root whose text is known and ends in '/' needs no such
// test; one that ends otherwise, or whose text is not known, needs the
// character at len of either string tested before at.
func prefixWithoutBoundary(f *function, cs *callSite, at *node) bool {
	if cs.name != "strncmp" && cs.name != "memcmp" || len(cs.args) != 3 {
		return false
	}
	for _, a := range cs.args[:2] {
		if lit, ok := prefixText(f, a, at); ok {
			return !strings.HasSuffix(lit, "/")
		}
	}
	names := map[string]bool{}
	for _, a := range cs.args[:2] {
		if b, _ := baseVar(f.file.t, unparen(a)); b != "" {
			names[b] = true
		}
	}
	for _, sub := range f.byKind["subscript_expression"] {
		if sub.start >= at.start {
			continue
		}
		if b, _ := baseVar(f.file.t, sub.child("argument")); names[b] && f.guards().sameExpr(subscriptIndex(sub), cs.arg(2)) {
			return false
		}
	}
	return true
}

// prefixText is the text of a prefix known where it is compared: a
// literal, a macro of one (#define SAFE_DIR "/safe/"), or a variable
// or global set once from one.
func prefixText(f *function, e, at *node) (string, bool) {
	e = unparen(e)
	if e == nil {
		return "", false
	}
	if s, ok := stringValue(f.file.t, e); ok {
		return s, true
	}
	if e.kind != "identifier" {
		return "", false
	}
	name := f.text(e)
	if m, ok := f.file.macros[name]; ok {
		if s, err := strconv.Unquote(strings.TrimSpace(m)); err == nil {
			return s, true
		}
		return "", false
	}
	if src, ok := soleSource(f, name, at); ok {
		if s, ok := stringValue(f.file.t, unparen(src)); ok {
			return s, true
		}
	}
	if v := f.file.globals[name]; v != nil && v.init != nil {
		if s, ok := stringValue(f.file.t, unparen(v.init)); ok {
			return s, true
		}
	}
	return "", false
}
