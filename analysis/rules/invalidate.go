package rules

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// CWE-416 in C++: iterators, pointers and references into a standard
// container used after an operation that invalidates them, after the
// standard's rules ([sequence.reqmts], [vector.modifiers],
// [deque.modifiers], [associative.reqmts], [unord.req]):
//
//   - std::vector and std::basic_string: push_back, emplace_back,
//     insert, emplace, resize, reserve, clear, erase, assign, append,
//     replace, shrink_to_fit, operator= and operator+= (strings) may
//     reallocate or move the elements: every iterator, pointer and
//     reference into the container is invalid after them; pop_back
//     invalidates what was taken of the last element (back(), end()).
//   - std::deque: an insertion at either end (push_back, push_front,
//     emplace_back, emplace_front) invalidates the iterators but not the
//     references; insert, emplace, erase, resize, clear, assign and
//     shrink_to_fit invalidate both; pop_front and pop_back the element
//     at that end.
//   - std::list, std::forward_list, std::map, std::set and their multi
//     kin: erase and extract invalidate only what designates the erased
//     element; clear and assignment everything.
//   - std::unordered_*: an insertion (insert, emplace, try_emplace,
//     insert_or_assign) and rehash or reserve may rehash, which
//     invalidates iterators but not references; erase only the erased
//     element; clear everything.
//
// A view is taken into a container by &v[i], &v.at(i), &v.front(),
// v.data(), s.c_str(), v.begin() and the other iterator members,
// m.find(k), T &r = v.back() (a reference bound to an element), the
// iterator a range-for walks (and its reference loop variable), and by
// the file's own functions that return one (Task &add() returning
// tasks_.back()). It is used after an invalidation on some path when it
// is named again (dereferenced, advanced, compared, passed on) before it
// is taken anew: it = v.erase(it) re-takes it, indices do not count.
// The range-for's hidden iterator is used by the loop's next turn, so an
// invalidation in the body is reported where it happens, unless every
// path from it leaves the loop (break, return).
//
// Across calls, within the file: a function that takes a container by
// non-const reference or pointer and invalidates it (itself or through
// another such helper) invalidates the caller's argument; a method that
// invalidates a member container of its class invalidates it for the
// method that calls it (add() in split()), or obj.member for a call
// obj.add(); and a method's reference or pointer parameter points into
// the member container a caller's argument was taken from (q.split(*t)
// with t = q.find(name)).
//
// Blind spots: reserve() with a capacity proven sufficient is not
// recognised (a push_back after it still invalidates, conservatively);
// erase on a vector invalidates every view, not only those at or after
// the erased element; an unordered_map's operator[] is not counted as
// an insertion; erase of one element of a map or list counts only when
// its argument names the view, the key it was found with, or the
// range-for's loop variable; aliases of a view made by copying it are
// not followed; views stored in fields or other containers are not
// tracked; names are not scoped.

// contFamily is a kind of container, by how its views are invalidated.
type contFamily uint8

const (
	famNone  contFamily = iota
	famSeq              // vector, string
	famDeque            // deque
	famNode             // list, forward_list, map, set, multimap, multiset
	famHash             // unordered_*
	famHeap             // a heap buffer held by a pointer (C's realloc, free)
	famOwner            // std::unique_ptr: get() is a view of the object it owns
)

// viewKind is what a view is.
type viewKind uint8

const (
	vkIter viewKind = iota // an iterator: reassignable
	vkPtr                  // a pointer: reassignable
	vkRef                  // a reference: bound once
)

// invMask says which views an operation invalidates.
type invMask uint8

const (
	invIter invMask = 1 << iota
	invRef          // pointers and references
	invAll  = invIter | invRef
)

// containerFamily classifies a declared type.
func containerFamily(typ string) contFamily {
	t := squeeze(typ)
	t = strings.TrimPrefix(t, "const")
	t = strings.TrimPrefix(t, "::")
	t = strings.TrimPrefix(t, "std::")
	switch {
	case t == "string" || t == "wstring" || t == "u16string" || t == "u32string" ||
		strings.HasPrefix(t, "basic_string<") || strings.HasPrefix(t, "vector<"):
		return famSeq
	case strings.HasPrefix(t, "deque<"):
		return famDeque
	case strings.HasPrefix(t, "list<"), strings.HasPrefix(t, "forward_list<"),
		strings.HasPrefix(t, "map<"), strings.HasPrefix(t, "multimap<"),
		strings.HasPrefix(t, "set<"), strings.HasPrefix(t, "multiset<"):
		return famNode
	case strings.HasPrefix(t, "unordered_"):
		return famHash
	case strings.HasPrefix(t, "unique_ptr<"):
		return famOwner
	}
	return famNone
}

