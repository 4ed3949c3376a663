package rules

import (
	"fmt"
	"strings"
)

// CWE-502, deserialization of untrusted data, as it happens in C and
// C++: bytes from outside the program (a file, a socket, standard input)
// are read straight into an object whose type holds pointers, function
// pointers, a vtable (a class with virtual functions) or library objects
// that own pointers (std::string, std::vector, smart pointers), and the
// program then uses what the bytes put there: calls the function
// pointer, follows or passes on the pointer, makes a virtual call. The
// reads are fread, read, pread, recv and recvfrom into &obj, an array
// of such structs, a pointer to one or a vector's data(), an istream's
// read into the object, memcpy from a buffer of input, and a pointer
// cast from such a buffer ((struct msg *)buf). The use is looked for
// after the read, in the function and in the functions of the file it
// hands the object to; a field written again before the use (rec.next =
// NULL) is the program's own value, and a function pointer compared
// equal to a function of the program before the call is a known target.
//
// Archives: a boost::serialization input archive or a cereal input
// archive loading a pointer (raw or smart) to a class with virtual
// functions, or a container of them, lets the archive choose which
// registered class to build. Loading values of plain types is not
// flagged (the archive's robustness against malformed data is another
// matter).
//
// Safe, and not flagged: a plain-data struct read and its fields
// checked, bytes read into a buffer and parsed field by field, a struct
// with pointers whose pointer fields are never used after the read.
// Blind spots: a read into *this in a method is followed only in that
// method; an object read in one function and used through a pointer
// stored in a global or a container is not followed; the types of the
// file's own structs and classes are known, a typedef of a library type
// is not.

func cwe502Rules() []*Rule {
	return []*Rule{
		{
			Name:     "cwe502-untrusted-object-bytes",
			CWE:      "CWE-502",
			Doc:      "bytes from a file, socket or stdin are read into an object holding pointers, function pointers or a vtable, which are then used",
			Fix:      "read into a byte buffer (or a struct of plain integers) and build the object field by field: check each value, and choose function pointers and classes from the program's own table by a checked index",
			Requires: []Fact{Flow, Taint, Guards},
			Run:      checkUntrustedObjects,
		},
	}
}

// objectBytes is data from outside the program, across the calls of the
// file (a buffer a helper fills from a socket).
var objectBytes = &taintSpec{
	id:        "object-bytes",
	inputDefs: true,
	source:    userSource,
	interproc: true,
}

// recordKind is what a struct or class of the file holds that bytes
// must not set.
type recordKind struct {
	fields   map[string]string // pointer-holding fields: what each is
	virtuals map[string]bool   // virtual member functions (and the destructor, "~")
	bases    []string
}

// pointerRecords reads the file's structs and classes: their pointer,
// function-pointer and pointer-owning fields, their virtual functions
// and their bases.
func pointerRecords(ff *fileFacts) map[string]*recordKind {
	return cached(ff.cache, "deser/records", func() map[string]*recordKind {
		out := map[string]*recordKind{}
		var walk func(n *node, depth int)
		walk = func(n *node, depth int) {
			if depth > 64 || n.kind == "compound_statement" {
				return
			}
			if n.kind == "struct_specifier" || n.kind == "class_specifier" || n.kind == "union_specifier" {
				if body := n.child("body"); body != nil {
					rk := &recordKind{fields: map[string]string{}, virtuals: map[string]bool{}}
					readRecord(ff, rk, n, body)
					names := []string{ff.t.text(n.child("name"))}
					if p := n.parent; p != nil && p.kind == "type_definition" {
						for _, c := range p.children {
							if c.field == "declarator" {
								names = append(names, declName(ff.t, c))
							}
						}
					}
					for _, name := range names {
						if name != "" {
							out[name] = rk
						}
					}
				}
			}
			for _, c := range n.children {
				walk(c, depth+1)
			}
		}
		walk(ff.t.root, 0)
		return out
	})
}

