package rules

import (
	"context"
	"embed"
	"fmt"
	"math"
	"strings"
	"sync"
	"time"

	sitter "github.com/smacker/go-tree-sitter"

	"securecomplete/analysis"
	"securecomplete/analysis/cparse"
)

// The rules do not walk tree-sitter's tree: every node access there is a
// cgo call and an allocation in the tree's node cache. Each file's tree is
// copied once, in one call (cparse.Flatten), into the plain Go tree below,
// and all rules work on that copy.

// node is one syntax node of a parsed file.
type node struct {
	kind  string // tree-sitter's node type: "call_expression", "+", ...
	field string // the field name under its parent ("function", "arguments"), or ""
	named bool
	// cast is set on a C++ cast written as a call: static_cast<T>(x),
	// reinterpret_cast, const_cast, and functional casts int(x).
	cast     bool
	start    uint32 // byte offsets into the source
	end      uint32
	line     uint32 // 0-based start point
	col      uint32
	parent   *node
	children []*node
}

// maxDepth bounds the copied tree: deeper subtrees are cut off (their
// root stays, as an opaque leaf), so that every walk over the copy is
// bounded whatever the input's nesting.
const maxDepth = 400

// grammar is a tree-sitter language with its symbol names resolved once,
// and the parsers of analysis/cparse.
type grammar struct {
	lang    analysis.Lang
	names   []string
	named   []bool
	fields  []string // field names by id
	parsers *cparse.Pool
	queries []*namedQuery
}

// namedQuery is one of the embedded queries (queries/NAME.scm), compiled
// for a grammar. Queries are immutable and shared; each run gets its own
// cursor.
type namedQuery struct {
	name string
	q    *sitter.Query
}

//go:embed queries/*.scm
var queryFiles embed.FS

// compileQueries compiles every embedded query for a grammar. A query
// that does not compile is a bug in this package: it panics at start-up
// (in every test) rather than silently finding nothing.
func compileQueries(lang *sitter.Language) []*namedQuery {
	entries, err := queryFiles.ReadDir("queries")
	if err != nil {
		panic(err)
	}
	var out []*namedQuery
	for _, e := range entries {
		src, err := queryFiles.ReadFile("queries/" + e.Name())
		if err != nil {
			panic(err)
		}
		q, err := sitter.NewQuery(src, lang)
		if err != nil {
			panic(fmt.Sprintf("query %s: %v", e.Name(), err))
		}
		out = append(out, &namedQuery{name: strings.TrimSuffix(e.Name(), ".scm"), q: q})
	}
	return out
}

func newGrammar(l analysis.Lang, parsers *cparse.Pool) *grammar {
	lang, err := cparse.Language(l)
	if err != nil {
		panic(err) // only called with C and C++
	}
	n := int(lang.SymbolCount())
	g := &grammar{lang: l, names: make([]string, n), named: make([]bool, n), parsers: parsers}
	for i := 0; i < n; i++ {
		g.names[i] = lang.SymbolName(sitter.Symbol(i))
		g.named[i] = lang.SymbolType(sitter.Symbol(i)) == sitter.SymbolTypeRegular
	}
	g.fields = cparse.FieldNames(lang)
	g.queries = compileQueries(lang)
	return g
}

var (
	grammarsOnce sync.Once
	grammarC     *grammar
	grammarCPP   *grammar
)

// grammarFor returns the grammar of a language. The grammars are built
// once per process: they are immutable tables from the C grammar, and
// their parsers are pooled.
func grammarFor(l analysis.Lang) (*grammar, error) {
	if _, err := cparse.Language(l); err != nil {
		return nil, err
	}
	grammarsOnce.Do(func() {
		// The Checker bounds the size of a file itself (WithMaxSize).
		parsers := cparse.NewPool(cparse.Limits{MaxBytes: math.MaxInt})
		grammarC = newGrammar(analysis.C, parsers)
		grammarCPP = newGrammar(analysis.CPP, parsers)
	})
	if l == analysis.CPP {
		return grammarCPP, nil
	}
	return grammarC, nil
}

