package rules

import (
	"strconv"
	"strings"
)

// Constant evaluation: array sizes, allocation sizes, file modes and the
// bounds in guards are often written with macros, sizeof and arithmetic.

// knownConsts are the values of common library macros on Linux/glibc
// x86-64, the platform the study compiled on.
var knownConsts = map[string]int64{
	"NULL": 0, "nullptr": 0, "EOF": -1, "true": 1, "false": 0, "TRUE": 1, "FALSE": 0,
	"EXIT_SUCCESS": 0, "EXIT_FAILURE": 1,
	"RAND_MAX": 2147483647, "INT_MAX": 2147483647, "INT_MIN": -2147483648,
	"UINT_MAX": 4294967295, "SHRT_MAX": 32767, "SHRT_MIN": -32768, "USHRT_MAX": 65535,
	"CHAR_MAX": 127, "CHAR_MIN": -128, "SCHAR_MAX": 127, "UCHAR_MAX": 255, "CHAR_BIT": 8,
	"LONG_MAX": 9223372036854775807, "LLONG_MAX": 9223372036854775807,
	"INT8_MAX": 127, "INT8_MIN": -128, "UINT8_MAX": 255, "INT16_MAX": 32767, "INT16_MIN": -32768,
	"UINT16_MAX": 65535, "INT32_MAX": 2147483647, "INT32_MIN": -2147483648, "UINT32_MAX": 4294967295,
	"INT64_MAX": 9223372036854775807,
	"PATH_MAX":  4096, "FILENAME_MAX": 4096, "BUFSIZ": 8192, "NAME_MAX": 255, "LINE_MAX": 2048,
	"S_IRWXU": 0o700, "S_IRUSR": 0o400, "S_IWUSR": 0o200, "S_IXUSR": 0o100,
	"S_IRWXG": 0o070, "S_IRGRP": 0o040, "S_IWGRP": 0o020, "S_IXGRP": 0o010,
	"S_IRWXO": 0o007, "S_IROTH": 0o004, "S_IWOTH": 0o002, "S_IXOTH": 0o001,
	"S_IREAD": 0o400, "S_IWRITE": 0o200, "S_IEXEC": 0o100,
	"S_ISUID": 0o4000, "S_ISGID": 0o2000, "S_ISVTX": 0o1000,
	"DEFFILEMODE": 0o666, "ACCESSPERMS": 0o777, "ALLPERMS": 0o7777,
	"O_RDONLY": 0, "O_WRONLY": 1, "O_RDWR": 2, "O_CREAT": 0o100, "O_EXCL": 0o200,
	"O_NOCTTY": 0o400, "O_TRUNC": 0o1000, "O_APPEND": 0o2000, "O_NONBLOCK": 0o4000,
	"O_SYNC": 0o4010000, "O_CLOEXEC": 0o2000000, "O_DIRECTORY": 0o200000, "O_NOFOLLOW": 0o400000,
	"FLT_MANT_DIG": 24, "DBL_MANT_DIG": 53, "FLT_DIG": 6, "DBL_DIG": 15,
}

// typeSizes are the sizes of C types on x86-64.
var typeSizes = map[string]int64{
	"char": 1, "signed char": 1, "unsigned char": 1, "bool": 1, "_Bool": 1, "int8_t": 1, "uint8_t": 1,
	"short": 2, "short int": 2, "unsigned short": 2, "int16_t": 2, "uint16_t": 2, "wchar_t": 4,
	"int": 4, "unsigned": 4, "unsigned int": 4, "int32_t": 4, "uint32_t": 4, "float": 4,
	"long": 8, "unsigned long": 8, "long int": 8, "long long": 8, "unsigned long long": 8,
	"int64_t": 8, "uint64_t": 8, "size_t": 8, "ssize_t": 8, "double": 8, "long double": 16,
	"off_t": 8, "ptrdiff_t": 8, "intptr_t": 8, "uintptr_t": 8, "time_t": 8,
}

// typeSize returns the size of a type written as text.
func typeSize(typ string) (int64, bool) {
	typ = strings.Join(strings.Fields(typ), " ")
	typ = strings.TrimPrefix(typ, "const ")
	typ = strings.TrimPrefix(typ, "std::")
	if strings.HasSuffix(typ, "*") {
		return 8, true
	}
	n, ok := typeSizes[typ]
	return n, ok
}

// elemSize is the size of one element of an array or pointed-to object.
func (v *varInfo) elemSize() (int64, bool) {
	if v.ptr > 0 && len(v.dims) > 0 {
		return 8, true // an array of pointers
	}
	if v.ptr > 1 {
		return 8, true
	}
	return typeSize(v.typ)
}

