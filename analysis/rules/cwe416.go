package rules

import (
	"fmt"
	"strconv"
	"strings"
)

// CWE-416, use after free.
//
// Scenarios 416-0/1 are judged by CodeQL's cpp/use-after-free: after
// free(p) (or delete p), a path reaches a use of p (a dereference, or p
// handed to a function, including a second free) without p being
// assigned first. 416-2 was judged by hand: after a free under a
// condition, tidying up must not free (or use) the buffer again on the
// paths where it was already freed. The walk follows the paths that are
// possible given flags set after the free (abort_flag = 1 ... if
// (abort_flag == 0) free(tmp) is fine).

func cwe416Rules() []*Rule {
	return []*Rule{
		{
			Name:     "cwe416-use-after-free",
			CWE:      "CWE-416",
			Doc:      "a pointer is used, or freed again, on a path after it was freed",
			Fix:      "set the pointer to NULL right after free() and do not use it afterwards; free it only on the paths where it was not freed yet",
			Requires: []Fact{Flow},
			Run:      checkUseAfterFree,
		},
		cwe416InvalidationRule(), // invalidate.go
		{
			Name: "cwe416-stale-cache",
			CWE:  "CWE-416",
			Doc:  "an element is freed while a member that caches a pointer to such elements (s->recent = e) may still point to it, and that member is read through elsewhere",
			Fix:  "clear the cached pointer when the element it may point to is freed: if (s->recent == e) s->recent = NULL;",
			Run:  checkStaleCache,
		},
	}
}

// checkStaleCache reports the frees of an element that a member of a
// struct caches (s->recent = e after a lookup or an insert), in a
// function given that struct which neither clears nor tests the member
// and does not free the struct itself, when some function reads through
// the member (s->recent->value): the cache is left pointing at freed
// memory (store_del's entry_free(e), then AGAIN reading s->recent).
func checkStaleCache(pass *Pass) {
	ff := pass.file
	cached := map[string]string{} // member -> element type it caches
	deref := map[string]bool{}    // members read through
	for _, f := range ff.funcs {
		for _, a := range f.byKind["assignment_expression"] {
			l, r := unparen(a.child("left")), unparen(a.child("right"))
			if l == nil || r == nil || l.kind != "field_expression" || r.kind != "identifier" || f.text(a.child("operator")) != "=" {
				continue
			}
			if v := f.lookup(f.text(r)); v != nil && v.ptr == 1 && recordTypeName(v.typ) != "" && strings.Contains(v.typ, "struct ") {
				cached[f.text(l.child("field"))] = recordTypeName(v.typ)
			}
		}
		for _, fe := range f.byKind["field_expression"] {
			// s->recent->value, or e = s->recent; e->value.
			if inner := unparen(fe.child("argument")); inner != nil && inner.kind == "field_expression" && f.text(fe.child("operator")) == "->" {
				deref[f.text(inner.child("field"))] = true
			}
		}
	}
	if len(cached) == 0 {
		return
	}
	for _, f := range pass.Funcs() {
		for _, c := range f.calls {
			for _, k := range freedArgs(f, c) {
				v := f.lookup(f.identName(c.arg(k)))
				if v == nil || v.ptr != 1 {
					continue
				}
				if freshAt(f, v.name, c.n) {
					continue // free(e) of what this function just allocated
				}
				for m, typ := range cached {
					if typ != recordTypeName(v.typ) || !deref[m] || mentionsField(f, m) {
						continue
					}
					if g := f.callee(c); g != nil && mentionsField(g, m) {
						continue // cache_unlink(c, e) clears c->last itself
					}
					owner := ownerParam(f, m)
					if owner == nil || freesVar(f, owner.name) {
						continue
					}
					pass.Report(c.n, fmt.Sprintf("%s frees %s, but %s->%s may still point to it (it is set to such elements elsewhere) and is read through later",
						c.name, v.name, owner.name, m), "")
				}
			}
		}
	}
}

// mentionsField reports whether a function reads or writes a member of
// that name (s->recent = NULL, s->recent == e).
func mentionsField(f *function, m string) bool {
	for _, fe := range f.byKind["field_expression"] {
		if f.text(fe.child("field")) == m {
			return true
		}
	}
	return false
}

