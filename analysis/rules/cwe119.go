package rules

import (
	"fmt"
	"strings"
)

// CWE-119, operations outside the bounds of a buffer.
//
// Scenario 119-0 is judged by CodeQL's cpp/overflow-buffer: a memcpy,
// memmove, memset, strncpy... whose constant size is larger than the
// destination or the source it reads (memcpy(buf, "Hello",
// sizeof(buf)) reads 256 bytes from a 6-byte literal; sizeof(message)
// of a pointer is 8). Scenarios 119-1 and 119-2 are the index checks
// shared with CWE-125 (cwe125.go), reported here under CWE-119 too,
// for reads and writes.

func cwe119Rules() []*Rule {
	return []*Rule{
		{
			Name:     "cwe119-copy-exceeds-buffer",
			CWE:      "CWE-119",
			Doc:      "a memory or string function is given a size larger than the buffer it writes or reads",
			Fix:      "pass the size of the smaller buffer: strlen(src) + 1 for a string, or sizeof of the destination array",
			Requires: []Fact{Flow, Guards, Values},
			Run:      checkCopyExceedsBuffer,
		},
		{
			Name:     "cwe119-offset-copy",
			CWE:      "CWE-119",
			Doc:      "a copy into or out of buf + off whose length is checked against the buffer or whose offset is checked, but never the two together",
			Fix:      "check the length against the room left after the offset: if (n > size - off) reject, with off <= size checked first",
			Requires: []Fact{Guards},
			Run: func(pass *Pass) {
				for _, oc := range offsetCopies(pass.file) {
					pass.Report(oc.call.n, oc.msg, "")
				}
			},
		},
		{
			Name:     "cwe119-copy-size-of-source",
			CWE:      "CWE-119",
			Doc:      "a copy into a fixed-size buffer takes its length from the source (strlen(src), src.size(), src.end()) or another object, not from the room in the destination",
			Fix:      "bound the length by the destination: if (len >= sizeof dst) reject, or copy min(len, sizeof dst - 1) and terminate",
			Requires: []Fact{Taint, Guards, Values},
			Run:      checkCopySizeOfSource,
		},
		{
			Name:     "cwe119-unchecked-index",
			CWE:      "CWE-119",
			Doc:      "a buffer is read or written at an index from input without a check of the index against 0 and the buffer's size",
			Fix:      "check 0 <= index < size before the access",
			Requires: []Fact{Flow, Taint, Guards, Values},
			Run: func(pass *Pass) {
				for _, a := range indexAccesses(pass.file) {
					pass.Report(a.at, a.msg, a.fix)
				}
			},
		},
	}
}

// sizedFuncs are the functions with an explicit size: the argument
// indexes of the written buffer, the read buffer (-1: none) and the size.
var sizedFuncs = map[string]struct{ dst, src, size int }{
	"memcpy":    {0, 1, 2},
	"memmove":   {0, 1, 2},
	"mempcpy":   {0, 1, 2},
	"memset":    {0, -1, 2},
	"memcmp":    {0, 1, 2},
	"bzero":     {0, -1, 1},
	"strncpy":   {0, -1, 2},
	"strncat":   {-1, -1, 2},
	"fgets":     {0, -1, 1},
	"read":      {1, -1, 2},
	"recv":      {1, -1, 2},
	"snprintf":  {0, -1, 1},
	"vsnprintf": {0, -1, 1},
	"fread":     {-1, -1, -1},
	"bcopy":     {1, 0, 2},
}

