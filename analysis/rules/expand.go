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
		for _, loop := range f.loops {
			_, b, ok := countingLoop(f, loop)
			if !ok {
				continue
			}
			bound := squeeze(f.text(valueOf(b)))
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
				if !ok || k >= int64(steps) || guardsIndex(f, body, idx) {
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
	return m
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
	for _, c := range f.calls {
		if c.name != "malloc" || c.n.start > loop.start {
			continue
		}
		p := unparenParent(c.n)
		name := ""
		switch {
		case p == nil:
		case p.kind == "init_declarator":
			name = declName(f.file.t, p.child("declarator"))
		case p.kind == "assignment_expression":
			name = f.identName(p.child("left"))
		}
		if name != out {
			continue
		}
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