// constValue evaluates an expression to a constant, using the file's
// macros and, given a function, variables set once to a constant.
func (ff *fileFacts) constValue(n *node, f *function) (int64, bool) {
	return constDepth(ff, n, f, 0)
}

func constDepth(ff *fileFacts, n *node, f *function, depth int) (int64, bool) {
	if n == nil || depth > 20 {
		return 0, false
	}
	t := ff.t
	switch n.kind {
	case "number_literal":
		return parseInt(t.text(n))
	case "char_literal":
		s, ok := charValue(t.text(n))
		return s, ok
	case "true":
		return 1, true
	case "false", "null", "pure_virtual_clause": // "= 0" of a member (zeroInitMember)
		return 0, true
	case "parenthesized_expression":
		return constDepth(ff, n.firstNamed(), f, depth+1)
	case "cast_expression":
		return constDepth(ff, n.child("value"), f, depth+1)
	case "identifier":
		return identValue(ff, t.text(n), f, depth)
	case "sizeof_expression":
		return ff.sizeofValue(n, f)
	case "unary_expression":
		v, ok := constDepth(ff, n.child("argument"), f, depth+1)
		if !ok {
			return 0, false
		}
		switch t.text(n.child("operator")) {
		case "-":
			return -v, true
		case "+":
			return v, true
		case "~":
			return ^v, true
		case "!":
			if v == 0 {
				return 1, true
			}
			return 0, true
		}
	case "binary_expression":
		l, ok1 := constDepth(ff, n.child("left"), f, depth+1)
		r, ok2 := constDepth(ff, n.child("right"), f, depth+1)
		if !ok1 || !ok2 {
			return 0, false
		}
		return binop(t.text(n.child("operator")), l, r)
	case "call_expression":
		// static_cast<int>(3) and friends
		name, _ := callName(t, n.child("function"))
		if (name == "static_cast" || name == "size_t" || name == "int") && n.child("arguments") != nil {
			return constDepth(ff, n.child("arguments").firstNamed(), f, depth+1)
		}
		if name == "strlen" && n.child("arguments") != nil {
			if s, ok := stringValue(t, unparenOnly(n.child("arguments").firstNamed())); ok {
				return int64(len(s)), true
			}
		}
	}
	return 0, false
}

