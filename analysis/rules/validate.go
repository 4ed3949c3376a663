package rules

import "strings"

// Validation of a string before use: the program looks for characters it
// must not pass on ("..", '/' in a file name; '<' in a page) and stops
// when it finds one. The checks come in a few shapes, all read here:
//
//   - a search call in a guard: strstr(name, "..") != NULL,
//     strchr(name, '/'), strpbrk(name, "<>&"), strcspn(name, "/") !=
//     len, name.find("..") != std::string::npos, name.find_first_of("<>");
//   - a loop over the characters that leaves the function (return, exit,
//     throw) or sets a flag tested before the use when one of them is
//     found: for (p = name; *p; p++) if (*p == '/') return 1;
//   - a function of the file whose body looks for those characters, or an
//     external one named for the check (is_valid_name, safe_path).

// forbidden describes what a validation must look for.
type forbidden struct {
	chars   string   // single characters: "/" or "<"
	strs    []string // substrings: ".."
	nameHas []string // words in a validator's name: "valid", "safe"
	// all, when set, are the characters a deny-list (a set searched with
	// strpbrk, strcspn, find_first_of) must hold every one of to count:
	// a shell check without '$' and '`' lets $(cmd) through.
	all string
}

// matchesLiteral reports whether a literal names one of the forbidden
// characters or substrings: '/' or "..", "/\\", "<>&".
func (fb *forbidden) matchesLiteral(t *syntaxTree, lit *node) bool {
	lit = unparen(lit)
	if lit == nil {
		return false
	}
	if lit.kind == "char_literal" {
		if fb.all != "" {
			return false // one character is no complete deny-list
		}
		v, ok := charValue(t.text(lit))
		return ok && v > 0 && v < 128 && strings.IndexByte(fb.chars, byte(v)) >= 0
	}
	s, ok := stringValue(t, lit)
	if !ok {
		return false
	}
	for _, sub := range fb.strs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	// A set of characters (strpbrk, find_first_of) or a one-character
	// string ("/").
	if fb.all != "" {
		for _, c := range fb.all {
			if !strings.ContainsRune(s, c) {
				return false // an incomplete deny-list
			}
		}
	}
	return strings.ContainsAny(s, fb.chars)
}

// allowList reads strspn(name, "abc...") whose accepted set holds none
// of the forbidden characters: compared with the name's length, it
// accepts the name only when every character is in the set. It returns
// the name.
func allowList(f *function, cs *callSite, fb *forbidden) *node {
	if cs.name != "strspn" {
		return nil
	}
	set, ok := stringValue(f.file.t, unparen(cs.arg(1)))
	if !ok || set == "" || strings.ContainsAny(set, fb.chars) || containsAny(set, fb.strs) {
		return nil
	}
	p := unparenParent(cs.n)
	if p == nil || p.kind != "binary_expression" {
		return nil
	}
	switch f.text(p.child("operator")) {
	case "==", "!=", "<", ">=":
		return cs.arg(0)
	}
	return nil
}

