package rules

import (
	"sort"
	"strings"

	"securecomplete/analysis"
)

// The fact base: what the rules know about a file, computed once per
// file. fileFacts holds the file's own facts (macros, prototypes,
// globals, string literals, the evaluation of constant expressions) and
// its functions; each function carries its Syntax facts (type function,
// below) and builds the other kinds (Flow, Taint, Guards, Values; see
// pass.go) on first use.

// typeKind classifies a C or C++ type for the rules.
type typeKind uint8

const (
	tkUnknown typeKind = iota
	tkInt
	tkFloat
	tkString // std::string and friends
	tkOther  // structs, FILE, ...
)

// varInfo is one declared variable or parameter.
type varInfo struct {
	name      string
	typ       string // the type as written, without the declarator: "int", "char", "std::string"
	kind      typeKind
	unsigned  bool
	ptr       int     // pointer depth (a reference is not counted)
	dims      []int64 // array dimensions, outermost first; -1 when unknown
	sizeNodes []*node // the size expression of each dimension (nil for [])
	isParam   bool
	index     int // parameter index
	isGlobal  bool
	// container is set for C++ containers indexed like arrays
	// (std::vector, std::array, std::string...); fixedLen is
	// std::array's length.
	container bool
	fixedLen  int64
	lenText   string // std::array's length as written, resolved with the file's constants
	decl      *node  // the declarator
	init      *node  // the initial value, if any
	fn        *function
}

// isArray reports whether the variable is an array (a local or global
// one; array parameters are pointers).
func (v *varInfo) isArray() bool { return v != nil && len(v.dims) > 0 && !v.isParam }

// isPointer reports whether the variable holds a pointer (or is an array
// parameter).
func (v *varInfo) isPointer() bool {
	return v != nil && (v.ptr > 0 || (v.isParam && len(v.dims) > 0))
}

// callSite is one call.
type callSite struct {
	n    *node
	name string  // normalised: "strcpy", "system" for std::system, ".c_str" for a member call
	args []*node // the argument expressions
	recv *node   // the object of a member call
}

// arg returns the i-th argument, or nil.
func (c *callSite) arg(i int) *node {
	if c == nil || i < 0 || i >= len(c.args) {
		return nil
	}
	return c.args[i]
}

// defSite is a definition of a variable: an assignment, a declaration,
// or a write through a pointer passed to a call.
type defSite struct {
	name  string  // the variable written
	lhs   *node   // the written expression (nil for out-arguments)
	whole bool    // the variable itself is written, not an element or field
	op    string  // "=", "+=", "++", "--", "decl", "input", "copy", "addr"
	srcs  []*node // expressions whose value flows into the variable
	input string  // for op "input": what the data comes from
	n     *node   // the assignment, declarator or call
	pos   uint32  // where the write happens (end of n)
	call  *callSite
}

// function is one function of the file and its Syntax facts, gathered
// in one walk of its body when the file is read: its name, parameters
// and variables with their declared types (varInfo), its calls
// (callSite, also by node in callAt), its definitions (defSite: each
// assignment, declaration, update, and write through an out-argument of
// a known writer such as scanf, fgets, strcpy, sprintf, getline or
// std::cin >>), its nodes by kind and its loops. The other kinds of
// facts hang from it and are built on first use: flow(), taint(),
// guards(), values().
//
// Blind spots: names are not scoped (two variables of one name in two
// blocks are one variable); types are the declared text, without
// typedefs resolved beyond the integer and string names classifyType
// knows; a write through a pointer alias, a field or an element defines
// only the base variable named in the lvalue, and a write in a callee
// not known as a writer is seen only as &x passed to it.
type function struct {
	file   *fileFacts
	node   *node // function_definition (or a top-level ERROR node holding code)
	name   string
	body   *node
	params []*varInfo
	vars   map[string]*varInfo
	calls  []*callSite
	callAt map[*node]*callSite
	defs   []*defSite
	byKind map[string][]*node
	loops  []*node

	// The other kinds of facts, built on first use.
	fl *flowFacts
	ta *taintFacts
	gu *guardFacts
	va *valueFacts

	cache map[string]any // a rule's own per-function results, made on first use
}

// fileFacts is the fact base of a file.
type fileFacts struct {
	t       *syntaxTree
	lang    analysis.Lang
	path    string
	macros  map[string]string    // object-like #define NAME value
	protos  map[string]*varInfo  // functions declared without a body: their return type
	defined map[string]*function // functions with a body
	globals map[string]*varInfo
	funcs   []*function
	strs    []*node // every string literal
	cache   map[string]any
	// partialReads counts the taint runs read while they were still
	// being made, since the innermost run began (taint.go).
	partialReads int

	allowed    factSet         // the kinds the running rule may read (see need)
	collected  bool            // every function's Syntax facts are made
	outBusy    map[*node]bool  // arguments whose taint outParamSource is asking
	memberBusy map[string]bool // class members whose taint memberTaint is asking

	budget    int  // steps left for the costly analyses
	exhausted bool // the budget ran out: results may be incomplete
	lines     []uint32
}

