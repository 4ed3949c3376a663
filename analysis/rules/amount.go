package rules

import (
	"fmt"
	"strings"
)

// Parsed amounts: integers a program reads from its user (atoi, strtol,
// strtoul, sscanf, std::stoi, std::cin >>, of argv, stdin, the
// environment, files and sockets) and carries on, through variables,
// the fields of a struct filled by a parser, out-parameters and the
// parameters of helpers its callers pass them in (the mem-input taint of
// paramflow.go). Where such an amount is used as a size or a count (of a
// copy, a read, an allocation) its sign and its range matter: a negative
// int converts to a huge size_t, and strtoul accepts "-1" as ULONG_MAX.
// A loop bound that drives the indexing of an array needs an upper bound.
// An amount subtracted from a stored value (a balance, a stock, a quota:
// a field, an element, a member, not a local) needs a lower bound: a
// negative one passes the "amount > balance" check and moves value the
// other way.
//
// A check is what the guards on the path say (guards.go,
// guardsderived.go, bounds.go): a comparison that leaves the function or
// the loop on every path where the bound fails, at the use, in the
// callers for a parameter, or, for a field, at the end of the function
// that parsed it (parse_date checks out->month before it returns 0).
//
// The same uses fed by a function of the file that fails with a negative
// value (return -1 on some path) are improper validation too when the
// result goes on unchecked, and so is an index taken from one (an index
// from input is cwe20-unvalidated-index's).
//
// Blind spots: an allocation sized by an amount is not a use (malloc(-1)
// fails; unbounded allocation is CWE-789), nor a copy into or a loop over
// a buffer allocated with the same amount; a field's taint is by its name
// across the file, and a check where it is filled is trusted without
// asking whether the caller honours the failure return; a helper's
// parameter is input only when a caller in the file passes input (an
// entry point's parameters are not).

// amountUse is a place where an integer's sign or range matters.
type amountUse struct {
	e      *node  // the amount (casts and parentheses stripped)
	at     *node  // the call or loop using it
	role   string // "the size of fread", "the bound of the loop indexing days[...]"
	needLo bool   // a negative value is harmful (a size); false for a loop bound
	loOnly bool   // only the sign matters (an amount taken from a balance)
	// failingOnly counts only the results of functions that fail with a
	// negative value (an index from input is cwe20-unvalidated-index's).
	failingOnly bool
	buf         *node // the buffer the size or the loop applies to, if known
}

// sizeArgs are the calls whose arguments at the given indexes are sizes
// or counts.
var sizeArgs = map[string][]int{
	"fread": {1, 2}, "fwrite": {1, 2}, "memcpy": {2}, "memmove": {2}, "memset": {2},
	"memcmp": {2}, "strncpy": {2}, "strncat": {2}, "read": {2}, "recv": {2}, "pread": {2},
	"fgets": {1}, "memcpy_s": {3}, "wmemcpy": {2}, "strndup": {1}, ".read": {1}, ".write": {1},
}

// destArg is the buffer argument of the calls of sizeArgs that read
// into one (0 for the others).
var destArg = map[string]int{"read": 1, "recv": 1, "pread": 1}

// An allocation sized by an amount is not counted by itself (malloc(-1)
// fails and returns NULL; an unbounded allocation is CWE-789), nor a copy
// into a buffer allocated with the same amount: the sizes agree.

