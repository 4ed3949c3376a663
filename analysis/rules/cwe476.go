package rules

import (
	"fmt"
	"strings"
)

// CWE-476, NULL pointer dereference.
//
// Scenarios 476-0/1/2 are judged by CodeQL's cpp/missing-null-test: a
// pointer from malloc, calloc or realloc (which return NULL when memory
// runs out) is dereferenced on a path from the allocation that has no
// NULL test of it. A dereference is p->f, *p, p[i], or p handed to a
// function that reads through it (strcpy, fgets, memset, printf...; the
// functions _FORTIFY_SOURCE checks, as the study compiled with it). Each
// dereference that some path reaches unchecked is reported; one that
// follows an earlier dereference on every path is not.
//
// The result of getenv is NULL when the variable is not set, and the
// same query reports it dereferenced unchecked, in C as in C++
// (std::getenv): passed to strlen or strcpy, printed with %s, or made
// into a std::string (std::string s = p, s(p), s{p}, std::string(p),
// s = p).

func cwe476Rules() []*Rule {
	return []*Rule{
		{
			Name:     "cwe476-unchecked-allocation",
			CWE:      "CWE-476",
			Doc:      "memory from malloc/calloc/realloc is dereferenced without a NULL check",
			Fix:      "test the pointer after the allocation: if (p == NULL) { /* report and return */ }",
			Requires: []Fact{Flow},
			Run:      func(pass *Pass) { checkMissingNullTest(pass, nullFrom(nullAlloc)) },
		},
		{
			Name:     "cwe476-unchecked-getenv",
			CWE:      "CWE-476",
			Doc:      "the result of getenv (NULL when the variable is not set) is dereferenced without a NULL check",
			Fix:      "test the result before using it: if (value == NULL) { /* use a default or report */ }",
			Requires: []Fact{Flow},
			Run:      func(pass *Pass) { checkMissingNullTest(pass, nullFrom(nullGetenv)) },
		},
		{
			Name: "cwe476-unchecked-lookup",
			CWE:  "CWE-476",
			Doc: "the result of a lookup that returns NULL when it finds nothing (strchr, strstr, dynamic_cast to a pointer, " +
				"or a function of the file that returns NULL on some path) is dereferenced without a NULL check",
			Fix:      "test the result before using it: if (p == NULL) { /* report and skip */ }",
			Requires: []Fact{Flow, Guards},
			Run:      checkUncheckedLookup,
		},
	}
}

// nullClass tells which definitions a NULL rule starts from: describe
// returns what the value comes from ("" when it is not of the class).
type nullClass struct {
	describe func(f *function, e event) string
}

// nullFrom is the class of the values the flow events mark as coming
// from one kind of source.
func nullFrom(kind nullSource) nullClass {
	what := "an allocation"
	if kind == nullGetenv {
		what = "getenv, which returns NULL when the variable is not set"
	}
	return nullClass{describe: func(_ *function, e event) string {
		if e.null == kind {
			return what
		}
		return ""
	}}
}

// checkMissingNullTest reports the dereferences of values from one kind
// of source that may be NULL (allocations, getenv) on a path without a
// NULL test.
func checkMissingNullTest(pass *Pass, class nullClass) {
	for _, f := range pass.Funcs() {
		if len(f.byKind["call_expression"]) == 0 && len(f.byKind["new_expression"]) == 0 {
			continue
		}
		g := f.flow().graph()
		evs := f.flow().events()
		checkedBefore := map[string]uint32{} // first NULL test of each variable
		for _, list := range evs {
			for _, e := range list {
				if e.kind == evCheck {
					if p, ok := checkedBefore[e.name]; !ok || e.pos < p {
						checkedBefore[e.name] = e.pos
					}
				}
			}
		}
		nullable := map[string]string{} // variable -> what its NULL comes from
		for _, cn := range g.nodes {
			for _, e := range evs[cn.id] {
				if e.kind != evDef {
					continue
				}
				if w := class.describe(f, e); w != "" {
					nullable[e.name] = w
				}
			}
		}
		if len(nullable) == 0 {
			continue
		}
		// Walks from the allocations of one variable share the nodes
		// they have seen (see checkUseAfterFree).
		seen := map[string]map[int]bool{}
		for _, cn := range g.nodes {
			if !g.reachable[cn.id] {
				continue
			}
			for _, e := range evs[cn.id] {
				if e.kind != evDef {
					continue
				}
				src := class.describe(f, e)
				switch {
				case src != "":
				case e.alias != "" && nullable[e.alias] != "":
					// q = p, with p still unchecked here.
					if p, ok := checkedBefore[e.alias]; ok && p < e.pos {
						continue
					}
					src = e.alias + ", which comes from " + nullable[e.alias]
				default:
					continue
				}
				if seen[e.name] == nil {
					seen[e.name] = map[int]bool{}
				}
				unchecked(f, cn, e, src, pass, seen[e.name])
			}
		}
	}
}

