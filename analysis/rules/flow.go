package rules

import (
	"sort"
	"strconv"
	"strings"
)

// Events on pointers, in the order they happen in each node of the
// control-flow graph: frees, uses, dereferences, definitions and NULL
// checks. The use-after-free and NULL rules walk the graph from a free or
// an allocation and look at the events that follow.

// flowFacts are a function's Flow facts: its control-flow graph (cfg,
// built on first use), whether a node can run at all (code after a
// return, exit() or an endless loop cannot), and the events on pointers
// in each graph node (events). The walks of the rules carry a pathState
// of variables set to constants, and evalCond and learn read the
// conditions of branches against it, so that a path through
// "if (done == 0) free(p)" after "done = 1" is not taken.
//
// Blind spots: the graph is intraprocedural (a call is one step; only
// the library's no-return calls such as exit() and abort(), and throw,
// end a path, not a function of the file that always exits); events are
// on whole named pointers (p, not p->next or a[i]); where a throw goes,
// setjmp and signal handlers are not modelled.
type flowFacts struct {
	f      *function
	cfg    *cfg
	evs    [][]event
	hasEvs bool
	defsAt map[*node][]*defSite
}

type evKind uint8

const (
	evFree  evKind = iota // free(p), delete p
	evUse                 // p handed to a call, or dereferenced (CodeQL's use-after-free "use")
	evDeref               // p dereferenced, as CodeQL's nullness analysis sees it
	evDef                 // p written as a whole
	evCheck               // p tested (p == NULL, !p, if (p))
)

type event struct {
	pos    uint32
	kind   evKind
	name   string
	n      *node // where to report
	val    int64 // for evDef of a constant
	hasVal bool
	null   nullSource // for evDef: the value may be NULL (an allocation, getenv)
	alias  string     // for evDef: the value is another variable
}

// events returns the events of every graph node of a function, by node
// id, each list in source order.
func (fl *flowFacts) events() [][]event {
	f := fl.f
	if fl.hasEvs {
		return fl.evs
	}
	g := fl.graph()
	out := make([][]event, len(g.nodes))
	for _, cn := range g.nodes {
		if cn.n == nil {
			continue
		}
		var evs []event
		var walk func(n *node, top bool)
		walk = func(n *node, top bool) {
			if !top {
				if _, own := g.of[n]; own {
					return // a statement of its own (a nested for-init)
				}
			}
			evs = nodeEvents(f, n, evs)
			for _, c := range n.children {
				walk(c, false)
			}
		}
		walk(cn.n, true)
		evs = rangeLoopDef(f, cn.n, evs)
		sort.SliceStable(evs, func(i, j int) bool { return evs[i].pos < evs[j].pos })
		out[cn.id] = evs
	}
	fl.evs, fl.hasEvs = out, true
	return out
}

// nodeEvents appends the events a single syntax node stands for.
func nodeEvents(f *function, n *node, evs []event) []event {
	t := f.file.t
	switch n.kind {
	case "call_expression":
		c := f.callAt[n]
		for _, k := range freedArgs(f, c) {
			if name := f.identName(c.arg(k)); name != "" {
				evs = append(evs, event{pos: n.end, kind: evFree, name: name, n: n})
			}
		}
	case "delete_expression":
		for _, c := range n.children {
			if name := f.identName(c); name != "" && c.named {
				evs = append(evs, event{pos: n.end, kind: evFree, name: name, n: n})
			}
		}
	case "identifier", "type_identifier":
		if n.kind == "type_identifier" && (n.parent == nil || n.parent.kind != "parameter_declaration") {
			return evs // a type, unless a vexing parse's "parameter": std::string s(p)
		}
		name := t.text(n)
		v := f.lookup(name)
		if v == nil || !(v.isPointer() || v.kind == tkUnknown || mayHoldPointer(v)) {
			return evs
		}
		if deref, use := derefContext(f, n); (deref || use) && !inSizeof(n) {
			// sizeof *o reads nothing: calloc(1, sizeof *o) is no use of o.
			if deref {
				evs = append(evs, event{pos: n.end, kind: evDeref, name: name, n: n})
			}
			evs = append(evs, event{pos: n.end, kind: evUse, name: name, n: n})
		}
		if chk := nullCheck(f, n); chk != nil {
			evs = append(evs, event{pos: chk.end, kind: evCheck, name: name, n: n})
		}
	case "assignment_expression", "init_declarator", "update_expression":
		for _, d := range defsAt(f, n) {
			e := event{pos: d.pos, kind: evDef, name: d.name, n: n}
			if len(d.srcs) == 1 {
				src := unparen(d.srcs[0])
				if k, ok := f.file.constValue(src, f); ok {
					e.val, e.hasVal = k, true
				}
				e.null = nullSourceOf(f, src)
				e.alias = f.identName(src)
			}
			evs = append(evs, e)
		}
	}
	// &p handed to a call may change p.
	if n.kind == "pointer_expression" && n.op0() == "&" {
		if name := f.identName(n.child("argument")); name != "" && n.ancestor("call_expression") != nil {
			evs = append(evs, event{pos: n.end, kind: evDef, name: name, n: n})
		}
	}
	return evs
}