// opEffect is what a member function (or "=", "+=") does to the views
// of a container of a family: the views it invalidates, whether only
// those of the erased element, and the end ("back", "front") whose
// element it removes.
func opEffect(fam contFamily, op string) (m invMask, erasedOnly bool, end string) {
	switch op {
	case "=", "clear", "assign":
		return invAll, false, ""
	case "pop_back":
		if fam != famHash {
			return invAll, false, "back"
		}
	case "pop_front":
		if fam == famDeque || fam == famNode {
			return invAll, false, "front"
		}
	}
	switch fam {
	case famSeq:
		switch op {
		case "push_back", "emplace_back", "insert", "emplace", "resize", "reserve", "erase",
			"append", "replace", "shrink_to_fit", "+=":
			return invAll, false, ""
		}
	case famDeque:
		switch op {
		case "push_back", "push_front", "emplace_back", "emplace_front":
			return invIter, false, ""
		case "insert", "emplace", "erase", "resize", "shrink_to_fit":
			return invAll, false, ""
		}
	case famNode:
		switch op {
		case "erase", "extract":
			return invAll, true, ""
		}
	case famOwner:
		// reset() and assignment destroy the owned object; release()
		// hands it over alive.
		if op == "reset" {
			return invAll, false, ""
		}
	case famHash:
		switch op {
		case "insert", "emplace", "emplace_hint", "try_emplace", "insert_or_assign", "rehash", "reserve":
			return invIter, false, ""
		case "erase", "extract":
			return invAll, true, ""
		}
	}
	return 0, false, ""
}

// contPath is the container an expression designates, as an access
// path ("v", "tasks_" for this->tasks_, "q.tasks_", "p" for *p), and its
// family; "" when it is not a known container.
func (f *function) contPath(e *node) (string, contFamily) {
	e = unparen(e)
	if e == nil {
		return "", famNone
	}
	var v *varInfo
	path := ""
	switch e.kind {
	case "identifier":
		path = f.text(e)
		if v = f.lookup(path); v == nil {
			v = f.memberOf(e)
		}
	case "field_expression":
		v = f.memberOf(e)
		path = strings.TrimPrefix(squeeze(f.text(e)), "this->")
	case "pointer_expression":
		if e.op0() == "*" {
			if arg := unparen(e.child("argument")); arg != nil && arg.kind == "identifier" {
				path = f.text(arg)
				v = f.lookup(path)
			}
		}
	}
	if v == nil || path == "" || v.ptr > 1 || len(v.dims) > 0 {
		return "", famNone
	}
	if squeeze(v.typ) == "auto" && v.init != nil {
		// auto p = std::make_unique<T>(...) owns a T.
		if c := f.callAt[unparen(v.init)]; c != nil {
			switch name := strings.TrimPrefix(c.name, "std::"); {
			case strings.HasPrefix(name, "make_unique"):
				return path, famOwner
			case strings.HasPrefix(name, "make_shared") || strings.HasPrefix(name, "allocate_shared"):
				if soleOwner(f, v) {
					return path, famOwner
				}
				return "", famNone
			}
		}
	}
	if t := strings.TrimPrefix(squeeze(v.typ), "std::"); strings.HasPrefix(t, "shared_ptr<") {
		if soleOwner(f, v) {
			return path, famOwner
		}
		return "", famNone
	}
	return path, containerFamily(v.typ)
}

// soleOwner reports whether a local std::shared_ptr is the only owner of
// its object in the function: it is never copied (passed, returned,
// assigned or captured), only dereferenced, tested, reset, assigned to
// or asked for get(), so its reset() or reassignment destroys the
// object as a unique_ptr's does.
func soleOwner(f *function, v *varInfo) bool {
	if v.isParam || v.isGlobal || v.fn != f {
		return false
	}
	return cached(f.cacheMap(), "owner/sole/"+v.name, func() bool {
		for _, id := range f.byKind["identifier"] {
			if f.text(id) != v.name || id == v.decl || v.decl != nil && id.parent == v.decl {
				continue
			}
			p := unparenParent(id)
			if p == nil {
				return false
			}
			switch p.kind {
			case "field_expression": // s.get(), s->x, s.reset()
				if p.child("argument") != id && unparen(p.child("argument")) != id {
					return false
				}
				if fld := f.text(p.child("field")); fld == "use_count" || fld == "swap" {
					return false
				}
			case "pointer_expression": // *s
			case "unary_expression": // !s
			case "condition_clause", "if_statement", "while_statement":
			case "binary_expression": // s == nullptr
				op := f.text(p.child("operator"))
				if op != "==" && op != "!=" && op != "&&" && op != "||" {
					return false
				}
			case "assignment_expression":
				if p.child("left") != id && unparen(p.child("left")) != id {
					return false // copied into another
				}
			default:
				return false
			}
		}
		return true
	})
}