func binop(op string, l, r int64) (int64, bool) {
	switch op {
	case "+":
		return l + r, true
	case "-":
		return l - r, true
	case "*":
		return l * r, true
	case "/":
		if r == 0 {
			return 0, false
		}
		return l / r, true
	case "%":
		if r == 0 {
			return 0, false
		}
		return l % r, true
	case "<<":
		if r < 0 || r > 62 {
			return 0, false
		}
		return l << r, true
	case ">>":
		if r < 0 || r > 62 {
			return 0, false
		}
		return l >> r, true
	case "|":
		return l | r, true
	case "&":
		return l & r, true
	case "^":
		return l ^ r, true
	case "==":
		return b2i(l == r), true
	case "!=":
		return b2i(l != r), true
	case "<":
		return b2i(l < r), true
	case "<=":
		return b2i(l <= r), true
	case ">":
		return b2i(l > r), true
	case ">=":
		return b2i(l >= r), true
	case "&&":
		return b2i(l != 0 && r != 0), true
	case "||":
		return b2i(l != 0 || r != 0), true
	}
	return 0, false
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// identValue is the constant value of a name: a macro, a library
// constant, an enumerator-like const, or a local set once.
func identValue(ff *fileFacts, name string, f *function, depth int) (int64, bool) {
	if m, ok := ff.macros[name]; ok {
		return textValue(ff, m, f, depth+1)
	}
	if v, ok := knownConsts[name]; ok {
		return v, true
	}
	var v *varInfo
	if f != nil {
		v = f.lookup(name)
	} else {
		v = ff.globals[name]
	}
	if v == nil || v.init == nil || v.isParam || v.ptr > 0 || len(v.dims) > 0 || v.kind != tkInt {
		return 0, false
	}
	if f != nil && !v.isGlobal && f.assignedAfterDecl(name) {
		return 0, false
	}
	if v.isGlobal && !strings.Contains(v.typ, "const") {
		return 0, false
	}
	return constDepth(ff, v.init, f, depth+1)
}

// assignedAfterDecl reports whether a variable is written anywhere but
// in its declaration.
func (f *function) assignedAfterDecl(name string) bool {
	if len(f.refWrites()[name]) > 0 {
		return true // handed to a function that writes it through a reference
	}
	for _, d := range f.defs {
		if d.name == name && d.op != "=" && d.op != "decl" {
			return true
		}
		if d.name == name && d.op == "=" && d.n.kind == "assignment_expression" {
			return true
		}
	}
	return false
}

// sizeofValue evaluates sizeof(type) and sizeof(expr).
func (ff *fileFacts) sizeofValue(n *node, f *function) (int64, bool) {
	t := ff.t
	arg := n.child("value")
	if ty := n.child("type"); ty != nil {
		txt := strings.Join(strings.Fields(t.text(ty)), " ")
		if strings.Contains(txt, "*") {
			return 8, true
		}
		// sizeof(buf) parses as a type when buf could be a type name.
		var v *varInfo
		if f != nil {
			v = f.lookup(txt)
		} else {
			v = ff.globals[txt]
		}
		if v == nil {
			return typeSize(txt)
		}
		return ff.sizeofVar(v)
	}
	if arg == nil {
		arg = n.firstNamed()
	}
	arg = unparenOnly(arg)
	if arg == nil {
		return 0, false
	}
	switch arg.kind {
	case "string_literal":
		if s, ok := stringValue(t, arg); ok {
			return int64(len(s)) + 1, true
		}
	case "identifier":
		var v *varInfo
		if f != nil {
			v = f.placeVar(arg) // a local, a global, or a member (sizeof buf_)
		} else {
			v = ff.globals[t.text(arg)]
		}
		if v == nil {
			return 0, false
		}
		return ff.sizeofVar(v)
	case "subscript_expression", "pointer_expression":
		if f != nil {
			if n, ok := f.elementSize(arg); ok {
				return n, true
			}
			return f.memberElemSize(arg) // places.go: s->samples[0]
		}
	case "field_expression":
		if f != nil {
			if v := f.memberOf(arg); v != nil {
				return ff.sizeofVar(v) // places.go: sizeof(s->samples)
			}
		}
	}
	return 0, false
}

// elementSize is the size of what a subscript or dereference designates:
// buf[i] of char buf[3][32] is 32 bytes, names[i] of char *names[4] is a
// pointer.
func (f *function) elementSize(e *node) (int64, bool) {
	v, depth := f.subscriptBase(e)
	if v == nil || depth == 0 {
		return 0, false
	}
	if v.isArray() {
		if rest := depth - len(v.dims); rest > 0 {
			switch {
			case v.ptr > rest:
				return 8, true
			case v.ptr == rest:
				return typeSize(v.typ)
			}
			return 0, false
		}
		size, ok := v.elemSize()
		if !ok {
			return 0, false
		}
		for _, d := range v.dims[depth:] {
			if d <= 0 {
				return 0, false
			}
			size *= d
		}
		return size, true
	}
	switch {
	case v.ptr > depth:
		return 8, true
	case v.ptr == depth:
		return typeSize(v.typ)
	}
	return 0, false
}

// subscriptBase returns the variable under a chain of subscripts and
// dereferences (buf[i][j], *p), and how many levels it goes down.
func (f *function) subscriptBase(e *node) (*varInfo, int) {
	depth := 0
	for e = unparen(e); e != nil; e = unparen(e) {
		switch {
		case e.kind == "subscript_expression":
			depth++
			e = e.child("argument")
		case e.kind == "pointer_expression" && e.op0() == "*":
			depth++
			e = e.child("argument")
		case e.kind == "identifier":
			return f.lookup(f.text(e)), depth
		default:
			return nil, 0
		}
	}
	return nil, 0
}

// sizeofVar is sizeof applied to a variable.
func (ff *fileFacts) sizeofVar(v *varInfo) (int64, bool) {
	{
		if v.isArray() {
			size, ok := v.elemSize()
			if !ok {
				return 0, false
			}
			for _, d := range v.dims {
				if d < 0 {
					return 0, false
				}
				size *= d
			}
			return size, true
		}
		if v.isPointer() {
			return 8, true
		}
		return typeSize(v.typ)
	}
}

// parseInt reads a C integer literal (decimal, hex, octal, binary, with
// suffixes).
func parseInt(s string) (int64, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), "'", "")
	s = strings.TrimRight(s, "uUlLzZ")
	if s == "" {
		return 0, false
	}
	base := 10
	switch {
	case strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X"):
		base, s = 16, s[2:]
	case strings.HasPrefix(s, "0b") || strings.HasPrefix(s, "0B"):
		base, s = 2, s[2:]
	case len(s) > 1 && s[0] == '0':
		base, s = 8, s[1:]
	}
	v, err := strconv.ParseInt(s, base, 64)
	if err != nil {
		return 0, false
	}
	return v, true
}