// defsAt returns the whole-variable definitions made by a node.
func defsAt(f *function, n *node) []*defSite {
	fl := f.flow()
	m := fl.defsAt
	if m == nil {
		m = map[*node][]*defSite{}
		for _, d := range f.defs {
			if !d.whole {
				continue
			}
			key := d.n
			m[key] = append(m[key], d)
		}
		fl.defsAt = m
	}
	return m[n]
}

// nullSource says where a value that may be NULL comes from.
type nullSource uint8

const (
	notNull    nullSource = iota
	nullAlloc             // malloc, calloc, realloc, new (std::nothrow)
	nullGetenv            // getenv, secure_getenv: NULL when the variable is not set
)

// nullSourceOf tells whether an expression may be NULL because of where
// it comes from.
func nullSourceOf(f *function, e *node) nullSource {
	if isAllocation(f, e) {
		return nullAlloc
	}
	e = unparen(e)
	for e != nil && e.kind == "cast_expression" {
		e = unparen(e.child("value"))
	}
	if e == nil || e.kind != "call_expression" {
		return notNull
	}
	c := f.callAt[e]
	if c == nil {
		return notNull
	}
	switch c.name {
	case "getenv", "secure_getenv":
		return nullGetenv
	case "static_cast", "reinterpret_cast", "const_cast":
		return nullSourceOf(f, c.arg(0))
	}
	return notNull
}

// isAllocation reports whether an expression is a call of an allocator
// that returns NULL on failure (malloc, calloc, realloc; new (std::nothrow)).
func isAllocation(f *function, e *node) bool {
	e = unparen(e)
	if e == nil {
		return false
	}
	switch e.kind {
	case "call_expression":
		c := f.callAt[e]
		if c == nil {
			return false
		}
		if allocators[c.name] {
			return true
		}
		if c.name == "static_cast" || c.name == "reinterpret_cast" {
			return isAllocation(f, c.arg(0))
		}
	case "new_expression":
		if p := e.child("placement"); p != nil && strings.Contains(f.text(p), "nothrow") {
			return true
		}
	}
	return false
}

