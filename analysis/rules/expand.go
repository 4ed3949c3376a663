package rules

import "fmt"

// CWE-787, an expanding copy: a loop over the n characters of its input
// that writes more than one output character for some of them (doubling
// quotes, escaping, hex-encoding) into a buffer allocated for about n
// (malloc(len + 3)). The output index's steps per pass are counted along
// the body's branches (an if's two arms are one or the other); with two
// or more on some pass, the buffer must be allocated with the input
// length multiplied by at least that many, or the copy must stop at the
// buffer's size (a check of the output index in the loop).
//
// Blind spots: only allocations in the same function, sized by the loop
// bound's own text plus constants, are judged; an input known to hold
// none of the expanded characters (checked before) is not seen.

func checkExpandingCopy(pass *Pass) {
	for _, f := range pass.Funcs() {
		checkReplacementCopy(pass, f)
		for _, loop := range f.loops {
			bound := ""
			if _, b, ok := countingLoop(f, loop); ok {
				bound = squeeze(f.text(valueOf(b)))
			} else if bound = stringWalkBound(f, loop); bound == "" {
				continue
			}
			body := loop.child("body")
			if body == nil || bound == "" {
				continue
			}
			for out, idx := range outputWrites(f, body) {
				steps := maxSteps(f, body, idx)
				if steps < 2 {
					continue
				}
				k, alloc, ok := allocatedFor(f, out, bound, loop)
				if !ok {
					// malloc(len + extra + 3), extra counted first.
					if alloc, msg, ok := uncountedExpansion(f, loop, out, idx, bound); ok && !guardsIndex(f, body, idx) {
						pass.Report(alloc, msg, "count every character the copy expands, with the same test the copy uses")
					}
					continue
				}
				if k >= int64(steps) || guardsIndex(f, body, idx) {
					continue
				}
				pass.Report(alloc, fmt.Sprintf("%s is allocated for %s characters and a little more, but the loop over them writes up to %d into it for some (%s grows by %d a pass): a long enough input overflows it",
					out, bound, steps, idx, steps),
					fmt.Sprintf("allocate %d * %s + the extra characters, or count the characters that expand first", steps, bound))
			}
		}
	}
}

// outputWrites maps the buffers a loop body writes at a stepped index
// (out[o++] = c) to that index.
func outputWrites(f *function, body *node) map[string]string {
	m := map[string]string{}
	body.walk(func(n *node) bool {
		if n.kind != "subscript_expression" || !isWritten(n) {
			return true
		}
		idx := unparen(subscriptIndex(n))
		if idx == nil || idx.kind != "update_expression" {
			return true
		}
		if o, b := f.identName(idx.child("argument")), f.identName(n.child("argument")); o != "" && b != "" {
			m[b] = o
		}
		return true
	})
	// *p++ = c, with p = out: the output is out, stepped by p.
	body.walk(func(n *node) bool {
		if n.kind != "pointer_expression" || n.op0() != "*" || !isWritten(n) {
			return true
		}
		u := unparen(n.child("argument"))
		if u == nil || u.kind != "update_expression" {
			return true
		}
		// p was last set to out; its steps since are what the rule
		// counts.
		p := f.identName(u.child("argument"))
		if d := f.lastWholeDef(p, n); p != "" && d != nil && len(d.srcs) == 1 {
			if b := f.identName(unparen(d.srcs[0])); b != "" && b != p {
				m[b] = p
			}
		}
		return true
	})
	return m
}

// uncountedExpansion reads an expanding copy into a buffer sized by a
// count made first: extra counts the characters a test C1 accepts
// (for (...) if (s[i] == '"') extra++;), the buffer is malloc(len +
// extra + k), and the copy writes a second character for those a test
// C2 accepts (if (needs_escape(s[i])) *p++ = '\\';). The copy
// overflows when C2 accepts a character C1 does not count.
func uncountedExpansion(f *function, loop *node, out, idx, bound string) (*node, string, bool) {
	alloc := allocationOf(f, out, loop)
	if alloc == nil {
		return nil, "", false
	}
	counter := ""
	for _, t := range addTerms(f, alloc.arg(0), 0) {
		if _, isConst := f.file.constValue(t, f); isConst {
			continue
		}
		tt := valueOf(t)
		switch {
		case squeeze(f.text(tt)) == bound:
		case tt.kind == "identifier" && counter == "":
			counter = f.text(tt)
		default:
			return nil, "", false
		}
	}
	if counter == "" {
		return nil, "", false
	}
	counted, test, ok := countedClass(f, counter, bound, loop)
	if !ok {
		return nil, "", false
	}
	body := loop.child("body")
	for _, st := range body.namedChildren() {
		if st.kind != "if_statement" || maxSteps(f, st.child("consequence"), idx) < 1 {
			continue
		}
		expands, ok := charClass(f, condExpr(st))
		if !ok {
			return nil, "", false
		}
		for c := 1; c < 256; c++ {
			if expands[c] && !counted[c] {
				return alloc.n, fmt.Sprintf("%s is allocated for %s characters plus %s, which counts those where %s, but the copy writes two for those where %s: %q is written as two and not counted, so a long enough input overflows it",
					out, bound, counter, test, squeeze(f.text(condExpr(st))), rune(c)), true
			}
		}
	}
	return nil, "", false
}