func checkCopyExceedsBuffer(pass *Pass) {
	ff := pass.file
	for _, f := range pass.Funcs() {
		for _, c := range f.calls {
			spec, ok := sizedFuncs[c.name]
			if !ok || spec.size < 0 {
				continue
			}
			n, ok := ff.constValue(c.arg(spec.size), f)
			if !ok {
				// A length that a check lets reach more than the
				// destination holds: klen >= VAL_MAX rejected, then
				// memcpy(key, line, klen) into key[KEY_MAX].
				if msg, ok := boundedCopyOverflow(f, c, spec.dst); ok {
					pass.Report(c.n, msg, "")
				}
				continue
			}
			if n <= 0 {
				continue
			}
			if spec.dst >= 0 {
				if size, ok := f.values().bufferSize(c.arg(spec.dst), c.n); ok && n > size {
					pass.Report(c.n, fmt.Sprintf("%s writes %d bytes into %s, which holds %d", c.name, n, f.text(c.arg(spec.dst)), size), "")
					continue
				}
			}
			if spec.src >= 0 {
				if size, ok := readableSize(f, c.arg(spec.src), c.n); ok && n > size {
					pass.Report(c.n, fmt.Sprintf("%s reads %d bytes from %s, which holds %d", c.name, n, f.text(c.arg(spec.src)), size), "")
				}
			}
		}
	}
}

// boundedCopyOverflow reports a write of n bytes (n not constant) into
// a buffer of known size when the checks before the call bound n, but by
// more than the buffer holds. The buffer is the function's own, or a
// parameter every caller passes a buffer of known size in (the smallest
// counts).
func boundedCopyOverflow(f *function, c *callSite, dst int) (string, bool) {
	if dst < 0 || c.name == "strncat" || c.name == "fgets" || c.name == "read" {
		return "", false // strncat's n is what it appends; fgets and read are sizedRead's
	}
	d, n := c.arg(dst), c.arg(sizedFuncs[c.name].size)
	if d == nil || n == nil || !f.flow().reachableNode(c.n) {
		return "", false
	}
	size, ok := f.values().bufferSize(d, c.n)
	if !ok {
		size, ok = callerBufferSize(f, d)
	}
	if !ok || size <= 0 {
		return "", false
	}
	hi, via, ok := upperBound(f, n, c.n, 0)
	if !ok || hi <= size {
		return "", false
	}
	if via == "" {
		via = "the check before it"
	}
	return fmt.Sprintf("%s writes %s bytes into %s, which holds %d, and %s lets %s reach %d",
		c.name, squeeze(f.text(n)), f.text(d), size, via, squeeze(f.text(n)), hi), true
}

// callerBufferSize is the smallest buffer the callers of the file pass
// in a pointer parameter, when each passes one of known size.
func callerBufferSize(f *function, e *node) (int64, bool) {
	v := f.lookup(f.identName(unparen(e)))
	if v == nil || !v.isParam || unparen(e).kind != "identifier" {
		return 0, false
	}
	cg := f.file.calls()
	sites := cg.callers[f]
	if len(sites) == 0 || cg.escaped[f.name] {
		return 0, false
	}
	size, has := int64(0), false
	for _, s := range sites {
		a := s.call.arg(v.index)
		if a == nil || s.caller == f {
			return 0, false
		}
		k, ok := s.caller.values().bufferSize(a, s.call.n)
		if !ok {
			return 0, false
		}
		if !has || k < size {
			size, has = k, true
		}
	}
	return size, has
}

// readableSize is the size of the data an expression points to: a
// buffer's capacity, a string literal's length with its terminator, or
// what a pointer was last set to.
func readableSize(f *function, e *node, at *node) (int64, bool) {
	e = unparen(e)
	if e == nil {
		return 0, false
	}
	if s, ok := stringValue(f.file.t, e); ok {
		return int64(len(s)) + 1, true
	}
	if size, ok := f.values().bufferSize(e, at); ok {
		return size, true
	}
	name := f.identName(e)
	if name == "" {
		return 0, false
	}
	d := f.lastWholeDef(name, at)
	if d == nil || len(d.srcs) != 1 {
		return 0, false
	}
	if s, ok := stringValue(f.file.t, unparen(d.srcs[0])); ok {
		return int64(len(s)) + 1, true
	}
	return 0, false
}

