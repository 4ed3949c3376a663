package rules

import (
	"fmt"
	"strings"
)

// CWE-787, out-of-bounds write.
//
// Scenario 787-0 is judged by CodeQL's cpp/potential-buffer-overflow: a
// sprintf whose format can produce more characters than the destination
// holds ("%f" of a float can take 317). 787-1 and 787-2 are judged by the
// study's own queries about the bounds of a written index: a trimming
// loop that writes at len - 1 can write before the buffer when every
// character is blank, a loop that only counts up writes past a fixed
// buffer, and a copy whose length comes from the data overruns the
// destination. Unbounded copies of input into fixed buffers (strcpy,
// strcat, sprintf "%s", gets) are the classic form of the weakness.
//
// The index writes the 787-2 query looks at are buf[len - k], buf[i]
// with i counting down, and buf[--len] / buf[i--]; a pointer walking down
// (*end-- = 0) is not one of them (two dev samples). A copy's size
// (memcpy, memmove, std::copy, std::copy_n) must be bounded by the
// destination's capacity: a constant that fits (the range analysis of
// range.go weighs count * sizeof(int)), an expression about the
// destination (KEPT_INTS, sizeof kept / sizeof kept[0]), a clamp (min(),
// a conditional, if (n > CAP) n = CAP); a bound by another variable
// (count < received) is not enough.

func cwe787Rules() []*Rule {
	return []*Rule{
		{
			Name: "cwe787-expanding-copy",
			CWE:  "CWE-787",
			Doc:  "a loop writes more output characters than input ones for some (doubled quotes, escapes) into a buffer allocated for the input's length plus a constant",
			Fix:  "allocate for the longest output (2 * len + extra for doubling), or count the characters that expand before allocating",
			Run:  checkExpandingCopy,
		},
		{
			Name:     "cwe787-sprintf-overflow",
			CWE:      "CWE-787",
			Doc:      "sprintf/vsprintf whose formatted output can be longer than the destination buffer",
			Fix:      "use snprintf(buf, sizeof buf, ...) or make the buffer as large as the longest output (a %f can print 317 characters)",
			Requires: []Fact{Values},
			Run:      checkSprintfOverflow,
		},
		{
			Name:     "cwe787-loop-index-underflow",
			CWE:      "CWE-787",
			Doc:      "a loop writes buf[i - 1] or buf[i] with i counting down, and nothing keeps the index at 0 or above",
			Fix:      "check the index itself before the write (for example `while (len > 0 && ...) { buf[--len] = 0; }` or `if (i >= 0) buf[i] = ...`)",
			Requires: []Fact{Guards},
			Run:      checkLoopUnderflow,
		},
		{
			Name:     "cwe787-loop-index-overrun",
			CWE:      "CWE-787",
			Doc:      "a loop writes into a buffer of known size at an index that grows without a check against that size",
			Fix:      "stop the loop before the index reaches the buffer's size (`j < sizeof out - 1`)",
			Requires: []Fact{Taint, Guards, Values},
			Run:      checkLoopOverrun,
		},
		{
			Name:     "cwe787-copy-size-from-data",
			CWE:      "CWE-787",
			Doc:      "memcpy/memmove/strncpy copies a length read from the data or from input, or the length of input itself, never compared with the destination's size",
			Fix:      "compare the length with the destination's capacity before copying (`if (n > capacity) return -1;`)",
			Requires: []Fact{Taint, Guards, Values},
			Run:      checkCopySizeFromData,
		},
		{
			Name:     "cwe787-unbounded-copy",
			CWE:      "CWE-787",
			Doc:      "input of any length copied into a fixed-size buffer with strcpy, strcat, sprintf(\"%s\"), scanf(\"%s\") or gets",
			Fix:      "bound the copy: snprintf(buf, sizeof buf, ...), strncpy/strncat with the space left, a width in scanf (\"%99s\"), fgets instead of gets",
			Requires: []Fact{Flow, Taint, Guards, Values},
			Run:      checkUnboundedCopy,
		},
		{
			Name:     "cwe787-offset-copy-write",
			CWE:      "CWE-787",
			Doc:      "a copy writes n bytes at buf + off where the checks bound n or off, never the two together",
			Fix:      "check the length against the room left after the offset: if (n > sizeof buf - off) reject",
			Requires: []Fact{Guards},
			Run: func(pass *Pass) {
				for _, oc := range offsetCopies(pass.file) {
					if oc.write {
						pass.Report(oc.call.n, oc.msg, "")
					}
				}
			},
		},
		{
			Name:     "cwe787-input-index-write",
			CWE:      "CWE-787",
			Doc:      "a write at an index that comes from input, without a check of the index against 0 and the buffer's size",
			Fix:      "check 0 <= index < size before writing",
			Requires: []Fact{Flow, Taint, Guards, Values},
			Run:      func(pass *Pass) { reportIndexFindings(pass, true) },
		},
	}
}

