package rules

import "strings"

// Taint across the calls of a file, for the specs with interproc set (the
// injection rules: paths, commands, pages, formats, queries). Three
// steps, each linear in the file once the summaries are made:
//
//   - into a callee: a parameter takes the taint of the argument any call
//     of the file passes it (fromCallers), unless the caller checked the
//     argument before the call (taintSpec.argClean);
//   - out of a callee: what it writes through a pointer or reference
//     parameter (snprintf(out, n, "%s", req), memcpy(sb->data + sb->len,
//     s, n), out = value for a std::string&) reaches the caller's
//     argument (the summary's outs and outSrc, applied by callWrites);
//   - through its result, as for every spec (taintSummary.params).
//
// Summaries are made on first use, bottom-up along the calls; a recursive
// call sees the empty summary of a function still being summarised, and
// a cycle of callers sees a caller's partial run: the fixpoint is cut,
// not iterated, so that the work stays bounded.

// callee returns the function of the file a call in f reaches, or nil
// for a call of anything else. A plain call resolves by its name
// (write(entry), Store::put, falling back to the one method of the file
// with the qualified call's last name); a member call (store.put(u),
// this->path_for(u)) resolves to the one method of the file with that
// name, unless its receiver is a standard container, string or other
// std:: object, whose methods are the library's. It is the one lookup
// every interprocedural step uses, so that the taint, the memory and the
// NULL summaries agree on which calls they follow.
func (f *function) callee(c *callSite) *function {
	ff := f.file
	name, member := strings.CutPrefix(c.name, ".")
	if !member {
		if g, ok := ff.defined[name]; ok {
			return g
		}
		i := strings.LastIndex(name, "::")
		if i < 0 {
			return nil
		}
		name = name[i+2:]
	} else if c.recv != nil {
		if v := f.lookup(f.identName(c.recv)); v != nil && libraryObject(v) {
			return nil
		}
	}
	return methodsByName(ff)[name]
}

// libraryObject reports whether a variable is an object of the standard
// library (a container, a string, a stream, any std:: type), whose member
// functions are not the file's own.
func libraryObject(v *varInfo) bool {
	return v.container || v.kind == tkString || strings.HasPrefix(squeeze(v.typ), "std::")
}

// methodsByName indexes the member functions of the file (defined in a
// class body, or as Class::name) by their bare name; a name two of them
// share resolves to none.
func methodsByName(ff *fileFacts) map[string]*function {
	return cached(ff.cache, "methods", func() map[string]*function {
		m := map[string]*function{}
		seen := map[string]bool{}
		for _, f := range ff.funcs {
			name := f.name
			if i := strings.LastIndex(name, "::"); i >= 0 {
				name = name[i+2:]
			} else if f.node.ancestor("field_declaration_list") == nil && !qualifiedDefinition(f) {
				continue
			}
			if name == "" {
				continue
			}
			if seen[name] {
				m[name] = nil
				continue
			}
			seen[name] = true
			m[name] = f
		}
		return m
	})
}

// localSpec is spec without the taint callers pass in: what a function's
// summary says it returns and writes of its own.
func (ta *taintFacts) localSpec(spec *taintSpec) *taintSpec {
	if !spec.interproc {
		return spec
	}
	id := spec.id + "/local"
	if ta.specs == nil {
		ta.specs = map[string]*taintSpec{}
	}
	if s, ok := ta.specs[id]; ok {
		return s
	}
	s := *spec
	s.id = id
	s.base = spec
	ta.specs[id] = &s
	return &s
}

// fromCallers taints the parameters that some call of the file passes
// tainted data, unchecked.
func (r *taintRun) fromCallers() {
	f := r.f
	if f.isMain() {
		return
	}
	for _, ref := range f.file.calls().callers[f] {
		g := ref.caller
		if g == f || !f.file.spend(1) {
			continue
		}
		gr := g.taint().run(r.spec)
		for i, p := range f.params {
			if _, ok := r.at[p.name]; ok || p.name == "" {
				continue
			}
			a := ref.call.arg(i)
			if a == nil {
				continue
			}
			w := gr.expr(a)
			if w == "" || r.spec.argClean != nil && r.spec.argClean(g, a, ref.call.n) {
				continue
			}
			r.at[p.name] = 0
			r.why[p.name] = w
		}
	}
}

