package rules

import (
	"fmt"
	"strconv"
	"strings"
)

// Checked, but not enough: an index whose bound the guards do give, and
// that bound lets it reach the buffer's size or beyond (i <= N on an
// array of N; count <= sizeof samples in bytes for an array of doubles;
// args[++i] under i < args.size()). The bound may come from the callers
// of the function: a parameter takes every value its callers pass.

// maxCallerDepth limits how far up the callers a parameter's range is
// followed.
const maxCallerDepth = 3

// upperBound is the largest value the guards at a point allow an
// integer expression: its own constant bound, or a constant bound of
// the variable it is compared with (i < count, count <= 256), or for a
// parameter the largest value its callers pass.
func upperBound(f *function, e *node, at *node, depth int) (int64, string, bool) {
	e = unparen(e)
	if e == nil || depth > maxCallerDepth || !f.file.spend(2) {
		return 0, "", false
	}
	if k, ok := f.file.constValue(e, f); ok {
		return k, "", true
	}
	gu := f.guards()
	base, off := gu.linear(e)
	if base == nil || unparen(base).kind != "identifier" {
		return 0, "", false
	}
	base = unparen(base)
	b := gu.derivedBounds(base, at)
	hi, has, via := int64(0), false, ""
	take := func(v int64, why string) {
		if !has || v < hi {
			hi, has, via = v, true, why
		}
	}
	if b.hasHi {
		take(b.hi, "")
	}
	for _, s := range b.symHi {
		sb := unparen(s.base)
		if sb == nil || sb.kind != "identifier" || f.text(sb) == f.text(base) {
			continue
		}
		if bb := gu.derivedBounds(sb, at); bb.hasHi {
			take(bb.hi+s.off, "the check of "+f.text(sb))
		}
	}
	if !has {
		if v := f.lookup(f.text(base)); v != nil && v.isParam {
			if h, ok := callerUpperBound(f, v, depth); ok {
				take(h, "the values its callers pass")
			}
		}
	}
	if !has {
		return 0, "", false
	}
	return hi + off, via, true
}

// callerUpperBound is the largest value the callers of a function pass
// in a parameter, when every caller's argument is bounded.
func callerUpperBound(f *function, v *varInfo, depth int) (int64, bool) {
	cg := f.file.calls()
	sites := cg.callers[f]
	if len(sites) == 0 || cg.escaped[f.name] {
		return 0, false
	}
	hi, has := int64(0), false
	for _, s := range sites {
		if s.caller == f {
			continue
		}
		a := s.call.arg(v.index)
		if a == nil {
			return 0, false
		}
		h, _, ok := upperBound(s.caller, a, s.call.n, depth+1)
		if !ok {
			return 0, false
		}
		if !has || h > hi {
			hi, has = h, true
		}
	}
	return hi, has
}

// elementCount is the number of elements of an indexed buffer whose size
// is fixed: an array (variable or member), std::array.
func elementCount(v *varInfo) (int64, bool) {
	switch {
	case v == nil:
	case v.isArray() && len(v.dims) > 0 && v.dims[0] > 0:
		return v.dims[0], true
	case v.container && v.fixedLen > 0:
		return v.fixedLen, true
	}
	return 0, false
}

// sameBufferBound reports the tightest offset k of a guard idxBase <
// size(buf) + k + 1 at a point, where size(buf) is the buffer's own
// length (buf.size(), buf.length(), sizeof buf / sizeof buf[0]).
func sameBufferBound(f *function, buf, idxBase, at *node) (int64, bool) {
	gu := f.guards()
	best, has := int64(0), false
	for _, s := range gu.derivedBounds(idxBase, at).symHi {
		sb := unparen(s.base)
		if sb == nil || sb.kind != "call_expression" {
			continue
		}
		c := f.callAt[sb]
		if c == nil || (c.name != ".size" && c.name != ".length") || !gu.sameExpr(unparen(c.recv), unparen(buf)) {
			continue
		}
		if !has || s.off < best {
			best, has = s.off, true
		}
	}
	return best, has
}