// ownsPointer are library types whose objects hold pointers.
var ownsPointer = []string{"string", "vector", "map", "set", "list", "deque", "unique_ptr", "shared_ptr",
	"weak_ptr", "function", "wstring", "unordered_map", "unordered_set", "any", "optional<std::string"}

func readRecord(ff *fileFacts, rk *recordKind, spec, body *node) {
	for _, c := range spec.children {
		if c.kind == "base_class_clause" {
			for _, b := range c.namedChildren() {
				if b.kind == "type_identifier" || b.kind == "qualified_identifier" || b.kind == "template_type" {
					rk.bases = append(rk.bases, ff.t.text(b))
				}
			}
		}
	}
	for _, fd := range body.children {
		switch fd.kind {
		case "function_definition", "field_declaration", "declaration":
		default:
			continue
		}
		isVirtual := false
		for _, c := range fd.children {
			if c.kind == "virtual" || (c.kind == "virtual_function_specifier") {
				isVirtual = true
			}
		}
		typ := fd.child("type")
		for _, c := range fd.children {
			if c.field != "declarator" {
				continue
			}
			if fn := funcDeclarator(c); fn != nil {
				inner := fn.child("declarator")
				if inner != nil && inner.kind == "parenthesized_declarator" {
					// void (*cb)(int): a function pointer.
					rk.fields[declName(ff.t, inner)] = "a function pointer"
					continue
				}
				if isVirtual {
					name := declName(ff.t, inner)
					if inner != nil && inner.kind == "destructor_name" {
						name = "~"
					}
					rk.virtuals[name] = true
				}
				continue
			}
			if fd.kind == "function_definition" {
				continue
			}
			name := declName(ff.t, c)
			if name == "" {
				continue
			}
			if strings.Contains(c.kind, "pointer") || pointerDeclarator(c) {
				rk.fields[name] = "a pointer"
				continue
			}
			t := strings.TrimPrefix(ff.t.text(typ), "std::")
			for _, o := range ownsPointer {
				if t == o || strings.HasPrefix(t, o+"<") {
					rk.fields[name] = "a std::" + o + " (which holds a pointer)"
				}
			}
		}
	}
}

// pointerDeclarator reports whether a declarator declares a pointer
// (an array of pointers included).
func pointerDeclarator(d *node) bool {
	for d != nil {
		if d.kind == "pointer_declarator" {
			return true
		}
		d = d.child("declarator")
	}
	return false
}

// recordOf returns the record a type names ("struct handler", "const
// Shape"), or nil.
func recordOf(ff *fileFacts, typ string) (*recordKind, string) {
	t := typ
	for _, p := range []string{"const ", "struct ", "class ", "union ", "volatile "} {
		t = strings.TrimPrefix(t, p)
	}
	t = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(t), "const"))
	if i := strings.LastIndex(t, "::"); i >= 0 {
		t = t[i+2:]
	}
	rk := pointerRecords(ff)[t]
	return rk, t
}

// virtualIn reports whether a member function is virtual in a record or
// one of its bases.
func virtualIn(ff *fileFacts, rk *recordKind, name string, depth int) bool {
	if rk == nil || depth > 8 {
		return false
	}
	if rk.virtuals[name] {
		return true
	}
	for _, b := range rk.bases {
		if br, _ := recordOf(ff, b); br != nil && virtualIn(ff, br, name, depth+1) {
			return true
		}
	}
	return false
}

// polymorphic reports whether a record has a vtable.
func polymorphic(ff *fileFacts, rk *recordKind, depth int) bool {
	if rk == nil || depth > 8 {
		return false
	}
	if len(rk.virtuals) > 0 {
		return true
	}
	for _, b := range rk.bases {
		if br, _ := recordOf(ff, b); polymorphic(ff, br, depth+1) {
			return true
		}
	}
	return false
}