// ---- cwe787-sprintf-overflow -------------------------------------------

func checkSprintfOverflow(pass *Pass) {
	ff := pass.file
	for _, f := range pass.Funcs() {
		for _, c := range f.calls {
			fmtIdx := -1
			switch c.name {
			case "sprintf", "vsprintf":
				fmtIdx = 1
			case "swprintf":
				continue
			default:
				continue
			}
			fmtArg := unparenOnly(c.arg(fmtIdx))
			if fmtArg == nil || c.arg(0) == nil {
				continue
			}
			format, ok := stringValue(ff.t, fmtArg)
			if !ok {
				continue
			}
			size, ok := f.values().bufferSize(c.arg(0), c.n)
			if !ok {
				continue
			}
			need, ok := maxFormatLen(f, format, c.args[fmtIdx+1:])
			if !ok || need+1 <= size {
				continue
			}
			pass.Report(c.n, fmt.Sprintf("sprintf into %s (%d bytes) can write %d bytes: the format %q has no length limit",
				f.text(c.arg(0)), size, need+1, format), "")
		}
	}
}

// maxFormatLen is the longest output of a printf format, as CodeQL's
// FormatLiteral computes it; false when a conversion has no bound (%s of
// an unknown string, a precision on %f, a '*' width).
func maxFormatLen(f *function, format string, args []*node) (int64, bool) {
	total := int64(0)
	argi := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			total++
			continue
		}
		i++
		if i >= len(format) {
			return 0, false
		}
		if format[i] == '%' {
			total++
			continue
		}
		// flags
		alt := false
		for i < len(format) && strings.IndexByte("-+ #0'", format[i]) >= 0 {
			if format[i] == '#' {
				alt = true
			}
			i++
		}
		width := int64(0)
		if i < len(format) && format[i] == '*' {
			return 0, false
		}
		for i < len(format) && format[i] >= '0' && format[i] <= '9' {
			width = width*10 + int64(format[i]-'0')
			i++
		}
		prec := int64(-1)
		if i < len(format) && format[i] == '.' {
			i++
			if i < len(format) && format[i] == '*' {
				return 0, false
			}
			prec = 0
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				prec = prec*10 + int64(format[i]-'0')
				i++
			}
		}
		length := ""
		for i < len(format) && strings.IndexByte("hlLqjzt", format[i]) >= 0 {
			length += string(format[i])
			i++
		}
		if i >= len(format) {
			return 0, false
		}
		conv := format[i]
		var arg *node
		if argi < len(args) {
			arg = args[argi]
		}
		argi++
		var n int64
		long := length == "l" || length == "ll" || length == "j" || length == "z" || length == "t" || length == "q" || length == "L"
		switch conv {
		case 'd', 'i':
			switch {
			case long:
				n = 20
			case length == "h":
				n = 6
			case length == "hh":
				n = 4
			default:
				n = 11
			}
		case 'u':
			switch {
			case long:
				n = 20
			case length == "h":
				n = 5
			case length == "hh":
				n = 3
			default:
				n = 10
			}
		case 'x', 'X':
			n = 8
			if long {
				n = 16
			}
			if alt {
				n += 2
			}
		case 'o':
			n = 11
			if long {
				n = 22
			}
			if alt {
				n++
			}
		case 'c':
			n = 1
		case 'p':
			n = 18
		case 'n':
			n = 0
		case 'f', 'F':
			if prec >= 0 {
				return 0, false
			}
			n = 1 + 309 + 1 + 6
		case 'e', 'E':
			if prec >= 0 {
				return 0, false
			}
			n = 14
		case 'g', 'G':
			if prec >= 0 {
				return 0, false
			}
			n = 13
		case 's':
			if prec >= 0 {
				n = prec
				break
			}
			l, ok := maxStringLen(f, arg)
			if !ok {
				return 0, false
			}
			n = l
		default:
			return 0, false
		}
		if width > n {
			n = width
		}
		total += n
	}
	return total, true
}

