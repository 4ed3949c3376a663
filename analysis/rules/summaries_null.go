package rules

import "strings"

// Summaries of the functions of a file for the NULL rules (cwe476.go):
// which functions may return NULL, and which dereference a parameter
// without testing it first. Both are computed on demand and cached per
// file; calls to other functions of the file are followed to a small
// depth, so that a wrapper of a lookup is a lookup too.

// summaryDepth bounds how deep the summaries follow calls between the
// functions of a file.
const summaryDepth = 3

// nullLookups are library functions that return NULL when what they
// look for is not there (a character, a substring, a token).
var nullLookups = map[string]bool{
	"strchr": true, "strrchr": true, "strstr": true, "strpbrk": true,
	"memchr": true, "memrchr": true, "strcasestr": true, "strchrnul": false,
	"index": true, "rindex": true, "wcschr": true, "wcsrchr": true, "wcsstr": true,
	"bsearch": true,
}

// nullLiteral reports whether an expression is a null pointer constant:
// NULL, nullptr, 0, (void *)0.
func nullLiteral(f *function, e *node) bool {
	e = unparen(e)
	if e == nil {
		return false
	}
	switch squeeze(f.text(e)) {
	case "NULL", "nullptr", "0", "(void*)0", "((void*)0)":
		return true
	}
	return false
}

// returnsPointer reports whether a function of the file returns a
// pointer (or a smart pointer, which can be empty).
func returnsPointer(fn *function) bool {
	ret, ok := fn.file.protos[fn.name]
	if !ok || ret == nil {
		return false
	}
	if ret.ptr > 0 {
		return true
	}
	t := squeeze(ret.typ)
	return strings.Contains(t, "unique_ptr") || strings.Contains(t, "shared_ptr")
}

// mayReturnNull reports whether a function of the file returns NULL on
// some path: a return of a null constant, of a lookup that can fail, or
// of another function of the file that may return NULL.
func mayReturnNull(fn *function) bool {
	return cached(funcCache(fn), "mayReturnNull", func() bool { return mayReturnNullDepth(fn, summaryDepth) })
}

func mayReturnNullDepth(fn *function, depth int) bool {
	if fn == nil || depth == 0 || !returnsPointer(fn) {
		return false
	}
	for _, r := range fn.byKind["return_statement"] {
		v := r.firstNamed()
		if v == nil {
			continue
		}
		if nullLiteral(fn, v) {
			return true
		}
		if c := fn.callAt[unparen(v)]; c != nil {
			if nullLookups[c.name] || c.name == "dynamic_cast" {
				return true
			}
			if callee := fn.callee(c); callee != nil && callee != fn && mayReturnNullDepth(callee, depth-1) {
				return true
			}
		}
	}
	return false
}

// funcCache returns a function's cache of rule results, made on first
// use.
func funcCache(f *function) map[string]any {
	if f.cache == nil {
		f.cache = map[string]any{}
	}
	return f.cache
}

// argOf returns the call an expression is an argument of, and its
// index, looking through parentheses and casts; nil when it is not an
// argument.
func argOf(f *function, e *node) (*callSite, int) {
	child, p := e, e.parent
	for p != nil && (p.kind == "parenthesized_expression" || p.kind == "cast_expression") {
		child, p = p, p.parent
	}
	if p == nil || p.kind != "argument_list" || p.parent == nil {
		return nil, -1
	}
	c := f.callAt[p.parent]
	if c == nil {
		return nil, -1
	}
	for i, a := range c.args {
		if a == child {
			return c, i
		}
	}
	return nil, -1
}

// derefsUnchecked reports whether a function of the file dereferences
// its i-th parameter on some path from its entry that does not test it
// for NULL (or assign it) first, itself or by handing it to another
// function of the file that does.
func derefsUnchecked(fn *function, i int) bool {
	return derefsUncheckedDepth(fn, i, summaryDepth)
}

func derefsUncheckedDepth(fn *function, i, depth int) bool {
	if fn == nil || depth == 0 || i < 0 || i >= len(fn.params) || fn.params[i].name == "" || fn.body == nil {
		return false
	}
	key := "derefsUnchecked/" + fn.params[i].name
	if v, ok := funcCache(fn)[key].(bool); ok {
		return v
	}
	funcCache(fn)[key] = false // a recursive call does not add to it
	name := fn.params[i].name
	g := fn.flow().graph()
	evs := fn.flow().events()
	seen := make([]bool, len(g.nodes))
	stack := []*cfgNode{g.entry}
	found := false
	for len(stack) > 0 && !found {
		cn := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[cn.id] {
			continue
		}
		seen[cn.id] = true
		if !fn.file.spend(1 + len(evs[cn.id])) {
			break
		}
		stopped := false
		for _, e := range evs[cn.id] {
			if e.name != name {
				continue
			}
			switch e.kind {
			case evDeref:
				found = true
			case evUse:
				if c, k := argOf(fn, e.n); c != nil {
					if callee := fn.callee(c); callee != nil && callee != fn && derefsUncheckedDepth(callee, k, depth-1) {
						found = true
					}
				}
			case evCheck, evDef:
				stopped = true
			}
			if found || stopped {
				break
			}
		}
		if stopped {
			continue
		}
		for _, edge := range cn.succ {
			stack = append(stack, edge.to)
		}
	}
	funcCache(fn)[key] = found
	return found
}

// mayHoldPointer reports whether a variable that is not declared a
// pointer may still hold one: its type is deduced (auto) or a smart
// pointer, which can be empty and is dereferenced with -> and *.
func mayHoldPointer(v *varInfo) bool {
	t := squeeze(v.typ)
	t = strings.TrimPrefix(t, "const")
	return t == "auto" || strings.Contains(t, "unique_ptr<") || strings.Contains(t, "shared_ptr<")
}