// overBound checks an access buf[idx] whose index does not come from
// input: it is reported when the bound the guards (or the callers) put
// on the index reaches the buffer's length.
func overBound(f *function, at, base, idx *node) (string, bool) {
	v, c := indexLinear(f, idx)
	if v == nil || unparen(v).kind != "identifier" {
		return "", false
	}
	bv := f.placeVar(base)
	if bv == nil {
		return "", false
	}
	verb := "read"
	if isWritten(at) {
		verb = "written"
	}
	size, ok := elementCount(bv)
	if !ok {
		size, ok = callerElements(f, base, bv)
	}
	if ok {
		hi, via, ok := upperBound(f, v, at, 0)
		if !ok || hi+c < size {
			return "", false
		}
		if via == "" {
			via = "the check before it"
		}
		return fmt.Sprintf("%s is %s at index %s, which %s lets go up to %d: %s has only %d elements",
			f.text(at), verb, f.text(idx), via, hi+c, f.text(base), size), true
	}
	if bv.container {
		if k, ok := sameBufferBound(f, base, v, at); ok && k+c >= 0 {
			return fmt.Sprintf("%s is %s at index %s, which the check against the size of %s lets reach that size, one past the last element",
				f.text(at), verb, f.text(idx), f.text(base)), true
		}
	}
	return "", false
}

// callerElements is the number of elements of a pointer parameter
// that every caller of the file passes a buffer of known size in: out
// in get_field(line, col, field) with char field[24].
func callerElements(f *function, base *node, bv *varInfo) (int64, bool) {
	if !bv.isParam || bv.ptr != 1 && !(bv.ptr == 0 && len(bv.dims) == 1) {
		return 0, false
	}
	es, ok := typeSize(bv.typ)
	if !ok || es <= 0 {
		return 0, false
	}
	bytes, ok := callerBufferSize(f, base)
	if !ok {
		return 0, false
	}
	return bytes / es, true
}

// indexLinear splits an index into a variable and a constant, reading
// ++i as i + 1 (the value after the increment) and i++ as i.
func indexLinear(f *function, idx *node) (*node, int64) {
	idx = unparen(idx)
	if idx != nil && idx.kind == "update_expression" {
		arg := unparen(idx.child("argument"))
		if arg == nil || arg.kind != "identifier" {
			return nil, 0
		}
		switch idx.op0() { // a prefix operator comes first
		case "++":
			return arg, 1
		case "--":
			return arg, -1
		}
		return arg, 0
	}
	return f.guards().linear(idx)
}

// addressOverBound checks an access *(base + a + b ...) whose base is
// not a named pointer: an array, an array member, or what a method of the
// file returns when it returns the start of one (char *cells() { return
// &cells_[0][0]; }). Every other term must be bounded by the guards (or
// the callers), a product by a constant only when its variable is not
// negative; the access is reported when the largest offset they allow
// reaches the array's element count (row <= kSize on an array of kSize
// rows, checked with > instead of >=).
func addressOverBound(f *function, at, sum *node) (string, bool) {
	var base *node
	var size int64
	var offs []*node
	for _, t := range addTerms(f, sum, 0) {
		if n, ok := startOfArray(f, t); ok {
			if base != nil {
				return "", false
			}
			base, size = t, n
			continue
		}
		offs = append(offs, t)
	}
	if base == nil || len(offs) == 0 {
		return "", false
	}
	return offsetOverBound(f, at, base, size, offs)
}

// offsetOverBound reports an access at the sum of offs into base (size
// elements) when the largest value the guards let the sum take reaches
// size.
func offsetOverBound(f *function, at, base *node, size int64, offs []*node) (string, bool) {
	hi := int64(0)
	for _, o := range offs {
		h, ok := termMax(f, o, at, 0)
		if !ok {
			return "", false
		}
		hi += h
	}
	if hi < size {
		return "", false
	}
	verb := "read"
	if isWritten(at) {
		verb = "written"
	}
	return fmt.Sprintf("%s is %s at offset %s, which the checks before it let go up to %d: %s points to only %d elements",
		f.text(at), verb, joinTerms(f, offs), hi, f.text(base), size), true
}

