package rules

import "strings"

// Sanitisers judged by what their bodies do, not by their names: a
// function that replaces special characters as it copies its parameter
// (an escaper or a shell quoter), and a function that rejects a string
// holding forbidden text (a validator).

// mapsCharacters reports whether a function replaces special characters
// of a parameter as it copies it: a loop over the parameter's characters
// (or a pointer or index derived from it) that, when a character is one
// of special (an if (*p == '\”) or a case '<':), writes something else
// rather than leaving. That is what a quoting or escaping function does,
// whatever its name.
func mapsCharacters(f *function, p *varInfo, special string) bool {
	if p.name == "" || len(f.loops) == 0 {
		return false
	}
	derived := derivedFrom(f, p.name)
	fb := &forbidden{chars: special}
	writes := func(s *node) bool {
		found := false
		s.walk(func(m *node) bool {
			switch m.kind {
			case "call_expression", "assignment_expression", "update_expression":
				found = true
			}
			return !found
		})
		return found
	}
	for _, l := range f.loops {
		if !mentionsAny(f, l, derived) {
			continue
		}
		found := false
		l.walk(func(m *node) bool {
			switch m.kind {
			case "if_statement":
				if c := condExpr(m); c != nil && mentionsAny(f, c, derived) && testsForbidden(f, c, fb) {
					if body := m.child("consequence"); body != nil && !leavesFunction(f, body) && writes(body) {
						found = true
					}
				}
			case "case_statement":
				if v := m.child("value"); v != nil && fb.matchesLiteral(f.file.t, v) && writes(m) {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// rejectsForbidden reports whether a function's body looks for the
// forbidden text the way a validator does: a search for it whose result
// is tested (strstr(name, ".."), strchr(name, '/'), name.find("..") !=
// npos), a loop over the characters that tests them against a forbidden
// one, a condition that compares characters with each character of a
// forbidden string (p[0] == '.' && p[1] == '.'), or a test that every
// character is a letter or digit (isalnum). A test of the first character
// alone (name[0] == '/') rejects only absolute names, and does not count.
func rejectsForbidden(f *function, fb *forbidden) bool {
	for _, c := range f.calls {
		if target, member := searchCall(f, c, fb); target != nil {
			if searchResultTested(f, c.n, member, c.name) || searchResultSaved(f, c) {
				return true
			}
		}
		if allowList(f, c, fb) != nil {
			return true // return strspn(name, "a-z...") == strlen(name)
		}
		switch c.name {
		case "isalnum", "isalpha", "isdigit", "iswalnum", "iswalpha", "isxdigit":
			// In a loop, it must walk the string: a loop over the first
			// 32 characters (a hash field) does not check the rest.
			if l := c.n.ancestor("while_statement", "for_statement", "do_statement", "for_range_loop"); l != nil && !walksString(f, l, paramsDerived(f)) {
				continue
			} else if l == nil && oneCharacter(f, c.arg(0)) {
				continue // isdigit(s[0]): the first character alone
			}
			if c.n.ancestor("if_statement", "return_statement", "while_statement", "for_statement") != nil {
				return true
			}
		}
	}
	for _, l := range f.loops {
		if !walksString(f, l, paramsDerived(f)) {
			continue
		}
		found := false
		l.walk(func(m *node) bool {
			if m.kind == "if_statement" {
				if c := condExpr(m); c != nil && testsForbidden(f, c, fb) && leavesFunction(f, m.child("consequence")) {
					// if (*s == '\'') return 0; not if (*in == '\'')
					// out[n++] = '\\'; which writes it.
					found = true
				} else if c != nil && leavesFunction(f, m.child("consequence")) {
					// An allow-list spelled as ranges: if (!(c >= 'a' &&
					// c <= 'z' || c == '_')) return 0;
					rejected, ok := charClass(f, c)
					found = ok && fb.rejectsAll(rejected)
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	for _, kind := range []string{"if_statement", "return_statement"} {
		for _, st := range f.byKind[kind] {
			c := condExpr(st)
			if kind == "return_statement" {
				c = st.firstNamed()
			}
			if c != nil && comparesEachChar(f, c, fb.strs) {
				return true
			}
		}
	}
	return false
}

// oneCharacter reports a character of a string at a fixed place: s[0],
// *s, (unsigned char)s[1].
func oneCharacter(f *function, e *node) bool {
	e = unparen(e)
	if e == nil {
		return false
	}
	switch e.kind {
	case "subscript_expression":
		_, ok := f.file.constValue(subscriptIndex(e), f)
		return ok
	case "pointer_expression":
		return e.op0() == "*" && f.identName(e.child("argument")) != ""
	}
	return false
}

// paramsDerived is the parameters of a function with the variables
// computed from them (derivedFrom).
func paramsDerived(f *function) map[string]bool {
	return cached(funcCache(f), "paramsDerived", func() map[string]bool {
		names := map[string]bool{}
		for _, p := range f.params {
			if p.name != "" {
				names[p.name] = true
			}
		}
		return derivedFromAll(f, names)
	})
}

// searchResultSaved reports a search whose result is kept in a variable
// that a condition tests: size_t len = strcspn(p, "/"); if (len == 0).
func searchResultSaved(f *function, c *callSite) bool {
	p := unparenParent(c.n)
	if p == nil || p.kind != "init_declarator" && p.kind != "assignment_expression" {
		return false
	}
	name := ""
	if p.kind == "init_declarator" {
		name = declName(f.file.t, p.child("declarator"))
	} else {
		name, _ = baseVar(f.file.t, p.child("left"))
	}
	if name == "" {
		return false
	}
	for _, st := range f.byKind["if_statement"] {
		if c := condExpr(st); c != nil && mentionsAny(f, c, map[string]bool{name: true}) {
			return true
		}
	}
	return false
}

// comparesEachChar reports whether a condition compares characters with
// every character of one of the strings: '.' twice for "..".
func comparesEachChar(f *function, c *node, strs []string) bool {
	count := map[byte]int{}
	c.walk(func(m *node) bool {
		if m.kind == "char_literal" {
			if v, ok := charValue(f.text(m)); ok && v > 0 && v < 128 {
				count[byte(v)]++
			}
		}
		return true
	})
	for _, s := range strs {
		need := map[byte]int{}
		for i := 0; i < len(s); i++ {
			need[s[i]]++
		}
		ok := len(need) > 0
		for ch, n := range need {
			if count[ch] < n {
				ok = false
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// libraryDecoders are the library calls that decode escaped text.
var libraryDecoders = map[string]bool{"curl_easy_unescape": true, "curl_unescape": true,
	"g_uri_unescape_string": true, "xmlURIUnescapeString": true, "evhttp_decode_uri": true,
	"evhttp_uridecode": true}

// decodes reports whether a call decodes its argument: a library
// decoder, or a function of the file that replaces an escape
// introducer ('%' of a URL, '\\' of a string literal, '+' for a space)
// with something else as it copies (mapsCharacters). What it returns may
// hold characters its argument did not.
func decodes(f *function, cs *callSite) bool {
	if libraryDecoders[cs.name] {
		return true
	}
	g := f.callee(cs)
	if g == nil || g == f {
		return false
	}
	return cached(g.cacheMap(), "decodes", func() bool {
		for _, p := range g.params {
			if p.isPointer() || p.container || strings.Contains(declText(g, p), "string") {
				if mapsCharacters(g, p, "%\\+") {
					return true
				}
			}
		}
		return false
	})
}
