package rules

import (
	"fmt"
	"sort"
	"strconv"
)

// CWE-401, missing release of memory after its effective lifetime (a
// memory leak).
//
// Memory from malloc, calloc, strdup, strndup or new is held by a local
// pointer; on some path from the allocation the function returns (or the
// pointer is assigned a new value, as the allocation in the next turn of
// a loop does) while the pointer still holds the only reference: it was
// not freed (free, delete, or a helper of the file that frees its
// parameter), returned, stored elsewhere (in a field, an array, a
// global, another variable, a container) or handed to a function that
// may keep it. Dereferences (p->f, *p, p[i], strcpy(p, ...)) and NULL
// tests do not keep the memory; memory main holds when the program ends
// lives as long as the program (its lifetime is over only then), but
// overwriting the pointer in main, as a loop does, loses it; the path on which the allocation failed
// (the branch where p is NULL) leaks nothing. A path that ends in exit()
// or abort() is not a leak: the memory is still reachable when the
// program stops.
//
// Blind spots: a pointer handed to any function that is not known to
// only read through it is taken to be kept; pointers held only in
// fields or arrays are not followed; exceptions are not modelled.

func cwe401Rules() []*Rule {
	return []*Rule{
		{
			Name:     "cwe401-memory-leak",
			CWE:      "CWE-401",
			Doc:      "memory is allocated and, on some path, the only pointer to it is lost (the function returns, or the pointer is overwritten) without freeing it",
			Fix:      "free (or delete) the memory on every path on which it is not returned or stored, e.g. before each early return and continue; in C++ hold it in a std::unique_ptr",
			Requires: []Fact{Flow},
			Run:      checkMemoryLeak,
		},
	}
}

func checkMemoryLeak(pass *Pass) {
	for _, f := range pass.Funcs() {
		if len(f.byKind["call_expression"]) == 0 && len(f.byKind["new_expression"]) == 0 {
			continue
		}
		g := f.flow().graph()
		evs := f.flow().events()
		for _, cn := range g.nodes {
			if !g.reachable[cn.id] {
				continue
			}
			for _, e := range evs[cn.id] {
				if e.kind != evDef {
					continue
				}
				v := f.lookup(e.name)
				if v == nil || v.isGlobal || v.isParam || !v.isPointer() {
					continue
				}
				if alloc := ownedAllocation(f, e); alloc != nil {
					leakFrom(f, cn, e, alloc, pass)
				}
			}
		}
	}
}

// ownedAllocation returns the allocation a definition stores in its
// variable, or nil: malloc, calloc, strdup, strndup, new (realloc is
// left out: it moves memory the variable may already own).
func ownedAllocation(f *function, e event) *node {
	for _, d := range defsAt(f, e.n) {
		if d.name != e.name || len(d.srcs) != 1 {
			continue
		}
		src := unparen(d.srcs[0])
		for src != nil && src.kind == "cast_expression" {
			src = unparen(src.child("value"))
		}
		if src == nil {
			return nil
		}
		switch src.kind {
		case "new_expression":
			return src
		case "call_expression":
			if c := f.callAt[src]; c != nil {
				switch c.name {
				case "malloc", "calloc", "strdup", "strndup", "aligned_alloc", "reallocarray":
					if c.name == "reallocarray" && !nullLiteral(f, c.arg(0)) {
						return nil
					}
					return src
				case "static_cast", "reinterpret_cast":
					return ownedAllocationExpr(f, c.arg(0))
				}
			}
		}
	}
	return nil
}

func ownedAllocationExpr(f *function, e *node) *node {
	e = unparen(e)
	if e == nil {
		return nil
	}
	if e.kind == "new_expression" {
		return e
	}
	if c := f.callAt[e]; c != nil && (c.name == "malloc" || c.name == "calloc" || c.name == "strdup" || c.name == "strndup") {
		return e
	}
	return nil
}

// ptrOcc is what one occurrence of the pointer does to the memory it
// holds.
type ptrOcc uint8