// derefContext tells how an identifier is used: dereferenced (p->f, *p,
// p[i], or passed to a function that reads through it), or only used
// (passed to any call).
func derefContext(f *function, id *node) (deref, use bool) {
	child := id
	p := id.parent
	for p != nil && (p.kind == "parenthesized_expression" || p.kind == "cast_expression") {
		child, p = p, p.parent
	}
	if p == nil {
		return false, false
	}
	if p.kind == "update_expression" {
		// *o++ = c, *++o: the pointer read through is o's.
		if q := unparenParent(p); q != nil && q.kind == "pointer_expression" && q.op0() == "*" {
			return true, true
		}
	}
	switch p.kind {
	case "field_expression":
		if child.field == "argument" && f.text(p.child("operator")) == "->" {
			return true, true
		}
	case "pointer_expression":
		if p.op0() == "*" {
			return true, true
		}
	case "subscript_expression":
		if child.field == "argument" {
			return true, true
		}
	case "binary_expression":
		// std::cout << p: a pointer inserted into a stream is handed to
		// operator<<, a use (its overload for char * tests for null).
		if child.field == "right" && f.text(p.child("operator")) == "<<" {
			return false, true
		}
	case "init_declarator", "initializer_list", "parameter_declaration", "assignment_expression":
		// std::string s = p, s{p}, s(p) (a vexing parse), s = p: the
		// string's constructor or assignment reads through p.
		if buildsString(f, child, p) {
			return true, true
		}
	case "argument_list":
		call := p.parent
		if call == nil || call.kind != "call_expression" {
			return false, false
		}
		c := f.callAt[call]
		if c == nil {
			return false, false
		}
		if freeFuncs[c.name] {
			return false, false // the free event covers it
		}
		if isStringClass(c.name) && c.recv == nil {
			return true, true // std::string(p)
		}
		idx := -1
		for i, a := range c.args {
			if a == child {
				idx = i
			}
		}
		if idx < 0 {
			return false, false
		}
		if list, ok := derefFuncs[c.name]; ok {
			for _, k := range list {
				if k == idx || k == -1 && idx >= formatIndex(c.name)+1 {
					return true, true
				}
			}
			return false, true
		}
		if callee, ok := f.file.defined[c.name]; ok {
			return false, derefsParam(callee, idx)
		}
		return false, true
	}
	return false, false
}

// buildsString reports whether child, under p, is the value a C++ string
// is constructed or assigned from.
func buildsString(f *function, child, p *node) bool {
	switch p.kind {
	case "init_declarator":
		return child.field == "value" && isStringClass(declaredType(f, p.parent))
	case "initializer_list":
		if d := p.parent; d != nil && d.kind == "init_declarator" && p.field == "value" {
			return isStringClass(declaredType(f, d.parent))
		}
	case "parameter_declaration":
		// std::string s(p): parameter_declaration < parameter_list <
		// function_declarator < declaration, inside a function body.
		if pl := p.parent; pl != nil && pl.parent != nil && pl.parent.kind == "function_declarator" {
			d := pl.parent.parent
			return d != nil && d.kind == "declaration" && d.ancestor("compound_statement") != nil && isStringClass(declaredType(f, d))
		}
	case "assignment_expression":
		if child.field != "right" {
			return false
		}
		if op := f.text(p.child("operator")); op != "=" && op != "+=" {
			return false
		}
		v := f.lookup(f.identName(p.child("left")))
		return v != nil && v.ptr == 0 && isStringClass(v.typ)
	}
	return false
}

// declaredType is the type of a declaration as written, without
// qualifiers: "std::string".
func declaredType(f *function, decl *node) string {
	if decl == nil || decl.kind != "declaration" {
		return ""
	}
	return f.text(decl.child("type"))
}

// isStringClass reports whether a type (or a constructor's name) is the
// C++ string class.
func isStringClass(typ string) bool {
	switch squeeze(typ) {
	case "std::string", "string", "std::wstring", "wstring", "std::basic_string<char>":
		return true
	}
	return false
}

func formatIndex(name string) int {
	switch name {
	case "printf", "vprintf":
		return 0
	case "fprintf", "dprintf", "sprintf", "vsprintf":
		return 1
	case "snprintf", "vsnprintf":
		return 2
	}
	return 0
}

// derefsParam reports whether a function dereferences its i-th
// parameter.
func derefsParam(f *function, i int) bool {
	if i >= len(f.params) || f.params[i].name == "" {
		return true
	}
	name := f.params[i].name
	for _, id := range f.byKind["identifier"] {
		if f.text(id) == name {
			if deref, _ := derefContext(f, id); deref {
				return true
			}
		}
	}
	return false
}