// compoundIndex reports an index made of several variable terms or a
// product (row * cols + col), which the linear reading of an index
// (one variable and a constant) does not bound; its terms are returned.
func compoundIndex(f *function, idx *node) ([]*node, bool) {
	ts := addTerms(f, idx, 0)
	vars := 0
	for _, t := range ts {
		if _, ok := f.file.constValue(t, f); ok {
			continue
		}
		vars++
		if t.kind == "binary_expression" && f.text(t.child("operator")) == "*" {
			vars++
		}
	}
	return ts, vars >= 2
}

// termsWithin reports whether the guards keep every term of an index
// non-negative and their sum below size.
func termsWithin(f *function, ts []*node, at *node, size int64) bool {
	hi := int64(0)
	for _, t := range ts {
		h, ok := termMax(f, t, at, 0)
		if !ok || !f.guards().nonNegative(t, at, 0) {
			if k, isConst := f.file.constValue(t, f); !isConst || k < 0 || !ok {
				return false
			}
		}
		hi += h
	}
	return hi < size
}

// addTerms flattens a sum a + b + c into its terms.
func addTerms(f *function, e *node, depth int) []*node {
	e = unparen(e)
	if e != nil && depth < 16 && e.kind == "binary_expression" && f.text(e.child("operator")) == "+" {
		return append(addTerms(f, e.child("left"), depth+1), addTerms(f, e.child("right"), depth+1)...)
	}
	return []*node{e}
}

func joinTerms(f *function, ts []*node) string {
	s := ""
	for i, t := range ts {
		if i > 0 {
			s += " + "
		}
		s += f.text(t)
	}
	return s
}

// startOfArray is the element count an address expression points to
// the start of: a one-dimensional array (variable or member), or a call
// of a function of the file, without arguments, whose every return is
// the address of the first element of an array member or variable
// (&cells_[0][0], cells_): all its elements, every dimension
// multiplied.
func startOfArray(f *function, e *node) (int64, bool) {
	e = unparen(e)
	if e == nil {
		return 0, false
	}
	if c := f.callAt[e]; c != nil {
		g := f.callee(c)
		if g == nil || g == f || len(c.args) != 0 {
			return 0, false
		}
		n := cached(g.cacheMap(), "bounds/returnsArray", func() int64 {
			var n int64
			for _, r := range g.byKind["return_statement"] {
				m, ok := arrayStart(g, r.firstNamed())
				if !ok || n != 0 && m != n {
					return 0
				}
				n = m
			}
			return n
		})
		return n, n > 0
	}
	v := f.placeVar(e)
	if v == nil || len(v.dims) != 1 || v.dims[0] <= 0 || v.isParam || v.ptr > 0 {
		return 0, false
	}
	return v.dims[0], true
}

// arrayStart reads &a[0]...[0] (every index 0) and a plain array a as
// the start of the array: its total element count.
func arrayStart(f *function, e *node) (int64, bool) {
	e = unparen(e)
	depth := 0
	if e != nil && e.kind == "pointer_expression" && e.op0() == "&" {
		e = unparen(e.child("argument"))
		for e != nil && e.kind == "subscript_expression" {
			if k, ok := f.file.constValue(subscriptIndex(e), f); !ok || k != 0 {
				return 0, false
			}
			depth++
			e = unparen(e.child("argument"))
		}
		if depth == 0 {
			return 0, false
		}
	}
	v := f.placeVar(e)
	if v == nil || len(v.dims) == 0 || v.isParam || v.ptr > 0 || (depth != 0 && depth != len(v.dims)) || (depth == 0 && len(v.dims) != 1) {
		return 0, false
	}
	n := int64(1)
	for _, d := range v.dims {
		if d <= 0 {
			return 0, false
		}
		n *= d
	}
	return n, true
}