// callWrites applies the out-parameters of the callees: the caller's
// argument j is tainted after the call when the callee writes its own
// source there, or data from a parameter whose argument is tainted.
func (r *taintRun) callWrites() bool {
	f := r.f
	spec := r.spec.root()
	changed := false
	for _, c := range f.calls {
		callee := f.callee(c)
		if callee == nil || callee == f {
			continue
		}
		s := callee.taint().summary(spec)
		if s.outs == nil && s.outSrc == nil {
			continue
		}
		for j := range c.args {
			why := s.outSrc[j]
			if why == "" {
				for i := range s.outs[j] {
					if w := r.expr(c.arg(i)); w != "" {
						why = w
						break
					}
				}
			}
			if why == "" {
				continue
			}
			a, _ := addrOf(c.args[j])
			name, _ := baseVar(f.file.t, a)
			if name == "" {
				continue
			}
			path := placePath(f, a)
			if pos, ok := r.at[name]; ok && pos <= c.n.end && !r.fieldOnly[name] {
				continue
			}
			if pos, ok := r.fieldAt[path]; ok && path != "" && pos <= c.n.end {
				continue
			}
			if r.mark(name, path, c.n.end, why) {
				changed = true
			}
		}
	}
	return changed
}

// writtenThrough reports what tainted data a function writes into the
// object a pointer or reference parameter designates (the caller's
// buffer, struct or string), under the run r; "" when none.
func (ta *taintFacts) writtenThrough(r *taintRun, q *varInfo) string {
	if q.name == "" || !(q.isPointer() || isRefParam(q)) || strings.HasPrefix(q.typ, "const ") && q.ptr <= 1 {
		return "" // not writable: const char *, const std::string &
	}
	f := ta.f
	ref := isRefParam(q) && q.ptr == 0
	for _, list := range [][]*defSite{f.defs, ta.extraDefs()} {
		for _, d := range list {
			if d.name != q.name || d.whole && !ref && d.lhs != nil {
				continue // q = other: the pointer itself, not what it designates
			}
			if d.op == "decl" {
				continue
			}
			if r.spec.root().textOnly && d.lhs != nil && intPlace(f, d.lhs) {
				continue // req->page = v: a number, not text
			}
			if d.op == "input" && r.spec.inputDefs {
				return d.input
			}
			for _, s := range d.srcs {
				if w := r.expr(s); w != "" {
					// out = full, the whole value handed back, after
					// full was checked (a resolved path compared with
					// its base): the caller gets a clean value.
					if clean := r.spec.root().argClean; ref && d.whole && clean != nil && clean(f, s, d.n) {
						continue
					}
					if checkedAfterWrite(f, r.spec.root(), d.n, q.name) {
						continue
					}
					return w
				}
			}
		}
	}
	// A callee writing through it: sb_append(sb, name, n).
	spec := r.spec.root()
	for _, c := range f.calls {
		callee := f.callee(c)
		if callee == nil || callee == f {
			continue
		}
		s := callee.taint().summary(spec)
		for j, a := range c.args {
			a, _ = addrOf(a)
			if n, _ := baseVar(f.file.t, a); n != q.name {
				continue
			}
			if checkedAfterWrite(f, spec, c.n, q.name) {
				continue
			}
			if w := s.outSrc[j]; w != "" {
				return w
			}
			for i := range s.outs[j] {
				if w := r.expr(c.arg(i)); w != "" {
					return w
				}
			}
		}
	}
	return ""
}

// isRefParam reports whether a variable is declared as a reference
// (std::string &out).
func isRefParam(v *varInfo) bool {
	for d := v.decl; d != nil; {
		switch d.kind {
		case "reference_declarator":
			return true
		case "pointer_declarator", "array_declarator", "init_declarator":
			d = d.child("declarator")
		default:
			return false
		}
	}
	return false
}