// maxStringLen bounds the length of a string argument: a literal's
// length, or an array's size less one.
func maxStringLen(f *function, n *node) (int64, bool) {
	n = unparen(n)
	if n == nil {
		return 0, false
	}
	if s, ok := stringValue(f.file.t, n); ok {
		return int64(len(s)), true
	}
	if v := f.lookup(f.identName(n)); v != nil && v.isArray() && len(v.dims) == 1 && v.dims[0] > 0 {
		if sz, ok := v.elemSize(); ok && sz == 1 {
			return v.dims[0] - 1, true
		}
	}
	// A string kept in a buffer of known size (char *s = malloc(128))
	// is shorter than the buffer.
	if v := f.lookup(f.identName(n)); v != nil && v.ptr == 1 && strings.TrimPrefix(v.typ, "const ") == "char" {
		if size, ok := f.values().bufferSize(n, n); ok && size > 0 {
			return size - 1, true
		}
	}
	return 0, false
}

// ---- cwe787-loop-index-underflow ---------------------------------------

// writes returns the element writes in a function: buf[i] = v.
func writes(f *function) []*node {
	var out []*node
	for _, a := range f.byKind["assignment_expression"] {
		lhs := unparenOnly(a.child("left"))
		if lhs != nil && lhs.kind == "subscript_expression" {
			out = append(out, a)
		}
	}
	return out
}

// subscriptIndex returns the index expression of a subscript (C's
// index field, C++'s subscript_argument_list).
func subscriptIndex(s *node) *node {
	if i := s.child("index"); i != nil {
		return i
	}
	if l := s.child("indices"); l != nil {
		return l.firstNamed()
	}
	return nil
}

// loopWrite is an element write inside a loop: buf[i] = v.
type loopWrite struct {
	at, loop, lhs, idx *node
}

// loopWrites lists the element writes of f that a loop repeats.
func loopWrites(f *function) []loopWrite {
	var out []loopWrite
	for _, a := range writes(f) {
		loop := f.inLoop(a)
		if loop == nil {
			continue
		}
		lhs := unparenOnly(a.child("left"))
		if idx := unparen(subscriptIndex(lhs)); idx != nil {
			out = append(out, loopWrite{a, loop, lhs, idx})
		}
	}
	return out
}

func checkLoopUnderflow(pass *Pass) {
	for _, f := range pass.Funcs() {
		for _, w := range loopWrites(f) {
			a, loop, lhs, idx := w.at, w.loop, w.lhs, w.idx
			if _, ok := f.file.constValue(idx, f); ok {
				continue
			}
			buf := f.text(lhs.child("argument"))
			switch {
			case isMinusConst(f, idx):
				// buf[len - 1] = ...: only a check of that very index counts.
				if exactLowerGuard(f, idx, a) {
					continue
				}
				// term[len - 2] after len > 2, with len set afresh on each
				// turn and not stepped down: no trimming loop.
				if v := unparen(idx.child("left")); v != nil && v.kind == "identifier" && !steppedIn(f, f.text(v), loop, true) {
					_, k := f.guards().linear(idx)
					if b := f.guards().boundsOf(v, a); b.hasLo && b.lo+k >= 0 {
						continue
					}
				}
				pass.Report(lhs, fmt.Sprintf("%s[%s] is written in a loop; when %s is 0 (an empty or all-blank string) this writes before the start of %s",
					buf, f.text(idx), f.text(idx.child("left")), buf), "")
			case idx.kind == "identifier":
				name := f.text(idx)
				if !steppedIn(f, name, loop, true) {
					continue
				}
				if b := f.guards().boundsOf(idx, a); b.hasLo && b.lo >= 0 {
					continue
				}
				pass.Report(lhs, fmt.Sprintf("%s[%s] is written in a loop that counts %s down with no check that it stays at 0 or above: it can write before the start of %s",
					buf, name, name, buf), "")
			case idx.kind == "update_expression" && strings.Contains(f.text(idx.child("operator")), "-"):
				// buf[--len] writes at len - 1, buf[i--] at i.
				v := unparen(idx.child("argument"))
				if v == nil || v.kind != "identifier" {
					continue
				}
				need := int64(0)
				if idx.op0() == "--" { // prefix
					need = 1
				}
				if b := f.guards().boundsOf(v, a); b.hasLo && b.lo >= need {
					continue
				}
				pass.Report(lhs, fmt.Sprintf("%s[%s] is written in a loop that counts %s down with no check that it stays at %d or above: it can write before the start of %s",
					buf, f.text(idx), f.text(v), need, buf), "")
			}
		}
		// A pointer walking down (*end-- = '\0') is not reported: the
		// study's query looks at array indexes only (two samples of the
		// dev set, judged non-vulnerable, write through such a pointer).
	}
}