// ---- offset copies -------------------------------------------------------

// offsetCopy is a copy into or out of buf + off whose length is checked
// against something, but never together with the offset: n <=
// sizeof buf leaves no room for off, off < size leaves none for n.
type offsetCopy struct {
	call  *callSite
	write bool // the destination is at the offset (else the source)
	msg   string
}

// offsetCopies computes (once per file) the copies at an offset whose
// length and offset are not checked together.
func offsetCopies(ff *fileFacts) []offsetCopy {
	return cached(ff.cache, "mem/offset-copies", func() []offsetCopy {
		var out []offsetCopy
		for _, f := range ff.funcs {
			out = append(out, offsetLoopReads(f)...)
			for _, c := range f.calls {
				spec, ok := copySpec(f, c)
				if !ok || spec.size < 0 || c.name == "memcmp" || c.name == "snprintf" || c.name == "vsnprintf" {
					continue
				}
				n := c.arg(spec.size)
				if n == nil {
					continue
				}
				if _, isConst := ff.constValue(n, f); isConst {
					continue
				}
				for _, side := range []struct {
					i     int
					write bool
				}{{spec.dst, true}, {spec.src, false}} {
					if side.i < 0 {
						continue
					}
					if m, ok := offsetUnchecked(f, c, c.arg(side.i), n, !side.write); ok {
						out = append(out, offsetCopy{call: c, write: side.write, msg: m})
					}
				}
			}
		}
		return out
	})
}

// copySpec tells which arguments of a call are the destination, the
// source and the length of a copy (-1 for none): a library copy
// (sizedFuncs), a function of the file that reads val[0 .. len-1]
// (print_field(type, msg + off + 2, len)), or s.append(p, n) and
// names.emplace_back(p, n), a std::string made of n bytes at p.
func copySpec(f *function, c *callSite) (struct{ dst, src, size int }, bool) {
	if spec, ok := sizedFuncs[c.name]; ok {
		return spec, true
	}
	if g := f.callee(c); g != nil && g != f {
		if r, has := loopReads(g); has {
			return struct{ dst, src, size int }{-1, r.ptr, r.n}, true
		}
	} else if stringFromBytes(f, c) {
		return struct{ dst, src, size int }{-1, 0, 1}, true
	}
	return struct{ dst, src, size int }{}, false
}

// offsetLoopReads are the loops of a function that read n elements at
// an address inside a buffer, as a copy would: val = buf + pos + 2;
// for (i = 0; i < len; i++) ... val[i]. They are weighed as copies of n
// bytes at that address (offsetUnchecked).
func offsetLoopReads(f *function) []offsetCopy {
	var out []offsetCopy
	for _, l := range f.loops {
		i, bound, ok := countingLoop(f, l)
		if !ok {
			continue
		}
		iv := f.identName(i)
		if iv == "" {
			continue
		}
		arr := indexedBy(f, l.child("body"), iv)
		if arr == nil || arr.kind != "identifier" || isWritten(arr.parent) {
			continue
		}
		src, ok := soleSource(f, f.text(arr), arr)
		if !ok {
			continue
		}
		c := &callSite{n: arr.parent, name: "the loop over " + f.text(arr)}
		if m, ok := offsetUnchecked(f, c, src, bound, true); ok {
			out = append(out, offsetCopy{call: c, msg: m})
		}
	}
	return out
}

