package rules

// Escapers judged character by character. mapsCharacters answers "does
// this function replace some special character as it copies?"; that is
// not enough to know whether the copy is safe where it goes. A shell
// word in double quotes with '"' and '\\' escaped still runs $(cmd); a
// single-quoted word whose own quotes are left alone ends the quoting;
// a form parser that splits at '&' replaces nothing. An escapeProfile
// says which characters the function replaces, drops or refuses, and
// which quote it opens the copy with, so that a rule can ask whether
// the escaping fits the quoting.

// escapeProfile is what a function does to the characters of one
// parameter as it copies them.
type escapeProfile struct {
	handled [256]bool // replaced, escaped, dropped, or refused
	wrap    byte      // the quote written before the copy: '\'' or '"'; 0 for none
	loop    bool      // a loop over the parameter's characters was read
}

// handles reports whether every character of set is handled.
func (p escapeProfile) handles(set string) bool {
	for i := 0; i < len(set); i++ {
		if !p.handled[set[i]] {
			return false
		}
	}
	return true
}

// profileChars are the characters a condition is asked about one by one
// when it is not a character class charClass can read.
const profileChars = "'\"`$;|&<>()\\\n\r\t {}*?!#~="

// escapesOf reads the escape profile of a function's parameter (cached).
func escapesOf(f *function, p *varInfo) escapeProfile {
	if p == nil || p.name == "" {
		return escapeProfile{}
	}
	return cached(funcCache(f), "escprofile/"+p.name, func() escapeProfile {
		return readEscapes(f, derivedFrom(f, p.name))
	})
}

// derivedFrom is a variable with the variables computed from it (a
// pointer or index walking it), up to three steps.
func derivedFrom(f *function, name string) map[string]bool {
	return derivedFromAll(f, map[string]bool{name: true})
}

// derivedFromAll is derivedFrom for several variables at once.
func derivedFromAll(f *function, names map[string]bool) map[string]bool {
	derived := make(map[string]bool, len(names))
	for n := range names {
		derived[n] = true
	}
	for round := 0; round < 3; round++ {
		for _, d := range f.defs {
			if derived[d.name] {
				continue
			}
			for _, s := range d.srcs {
				if mentionsAny(f, s, derived) {
					derived[d.name] = true
					break
				}
			}
		}
	}
	return derived
}

func readEscapes(f *function, derived map[string]bool) escapeProfile {
	var prof escapeProfile
	var first *node // the first loop over the characters
	for _, l := range f.loops {
		if !walksString(f, l, derived) {
			continue
		}
		prof.loop = true
		if first == nil || l.start < first.start {
			first = l
		}
		l.walk(func(m *node) bool {
			switch m.kind {
			case "if_statement":
				c := condExpr(m)
				if c == nil || !mentionsAny(f, c, derived) {
					return true
				}
				set, subject, ok := charClassOf(f, c)
				if ok && !someChars(set) {
					return true // if (eq): a pointer's truth, not a class of characters
				}
				if !ok {
					subject = ""
					for i := 0; i < len(profileChars); i++ {
						ch := profileChars[i]
						set[ch] = testsForbidden(f, c, &forbidden{chars: string(ch)})
					}
				}
				alt := m.child("alternative")
				if alt != nil && alt.kind == "else_clause" {
					alt = alt.firstNamed()
				}
				if changes(f, m.child("consequence"), subject) {
					orSet(&prof.handled, set, false)
				}
				// An else-if is read as its own if; a final else that
				// does something else handles every other character.
				if subject != "" && alt != nil && alt.kind != "if_statement" && changes(f, alt, subject) {
					orSet(&prof.handled, set, true)
				}
			case "case_statement":
				v := m.child("value")
				if v == nil || v.kind != "char_literal" {
					return true
				}
				ch, ok := charValue(f.text(v))
				if !ok || ch <= 0 || ch > 255 {
					return true
				}
				body := caseBody(m)
				if body == nil || changes(f, body, "") {
					prof.handled[ch] = true
				}
			}
			return true
		})
	}
	if first != nil {
		prof.wrap = openingQuote(f, first)
	}
	return prof
}

// walksString reports whether a loop runs over the string: its
// condition (or the range of a range-for) tests the string or a
// variable computed from it (*p, i < len with len = strlen(s), s < end),
// not a fixed count (i < 32 over a hash field).
func walksString(f *function, l *node, derived map[string]bool) bool {
	if l.kind == "for_range_loop" {
		r := l.child("right")
		return r != nil && mentionsAny(f, r, derived)
	}
	c := unparen(condExpr(l))
	if c == nil || !mentionsAny(f, c, derived) {
		return false
	}
	if c.kind == "binary_expression" {
		switch f.text(c.child("operator")) {
		case "<", "<=", "!=":
			if k, ok := f.file.constValue(c.child("right"), f); ok && k != 0 {
				return false // i < HASH_LEN: a fixed count (*p != '\0' is the end)
			}
		}
	}
	return true
}