// isMinusConst reports whether e is "x - k" with a constant k > 0.
func isMinusConst(f *function, e *node) bool {
	if e.kind != "binary_expression" || f.text(e.child("operator")) != "-" {
		return false
	}
	k, ok := f.file.constValue(e.child("right"), f)
	return ok && k > 0
}

// exactLowerGuard reports whether a guard at point at says e >= 0 (or
// e > k with k >= -1) about the expression e itself.
func exactLowerGuard(f *function, e *node, at *node) bool {
	for _, c := range f.guards().conditionsAt(at) {
		rel, ok := f.guards().relationOf(c)
		if !ok {
			continue
		}
		l, rr, op := rel.left, rel.right, rel.op
		if f.guards().sameExpr(rr, e) {
			l, rr, op = rr, l, flipOp[op]
		}
		if !f.guards().sameExpr(l, e) {
			continue
		}
		k, ok := f.file.constValue(rr, f)
		if !ok {
			continue
		}
		if op == ">=" && k >= 0 || op == ">" && k >= -1 {
			return true
		}
	}
	return false
}

// steppedIn reports whether a variable is decreased (down) or increased
// inside a node: x--, x -= k, x = x - k with k > 0 going down; x++,
// x += k, x = x + y, x = y + x going up.
func steppedIn(f *function, name string, in *node, down bool) bool {
	update, compound := "++", "+="
	if down {
		update, compound = "--", "-="
	}
	for _, d := range f.defs {
		if d.name != name || !d.whole || !in.contains(d.n) {
			continue
		}
		switch d.op {
		case update, compound:
			return true
		case "=":
			if len(d.srcs) != 1 {
				continue
			}
			s := unparen(d.srcs[0])
			switch {
			case s == nil:
			case down:
				if isMinusConst(f, s) && f.identName(s.child("left")) == name {
					return true
				}
			case s.kind == "binary_expression" && f.text(s.child("operator")) == "+" &&
				(f.identName(s.child("left")) == name || f.identName(s.child("right")) == name):
				return true
			}
		}
	}
	return false
}

// ---- cwe787-loop-index-overrun -----------------------------------------

func checkLoopOverrun(pass *Pass) {
	for _, f := range pass.Funcs() {
		for _, w := range loopWrites(f) {
			a, loop, lhs, idx := w.at, w.loop, w.lhs, w.idx
			if hi, size, _, ok := roomCheck(f, lhs, unparen(lhs.child("argument")), idx); ok && hi < size {
				continue // if (used + need >= sizeof line) break; with used grown by need
			}
			base, off := f.guards().linear(idx)
			if base == nil || base.kind != "identifier" {
				continue
			}
			name := f.text(base)
			if !steppedIn(f, name, loop, false) {
				continue
			}
			size, ok := capacityOf(f, lhs.child("argument"), a)
			if !ok || size <= 0 {
				continue
			}
			b := f.guards().boundsOf(base, a)
			// i < count, where count is itself bounded: count <= CAP.
			for _, sb := range b.symHi {
				if sb.base.kind != "identifier" {
					continue
				}
				if bb := f.guards().boundsOf(sb.base, a); bb.hasHi && (!b.hasHi || bb.hi+sb.off < b.hi) {
					b.hi, b.hasHi = bb.hi+sb.off, true
				}
			}
			if !b.hasHi {
				// for (i = 0; i != n; i++): counting up, "!=" stops at n.
				if k, ok := notEqualBound(f, base, loop); ok {
					b.hi, b.hasHi = k-1, true
				}
			}
			if b.hasHi && b.hi+off < size {
				continue
			}
			if !b.hasHi && trustedSymBound(f, b, a) {
				continue
			}
			buf := f.text(lhs.child("argument"))
			msg := fmt.Sprintf("%s[%s] is written in a loop that increases %s without checking it against the %d elements of %s",
				buf, f.text(idx), name, size, buf)
			if b.hasHi {
				msg = fmt.Sprintf("%s[%s] is written with %s up to %d, past the %d elements of %s", buf, f.text(idx), name, b.hi, size, buf)
			}
			pass.Report(lhs, msg, "")
		}
	}
}