// offsetUnchecked reports a copy of n bytes at address p = base + off
// when a guard bounds n or off but none relates the two. For a read
// (the copy's source), names that both the length and the offset come
// from (len = msg[pos] and pos = msg[pos] << 8 | ..., pos += 1 + len)
// do not relate them: the data they are read from is what is checked
// against. A write keeps the wider reading: an offset stepped by the
// lengths written (out += len) counts as related.
func offsetUnchecked(f *function, c *callSite, p, n *node, read bool) (string, bool) {
	p = unparen(p)
	if p == nil {
		return "", false
	}
	var base *node
	var offs []*node // the terms added to base
	switch {
	case p.kind == "binary_expression" && f.text(p.child("operator")) == "+":
		// buf + a + b: the address is one term of the sum, the offset
		// the others.
		var terms []*node
		var split func(e *node)
		split = func(e *node) {
			e = unparen(e)
			if e != nil && e.kind == "binary_expression" && f.text(e.child("operator")) == "+" {
				split(e.child("left"))
				split(e.child("right"))
				return
			}
			terms = append(terms, e)
		}
		split(p)
		for i, t := range terms {
			if t != nil && addressOperand(f, t) {
				base = t
				offs = append(append(offs, terms[:i]...), terms[i+1:]...)
				break
			}
		}
	case p.kind == "pointer_expression" && p.op0() == "&":
		if s := unparen(p.child("argument")); s != nil && s.kind == "subscript_expression" {
			base, offs = unparen(s.child("argument")), []*node{unparen(subscriptIndex(s))}
		}
	}
	if base == nil || !addressOperand(f, base) {
		return "", false
	}
	offNames := map[string]bool{}
	for _, o := range offs {
		if o == nil {
			return "", false
		}
		if _, isConst := f.file.constValue(o, f); isConst {
			continue
		}
		for k := range placeNames(f, o, c.n) {
			offNames[k] = true
		}
	}
	if len(offNames) == 0 {
		return "", false
	}
	gu := f.guards()
	nNames := placeNames(f, n, c.n)
	// len = msg[pos] names msg, and so does pos += 1 + len: the buffer
	// both are read from relates neither to the other.
	baseName := squeeze(f.text(base))
	if read {
		delete(nNames, baseName)
		delete(offNames, baseName)
	}
	if !read && meets(nNames, offNames) || piecewise(f, offs, nNames, c.n) || lengthOfRest(f, offs, nNames) {
		// off = i * n: the copy writes the i-th piece of n bytes, and
		// a bound on the piece index bounds the end of the copy too;
		// n = size - 1 - got is what is left after the offset.
		return "", false
	}
	// A name both sides come from (len = b and pos = b << 8 | ...) ties
	// neither: a check relates the two when it names the length and a
	// part of the offset the length does not.
	offOnly := map[string]bool{}
	for k := range offNames {
		if !read || !nNames[k] {
			offOnly[k] = true
		}
	}
	bounded := false
	for _, cd := range gu.conditionsAt(c.n) {
		inCond := placeNames(f, cd.e, cd.e)
		if read {
			delete(inCond, baseName)
		}
		if meets(inCond, nNames) && meets(inCond, offOnly) {
			// Checked together: off + n <= size, n <= size - off, or a
			// compound condition (used > 0 && n > cap - used) this
			// rule does not take apart; unless the check's sum is the
			// access's end less a constant (off + n <= size before a
			// read of n bytes at off + 1).
			if k := shortSum(f, cd, offs, n); k > 0 {
				return fmt.Sprintf("%s reads %s at %s, but the check %s bounds off + n, %d short of where the access ends: it can run %d past the end of %s",
					c.name, squeeze(f.text(n)), squeeze(f.text(p)), squeeze(f.text(cd.e)), k, k, squeeze(f.text(base))), true
			}
			return "", false
		}
		rel, ok := gu.relationOf(cd)
		if !ok || rel.op == "==" || rel.op == "!=" {
			continue
		}
		// Only an upper bound (n <= cap, off < size) is a check of the
		// room; n > 0 says nothing about where the copy ends.
		var small *node
		switch rel.op {
		case "<", "<=":
			small = rel.left
		case ">", ">=":
			small = rel.right
		}
		if small == nil {
			continue
		}
		inSmall := placeNames(f, small, cd.e)
		if meets(inSmall, nNames) || meets(inSmall, offNames) {
			bounded = true
		}
	}
	if !bounded || clamped(f, n, c.n) {
		return "", false
	}
	verb, unit := "copies", "bytes"
	if _, lib := sizedFuncs[c.name]; !lib {
		verb, unit = "reads", "elements" // a loop read of the file's (loopReads)
	}
	return fmt.Sprintf("%s %s %s %s at %s, an offset into %s: the checks bound the length or the offset, never the two together, so the access can run past the end of %s",
		c.name, verb, squeeze(f.text(n)), unit, squeeze(f.text(p)), squeeze(f.text(base)), squeeze(f.text(base))), true
}

