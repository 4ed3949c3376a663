package rules

import (
	"context"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"securecomplete/analysis"
)

// The fact kinds a piece of code reads, found from the package's source
// with go/types: a static call graph (calls and references of functions
// and methods; a reference to a package variable reaches its initializer
// and the init functions that set its fields, which is how the function
// fields of a taintSpec are followed), cut at the methods of a fact kind,
// which count as reading that kind, and at the accessors (flow(),
// taint(), guards(), values()). Calls through function values that are
// not package variables are not followed: the rules have none.

// kindTypes are the types holding each fact kind's methods.
var kindTypes = map[string]Fact{"flowFacts": Flow, "taintFacts": Taint, "guardFacts": Guards, "valueFacts": Values}

// accessors are the methods of function that return a kind.
var accessors = map[string]Fact{"flow": Flow, "taint": Taint, "guards": Guards, "values": Values}

type srcGraph struct {
	info   *types.Info
	bodies map[types.Object][]ast.Node // a function's body, a variable's initializer
	kindOf map[types.Object]Fact       // the methods of the fact kinds
	rules  []*ast.CompositeLit         // the Rule literals
}

// parsePackage type-checks the package's own files. Imports other than
// the standard library are not resolved (their errors are ignored): the
// graph is over this package's functions only.
func parsePackage(t *testing.T) *srcGraph {
	t.Helper()
	fset := token.NewFileSet()
	ents, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, e := range ents {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	std := importer.Default()
	conf := types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if !strings.Contains(path, ".") {
				return std.Import(path)
			}
			return nil, fmt.Errorf("not resolved: %s", path)
		}),
		Error: func(error) {},
	}
	pkg, _ := conf.Check("rules", fset, files, info)
	g := &srcGraph{info: info, bodies: map[types.Object][]ast.Node{}, kindOf: map[types.Object]Fact{}}
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				obj := info.Defs[d.Name]
				if d.Name.Name == "init" && d.Recv == nil {
					// An init function that sets a field of a variable
					// is part of the variable.
					ast.Inspect(d.Body, func(n ast.Node) bool {
						if as, ok := n.(*ast.AssignStmt); ok {
							for _, l := range as.Lhs {
								if se, ok := l.(*ast.SelectorExpr); ok {
									if id, ok := se.X.(*ast.Ident); ok && info.Uses[id] != nil {
										g.bodies[info.Uses[id]] = append(g.bodies[info.Uses[id]], as)
									}
								}
							}
						}
						return true
					})
					continue
				}
				if obj == nil || d.Body == nil {
					continue
				}
				g.bodies[obj] = append(g.bodies[obj], d.Body)
				if d.Recv != nil {
					typ := d.Recv.List[0].Type
					if s, ok := typ.(*ast.StarExpr); ok {
						typ = s.X
					}
					if id, ok := typ.(*ast.Ident); ok {
						if k, ok := kindTypes[id.Name]; ok {
							g.kindOf[obj] = k
						}
					}
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if vs, ok := s.(*ast.ValueSpec); ok {
						for i, n := range vs.Names {
							if i < len(vs.Values) && info.Defs[n] != nil {
								g.bodies[info.Defs[n]] = append(g.bodies[info.Defs[n]], vs.Values[i])
							}
						}
					}
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if cl, ok := n.(*ast.CompositeLit); ok {
				if id, ok := cl.Type.(*ast.Ident); ok && id.Name == "Rule" {
					g.rules = append(g.rules, cl)
				} else if at, ok := cl.Type.(*ast.ArrayType); ok && isRulePtr(at.Elt) {
					// []*Rule{{...}}: the elements' type is elided.
					for _, e := range cl.Elts {
						if el, ok := e.(*ast.CompositeLit); ok {
							g.rules = append(g.rules, el)
						}
					}
				}
			}
			return true
		})
	}
	if pkg == nil || len(g.kindOf) == 0 || len(g.rules) == 0 {
		t.Fatalf("type-checking the package found %d kind methods and %d rules", len(g.kindOf), len(g.rules))
	}
	return g
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

func isRulePtr(e ast.Expr) bool {
	s, ok := e.(*ast.StarExpr)
	if !ok {
		return false
	}
	id, ok := s.X.(*ast.Ident)
	return ok && id.Name == "Rule"
}