// amountUses lists the size arguments and indexing loop bounds of f.
func amountUses(f *function) []amountUse {
	var us []amountUse
	for _, c := range f.calls {
		for _, i := range sizeArgs[c.name] {
			if a := stripCasts(c.arg(i)); a != nil && (a.kind == "identifier" || a.kind == "field_expression") && !sizedBy(f, c.arg(destArg[c.name]), a) {
				us = append(us, amountUse{e: a, at: c.n, role: "the size passed to " + strings.TrimPrefix(c.name, "."), needLo: true, buf: c.arg(destArg[c.name])})
			}
		}
	}
	for _, sub := range f.byKind["subscript_expression"] {
		idx := stripCasts(subscriptIndex(sub))
		if idx == nil || idx.kind != "identifier" {
			continue
		}
		if v := f.placeVar(sub.child("argument")); v != nil && (len(v.dims) > 0 || v.ptr > 0) && !v.container {
			us = append(us, amountUse{e: idx, at: sub, role: "an index into " + squeeze(f.text(sub.child("argument"))), needLo: true, failingOnly: true})
		}
	}
	// src->balance -= amount: a negative amount moves value the other way
	// and passes any "amount > balance" check.
	for _, a := range f.byKind["assignment_expression"] {
		if f.text(a.child("operator")) != "-=" {
			continue
		}
		lhs, amt := unparen(a.child("left")), stripCasts(a.child("right"))
		if lhs == nil || amt == nil || amt.kind != "identifier" && amt.kind != "field_expression" {
			continue
		}
		if lhs.kind == "identifier" && f.lookup(f.text(lhs)) != nil {
			continue // a local counter, not a stored value
		}
		if v := f.placeVar(amt); v != nil && v.unsigned || f.exprKind(amt) == tkFloat {
			continue
		}
		us = append(us, amountUse{e: amt, at: a, role: "an amount subtracted from " + squeeze(f.text(lhs)), needLo: true, loOnly: true})
	}
	for _, l := range f.loops {
		if l.kind != "for_statement" && l.kind != "while_statement" {
			continue
		}
		c := unparenOnly(condExpr(l))
		if c == nil || c.kind != "binary_expression" {
			continue
		}
		var i, bound *node
		switch f.text(c.child("operator")) {
		case "<", "<=":
			i, bound = c.child("left"), c.child("right")
		case ">", ">=":
			i, bound = c.child("right"), c.child("left")
		default:
			continue
		}
		iv := f.identName(i)
		bound = stripCasts(bound)
		if iv == "" || bound == nil || (bound.kind != "identifier" && bound.kind != "field_expression") {
			continue
		}
		body := l.child("body")
		if arr := indexedBy(f, body, iv); arr != nil && !sizedBy(f, arr, bound) {
			us = append(us, amountUse{e: bound, at: l, role: "the bound of a loop that indexes " + squeeze(f.text(arr)) + " with " + iv, buf: arr})
		}
	}
	return us
}

// indexedBy returns the array that a subscript in body indexes with an
// expression of the variable iv (nil when none does).
func indexedBy(f *function, body *node, iv string) *node {
	var found *node
	if body == nil {
		return nil
	}
	body.walk(func(m *node) bool {
		if m.kind != "subscript_expression" || found != nil {
			return found == nil
		}
		idx := subscriptIndex(m)
		uses := false
		idx.walk(func(k *node) bool {
			if k.kind == "identifier" && f.text(k) == iv {
				uses = true
			}
			return !uses
		})
		if uses {
			if v := f.placeVar(m.child("argument")); v != nil && (len(v.dims) > 0 || v.ptr > 0) && !v.container {
				found = m.child("argument")
			}
		}
		return found == nil
	})
	return found
}

// sizedBy reports whether the buffer dst was allocated with the amount
// n: buf = malloc(n) before fread(buf, 1, n, fp), std::vector<char>
// v(n).
func sizedBy(f *function, dst, n *node) bool {
	name, _ := baseVar(f.file.t, stripCasts(dst))
	if name == "" {
		return false
	}
	amount := squeeze(f.text(n))
	for _, d := range f.defs {
		if d.name != name || !d.whole {
			continue
		}
		for _, src := range d.srcs {
			src = stripCasts(src)
			if src != nil && src.kind == "new_expression" && mentions(f, src, amount) {
				return true // new char[n + 1]
			}
			if src == nil || src.kind != "call_expression" {
				continue
			}
			c := f.callAt[src]
			if c == nil {
				continue
			}
			switch c.name {
			case "malloc", "calloc", "realloc", "alloca":
				for _, a := range c.args {
					if mentions(f, a, amount) {
						return true
					}
				}
			}
		}
	}
	return false
}