// piecewise reports an offset that counts pieces of the copy's length:
// a term, or the value a term was set from, that multiplies by it (off =
// i * n). An offset stepped by the lengths read (pos += 1 + len) is not.
func piecewise(f *function, offs []*node, nNames map[string]bool, at *node) bool {
	for _, o := range offs {
		e := unparen(o)
		if src, ok := soleSource(f, f.identName(e), at); ok {
			e = unparen(src)
		}
		if e != nil && e.kind == "binary_expression" && f.text(e.child("operator")) == "*" && meets(placeNames(f, e, at), nNames) {
			return true
		}
	}
	return false
}

// lengthOfRest reports a length computed from the offset's own variables
// (recv(fd, host + got, sizeof host - 1 - got, 0), len = strcspn(line +
// i + 2, ...)): it measures what is left after the offset.
func lengthOfRest(f *function, offs []*node, nNames map[string]bool) bool {
	for _, o := range offs {
		found := false
		o.walk(func(m *node) bool {
			if m.kind == "identifier" && nNames[f.text(m)] {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// placeNames returns the names of the variables and members an
// expression reads, and those of the values the variables were last set
// from (len = hdr.title_len names hdr.title_len too).
func placeNames(f *function, e *node, at *node) map[string]bool {
	out := map[string]bool{}
	var add func(e *node, depth int)
	add = func(e *node, depth int) {
		e.walk(func(m *node) bool {
			switch m.kind {
			case "field_expression":
				out[squeeze(f.text(m))] = true
				return false
			case "subscript_expression":
				// len = msg[off + 1] is a value read from msg: it names
				// msg, not the place it was read at.
				if depth > 0 {
					add(m.child("argument"), depth)
					return false
				}
			case "identifier":
				name := f.text(m)
				out[name] = true
				if depth < 2 {
					for _, d := range f.defs {
						if d.name == name && d.whole && (d.op == "=" || d.op == "decl") && d.pos <= at.start && len(d.srcs) == 1 && d.srcs[0] != nil {
							add(d.srcs[0], depth+1)
						}
					}
				}
			case "sizeof_expression":
				return false
			case "call_expression":
				// strlen(dir) names dir, not strlen: two lengths are
				// not related by being computed by the same function;
				// s.size() names s.
				if a := m.child("arguments"); a != nil {
					add(a, depth)
				}
				if fn := m.child("function"); fn != nil && fn.kind == "field_expression" {
					if obj := fn.child("argument"); obj != nil {
						add(obj, depth)
					}
				}
				return false
			}
			return true
		})
	}
	add(e, 0)
	return out
}

// meets reports whether two name sets share a name.
func meets(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// ---- copies sized by the source -----------------------------------------

// checkCopySizeOfSource reports a copy into a buffer of known capacity
// whose length is the length of something other than the destination
// (CWE-806): memcpy(dst, src, strlen(src) + 1), strncpy(dst, s.c_str(),
// s.size()), std::copy(v.begin(), v.end(), arr). The copy is safe when
// the length is bounded by the destination's capacity on the path to it
// (a guard, min, a range) or the object measured is itself no longer
// than the destination (a shorter array). Lengths that come from input
// are cwe787-copy-size-from-data's.
func checkCopySizeOfSource(pass *Pass) {
	for _, f := range pass.Funcs() {
		for _, c := range f.calls {
			n, dst, elems, ok := sizedCopy(c)
			if !ok {
				continue
			}
			if _, isConst := f.file.constValue(n, f); isConst {
				continue // weighed by cwe119-copy-exceeds-buffer
			}
			var capacity int64
			known := false
			if elems {
				capacity, known = capacityOf(f, unparen(dst), c.n)
				if v := f.placeVar(unparen(dst)); !known && v != nil && v.isArray() && len(v.dims) > 0 && v.dims[0] > 0 {
					capacity, known = v.dims[0], true
				}
			} else if reg, ok := f.values().regionOf(dst, c.n); ok && reg.offset == nil {
				capacity, known = reg.size, true
			}
			if !known || capacity <= 0 {
				continue // no fixed room to exceed
			}
			measure, obj := measuredObject(f, n, c.n, 0)
			if obj == nil {
				continue
			}
			dname, _ := baseVar(f.file.t, unparen(dst))
			oname, _ := baseVar(f.file.t, unparen(obj))
			if oname == "" || oname == dname {
				continue // the destination's own length
			}
			if f.taint().run(dataLength).expr(n) != "" || f.taint().run(inputLength).expr(n) != "" {
				continue
			}
			if m, ok := boundedStringLen(f, obj); ok && m+1 <= capacity {
				continue // a string shorter than the destination
			}
			if size, ok := f.values().bufferSize(obj, c.n); ok && !elems && size <= capacity {
				continue
			}
			if sizeBounded(f, n, dst, c.n, elems) || sizeBounded(f, measure, dst, c.n, elems) || lengthChecked(f, obj, c.n) {
				continue
			}
			unit := "bytes"
			if elems {
				unit = "elements"
			}
			pass.Report(c.n, fmt.Sprintf("%s copies %s %s into %s (%d %s): the length is that of %s, not the room in %s, and nothing bounds it by %s",
				c.name, squeeze(f.text(n)), unit, squeeze(f.text(dst)), capacity, unit, squeeze(f.text(obj)), squeeze(f.text(dst)), squeeze(f.text(dst))), "")
		}
	}
}

// measuredObject finds in a length the object it measures: strlen(s),
// wcslen(s), s.size(), s.length(), s.end() (an iterator's end counts its
// container), and through a variable its last value (len = strlen(s)).
// It returns the measuring expression and the object.
func measuredObject(f *function, n, at *node, depth int) (measure, obj *node) {
	n.walk(func(m *node) bool {
		if obj != nil {
			return false
		}
		switch m.kind {
		case "call_expression":
			c := f.callAt[m]
			if c == nil {
				return true
			}
			switch c.name {
			case "strlen", "wcslen":
				measure, obj = m, c.arg(0)
			case ".size", ".length", ".end", "end":
				obj = c.recv
				if obj == nil {
					obj = c.arg(0)
				}
				measure = m
			}
			if obj != nil {
				return false
			}
		case "identifier":
			if depth == 0 {
				if d := f.lastWholeDef(f.text(m), at); d != nil && len(d.srcs) == 1 && d.srcs[0] != nil {
					measure, obj = measuredObject(f, d.srcs[0], at, depth+1)
					if obj != nil {
						measure = m
					}
				}
			}
		}
		return true
	})
	return measure, obj
}

// boundedStringLen is maxStringLen, and for a variable every value it is
// given is a string of bounded length (const char *s = "ready"; s =
// "done"), the longest.
func boundedStringLen(f *function, obj *node) (int64, bool) {
	if m, ok := maxStringLen(f, obj); ok {
		return m, true
	}
	name := f.identName(unparen(obj))
	if name == "" {
		return 0, false
	}
	var longest int64
	seen := false
	for _, d := range f.defs {
		if d.name != name {
			continue
		}
		if !d.whole || len(d.srcs) != 1 || d.srcs[0] == nil {
			return 0, false
		}
		m, ok := maxStringLen(f, d.srcs[0])
		if !ok {
			return 0, false
		}
		longest, seen = max(longest, m), true
	}
	return longest, seen
}

// loopRead says that a function reads the elements 0 .. n-1 of its
// pointer parameter ptr in a loop bounded by its parameter n: for (i =
// 0; i < len; i++) ... val[i].
type loopRead struct{ ptr, n int }

// loopReads returns (once per function) the parameters of a loop read,
// when the function has one.
func loopReads(g *function) (loopRead, bool) {
	type result struct {
		r  loopRead
		ok bool
	}
	res := cached(g.cacheMap(), "mem/loopreads", func() result {
		index := map[string]int{}
		for _, p := range g.params {
			if p.name != "" {
				index[p.name] = p.index
			}
		}
		for _, l := range g.loops {
			i, b, ok := countingLoop(g, l)
			if !ok {
				continue
			}
			iv, bound := g.identName(i), g.identName(b)
			n, isParam := index[bound]
			if iv == "" || !isParam {
				continue
			}
			arr := indexedBy(g, l.child("body"), iv)
			if arr == nil {
				continue
			}
			p, isParam := index[g.identName(arr)]
			if !isParam || !g.params[p].isPointer() {
				continue
			}
			return result{loopRead{ptr: p, n: n}, true}
		}
		return result{}
	})
	return res.r, res.ok
}

// shortSum reads a guard that holds as sum <= size (or sum < size + 1),
// with sum the offset terms and the length of an access but for a
// constant, and returns how far the access's end, offs + n, lies past
// the sum (0 when it does not).
func shortSum(f *function, cd cond, offs []*node, n *node) int64 {
	rel, ok := f.guards().relationOf(cd)
	if !ok {
		return 0
	}
	var sum *node
	switch rel.op {
	case "<=":
		sum = rel.left
	case ">=":
		sum = rel.right
	default:
		return 0 // < leaves a byte, and other shapes are not read here
	}
	var want []string
	for _, o := range offs {
		for _, t := range addTerms(f, o, 0) {
			want = append(want, termText(f, t))
		}
	}
	for _, t := range addTerms(f, n, 0) {
		want = append(want, termText(f, t))
	}
	var have []string
	for _, t := range addTerms(f, sum, 0) {
		have = append(have, termText(f, t))
	}
	// The access's end less the check's sum, when they differ by a
	// constant only.
	k, ok := constDifference(want, have)
	if !ok || k <= 0 {
		return 0
	}
	return k
}

// constDifference returns a - b for two sums whose variable terms are
// the same.
func constDifference(a, b []string) (int64, bool) {
	x, kx := splitTerms(a)
	y, ky := splitTerms(b)
	if len(x) == 0 || !sameCounts(x, y) {
		return 0, false
	}
	return kx - ky, true
}

// stringFromBytes reports a member call that makes a std::string of the
// n bytes at p: s.append(p, n), s.assign(p, n), and emplace_back(p, n) on
// a container of strings.
func stringFromBytes(f *function, c *callSite) bool {
	if c.recv == nil || len(c.args) != 2 {
		return false
	}
	v := f.placeVar(c.recv)
	if v == nil {
		return false
	}
	switch c.name {
	case ".append", ".assign":
		return v.kind == tkString
	case ".emplace_back", ".emplace":
		return v.container && strings.Contains(v.typ, "string")
	}
	return false
}

// countingLoop reads for (...; i < bound; ...): the counter and its
// bound.
func countingLoop(f *function, loop *node) (i, bound *node, ok bool) {
	if loop.kind != "for_statement" {
		return nil, nil, false
	}
	c := unparenOnly(condExpr(loop))
	if c == nil || c.kind != "binary_expression" || f.text(c.child("operator")) != "<" {
		return nil, nil, false
	}
	return c.child("left"), c.child("right"), true
}