// unchecked walks the paths from an allocation and reports the
// dereferences that no NULL test precedes.
func unchecked(f *function, start *cfgNode, def event, src string, pass *Pass, seen map[int]bool) {
	evs := f.flow().events()
	line, _ := f.file.position(def.n.start)
	// q = p before p is tested: a test of p while both still hold the
	// same pointer tests q (char *o = out; if (!out) return NULL;).
	type item struct {
		cn        *cfgNode
		full      bool
		aliasGone bool
	}
	queue := []item{{start, false, def.alias == ""}}
	for len(queue) > 0 {
		it := queue[0]
		queue = queue[1:]
		if !f.file.spend(1 + len(evs[it.cn.id])) {
			return
		}
		if it.full {
			if seen[it.cn.id] {
				continue
			}
			seen[it.cn.id] = true
		}
		stopped := false
		aliasGone := it.aliasGone
		for _, e := range evs[it.cn.id] {
			if !it.full && e.pos <= def.pos {
				continue
			}
			if !aliasGone && e.name == def.alias {
				switch e.kind {
				case evCheck:
					stopped = true
				case evDef:
					aliasGone = true
				}
				if stopped {
					break
				}
				continue
			}
			if e.name != def.name {
				continue
			}
			switch e.kind {
			case evDeref:
				pass.Report(e.n, fmt.Sprintf("%s may be NULL here: it was set on line %d from %s, and is dereferenced without a NULL check",
					def.name, line, src), "")
				stopped = true
			case evUse:
				// p handed to a function of the file that dereferences
				// its parameter without a test.
				if c, k := argOf(f, e.n); c != nil {
					if callee := f.callee(c); callee != nil && derefsUnchecked(callee, k) {
						pass.Report(e.n, fmt.Sprintf("%s may be NULL here: it was set on line %d from %s, and %s dereferences it without a NULL check",
							def.name, line, src, callee.name), "")
						stopped = true
					}
				}
			case evCheck, evDef:
				stopped = true
			}
			if stopped {
				break
			}
		}
		if stopped {
			continue
		}
		for _, edge := range it.cn.succ {
			queue = append(queue, item{edge.to, true, aliasGone})
		}
	}
}

// ---- cwe476-unchecked-lookup -------------------------------------------

// checkUncheckedLookup reports the dereferences of values from lookups
// that return NULL when they find nothing: stored in a variable and
// dereferenced on a path without a test, dereferenced right away, or
// stored in a container whose elements are then dereferenced.
func checkUncheckedLookup(pass *Pass) {
	class := nullClass{describe: func(f *function, e event) string {
		for _, d := range defsAt(f, e.n) {
			if d.name == e.name && len(d.srcs) == 1 {
				return lookupNull(f, d.srcs[0])
			}
		}
		return ""
	}}
	checkMissingNullTest(pass, class)
	checkPartialNullTest(pass)
	fileElems := nullMemberElems(pass.file)
	for _, f := range pass.Funcs() {
		if len(f.calls) == 0 {
			continue
		}
		// lookup(x)->f, *lookup(x), strlen(lookup(x)).
		nullElems := map[string]string{} // container -> what a NULL element comes from
		for _, c := range f.calls {
			what := lookupNull(f, c.n)
			if what == "" {
				continue
			}
			if deref, _ := derefContext(f, c.n); deref {
				pass.Report(c.n, fmt.Sprintf("the result of %s is dereferenced without a NULL check", what), "")
				continue
			}
			if p, k := argOf(f, c.n); p != nil {
				if callee := f.callee(p); callee != nil && derefsUnchecked(callee, k) {
					pass.Report(c.n, fmt.Sprintf("the result of %s is passed to %s, which dereferences it without a NULL check", what, callee.name), "")
					continue
				}
				if pushCall(p) && k == len(p.args)-1 {
					if name := f.identName(p.recv); name != "" && f.vars[name] != nil {
						nullElems[name] = what
					}
				}
			}
		}
		if len(nullElems) == 0 && len(fileElems) == 0 {
			continue
		}
		// for (auto &e : container) e->f: each element may be NULL.
		g := f.flow().graph()
		for _, loop := range f.byKind["for_range_loop"] {
			right := loop.child("right")
			what := nullElems[f.identName(right)]
			if v := f.placeVar(right); what == "" && v != nil && f.vars[f.identName(right)] == nil {
				what = fileElems[v] // a member or global filled elsewhere
			}
			if what == "" {
				continue
			}
			name := declName(f.file.t, loop.child("declarator"))
			cn := g.of[right]
			if name == "" || cn == nil || !g.reachable[cn.id] {
				continue
			}
			def := event{pos: right.end, kind: evDef, name: name, n: loop}
			src := fmt.Sprintf("%s, whose elements come from %s", f.text(right), what)
			unchecked(f, cn, def, src, pass, map[int]bool{})
		}
	}
}

