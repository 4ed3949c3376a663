package rules

import "fmt"

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
	if size, ok := elementCount(bv); ok {
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