// reads returns the kinds reachable from the roots. The methods of a
// kind count as reads of it and are not entered, except those of own
// when hasOwn (to check what a kind is computed from).
func (g *srcGraph) reads(roots []ast.Node, own Fact, hasOwn bool) map[Fact]bool {
	out := map[Fact]bool{}
	seen := map[types.Object]bool{}
	var visit func(n ast.Node)
	enter := func(obj types.Object) {
		if obj == nil || seen[obj] {
			return
		}
		seen[obj] = true
		if k, ok := g.kindOf[obj]; ok && !(hasOwn && k == own) {
			out[k] = true
			return
		}
		if fn, ok := obj.(*types.Func); ok {
			if k, ok := accessors[fn.Name()]; ok && recvName(fn) == "function" {
				out[k] = true
				return
			}
		}
		for _, b := range g.bodies[obj] {
			visit(b)
		}
	}
	visit = func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if sel, ok := g.info.Selections[n]; ok {
					enter(sel.Obj())
				}
			case *ast.Ident:
				enter(g.info.Uses[n])
			}
			return true
		})
	}
	for _, r := range roots {
		visit(r)
	}
	if hasOwn {
		delete(out, own)
	}
	return out
}

// recvName is the name of a method's receiver type, or "".
func recvName(fn *types.Func) string {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return ""
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := t.(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

func kindsOf(m map[Fact]bool) []Fact {
	var ks []Fact
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// TestFactDeps checks that each kind's code reads only the kinds
// factDeps says it is computed from.
func TestFactDeps(t *testing.T) {
	g := parsePackage(t)
	for k := Flow; k < numFacts; k++ {
		var roots []ast.Node
		for obj, kk := range g.kindOf {
			if kk == k {
				roots = append(roots, g.bodies[obj]...)
			}
		}
		if len(roots) == 0 {
			t.Errorf("%s facts have no methods", k)
			continue
		}
		got := kindsOf(g.reads(roots, k, true))
		var want []Fact
		for d := Syntax; d < numFacts; d++ {
			if factDeps(k)&(1<<d) != 0 {
				want = append(want, d)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s facts read %v, factDeps says %v", k, got, want)
		}
	}
}

// TestRuleRequires checks that each rule requires exactly the kinds its
// Run reads (what those kinds are computed from comes with them).
func TestRuleRequires(t *testing.T) {
	g := parsePackage(t)
	byName := map[string]*ast.CompositeLit{}
	for _, cl := range g.rules {
		var name string
		for _, e := range cl.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok && kv.Key.(*ast.Ident).Name == "Name" {
				if bl, ok := kv.Value.(*ast.BasicLit); ok {
					name, _ = strconv.Unquote(bl.Value)
				}
			}
		}
		if name != "" {
			byName[name] = cl
		}
	}
	for _, r := range All() {
		cl := byName[r.Name]
		if cl == nil {
			t.Errorf("%s: no Rule literal with this name in the source", r.Name)
			continue
		}
		var run ast.Node
		for _, e := range cl.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok && kv.Key.(*ast.Ident).Name == "Run" {
				run = kv.Value
			}
		}
		if run == nil {
			t.Errorf("%s: no Run", r.Name)
			continue
		}
		reads := g.reads([]ast.Node{run}, 0, false)
		delete(reads, Syntax)
		got := kindsOf(reads)
		want := slices.Clone(r.Requires)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: Run reads %v, Requires says %v", r.Name, got, want)
		}
	}
}

// TestRequiresEnforced checks that a rule reading a kind it does not
// require fails with an error naming it, while the other rules' findings
// stay.
func TestRequiresEnforced(t *testing.T) {
	src := "int main(int argc, char **argv) { char buf[4]; return buf[atoi(argv[1])]; }\n"
	for _, tc := range []struct {
		requires []Fact
		wantErr  string
	}{
		{nil, "reads taint facts without requiring them"},
		{[]Fact{Flow}, "reads taint facts without requiring them"},
		{[]Fact{Taint}, ""},
	} {
		c := New()
		c.rules = append([]*Rule{{
			Name: "test-reads-taint", CWE: "CWE-20", Doc: "reads taint", Fix: "none",
			Requires: tc.requires,
			Run: func(p *Pass) {
				for _, f := range p.Funcs() {
					f.taint().run(userInput)
				}
			},
		}}, c.rules...)
		fs, err := c.Check(context.Background(), analysis.File{Path: "t.c", Lang: analysis.C, Src: []byte(src)})
		switch {
		case tc.wantErr == "" && err != nil:
			t.Errorf("requires %v: %v", tc.requires, err)
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr) || !strings.Contains(err.Error(), "test-reads-taint")):
			t.Errorf("requires %v: error %v, want one naming the rule and %q", tc.requires, err, tc.wantErr)
		}
		if len(fs) == 0 {
			t.Errorf("requires %v: the other rules' findings are lost", tc.requires)
		}
	}
}