// pushCall reports a call that adds its last argument to a container.
func pushCall(c *callSite) bool {
	switch c.name {
	case ".push_back", ".emplace_back", ".push_front", ".emplace_front", ".insert", ".emplace", ".push":
		return true
	}
	return false
}

// nullMemberElems finds the class members and globals of a file that
// are containers holding results of lookups that may be NULL: the
// result added to the container directly (stages_.push_back(
// make_filter(name))), or handed to a function of the file that adds
// its parameter (drawing.add(make_shape(line)), where add does
// shapes_.push_back(std::move(s))), or first kept in a variable the
// function never tests. The elements may then be NULL in every function
// that walks the container.
func nullMemberElems(ff *fileFacts) map[*varInfo]string {
	return cached(ff.cache, "null/memberElems", func() map[*varInfo]string {
		out := map[*varInfo]string{}
		for _, f := range ff.funcs {
			for _, p := range f.calls {
				if pushCall(p) && len(p.args) > 0 {
					if v := sharedContainer(f, p.recv); v != nil {
						if what := nullArg(f, p.args[len(p.args)-1]); what != "" {
							out[v] = what
						}
					}
					continue
				}
				callee := f.callee(p)
				if callee == nil || callee == f {
					continue
				}
				for k, v := range pushedParams(callee) {
					if what := nullArg(f, p.arg(k)); what != "" {
						out[v] = what
					}
				}
			}
		}
		return out
	})
}

// sharedContainer is the member or global a push adds to; nil for a
// local container, which its function follows itself.
func sharedContainer(f *function, recv *node) *varInfo {
	if name := f.identName(recv); name != "" && f.vars[name] != nil {
		return nil
	}
	return f.placeVar(recv)
}

// pushedParams tells which parameters of a function it adds, unchanged,
// to a member or global container: void add(std::unique_ptr<Shape> s)
// { shapes_.push_back(std::move(s)); }.
func pushedParams(fn *function) map[int]*varInfo {
	return cached(funcCache(fn), "null/pushedParams", func() map[int]*varInfo {
		out := map[int]*varInfo{}
		for _, q := range fn.calls {
			if !pushCall(q) || len(q.args) == 0 {
				continue
			}
			name := fn.identName(unmoved(fn, q.args[len(q.args)-1]))
			for k, prm := range fn.params {
				if name != "" && prm.name == name && !fn.assignedAfterDecl(name) {
					if v := sharedContainer(fn, q.recv); v != nil {
						out[k] = v
					}
				}
			}
		}
		return out
	})
}

// unmoved looks through std::move: x for std::move(x).
func unmoved(f *function, e *node) *node {
	if c := f.callAt[unparen(e)]; c != nil && (c.name == "move" || c.name == "std::move") && len(c.args) == 1 {
		return c.arg(0)
	}
	return e
}

// nullArg tells whether an argument may be NULL from a lookup: the
// lookup's result itself, or a variable the lookup last set that the
// function never tests for NULL. It describes the lookup ("" when not).
func nullArg(f *function, e *node) string {
	e = unmoved(f, e)
	if e == nil {
		return ""
	}
	if what := lookupNull(f, e); what != "" {
		return what
	}
	name := f.identName(e)
	src, ok := soleSource(f, name, e)
	if !ok {
		return ""
	}
	what := lookupNull(f, src)
	if what == "" {
		return ""
	}
	for _, list := range f.flow().events() {
		for _, ev := range list {
			if ev.kind == evCheck && ev.name == name {
				return ""
			}
		}
	}
	return what
}

