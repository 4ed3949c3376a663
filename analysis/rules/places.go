package rules

import "strings"

// Places: the memory a write or read reaches when it is not a whole
// named variable. A struct or class member (c->name, s.field, and a
// bare counts_ inside a method) has the type and size of its field
// declaration; an address inside a buffer (buf + off, &buf[off]) has
// the buffer's capacity less the offset.

// record is a struct, union or class of the file: its fields by name.
type record struct {
	name   string
	fields map[string]*varInfo
}

// records are the file's structs and classes, and their fields by name
// alone (nil when two records declare a field of that name with
// different types).
type records struct {
	byName  map[string]*record
	byField map[string]*varInfo
	clash   map[string]bool
}

// collectMembers reads the fields of the file's structs and classes,
// and makes the constant static members of classes (static constexpr
// int kSize = 8) known as named constants, as globals are.
func collectMembers(ff *fileFacts) {
	rs := &records{byName: map[string]*record{}, byField: map[string]*varInfo{}, clash: map[string]bool{}}
	ff.cache["mem/records"] = rs
	var walk func(n *node, depth int)
	walk = func(n *node, depth int) {
		if depth > 64 {
			return
		}
		switch n.kind {
		case "compound_statement":
			return // records are declared outside function bodies
		case "struct_specifier", "class_specifier", "union_specifier":
			if body := n.child("body"); body != nil {
				rec := &record{name: ff.t.text(n.child("name")), fields: map[string]*varInfo{}}
				if rec.name != "" {
					rs.byName[rec.name] = rec
				}
				for _, fd := range body.children {
					switch {
					case fd.kind == "field_declaration":
						memberDecl(ff, rs, rec, fd)
					case zeroInitMember(fd):
						memberDecl(ff, rs, rec, fd)
					}
				}
			}
		}
		for _, c := range n.children {
			walk(c, depth+1)
		}
	}
	walk(ff.t.root, 0)
}

// memberDecl records the fields one field declaration declares.
// zeroInitMember reports the parse tree-sitter gives a data member
// initialised with 0 in its class (std::size_t head_ = 0;): a
// function_definition whose declarator is a bare name, with a
// pure_virtual_clause for "= 0".
func zeroInitMember(fd *node) bool {
	if fd.kind != "function_definition" || fd.child("body") != nil {
		return false
	}
	d := fd.child("declarator")
	if d == nil || d.kind != "field_identifier" {
		return false
	}
	for _, c := range fd.children {
		if c.kind == "pure_virtual_clause" {
			return true
		}
	}
	return false
}

func memberDecl(ff *fileFacts, rs *records, rec *record, fd *node) {
	typ := fd.child("type")
	for _, c := range fd.children {
		if c.field != "declarator" || funcDeclarator(c) != nil {
			continue
		}
		v := declVar(ff.t, typ, c)
		if v.name == "" {
			continue
		}
		if v.init == nil {
			v.init = fd.child("default_value")
		}
		if v.init == nil && fd.kind == "function_definition" {
			for _, pc := range fd.children {
				if pc.kind == "pure_virtual_clause" {
					v.init = pc // "= 0" (see zeroInitMember)
				}
			}
		}
		resolveDims(ff, v)
		rec.fields[v.name] = v
		if old, ok := rs.byField[v.name]; ok && (old.typ != v.typ || old.ptr != v.ptr || len(old.dims) != len(v.dims)) {
			rs.clash[v.name] = true
		}
		rs.byField[v.name] = v
		isStatic := strings.Contains(ff.t.text(fd), "static")
		if isStatic && v.init != nil && strings.Contains(v.typ, "const") && v.kind == tkInt {
			if _, ok := ff.globals[v.name]; !ok {
				g := *v
				g.isGlobal = true
				ff.globals[v.name] = &g
			}
		}
	}
}

// fileRecords returns the file's records (collectMembers).
func (ff *fileFacts) fileRecords() *records {
	if rs, ok := ff.cache["mem/records"].(*records); ok {
		return rs
	}
	return &records{byName: map[string]*record{}, byField: map[string]*varInfo{}, clash: map[string]bool{}}
}

// memberOf returns the field an expression designates: the field of
// obj.f or p->f, or a bare member name used inside a method of its
// class. nil when it is not a field or the field is not known.
func (f *function) memberOf(e *node) *varInfo {
	e = unparen(e)
	if e == nil {
		return nil
	}
	rs := f.file.fileRecords()
	switch e.kind {
	case "field_expression":
		name := f.text(e.child("field"))
		// By the declared type of the object when it is known.
		if obj := unparen(e.child("argument")); obj != nil {
			if v := f.lookup(f.identName(obj)); v != nil {
				t := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(v.typ, "const "), "struct "))
				if rec := rs.byName[t]; rec != nil {
					return rec.fields[name]
				}
			}
		}
		if rs.clash[name] {
			return nil
		}
		return rs.byField[name]
	case "identifier":
		name := f.text(e)
		if f.lookup(name) != nil {
			return nil
		}
		if rec := f.classOf(); rec != nil {
			return rec.fields[name]
		}
	}
	return nil
}