// countedClass is the set of characters a counting loop before at
// counts in counter: for (i = 0; i < bound; i++) if (C) counter++;,
// and the text of the test.
func countedClass(f *function, counter, bound string, at *node) ([256]bool, string, bool) {
	var none [256]bool
	for _, l := range f.loops {
		if l.end > at.start {
			continue
		}
		if _, b, ok := countingLoop(f, l); !ok || squeeze(f.text(valueOf(b))) != bound {
			continue
		}
		var set [256]bool
		found, ok, test := false, true, ""
		l.child("body").walk(func(n *node) bool {
			if n.kind != "update_expression" || f.identName(n.child("argument")) != counter {
				return true
			}
			st := n.ancestor("if_statement")
			if st == nil || !l.contains(st) {
				ok = false
				return false
			}
			s, good := charClass(f, condExpr(st))
			if !good {
				ok = false
				return false
			}
			for c := range s {
				set[c] = set[c] || s[c]
			}
			if test == "" {
				test = squeeze(f.text(condExpr(st)))
			}
			found = true
			return true
		})
		if found && ok {
			return set, test, true
		}
	}
	return none, "", false
}

// maxSteps counts the increments of v on the longest path through a
// statement: an if's arms are alternatives, everything else adds up.
func maxSteps(f *function, n *node, v string) int {
	if n == nil {
		return 0
	}
	switch n.kind {
	case "update_expression":
		if f.identName(n.child("argument")) == v {
			return 1
		}
	case "assignment_expression":
		// p += n, with n = strlen(ent) of a helper's entity: its longest.
		if f.text(n.child("operator")) == "+=" && f.identName(n.child("left")) == v {
			if k, ok := f.file.constValue(n.child("right"), f); ok {
				return int(k)
			}
			if k, ok := longestLiteralLen(f, n.child("right"), n); ok {
				return k
			}
		}
	case "if_statement":
		cons := maxSteps(f, n.child("consequence"), v)
		alt := maxSteps(f, n.child("alternative"), v)
		return maxSteps(f, n.child("condition"), v) + max(cons, alt)
	case "for_statement", "while_statement", "do_statement":
		return 0 // an inner loop is counted by no fixed number
	}
	total := 0
	for _, c := range n.children {
		total += maxSteps(f, c, v)
	}
	return total
}

// allocatedFor finds out = malloc(size) before the loop and reads size
// as k * bound + constants; false when it is not of that shape.
func allocatedFor(f *function, out, bound string, loop *node) (int64, *node, bool) {
	if c := allocationOf(f, out, loop); c != nil {
		var k int64
		for _, t := range addTerms(f, c.arg(0), 0) {
			if _, isConst := f.file.constValue(t, f); isConst {
				continue
			}
			tt := valueOf(t)
			switch {
			case squeeze(f.text(tt)) == bound:
				k++
			case tt.kind == "binary_expression" && f.text(tt.child("operator")) == "*":
				m, ok1 := f.file.constValue(tt.child("left"), f)
				if !ok1 {
					m, ok1 = f.file.constValue(tt.child("right"), f)
				}
				if !ok1 {
					return 0, nil, false
				}
				k += m
			default:
				return 0, nil, false // sized by something else: counted first
			}
		}
		return k, c.n, k > 0
	}
	return 0, nil, false
}

// allocationOf finds out = malloc(size) before the loop.
func allocationOf(f *function, out string, loop *node) *callSite {
	for _, c := range f.calls {
		if c.name == "malloc" && c.n.start <= loop.start && assignedName(f, c.n) == out {
			return c
		}
	}
	return nil
}