// mentions reports whether an expression has a part whose text is x.
func mentions(f *function, e *node, x string) bool {
	found := false
	e.walk(func(m *node) bool {
		if !found && squeeze(f.text(m)) == x {
			found = true
		}
		return !found
	})
	return found
}

// stripCasts removes parentheses and casts: (size_t)len is len.
func stripCasts(e *node) *node {
	for e != nil {
		switch e.kind {
		case "parenthesized_expression":
			e = e.firstNamed()
		case "cast_expression":
			e = e.child("value")
		default:
			return e
		}
	}
	return nil
}

// amountSpec is the taint of data from input for amounts: input read in
// the function, what the file's functions store through its pointer
// arguments, and what its callers pass (as the memory rules' input
// taint says: a separate spec, so that its runs do not meet that one's
// partial runs where callers and callees ask of each other).
func (ff *fileFacts) amountSpec() *taintSpec {
	return cached(ff.cache, "amount/spec", func() *taintSpec {
		s := &taintSpec{id: "amount", inputDefs: true}
		s.source = func(f *function, n *node) (string, bool) {
			if w, ok := userSource(f, n); ok {
				return w, true
			}
			return outParamSource(s, f, n)
		}
		s.params = func(v *varInfo) bool {
			why, _ := callerTaint(ff.memSpecs().input, v)
			return why != ""
		}
		return s
	})
}

// inputFields are the names of the struct fields that a function of the
// file fills from input: sscanf(s, "%d", &out->month), r->len =
// atoi(field), std::cin >> req.count.
func (ff *fileFacts) inputFields() map[string]string {
	return cached(ff.cache, "amount/fields", func() map[string]string {
		m := map[string]string{}
		spec := ff.amountSpec()
		for _, g := range ff.funcs {
			var r *taintRun
			for _, d := range g.defs {
				if d.op == "input" {
					d.n.walk(func(k *node) bool {
						if k.kind == "field_expression" {
							if _, ok := m[g.text(k.child("field"))]; !ok {
								m[g.text(k.child("field"))] = d.input
							}
						}
						return true
					})
					continue
				}
				var fields []*node
				if lhs := unparenOnly(d.lhs); lhs != nil && lhs.kind == "field_expression" {
					fields = append(fields, lhs)
				} else if d.lhs == nil && d.call != nil {
					// sscanf(line, "%d", &out->count)
					for _, a := range d.call.args {
						if x, ok := addrOf(a); ok && unparenOnly(x).kind == "field_expression" {
							fields = append(fields, unparenOnly(x))
						}
					}
				}
				if len(fields) == 0 {
					continue
				}
				if r == nil {
					r = g.taint().run(spec)
				}
				for _, s := range d.srcs {
					if w := r.expr(s); w != "" {
						for _, x := range fields {
							m[g.text(x.child("field"))] = w
						}
						break
					}
				}
			}
		}
		return m
	})
}

// amountTaint says where an integer amount comes from: input ("" when
// it does not), or a function of the file that fails with a negative
// value.
func amountTaint(f *function, e *node) (why string, failing bool) {
	switch k := f.exprKind(e); {
	case k == tkInt:
	case k == tkUnknown && e.kind == "field_expression":
		// a member whose type the record facts do not know
		if v := f.placeVar(e); v != nil && (v.ptr > 0 || len(v.dims) > 0) {
			return "", false
		}
	default:
		return "", false
	}
	w := ""
	switch e.kind {
	case "identifier":
		w = f.taint().run(f.file.amountSpec()).expr(e)
	case "field_expression":
		if _, ok := f.file.inputFields()[f.text(e.child("field"))]; ok {
			w = f.taint().run(f.file.amountSpec()).expr(e)
		}
	}
	if w != "" {
		return w, false
	}
	if e.kind == "identifier" {
		w = f.taint().run(failingResult).expr(e)
	}
	return w, w != ""
}

// amountOrigin says where a parameter's amount (or a field of a
// parameter) comes from in the callers, or keeps why.
func amountOrigin(f *function, e *node, why string) string {
	base := stripCasts(e)
	if base != nil && base.kind == "field_expression" {
		base = base.child("argument")
	}
	if v := f.lookup(f.identName(base)); v != nil && v.isParam {
		if w, _ := callerTaint(f.file.memSpecs().input, v); w != "" {
			return w
		}
	}
	return why
}