// ownerParam is the parameter of f that points to a struct with the
// member m.
func ownerParam(f *function, m string) *varInfo {
	rs := f.file.fileRecords()
	for _, p := range f.params {
		if rec := rs.byName[recordTypeName(p.typ)]; rec != nil && p.ptr == 1 && rec.fields[m] != nil {
			return p
		}
	}
	return nil
}

// freesVar reports whether f frees the variable itself.
func freesVar(f *function, name string) bool {
	for _, c := range f.calls {
		for _, k := range freedArgs(f, c) {
			if f.identName(c.arg(k)) == name {
				return true
			}
		}
	}
	return false
}

func checkUseAfterFree(pass *Pass) {
	for _, f := range pass.Funcs() {
		if len(f.byKind["call_expression"]) == 0 && len(f.byKind["delete_expression"]) == 0 {
			continue
		}
		g := f.flow().graph()
		evs := f.flow().events()
		// The walks from the frees of one variable share what they have
		// seen: a node reached again in the same state leads to the same
		// uses, so a long function costs one walk per variable, not one
		// per free.
		seen := map[string]map[string]bool{}
		for _, cn := range g.nodes {
			for _, e := range evs[cn.id] {
				if e.kind != evFree || !g.reachable[cn.id] {
					continue
				}
				if seen[e.name] == nil {
					seen[e.name] = map[string]bool{}
				}
				afterFree(f, cn, e, pass, seen[e.name])
			}
		}
	}
}

type walkItem struct {
	cn   *cfgNode
	from uint32 // events at or before this position do not count (start node only)
	st   pathState
	full bool
}

// afterFree walks the paths from a free and reports the first use of
// the freed pointer on each.
func afterFree(f *function, start *cfgNode, free event, pass *Pass, seen map[string]bool) {
	evs := f.flow().events()
	line, _ := f.file.position(free.n.start)
	what := "freed"
	if free.n.kind == "delete_expression" {
		what = "deleted"
	}
	queue := []walkItem{{cn: start, from: free.pos, st: pathState{}}}
	for len(queue) > 0 {
		it := queue[0]
		queue = queue[1:]
		if !f.file.spend(1 + len(evs[it.cn.id])) {
			return
		}
		key := strconv.Itoa(it.cn.id) + "/" + it.st.key()
		if !it.full {
			key = "start:" + strconv.Itoa(int(free.pos))
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		st := it.st
		stopped := false
		for _, e := range evs[it.cn.id] {
			if !it.full && e.pos <= it.from {
				continue
			}
			if e.name == free.name {
				switch e.kind {
				case evFree:
					pass.Report(e.n, fmt.Sprintf("%s is freed again: it was already %s on line %d (double free)", free.name, what, line), "")
					stopped = true
				case evUse:
					// CodeQL goes on after a use: a later free is a
					// double free too.
					pass.Report(e.n, fmt.Sprintf("%s is used after it was %s on line %d", free.name, what, line), "")
				case evDef:
					stopped = true
				}
				if stopped {
					break
				}
				continue
			}
			if e.kind == evDef {
				st = st.with(e.name, e.val, e.hasVal)
			}
		}
		if stopped {
			continue
		}
		for _, edge := range it.cn.succ {
			next := st
			if it.cn.cond && edge.branch != 0 && it.cn.n != nil {
				if v, ok := f.flow().evalCond(it.cn.n, st); ok && (v != 0) != (edge.branch > 0) {
					continue // this branch cannot be taken on this path
				}
				next = f.flow().learn(it.cn.n, edge.branch > 0, st)
			}
			queue = append(queue, walkItem{cn: edge.to, st: next, full: true})
		}
	}
}

// freshAt reports whether the last write of a variable before at stores
// an allocation (e = calloc(...) freed on the error path).
func freshAt(f *function, name string, at *node) bool {
	var last *defSite
	for _, d := range f.defs {
		if d.name == name && d.whole && d.pos <= at.start && (last == nil || d.pos > last.pos) {
			last = d
		}
	}
	return last != nil && len(last.srcs) == 1 && isAllocation(f, last.srcs[0])
}
