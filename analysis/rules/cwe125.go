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
			Name:     "cwe125-read-past-fill",
			CWE:      "CWE-125",
			Doc:      "a length taken from a message is used to read the message's buffer, checked against a constant but never against the count of bytes the message holds",
			Fix:      "check the length against what the record holds after the offset: if (len > m->len - off) reject",
			Requires: []Fact{Flow, Taint, Guards},
			Run: func(pass *Pass) {
				for _, r := range fillReads(pass.file) {
					pass.Report(r.call.n, r.msg, "")
				}
			},
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

// arrayElems is the number of elements of an array or std::array, -1
// when it is not known.
func arrayElems(v *varInfo) int64 {
	switch {
	case v.isArray() && v.dims[0] > 0:
		return v.dims[0]
	case v.container && v.fixedLen > 0:
		return v.fixedLen
	}
	return -1
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
		if n := arrayElems(bv); n > 0 {
			// digits[in[i] >> 4], digits[c & 0x0f]: the value's range
			// fits the table whatever the input.
			if r, ok := f.values().rangeOf(idx, at, 0); ok && r.lo.Sign() >= 0 && r.hi.IsInt64() && r.hi.Int64() < n {
				return
			}
		}
		if !isWritten(at) && prefixMatched(f, base, idx, at) {
			return // out[len] after strncmp(out, root, len) == 0
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
		v, c := indexLinear(f, idx)
		var allocK int64
		allocOK := false
		if v != nil && f.identName(v) != "" {
			allocK, allocOK = allocationElements(f, base, v, at)
			if allocOK && c >= allocK && f.flow().reachableNode(at) {
				out = append(out, indexAccess{at: at, write: isWritten(at), fn: f,
					msg: fmt.Sprintf("%s is %s at index %s, but %s has only %s elements: the last is at %s", f.text(at), verbOf(at), f.text(idx), f.text(base), plusConst(f, v, allocK), plusConst(f, v, allocK-1)),
					fix: fmt.Sprintf("allocate %s elements, one for each index up to %s", plusConst(f, v, c+1), f.text(idx))})
				return
			}
		}
		if why == "" && v != nil && c >= 0 && !isWritten(at) && measuresOther(f, v, base) && f.flow().reachableNode(at) {
			// line[k] with k = strlen(word) and nothing relating k to
			// line: word may be the longer string.
			if b := f.guards().derivedBounds(v, at); !b.hasHi && len(b.symHi) == 0 {
				src, _ := soleSource(f, f.identName(v), v)
				out = append(out, indexAccess{at: at, fn: f,
					msg: fmt.Sprintf("%s is read at index %s, the length of another string (%s): nothing checks that %s is that long", f.text(at), f.text(idx), f.text(src), f.text(base)),
					fix: fmt.Sprintf("compare the strings first (strncmp(%s, other, %s) == 0) or check %s against the length of %s", f.text(base), f.text(v), f.text(v), f.text(base))})
				return
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
		if v == nil {
			return
		}
		isArgv := bname != "" && bname == f.argvName()
		size := arrayElems(bv)
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
		if !upperOK && size < 0 && allocOK && c < allocK {
			upperOK = true // out = malloc(n + 1); out[n] = '\0'
		}
		if !upperOK && size < 0 && callersAllocate(f, base, v, c) {
			upperOK = true // fill(out, n) after out = malloc(n + 1)
		}
		if !upperOK && size < 0 && c <= 0 && !isWritten(at) && measuredLength(f, v, 0) && !measuresOther(f, v, base) {
			// s[n - 1] read with n the length of the string (strlen(s),
			// end - s): the last character, or the terminator at c == 0.
			// A write at a measured length is not excused: dst[n] = '\0'
			// after copying n bytes of another string is the overflow.
			upperOK = true
		}
		if lowerOK && upperOK {
			return
		}
		if pv := f.lookup(f.identName(v)); pv != nil && pv.isParam && size != 0 && callersBound(f, pv, size, c) {
			return // every caller checks the index it passes: record(h, pct) after pct < 0 || pct > 100
		}
		write := isWritten(at)
		verb := verbOf(at)
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

// allocationElements reports that the buffer base has v + k elements at the
// access at, on every definition of it in the function: out = malloc(n +
// 1) gives k = 1, new int[n] k = 0, calloc(n + 1, sizeof *p) k = 1. The
// value v must not be written after the allocation (a parameter, or a
// variable set only before it), and the access must follow it.
func allocationElements(f *function, base, v, at *node) (int64, bool) {
	name := f.identName(base)
	bv := f.lookup(name)
	vname := f.identName(v)
	if bv == nil || bv.ptr != 1 || vname == "" || at == nil {
		return 0, false
	}
	gu := f.guards()
	sz, known := bv.elemSize()
	elemBytes := known && sz == 1
	found := false
	var k int64
	var allocEnd uint32
	for _, d := range f.defs {
		if d.name != name || !d.whole {
			continue // out[i] = c writes an element, not the pointer
		}
		if len(d.srcs) != 1 {
			return 0, false
		}
		src := stripCasts(d.srcs[0])
		if src == nil {
			return 0, false
		}
		var size *node
		switch src.kind {
		case "new_expression":
			if dl := src.child("declarator"); dl != nil && dl.kind == "new_declarator" {
				size = dl.firstNamed()
			}
		case "call_expression":
			cs := f.callAt[src]
			if cs == nil {
				return 0, false
			}
			switch cs.name {
			case "malloc":
				size = elementsOf(f, cs.arg(0), elemBytes)
			case "calloc":
				size = cs.arg(0)
			case "realloc":
				size = elementsOf(f, cs.arg(1), elemBytes)
			}
		}
		if size == nil {
			return 0, false
		}
		sv, dk := gu.linear(size)
		if sv == nil || !gu.sameExpr(sv, v) || found && dk != k {
			return 0, false
		}
		found, k = true, dk
		if d.pos > allocEnd {
			allocEnd = d.pos
		}
	}
	if !found || at.start < allocEnd {
		return 0, false
	}
	for _, d := range f.defs {
		if d.name == vname && d.pos > allocEnd {
			return 0, false
		}
	}
	return k, true
}

// elementsOf returns the element count of a malloc size: the size
// itself for a buffer of bytes, n + 1 of (n + 1) * sizeof *p, nil when
// it cannot tell.
func elementsOf(f *function, size *node, bytes bool) *node {
	size = unparen(size)
	if size == nil {
		return nil
	}
	if size.kind == "binary_expression" && f.text(size.child("operator")) == "*" {
		l, r := unparen(size.child("left")), unparen(size.child("right"))
		if r != nil && r.kind == "sizeof_expression" {
			return l
		}
		if l != nil && l.kind == "sizeof_expression" {
			return r
		}
		return nil
	}
	if bytes {
		return size
	}
	return nil
}

// verbOf says whether an access reads or writes.
func verbOf(at *node) string {
	if isWritten(at) {
		return "written"
	}
	return "read"
}

// plusConst writes v + k as a program would.
func plusConst(f *function, v *node, k int64) string {
	switch {
	case k > 0:
		return fmt.Sprintf("%s + %d", squeeze(f.text(v)), k)
	case k < 0:
		return fmt.Sprintf("%s - %d", squeeze(f.text(v)), -k)
	}
	return squeeze(f.text(v))
}

// callersAllocate reports whether, for a pointer parameter indexed by an
// integer parameter at v + c, every caller in the file passes a buffer
// it allocated with more than the integer it passes plus c elements:
// fill(out, n) after out = malloc(n + 1).
func callersAllocate(f *function, base, v *node, c int64) bool {
	bv, vv := f.lookup(f.identName(base)), f.lookup(f.identName(v))
	if bv == nil || vv == nil || !bv.isParam || !vv.isParam || f.isMain() || f.name == "" {
		return false
	}
	return everyCaller(f, func(s callerSite) bool {
		b, n := s.call.arg(bv.index), s.call.arg(vv.index)
		if b == nil || n == nil {
			return false
		}
		k, ok := allocationElements(s.caller, stripCasts(b), stripCasts(n), s.call.n)
		return ok && c < k
	})
}

// prefixMatched reports a read s[k] where a guard says strncmp(s, t, k)
// == 0: s holds k characters that are not its terminator, so s[k] is at
// most the terminator (out[root_len] after out was compared with the
// root it must start with).
func prefixMatched(f *function, base, idx, at *node) bool {
	gu := f.guards()
	for _, c := range gu.conditionsAt(at) {
		call := unparen(c.e)
		equal := !c.truth // !strncmp(...)
		if r, ok := gu.relationOf(c); ok && r.op == "==" {
			if k, ok := f.file.constValue(r.right, f); ok && k == 0 {
				call, equal = unparen(r.left), true
			} else if k, ok := f.file.constValue(r.left, f); ok && k == 0 {
				call, equal = unparen(r.right), true
			}
		}
		if !equal || call == nil || call.kind != "call_expression" {
			continue
		}
		cs := f.callAt[call]
		if cs == nil || cs.name != "strncmp" && cs.name != "std::strncmp" || len(cs.args) != 3 {
			continue
		}
		if (gu.sameExpr(cs.args[0], base) || gu.sameExpr(cs.args[1], base)) && gu.sameExpr(cs.args[2], idx) {
			return true
		}
	}
	return false
}

// measuresOther reports a length measured on another string than the
// one it indexes: line[k] with k = strlen(word).
func measuresOther(f *function, v, base *node) bool {
	bname := f.identName(base)
	if bname == "" || f.identName(v) == "" {
		return false
	}
	src, ok := soleSource(f, f.identName(v), v)
	if !ok {
		return false
	}
	call := stripCasts(src)
	if call == nil || call.kind != "call_expression" {
		return false
	}
	c := f.callAt[call]
	if c == nil {
		return false
	}
	var of *node
	switch c.name {
	case "strlen", "strnlen", "wcslen":
		of = c.arg(0)
	case ".size", ".length":
		of = c.recv
	default:
		return false
	}
	name, _ := baseVar(f.file.t, unparen(of))
	return name != "" && name != bname && pointeeOf(f, bname) != name && pointeeOf(f, name) != bname
}