// nullCheck returns the expression that tests an identifier for NULL
// (!p, p == NULL, p != 0, p as a condition: if (p), p && ..., also
// through an assignment: if (!(p = malloc(n)))), or nil.
func nullCheck(f *function, id *node) *node {
	child := id
	p := id.parent
	for p != nil && (p.kind == "parenthesized_expression" || p.kind == "cast_expression" ||
		p.kind == "assignment_expression" && child.field == "left" && f.text(p.child("operator")) == "=") {
		child, p = p, p.parent
	}
	if p == nil {
		return nil
	}
	switch p.kind {
	case "unary_expression":
		if f.text(p.child("operator")) == "!" {
			return p
		}
	case "binary_expression":
		switch f.text(p.child("operator")) {
		case "&&", "||":
			return child
		case "==", "!=":
			other := p.child("left")
			if child == other {
				other = p.child("right")
			}
			s := squeeze(f.text(other))
			if s == "NULL" || s == "0" || s == "nullptr" || s == "(void*)0" {
				return p
			}
		}
	case "if_statement", "while_statement", "do_statement", "for_statement", "conditional_expression", "condition_clause":
		if child.field == "condition" || child.field == "value" {
			return child
		}
	case "argument_list":
		if call := p.parent; call != nil {
			name, _ := callName(f.file.t, call.child("function"))
			if name == "assert" {
				return call
			}
		}
	}
	return nil
}

// pathState is what a walk along a path knows: variables holding
// constants after the start.
type pathState map[string]int64

func (s pathState) key() string {
	if len(s) == 0 {
		return ""
	}
	keys := make([]string, 0, len(s))
	for k, v := range s {
		keys = append(keys, k+"="+strconv.FormatInt(v, 10))
	}
	sort.Strings(keys)
	return strings.Join(keys, ",")
}

func (s pathState) with(name string, v int64, known bool) pathState {
	old, had := s[name]
	if known && had && old == v || !known && !had {
		return s
	}
	out := make(pathState, len(s)+1)
	for k, x := range s {
		out[k] = x
	}
	if known {
		out[name] = v
	} else {
		delete(out, name)
	}
	return out
}

// evalCond evaluates a condition under what a path knows.
func (fl *flowFacts) evalCond(e *node, st pathState) (int64, bool) {
	f := fl.f
	e = unparen(e)
	if e == nil {
		return 0, false
	}
	switch e.kind {
	case "identifier":
		if v, ok := st[f.text(e)]; ok {
			return v, true
		}
		return f.file.constValue(e, f)
	case "number_literal", "char_literal", "true", "false", "null":
		return f.file.constValue(e, f)
	case "unary_expression":
		v, ok := fl.evalCond(e.child("argument"), st)
		if !ok {
			return 0, false
		}
		switch f.text(e.child("operator")) {
		case "!":
			return b2i(v == 0), true
		case "-":
			return -v, true
		}
		return 0, false
	case "binary_expression":
		op := f.text(e.child("operator"))
		l, lok := fl.evalCond(e.child("left"), st)
		if op == "&&" && lok && l == 0 {
			return 0, true
		}
		if op == "||" && lok && l != 0 {
			return 1, true
		}
		r, rok := fl.evalCond(e.child("right"), st)
		if op == "&&" && rok && r == 0 {
			return 0, true
		}
		if op == "||" && rok && r != 0 {
			return 1, true
		}
		if !lok || !rok {
			return 0, false
		}
		return binop(op, l, r)
	}
	return 0, false
}

// learn returns what a path knows after taking a branch of a condition.
func (fl *flowFacts) learn(e *node, truth bool, st pathState) pathState {
	f := fl.f
	for _, a := range f.guards().atoms(e, truth) {
		a.e = unparen(a.e)
		if a.e == nil {
			continue
		}
		switch a.e.kind {
		case "identifier":
			if !a.truth {
				st = st.with(f.text(a.e), 0, true)
			}
		case "binary_expression":
			op := f.text(a.e.child("operator"))
			if !a.truth {
				op = negateOp[op]
			}
			if op != "==" {
				continue
			}
			l, r := a.e.child("left"), a.e.child("right")
			if name := f.identName(l); name != "" {
				if k, ok := f.file.constValue(r, f); ok {
					st = st.with(name, k, true)
				}
			} else if name := f.identName(r); name != "" {
				if k, ok := f.file.constValue(l, f); ok {
					st = st.with(name, k, true)
				}
			}
		}
	}
	return st
}