// pointerField returns what a field of a record (or of its bases) holds
// that bytes must not set, or "".
func pointerField(ff *fileFacts, rk *recordKind, field string, depth int) string {
	if rk == nil || depth > 8 {
		return ""
	}
	if w := rk.fields[field]; w != "" {
		return w
	}
	for _, b := range rk.bases {
		if br, _ := recordOf(ff, b); br != nil {
			if w := pointerField(ff, br, field, depth+1); w != "" {
				return w
			}
		}
	}
	return ""
}

// readTarget is the object a read fills.
type readTarget struct {
	obj  string // the variable named in the destination
	rec  *recordKind
	typ  string
	self bool // the object is *this
}

// targetOf reads a read's destination: &obj, obj (an array of
// records), p (a pointer to one), &arr[i], &s->inner, v.data(), this,
// through casts.
func targetOf(f *function, dst *node) (readTarget, bool) {
	ff := f.file
	e := unparen(dst)
	if e == nil {
		return readTarget{}, false
	}
	if e.kind == "this" {
		if rec := f.classOf(); rec != nil {
			rk, t := recordOf(ff, rec.name)
			return readTarget{obj: "this", rec: rk, typ: t, self: true}, rk != nil
		}
		return readTarget{}, false
	}
	if e.kind == "call_expression" {
		c := f.callAt[e]
		if c == nil || c.name != ".data" || c.recv == nil {
			return readTarget{}, false
		}
		v := f.lookup(f.identName(c.recv))
		if v == nil {
			return readTarget{}, false
		}
		i, j := strings.IndexByte(v.typ, '<'), strings.LastIndexByte(v.typ, '>')
		if i < 0 || j < i {
			return readTarget{}, false
		}
		rk, t := recordOf(ff, v.typ[i+1:j])
		return readTarget{obj: v.name, rec: rk, typ: t}, rk != nil
	}
	inner, addr := addrOf(e)
	inner = unparen(inner)
	if inner == nil {
		return readTarget{}, false
	}
	if inner.kind == "subscript_expression" && addr {
		inner = unparen(inner.child("argument"))
	}
	if inner.kind == "field_expression" {
		fv := f.memberOf(inner)
		base, _ := baseVar(ff.t, inner)
		if fv == nil || base == "" {
			return readTarget{}, false
		}
		rk, t := recordOf(ff, fv.typ)
		return readTarget{obj: base, rec: rk, typ: t}, rk != nil
	}
	v := f.lookup(f.identName(inner))
	if v == nil {
		return readTarget{}, false
	}
	// &obj; arr (an array of records); p (a pointer to one).
	if !addr && v.ptr == 0 && len(v.dims) == 0 {
		return readTarget{}, false
	}
	rk, t := recordOf(ff, v.typ)
	return readTarget{obj: v.name, rec: rk, typ: t}, rk != nil
}

// objectReads are the reads that fill memory from outside: the index
// of the destination.
var objectReads = map[string]int{"fread": 0, "fread_unlocked": 0, "read": 1, "pread": 1, "recv": 1, "recvfrom": 1}

func checkUntrustedObjects(pass *Pass) {
	ff := pass.file
	if len(pointerRecords(ff)) > 0 {
		for _, f := range pass.Funcs() {
			checkObjectReads(pass, f)
		}
	}
	checkArchives(pass)
}