// amountChecked reports whether the guards at a use bound an amount
// below by 0 (when needLo) and above.
func amountChecked(f *function, u amountUse, depth int) (lo, hi bool) {
	if depth > maxCallerDepth || !f.file.spend(2) {
		return false, false
	}
	gu := f.guards()
	e := u.e
	lo = !u.needLo || gu.nonNegative(e, u.at, 0)
	if v := f.placeVar(e); v != nil && v.unsigned {
		lo = true // a huge value is caught by the upper bound
	}
	b := gu.boundsOf(e, u.at)
	if !b.hasLo && e.kind == "identifier" {
		// parse_amount(line, &amount), which fails on amounts <= 0.
		if fb, ok := addrFilledBounds(f, f.text(e), u.at); ok && fb.hasLo {
			b.lo, b.hasLo = fb.lo, true
		}
	}
	if b.hasLo && b.lo >= 0 {
		lo = true
	}
	hi = b.hasHi || len(b.symHi) > 0
	if !hi && e.kind == "identifier" {
		_, _, hi = upperBound(f, e, u.at, 0)
	}
	if !hi {
		// n = (size_t)cols * rows with both bounded: a range below its type's.
		// A length byte read from the data (len = pkt[off]) is narrower
		// than its variable by its type alone: that is no check.
		if t, ok := f.values().typeOfExpr(e, 0); ok && !readFromData(f, e, u.at) {
			if r, ok := f.values().rangeOf(e, u.at, 0); ok && r.hi.Cmp(fullRange(t).hi) < 0 {
				hi = true
			}
		}
	}
	if !hi && e.kind == "identifier" {
		// want = size < sizeof buf ? size : sizeof buf
		if src, ok := soleSource(f, f.text(e), u.at); ok {
			hi = minOfConst(f, src)
		}
	}
	if lo && hi {
		return
	}
	if e.kind == "field_expression" {
		flo, fhi := fieldCheckedAtFill(f.file, f.text(e.child("field")), depth)
		lo, hi = lo || flo, hi || fhi
	}
	if e.kind == "identifier" {
		if v := f.lookup(f.text(e)); v != nil && v.isParam {
			clo, chi := callersChecked(f, v, u, depth)
			lo, hi = lo || clo, hi || chi
		}
	}
	return
}

// minOfConst reports whether an expression is the smaller of a value and
// a constant: n < sizeof buf ? n : sizeof buf, std::min(n, K).
func minOfConst(f *function, e *node) bool {
	e = stripCasts(e)
	if e == nil {
		return false
	}
	isConst := func(x *node) bool {
		x = stripCasts(x)
		if x == nil {
			return false
		}
		if _, ok := f.file.constValue(x, f); ok {
			return true
		}
		return x.kind == "sizeof_expression"
	}
	switch e.kind {
	case "conditional_expression":
		c := unparenOnly(e.child("condition"))
		if c == nil || c.kind != "binary_expression" {
			return false
		}
		l, r := c.child("left"), c.child("right")
		small, big := l, r
		switch f.text(c.child("operator")) {
		case "<", "<=":
		case ">", ">=":
			small, big = r, l
		default:
			return false
		}
		// small < K ? small : K, with either branch a constant
		return isConst(big) && f.guards().sameExpr(stripCasts(e.child("consequence")), stripCasts(small)) && isConst(e.child("alternative")) ||
			isConst(small) && isConst(e.child("consequence"))
	case "call_expression":
		if c := f.callAt[e]; c != nil && c.name == "min" {
			for _, a := range c.args {
				if isConst(a) {
					return true
				}
			}
		}
	}
	return false
}