// spend takes n steps from the file's budget, and reports whether the
// analysis may go on. The budget grows with the file, so that ordinary
// files never hit it and pathological ones (10 MB of one function) end
// in bounded time.
func (ff *fileFacts) spend(n int) bool {
	ff.budget -= n
	if ff.budget < 0 {
		ff.exhausted = true
		return false
	}
	return true
}

// position turns a byte offset into a 1-based line and byte column.
func (ff *fileFacts) position(off uint32) (int, int) {
	if ff.lines == nil {
		ff.lines = append(ff.lines, 0)
		for i, b := range ff.t.src {
			if b == '\n' {
				ff.lines = append(ff.lines, uint32(i+1))
			}
		}
	}
	i := sort.Search(len(ff.lines), func(i int) bool { return ff.lines[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, int(off-ff.lines[i]) + 1
}

// newFileFacts builds the fact base of a parsed file.
func newFileFacts(t *syntaxTree, lang analysis.Lang, path string) *fileFacts {
	ff := &fileFacts{
		t: t, lang: lang, path: path,
		macros:  map[string]string{},
		protos:  map[string]*varInfo{},
		defined: map[string]*function{},
		globals: map[string]*varInfo{},
		cache:   map[string]any{},
		budget:  2_000_000 + 200*t.count,
	}
	collectTop(ff, t.root, 0)
	collectMembers(ff) // places.go: fields of structs and classes
	// Collecting a function may find more (GNU C nested functions, a
	// program pasted inside main by a chat model): index, not range.
	for i := 0; i < len(ff.funcs); i++ {
		collect(ff.funcs[i])
	}
	ff.collected = true
	return ff
}

// collectTop finds functions, prototypes, globals and macros outside of
// function bodies.
func collectTop(ff *fileFacts, n *node, depth int) {
	for _, c := range n.children {
		switch c.kind {
		case "function_definition":
			addFunc(ff, c)
		case "preproc_def":
			name := ff.t.text(c.child("name"))
			val := strings.TrimSpace(ff.t.text(c.child("value")))
			if name != "" {
				ff.macros[name] = val
			}
		case "declaration", "field_declaration":
			if depth == 0 || n.kind != "field_declaration_list" {
				topDeclaration(ff, c)
			}
		case "string_literal", "raw_string_literal", "concatenated_string":
			ff.strs = append(ff.strs, c)
		case "ERROR":
			// Half-written code: a function whose end did not parse ends
			// up in an ERROR node with its header and statements. Its
			// statements still count, and whole functions inside it too.
			if hasStatements(c) {
				addFunc(ff, c)
			}
			collectTop(ff, c, depth+1)
		case "compound_statement":
			// A stray block at top level (a candidate pasted oddly).
			addFunc(ff, c)
		default:
			if len(c.children) > 0 {
				collectTop(ff, c, depth+1)
			}
		}
	}
}

// hasStatements reports whether an ERROR node holds statements, as the
// remains of a function body do.
func hasStatements(n *node) bool {
	for _, c := range n.children {
		switch c.kind {
		case "compound_statement", "expression_statement", "if_statement", "for_statement",
			"while_statement", "return_statement", "do_statement", "switch_statement":
			return true
		}
	}
	return false
}

func topDeclaration(ff *fileFacts, d *node) {
	typ := d.child("type")
	for _, c := range d.children {
		if c.field != "declarator" {
			continue
		}
		if fd := funcDeclarator(c); fd != nil {
			name := declName(ff.t, fd.child("declarator"))
			if name != "" {
				v := declVar(ff.t, typ, c)
				v.name = name
				ff.protos[name] = v
			}
			continue
		}
		v := declVar(ff.t, typ, c)
		if v.name == "" {
			continue
		}
		v.isGlobal = true
		ff.globals[v.name] = v
		resolveDims(ff, v)
	}
	for _, c := range d.children {
		if c.kind == "string_literal" || c.kind == "init_declarator" {
			c.walk(func(m *node) bool {
				if m.kind == "string_literal" {
					ff.strs = append(ff.strs, m)
					return false
				}
				return true
			})
		}
	}
}

// funcDeclarator returns the function_declarator of a declarator that
// declares a function (int f(int), char *g(void)), or nil.
func funcDeclarator(d *node) *node {
	for d != nil {
		switch d.kind {
		case "function_declarator":
			return d
		case "pointer_declarator", "reference_declarator", "parenthesized_declarator":
			next := d.child("declarator")
			if next == nil && d.kind == "reference_declarator" {
				next = d.firstNamed() // the grammar gives T &f() no field
			}
			if d = next; d == nil {
				return nil
			}
		default:
			return nil
		}
	}
	return nil
}

func addFunc(ff *fileFacts, n *node) {
	f := &function{file: ff, node: n, vars: map[string]*varInfo{}, byKind: map[string][]*node{},
		callAt: map[*node]*callSite{}}
	var fd, d *node
	if n.kind == "function_definition" {
		f.body = n.child("body")
		d = n.child("declarator")
		fd = funcDeclarator(d)
	} else {
		f.body = n
		// The header of a function cut short: int main(int argc, char
		// *argv[]) { ... with no end.
		for _, c := range n.children {
			if c.kind == "function_declarator" {
				fd = c
				break
			}
			if isStatement(c) {
				break
			}
		}
	}
	{
		if fd != nil {
			f.name = declName(ff.t, fd.child("declarator"))
			if ps := fd.child("parameters"); ps != nil {
				for _, p := range ps.children {
					if p.kind != "parameter_declaration" && p.kind != "optional_parameter_declaration" {
						continue
					}
					v := declVar(ff.t, p.child("type"), p.child("declarator"))
					v.isParam = true
					v.index = len(f.params)
					v.fn = f
					f.params = append(f.params, v)
					if v.name != "" {
						f.vars[v.name] = v
					}
				}
			}
		}
		if f.name != "" && n.kind == "function_definition" {
			ff.defined[f.name] = f
			if ret := declVar(ff.t, n.child("type"), d); ret != nil {
				ret.name = f.name
				if _, ok := ff.protos[f.name]; !ok {
					ff.protos[f.name] = ret
				}
			}
		}
	}
	if f.body == nil {
		return
	}
	ff.funcs = append(ff.funcs, f)
}

// declName returns the name a declarator declares.
func declName(t *syntaxTree, d *node) string {
	for d != nil {
		switch d.kind {
		case "identifier", "field_identifier", "type_identifier":
			return t.text(d)
		case "qualified_identifier":
			if nm := d.child("name"); nm != nil {
				return declName(t, nm)
			}
			return t.text(d)
		case "destructor_name", "operator_name", "template_function":
			return t.text(d)
		}
		next := d.child("declarator")
		if next == nil {
			next = d.firstNamed()
		}
		if next == d {
			return ""
		}
		d = next
	}
	return ""
}

// declVar reads a variable from its type and declarator.
func declVar(t *syntaxTree, typ, d *node) *varInfo {
	v := &varInfo{decl: d}
	if typ != nil {
		v.typ = strings.Join(strings.Fields(t.text(typ)), " ")
		// const and constexpr are siblings of the type in the grammar:
		// const char *s, constexpr int N = 4.
		if typ.parent != nil && !strings.HasPrefix(v.typ, "const ") {
			for _, q := range typ.parent.children {
				if q.kind == "type_qualifier" {
					if w := t.text(q); w == "const" || w == "constexpr" {
						v.typ = "const " + v.typ
						break
					}
				}
			}
		}
	}
	// Qualifiers before the type are siblings in the grammar: "unsigned
	// int" is a sized_type_specifier, "const char" a type_qualifier +
	// primitive type. The type text is enough for the rules.
	v.kind, v.unsigned = classifyType(v.typ)
	base := strings.TrimPrefix(strings.TrimPrefix(v.typ, "const "), "std::")
	for _, c := range []string{"vector<", "array<", "deque<", "span<", "basic_string<"} {
		if strings.HasPrefix(base, c) {
			v.container = true
		}
	}
	if base == "string" || base == "wstring" {
		v.container = true
	}
	if strings.HasPrefix(base, "array<") && strings.HasSuffix(base, ">") {
		if i := strings.LastIndex(base, ","); i > 0 {
			v.lenText = strings.TrimSpace(base[i+1 : len(base)-1])
			if n, ok := parseInt(v.lenText); ok {
				v.fixedLen = n
			}
		}
	}
	for d != nil {
		switch d.kind {
		case "init_declarator":
			v.init = d.child("value")
			d = d.child("declarator")
			continue
		case "pointer_declarator":
			v.ptr++
		case "array_declarator":
			size := int64(-1)
			if s := d.child("size"); s != nil {
				size = -2 // resolved later against macros: mark with the node
				v.dims = append(v.dims, size)
				v.sizeNodes = append(v.sizeNodes, s)
				d = d.child("declarator")
				continue
			}
			v.dims = append(v.dims, size)
			v.sizeNodes = append(v.sizeNodes, nil)
		case "reference_declarator", "parenthesized_declarator", "attributed_declarator":
		case "identifier", "field_identifier":
			v.name = t.text(d)
			v.reverseDims()
			return v
		case "qualified_identifier":
			v.name = declName(t, d)
			v.reverseDims()
			return v
		case "function_declarator":
			v.name = declName(t, d.child("declarator"))
			return v
		default:
			v.reverseDims()
			return v
		}
		next := d.child("declarator")
		if next == nil {
			next = d.firstNamed()
		}
		d = next
	}
	v.reverseDims()
	return v
}

// reverseDims puts the dimensions in the order C writes them: a[2][3]
// parses as array_declarator(array_declarator(a, 2), 3), read outside in.
func (v *varInfo) reverseDims() {
	for i, j := 0, len(v.dims)-1; i < j; i, j = i+1, j-1 {
		v.dims[i], v.dims[j] = v.dims[j], v.dims[i]
		v.sizeNodes[i], v.sizeNodes[j] = v.sizeNodes[j], v.sizeNodes[i]
	}
}

// classifyType tells integers, floating types and strings apart.
func classifyType(typ string) (typeKind, bool) {
	// Drop the qualifiers, word by word ("signed " is inside "unsigned ").
	words := strings.Fields(typ)
	kept := words[:0]
	for _, w := range words {
		switch w {
		case "constexpr", "const", "volatile", "static", "register", "extern", "struct", "signed", "inline", "thread_local", "mutable":
			continue
		}
		kept = append(kept, w)
	}
	t := strings.Join(kept, " ")
	if strings.HasPrefix(t, "std::") && !strings.Contains(t, "string") {
		t = strings.TrimPrefix(t, "std::") // std::uint32_t is uint32_t
	}
	unsigned := strings.Contains(t, "unsigned") || strings.HasPrefix(t, "size_t") ||
		strings.HasPrefix(t, "uint") || strings.HasPrefix(t, "u_")
	t = strings.TrimSpace(strings.ReplaceAll(t, "unsigned", ""))
	switch t {
	case "", "int", "long", "short", "char", "long long", "long int", "short int", "long long int",
		"size_t", "ssize_t", "int8_t", "int16_t", "int32_t", "int64_t", "uint8_t", "uint16_t",
		"uint32_t", "uint64_t", "off_t", "ptrdiff_t", "intptr_t", "uintptr_t", "wchar_t",
		"std::size_t", "bool", "_Bool", "time_t", "pid_t", "uid_t", "gid_t", "mode_t", "u_int", "u_char",
		"uint", "BYTE", "DWORD", "WORD":
		if t == "" && !unsigned {
			return tkUnknown, false
		}
		return tkInt, unsigned
	case "float", "double", "long double":
		return tkFloat, false
	case "std::string", "string", "std::wstring", "wstring", "std::string_view", "string_view":
		return tkString, false
	}
	if strings.HasPrefix(t, "std::basic_string") {
		return tkString, false
	}
	return tkOther, unsigned
}

// resolveDims turns array sizes into numbers where the size is constant.
func resolveDims(ff *fileFacts, v *varInfo) {
	if v.fixedLen == 0 && v.lenText != "" {
		if n, ok := textValue(ff, v.lenText, v.fn, 0); ok && n > 0 {
			v.fixedLen = n
		}
	}
	for i, s := range v.sizeNodes {
		if s == nil {
			if i == 0 && v.init != nil {
				v.dims[i] = initLen(ff.t, v.init)
			}
			continue
		}
		if n, ok := ff.constValue(s, nil); ok && n >= 0 {
			v.dims[i] = n
		} else {
			v.dims[i] = -1
		}
	}
}

// initLen is the element count of an initializer ({1, 2, 3}, "abc").
func initLen(t *syntaxTree, init *node) int64 {
	switch init.kind {
	case "initializer_list":
		n := int64(0)
		for _, c := range init.children {
			if c.named && c.kind != "comment" {
				n++
			}
		}
		return n
	case "string_literal":
		s, ok := stringValue(t, init)
		if ok {
			return int64(len(s)) + 1
		}
	}
	return -1
}

// collect walks the function body once and fills the fact base.
func collect(f *function) {
	t := f.file.t
	var walk func(n *node)
	walk = func(n *node) {
		if n.kind == "function_definition" && n != f.node {
			addFunc(f.file, n) // a function of its own
			return
		}
		if n.named {
			f.byKind[n.kind] = append(f.byKind[n.kind], n)
		}
		switch n.kind {
		case "declaration", "condition_declaration":
			declaration(f, n)
		case "for_range_loop":
			v := declVar(t, n.child("type"), n.child("declarator"))
			if v.name != "" {
				v.fn = f
				f.vars[v.name] = v
				f.defs = append(f.defs, &defSite{name: v.name, whole: true, op: "=", srcs: []*node{n.child("right")}, n: n, pos: n.child("right").endOr(n)})
			}
			f.loops = append(f.loops, n)
		case "while_statement", "for_statement", "do_statement":
			f.loops = append(f.loops, n)
		case "assignment_expression":
			lhs := n.child("left")
			op := t.text(n.child("operator"))
			name, whole := baseVar(t, lhs)
			if name != "" {
				srcs := []*node{n.child("right")}
				f.defs = append(f.defs, &defSite{name: name, lhs: lhs, whole: whole, op: op, srcs: srcs, n: n, pos: n.end})
			}
		case "update_expression":
			arg := n.child("argument")
			name, whole := baseVar(t, arg)
			if name != "" {
				f.defs = append(f.defs, &defSite{name: name, lhs: arg, whole: whole, op: t.text(n.child("operator")), n: n, pos: n.end})
			}
		case "call_expression":
			c := newCall(f, n)
			f.calls = append(f.calls, c)
			f.callAt[n] = c
			callDefs(f, c)
		case "binary_expression":
			streamDefs(f, n)
		case "string_literal":
			f.file.strs = append(f.file.strs, n)
			return
		}
		for _, c := range n.children {
			walk(c)
		}
	}
	walk(f.body)
	for _, v := range f.vars {
		resolveDims(f.file, v)
	}
}

func (n *node) endOr(def *node) uint32 {
	if n == nil {
		return def.end
	}
	return n.end
}

func declaration(f *function, d *node) {
	t := f.file.t
	typ := d.child("type")
	for _, c := range d.children {
		if c.field != "declarator" && c.field != "value" {
			continue
		}
		if c.field == "value" { // condition_declaration: T x = v
			continue
		}
		if fd := funcDeclarator(c); fd != nil && vexingParse(f, fd) {
			// std::string user(argv[1]); parses as a function declaration
			// whose "parameter types" are variables: it is a variable
			// built from them.
			v := declVar(t, typ, fd.child("declarator"))
			if v.name == "" {
				continue
			}
			v.fn = f
			v.init = fd.child("parameters")
			f.vars[v.name] = v
			f.defs = append(f.defs, &defSite{name: v.name, whole: true, op: "=", srcs: v.init.namedChildren(), n: c, pos: c.end})
			continue
		}
		if funcDeclarator(c) != nil {
			if name := declName(t, funcDeclarator(c).child("declarator")); name != "" {
				v := declVar(t, typ, c)
				v.name = name
				if _, ok := f.file.protos[name]; !ok {
					f.file.protos[name] = v
				}
			}
			continue
		}
		v := declVar(t, typ, c)
		if v.name == "" {
			continue
		}
		v.fn = f
		f.vars[v.name] = v
		ds := &defSite{name: v.name, whole: true, op: "decl", n: c, pos: c.end}
		if v.init != nil {
			ds.op = "="
			if v.init.kind == "argument_list" || v.init.kind == "initializer_list" {
				// T x(args) / T x{args}: a constructor call.
				ds.srcs = v.init.namedChildren()
			} else {
				ds.srcs = []*node{v.init}
			}
		}
		f.defs = append(f.defs, ds)
	}
}

// vexingParse reports whether a local "function declaration" is really a
// variable constructed from other variables: each parameter's type is
// the name of a variable in scope.
func vexingParse(f *function, fd *node) bool {
	ps := fd.child("parameters")
	if ps == nil {
		return false
	}
	params := ps.namedChildren()
	if len(params) == 0 {
		return false
	}
	for _, p := range params {
		if p.kind != "parameter_declaration" {
			return false
		}
		ty := p.child("type")
		if ty == nil || ty.kind != "type_identifier" || f.lookup(f.text(ty)) == nil {
			return false
		}
	}
	return true
}

// baseVar returns the variable an lvalue expression writes, and whether
// the expression is the variable itself.
func baseVar(t *syntaxTree, e *node) (string, bool) {
	whole := true
	for e != nil {
		switch e.kind {
		case "identifier":
			return t.text(e), whole
		case "parenthesized_expression":
			e = e.firstNamed()
		case "cast_expression":
			e = e.child("value")
		case "subscript_expression", "field_expression", "pointer_expression":
			whole = false
			e = e.child("argument")
		case "qualified_identifier":
			return t.text(e), whole
		default:
			return "", false
		}
	}
	return "", false
}

// callName normalises the callee of a call.
func callName(t *syntaxTree, fn *node) (string, *node) {
	fn = unparenOnly(fn)
	if fn == nil {
		return "", nil
	}
	switch fn.kind {
	case "identifier":
		return t.text(fn), nil
	case "qualified_identifier", "scoped_identifier":
		s := t.text(fn)
		s = strings.TrimPrefix(s, "::")
		s = strings.TrimPrefix(s, "std::")
		if i := strings.Index(s, "<"); i > 0 {
			s = s[:i]
		}
		return strings.Join(strings.Fields(s), ""), nil
	case "template_function":
		return callName(t, fn.child("name"))
	case "field_expression":
		return "." + t.text(fn.child("field")), fn.child("argument")
	}
	return "", nil
}

func unparenOnly(n *node) *node {
	for n != nil && n.kind == "parenthesized_expression" {
		n = n.firstNamed()
	}
	return n
}

func newCall(f *function, n *node) *callSite {
	name, recv := callName(f.file.t, n.child("function"))
	c := &callSite{n: n, name: name, recv: recv}
	if al := n.child("arguments"); al != nil {
		c.args = al.namedChildren()
	}
	return c
}

// addrOf strips a leading & from an argument: scanf("%d", &x) writes x.
func addrOf(n *node) (*node, bool) {
	n = unparenOnly(n)
	if n != nil && n.kind == "pointer_expression" && n.op0() == "&" {
		return n.child("argument"), true
	}
	return n, false
}

// callDefs records what a call writes into variables.
func callDefs(f *function, c *callSite) {
	t := f.file.t
	add := func(arg *node, op string, srcs []*node, input string) {
		a, _ := addrOf(arg)
		name, _ := baseVar(t, offsetBase(f, a))
		if name == "" {
			return
		}
		f.defs = append(f.defs, &defSite{name: name, op: op, srcs: srcs, input: input, n: c.n, pos: c.n.end, call: c})
	}
	if streamRead(f, c) {
		// std::cin.read(&body[0], n), in.getline(buf, sizeof buf): the
		// buffer holds what the stream held.
		if stringStream(f, c.recv) {
			add(c.args[0], "copy", []*node{c.recv}, "")
		} else {
			add(c.args[0], "input", nil, "std::istream::"+strings.TrimPrefix(c.name, "."))
		}
		return
	}
	if w, ok := inputWriters[c.name]; ok {
		// C++ getline(std::cin, s) writes its second argument.
		if c.name == "getline" && f.file.lang == analysis.CPP && len(c.args) >= 2 && len(c.args) <= 3 && !isAddr(c.args[0]) {
			if stringStream(f, c.args[0]) {
				// getline(ss, part, '&') over a std::istringstream of a
				// string: the part holds what the string held.
				add(c.args[1], "copy", []*node{c.args[0]}, "")
				return
			}
			add(c.args[1], "input", nil, "std::getline")
			return
		}
		what := w.what
		// Say where a stream read comes from: "fgets from request".
		streamArg := map[string]int{"fgets": 2, "fread": 3, "fscanf": 0, "read": 0, "recv": 0, "getline": 2, "getdelim": 3}[w.what]
		if name := f.identName(c.arg(streamArg)); name != "" && name != "stdin" {
			what += " from " + name
		}
		for i := w.first; i < len(c.args); i++ {
			add(c.args[i], "input", nil, what)
			if !w.rest {
				break
			}
		}
		return
	}
	if c.name == "sscanf" || c.name == "vsscanf" || c.name == "swscanf" {
		counts := scanfCounts(t, c.arg(1))
		for i := 2; i < len(c.args); i++ {
			if counts[i-2] {
				// %n stores how many characters were read: a count
				// within the string, not its data.
				add(c.args[i], "=", nil, "")
				continue
			}
			add(c.args[i], "copy", []*node{c.arg(0)}, "")
		}
		return
	}
	if c.name == "realpath" && len(c.args) >= 2 {
		add(c.args[1], "copy", []*node{c.args[0]}, "")
		return
	}
	if c.name == "bcopy" && len(c.args) >= 2 {
		add(c.args[1], "copy", []*node{c.args[0]}, "")
		return
	}
	if w, ok := writerPropagators[c.name]; ok && len(c.args) > w.dst {
		var srcs []*node
		for i := w.from; i < len(c.args); i++ {
			srcs = append(srcs, c.args[i])
		}
		if c.name == "strcat" || c.name == "strncat" || c.name == "strlcat" || c.name == "wcscat" {
			srcs = append(srcs, c.args[0])
		}
		add(c.args[w.dst], "copy", srcs, "")
		return
	}
	if c.recv != nil && stringAppenders[c.name] {
		if name, _ := baseVar(t, c.recv); name != "" {
			f.defs = append(f.defs, &defSite{name: name, op: "copy", srcs: append([]*node{c.recv}, c.args...), n: c.n, pos: c.n.end, call: c})
		}
		return
	}
	// Any &x passed to a call may write x.
	for _, a := range c.args {
		if inner, ok := addrOf(a); ok {
			if name, whole := baseVar(t, inner); name != "" && whole {
				f.defs = append(f.defs, &defSite{name: name, op: "addr", n: c.n, pos: c.n.end, call: c})
			}
		}
	}
}

// offsetBase returns the named buffer of an address inside it (buf +
// got, got + buf, buf - k): a write there writes the buffer. Other
// expressions are returned as they are.
func offsetBase(f *function, e *node) *node {
	u := unparen(e)
	if u == nil || u.kind != "binary_expression" {
		return e
	}
	op := f.text(u.child("operator"))
	if op != "+" && op != "-" {
		return e
	}
	sides := []*node{u.child("left")}
	if op == "+" {
		sides = append(sides, u.child("right"))
	}
	for _, side := range sides {
		// A named buffer only: a member's (sb->buf + sb->len) would
		// define the whole struct from the data.
		if name := f.identName(side); name != "" {
			if v := f.lookup(name); v != nil && (v.isPointer() || v.isArray()) {
				return side
			}
		}
	}
	return e
}

// scanfCounts reads a scanf format literal and says which of the
// arguments after it (0 for the first) receive a %n count; nil when the
// format is not a literal.
func scanfCounts(t *syntaxTree, format *node) map[int]bool {
	s, ok := stringValue(t, unparenOnly(format))
	if !ok {
		return nil
	}
	out := map[int]bool{}
	arg := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		i++
		if i < len(s) && s[i] == '%' {
			continue
		}
		suppressed := i < len(s) && s[i] == '*'
		for i < len(s) && strings.IndexByte("*0123456789hljztLqm", s[i]) >= 0 {
			i++
		}
		if i >= len(s) {
			break
		}
		if s[i] == '[' {
			i++
			if i < len(s) && s[i] == '^' {
				i++
			}
			if i < len(s) && s[i] == ']' {
				i++
			}
			for i < len(s) && s[i] != ']' {
				i++
			}
		}
		if suppressed {
			continue
		}
		if s[i] == 'n' {
			out[arg] = true
		}
		arg++
	}
	return out
}

func isAddr(n *node) bool {
	_, ok := addrOf(n)
	return ok
}

// streamDefs records C++ stream extraction (std::cin >> x) and insertion
// into a string stream (ss << x).
func streamDefs(f *function, n *node) {
	t := f.file.t
	if n.parent != nil && n.parent.kind == "binary_expression" {
		return // handled from the outermost expression of the chain
	}
	op := t.text(n.child("operator"))
	if op != ">>" && op != "<<" {
		return
	}
	// Flatten the left-nested chain a >> b >> c.
	var operands []*node
	cur := n
	for cur.kind == "binary_expression" && t.text(cur.child("operator")) == op {
		operands = append(operands, cur.child("right"))
		cur = unparenOnly(cur.child("left"))
		if cur == nil {
			return
		}
	}
	stream := strings.TrimPrefix(t.text(cur), "std::")
	if op == ">>" {
		if stream != "cin" && stream != "wcin" && !isInputStream(f, stream) {
			return
		}
		for _, o := range operands {
			name, _ := baseVar(t, o)
			if name == "" {
				continue
			}
			if stringStream(f, cur) {
				f.defs = append(f.defs, &defSite{name: name, op: "copy", srcs: []*node{cur}, n: n, pos: o.end})
				continue
			}
			f.defs = append(f.defs, &defSite{name: name, op: "input", input: "std::cin", n: n, pos: o.end})
		}
		return
	}
	if stream == "cout" || stream == "cerr" || stream == "clog" || stream == "wcout" {
		return
	}
	name, _ := baseVar(t, cur)
	if name == "" {
		return
	}
	v := f.lookup(name)
	if v == nil || !(strings.Contains(v.typ, "stream") || v.kind == tkString) {
		return
	}
	f.defs = append(f.defs, &defSite{name: name, op: "copy", srcs: operands, n: n, pos: n.end})
}

// streamRead reports a member call that reads from an input stream into
// a buffer: read, readsome, getline and get with a buffer and a count.
func streamRead(f *function, c *callSite) bool {
	switch c.name {
	case ".read", ".readsome", ".getline", ".get":
	default:
		return false
	}
	if c.recv == nil || len(c.args) < 2 {
		return false
	}
	name := strings.TrimPrefix(f.text(c.recv), "std::")
	if name == "cin" || name == "wcin" {
		return true
	}
	v := f.placeVar(c.recv)
	return v != nil && (inputStreamType(v.typ) || strings.Contains(v.typ, "fstream"))
}

// stringStream reports a std::istringstream or std::stringstream
// variable: what is read from it is what its string held, not input.
func stringStream(f *function, e *node) bool {
	v := f.lookup(f.identName(e))
	return v != nil && strings.Contains(v.typ, "stringstream")
}

func isInputStream(f *function, name string) bool {
	v := f.lookup(name)
	if v == nil {
		// in_ >> tok in a method, with std::istream &in_ a member.
		if rec := f.classOf(); rec != nil {
			v = rec.fields[name]
		}
	}
	return v != nil && inputStreamType(v.typ)
}

// inputStreamType reports a declared type that is an input stream:
// std::istream, std::ifstream, a string stream.
func inputStreamType(typ string) bool {
	return strings.Contains(typ, "istream") || strings.Contains(typ, "ifstream") || strings.Contains(typ, "stringstream")
}

// lookup finds a variable by name: a local or parameter, else a global.
func (f *function) lookup(name string) *varInfo {
	if v, ok := f.vars[name]; ok {
		return v
	}
	if v, ok := f.file.globals[name]; ok {
		return v
	}
	return nil
}

// isMain reports whether the function is the program's entry point.
func (f *function) isMain() bool { return f.name == "main" || f.name == "wmain" }

// argvName returns the name of main's argument vector, or "".
func (f *function) argvName() string {
	if f.isMain() && len(f.params) >= 2 {
		return f.params[1].name
	}
	return ""
}

// inLoop returns the innermost loop containing n, or nil.
func (f *function) inLoop(n *node) *node {
	for p := n.parent; p != nil && p != f.body.parent; p = p.parent {
		switch p.kind {
		case "while_statement", "for_statement", "do_statement", "for_range_loop":
			return p
		}
	}
	return nil
}

// text is a shortcut for the source of a node.
func (f *function) text(n *node) string { return f.file.t.text(n) }

// identName returns the name of an identifier expression (after
// parentheses and casts), or "".
func (f *function) identName(n *node) string {
	n = unparen(n)
	if n != nil && n.kind == "identifier" {
		return f.text(n)
	}
	return ""
}

// exprKind infers the type class of an expression.
func (f *function) exprKind(n *node) typeKind {
	n = unparenOnly(n)
	if n == nil {
		return tkUnknown
	}
	t := f.file.t
	switch n.kind {
	case "number_literal":
		s := strings.ToLower(t.text(n))
		if !strings.HasPrefix(s, "0x") && (strings.ContainsAny(s, ".e") || strings.HasSuffix(s, "f")) {
			return tkFloat
		}
		return tkInt
	case "char_literal", "true", "false", "sizeof_expression":
		return tkInt
	case "string_literal", "concatenated_string":
		return tkOther
	case "identifier":
		v := f.lookup(t.text(n))
		if v == nil {
			v = f.memberOf(n) // a data member named in a method: counts_
		}
		if v != nil {
			if v.ptr > 0 || len(v.dims) > 0 {
				return tkOther
			}
			return v.kind
		}
		return tkUnknown
	case "cast_expression":
		k, _ := classifyType(t.text(n.child("type")))
		if strings.Contains(t.text(n.child("type")), "*") {
			return tkOther
		}
		return k
	case "subscript_expression":
		if name, _ := baseVar(t, n); name != "" {
			if v := f.lookup(name); v != nil && v.ptr+len(v.dims) == 1 {
				return v.kind
			}
		}
		return tkUnknown
	case "field_expression":
		return tkUnknown
	case "pointer_expression":
		if n.op0() == "*" {
			if v := f.lookup(f.identName(n.child("argument"))); v != nil && v.ptr == 1 {
				return v.kind
			}
		}
		return tkOther
	case "call_expression":
		fn := unparenOnly(n.child("function"))
		if fn != nil && fn.kind == "template_function" {
			// static_cast<float>(x) has the type it names.
			if args := fn.child("arguments"); args != nil {
				if td := args.firstNamed(); td != nil {
					if strings.Contains(t.text(td), "*") {
						return tkOther
					}
					if k, _ := classifyType(t.text(td)); k != tkUnknown {
						return k
					}
				}
			}
		}
		name, _ := callName(t, n.child("function"))
		switch name {
		case "float", "double":
			return tkFloat
		case "int", "long", "short", "unsigned", "size_t":
			return tkInt
		case "atoi", "atol", "atoll", "strtol", "strtoul", "strtoll", "strtoull", "rand", "random",
			"stoi", "stol", "stoll", "stoul", "stoull", "strlen", "abs", "labs", "getchar", "fgetc", "getc",
			"lrand48", "mrand48", "rand_r", "time":
			return tkInt
		case "atof", "strtod", "strtof", "stof", "stod", "sqrt", "pow", "fabs", "floor", "ceil", "drand48":
			return tkFloat
		case "to_string":
			return tkString
		}
		if isStringClass(name) {
			return tkString // std::string(p)
		}
		if p, ok := f.file.protos[name]; ok {
			if p.ptr > 0 {
				return tkOther
			}
			return p.kind
		}
		return tkUnknown
	case "binary_expression":
		op := t.text(n.child("operator"))
		switch op {
		case "==", "!=", "<", ">", "<=", ">=", "&&", "||":
			return tkInt
		}
		l, r := f.exprKind(n.child("left")), f.exprKind(n.child("right"))
		if l == tkFloat || r == tkFloat {
			return tkFloat
		}
		if l == tkString || r == tkString {
			return tkString
		}
		if l == tkInt && (r == tkInt || r == tkUnknown) || r == tkInt && l == tkUnknown {
			return tkInt
		}
		return l
	case "unary_expression", "update_expression":
		return f.exprKind(n.child("argument"))
	case "conditional_expression":
		return f.exprKind(n.child("consequence"))
	case "assignment_expression":
		return f.exprKind(n.child("left"))
	}
	return tkUnknown
}

// cached returns the value stored under key in a per-file or
// per-function cache, building and storing it on the first call.
func cached[T any](cache map[string]any, key string, build func() T) T {
	if v, ok := cache[key].(T); ok {
		return v
	}
	v := build()
	cache[key] = v
	return v
}

// lastWholeDef returns the last assignment of the whole variable before
// a point, in source order.
func (f *function) lastWholeDef(name string, at *node) *defSite {
	var last *defSite
	for _, d := range f.defs {
		if d.name == name && d.whole && d.pos <= at.start && (d.op == "=" || d.op == "decl") {
			last = d
		}
	}
	return last
}
