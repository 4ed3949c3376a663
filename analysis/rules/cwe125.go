package rules

import (
	"fmt"
	"strings"
)

// CWE-125, out-of-bounds read (and the index half of CWE-119 and CWE-787).
//
// Scenarios 125-0/1/2 and 119-1/2 are judged by the study's own queries:
// an array is read at an index that comes from the user (scanf, atoi of
// argv) or from a function's index parameter, and the index is not
// proven to lie in [0, size) by the conditions around the access. The
// bounds must be right: "i <= 3" on an array of 3 is not a check, nor is
// "index <= size". As the study's query for 119-2 does, a check against
// argc does not count for argv: only constant bounds do.

func cwe125Rules() []*Rule {
	return []*Rule{
		{
			Name:     "cwe125-unchecked-index-read",
			CWE:      "CWE-125",
			Doc:      "an array is read at an index from input or from an index parameter, without a check of the index against 0 and the array's size",
			Fix:      "check 0 <= index < size before reading, and return an error otherwise",
			Requires: []Fact{Flow, Taint, Guards, Values},
			Run:      func(pass *Pass) { reportIndexFindings(pass, false) },
		},
		{
			Name:     "cwe125-past-terminator",
			CWE:      "CWE-125",
			Doc:      "a loop that walks a string to its terminator reads two or more characters ahead, or steps over them, without checking that the ones in between are not the terminator",
			Fix:      "check each character before the last one read (p[1] != '\\0' && p[2] != '\\0', or isxdigit(p[1]) && isxdigit(p[2])) before reading further or stepping past it",
			Requires: []Fact{Guards},
			Run:      checkPastTerminator,
		},
		{
			Name:     "cwe125-offset-copy-read",
			CWE:      "CWE-125",
			Doc:      "a copy reads n bytes from buf + off where the checks bound n or off, never the two together",
			Fix:      "check the length against the data left after the offset: if (off > size || n > size - off) reject",
			Requires: []Fact{Guards},
			Run: func(pass *Pass) {
				for _, oc := range offsetCopies(pass.file) {
					if !oc.write {
						pass.Report(oc.call.n, oc.msg, "")
					}
				}
			},
		},
	}
}

// indexAccess is one access buf[i] (or *(buf + i)) whose index is not
// proven in bounds.
type indexAccess struct {
	at    *node // the subscript or dereference
	write bool
	msg   string
	fix   string
	// param is the parameter the index comes from ("" when it comes
	// from input read in the function), in the function fn.
	param string
	fn    *function
}