// callersChecked reports whether every caller of f checks the argument
// it passes in the parameter v (below, above) before the call.
func callersChecked(f *function, v *varInfo, u amountUse, depth int) (lo, hi bool) {
	cg := f.file.calls()
	sites := cg.callers[f]
	if len(sites) == 0 || cg.escaped[f.name] || depth > maxCallerDepth {
		return false, false
	}
	lo, hi = true, true
	for _, s := range sites {
		if s.caller == f {
			continue
		}
		a := stripCasts(s.call.arg(v.index))
		if a == nil {
			return false, false
		}
		l, h := amountChecked(s.caller, amountUse{e: a, at: s.call.n, needLo: u.needLo}, depth+1)
		lo, hi = lo && l, hi && h
	}
	return
}

// fieldCheckedAtFill reports whether the functions that fill a field
// from input bound it (below by 0, above) on every path to their end.
func fieldCheckedAtFill(ff *fileFacts, field string, depth int) (lo, hi bool) {
	r := cached(ff.cache, "amount/fill/"+field, func() [2]bool {
		l, h := fieldChecksAtFill(ff, field, depth)
		return [2]bool{l, h}
	})
	return r[0], r[1]
}

// fieldChecksAtFill does the work of fieldCheckedAtFill, once per field.
func fieldChecksAtFill(ff *fileFacts, field string, depth int) (lo, hi bool) {
	any := false
	lo, hi = true, true
	for _, g := range ff.funcs {
		if !fillsField(g, field) {
			continue
		}
		any = true
		l, h := false, false
		// s->count = count, with count checked before.
		for _, d := range g.defs {
			lhs := unparenOnly(d.lhs)
			if lhs == nil || lhs.kind != "field_expression" || g.text(lhs.child("field")) != field || len(d.srcs) != 1 {
				continue
			}
			if src := stripCasts(d.srcs[0]); src != nil && src.kind == "identifier" {
				l, h = amountChecked(g, amountUse{e: src, at: d.n, needLo: true}, depth+1)
			}
		}
		for _, c := range g.guards().conditionsAt(lastStatement(g)) {
			rel, ok := g.guards().relationOf(c)
			if !ok {
				continue
			}
			x, k, op := unparenOnly(rel.left), rel.right, rel.op
			if x == nil || x.kind != "field_expression" || g.text(x.child("field")) != field {
				x, k, op = unparenOnly(rel.right), rel.left, flipOp[op]
			}
			if x == nil || x.kind != "field_expression" || g.text(x.child("field")) != field {
				continue
			}
			kv, isConst := g.file.constValue(k, g)
			switch op {
			case ">", ">=":
				if isConst && kv >= 0 {
					l = true
				}
			case "<", "<=":
				h = true
			case "==":
				l, h = true, true
			}
		}
		lo, hi = lo && l, hi && h
	}
	return lo && any, hi && any
}

// recordHas reports whether a variable (or what it points to) is a
// struct of the file with the field.
func recordHas(g *function, name, field string) bool {
	v := g.lookup(name)
	if v == nil {
		return false
	}
	t := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(v.typ, "const "), "struct "))
	rec := g.file.fileRecords().byName[t]
	return rec != nil && rec.fields[field] != nil
}

// fillsField reports whether g writes the field from input.
func fillsField(g *function, field string) bool {
	for _, d := range g.defs {
		found := false
		if d.op == "input" && d.call != nil {
			// The argument the reader writes (scanf("%d", &s->count)),
			// not a size it is given (fread(row, 1, h->width, fp)).
			for _, a := range d.call.args {
				x, _ := addrOf(a)
				if x = unparenOnly(x); x == nil {
					continue
				}
				if x.kind == "identifier" && g.text(x) == d.name && recordHas(g, d.name, field) {
					found = true // fread(h, sizeof *h, 1, fp) fills every field
				}
				if x.kind != "field_expression" || g.text(x.child("field")) != field {
					continue
				}
				if name, _ := baseVar(g.file.t, x); name == d.name {
					found = true
				}
			}
		} else if d.op == "input" {
			d.n.walk(func(k *node) bool {
				if k.kind == "field_expression" && g.text(k.child("field")) == field {
					found = true
				}
				return !found
			})
		} else if lhs := unparenOnly(d.lhs); lhs != nil && lhs.kind == "field_expression" && g.text(lhs.child("field")) == field {
			found = true
		} else if d.lhs == nil && d.call != nil {
			for _, a := range d.call.args {
				if x, ok := addrOf(a); ok && unparenOnly(x).kind == "field_expression" && g.text(unparenOnly(x).child("field")) == field {
					found = true
				}
			}
		}
		if found {
			return true
		}
	}
	return false
}