// termMax is the largest value the guards at a point allow a term of an
// offset: a constant, a bounded variable (upperBound), a sum of such, or
// a product by a constant of one that is not negative.
func termMax(f *function, e *node, at *node, depth int) (int64, bool) {
	e = unparen(e)
	if e == nil || depth > 8 {
		return 0, false
	}
	if k, ok := f.file.constValue(e, f); ok {
		return k, true
	}
	if e.kind == "binary_expression" {
		l, r := e.child("left"), e.child("right")
		switch f.text(e.child("operator")) {
		case "+":
			a, ok1 := termMax(f, l, at, depth+1)
			b, ok2 := termMax(f, r, at, depth+1)
			return a + b, ok1 && ok2
		case "*":
			k, ok := f.file.constValue(l, f)
			other := r
			if !ok {
				k, ok = f.file.constValue(r, f)
				other = l
			}
			if !ok || k < 0 || !f.guards().nonNegative(other, at, 0) {
				return 0, false
			}
			m, ok := termMax(f, other, at, depth+1)
			return m * k, ok
		}
	}
	h, _, ok := upperBound(f, e, at, 0)
	return h, ok
}

// wrappedMemberIndex checks an access arr_[head_] whose index is a data
// member of the class that its methods move and wrap: head_ = 0, head_++
// followed by if (head_ > K) head_ = 0, head_ = (head_ + 1) % K. The
// largest value the stores let it keep between calls is K for a wrap on
// >, K - 1 for >=, == or %; the access is reported when that reaches the
// array's length and no guard at the access bounds the index below it.
// A store of any other shape leaves the member's range unknown.
func wrappedMemberIndex(f *function, at, base, idx *node) (string, bool) {
	member := f.identName(idx)
	if member == "" || f.lookup(member) != nil || f.memberOf(idx) == nil {
		return "", false
	}
	bv := f.placeVar(base)
	size, ok := elementCount(bv)
	if !ok {
		return "", false
	}
	hi, how, ok := memberMax(f, member)
	if !ok || hi < size {
		return "", false
	}
	if b := f.guards().boundsOf(idx, at); b.hasHi && b.hi < size {
		return "", false
	}
	verb := "read"
	if isWritten(at) {
		verb = "written"
	}
	return fmt.Sprintf("%s is %s at index %s, which %s keeps up to %d between calls: %s has only %d elements",
		f.text(at), verb, member, how, hi, f.text(base), size), true
}

// memberMax is the largest value the methods of f's class store in a
// data member, read from the shapes wrappedMemberIndex knows, with the
// store that sets it.
func memberMax(f *function, member string) (int64, string, bool) {
	rec := f.classOf()
	if rec == nil {
		return 0, "", false
	}
	type res struct {
		hi  int64
		how string
		ok  bool
	}
	r := cached(f.file.cache, "bounds/membermax/"+rec.name+"::"+member, func() res {
		hi, how, any := int64(0), "", false
		take := func(v int64, why string) {
			if !any || v > hi {
				hi, how = v, why
			}
			any = true
		}
		if v := rec.fields[member]; v != nil && v.init != nil {
			k, ok := f.file.constValue(v.init, nil)
			if !ok {
				return res{}
			}
			take(k, "its initial value")
		}
		for _, g := range f.file.funcs {
			if g.classOf() != rec {
				continue
			}
			for _, d := range g.defs {
				if d.name != member || g.lookup(member) != nil {
					continue
				}
				v, why, ok := storedMax(g, member, d)
				if !ok {
					return res{}
				}
				take(v, why)
			}
		}
		return res{hi, how, any}
	})
	return r.hi, r.how, r.ok
}