// lookupNull tells whether an expression is the result of a lookup that
// returns NULL when it finds nothing, and describes it ("" when not).
func lookupNull(f *function, e *node) string {
	e = unparen(e)
	for e != nil && e.kind == "cast_expression" {
		e = unparen(e.child("value"))
	}
	if e == nil || e.kind != "call_expression" {
		return ""
	}
	c := f.callAt[e]
	if c == nil {
		return ""
	}
	switch {
	case nullLookups[c.name]:
		return c.name + ", which returns NULL when it finds nothing"
	case c.name == "dynamic_cast":
		if fn := e.child("function"); fn != nil && strings.Contains(f.text(fn), "*") {
			return "dynamic_cast, which returns NULL when the object is of another type"
		}
	case c.name == "static_cast" || c.name == "reinterpret_cast" || c.name == "const_cast":
		return lookupNull(f, c.arg(0))
	}
	if callee := f.callee(c); callee != nil && mayReturnNull(callee) {
		line, _ := f.file.position(callee.node.start)
		return fmt.Sprintf("%s, which returns NULL on some path (line %d)", callee.name, line)
	}
	return ""
}

// checkPartialNullTest reports a lookup's result tested for NULL only
// together with something else, and dereferenced in the branch where
// that whole test failed: if (!g && gid != 0) { ... } else { g->name }
// reads through a NULL g when gid is 0. The test that stops the other
// walks (unchecked) is there, but it does not cover the else branch.
func checkPartialNullTest(pass *Pass) {
	for _, f := range pass.Funcs() {
		for _, st := range f.byKind["if_statement"] {
			alt := st.child("alternative")
			c := condExpr(st)
			if alt == nil || c == nil {
				continue
			}
			atoms := f.guards().atoms(c, true)
			for _, a := range atoms {
				// The else branch runs when some atom fails: with g's
				// test one of several (!g && x, g && x), or g's test
				// alone saying it is not NULL (if (g) ... else g->f),
				// g may be NULL there. if (!g) alone is the full test.
				name, isNull := nullAtom(f, a)
				if name == "" || isNull && len(atoms) < 2 {
					continue
				}
				what := ""
				if src, ok := soleSource(f, name, st); ok {
					what = lookupNull(f, src)
				}
				if what == "" {
					continue
				}
				if d := firstDeref(f, alt, name); d != nil {
					pass.Report(d, fmt.Sprintf("%s may be NULL here: it comes from %s, and the test %s lets a NULL %s reach this branch when the rest of the test fails",
						name, what, f.text(c), name), "")
				}
			}
		}
	}
}

// nullAtom reads one atom of a condition as a test of a pointer: !p and
// p == NULL hold when p is NULL (isNull), p and p != NULL when it is not.
func nullAtom(f *function, a cond) (string, bool) {
	e := unparen(a.e)
	if e == nil {
		return "", false
	}
	if e.kind == "identifier" {
		if v := f.lookup(f.text(e)); v != nil && v.isPointer() {
			return f.text(e), !a.truth
		}
		return "", false
	}
	if e.kind == "binary_expression" {
		op := f.text(e.child("operator"))
		if op != "==" && op != "!=" {
			return "", false
		}
		l, r := unparen(e.child("left")), unparen(e.child("right"))
		if nullLiteral(f, l) {
			l, r = r, l
		}
		if nullLiteral(f, r) && l != nil && l.kind == "identifier" {
			return f.text(l), (op == "==") == a.truth
		}
	}
	return "", false
}

// firstDeref returns the first dereference of a variable in a statement
// (p->f, *p, p[i]) before any write of it.
func firstDeref(f *function, s *node, name string) *node {
	var out *node
	s.walk(func(m *node) bool {
		if out != nil {
			return false
		}
		if m.kind == "identifier" && f.text(m) == name {
			if p := unparenParent(m); p != nil && p.kind == "assignment_expression" && unparen(p.child("left")) == m {
				out = s // written first: no report
				return false
			}
			if deref, _ := derefContext(f, m); deref {
				out = m
			}
		}
		return out == nil
	})
	if out == s {
		return nil
	}
	return out
}
