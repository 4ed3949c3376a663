package rules

// Summaries of the functions of a file for the lifetime rules (use
// after free, cwe416.go): which parameters a function frees. A helper
// that frees its parameter (session_free(s) calling free(s)) ends the
// life of the caller's pointer as free() does; helpers of helpers are
// followed to summaryDepth.

// freedArgs returns the indices of the arguments a call frees: the
// first argument of free() and its kin, and the parameters a function
// of the file frees.
func freedArgs(f *function, c *callSite) []int {
	if c == nil {
		return nil
	}
	if freeFuncs[c.name] {
		return []int{0}
	}
	if c.recv != nil {
		return nil
	}
	callee := f.file.defined[c.name]
	if callee == nil || callee == f || len(c.args) == 0 {
		return nil
	}
	var out []int
	for k, a := range c.args {
		if freesParam(callee, k, summaryDepth) && !unlinksGlobal(f, callee, a) {
			out = append(out, k)
		}
	}
	return out
}

// unlinksGlobal reports an argument that is a global the callee also
// writes, directly or through its address: session_close(sessions) that
// unlinks the head (pp = &sessions; *pp = s->next) before freeing it
// leaves sessions pointing at the next one, not at freed memory.
func unlinksGlobal(f, callee *function, a *node) bool {
	name := f.identName(unparen(a))
	if name == "" || unparen(a).kind != "identifier" || f.file.globals[name] == nil {
		return false
	}
	if v := f.lookup(name); v != nil && !v.isGlobal {
		return false
	}
	for _, d := range callee.defs {
		if d.name == name && d.op != "decl" {
			return true
		}
	}
	found := false
	callee.node.walk(func(m *node) bool {
		if inner, ok := addrOf(m); ok && callee.identName(inner) == name && unparen(inner).kind == "identifier" {
			found = true
		}
		return !found
	})
	return found
}

// freesParam reports whether a function frees (or deletes) its k-th
// parameter itself, not a copy made after it was reassigned, directly
// or by handing it to another function of the file that frees it.
func freesParam(fn *function, k, depth int) bool {
	if fn == nil || depth == 0 || k >= len(fn.params) || fn.params[k].name == "" || !fn.params[k].isPointer() {
		return false
	}
	name := fn.params[k].name
	key := "freesParam/" + name
	if v, ok := funcCache(fn)[key].(bool); ok {
		return v
	}
	funcCache(fn)[key] = false // a recursive call does not add to it
	for _, d := range fn.defs {
		if d.name == name && d.whole {
			return false // the parameter is reassigned: what it frees may be another object
		}
	}
	found := false
	for _, c := range fn.calls {
		if found {
			break
		}
		if freeFuncs[c.name] {
			found = fn.identName(c.arg(0)) == name
			continue
		}
		if c.recv != nil {
			continue
		}
		callee := fn.file.defined[c.name]
		if callee == nil || callee == fn {
			continue
		}
		for i, a := range c.args {
			if fn.identName(a) == name && freesParam(callee, i, depth-1) {
				found = true
			}
		}
	}
	if !found {
		for _, del := range fn.byKind["delete_expression"] {
			for _, ch := range del.children {
				if ch.named && fn.identName(ch) == name {
					found = true
				}
			}
		}
	}
	funcCache(fn)[key] = found
	return found
}

// rangeLoopDef adds, to the events of the graph node of a range-for's
// range expression, the definition of the loop variable that each turn
// makes: for (T *p : list) { ...; delete p; } frees a new p every turn.
func rangeLoopDef(f *function, n *node, evs []event) []event {
	loop := n.parent
	if loop == nil || loop.kind != "for_range_loop" || n.field != "right" {
		return evs
	}
	name := declName(f.file.t, loop.child("declarator"))
	if name == "" {
		return evs
	}
	return append(evs, event{pos: n.end, kind: evDef, name: name, n: loop})
}