// notEqualBound reads "x != k" (k constant) from a loop's condition.
func notEqualBound(f *function, x *node, loop *node) (int64, bool) {
	c := condExpr(loop)
	if c == nil {
		return 0, false
	}
	for _, a := range f.guards().atoms(c, true) {
		rel, ok := f.guards().relationOf(a)
		if !ok || rel.op != "!=" {
			continue
		}
		l, r := rel.left, rel.right
		if f.guards().sameExpr(r, x) {
			l, r = r, l
		}
		if f.guards().sameExpr(l, x) {
			if k, ok := f.file.constValue(r, f); ok {
				return k, true
			}
		}
	}
	return 0, false
}

// capacityOf is the element count of an array, or of a buffer allocated
// with a constant size (in elements of its type).
func capacityOf(f *function, e *node, at *node) (int64, bool) {
	v := f.lookup(f.identName(e))
	if v == nil {
		return 0, false
	}
	if v.isArray() {
		if len(v.dims) > 0 && v.dims[0] > 0 {
			return v.dims[0], true
		}
		return 0, false
	}
	bytes, ok := f.values().bufferSize(e, at)
	if !ok {
		return 0, false
	}
	es, ok := typeSize(v.typ)
	if !ok || es == 0 || v.ptr != 1 {
		return 0, false
	}
	return bytes / es, true
}

// trustedSymBound reports whether an expression's symbolic upper bounds
// include one that does not itself come from the data: i < n counts, i <
// strlen(input) or i < buf[0] does not.
func trustedSymBound(f *function, b bounds, at *node) bool {
	for _, s := range b.symHi {
		if !untrustedBound(f, s.base) {
			return true
		}
	}
	return false
}

// untrustedBound reports whether a bound is read from data: an element
// of a buffer, a string's length, or user input.
func untrustedBound(f *function, e *node) bool {
	bad := false
	e.walk(func(m *node) bool {
		switch m.kind {
		case "subscript_expression", "pointer_expression":
			if m.kind == "pointer_expression" && m.op0() == "&" {
				return true
			}
			bad = true
		case "call_expression":
			name, _ := callName(f.file.t, m.child("function"))
			if name == "strlen" || name == ".size" || name == ".length" {
				bad = true
			}
		}
		return !bad
	})
	if bad {
		return true
	}
	return f.taint().run(userInput).expr(e) != ""
}

// ---- cwe787-copy-size-from-data ----------------------------------------

// sizedRead reads a read into a buffer with a length: read(fd, buf, n),
// recv(s, buf, n, flags), pread, and fread(buf, 1, n, fp) (n bytes) or
// fread(buf, sizeof buf[0], n, fp) (n elements).
func sizedRead(f *function, c *callSite) (n, dst *node, elems, ok bool) {
	switch c.name {
	case "read", "recv", "pread":
		n, dst = c.arg(2), c.arg(1)
	case "fread":
		n, dst = c.arg(2), c.arg(0)
		if k, isConst := f.file.constValue(c.arg(1), f); !isConst || k != 1 {
			elems = true
		}
	}
	return n, dst, elems, n != nil && dst != nil
}

// sizedCopy reads a copy with a length: its size argument and its
// destination, and whether the size counts elements (std::copy_n,
// std::copy(first, first + n, out), whose end holds the count) rather
// than bytes.
func sizedCopy(c *callSite) (n, dst *node, elems, ok bool) {
	switch c.name {
	case "memcpy", "memmove", "mempcpy", "strncpy", "stpncpy", "wcsncpy":
		n, dst = c.arg(2), c.arg(0)
	case "bcopy":
		n, dst = c.arg(2), c.arg(1)
	case "copy_n", "copy":
		n, dst, elems = c.arg(1), c.arg(2), true
	}
	return n, dst, elems, n != nil && dst != nil
}