// extraDefs are writes the syntax facts do not record as definitions:
// a copy into an offset of a buffer (memcpy(sb->data + sb->len, s, n),
// strcpy(buf + strlen(dir), name)), which writes the buffer's base; a
// string's copy into a buffer (page.copy(reply, n)); and
// a key stored into a map (totals[key] += n), which puts the key's data
// into the map.
func (ta *taintFacts) extraDefs() []*defSite {
	if ta.extra != nil {
		return ta.extra
	}
	f := ta.f
	t := f.file.t
	out := []*defSite{}
	for _, c := range f.calls {
		if c.name == ".copy" && c.recv != nil && len(c.args) >= 2 {
			// s.copy(buf, n) writes the string into buf.
			if a, _ := addrOf(c.args[0]); a != nil {
				if name, _ := baseVar(t, a); name != "" {
					out = append(out, &defSite{name: name, op: "copy", srcs: []*node{c.recv}, n: c.n, pos: c.n.end, call: c})
				}
			}
			continue
		}
		w, ok := writerPropagators[c.name]
		if !ok || len(c.args) <= w.dst {
			continue
		}
		dst := unparen(c.args[w.dst])
		if name, _ := baseVar(t, dst); name != "" {
			continue // recorded already
		}
		for dst != nil && dst.kind == "binary_expression" {
			if op := f.text(dst.child("operator")); op != "+" && op != "-" {
				break
			}
			dst = unparen(dst.child("left"))
		}
		name, _ := baseVar(t, dst)
		if name == "" {
			continue
		}
		var srcs []*node
		if w.from < len(c.args) {
			srcs = append(srcs, c.args[w.from:]...)
		}
		out = append(out, &defSite{name: name, op: "copy", srcs: srcs, n: c.n, pos: c.n.end, call: c})
	}
	for _, a := range f.byKind["assignment_expression"] {
		lhs := unparen(a.child("left"))
		if lhs == nil || lhs.kind != "subscript_expression" {
			continue
		}
		name, _ := baseVar(t, lhs)
		v := f.lookup(name)
		if v == nil || !strings.Contains(v.typ, "map<") {
			continue
		}
		idx := lhs.child("index")
		if idx == nil {
			idx = lhs.child("indices")
		}
		if idx != nil {
			out = append(out, &defSite{name: name, lhs: lhs, op: "copy", srcs: []*node{idx}, n: a, pos: a.end})
		}
	}
	ta.extra = out
	return out
}

// lastStatement returns the last statement of a function's body (where
// what it writes through its parameters is handed back), or the body.
func lastStatement(f *function) *node {
	for i := len(f.body.children) - 1; i >= 0; i-- {
		if c := f.body.children[i]; c.named && c.kind != "comment" {
			return c
		}
	}
	return f.body
}

// qualifiedDefinition reports whether a function is defined under a
// qualified name (void Console::show(...)): a member defined out of its
// class.
func qualifiedDefinition(f *function) bool {
	if f.node.kind != "function_definition" {
		return false
	}
	fd := funcDeclarator(f.node.child("declarator"))
	if fd == nil {
		return false
	}
	d := fd.child("declarator")
	return d != nil && (d.kind == "qualified_identifier" || d.kind == "scoped_identifier")
}

// checkedAfterWrite reports whether what a write at n stores through the
// parameter q is checked by the spec's check before the function can
// return: memcpy(out->term, p, n); ...; if (!term_chars_ok(out->term))
// return -1; with nothing between that returns, in the same block or
// an enclosing one. The caller then gets only data that passed the
// check, or an error; a write after the check is judged on its own.
func checkedAfterWrite(f *function, spec *taintSpec, n *node, q string) bool {
	clean := spec.argClean
	if clean == nil || n == nil {
		return false
	}
	var place *node // the place written: out->term
	switch n.kind {
	case "assignment_expression":
		place = n.child("left")
	case "call_expression":
		if c := f.callAt[n]; c != nil {
			for _, a := range c.args {
				a, _ = addrOf(a)
				if name, _ := baseVar(f.file.t, a); name == q {
					place = a
					break
				}
			}
		}
	}
	if place = unparen(place); place == nil || place.kind == "identifier" {
		return false // a whole variable is judged where it is read
	}
	checked := false
	// scan reads the statements of a block from the k-th on; false when
	// the function can return before the check.
	scan := func(p *node, k int) bool {
		for ; k < len(p.children); k++ {
			t := p.children[k]
			if !f.file.spend(1) {
				return false
			}
			if !checked && clean(f, place, t) {
				checked = true // by the statement before t
			}
			if checked {
				// url_decode(out->term) after the check: the data
				// changes after it was checked.
				if modifiesInPlace(f, t, place) {
					return false
				}
				continue
			}
			if t.named && len(exitGuardsCached(f, t)) == 0 && leaves(t) {
				return false // a return before the check
			}
		}
		return true
	}
	// if (get_param(qs, "q", req->query, n)) { url_decode(req->query);
	// if (!is_plain_text(req->query)) return -1; }: the branch the
	// write succeeds in.
	if st := ifOfCondition(n); st != nil {
		if body := st.child("consequence"); body != nil && body.kind == "compound_statement" {
			if clean(f, place, st) || !scan(body, 0) {
				return false
			}
		}
	}
	for child, p := n, n.parent; p != nil && child != f.body; child, p = p, p.parent {
		if p.kind != "compound_statement" {
			if !checked && (p.kind == "while_statement" || p.kind == "for_statement" || p.kind == "do_statement" || p.kind == "for_range_loop") {
				return false // the next turn may write again before any check
			}
			continue
		}
		if !checked && clean(f, place, child) {
			// Checked before this write: the check says nothing of
			// what it stores.
			return false
		}
		if !scan(p, childIndex(p, child)+1) {
			return false
		}
	}
	return checked
}