// viewTake is a view taken into a container.
type viewTake struct {
	name    string // the variable holding it ("" for a range-for's iterator)
	cont    string // the container's access path
	fam     contFamily
	vk      viewKind
	end     string // "back", "front": taken of the element at that end
	key     string // for find(k): k as written
	loopVar string // for a range-for: the loop variable
	n       *node  // where it is taken
	pos     uint32
}

// viewExpr reports the view an expression takes: e bound to a reference
// when ref is set, else stored in a pointer or iterator.
func (f *function) viewExpr(e *node, ref bool) (viewTake, bool) {
	e = unparen(e)
	if e == nil {
		return viewTake{}, false
	}
	var vt viewTake
	switch e.kind {
	case "call_expression":
		c := f.callAt[e]
		if c == nil {
			return vt, false
		}
		if c.recv != nil && strings.HasPrefix(c.name, ".") {
			path, fam := f.contPath(c.recv)
			if fam == famNone {
				return f.returnedView(c, ref)
			}
			vt = viewTake{cont: path, fam: fam}
			switch m := c.name[1:]; m {
			case "begin", "cbegin":
				vt.vk, vt.end = vkIter, "front"
			case "end", "cend", "rbegin", "crbegin":
				vt.vk, vt.end = vkIter, "back"
			case "rend", "crend":
				vt.vk = vkIter
			case "find", "lower_bound", "upper_bound":
				vt.vk = vkIter
				vt.key = squeeze(f.text(c.arg(0)))
			case "insert", "emplace", "erase", "emplace_hint":
				if fam != famSeq && fam != famDeque && fam != famNode {
					return vt, false // an unordered insert returns a pair
				}
				vt.vk = vkIter // the iterator the call returns is valid
			case "data", "c_str":
				vt.vk = vkPtr
			case "get":
				if fam != famOwner {
					return vt, false
				}
				vt.vk = vkPtr
			case "front", "back", "at":
				if !ref {
					return vt, false
				}
				vt.vk = vkRef
				if m != "at" {
					vt.end = m
				}
			default:
				return vt, false
			}
			return vt, true
		}
		return f.returnedView(c, ref)
	case "subscript_expression":
		if !ref {
			return vt, false
		}
		path, fam := f.contPath(e.child("argument"))
		if fam == famNone {
			if path = f.heapPath(e.child("argument")); path != "" {
				return viewTake{cont: path, fam: famHeap, vk: vkRef}, true
			}
			return vt, false
		}
		return viewTake{cont: path, fam: fam, vk: vkRef}, true
	case "binary_expression":
		// buf + off: a pointer into the heap buffer buf holds.
		if op := f.text(e.child("operator")); !ref && (op == "+" || op == "-") {
			if path := f.heapPath(e.child("left")); path != "" {
				return viewTake{cont: path, fam: famHeap, vk: vkPtr}, true
			}
		}
	case "pointer_expression":
		arg := unparen(e.child("argument"))
		if e.op0() == "&" {
			in, ok := f.viewExpr(arg, true)
			if ok && in.vk == vkRef {
				in.vk = vkPtr
				return in, true
			}
			return vt, false
		}
		if e.op0() == "*" && ref && arg != nil && arg.kind == "identifier" {
			// *it bound to a reference: a reference into the same container.
			return f.rangeVarView(f.text(arg), true)
		}
	case "identifier":
		if ref {
			return f.rangeVarView(f.text(e), false)
		}
	}
	return vt, false
}

// rangeVarView is the view a range-for's reference loop variable is
// (for (auto &t : tasks_) ... &t), as a reference, or as an iterator when
// iter is set and name is an iterator variable of the function.
func (f *function) rangeVarView(name string, iter bool) (viewTake, bool) {
	if iter {
		for _, vt := range f.viewTakes() {
			if vt.name == name && vt.vk == vkIter {
				return viewTake{cont: vt.cont, fam: vt.fam, vk: vkRef}, true
			}
		}
		return viewTake{}, false
	}
	for _, loop := range f.byKind["for_range_loop"] {
		d := loop.child("declarator")
		if d == nil || d.kind != "reference_declarator" || declName(f.file.t, d) != name {
			continue
		}
		path, fam := f.contPath(loop.child("right"))
		if fam == famNone {
			continue
		}
		return viewTake{cont: path, fam: fam, vk: vkRef, loopVar: name}, true
	}
	return viewTake{}, false
}