func charValue(s string) (int64, bool) {
	s = strings.TrimPrefix(s, "L")
	if len(s) < 3 || s[0] != '\'' || s[len(s)-1] != '\'' {
		return 0, false
	}
	body := s[1 : len(s)-1]
	dec, ok := unescape(body)
	if !ok || len(dec) != 1 {
		return 0, false
	}
	return int64(dec[0]), true
}

// stringValue decodes a string literal (or a concatenation of literals).
// It reports false when a part is not a literal (a macro).
func stringValue(t *syntaxTree, n *node) (string, bool) {
	if n == nil {
		return "", false
	}
	switch n.kind {
	case "string_literal":
		var b strings.Builder
		for _, c := range n.children {
			switch c.kind {
			case "string_content":
				b.WriteString(t.text(c))
			case "escape_sequence":
				s, ok := unescape(t.text(c))
				if !ok {
					return "", false
				}
				b.WriteString(s)
			}
		}
		return b.String(), true
	case "concatenated_string":
		var b strings.Builder
		for _, c := range n.children {
			if !c.named {
				continue
			}
			s, ok := stringValue(t, c)
			if !ok {
				return "", false
			}
			b.WriteString(s)
		}
		return b.String(), true
	case "raw_string_literal":
		return "", false
	}
	return "", false
}

