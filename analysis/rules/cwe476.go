package rules

import "fmt"

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
			Run:      func(pass *Pass) { checkMissingNullTest(pass, nullAlloc) },
		},
		{
			Name:     "cwe476-unchecked-getenv",
			CWE:      "CWE-476",
			Doc:      "the result of getenv (NULL when the variable is not set) is dereferenced without a NULL check",
			Fix:      "test the result before using it: if (value == NULL) { /* use a default or report */ }",
			Requires: []Fact{Flow},
			Run:      func(pass *Pass) { checkMissingNullTest(pass, nullGetenv) },
		},
	}
}

// checkMissingNullTest reports the dereferences of values from one kind
// of source that may be NULL (allocations, getenv) on a path without a
// NULL test.
func checkMissingNullTest(pass *Pass, kind nullSource) {
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
		nullable := map[string]bool{}
		for _, cn := range g.nodes {
			for _, e := range evs[cn.id] {
				if e.kind == evDef && e.null == kind {
					nullable[e.name] = true
				}
			}
		}
		if len(nullable) == 0 {
			continue
		}
		what := "an allocation"
		if kind == nullGetenv {
			what = "getenv, which returns NULL when the variable is not set"
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
				src := ""
				switch {
				case e.null == kind:
					src = what
				case e.alias != "" && nullable[e.alias]:
					// q = p, with p still unchecked here.
					if p, ok := checkedBefore[e.alias]; ok && p < e.pos {
						continue
					}
					src = e.alias + ", which comes from " + what
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
	type item struct {
		cn   *cfgNode
		full bool
	}
	queue := []item{{start, false}}
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
		for _, e := range evs[it.cn.id] {
			if !it.full && e.pos <= def.pos || e.name != def.name {
				continue
			}
			switch e.kind {
			case evDeref:
				pass.Report(e.n, fmt.Sprintf("%s may be NULL here: it was set on line %d from %s, and is dereferenced without a NULL check",
					def.name, line, src), "")
				stopped = true
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
			queue = append(queue, item{edge.to, true})
		}
	}
}