// classOf returns the class a method belongs to: the class whose body
// holds its definition, or the one its qualified name names (void
// Board::place()).
func (f *function) classOf() *record {
	rs := f.file.fileRecords()
	if f.node == nil {
		return nil
	}
	if cs := f.node.ancestor("class_specifier", "struct_specifier"); cs != nil {
		return rs.byName[f.text(cs.child("name"))]
	}
	if d := funcDeclarator(f.node.child("declarator")); d != nil {
		if q := d.child("declarator"); q != nil && q.kind == "qualified_identifier" {
			if s := q.child("scope"); s != nil {
				return rs.byName[f.text(s)]
			}
		}
	}
	return nil
}

// placeVar returns the variable or field an lvalue or buffer expression
// names: a variable by its name, else a field.
func (f *function) placeVar(e *node) *varInfo {
	if v := f.lookup(f.identName(e)); v != nil {
		return v
	}
	return f.memberOf(e)
}

// memberBytes is the size in bytes of a field that is an array
// (char name[16], double samples[N]).
func (f *function) memberBytes(e *node) (int64, bool) {
	v := f.memberOf(e)
	if v == nil || len(v.dims) == 0 {
		return 0, false
	}
	return f.file.sizeofVar(v)
}

// region is the memory an address expression points into: the
// buffer's capacity in bytes, and the offset into it (nil for the
// start).
type region struct {
	size   int64
	base   *node
	offset *node
}

// regionOf reads an address as buffer + offset: a buffer (array,
// allocation of known size, array member), buf + off, off + buf, &buf[off].
func (va *valueFacts) regionOf(e *node, at *node) (region, bool) {
	f := va.f
	e = unparen(e)
	if e == nil {
		return region{}, false
	}
	whole := func(b *node) (int64, bool) {
		if n, ok := va.bufferSize(b, at); ok {
			return n, true
		}
		return f.memberBytes(b)
	}
	if n, ok := whole(e); ok {
		return region{size: n, base: e}, true
	}
	switch {
	case e.kind == "binary_expression" && f.text(e.child("operator")) == "+":
		l, r := unparen(e.child("left")), unparen(e.child("right"))
		if n, ok := whole(l); ok && elemIsByte(f, l) {
			return region{size: n, base: l, offset: r}, true
		}
		if n, ok := whole(r); ok && elemIsByte(f, r) {
			return region{size: n, base: r, offset: l}, true
		}
	case e.kind == "pointer_expression" && e.op0() == "&":
		s := unparen(e.child("argument"))
		if s != nil && s.kind == "subscript_expression" {
			b := unparen(s.child("argument"))
			if n, ok := whole(b); ok && elemIsByte(f, b) {
				return region{size: n, base: b, offset: subscriptIndex(s)}, true
			}
		}
	}
	return region{}, false
}

// elemIsByte reports whether a buffer's elements are bytes, so that an
// offset into it counts bytes.
func elemIsByte(f *function, b *node) bool {
	v := f.placeVar(b)
	if v == nil {
		return false
	}
	t := strings.TrimPrefix(strings.TrimPrefix(v.typ, "const "), "unsigned ")
	t = strings.TrimPrefix(t, "signed ")
	return t == "char" || t == "uint8_t" || t == "int8_t" || t == "u_char" || t == "std::byte" || t == "byte"
}

// memberElemSize is the size of one element of an array member:
// sizeof(s->samples[0]) of double samples[32] is 8.
func (f *function) memberElemSize(e *node) (int64, bool) {
	e = unparen(e)
	if e == nil || e.kind != "subscript_expression" && !(e.kind == "pointer_expression" && e.op0() == "*") {
		return 0, false
	}
	v := f.memberOf(e.child("argument"))
	if v == nil || len(v.dims) == 0 {
		return 0, false
	}
	size, ok := v.elemSize()
	if !ok {
		return 0, false
	}
	for _, d := range v.dims[1:] {
		if d <= 0 {
			return 0, false
		}
		size *= d
	}
	return size, true
}

// fieldPath returns the access path of a member read through named
// variables, with -> written as .: "job.name" for job.name, "c.hdr.len"
// for c->hdr.len. It is "" for anything else (a call, an element).
func fieldPath(f *function, e *node) string {
	e = unparen(e)
	if e == nil {
		return ""
	}
	switch e.kind {
	case "identifier":
		return f.text(e)
	case "field_expression":
		base := fieldPath(f, e.child("argument"))
		name := f.text(e.child("field"))
		if base == "" || name == "" {
			return ""
		}
		return base + "." + name
	}
	return ""
}

// textMember reports whether a name a method reads is a data member of
// its class that holds text: a string or a container (of strings, or a
// map of them), not a number or a pointer into a buffer.
func textMember(f *function, name string) bool {
	if f.lookup(name) != nil {
		return false
	}
	rec := f.classOf()
	if rec == nil {
		return false
	}
	v := rec.fields[name]
	return v != nil && v.ptr == 0 && (v.kind == tkString || v.container || strings.Contains(v.typ, "map<"))
}