// ifOfCondition returns the if statement whose condition holds n.
func ifOfCondition(n *node) *node {
	for p := n.parent; p != nil; p = p.parent {
		switch p.kind {
		case "if_statement":
			if c := p.child("condition"); c != nil && c.contains(n) {
				return p
			}
			return nil
		case "expression_statement", "compound_statement", "declaration", "return_statement":
			return nil
		}
	}
	return nil
}

// leaves reports whether a statement contains a return, goto, break or
// continue.
func leaves(s *node) bool {
	found := false
	s.walk(func(m *node) bool {
		switch m.kind {
		case "return_statement", "goto_statement", "break_statement", "continue_statement":
			found = true
		}
		return !found
	})
	return found
}

// modifiesInPlace reports whether statement s hands place to a function
// of the file that writes through that parameter (url_decode(out->term)
// decoding in place).
func modifiesInPlace(f *function, s, place *node) bool {
	found := false
	s.walk(func(m *node) bool {
		if found || m.kind != "call_expression" {
			return !found
		}
		c := f.callAt[m]
		if c == nil {
			return true
		}
		for k, a := range c.args {
			if !f.guards().sameExpr(a, place) {
				continue
			}
			if g := f.callee(c); g != nil && writesThroughParam(g, k) {
				found = true
			}
		}
		return !found
	})
	return found
}

// writesThroughParam reports whether a function writes into what its
// k-th parameter points to, directly or through a local pointer that
// walks it (char *o = s; *o++ = c).
func writesThroughParam(g *function, k int) bool {
	var pn string
	for _, v := range g.params {
		if v.index == k {
			pn = v.name
		}
	}
	if pn == "" {
		return false
	}
	for _, d := range g.defs {
		if d.whole || d.op == "decl" {
			continue
		}
		if d.name == pn || pointeeOf(g, d.name) == pn {
			return true
		}
	}
	return false
}

// changedAfterCheck reports whether a function hands what its parameter
// q points to, after the spec's check of it, to a function of the file
// that rewrites it in place: if (!tag_chars_ok(req->tag)) return -1;
// decode_escapes(req->tag); decodes a %27 into a quote after the check.
func changedAfterCheck(f *function, spec *taintSpec, q *varInfo) bool {
	for _, c := range f.calls {
		g := f.callee(c)
		if g == nil || g == f {
			continue
		}
		for k, a := range c.args {
			a, _ = addrOf(a)
			if name, _ := baseVar(f.file.t, a); name != q.name {
				continue
			}
			if writesThroughParam(g, k) && spec.argClean(f, a, c.n) {
				return true
			}
		}
	}
	return false
}

// intPlace reports whether a written place is an integer member or
// element (req->page, counts[i]), not a buffer or a string.
func intPlace(f *function, lhs *node) bool {
	lhs = unparen(lhs)
	if lhs == nil || lhs.kind != "field_expression" {
		return false
	}
	v := f.memberOf(lhs)
	return v != nil && v.kind == tkInt && v.ptr == 0 && len(v.dims) == 0
}
