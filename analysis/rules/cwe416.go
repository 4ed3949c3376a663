package rules

import (
	"fmt"
	"strconv"
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
	}
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