const (
	occRead    ptrOcc = iota // dereferenced, tested, measured: the memory stays owned
	occRelease               // freed, or kept elsewhere: no leak on this path
	occDef                   // the pointer is overwritten
)

// occurrence classifies one identifier of the pointer.
func occurrence(f *function, id *node) ptrOcc { return occurrenceDepth(f, id, summaryDepth) }

func occurrenceDepth(f *function, id *node, depth int) ptrOcc {
	child, p := id, id.parent
	for p != nil && (p.kind == "parenthesized_expression" || p.kind == "cast_expression") {
		child, p = p, p.parent
	}
	if p == nil {
		return occRelease
	}
	if deref, _ := derefContext(f, id); deref {
		return occRead
	}
	if nullCheck(f, id) != nil {
		return occRead
	}
	switch p.kind {
	case "assignment_expression":
		if child.field == "left" {
			if f.text(p.child("operator")) == "=" {
				return occDef
			}
			return occRead // p += n: still into the same block
		}
	case "sizeof_expression", "unary_expression":
		return occRead
	case "binary_expression":
		switch f.text(p.child("operator")) {
		case "==", "!=", "<", ">", "<=", ">=", "-":
			return occRead
		case "<<":
			return occRead // std::cout << p
		}
	case "field_expression":
		if child.field == "argument" {
			return occRead // p.f on a pointer-typed... or p->f
		}
	case "subscript_expression":
		if child.field == "argument" {
			return occRead
		}
	case "pointer_expression":
		if p.op0() == "*" {
			return occRead
		}
	case "argument_list":
		c, _ := argOf(f, id)
		if c == nil {
			return occRelease
		}
		if len(freedArgs(f, c)) > 0 {
			return occRelease
		}
		if c.recv == nil {
			if callee := f.file.defined[c.name]; callee != nil {
				if _, k := argOf(f, id); readsOnly(callee, k, depth) {
					return occRead
				}
			}
		}
		if _, ok := derefFuncs[c.name]; ok {
			return occRead
		}
		if _, ok := outputFuncs[c.name]; ok {
			return occRead
		}
		switch c.name {
		case "strlen", "strcmp", "strncmp", "strcasecmp", "memcmp", "strchr", "strrchr", "strstr",
			"fputs", "puts", "fwrite", "fread", "fgets", "sscanf", "atoi", "atol", "strtol", "strtoul",
			"strtod", "isalpha", "toupper", "tolower", "assert":
			return occRead
		}
		return occRelease // handed to a function that may keep it
	}
	if p.kind == "delete_expression" {
		return occRelease
	}
	return occRelease // returned, stored, copied: kept elsewhere
}

// nullBranch returns the branch of a condition on which the pointer is
// NULL (1: true, -1: false), or 0 when the condition does not say.
func nullBranch(f *function, cond *node, name string) int8 {
	e := unparen(cond)
	if e != nil && e.kind == "condition_clause" {
		e = unparen(e.child("value"))
	}
	if e == nil {
		return 0
	}
	ident := func(x *node) bool {
		x = unparen(x)
		if x != nil && x.kind == "assignment_expression" {
			x = x.child("left")
		}
		return f.identName(x) == name
	}
	switch e.kind {
	case "identifier", "assignment_expression":
		if ident(e) {
			return -1
		}
	case "unary_expression":
		if f.text(e.child("operator")) == "!" {
			return -nullBranch(f, e.child("argument"), name)
		}
	case "binary_expression":
		op := f.text(e.child("operator"))
		l, r := e.child("left"), e.child("right")
		if nullLiteral(f, l) {
			l, r = r, l
		}
		if !ident(l) || !nullLiteral(f, r) {
			return 0
		}
		switch op {
		case "==":
			return 1
		case "!=":
			return -1
		}
	}
	return 0
}