// returnedView is the view a call of a function of the file returns:
// one into a member container of its class, for a call of a method of
// the same class or obj.method().
func (f *function) returnedView(c *callSite, ref bool) (viewTake, bool) {
	callee := f.callee(c)
	if callee == nil || callee == f {
		return viewTake{}, false
	}
	rv, ok := returnsView(callee)
	if !ok || (rv.vk == vkRef && !ref) {
		return viewTake{}, false
	}
	prefix, ok := f.memberPrefix(c, callee)
	if !ok {
		return viewTake{}, false
	}
	rv.cont = prefix + rv.cont
	rv.end, rv.key, rv.loopVar = "", "", ""
	return rv, true
}

// memberPrefix is what a call puts before a member path of the callee's
// class to name it in the caller: "" for a call of a method of the same
// class (add(...), this->add(...)), "q." for q.add(...).
func (f *function) memberPrefix(c *callSite, callee *function) (string, bool) {
	crec := callee.classOf()
	if crec == nil {
		return "", false
	}
	if c.recv == nil {
		return "", f.classOf() == crec
	}
	r := unparen(c.recv)
	if r.kind == "this" {
		return "", f.classOf() == crec
	}
	if r.kind != "identifier" && r.kind != "field_expression" {
		return "", false
	}
	sep := "."
	if c.n != nil {
		if fn := c.n.child("function"); fn != nil && strings.Contains(f.text(fn), "->") {
			sep = "->"
		}
	}
	return strings.TrimPrefix(squeeze(f.text(r)), "this->") + sep, true
}

// returnsView reports the view a function returns into a member
// container of its class, when one of its return statements returns one
// (Task &add() { tasks_.push_back(...); return tasks_.back(); }).
func returnsView(fn *function) (viewTake, bool) {
	type res struct {
		vt viewTake
		ok bool
	}
	if r, ok := funcCache(fn)["inval/returns"].(res); ok {
		return r.vt, r.ok
	}
	funcCache(fn)["inval/returns"] = res{}
	d := fn.node.child("declarator")
	ref := d != nil && d.kind == "reference_declarator"
	ptr := d != nil && d.kind == "pointer_declarator"
	out := res{}
	if (ref || ptr) && fn.classOf() != nil {
		for _, rs := range fn.byKind["return_statement"] {
			vt, ok := fn.viewExpr(rs.firstNamed(), ref)
			if !ok || fn.memberOf(memberNode(fn, vt.cont)) == nil {
				continue
			}
			out = res{vt, true}
			break
		}
	}
	funcCache(fn)["inval/returns"] = out
	return out.vt, out.ok
}

// memberNode finds, for a member path that is a bare name, an
// identifier of the function with that name (for memberOf); nil for
// other paths.
func memberNode(fn *function, path string) *node {
	if strings.ContainsAny(path, ".->") {
		return nil
	}
	for _, id := range fn.byKind["identifier"] {
		if fn.text(id) == path {
			return id
		}
	}
	return nil
}

// invalidatesParam is what a function of the file invalidates of the
// container its k-th parameter refers to (a non-const reference or a
// pointer), itself or through another such function.
func invalidatesParam(fn *function, k, depth int) invMask {
	if fn == nil || depth == 0 || k >= len(fn.params) {
		return 0
	}
	p := fn.params[k]
	if p.name == "" || strings.HasPrefix(p.typ, "const ") || containerFamily(p.typ) == famNone {
		return 0
	}
	if d := p.decl; p.ptr == 0 && (d == nil || d.kind != "reference_declarator") {
		return 0 // by value: a copy
	}
	key := "inval/param/" + strconv.Itoa(k)
	if m, ok := funcCache(fn)[key].(invMask); ok {
		return m
	}
	funcCache(fn)[key] = invMask(0)
	var m invMask
	for _, iv := range fn.invalidations(depth) {
		if iv.cont == p.name && !iv.erasedOnly && iv.end == "" {
			m |= iv.mask
		}
	}
	funcCache(fn)[key] = m
	return m
}

// heapPath is the access path of a pointer variable or pointer field
// ("buf", "sb->buf", "out.buf"): a heap buffer whose views realloc() and
// free() invalidate; "" for anything else.
func (f *function) heapPath(e *node) string {
	e = unparen(e)
	if e == nil {
		return ""
	}
	var v *varInfo
	switch e.kind {
	case "identifier":
		v = f.lookup(f.text(e))
	case "field_expression":
		v = f.memberOf(e)
	default:
		return ""
	}
	if v == nil || v.ptr != 1 || len(v.dims) > 0 || v.isGlobal || v.container {
		return ""
	}
	return strings.TrimPrefix(squeeze(f.text(e)), "this->")
}