// sizeName reports whether a parameter's name says it is the size of a
// buffer (reply_size, len, count), not an index into it: buf[size - 1]
// is the caller's promise, not input.
func sizeName(name string) bool {
	l := strings.ToLower(name)
	if l == "n" || l == "sz" {
		return true
	}
	for _, w := range []string{"size", "len", "count", "capacity", "cap", "max", "limit", "bytes"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// reportIndexFindings reports the unchecked index accesses: writes only
// (CWE-787), reads only (CWE-125).
func reportIndexFindings(pass *Pass, writes bool) {
	ff := pass.file
	for _, a := range indexAccesses(ff) {
		if a.write == writes {
			pass.Report(a.at, a.msg, a.fix)
		}
	}
}

// indexAccesses computes (once per file) the accesses at unchecked
// input indexes.
func indexAccesses(ff *fileFacts) []indexAccess {
	return cached(ff.cache, "index", func() []indexAccess {
		var out []indexAccess
		for _, f := range ff.funcs {
			out = append(out, indexAccessesIn(f)...)
		}
		return out
	})
}

func indexAccessesIn(f *function) []indexAccess {
	var out []indexAccess
	tr := f.taint().run(f.file.memSpecs().index)
	check := func(at, base, idx *node) {
		if !f.file.spend(4) {
			return
		}
		idx = unparen(idx)
		if idx == nil || inSizeof(at) {
			return
		}
		if _, ok := f.file.constValue(idx, f); ok {
			return
		}
		why := tr.expr(idx)
		bname := f.identName(base)
		bv := f.placeVar(base)
		if bv == nil || !(bv.isArray() || bv.isPointer() || bv.container) {
			return
		}
		if msg, ok := roomCheckOverrun(f, at, base, idx); ok && f.flow().reachableNode(at) {
			out = append(out, indexAccess{at: at, write: isWritten(at), msg: msg, fn: f,
				fix: "leave room for the terminator in the check: if (len + need >= sizeof buf) reject"})
			return
		}
		if msg, ok := wrappedMemberIndex(f, at, base, idx); ok && f.flow().reachableNode(at) {
			out = append(out, indexAccess{at: at, write: isWritten(at), msg: msg, fn: f,
				fix: fmt.Sprintf("wrap %s with >= (if (%s >= size) %s = 0), so that it stays below the number of elements", f.text(idx), f.text(idx), f.text(idx))})
			return
		}
		if ts, ok := compoundIndex(f, idx); ok {
			// row * cols + col: bounded by its terms' ranges (bounds.go).
			if size, ok := startOfArray(f, base); ok {
				if termsWithin(f, ts, at, size) {
					return
				}
				if msg, ok := offsetOverBound(f, at, base, size, ts); ok && f.flow().reachableNode(at) {
					out = append(out, indexAccess{at: at, write: isWritten(at), msg: msg, fn: f,
						fix: "check each part of the index against its dimension with >= (row >= rows), so that the largest index is one less than the number of elements"})
					return
				}
			}
		}
		if why == "" {
			// Not from input, but checked against a bound that is too
			// large (bounds.go).
			if msg, ok := overBound(f, at, base, idx); ok && f.flow().reachableNode(at) {
				out = append(out, indexAccess{at: at, write: isWritten(at), msg: msg, fn: f,
					fix: fmt.Sprintf("bound %s by the number of elements of %s, less one", f.text(idx), f.text(base))})
			}
			return
		}
		if !f.flow().reachableNode(at) {
			return
		}
		v, c := indexLinear(f, idx)
		if v == nil {
			return
		}
		isArgv := bname != "" && bname == f.argvName()
		size := int64(-1)
		if bv.isArray() && len(bv.dims) > 0 && bv.dims[0] > 0 {
			size = bv.dims[0]
		} else if bv.container && bv.fixedLen > 0 {
			size = bv.fixedLen
		}
		b := f.guards().derivedBounds(v, at)
		unsigned := false
		if iv := f.lookup(f.identName(v)); iv != nil && iv.unsigned {
			unsigned = true
		}
		lowerOK := (unsigned && c >= 0) || (b.hasLo && b.lo+c >= 0) || (c >= 0 && f.guards().nonNegative(v, at, 0))
		upperOK := false
		if b.hasHi {
			upperOK = size < 0 || b.hi+c <= size-1
		}
		if !upperOK && !isArgv {
			for _, s := range b.symHi {
				if s.off+c <= -1 {
					upperOK = true
				}
			}
		}
		if lowerOK && upperOK {
			return
		}
		if pv := f.lookup(f.identName(v)); pv != nil && pv.isParam && size != 0 && callersBound(f, pv, size, c) {
			return // every caller checks the index it passes: record(h, pct) after pct < 0 || pct > 100
		}
		write := isWritten(at)
		verb := "read"
		if write {
			verb = "written"
		}
		var missing []string
		if !lowerOK {
			missing = append(missing, "0")
		}
		if !upperOK {
			switch {
			case isArgv:
				missing = append(missing, "a constant limit (a check against argc is not enough for the study's query)")
			case size >= 0:
				missing = append(missing, fmt.Sprintf("its size %d", size))
			default:
				missing = append(missing, "its size")
			}
		}
		msg := fmt.Sprintf("%s is %s at index %s, which comes from %s and is not checked against %s",
			f.text(at), verb, f.text(idx), why, strings.Join(missing, " nor "))
		if b.hasHi && !upperOK && size >= 0 {
			msg = fmt.Sprintf("%s is %s at index %s (from %s), which the check lets go up to %d: %s has only %d elements",
				f.text(at), verb, f.text(idx), why, b.hi+c, f.text(base), size)
		}
		fix := fmt.Sprintf("check 0 <= %s && %s < %s before the access", f.text(idx), f.text(idx), sizeText(f, base, size))
		a := indexAccess{at: at, write: write, msg: msg, fix: fix, fn: f}
		if p, ok := strings.CutPrefix(why, "the parameter "); ok {
			a.param = p
		}
		out = append(out, a)
	}
	for _, s := range f.byKind["subscript_expression"] {
		check(s, unparen(s.child("argument")), subscriptIndex(s))
	}
	for _, p := range f.byKind["pointer_expression"] {
		if p.op0() != "*" {
			continue
		}
		sum := unparen(p.child("argument"))
		if sum == nil || sum.kind != "binary_expression" || f.text(sum.child("operator")) != "+" {
			continue
		}
		l, rr := unparen(sum.child("left")), unparen(sum.child("right"))
		if v := f.lookup(f.identName(l)); v != nil && (v.isArray() || v.isPointer()) {
			check(p, l, rr)
		} else if v := f.lookup(f.identName(rr)); v != nil && (v.isArray() || v.isPointer()) {
			check(p, rr, l)
		} else if msg, ok := addressOverBound(f, p, sum); ok && f.file.spend(4) && f.flow().reachableNode(p) {
			out = append(out, indexAccess{at: p, write: isWritten(p), msg: msg, fn: f,
				fix: "check each part of the offset against its dimension with >= (row >= rows), so that the largest offset is one less than the number of elements"})
		}
	}
	return out
}

func sizeText(f *function, base *node, size int64) string {
	if size >= 0 {
		return fmt.Sprint(size)
	}
	if f.identName(base) == f.argvName() && f.argvName() != "" {
		return "the number of arguments"
	}
	return "the size of " + f.text(base)
}

// inSizeof reports whether n is inside a sizeof, where nothing is read.
func inSizeof(n *node) bool {
	for p := n.parent; p != nil; p = p.parent {
		switch p.kind {
		case "sizeof_expression", "alignof_expression":
			return true
		case "expression_statement", "declaration", "compound_statement":
			return false
		}
	}
	return false
}

// isWritten reports whether an lvalue is assigned or incremented.
func isWritten(n *node) bool {
	child := n
	for p := n.parent; p != nil; child, p = p, p.parent {
		switch p.kind {
		case "parenthesized_expression":
			continue
		case "assignment_expression":
			return child.field == "left"
		case "update_expression":
			return true
		case "pointer_expression":
			if p.op0() == "&" {
				// &buf[i] handed to scanf or read is written.
				if call := p.ancestor("call_expression"); call != nil {
					return true
				}
			}
			return false
		}
		return false
	}
	return false
}