// leakFrom walks the paths from an allocation and reports it when a
// path loses the pointer.
func leakFrom(f *function, start *cfgNode, def event, alloc *node, pass *Pass) {
	g := f.flow().graph()
	line, _ := f.file.position(alloc.start)
	type item struct {
		cn   *cfgNode
		full bool
	}
	seen := map[int]bool{}
	queue := []item{{start, false}}
	for len(queue) > 0 {
		it := queue[0]
		queue = queue[1:]
		if it.full {
			if seen[it.cn.id] {
				continue
			}
			seen[it.cn.id] = true
		}
		if !f.file.spend(1) {
			return
		}
		if it.cn == g.exit {
			if f.isMain() {
				// The program ends: memory that lives as long as it
				// does is not lost before its lifetime is over.
				continue
			}
			pass.Report(alloc, fmt.Sprintf("the memory allocated on line %d is leaked: a path returns while %s still holds the only pointer to it", line, def.name), "")
			return
		}
		stopped := false
		for _, o := range pointerOccurrences(f, it.cn, def.name) {
			if !it.full && o.pos <= def.pos {
				continue
			}
			switch o.what {
			case occRelease:
				stopped = true
			case occDef:
				ol, _ := f.file.position(o.n.start)
				pass.Report(alloc, fmt.Sprintf("the memory allocated on line %d is leaked: %s is overwritten on line %d without being freed", line, def.name, ol), "")
				return
			}
			if stopped {
				break
			}
		}
		if stopped {
			continue
		}
		nb := int8(0)
		if it.cn.cond && it.cn.n != nil {
			nb = nullBranch(f, it.cn.n, def.name)
		}
		for _, edge := range it.cn.succ {
			if nb != 0 && edge.branch == nb {
				continue // the allocation failed on this branch: nothing to free
			}
			queue = append(queue, item{edge.to, true})
		}
	}
}

type ptrOccAt struct {
	pos  uint32
	what ptrOcc
	n    *node
}

// pointerOccurrences lists what the occurrences of a pointer in one
// graph node do, in source order; a whole assignment counts at its end,
// after its right side.
func pointerOccurrences(f *function, cn *cfgNode, name string) []ptrOccAt {
	if cn.n == nil {
		return nil
	}
	key := "occ/" + name + "/" + strconv.Itoa(cn.id)
	return cached(funcCache(f), key, func() []ptrOccAt {
		g := f.flow().graph()
		var out []ptrOccAt
		var walk func(n *node, top bool)
		walk = func(n *node, top bool) {
			if !top {
				if _, own := g.of[n]; own {
					return
				}
			}
			if n.kind == "identifier" && f.text(n) == name {
				w := occurrence(f, n)
				pos := n.end
				if a := n.ancestor("assignment_expression"); w == occDef && a != nil {
					pos = a.end
				}
				out = append(out, ptrOccAt{pos: pos, what: w, n: n})
			}
			if n.kind == "init_declarator" && declName(f.file.t, n.child("declarator")) == name {
				out = append(out, ptrOccAt{pos: n.end, what: occDef, n: n})
			}
			for _, c := range n.children {
				if n.kind == "init_declarator" && c.field == "declarator" {
					continue
				}
				walk(c, false)
			}
		}
		walk(cn.n, true)
		sort.SliceStable(out, func(i, j int) bool { return out[i].pos < out[j].pos })
		return out
	})
}

// readsOnly reports whether a function of the file only reads through
// its k-th parameter: it neither frees it nor keeps it (returns it,
// stores it, hands it to a function that may keep it).
func readsOnly(fn *function, k, depth int) bool {
	if fn == nil || depth == 0 || k < 0 || k >= len(fn.params) || fn.params[k].name == "" {
		return false
	}
	name := fn.params[k].name
	key := "readsOnly/" + name
	if v, ok := funcCache(fn)[key].(bool); ok {
		return v
	}
	funcCache(fn)[key] = false // a recursive call keeps it, for all we know
	ok := true
	for _, id := range fn.byKind["identifier"] {
		if fn.text(id) != name {
			continue
		}
		if id.parent != nil && (id.parent.kind == "parameter_declaration" || id.parent.kind == "pointer_declarator" || id.parent.kind == "reference_declarator") {
			continue // the declaration
		}
		if occurrenceDepth(fn, id, depth-1) != occRead {
			ok = false
			break
		}
	}
	funcCache(fn)[key] = ok
	return ok
}