// storedMax is the largest value one store leaves in a member: a
// constant, a step up wrapped by the if that follows it, or a value
// taken modulo a constant.
func storedMax(g *function, member string, d *defSite) (int64, string, bool) {
	n := d.n
	switch {
	case d.op == "=" && len(d.srcs) == 1:
		src := unparen(d.srcs[0])
		if k, ok := g.file.constValue(src, g); ok {
			return k, "a store", true
		}
		if src != nil && src.kind == "binary_expression" && g.text(src.child("operator")) == "%" {
			if k, ok := g.file.constValue(src.child("right"), g); ok && k > 0 {
				return k - 1, "% " + g.text(src.child("right")), true
			}
		}
	case d.op == "++" || d.op == "+=" && len(d.srcs) > 0:
		// The statement after the step: if (m > K) m = 0;
		_, after := blockNeighbours(n)
		if len(after) == 0 || after[0].kind != "if_statement" {
			return 0, "", false
		}
		cond := unparenOnly(condExpr(after[0]))
		if cond == nil || cond.kind != "binary_expression" || g.identName(cond.child("left")) != member {
			return 0, "", false
		}
		k, ok := g.file.constValue(cond.child("right"), g)
		if !ok {
			return 0, "", false
		}
		switch g.text(cond.child("operator")) {
		case ">":
			return k, "the wrap on " + squeeze(g.text(cond)), true
		case ">=", "==":
			return k - 1, "the wrap on " + squeeze(g.text(cond)), true
		}
	case d.op == "%=" && len(d.srcs) > 0:
		if k, ok := g.file.constValue(d.srcs[len(d.srcs)-1], g); ok && k > 0 {
			return k - 1, "%=", true
		}
	}
	return 0, "", false
}

// roomCheckOverrun checks the write of a terminator after an append
// whose room check has no place for it: if (len + need > sizeof buf)
// return; then len grows by exactly need (buf[len++] = '/'; len +=
// seg.size(); with need = seg.size() + 1), so that buf[len] = '\0' can
// be buf[sizeof buf]. The statements before the access in its block are
// read back to the check; the index's steps must add up, term for term,
// to what the check added to it. With >= the check leaves the room.
func roomCheckOverrun(f *function, at, base, idx *node) (string, bool) {
	hi, size, check, ok := roomCheck(f, at, base, idx)
	if !ok || hi < size {
		return "", false
	}
	v := f.identName(idx)
	verb := "read"
	if isWritten(at) {
		verb = "written"
	}
	return fmt.Sprintf("%s is %s at index %s, which the room check %s lets reach %d after %s grew by what it checked: %s has only %d elements",
		f.text(at), verb, v, squeeze(f.text(check)), hi, v, f.text(base), size), true
}

// roomCheck finds the room check before an access (roomCheckOverrun)
// and returns the largest index it allows, the array's length and the
// check.
func roomCheck(f *function, at, base, idx *node) (hi, size int64, check *node, found bool) {
	v := f.identName(idx)
	if v == "" {
		return 0, 0, nil, false
	}
	size, ok := elementCount(f.placeVar(base))
	if !ok {
		return 0, 0, nil, false
	}
	var steps []string // the terms v grew by, as text; "1" for ++
	before, _ := blockNeighbours(at)
	for _, s := range before {
		if s.kind == "if_statement" && alwaysLeaves(f, s.child("consequence")) {
			hi, ok := roomBound(f, condExpr(s), v, steps)
			return hi, size, condExpr(s), ok
		}
		st, ok := stepsOf(f, s, v)
		if !ok {
			return 0, 0, nil, false
		}
		steps = append(steps, st...)
	}
	return 0, 0, nil, false
}

// stepsOf reads how a statement moves v: v++, ++v, v += e, a[v++] = x;
// false when it writes v otherwise.
func stepsOf(f *function, s *node, v string) ([]string, bool) {
	var steps []string
	ok := true
	s.walk(func(n *node) bool {
		switch n.kind {
		case "update_expression":
			if f.identName(n.child("argument")) == v {
				if strings.Contains(f.text(n.child("operator")), "-") {
					ok = false
				}
				steps = append(steps, "1")
			}
		case "assignment_expression":
			if f.identName(n.child("left")) != v {
				return true
			}
			if f.text(n.child("operator")) != "+=" {
				ok = false
				return false
			}
			for _, t := range addTerms(f, n.child("right"), 0) {
				steps = append(steps, termText(f, t))
			}
		}
		return ok
	})
	return steps, ok
}