// reallocsParamFields lists the pointer fields of the structure a
// function's k-th parameter points to that it reallocates or frees
// (sb_grow(sb) doing sb->buf = realloc(sb->buf, cap)), itself or through
// the helpers it hands the parameter to.
func reallocsParamFields(fn *function, k, depth int) []string {
	if fn == nil || depth == 0 || k >= len(fn.params) {
		return nil
	}
	p := fn.params[k]
	if p.name == "" || p.ptr != 1 {
		return nil
	}
	key := "inval/fields/" + strconv.Itoa(k)
	if fs, ok := funcCache(fn)[key].([]string); ok {
		return fs
	}
	funcCache(fn)[key] = []string(nil)
	var out []string
	seen := map[string]bool{}
	for _, iv := range fn.invalidations(depth) {
		fld, ok := strings.CutPrefix(iv.cont, p.name+"->")
		if ok && fld != "" && !strings.ContainsAny(fld, ".->[") && !seen[fld] {
			seen[fld] = true
			out = append(out, fld)
		}
	}
	funcCache(fn)[key] = out
	return out
}

// invalidatesMembers is what a method invalidates of its class's member
// containers, by member name, itself or through the methods it calls.
func invalidatesMembers(fn *function, depth int) map[string]invMask {
	if fn == nil || depth == 0 || fn.classOf() == nil {
		return nil
	}
	if m, ok := funcCache(fn)["inval/members"].(map[string]invMask); ok {
		return m
	}
	funcCache(fn)["inval/members"] = map[string]invMask{}
	m := map[string]invMask{}
	rec := fn.classOf()
	for _, iv := range fn.invalidations(depth) {
		if iv.erasedOnly || iv.end != "" || strings.ContainsAny(iv.cont, ".->") {
			continue
		}
		if fn.lookup(iv.cont) == nil && rec.fields[iv.cont] != nil {
			m[iv.cont] |= iv.mask
		}
	}
	funcCache(fn)["inval/members"] = m
	return m
}

// inval is an operation that invalidates views into a container.
type inval struct {
	cont       string
	mask       invMask
	erasedOnly bool
	end        string
	args       []*node // what erase() was given
	n          *node
	what       string
}

// invalidationAt returns the invalidations one syntax node makes.
func (f *function) invalidationAt(n *node, depth int) []inval {
	switch n.kind {
	case "call_expression":
		c := f.callAt[n]
		if c == nil {
			return nil
		}
		if c.recv != nil && strings.HasPrefix(c.name, ".") {
			if path, fam := f.contPath(c.recv); fam != famNone {
				m, erased, end := opEffect(fam, c.name[1:])
				if m != 0 {
					return []inval{{cont: path, mask: m, erasedOnly: erased, end: end, args: c.args, n: n, what: c.name[1:] + "()"}}
				}
				return nil
			}
		}
		if (c.name == "realloc" || c.name == "reallocarray" || freeFuncs[c.name]) && len(c.args) > 0 {
			// The old object is freed (by realloc when it moves it).
			if path := f.heapPath(c.arg(0)); path != "" {
				return []inval{{cont: path, mask: invAll, n: n, what: c.name + "()"}}
			}
			return nil
		}
		if c.name == "getline" && len(c.args) >= 2 {
			if path, fam := f.contPath(c.arg(1)); fam == famSeq {
				return []inval{{cont: path, mask: invAll, n: n, what: "getline()"}}
			}
		}
		if depth <= 1 {
			return nil
		}
		callee := f.callee(c)
		if callee == nil || callee == f {
			return nil
		}
		var out []inval
		for k, a := range c.args {
			if a = unparen(a); a != nil && a.kind == "pointer_expression" && a.op0() == "&" {
				a = a.child("argument")
			}
			path, fam := f.contPath(a)
			if fam == famNone {
				continue
			}
			if m := invalidatesParam(callee, k, depth-1); m != 0 {
				out = append(out, inval{cont: path, mask: m, n: n, what: callee.name + "()"})
			}
		}
		for k, a := range c.args {
			base := ""
			if a = unparen(a); a != nil && a.kind == "pointer_expression" && a.op0() == "&" {
				if x := f.identName(a.child("argument")); x != "" {
					base = x + "."
				}
			} else if x := f.identName(a); x != "" {
				base = x + "->"
			}
			if base == "" {
				continue
			}
			for _, fld := range reallocsParamFields(callee, k, depth-1) {
				out = append(out, inval{cont: base + fld, mask: invAll, n: n, what: callee.name + "()"})
			}
		}
		if prefix, ok := f.memberPrefix(c, callee); ok {
			for mem, m := range invalidatesMembers(callee, depth-1) {
				out = append(out, inval{cont: prefix + mem, mask: m, n: n, what: callee.name + "()"})
			}
		}
		return out
	case "assignment_expression":
		op := f.text(n.child("operator"))
		if op != "=" && op != "+=" {
			return nil
		}
		if path, fam := f.contPath(n.child("left")); fam != famNone {
			if m, _, _ := opEffect(fam, op); m != 0 {
				return []inval{{cont: path, mask: m, n: n, what: "operator" + op}}
			}
		}
	}
	return nil
}