// syntaxTree is a parsed file in the Go form the rules read.
type syntaxTree struct {
	src      []byte
	root     *node
	count    int
	hasError bool
	arena    [][]node
	// captures holds the nodes the embedded queries captured, by
	// "query.capture" ("html.html").
	captures map[string][]*node
}

func (t *syntaxTree) alloc() *node {
	last := len(t.arena) - 1
	if last < 0 || len(t.arena[last]) == cap(t.arena[last]) {
		size := 512
		if last >= 0 {
			size = min(2*cap(t.arena[last]), 1<<14)
		}
		t.arena = append(t.arena, make([]node, 0, size))
		last++
	}
	t.arena[last] = t.arena[last][:len(t.arena[last])+1]
	return &t.arena[last][len(t.arena[last])-1]
}

// parse parses src with the grammar, within maxParseTime (or the
// context's deadline), and copies the tree.
func (g *grammar) parse(ctx context.Context, src []byte, maxParseTime time.Duration) (*syntaxTree, error) {
	parsers := g.parsers.WithLimits(cparse.Limits{MaxBytes: math.MaxInt, MaxTime: maxParseTime})
	tree, err := parsers.Parse(ctx, g.lang, src)
	if err != nil {
		return nil, err
	}
	defer tree.Close()

	root := tree.RootNode()
	t := &syntaxTree{src: src, hasError: root.HasError()}
	// One call into tree-sitter lists the nodes, depth first.
	flat := cparse.Flatten(tree, maxDepth)
	t.arena = [][]node{make([]node, 0, len(flat))}
	nodes := make([]*node, len(flat))
	for i, fn := range flat {
		n := t.alloc()
		nodes[i] = n
		t.count++
		sym := fn.Symbol
		switch {
		case sym == math.MaxUint16:
			n.kind, n.named = "ERROR", true
		case int(sym) < len(g.names):
			n.kind, n.named = g.names[sym], g.named[sym]
		default:
			n.kind, n.named = "?", false
		}
		if fn.Parent >= 0 && int(fn.Field) < len(g.fields) {
			n.field = internField(g.fields[fn.Field])
		}
		n.start, n.end = fn.Start, fn.End
		n.line, n.col = fn.Row, fn.Col
		if fn.Parent >= 0 {
			par := nodes[fn.Parent]
			n.parent = par
			par.children = append(par.children, n)
			markCast(n, src)
		} else {
			t.root = n
		}
	}
	t.runQueries(g, root)
	return t, nil
}

// markCast flags the call of a C++ cast when its callee is copied:
// static_cast<T>(x) is call_expression(template_function(name: static_cast
// ...)), and int(x) is call_expression(primitive_type).
func markCast(n *node, src []byte) {
	switch {
	case n.kind == "primitive_type" && n.field == "function" && n.parent.kind == "call_expression":
		n.parent.cast = true
	case n.kind == "identifier" && n.field == "name" && n.parent.kind == "template_function" &&
		n.parent.field == "function" && n.parent.parent != nil && n.parent.parent.kind == "call_expression":
		switch string(src[n.start:n.end]) {
		case "static_cast", "reinterpret_cast", "const_cast":
			n.parent.parent.cast = true
		}
	}
}

// castArg returns the operand of a cast written as a call, or nil.
func castArg(n *node) *node {
	if n == nil || !n.cast {
		return nil
	}
	if al := n.child("arguments"); al != nil {
		if args := al.namedChildren(); len(args) == 1 {
			return args[0]
		}
	}
	return nil
}

// runQueries runs the embedded queries over tree-sitter's tree and
// records their captures as nodes of the copy.
func (t *syntaxTree) runQueries(g *grammar, root *sitter.Node) {
	t.captures = map[string][]*node{}
	for _, nq := range g.queries {
		qc := sitter.NewQueryCursor()
		qc.Exec(nq.q, root)
		for {
			m, ok := qc.NextMatch()
			if !ok {
				break
			}
			m = qc.FilterPredicates(m, t.src)
			for _, c := range m.Captures {
				if n := t.find(c.Node.StartByte(), c.Node.EndByte(), c.Node.Symbol(), g); n != nil {
					key := nq.name + "." + nq.q.CaptureNameForId(c.Index)
					t.captures[key] = append(t.captures[key], n)
				}
			}
		}
		qc.Close()
	}
}