func checkObjectReads(pass *Pass, f *function) {
	ff := f.file
	var tb *taintRun
	bytes := func() *taintRun {
		if tb == nil {
			tb = f.taint().run(objectBytes)
		}
		return tb
	}
	judge := func(at *node, what string, dst *node, source string) {
		t, ok := targetOf(f, dst)
		if !ok || !f.flow().reachableNode(at) {
			return
		}
		if len(t.rec.fields) == 0 && !polymorphic(ff, t.rec, 0) {
			return
		}
		use := objectUse(f, t, at, 0)
		if use == "" {
			return
		}
		pass.Report(at, fmt.Sprintf("%s reads %s straight into %s (%s), and %s: the bytes choose the pointer the program follows",
			what, source, squeeze(f.text(dst)), t.typ, use), "")
	}
	for _, c := range f.calls {
		if i, ok := objectReads[c.name]; ok {
			judge(c.n, c.name, c.arg(i), "outside data")
			continue
		}
		if (c.name == ".read" || c.name == ".readsome") && c.recv != nil {
			name := strings.TrimPrefix(f.text(c.recv), "std::")
			if name == "cin" || isInputStream(f, name) || (f.lookup(name) != nil && strings.Contains(f.lookup(name).typ, "fstream")) {
				judge(c.n, strings.TrimPrefix(c.name, "."), c.arg(0), "a stream's bytes")
			}
			continue
		}
		if c.name == "memcpy" || c.name == "memmove" {
			if why := bytes().expr(c.arg(1)); why != "" {
				judge(c.n, c.name, c.arg(0), "bytes from "+why)
			}
		}
	}
	// struct msg *m = (struct msg *)buf; with buf read from outside.
	for _, d := range f.defs {
		if (d.op != "decl" && d.op != "=") || !d.whole || len(d.srcs) != 1 {
			continue
		}
		src := unparenOnly(d.srcs[0])
		var from *node
		switch {
		case src != nil && src.kind == "cast_expression":
			from = src.child("value")
		case src != nil && src.kind == "call_expression" && src.cast:
			from = castArg(src)
		}
		if from == nil {
			continue
		}
		v := f.lookup(d.name)
		if v == nil || v.ptr == 0 {
			continue
		}
		if fv := f.lookup(f.identName(from)); fv != nil {
			if rk, _ := recordOf(ff, fv.typ); rk != nil && fv.ptr+len(fv.dims) > 0 {
				continue // a record seen through another type: not raw bytes
			}
		}
		why := bytes().expr(from)
		if why == "" {
			continue
		}
		rk, t := recordOf(ff, v.typ)
		if rk == nil || (len(rk.fields) == 0 && !polymorphic(ff, rk, 0)) || !f.flow().reachableNode(d.n) {
			continue
		}
		use := objectUse(f, readTarget{obj: d.name, rec: rk, typ: t}, d.n, 0)
		if use == "" {
			continue
		}
		pass.Report(d.n, fmt.Sprintf("%s takes the bytes of %s, from %s, as a %s, and %s: the bytes choose the pointer the program follows",
			d.name, squeeze(f.text(from)), why, t, use), "")
	}
}