// failingResult is the taint of results of the file's own integer
// functions that fail with a negative constant on some path, and of
// functions declared without a body (externalSource).
var failingResult = &taintSpec{id: "failing", source: func(f *function, n *node) (string, bool) {
	if w, ok := externalSource(f, n); ok {
		return w, true
	}
	if n.kind != "call_expression" {
		return "", false
	}
	c := f.callAt[n]
	if c == nil || c.recv != nil {
		return "", false
	}
	g := f.file.defined[c.name]
	if g == nil || g == f {
		return "", false
	}
	if p, ok := f.file.protos[c.name]; !ok || p.ptr != 0 || p.kind != tkInt {
		return "", false
	}
	if failsNegative(g) {
		return c.name + "(), which returns a negative value on failure,", true
	}
	return "", false
}}

// failsNegative reports whether a function returns a negative constant
// on some path.
func failsNegative(g *function) bool {
	for _, r := range g.byKind["return_statement"] {
		if k, ok := g.file.constValue(r.firstNamed(), g); ok && k < 0 {
			return true
		}
	}
	return false
}

// checkUncheckedAmount reports amounts from input (or from a function
// that can fail) used as a size or a loop bound without a check of the
// bounds that matter.
func checkUncheckedAmount(pass *Pass) {
	checkWrongBound(pass)
	for _, f := range pass.Funcs() {
		seen := map[string]bool{}
		for _, u := range amountUses(f) {
			if u.failingOnly && seen[f.text(u.e)] {
				continue // the first index through an error value is enough
			}
			if !u.failingOnly && !u.loOnly && !fixedArray(f, u.buf) && measuredLength(f, u.e, 0) {
				continue // the length of the data itself, not an amount read from it
			}
			why, failing := amountTaint(f, u.e)
			if why == "" || failing && !u.needLo || u.failingOnly && !failing || !f.flow().reachableNode(u.at) {
				continue
			}
			why = amountOrigin(f, u.e, why)
			lo, hi := amountChecked(f, u, 0)
			if u.loOnly {
				if failing {
					continue
				}
				hi = true
			}
			if failing {
				hi = true                            // the error value is the harm, not its size
				lo = lo || validatedAt(f, u.e, u.at) // slot != -1
			}
			var miss []string
			if !lo {
				miss = append(miss, "negative values")
			}
			if !hi {
				miss = append(miss, "an upper bound")
			}
			if len(miss) == 0 {
				continue
			}
			if u.failingOnly {
				seen[f.text(u.e)] = true
			}
			pass.Report(u.e, fmt.Sprintf("%s, which comes from %s, is used as %s with no check of %s on every path",
				squeeze(f.text(u.e)), strings.TrimSuffix(why, ","), u.role, strings.Join(miss, " nor of ")), "")
		}
	}
}