func checkCopySizeFromData(pass *Pass) {
	for _, f := range pass.Funcs() {
		tr := f.taint().run(dataLength)
		for _, c := range f.calls {
			n, dst, elems, ok := sizedCopy(c)
			verb := "copies"
			if !ok {
				// A read of n bytes into a buffer of fixed size.
				if n, dst, elems, ok = sizedRead(f, c); !ok {
					continue
				}
				if _, fixed := f.values().bufferSize(dst, c.n); !fixed {
					continue
				}
				verb = "reads"
			}
			why := tr.expr(n)
			if why == "" && verb == "reads" {
				// A length from input through a helper's parameter or a
				// struct a reader filled (fread(h, sizeof *h, 1, fp)).
				why = f.taint().run(f.file.memSpecs().input).expr(n)
			}
			if why == "" && !elems {
				// strlen(argv[1]) + 1 bytes fit no fixed-size buffer
				// unless checked; into a buffer allocated for them
				// (malloc(len + 1), size unknown here) they do.
				if _, fixed := f.values().bufferSize(dst, c.n); fixed {
					why = f.taint().run(inputLength).expr(n)
				}
			}
			if why == "" {
				continue
			}
			if sizeBounded(f, n, dst, c.n, elems) {
				continue
			}
			if fe := stripCasts(n); verb == "reads" && fe != nil && fe.kind == "field_expression" {
				// h->width checked by the parser that filled h.
				if _, hi := fieldCheckedAtFill(f.file, f.text(fe.child("field")), 0); hi {
					continue
				}
			}
			unit := "bytes"
			if elems {
				unit = "elements"
			}
			pass.Report(c.n, fmt.Sprintf("%s %s %s %s into %s, a length that comes from %s and is never compared with the size of %s",
				c.name, verb, f.text(n), unit, f.text(dst), why, f.text(dst)), "")
		}
	}
}

// sizeBounded reports whether the size of a copy into dst is kept within
// dst's capacity at point at: the guards bound it (or the variables it
// is computed from) by a constant that fits, or by an expression about
// dst itself (sizeof kept / sizeof kept[0], KEPT_INTS); or it is clamped
// with min() or a conditional. When dst's capacity is unknown, any upper
// bound counts.
func sizeBounded(f *function, n, dst, at *node, elems bool) bool {
	capacity, known := f.values().bufferSize(dst, at)
	if known && elems {
		capacity, known = capacityOf(f, unparen(dst), at)
	}
	if known {
		if r, ok := f.values().rangeOf(n, at, 0); ok && r.hi.IsInt64() && r.hi.Int64() <= capacity {
			return true
		}
	}
	if clamped(f, n, at) {
		return true
	}
	names := map[string]bool{}
	n.walk(func(m *node) bool {
		if m.kind == "identifier" {
			names[f.text(m)] = true
		}
		return true
	})
	about := aboutBuffer(f, dst)
	for _, c := range f.guards().conditionsAt(at) {
		rel, ok := f.guards().relationOf(c)
		if !ok {
			continue
		}
		var small, big *node
		switch rel.op {
		case "<", "<=", "==":
			small, big = rel.left, rel.right
		case ">", ">=":
			small, big = rel.right, rel.left
		default:
			continue
		}
		if !f.guards().sameExpr(small, n) && !names[f.identName(small)] {
			continue
		}
		if _, isConst := f.file.constValue(big, f); isConst && known {
			continue // a constant bound was weighed by the range above
		}
		if !known || about(big) {
			return true
		}
	}
	return false
}

// aboutBuffer returns a test of whether an expression speaks of a
// buffer's size: it names the buffer, or the constant its size was
// declared with.
func aboutBuffer(f *function, dst *node) func(*node) bool {
	name, _ := baseVar(f.file.t, unparen(dst))
	v := f.lookup(name)
	words := map[string]bool{}
	if name != "" {
		words[name] = true
	}
	if v != nil {
		for _, s := range v.sizeNodes {
			s.walk(func(m *node) bool {
				if m.kind == "identifier" {
					words[f.text(m)] = true
				}
				return true
			})
		}
		if d := f.lastWholeDef(name, dst); d != nil && len(d.srcs) == 1 {
			// char *buf = malloc(CAP): CAP speaks of buf.
			d.srcs[0].walk(func(m *node) bool {
				if m.kind == "identifier" && f.text(m) != "malloc" && f.text(m) != "calloc" {
					words[f.text(m)] = true
				}
				return true
			})
		}
	}
	return func(e *node) bool {
		found := false
		e.walk(func(m *node) bool {
			if m.kind == "identifier" && words[f.text(m)] {
				found = true
			}
			return !found
		})
		return found
	}
}