// invalidations lists every invalidation in a function's body.
func (f *function) invalidations(depth int) []inval {
	var out []inval
	f.body.walk(func(n *node) bool {
		out = append(out, f.invalidationAt(n, depth)...)
		return true
	})
	return out
}

// viewTakes lists the views the function takes into containers in
// declarations, assignments and range-for loops (flow-insensitively),
// made once per function.
func (f *function) viewTakes() []viewTake {
	if vs, ok := funcCache(f)["inval/takes"].([]viewTake); ok {
		return vs
	}
	funcCache(f)["inval/takes"] = []viewTake(nil)
	var out []viewTake
	decls := f.byKind["init_declarator"]
	for _, d := range f.byKind["declaration"] {
		if d.child("value") != nil { // if (T *p = find(k)): a condition's declaration
			decls = append(decls, d)
		}
	}
	for _, d := range decls {
		decl := d.child("declarator")
		val := d.child("value")
		if decl == nil || val == nil {
			continue
		}
		ref := decl.kind == "reference_declarator"
		if vt, ok := f.viewExpr(val, ref); ok {
			vt.name, vt.n, vt.pos = declName(f.file.t, decl), d, d.end
			if ref {
				vt.vk = vkRef
			}
			if vt.name != "" {
				out = append(out, vt)
			}
		}
	}
	for _, a := range f.byKind["assignment_expression"] {
		if f.text(a.child("operator")) != "=" {
			continue
		}
		name := f.identName(a.child("left"))
		if name == "" {
			continue
		}
		if vt, ok := f.viewExpr(a.child("right"), false); ok {
			vt.name, vt.n, vt.pos = name, a, a.end
			out = append(out, vt)
		}
	}
	for _, loop := range f.byKind["for_range_loop"] {
		right := loop.child("right")
		path, fam := f.contPath(right)
		if fam == famNone || right == nil {
			continue
		}
		d := loop.child("declarator")
		lv := declName(f.file.t, d)
		out = append(out, viewTake{cont: path, fam: fam, vk: vkIter, loopVar: lv, n: loop, pos: right.end})
		if d != nil && d.kind == "reference_declarator" && lv != "" {
			out = append(out, viewTake{name: lv, cont: path, fam: fam, vk: vkRef, loopVar: lv, n: loop, pos: right.end})
		}
	}
	funcCache(f)["inval/takes"] = out
	return out
}

// paramViews are the views a method's reference and pointer parameters
// are at its entry: into the member container of its class that the
// argument of a call of the file was taken from (q.split(*t) with Task
// *t = q.find(name)).
func paramViews(fn *function) []viewTake {
	if fn.classOf() == nil {
		return nil
	}
	var out []viewTake
	for _, cr := range fn.file.calls().callers[fn] {
		prefix, ok := cr.caller.memberPrefix(cr.call, fn)
		if !ok {
			continue
		}
		for k, a := range cr.call.args {
			if k >= len(fn.params) || fn.params[k].name == "" {
				continue
			}
			p := fn.params[k]
			isRef := p.decl != nil && p.decl.kind == "reference_declarator"
			if !isRef && p.ptr != 1 {
				continue
			}
			a = unparen(a)
			if a != nil && a.kind == "pointer_expression" && a.op0() == "*" {
				a = a.child("argument")
			}
			name := cr.caller.identName(a)
			if name == "" {
				continue
			}
			for _, vt := range cr.caller.viewTakes() {
				if vt.name != name || vt.vk == vkIter || !strings.HasPrefix(vt.cont, prefix) {
					continue
				}
				mem := strings.TrimPrefix(vt.cont, prefix)
				if fn.classOf().fields[mem] == nil {
					continue
				}
				vk := vkPtr
				if isRef {
					vk = vkRef
				}
				out = append(out, viewTake{name: p.name, cont: mem, fam: vt.fam, vk: vk})
			}
		}
	}
	return out
}

// ivKind is a kind of event of the invalidation walk.
type ivKind uint8