// searchCall reads a call that searches a string for forbidden text, and
// returns the searched variable's expression. absentIsNpos tells how the
// result says "not found": std::string::npos for the members, NULL for
// the C functions.
func searchCall(f *function, cs *callSite, fb *forbidden) (target *node, member bool) {
	t := f.file.t
	switch cs.name {
	case "strstr", "strcasestr", "strchr", "strrchr", "strpbrk", "memchr", "index", "rindex", "strcspn":
		if cs.name == "strstr" || cs.name == "strcasestr" {
			// strstr with "/" alone: a one-character substring.
			if s, ok := stringValue(t, unparen(cs.arg(1))); ok && (containsAny(s, fb.strs) || len(s) == 1 && strings.Contains(fb.chars, s)) {
				return cs.arg(0), false
			}
			return nil, false
		}
		if fb.matchesLiteral(t, cs.arg(1)) {
			return cs.arg(0), false
		}
	case ".find", ".rfind", ".find_first_of", ".find_last_of", ".contains":
		if cs.recv == nil {
			return nil, false
		}
		needle := cs.arg(0)
		if cs.name == ".find" || cs.name == ".rfind" || cs.name == ".contains" {
			if s, ok := stringValue(t, unparen(needle)); ok && !(containsAny(s, fb.strs) || len(s) == 1 && strings.Contains(fb.chars, s)) {
				return nil, false
			}
		}
		if fb.matchesLiteral(t, needle) {
			return cs.recv, cs.name != ".contains"
		}
	}
	return nil, false
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// searchResultTested reports whether the result of a search call decides
// a condition the way a rejection does: compared with npos (members) or
// NULL (C), or used as a truth value. name.find("..") == 0 only looks at
// the start, and does not count.
func searchResultTested(f *function, call *node, member bool, name string) bool {
	child := call
	p := call.parent
	for p != nil && (p.kind == "parenthesized_expression" || p.kind == "cast_expression") {
		child, p = p, p.parent
	}
	if p == nil {
		return false
	}
	if p.kind == "subscript_expression" && name == "strcspn" {
		// name[strcspn(name, "/")] != '\0'
		return true
	}
	if p.kind != "binary_expression" {
		return !member && name != "strcspn" // a truth value: if (strchr(name, '/'))
	}
	op := f.text(p.child("operator"))
	switch op {
	case "&&", "||":
		return !member && name != "strcspn"
	case "==", "!=", "<", ">", "<=", ">=":
	default:
		return false
	}
	other := p.child("left")
	if other == child {
		other = p.child("right")
	}
	s := squeeze(f.text(other))
	switch {
	case name == "strcspn":
		return true // compared with the length
	case member:
		return strings.HasSuffix(s, "npos")
	}
	return s == "NULL" || s == "0" || s == "nullptr"
}

// memberChecks gathers the expressions a set of checks tests, and says
// whether they cover the data in vars: a check of a variable covers it,
// unless it is of one member (job.name) while another member of the
// same variable (job.dir) reaches the use and no check covers that one.
type memberChecks struct {
	f       *function
	vars    map[string]bool
	checked map[string][]string // base variable -> member paths checked ("" = whole)
}

func newMemberChecks(f *function, vars map[string]bool) *memberChecks {
	return &memberChecks{f: f, vars: vars, checked: map[string][]string{}}
}

// add records a checked expression; it reports whether it names data
// of vars at all.
func (mc *memberChecks) add(e *node) bool {
	n, _ := baseVar(mc.f.file.t, unparen(e))
	if n == "" || !mc.vars[n] {
		return false
	}
	p := fieldPath(mc.f, e)
	if p == n {
		p = ""
	}
	mc.checked[n] = append(mc.checked[n], p)
	return true
}

// covered reports whether some variable of vars is checked in every
// member of it that reaches the use.
func (mc *memberChecks) covered() bool {
	for n, paths := range mc.checked {
		ok := true
		for k := range mc.vars {
			other, isField := strings.CutPrefix(k, fieldKey)
			if !isField || !strings.HasPrefix(other, n+".") {
				continue
			}
			hit := false
			for _, p := range paths {
				// The whole variable; the member itself; a member inside
				// the checked one; the member that holds the checked one.
				if p == "" || other == p || strings.HasPrefix(other, p+".") || strings.HasPrefix(p, other+".") {
					hit = true
				}
			}
			ok = ok && hit
		}
		if ok {
			return true
		}
	}
	return false
}

// validated reports whether the string data in vars is checked for the
// forbidden characters before point at.
func (gu *guardFacts) validated(vars map[string]bool, at *node, fb *forbidden) bool {
	f := gu.f
	mc := newMemberChecks(f, vars)
	conds := gu.conditionsAt(at)
	for _, c := range conds {
		c.e.walk(func(m *node) bool {
			if m.kind != "call_expression" {
				return true
			}
			cs := f.callAt[m]
			if cs == nil {
				return true
			}
			if target, member := searchCall(f, cs, fb); target != nil && searchResultTested(f, m, member, cs.name) {
				mc.add(target)
			}
			if target := allowList(f, cs, fb); target != nil {
				mc.add(target)
			}
			if validatorCall(f, cs, fb) {
				for _, a := range append([]*node{cs.recv}, cs.args...) {
					if a != nil {
						mc.add(a)
					}
				}
			}
			return true
		})
	}
	if mc.covered() {
		return true
	}
	// A loop over the characters that rejects a forbidden one. It must
	// walk the string (to its end or its length), not a fixed count of
	// characters: for (i = 0; i < 32; i++) over a hash field says
	// nothing of the file name after it.
	flags := map[string]bool{}
	var walked map[string]bool
	for _, s := range earlierStatements(f, at) {
		if !isLoop(s) || !mentionsAny(f, s, vars) {
			continue
		}
		if walked == nil {
			walked = derivedFromAll(f, vars)
		}
		if !walksString(f, s, walked) {
			continue
		}
		rejects := false
		s.walk(func(m *node) bool {
			if m.kind != "if_statement" && m.kind != "conditional_expression" {
				return true
			}
			cnd := condExpr(m)
			if m.kind == "conditional_expression" {
				cnd = m.child("condition")
			}
			body := m.child("consequence")
			if cnd == nil {
				return true
			}
			if !testsForbidden(f, cnd, fb) {
				// An allow-list of ranges: if (!(c >= 'a' && c <= 'z')) return 1;
				rejected, ok := charClass(f, cnd)
				if !ok || !fb.rejectsAll(rejected) || !leavesFunction(f, body) {
					return true
				}
			}
			if leavesFunction(f, body) {
				rejects = true
			} else if flag := assignedFlag(f, body); flag != "" {
				flags[flag] = true
			}
			return !rejects
		})
		if rejects {
			return true
		}
	}
	if len(flags) > 0 {
		for _, c := range conds {
			found := false
			c.e.walk(func(m *node) bool {
				if m.kind == "identifier" && flags[f.text(m)] {
					found = true
				}
				return !found
			})
			if found {
				return true
			}
		}
	}
	return false
}

// testsForbidden reports whether a condition compares a character with
// a forbidden one, or searches for a forbidden string: *p == '/',
// c == '<', strncmp(p, "..", 2) == 0, strchr("<>&", c); or whether it
// holds when a character is outside a class that has no punctuation
// (!isalnum(c), isdigit(c) == 0), which every forbidden set here is.
func testsForbidden(f *function, c *node, fb *forbidden) bool {
	found := false
	c.walk(func(m *node) bool {
		switch m.kind {
		case "call_expression":
			if cs := f.callAt[m]; cs != nil && alnumClass[cs.name] && negated(f, m) {
				found = true
			}
		case "char_literal":
			if fb.matchesLiteral(f.file.t, m) {
				found = true
			}
		case "string_literal":
			if s, ok := stringValue(f.file.t, m); ok && (containsAny(s, fb.strs) || strings.ContainsAny(s, fb.chars)) {
				found = true
			}
		}
		return !found
	})
	return found
}

// alnumClass are the character classes without punctuation or space.
var alnumClass = map[string]bool{
	"isalnum": true, "isalpha": true, "isdigit": true, "isxdigit": true,
	"islower": true, "isupper": true, "iswalnum": true, "iswalpha": true, "iswdigit": true,
}

// negated reports whether an expression's truth is inverted where it is
// tested: !e, e == 0, e == false.
func negated(f *function, e *node) bool {
	p := unparenParent(e)
	if p == nil {
		return false
	}
	switch p.kind {
	case "unary_expression":
		return f.text(p.child("operator")) == "!"
	case "binary_expression":
		if f.text(p.child("operator")) != "==" {
			return false
		}
		other := p.child("right")
		if other == e || unparen(other) == e {
			other = p.child("left")
		}
		t := f.text(unparen(other))
		return t == "0" || t == "false"
	}
	return false
}

// validatorCall reports whether a call validates its argument: a function
// of the file whose body looks for the forbidden text, or an external
// function named for a check.
func validatorCall(f *function, cs *callSite, fb *forbidden) bool {
	if callee := f.callee(cs); callee != nil && callee != f {
		return rejectsForbidden(callee, fb) && !decodesAfterRejecting(callee)
	}
	l := strings.ToLower(strings.TrimPrefix(cs.name, "."))
	for _, w := range fb.nameHas {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// earlierStatements lists the statements that run before point at in its
// enclosing blocks, nearest first.
func earlierStatements(f *function, at *node) []*node {
	var out []*node
	child := at
	for p := at.parent; p != nil && child != f.body; child, p = p, p.parent {
		switch p.kind {
		case "compound_statement", "case_statement", "translation_unit", "ERROR":
			i := childIndex(p, child)
			for k := i - 1; k >= 0 && k >= i-maxGuardLookback; k-- {
				if p.children[k].named {
					out = append(out, p.children[k])
				}
			}
		}
	}
	return out
}

func isLoop(n *node) bool {
	switch n.kind {
	case "for_statement", "while_statement", "do_statement", "for_range_loop":
		return true
	}
	return false
}

// mentionsAny reports whether a statement reads one of the variables.
func mentionsAny(f *function, s *node, vars map[string]bool) bool {
	found := false
	s.walk(func(m *node) bool {
		// A type_identifier is a variable in a vexing parse: fs::path
		// p(name).
		if (m.kind == "identifier" || m.kind == "type_identifier" && f.lookup(f.text(m)) != nil) && vars[f.text(m)] {
			found = true
		}
		return !found
	})
	return found
}

// leavesFunction reports whether a statement always returns, exits or
// throws: a break only ends the loop, and is not a rejection.
func leavesFunction(f *function, s *node) bool {
	if s == nil {
		return false
	}
	switch s.kind {
	case "return_statement", "throw_statement":
		return true
	case "compound_statement":
		for _, c := range s.children {
			if c.named && leavesFunction(f, c) {
				return true
			}
		}
		return false
	case "expression_statement":
		return s.firstNamed() != nil && s.firstNamed().kind != "comma_expression" && alwaysLeaves(f, s)
	case "if_statement":
		alt := s.child("alternative")
		if alt != nil && alt.kind == "else_clause" {
			alt = alt.firstNamed()
		}
		return alt != nil && leavesFunction(f, s.child("consequence")) && leavesFunction(f, alt)
	}
	return false
}

// assignedFlag returns the variable a branch sets to a constant (bad = 1,
// ok = false), or "".
func assignedFlag(f *function, s *node) string {
	name := ""
	s.walk(func(m *node) bool {
		if m.kind == "assignment_expression" && f.text(m.child("operator")) == "=" {
			if n := f.identName(m.child("left")); n != "" {
				if _, ok := f.file.constValue(m.child("right"), f); ok {
					name = n
				}
			}
		}
		return name == ""
	})
	return name
}

// decodesAfterRejecting reports a function that decodes what a
// parameter points to in place after a statement that rejects it:
// if (strstr(req->doc, "..")) return -1; url_decode(req->doc); lets
// "%2e%2e" through the check and turns it into "..".
func decodesAfterRejecting(g *function) bool {
	return cached(g.cacheMap(), "decodesAfterRejecting", func() bool {
		params := map[string]bool{}
		for _, p := range g.params {
			if p.name != "" && p.isPointer() {
				params[p.name] = true
			}
		}
		for _, c := range g.calls {
			if !decodes(g, c) {
				continue
			}
			for _, a := range c.args {
				name, _ := baseVar(g.file.t, unparen(a))
				if !params[name] {
					continue
				}
				for _, st := range earlierStatements(g, c.n) {
					if cnd := condExpr(st); st.kind == "if_statement" && cnd != nil && mentionsAny(g, cnd, map[string]bool{name: true}) && leavesFunction(g, st.child("consequence")) {
						return true
					}
				}
			}
		}
		return false
	})
}