// roomBound reads a check v + need > c (or >=) whose need, expanded
// through its last value, is the same sum of terms as steps, and returns
// the largest value v can then have.
func roomBound(f *function, c *node, v string, steps []string) (int64, bool) {
	c = unparenOnly(c)
	if c == nil || c.kind != "binary_expression" || len(steps) == 0 {
		return 0, false
	}
	op := f.text(c.child("operator"))
	if op != ">" && op != ">=" {
		return 0, false
	}
	limit, ok := f.file.constValue(c.child("right"), f)
	if !ok {
		return 0, false
	}
	var need []string
	hasV := false
	for _, t := range addTerms(f, c.child("left"), 0) {
		if f.identName(t) == v && !hasV {
			hasV = true
			continue
		}
		if src, ok := soleSource(f, f.identName(t), c); ok {
			for _, u := range addTerms(f, src, 0) {
				need = append(need, termText(f, u))
			}
			continue
		}
		need = append(need, termText(f, t))
	}
	if !hasV || !sameTerms(need, steps) {
		return 0, false
	}
	if op == ">" {
		return limit, true
	}
	return limit - 1, true
}

// termText is a term's text for comparing sums: constants by value.
func termText(f *function, t *node) string {
	if k, ok := f.file.constValue(t, f); ok {
		return fmt.Sprint(k)
	}
	return squeeze(f.text(valueOf(t)))
}

// sameTerms compares two sums, constants added up.
func sameTerms(a, b []string) bool {
	x, kx := splitTerms(a)
	y, ky := splitTerms(b)
	return kx == ky && sameCounts(x, y)
}

// splitTerms counts a sum's variable terms and adds up its constants.
func splitTerms(ts []string) (map[string]int, int64) {
	m := map[string]int{}
	var k int64
	for _, t := range ts {
		if n, err := strconv.ParseInt(t, 10, 64); err == nil {
			k += n
			continue
		}
		m[t]++
	}
	return m, k
}

func sameCounts(x, y map[string]int) bool {
	if len(x) != len(y) {
		return false
	}
	for t, n := range x {
		if y[t] != n {
			return false
		}
	}
	return true
}

// callersBound reports whether every call of the file passes in the
// parameter v a value that its guards keep within -c .. size-1-c, the
// index being v + c (and that the file calls the function, which
// nothing else may call). A size below 0 is unknown: then a bound on
// both sides is what is asked, as of an index checked in place.
func callersBound(f *function, v *varInfo, size, c int64) bool {
	return everyCaller(f, func(s callerSite) bool {
		a := s.call.arg(v.index)
		if a == nil {
			return false
		}
		hi, _, ok := upperBound(s.caller, a, s.call.n, 1)
		if !ok || size >= 0 && hi+c >= size {
			return false
		}
		gu := s.caller.guards()
		lo := gu.derivedBounds(unparen(a), s.call.n)
		return lo.hasLo && lo.lo+c >= 0 || c >= 0 && gu.nonNegative(a, s.call.n, 0)
	})
}

// blockNeighbours returns the statements of the block that holds n,
// around the statement holding it: those before it, nearest first, and
// those after it, in order (comments left out).
func blockNeighbours(n *node) (before, after []*node) {
	stmt := n
	for stmt != nil && (stmt.parent == nil || stmt.parent.kind != "compound_statement") {
		stmt = stmt.parent
	}
	if stmt == nil {
		return nil, nil
	}
	sibs := stmt.parent.children
	i := childIndexIn(sibs, stmt)
	for k := i - 1; k >= 0; k-- {
		if sibs[k].named && sibs[k].kind != "comment" {
			before = append(before, sibs[k])
		}
	}
	for _, c := range sibs[i+1:] {
		if c.named && c.kind != "comment" {
			after = append(after, c)
		}
	}
	return before, after
}