const (
	ivTake  ivKind = iota // a view taken (the take itself)
	ivInval               // an invalidation
	ivUse                 // a view named
	ivKill                // a view variable assigned something else
)

type ivEvent struct {
	pos  uint32
	kind ivKind
	take int // ivTake: the index in takes
	name string
	inv  inval
	n    *node
}

func cwe416InvalidationRule() *Rule {
	return &Rule{
		Name:     "cwe416-invalidated-view",
		CWE:      "CWE-416",
		Doc:      "an iterator, pointer or reference into a C++ container is used after an operation that invalidates it",
		Fix:      "take the iterator, pointer or reference again after modifying the container (it = v.erase(it)), or keep an index instead",
		Requires: []Fact{Flow},
		Run:      checkInvalidatedViews,
	}
}

func checkInvalidatedViews(pass *Pass) {
	for _, f := range pass.Funcs() {
		if f.body == nil || (len(f.calls) == 0 && len(f.byKind["assignment_expression"]) == 0) {
			continue
		}
		takes := append([]viewTake(nil), f.viewTakes()...)
		entry := len(takes)
		takes = append(takes, paramViews(f)...)
		if len(takes) == 0 {
			continue
		}
		checkViews(pass, f, takes, entry)
	}
}

// checkViews walks, from each take, the paths on which the view is
// invalidated and reports its first use after.
func checkViews(pass *Pass, f *function, takes []viewTake, entry int) {
	g := f.flow().graph()
	names := map[string]bool{}
	conts := map[string]bool{}
	for _, vt := range takes {
		if vt.name != "" {
			names[vt.name] = true
		}
		conts[vt.cont] = true
	}
	takeAt := map[*node][]int{}
	for i, vt := range takes[:entry] {
		takeAt[vt.n] = append(takeAt[vt.n], i)
	}
	evs := make([][]ivEvent, len(g.nodes))
	for _, cn := range g.nodes {
		if cn.n == nil || !g.reachable[cn.id] {
			continue
		}
		var es []ivEvent
		var walk func(n *node, top bool)
		walk = func(n *node, top bool) {
			if !top {
				if _, own := g.of[n]; own {
					return
				}
			}
			if n.kind == "for_range_loop" {
				return // its parts are nodes of their own
			}
			for _, iv := range f.invalidationAt(n, summaryDepth+1) {
				if conts[iv.cont] {
					es = append(es, ivEvent{pos: n.end, kind: ivInval, inv: iv, n: n})
				}
			}
			for _, i := range takeAt[n] {
				es = append(es, ivEvent{pos: takes[i].pos, kind: ivTake, take: i, name: takes[i].name, n: n})
			}
			switch n.kind {
			case "identifier":
				if name := f.text(n); names[name] && !isDeclName(n) {
					if !isAssignLHS(f, n) {
						es = append(es, ivEvent{pos: n.end, kind: ivUse, name: name, n: n})
					}
				}
			case "init_declarator", "declaration":
				if n.kind == "declaration" && n.child("value") == nil {
					break
				}
				if name := declName(f.file.t, n.child("declarator")); names[name] && len(takeAt[n]) == 0 {
					es = append(es, ivEvent{pos: n.end, kind: ivKill, name: name, n: n})
				}
			case "assignment_expression":
				if f.text(n.child("operator")) == "=" {
					if name := f.identName(n.child("left")); names[name] && len(takeAt[n]) == 0 {
						es = append(es, ivEvent{pos: n.end, kind: ivKill, name: name, n: n})
					}
				}
			}
			for _, c := range n.children {
				walk(c, false)
			}
		}
		walk(cn.n, true)
		// The range-for's range node: the next turn advances the hidden
		// iterator before it is taken (again) for the walk.
		if loop := cn.n.parent; loop != nil && loop.kind == "for_range_loop" && cn.n.field == "right" {
			for _, i := range takeAt[loop] {
				es = append(es, ivEvent{pos: takes[i].pos, kind: ivTake, take: i, name: takes[i].name, n: loop})
				if takes[i].name == "" {
					es = append(es, ivEvent{pos: takes[i].pos - 1, kind: ivUse, take: i, n: loop})
				}
			}
		}
		sortEvents(es)
		evs[cn.id] = es
	}
	for i := range takes {
		walkView(pass, f, g, evs, takes, i, i >= entry)
	}
}

func sortEvents(es []ivEvent) {
	sort.SliceStable(es, func(i, j int) bool { return es[i].pos < es[j].pos })
}