// clamped reports whether a size is limited by min() or a conditional,
// in the expression itself or in the last value given to a variable in
// it: n = count < CAP ? count : CAP.
func clamped(f *function, e *node, at *node) bool {
	isClamp := func(x *node) bool {
		found := false
		x.walk(func(m *node) bool {
			switch m.kind {
			case "conditional_expression":
				found = true
			case "call_expression":
				name, _ := callName(f.file.t, m.child("function"))
				if name == "min" || name == "MIN" || name == "fmin" {
					found = true
				}
			}
			return !found
		})
		return found
	}
	if isClamp(e) {
		return true
	}
	found := false
	e.walk(func(m *node) bool {
		if m.kind == "identifier" {
			if d := f.lastWholeDef(f.text(m), at); d != nil && len(d.srcs) == 1 && isClamp(d.srcs[0]) {
				found = true
			}
		}
		return !found
	})
	return found
}

// dataLength is the taint of lengths read from data: an element of a
// buffer (chunk[0]), or user input.
var dataLength = &taintSpec{
	id:        "data-length",
	inputDefs: true,
	source: func(f *function, n *node) (string, bool) {
		if w, ok := userSource(f, n); ok {
			return w, true
		}
		if n.kind == "subscript_expression" || n.kind == "pointer_expression" && n.op0() == "*" {
			if base, _ := baseVar(f.file.t, n); base != "" {
				if v := f.lookup(base); v != nil && (v.ptr > 0 || len(v.dims) > 0) && v.kind == tkInt {
					return "the buffer " + base + " itself (" + f.text(n) + ")", true
				}
			}
		}
		return "", false
	},
}

// inputLength is the taint of the lengths of user input: strlen(s),
// s.size(), s.length() of a string from user input.
var inputLength = &taintSpec{id: "input-length", source: inputLengthSource}

func inputLengthSource(f *function, n *node) (string, bool) {
	if n.kind != "call_expression" {
		return "", false
	}
	c := f.callAt[n]
	if c == nil {
		return "", false
	}
	var s *node
	switch c.name {
	case "strlen", "wcslen":
		s = c.arg(0)
	case ".size", ".length":
		s = c.recv
	}
	if s == nil {
		return "", false
	}
	if w := f.taint().run(userInput).expr(s); w != "" {
		return "the length of " + squeeze(f.text(s)) + ", which comes from " + w, true
	}
	return "", false
}

// ---- cwe787-unbounded-copy ---------------------------------------------

func checkUnboundedCopy(pass *Pass) {
	ff := pass.file
	for _, f := range pass.Funcs() {
		tr := f.taint().run(ff.memSpecs().input)
		for _, c := range f.calls {
			if !f.flow().reachableNode(c.n) {
				continue
			}
			var dst, src *node
			what := c.name
			switch c.name {
			case "gets":
				dst = c.arg(0)
				if dst == nil {
					continue
				}
				pass.Report(c.n, fmt.Sprintf("gets(%s) reads a line of any length into %s", f.text(dst), f.text(dst)),
					"use fgets(buf, sizeof buf, stdin): gets cannot be used safely")
				continue
			case "strcpy", "strcat", "stpcpy", "wcscpy", "wcscat":
				dst, src = c.arg(0), c.arg(1)
			case "sprintf", "vsprintf":
				dst = c.arg(0)
				format, ok := stringValue(ff.t, unparenOnly(c.arg(1)))
				if !ok {
					continue
				}
				src = stringArgOfFormat(format, c.args[min(2, len(c.args)):], tr)
			case "scanf", "fscanf":
				fi := 0
				if c.name == "fscanf" {
					fi = 1
				}
				format, ok := stringValue(ff.t, unparenOnly(c.arg(fi)))
				if !ok {
					continue
				}
				for i, a := range unboundedScanfArgs(format, c.args[min(fi+1, len(c.args)):]) {
					_ = i
					if size, ok := f.values().bufferSize(a, c.n); ok {
						pass.Report(c.n, fmt.Sprintf("%s reads a word of any length with %%s into %s (%d bytes)", c.name, f.text(a), size),
							fmt.Sprintf("give the conversion a width: \"%%%ds\"", size-1))
					}
				}
				continue
			case "sscanf":
				// sscanf(line, "%[^:]", name): the word is as long as the
				// string it is read from allows.
				src = c.arg(0)
				format, ok := stringValue(ff.t, unparenOnly(c.arg(1)))
				why := tr.expr(src)
				if !ok || why == "" || lengthChecked(f, src, c.n) {
					continue
				}
				for _, a := range unboundedScanfArgs(format, c.args[min(2, len(c.args)):]) {
					reg, ok := f.values().regionOf(a, c.n)
					if !ok {
						continue
					}
					size := reg.size
					if n, ok := maxStringLen(f, src); ok && n+1 <= size {
						continue
					}
					pass.Report(c.n, fmt.Sprintf("sscanf reads a word of %s, from %s and of any length, into %s (%d bytes) with no width", f.text(src), why, f.text(a), size),
						fmt.Sprintf("give the conversion a width: \"%%%ds\"", size-1))
				}
				continue
			default:
				continue
			}
			if dst == nil || src == nil {
				continue
			}
			why := tr.expr(src)
			if why == "" {
				continue
			}
			reg, ok := f.values().regionOf(dst, c.n)
			if !ok {
				continue
			}
			size := reg.size
			if lengthChecked(f, src, c.n) {
				continue
			}
			// A source of bounded length that fits.
			switch c.name {
			case "strcpy", "stpcpy", "wcscpy":
				if n, ok := maxStringLen(f, src); ok && n+1 <= size {
					continue
				}
			case "sprintf", "vsprintf":
				format, _ := stringValue(ff.t, unparenOnly(c.arg(1)))
				if n, ok := maxFormatLen(f, format, c.args[min(2, len(c.args)):]); ok && n+1 <= size {
					continue
				}
			}
			pass.Report(c.n, fmt.Sprintf("%s copies %s, from %s and of any length, into %s (%d bytes)",
				what, f.text(src), why, f.text(dst), size), "")
		}
	}
}