// objectUse finds a use, after a read, of what the bytes set in an
// object: a pointer field read (called, followed, passed on), a virtual
// call, a delete through a virtual destructor; in the function or in a
// function of the file handed the object. It describes the use, or "".
func objectUse(f *function, t readTarget, after *node, depth int) string {
	from := after.end
	if after == f.body {
		from = after.start
	}
	ff := f.file
	if depth > 3 {
		return ""
	}
	t0 := ff.t
	line := func(n *node) int { l, _ := ff.position(n.start); return l }
	names := map[string]bool{t.obj: true}
	base := func(e *node) string {
		e = unparen(e)
		if e != nil && e.kind == "this" {
			return "this"
		}
		if e != nil && e.kind == "pointer_expression" {
			e = unparen(e.child("argument"))
		}
		if e != nil && e.kind == "subscript_expression" {
			e = unparen(e.child("argument"))
		}
		if e != nil && e.kind == "identifier" {
			return t0.text(e)
		}
		return ""
	}
	isObj := func(e *node) bool { return names[base(e)] }
	// Aliases made after the read: Entry &e = entries[i], struct rec *p
	// = &recs[0], for (const Entry &e : entries).
	for _, d := range f.defs {
		if d.pos > from && (d.op == "decl" || d.op == "=") && d.whole && len(d.srcs) == 1 && isObj(d.srcs[0]) {
			names[d.name] = true
		}
	}
	for _, l := range f.byKind["for_range_loop"] {
		if l.end > from && isObj(l.child("right")) {
			names[declName(t0, l.child("declarator"))] = true
		}
	}
	// Fields written again after the read, by position.
	rewritten := map[string]uint32{}
	for _, a := range f.byKind["assignment_expression"] {
		l := unparen(a.child("left"))
		if a.start > from && l != nil && l.kind == "field_expression" && isObj(l.child("argument")) {
			name := t0.text(l.child("field"))
			if _, ok := rewritten[name]; !ok {
				rewritten[name] = a.end
			}
		}
	}
	for _, e := range f.byKind["field_expression"] {
		if e.start <= from || !isObj(e.child("argument")) {
			continue
		}
		field := t0.text(e.child("field"))
		p := unparenParent(e)
		// obj.method(): a virtual call.
		if p != nil && p.kind == "call_expression" && e.field == "function" {
			if virtualIn(ff, t.rec, field, 0) {
				return fmt.Sprintf("line %d calls %s, a virtual function, through the vtable pointer the bytes overwrote", line(e), squeeze(t0.text(e)))
			}
		}
		what := pointerField(ff, t.rec, field, 0)
		if what == "" {
			continue
		}
		if at, ok := rewritten[field]; ok && at <= e.start {
			continue
		}
		if p != nil {
			switch p.kind {
			case "assignment_expression":
				if p.child("left") == e || unparen(p.child("left")) == e {
					continue
				}
			case "binary_expression":
				if op := t0.text(p.child("operator")); op == "==" || op == "!=" {
					continue
				}
			case "sizeof_expression":
				continue
			case "pointer_expression":
				if p.op0() == "&" {
					continue
				}
			}
		}
		if what == "a function pointer" && knownTarget(f, e) {
			continue
		}
		verb := "uses"
		if p != nil && p.kind == "call_expression" && e.field == "function" || p != nil && p.kind == "pointer_expression" && p.parent != nil && unparenParent(p) != nil && unparenParent(p).kind == "call_expression" {
			verb = "calls"
		}
		return fmt.Sprintf("line %d %s %s, %s", line(e), verb, squeeze(t0.text(e)), what)
	}
	// delete p; on a class with a virtual destructor.
	for _, d := range f.byKind["delete_expression"] {
		if d.start > from && virtualIn(ff, t.rec, "~", 0) {
			for _, c := range d.namedChildren() {
				if isObj(c) {
					return fmt.Sprintf("line %d deletes it through its virtual destructor", line(d))
				}
			}
		}
	}
	// Bare calls of virtual members inside the method that read *this.
	if t.self {
		for _, c := range f.calls {
			if c.n.start > from && c.recv == nil && virtualIn(ff, t.rec, c.name, 0) {
				return fmt.Sprintf("line %d calls %s, a virtual function, through the vtable pointer the bytes overwrote", line(c.n), c.name)
			}
		}
	}
	// Handed to a function of the file.
	for _, c := range f.calls {
		if c.n.start <= from {
			continue
		}
		g := f.callee(c)
		if g == nil || g == f {
			continue
		}
		for i, a := range c.args {
			if i >= len(g.params) || g.params[i].name == "" || !isObj(a) {
				continue
			}
			if w := objectUse(g, readTarget{obj: g.params[i].name, rec: t.rec, typ: t.typ}, g.body, depth+1); w != "" {
				return fmt.Sprintf("%s gets it, and %s", g.name, w)
			}
		}
	}
	return ""
}