// guardsIndex reports a loop body that compares its output index (a
// stop at the buffer's size).
func guardsIndex(f *function, body *node, idx string) bool {
	found := false
	body.walk(func(n *node) bool {
		if n.kind == "binary_expression" {
			switch f.text(n.child("operator")) {
			case "<", "<=", ">", ">=":
				if f.identName(n.child("left")) == idx || f.identName(n.child("right")) == idx {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// checkReplacementCopy reads an escaper that copies a replacement string
// for some characters (case '"': rep = "&quot;"; ... memcpy(w, rep, r))
// into a buffer allocated for k bytes a character (malloc(len * 5 + 1)):
// a replacement longer than k overflows it once enough characters are
// replaced.
func checkReplacementCopy(pass *Pass, f *function) {
	for _, alloc := range f.calls {
		if alloc.name != "malloc" {
			continue
		}
		out := assignedName(f, alloc.n)
		if out == "" {
			continue
		}
		var k int64
		for _, t := range addTerms(f, alloc.arg(0), 0) {
			tt := valueOf(t)
			if tt.kind == "binary_expression" && f.text(tt.child("operator")) == "*" {
				m, ok := f.file.constValue(tt.child("left"), f)
				if !ok {
					m, ok = f.file.constValue(tt.child("right"), f)
				}
				if ok && m > k {
					k = m
				}
			}
		}
		if k < 2 {
			continue
		}
		for _, loop := range f.loops {
			if loop.start < alloc.n.end {
				continue
			}
			longest, lit := replacementLength(f, loop, out)
			if longest > k {
				pass.Report(alloc.n, fmt.Sprintf("%s is allocated for %d bytes a character, but the loop copies the replacement %s of %d bytes for some characters: enough of them overflow it",
					out, k, lit, longest), fmt.Sprintf("allocate %d bytes a character (the longest replacement), or count the replaced characters first", longest))
				break
			}
		}
	}
}

// assignedName is the variable a call's result is stored in.
func assignedName(f *function, call *node) string {
	p := unparenParent(call)
	switch {
	case p == nil:
	case p.kind == "init_declarator":
		return declName(f.file.t, p.child("declarator"))
	case p.kind == "assignment_expression":
		return f.identName(p.child("left"))
	}
	return ""
}

// replacementLength is the longest string a loop copies into out (or a
// pointer set from it) with memcpy, strcpy or memmove: a literal given
// directly or through a variable the loop sets to literals.
func replacementLength(f *function, loop *node, out string) (int64, string) {
	lits := map[string][]*node{} // variable -> literals it is set to in the loop
	loop.walk(func(n *node) bool {
		if n.kind == "assignment_expression" && f.text(n.child("operator")) == "=" {
			if r := unparen(n.child("right")); r != nil && r.kind == "string_literal" {
				name := f.identName(n.child("left"))
				lits[name] = append(lits[name], r)
			}
		}
		return true
	})
	best, text := int64(0), ""
	for _, c := range f.calls {
		if !loop.contains(c.n) {
			continue
		}
		switch c.name {
		case "memcpy", "memmove", "strcpy", "stpcpy":
		default:
			continue
		}
		dst := f.identName(unparen(c.arg(0)))
		if d := f.lastWholeDef(dst, loop); dst != out && (d == nil || len(d.srcs) != 1 || f.identName(unparen(d.srcs[0])) != out) {
			continue
		}
		src := unparen(c.arg(1))
		cands := lits[f.identName(src)]
		if src != nil && src.kind == "string_literal" {
			cands = []*node{src}
		}
		for _, l := range cands {
			if v, ok := stringValue(f.file.t, l); ok && int64(len(v)) > best {
				best, text = int64(len(v)), f.text(l)
			}
		}
	}
	return best, text
}

// stringWalkBound is the variable holding the length of the string a
// loop walks (for (; *src; src++) after len = strlen(src)), so that the
// loop is read as one over len characters; "" when there is none.
func stringWalkBound(f *function, loop *node) string {
	c := unparenOnly(condExpr(loop))
	if c == nil || c.kind != "pointer_expression" || c.op0() != "*" {
		return ""
	}
	s := f.identName(c.child("argument"))
	if s == "" {
		return ""
	}
	for _, d := range f.defs {
		if !d.whole || d.pos > loop.start || len(d.srcs) != 1 {
			continue
		}
		if cs := f.callAt[stripCasts(d.srcs[0])]; cs != nil && cs.name == "strlen" && f.identName(cs.arg(0)) == s {
			return d.name
		}
	}
	return ""
}

// longestLiteralLen bounds n = strlen(ent) where ent is what a function
// of the file returns, each return a string literal or NULL: the longest
// literal's length.
func longestLiteralLen(f *function, e, at *node) (int, bool) {
	src, ok := soleSource(f, f.identName(e), at)
	if !ok {
		return 0, false
	}
	cs := f.callAt[stripCasts(src)]
	if cs == nil || cs.name != "strlen" {
		return 0, false
	}
	esrc, ok := soleSource(f, f.identName(cs.arg(0)), at)
	if !ok {
		return 0, false
	}
	ec := f.callAt[stripCasts(esrc)]
	if ec == nil {
		return 0, false
	}
	g := f.callee(ec)
	if g == nil || g == f || len(g.byKind["return_statement"]) == 0 {
		return 0, false
	}
	longest := 0
	for _, r := range g.byKind["return_statement"] {
		v := unparen(r.firstNamed())
		if v == nil {
			return 0, false
		}
		if lit, ok := stringValue(g.file.t, v); ok {
			longest = max(longest, len(lit))
			continue
		}
		if !nullLiteral(g, v) {
			return 0, false
		}
	}
	return longest, longest > 0
}