// stringArgOfFormat returns the first %s argument of a format that is
// tainted, or nil.
func stringArgOfFormat(format string, args []*node, tr *taintRun) *node {
	ai := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		hasPrec := false
		for i < len(format) && strings.IndexByte("-+ #0'0123456789.*hlLqjzt", format[i]) >= 0 {
			if format[i] == '.' {
				hasPrec = true
			}
			if format[i] == '*' {
				ai++
			}
			i++
		}
		if i >= len(format) {
			return nil
		}
		if format[i] == 's' && !hasPrec && ai < len(args) && tr.expr(args[ai]) != "" {
			return args[ai]
		}
		ai++
	}
	return nil
}

// unboundedScanfArgs returns the arguments read by a %s or %[ without a
// width.
func unboundedScanfArgs(format string, args []*node) []*node {
	var out []*node
	ai := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		suppress := false
		if i < len(format) && format[i] == '*' {
			suppress = true
			i++
		}
		width := ""
		for i < len(format) && format[i] >= '0' && format[i] <= '9' {
			width += string(format[i])
			i++
		}
		for i < len(format) && strings.IndexByte("hlLqjzt", format[i]) >= 0 {
			i++
		}
		if i >= len(format) {
			break
		}
		if suppress {
			continue
		}
		if (format[i] == 's' || format[i] == '[') && width == "" && ai < len(args) {
			a, _ := addrOf(args[ai])
			out = append(out, a)
		}
		ai++
	}
	return out
}

// lengthChecked reports whether a guard at point at compares the length
// of a string (strlen(s), or a variable set from it) with something.
func lengthChecked(f *function, s *node, at *node) bool {
	sname := f.identName(s)
	if sname == "" {
		sname, _ = baseVar(f.file.t, unparen(s))
	}
	mentionsLen := func(e *node) bool {
		found := false
		e.walk(func(m *node) bool {
			if m.kind == "call_expression" {
				if c := f.callAt[m]; c != nil && (c.name == "strlen" || c.name == ".size" || c.name == ".length") {
					target := c.arg(0)
					if c.recv != nil {
						target = c.recv
					}
					if n, _ := baseVar(f.file.t, unparen(target)); n == sname {
						found = true
					}
				}
			}
			if m.kind == "identifier" && f.values().lenVars()[f.text(m)] == sname && sname != "" {
				found = true
			}
			return !found
		})
		return found
	}
	for _, c := range f.guards().conditionsAt(at) {
		rel, ok := f.guards().relationOf(c)
		if !ok {
			continue
		}
		if mentionsLen(rel.left) || mentionsLen(rel.right) {
			return true
		}
	}
	return false
}