// someChars reports whether a set holds some characters but not all.
func someChars(set [256]bool) bool {
	n := 0
	for v := 1; v < 256; v++ {
		if set[v] {
			n++
		}
	}
	return n > 0 && n < 255
}

// orSet adds set (or its complement) to dst.
func orSet(dst *[256]bool, set [256]bool, complement bool) {
	for v := 1; v < 256; v++ {
		if set[v] != complement {
			dst[v] = true
		}
	}
}

// caseBody is the first statement a case label runs: its own, or, for
// labels that share a body (case '<': case '>':), the next label's.
func caseBody(c *node) *node {
	if c.parent == nil {
		return nil
	}
	sibs := c.parent.namedChildren()
	for i, s := range sibs {
		if s != c {
			continue
		}
		for _, t := range sibs[i:] {
			if t.kind != "case_statement" {
				return nil
			}
			for _, ch := range t.namedChildren() {
				if ch != t.child("value") {
					return ch
				}
			}
		}
	}
	return nil
}

// changes reports whether a branch does something other than copy the
// character unchanged: it leaves the function or the loop (the
// character is refused or dropped), or writes something that is not the
// character itself (an escape, a replacement).
func changes(f *function, s *node, subject string) bool {
	if s == nil {
		return false
	}
	if leavesFunction(f, s) {
		return true
	}
	found := false
	s.walk(func(m *node) bool {
		switch m.kind {
		case "continue_statement", "break_statement", "return_statement", "throw_statement":
			found = true
		case "call_expression":
			cs := f.callAt[m]
			if cs == nil {
				return true
			}
			if subject != "" && len(cs.args) > 0 && squeeze(f.text(unparen(cs.args[len(cs.args)-1]))) == squeeze(subject) {
				return false // out.push_back(c), putchar(c), fputc(c, fp): a copy
			}
			// A call made for its effect (fputs("&lt;", out),
			// out.append("&amp;"), memcpy(o, "'\\''", 4)); one whose value
			// is used (c = hexdigit(s[1]) * 16) writes nothing out.
			if p := unparenParent(m); p != nil && p.kind == "expression_statement" && (len(cs.args) > 0 || cs.recv != nil) {
				found = true
			}
		case "assignment_expression":
			left := unparen(m.child("left"))
			right := squeeze(f.text(unparen(m.child("right"))))
			if subject != "" && right == squeeze(subject) {
				return false // out[j++] = c, *o++ = *p, out += c: a copy
			}
			if left != nil && (left.kind != "identifier" || f.text(m.child("operator")) == "+=" && appendsText(f, left)) {
				found = true
			}
			// rep = "&lt;": a replacement chosen here and written after.
			if r := unparen(m.child("right")); r != nil && (r.kind == "string_literal" || r.kind == "concatenated_string") {
				found = true
			}
		}
		return !found
	})
	return found
}

// appendsText reports whether += on a variable appends to a string (out
// += "&lt;") rather than steps a number or a pointer (s += 2).
func appendsText(f *function, id *node) bool {
	v := f.lookup(f.text(id))
	if v == nil {
		return f.memberOf(id) == nil || f.memberOf(id).kind == tkString || f.memberOf(id).container
	}
	return v.kind == tkString || v.container
}

// openingQuote is the quote a function writes before its loop over the
// characters (out[j++] = '"'; std::string out = "'"; out += '\”), 0
// when it writes none.
func openingQuote(f *function, loop *node) byte {
	var q byte
	var at uint32
	for _, kind := range []string{"char_literal", "string_literal"} {
		for _, lit := range f.byKind[kind] {
			if lit.start >= loop.start || q != 0 && lit.start > at {
				continue
			}
			if lit.ancestor("if_statement", "case_statement", "argument_list") != nil && !writtenLiteral(f, lit) {
				continue
			}
			var v string
			if kind == "char_literal" {
				if c, ok := charValue(f.text(lit)); ok && c > 0 && c < 128 {
					v = string(rune(c))
				}
			} else {
				v, _ = stringValue(f.file.t, lit)
			}
			if (v == "'" || v == "\"") && writtenLiteral(f, lit) {
				q, at = v[0], lit.start
			}
		}
	}
	return q
}

// writtenLiteral reports whether a literal is a value written out: the
// right side of an assignment, an initial value, or an argument of a
// call that appends or copies.
func writtenLiteral(f *function, lit *node) bool {
	p := unparenParent(lit)
	for p != nil && p.kind == "cast_expression" {
		p = unparenParent(p)
	}
	if p == nil {
		return false
	}
	switch p.kind {
	case "assignment_expression", "init_declarator":
		return true
	case "argument_list":
		if c := f.callAt[p.parent]; c != nil {
			switch c.name {
			case "strcpy", "strcat", "strncat", "strlcpy", "strlcat", ".append", ".push_back", "putchar", "fputc", "fputs", "putc", ".assign":
				return true
			}
		}
	}
	return false
}