// measuredLength reports whether an integer is a length measured on
// data rather than a number read from it: strlen(s), end - s,
// strcspn(s, "&"), sums and differences of such lengths and constants,
// through the variables that hold them and the parameters every caller
// passes them in. A loop over a value's own length, or a copy of it into
// a buffer sized from it, takes the length the data has; it is not an
// amount the user chose.
func measuredLength(f *function, e *node, depth int) bool {
	e = stripCasts(e)
	if e == nil || depth > maxCallerDepth {
		return false
	}
	switch e.kind {
	case "number_literal", "sizeof_expression", "char_literal":
		return true
	case "conditional_expression":
		return measuredLength(f, e.child("consequence"), depth) && measuredLength(f, e.child("alternative"), depth)
	case "binary_expression":
		l, r := e.child("left"), e.child("right")
		switch f.text(e.child("operator")) {
		case "-":
			if f.exprKind(l) == tkOther && f.exprKind(r) == tkOther {
				return true // end - start: a distance within one string
			}
			return measuredLength(f, l, depth) && measuredLength(f, r, depth)
		case "+":
			return measuredLength(f, l, depth) && measuredLength(f, r, depth)
		}
		return false
	case "call_expression":
		c := f.callAt[e]
		if c == nil {
			return false
		}
		switch c.name {
		case "strlen", "strnlen", "wcslen", "strcspn", "strspn", ".size", ".length":
			return true
		}
		return false
	case "identifier":
		v := f.lookup(f.text(e))
		if v == nil || v.isPointer() || len(v.dims) > 0 {
			return false
		}
		if v.isParam {
			return measuredArgs(f, v, depth)
		}
		found := false
		for _, d := range f.defs {
			if d.name != v.name {
				continue
			}
			switch d.op {
			case "decl", "=", "+=", "-=":
			case "++", "--":
				continue
			default:
				return false
			}
			if !d.whole || len(d.srcs) == 0 {
				return false
			}
			for _, s := range d.srcs {
				if !measuredLength(f, s, depth) {
					return false
				}
			}
			found = true
		}
		return found
	}
	return false
}

// measuredArgs reports whether every caller in the file passes a
// measured length as the parameter v (and there is a caller).
func measuredArgs(f *function, v *varInfo, depth int) bool {
	if f.isMain() || f.name == "" {
		return false
	}
	return everyCaller(f, func(s callerSite) bool {
		a := s.call.arg(v.index)
		return a != nil && measuredLength(s.caller, a, depth+1)
	})
}

// fixedArray reports whether a buffer expression names an array of a
// declared size (char name[64], a member array), whose bound a length
// of other data may exceed.
func fixedArray(f *function, buf *node) bool {
	if buf == nil {
		return false
	}
	name, _ := baseVar(f.file.t, stripCasts(buf))
	if name == "" {
		return false
	}
	v := f.placeVar(stripCasts(buf))
	if v == nil {
		v = f.lookup(name)
	}
	return v != nil && len(v.dims) > 0
}

// readFromData reports whether a variable's one value is an element read
// from memory as it stands (len = pkt[off++], n = *p), through casts.
func readFromData(f *function, e, at *node) bool {
	if e.kind != "identifier" {
		return false
	}
	src, ok := soleSource(f, f.text(e), at)
	if !ok {
		return false
	}
	src = unparen(src)
	return src != nil && (src.kind == "subscript_expression" || src.kind == "pointer_expression" && src.op0() == "*")
}

// checkWrongBound reports an amount from input taken from one counter
// but bounded by the same member of another object: src->count -= qty
// after qty > dst->count was rejected lets qty exceed src->count.
func checkWrongBound(pass *Pass) {
	for _, f := range pass.Funcs() {
		for _, a := range f.byKind["assignment_expression"] {
			if f.text(a.child("operator")) != "-=" {
				continue
			}
			x, q := unparen(a.child("left")), unparen(a.child("right"))
			if x == nil || q == nil || x.kind != "field_expression" || q.kind != "identifier" {
				continue
			}
			why, _ := amountTaint(f, q)
			if why == "" {
				continue
			}
			b := f.guards().boundsOf(q, a)
			if len(b.symHi) == 0 {
				continue
			}
			field := f.text(x.child("field"))
			var other *node
			for _, sb := range b.symHi {
				base := unparen(sb.base)
				if f.guards().sameExpr(base, x) {
					other = nil
					break
				}
				if base != nil && base.kind == "field_expression" && f.text(base.child("field")) == field {
					other = base
				}
			}
			if other != nil {
				pass.Report(a, fmt.Sprintf("%s, from %s, is taken from %s but checked only against %s: a %s larger than %s takes it below zero",
					f.text(q), amountOrigin(f, q, why), f.text(x), f.text(other), f.text(q), f.text(x)),
					fmt.Sprintf("check %s against %s, the counter it is taken from", f.text(q), f.text(x)))
			}
		}
	}
}