// isDeclName reports whether an identifier is the name a declarator
// declares.
func isDeclName(id *node) bool {
	c := id
	p := id.parent
	for p != nil && (p.kind == "reference_declarator" || p.kind == "pointer_declarator") {
		c, p = p, p.parent
	}
	if p == nil || c.field != "declarator" {
		return false
	}
	switch p.kind {
	case "init_declarator", "declaration", "for_range_loop", "parameter_declaration", "optional_parameter_declaration", "field_declaration":
		return true
	}
	return false
}

// isAssignLHS reports whether an identifier is the left side of a plain
// assignment.
func isAssignLHS(f *function, id *node) bool {
	p := id.parent
	return p != nil && p.kind == "assignment_expression" && p.child("left") == id && f.text(p.child("operator")) == "="
}

// hits reports whether an invalidation invalidates a view.
func hits(f *function, iv inval, vt viewTake) bool {
	if iv.cont != vt.cont {
		return false
	}
	want := invRef
	if vt.vk == vkIter {
		want = invIter
	}
	if iv.mask&want == 0 {
		return false
	}
	if iv.end != "" {
		return vt.end == iv.end
	}
	if !iv.erasedOnly {
		return true
	}
	// erase() of one element: the view's own, by the iterator itself, the
	// key it was found with, or the loop variable of the range-for.
	for _, a := range iv.args {
		a = unparen(a)
		if vt.name != "" && vt.vk == vkIter && f.identName(a) == vt.name {
			return true
		}
		if vt.key != "" && squeeze(f.text(a)) == vt.key {
			return true
		}
		if vt.loopVar != "" && mentionsIdent(f, a, vt.loopVar) {
			return true
		}
	}
	return false
}

// mentionsIdent reports whether an expression reads the variable name.
func mentionsIdent(f *function, e *node, name string) bool {
	found := false
	e.walk(func(n *node) bool {
		if n.kind == "identifier" && f.text(n) == name {
			found = true
		}
		return !found
	})
	return found
}

type viewItem struct {
	cn      *cfgNode
	full    bool
	invalid *inval
}

// walkView follows the paths from one take.
func walkView(pass *Pass, f *function, g *cfg, evs [][]ivEvent, takes []viewTake, i int, atEntry bool) {
	vt := takes[i]
	start := g.nodeOf(vt.n)
	if vt.n != nil && vt.n.kind == "for_range_loop" {
		start = g.of[vt.n.child("right")]
	}
	from := vt.pos
	if atEntry {
		start, from = g.entry, 0
	}
	if start == nil || !g.reachable[start.id] {
		return
	}
	seen := map[string]bool{}
	queue := []viewItem{{cn: start, full: atEntry}}
	for len(queue) > 0 {
		it := queue[0]
		queue = queue[1:]
		if !f.file.spend(1 + len(evs[it.cn.id])) {
			return
		}
		key := strconv.Itoa(it.cn.id)
		if it.invalid != nil {
			key += "!"
		}
		if !it.full {
			key = "start"
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		invalid := it.invalid
		stopped := false
		for _, e := range evs[it.cn.id] {
			if !it.full && e.pos <= from {
				continue
			}
			switch e.kind {
			case ivInval:
				if invalid == nil && hits(f, e.inv, vt) {
					iv := e.inv
					invalid = &iv
				}
			case ivTake:
				if e.take == i || (vt.name != "" && e.name == vt.name) {
					stopped = true // taken anew
				}
			case ivKill:
				if vt.name != "" && e.name == vt.name && (vt.vk != vkRef || e.n.kind == "init_declarator" || e.n.kind == "declaration") {
					stopped = true
				}
			case ivUse:
				if invalid == nil {
					continue
				}
				if vt.name == "" && e.name == "" && e.take == i {
					line, _ := f.file.position(vt.n.start)
					pass.Report(invalid.n, fmt.Sprintf("%s on %s invalidates the iterator of the range-for on line %d, which the loop's next turn advances", invalid.what, vt.cont, line), "")
					stopped = true
				} else if vt.name != "" && e.name == vt.name {
					line, _ := f.file.position(invalid.n.start)
					pass.Report(e.n, fmt.Sprintf("%s, %s into %s, is used after %s on line %d invalidated it", vt.name, viewNoun(vt.vk), vt.cont, invalid.what, line), "")
					stopped = true
				}
			}
			if stopped {
				break
			}
		}
		if stopped {
			continue
		}
		for _, edge := range it.cn.succ {
			queue = append(queue, viewItem{cn: edge.to, full: true, invalid: invalid})
		}
	}
}

func viewNoun(vk viewKind) string {
	switch vk {
	case vkIter:
		return "an iterator"
	case vkPtr:
		return "a pointer"
	}
	return "a reference"
}