// find returns the node of the copy with a byte range and kind.
func (t *syntaxTree) find(start, end uint32, sym sitter.Symbol, g *grammar) *node {
	kind := "ERROR"
	if int(sym) < len(g.names) {
		kind = g.names[sym]
	}
	n := t.root
	for n != nil {
		if n.start == start && n.end == end && n.kind == kind {
			return n
		}
		var next *node
		for _, c := range n.children {
			if c.start <= start && end <= c.end && !(c.start == c.end && start != end) {
				next = c
				break
			}
		}
		n = next
	}
	return nil
}

var fieldNames = map[string]string{}

func init() {
	for _, f := range []string{"function", "arguments", "argument", "left", "right",
		"operator", "condition", "consequence", "alternative", "body", "declarator",
		"value", "type", "name", "field", "index", "initializer", "update", "parameters",
		"size", "path", "scope", "label", "designator", "placement", "indirection"} {
		fieldNames[f] = f
	}
}

// internField returns a shared copy of a field name, so that the copied
// tree does not hold one string per node.
func internField(s string) string {
	if s == "" {
		return ""
	}
	if f, ok := fieldNames[s]; ok {
		return f
	}
	return s
}

// text returns the source of a node.
func (t *syntaxTree) text(n *node) string {
	if n == nil || n.end > uint32(len(t.src)) || n.start > n.end {
		return ""
	}
	return string(t.src[n.start:n.end])
}

// op0 returns the kind of the first child: the operator of a prefix
// expression (*p, &x), or "" for a node without children.
func (n *node) op0() string {
	if n == nil || len(n.children) == 0 {
		return ""
	}
	return n.children[0].kind
}

// child returns the first child under a field name, or nil.
func (n *node) child(field string) *node {
	if n == nil {
		return nil
	}
	for _, c := range n.children {
		if c.field == field {
			return c
		}
	}
	return nil
}

// namedChildren returns the named children.
func (n *node) namedChildren() []*node {
	if n == nil {
		return nil
	}
	out := make([]*node, 0, len(n.children))
	for _, c := range n.children {
		if c.named && c.kind != "comment" {
			out = append(out, c)
		}
	}
	return out
}

// firstNamed returns the first named child that is not a comment.
func (n *node) firstNamed() *node {
	if n == nil {
		return nil
	}
	for _, c := range n.children {
		if c.named && c.kind != "comment" {
			return c
		}
	}
	return nil
}

// walk visits n and its descendants in source order until f returns false
// for a node, whose subtree is then skipped.
func (n *node) walk(f func(*node) bool) {
	if n == nil {
		return
	}
	if !f(n) {
		return
	}
	for _, c := range n.children {
		c.walk(f)
	}
}

// contains reports whether m is n or inside n.
func (n *node) contains(m *node) bool {
	for ; m != nil; m = m.parent {
		if m == n {
			return true
		}
	}
	return false
}

// ancestor returns the nearest ancestor (not n itself) of one of the kinds.
func (n *node) ancestor(kinds ...string) *node {
	for p := n.parent; p != nil; p = p.parent {
		for _, k := range kinds {
			if p.kind == k {
				return p
			}
		}
	}
	return nil
}

// unparen strips parentheses and casts that do not change a value's
// identity for the rules: (x), (T)x, static_cast<T>(x) and T(x).
func unparen(n *node) *node {
	for n != nil {
		switch n.kind {
		case "parenthesized_expression":
			n = n.firstNamed()
		case "cast_expression":
			n = n.child("value")
		case "call_expression":
			a := castArg(n)
			if a == nil {
				return n
			}
			n = a
		default:
			return n
		}
	}
	return n
}