// unescape decodes C escape sequences.
func unescape(s string) (string, bool) {
	if !strings.Contains(s, `\`) {
		return s, true
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'a':
			b.WriteByte(7)
		case 'b':
			b.WriteByte(8)
		case 'f':
			b.WriteByte(12)
		case 'v':
			b.WriteByte(11)
		case 'x':
			j := i + 1
			for j < len(s) && j < i+3 && strings.IndexByte("0123456789abcdefABCDEF", s[j]) >= 0 {
				j++
			}
			v, err := strconv.ParseUint(s[i+1:j], 16, 8)
			if err != nil {
				return "", false
			}
			b.WriteByte(byte(v))
			i = j - 1
		case '0', '1', '2', '3', '4', '5', '6', '7':
			j := i
			for j < len(s) && j < i+3 && s[j] >= '0' && s[j] <= '7' {
				j++
			}
			v, _ := strconv.ParseUint(s[i:j], 8, 16)
			b.WriteByte(byte(v))
			i = j - 1
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String(), true
}

// textValue evaluates a macro's replacement text: integers, names,
// parentheses, casts, sizeof(type) and the usual operators.
func textValue(ff *fileFacts, s string, f *function, depth int) (int64, bool) {
	if depth > 20 {
		return 0, false
	}
	p := &exprParser{toks: tokenize(s), ff: ff, f: f, depth: depth}
	v, ok := p.expr(0)
	if !ok || p.pos != len(p.toks) {
		return 0, false
	}
	return v, true
}

func tokenize(s string) []string {
	var toks []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\\':
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(s) && (isIdentByte(s[j]) || s[j] == '.') {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		case isIdentByte(c):
			j := i
			for j < len(s) && isIdentByte(s[j]) {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		case c == '\'':
			j := i + 1
			for j < len(s) && s[j] != '\'' {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			if j < len(s) {
				j++
			}
			toks = append(toks, s[i:min(j, len(s))])
			i = j
		default:
			if i+1 < len(s) {
				two := s[i : i+2]
				switch two {
				case "<<", ">>", "<=", ">=", "==", "!=", "&&", "||":
					toks = append(toks, two)
					i += 2
					continue
				}
			}
			if c == '/' && i+1 < len(s) && (s[i+1] == '/' || s[i+1] == '*') {
				return toks // a comment ends the value
			}
			toks = append(toks, string(c))
			i++
		}
	}
	return toks
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

type exprParser struct {
	toks  []string
	pos   int
	ff    *fileFacts
	f     *function
	depth int
}

var precedence = map[string]int{
	"||": 1, "&&": 2, "|": 3, "^": 4, "&": 5, "==": 6, "!=": 6,
	"<": 7, ">": 7, "<=": 7, ">=": 7, "<<": 8, ">>": 8, "+": 9, "-": 9, "*": 10, "/": 10, "%": 10,
}

func (p *exprParser) peek() string {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return ""
}

func (p *exprParser) expr(minPrec int) (int64, bool) {
	l, ok := p.unary()
	if !ok {
		return 0, false
	}
	for {
		op := p.peek()
		prec, isOp := precedence[op]
		if !isOp || prec <= minPrec {
			return l, true
		}
		p.pos++
		r, ok := p.expr(prec)
		if !ok {
			return 0, false
		}
		if l, ok = binop(op, l, r); !ok {
			return 0, false
		}
	}
}

func (p *exprParser) unary() (int64, bool) {
	tok := p.peek()
	p.pos++
	switch {
	case tok == "":
		return 0, false
	case tok == "-" || tok == "+" || tok == "~" || tok == "!":
		v, ok := p.unary()
		if !ok {
			return 0, false
		}
		switch tok {
		case "-":
			return -v, true
		case "~":
			return ^v, true
		case "!":
			return b2i(v == 0), true
		}
		return v, true
	case tok == "(":
		// A cast "(int)" or "(size_t)" is skipped.
		if p.pos+1 < len(p.toks) && p.toks[p.pos+1] == ")" {
			if _, ok := typeSizes[p.toks[p.pos]]; ok {
				p.pos += 2
				return p.unary()
			}
		}
		v, ok := p.expr(0)
		if !ok || p.peek() != ")" {
			return 0, false
		}
		p.pos++
		return v, true
	case tok == "sizeof":
		if p.peek() != "(" {
			return 0, false
		}
		p.pos++
		var typ []string
		for p.peek() != ")" && p.peek() != "" {
			typ = append(typ, p.peek())
			p.pos++
		}
		p.pos++
		return typeSize(strings.Join(typ, " "))
	case tok[0] >= '0' && tok[0] <= '9':
		return parseInt(tok)
	case tok[0] == '\'':
		return charValue(tok)
	case isIdentByte(tok[0]):
		return identValue(p.ff, tok, p.f, p.depth+1)
	}
	return 0, false
}

// bufferSize is the capacity in bytes of the buffer an expression names
// at a point: an array's size, or the size of the allocation a pointer
// got last.
func (va *valueFacts) bufferSize(e *node, at *node) (int64, bool) {
	f := va.f
	e = unparen(e)
	if e != nil && e.kind == "subscript_expression" {
		// One row of a two-dimensional array: char names[3][32].
		if v, depth := f.subscriptBase(e); v != nil && v.isArray() && depth < len(v.dims) {
			return f.elementSize(e)
		}
		return 0, false
	}
	name := f.identName(e)
	if name == "" {
		return 0, false
	}
	v := f.lookup(name)
	if v == nil {
		return 0, false
	}
	if v.isArray() {
		return f.file.sizeofVar(v)
	}
	if v.ptr == 0 {
		return 0, false
	}
	d := f.lastWholeDef(name, at)
	if d == nil || len(d.srcs) != 1 {
		return 0, false
	}
	return allocSize(f, d.srcs[0])
}

// lenVars maps variables set from strlen(x) to x.
func (va *valueFacts) lenVars() map[string]string {
	f := va.f
	if va.lenVarsMap != nil {
		return va.lenVarsMap
	}
	va.lenVarsMap = func() map[string]string {
		m := map[string]string{}
		for _, d := range f.defs {
			if d.op != "=" || len(d.srcs) != 1 {
				continue
			}
			s := unparen(d.srcs[0])
			if s != nil && s.kind == "call_expression" {
				if c := f.callAt[s]; c != nil && c.name == "strlen" {
					if n, _ := baseVar(f.file.t, unparen(c.arg(0))); n != "" {
						m[d.name] = n
					}
				}
			}
		}
		return m
	}()
	return va.lenVarsMap
}

// allocSize evaluates the size of an allocation expression: malloc(n),
// calloc(n, m), realloc(p, n), alloca(n), new char[n].
func allocSize(f *function, e *node) (int64, bool) {
	e = unparen(e)
	if e == nil {
		return 0, false
	}
	if e.kind == "new_expression" {
		if d := e.child("declarator"); d != nil {
			if n, ok := f.file.constValue(d.child("length"), f); ok {
				sz, ok := typeSize(f.text(e.child("type")))
				if ok {
					return n * sz, true
				}
			}
		}
		return 0, false
	}
	if e.kind != "call_expression" {
		return 0, false
	}
	c := f.callAt[e]
	if c == nil {
		// static_cast<char*>(malloc(n))
		return 0, false
	}
	switch c.name {
	case "malloc", "alloca", "valloc", "kmalloc", "kzalloc":
		return f.file.constValue(c.arg(0), f)
	case "calloc":
		a, ok1 := f.file.constValue(c.arg(0), f)
		b, ok2 := f.file.constValue(c.arg(1), f)
		return a * b, ok1 && ok2
	case "realloc":
		return f.file.constValue(c.arg(1), f)
	case "static_cast", "reinterpret_cast":
		return allocSize(f, c.arg(0))
	}
	return 0, false
}