// knownTarget reports whether a function pointer field is compared
// equal to a function of the program before its use: the call then
// reaches a known function.
func knownTarget(f *function, e *node) bool {
	for _, c := range f.guards().conditionsAt(e) {
		b := unparenOnly(c.e)
		if b == nil || b.kind != "binary_expression" {
			continue
		}
		op := f.text(b.child("operator"))
		if !(op == "==" && c.truth || op == "!=" && !c.truth) {
			continue
		}
		l, r := unparen(b.child("left")), unparen(b.child("right"))
		for _, pair := range [][2]*node{{l, r}, {r, l}} {
			if squeeze(f.text(pair[0])) == squeeze(f.text(e)) {
				name := f.identName(pair[1])
				if _, ok := f.file.defined[name]; ok {
					return true
				}
				if _, ok := f.file.protos[name]; ok {
					return true
				}
			}
		}
	}
	return false
}

// checkArchives flags boost::serialization and cereal input archives
// that load pointers to polymorphic classes.
func checkArchives(pass *Pass) {
	ff := pass.file
	for _, f := range pass.Funcs() {
		archives := map[string]bool{}
		for _, v := range f.vars {
			if strings.Contains(v.typ, "iarchive") || strings.Contains(v.typ, "InputArchive") {
				archives[v.name] = true
			}
		}
		for _, p := range f.params {
			if strings.Contains(p.typ, "iarchive") || strings.Contains(p.typ, "InputArchive") {
				archives[p.name] = true
			}
		}
		if len(archives) == 0 {
			continue
		}
		judge := func(at *node, arch string, operand *node) {
			v := f.lookup(f.identName(operand))
			if v == nil || !f.flow().reachableNode(at) {
				return
			}
			cls, ok := polymorphicPointer(ff, v)
			if !ok {
				return
			}
			pass.Report(at, fmt.Sprintf("the archive %s loads %s, a pointer to the polymorphic class %s: the archive's bytes choose which registered class is built and what its fields point to",
				arch, v.name, cls), "read the archive's data into value types and build the objects yourself, choosing the class from a checked tag; load pointers only from archives the program wrote")
		}
		for _, b := range f.byKind["binary_expression"] {
			op := f.text(b.child("operator"))
			if op != ">>" && op != "&" {
				continue
			}
			cur := b
			var operands []*node
			for cur != nil && cur.kind == "binary_expression" && f.text(cur.child("operator")) == op {
				operands = append(operands, cur.child("right"))
				cur = unparenOnly(cur.child("left"))
			}
			if p := b.parent; p != nil && p.kind == "binary_expression" && f.text(p.child("operator")) == op {
				continue
			}
			if arch := f.identName(cur); archives[arch] {
				for _, o := range operands {
					judge(b, arch, o)
				}
			}
		}
		for _, c := range f.calls {
			if archives[c.name] {
				for _, a := range c.args {
					judge(c.n, c.name, a)
				}
			}
		}
	}
}

// polymorphicPointer reports whether a variable holds pointers to a
// class with virtual functions (Base *p, std::unique_ptr<Base>,
// std::vector<std::shared_ptr<Base>>), and names the class.
func polymorphicPointer(ff *fileFacts, v *varInfo) (string, bool) {
	typ := v.typ
	if v.ptr > 0 {
		rk, t := recordOf(ff, typ)
		return t, polymorphic(ff, rk, 0)
	}
	for _, sp := range []string{"unique_ptr<", "shared_ptr<", "weak_ptr<"} {
		if i := strings.Index(typ, sp); i >= 0 {
			rest := typ[i+len(sp):]
			if j := strings.IndexAny(rest, ">,"); j >= 0 {
				rk, t := recordOf(ff, strings.TrimSpace(rest[:j]))
				return t, polymorphic(ff, rk, 0)
			}
		}
	}
	if i, j := strings.IndexByte(typ, '<'), strings.LastIndexByte(typ, '>'); i >= 0 && j > i && strings.Contains(typ[i:j], "*") {
		inner := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(typ[i+1:j]), "*"))
		rk, t := recordOf(ff, inner)
		return t, polymorphic(ff, rk, 0)
	}
	return "", false
}
