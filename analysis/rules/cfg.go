package rules

// A control-flow graph per function, at the level of statements and
// conditions: a simple statement (an expression, a declaration, a return)
// is one node, a condition of if/while/for/do/switch is one node with a
// true and a false edge, and the init and update parts of a for loop are
// nodes of their own. Within a node, things happen in source order.

// cfgNode is one node of the graph.
type cfgNode struct {
	id   int
	n    *node // the statement or condition; nil for entry and exit
	succ []cfgEdge
	cond bool // a condition node: its edges are true and false
}

// cfgEdge is an edge, labelled for condition nodes.
type cfgEdge struct {
	to     *cfgNode
	branch int8 // 1: condition true, -1: false, 0: unconditional
}

// cfg is a function's graph.
type cfg struct {
	entry, exit *cfgNode
	nodes       []*cfgNode
	of          map[*node]*cfgNode // statement or condition -> its node
	reachable   []bool             // by node id: reachable from the entry
}

type cfgBuilder struct {
	f        *function
	g        *cfg
	brk      []*cfgNode
	cont     []*cfgNode
	labels   map[string]*cfgNode
	gotos    []*cfgNode
	gotoName map[*cfgNode]string
}

// graph returns the function's control-flow graph, built on first use.
func (fl *flowFacts) graph() *cfg {
	f := fl.f
	if fl.cfg != nil {
		return fl.cfg
	}
	g := &cfg{of: map[*node]*cfgNode{}}
	b := &cfgBuilder{f: f, g: g, labels: map[string]*cfgNode{}, gotoName: map[*cfgNode]string{}}
	g.exit = b.newNode(nil)
	g.entry = b.newNode(nil)
	first := b.stmt(f.body, g.exit)
	g.entry.succ = []cfgEdge{{to: first}}
	for _, gn := range b.gotos {
		if target, ok := b.labels[b.gotoName[gn]]; ok {
			gn.succ = []cfgEdge{{to: target}}
		} else {
			gn.succ = []cfgEdge{{to: g.exit}}
		}
	}
	g.reachable = make([]bool, len(g.nodes))
	stack := []*cfgNode{g.entry}
	g.reachable[g.entry.id] = true
	for len(stack) > 0 {
		cn := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, e := range cn.succ {
			if !g.reachable[e.to.id] {
				g.reachable[e.to.id] = true
				stack = append(stack, e.to)
			}
		}
	}
	fl.cfg = g
	return g
}

func (b *cfgBuilder) newNode(n *node) *cfgNode {
	cn := &cfgNode{id: len(b.g.nodes), n: n}
	b.g.nodes = append(b.g.nodes, cn)
	if n != nil {
		b.g.of[n] = cn
	}
	return cn
}

func (b *cfgBuilder) simple(n *node, next *cfgNode) *cfgNode {
	cn := b.newNode(n)
	if !b.noReturnIn(n) {
		cn.succ = []cfgEdge{{to: next}}
	}
	return cn
}

// noReturnIn reports whether a simple statement calls exit(), abort()...
// unconditionally.
func (b *cfgBuilder) noReturnIn(n *node) bool {
	e := n
	if n.kind == "expression_statement" {
		e = unparenOnly(n.firstNamed())
	}
	if e == nil {
		return false
	}
	if e.kind == "throw_statement" || e.kind == "throw_expression" {
		return true
	}
	if e.kind == "call_expression" {
		name, _ := callName(b.f.file.t, e.child("function"))
		return noReturn[name]
	}
	if e.kind == "comma_expression" {
		for _, c := range e.children {
			if c.kind == "call_expression" {
				name, _ := callName(b.f.file.t, c.child("function"))
				if noReturn[name] {
					return true
				}
			}
		}
	}
	return false
}

func (b *cfgBuilder) condNode(c *node, s *node) *cfgNode {
	if c == nil {
		c = s
	}
	cn := b.newNode(c)
	cn.cond = true
	return cn
}

// condLoop builds a while or do loop: its condition node, which goes to
// the body while true and to next when false, and the body, which
// returns to the condition; break leaves for next, continue goes to the
// condition.
func (b *cfgBuilder) condLoop(s *node, next *cfgNode) (cond, body *cfgNode) {
	c := b.condNode(condExprNode(s), s)
	b.brk, b.cont = append(b.brk, next), append(b.cont, c)
	body = b.stmt(s.child("body"), c)
	b.brk, b.cont = b.brk[:len(b.brk)-1], b.cont[:len(b.cont)-1]
	c.succ = []cfgEdge{{body, 1}, {next, -1}}
	return c, body
}

// stmt builds the graph of a statement that continues at next, and
// returns its entry.
func (b *cfgBuilder) stmt(s *node, next *cfgNode) *cfgNode {
	if s == nil {
		return next
	}
	switch s.kind {
	case "compound_statement", "ERROR", "translation_unit", "case_statement", "else_clause",
		"declaration_list", "try_block":
		entry := next
		kids := s.children
		for i := len(kids) - 1; i >= 0; i-- {
			k := kids[i]
			if !k.named || k.kind == "comment" || k.field == "value" && s.kind == "case_statement" {
				continue
			}
			if s.kind == "ERROR" && !isStatement(k) && !isExpression(k) {
				continue
			}
			entry = b.stmt(k, entry)
		}
		return entry
	case "if_statement":
		c := b.condNode(condExprNode(s), s)
		then := b.stmt(s.child("consequence"), next)
		els := next
		if alt := s.child("alternative"); alt != nil {
			els = b.stmt(alt, next)
		}
		c.succ = []cfgEdge{{then, 1}, {els, -1}}
		if init := condInit(s); init != nil {
			return b.simple(init, c)
		}
		return c
	case "while_statement":
		c, _ := b.condLoop(s, next)
		return c // the condition comes first
	case "do_statement":
		_, body := b.condLoop(s, next)
		return body // the body comes first
	case "for_statement":
		var c *cfgNode
		cexpr := s.child("condition")
		if cexpr != nil {
			c = b.condNode(cexpr, s)
		} else {
			c = b.newNode(nil) // for (;;): always true
			c.cond = true
		}
		head := c
		var upd *cfgNode
		if u := s.child("update"); u != nil {
			upd = b.simple(u, c)
			head = upd
		}
		b.brk, b.cont = append(b.brk, next), append(b.cont, head)
		body := b.stmt(s.child("body"), head)
		b.brk, b.cont = b.brk[:len(b.brk)-1], b.cont[:len(b.cont)-1]
		if cexpr != nil {
			c.succ = []cfgEdge{{body, 1}, {next, -1}}
		} else {
			c.succ = []cfgEdge{{body, 1}}
		}
		if init := s.child("initializer"); init != nil {
			return b.simple(init, c)
		}
		return c
	case "for_range_loop":
		c := b.condNode(s.child("right"), s)
		b.brk, b.cont = append(b.brk, next), append(b.cont, c)
		body := b.stmt(s.child("body"), c)
		b.brk, b.cont = b.brk[:len(b.brk)-1], b.cont[:len(b.cont)-1]
		c.succ = []cfgEdge{{body, 1}, {next, -1}}
		return c
	case "switch_statement":
		c := b.condNode(condExprNode(s), s)
		b.brk = append(b.brk, next)
		body := s.child("body")
		var cases []*cfgNode
		hasDefault := false
		entry := next
		if body != nil {
			kids := body.children
			for i := len(kids) - 1; i >= 0; i-- {
				k := kids[i]
				if !k.named || k.kind == "comment" {
					continue
				}
				entry = b.stmt(k, entry)
				if k.kind == "case_statement" {
					cases = append(cases, entry)
					if len(k.children) > 0 && k.children[0].kind == "default" {
						hasDefault = true
					}
				}
			}
		}
		b.brk = b.brk[:len(b.brk)-1]
		for _, cs := range cases {
			c.succ = append(c.succ, cfgEdge{to: cs})
		}
		if !hasDefault {
			c.succ = append(c.succ, cfgEdge{to: next})
		}
		c.cond = false
		return c
	case "return_statement", "throw_statement":
		cn := b.newNode(s)
		if s.kind == "return_statement" {
			cn.succ = []cfgEdge{{to: b.g.exit}}
		}
		return cn
	case "break_statement":
		cn := b.newNode(s)
		if len(b.brk) > 0 {
			cn.succ = []cfgEdge{{to: b.brk[len(b.brk)-1]}}
		}
		return cn
	case "continue_statement":
		cn := b.newNode(s)
		if len(b.cont) > 0 {
			cn.succ = []cfgEdge{{to: b.cont[len(b.cont)-1]}}
		}
		return cn
	case "goto_statement":
		cn := b.newNode(s)
		b.gotos = append(b.gotos, cn)
		b.gotoName[cn] = b.f.text(s.child("label"))
		return cn
	case "labeled_statement":
		var inner *node
		for _, k := range s.children {
			if k.named && k.field != "label" && k.kind != "comment" {
				inner = k
			}
		}
		entry := b.stmt(inner, next)
		if entry == next {
			entry = b.simple(s, next)
		}
		b.labels[b.f.text(s.child("label"))] = entry
		return entry
	case "try_statement":
		// The body, and each handler as an alternative from the start.
		start := b.newNode(nil)
		body := b.stmt(s.child("body"), next)
		start.succ = []cfgEdge{{to: body}}
		for _, k := range s.children {
			if k.kind == "catch_clause" {
				start.succ = append(start.succ, cfgEdge{to: b.stmt(k.child("body"), next)})
			}
		}
		return start
	case "function_definition", "class_specifier", "struct_specifier", "preproc_include",
		"preproc_def", "preproc_call", "preproc_function_def":
		return next
	case "preproc_if", "preproc_ifdef", "preproc_else", "preproc_elif":
		entry := next
		kids := s.children
		for i := len(kids) - 1; i >= 0; i-- {
			k := kids[i]
			if k.named && (isStatement(k) || k.kind == "declaration") {
				entry = b.stmt(k, entry)
			}
		}
		return entry
	}
	return b.simple(s, next)
}

// condExprNode is the node that holds an if/while/switch condition.
func condExprNode(s *node) *node {
	c := s.child("condition")
	if c == nil {
		return nil
	}
	if c.kind == "condition_clause" {
		if v := c.child("value"); v != nil {
			return v
		}
	}
	return c
}

// condInit is the init-statement of C++17's if (init; cond).
func condInit(s *node) *node {
	c := s.child("condition")
	if c != nil && c.kind == "condition_clause" {
		return c.child("initializer")
	}
	return nil
}

func isStatement(n *node) bool {
	switch n.kind {
	case "compound_statement", "expression_statement", "if_statement", "for_statement",
		"while_statement", "do_statement", "return_statement", "switch_statement",
		"break_statement", "continue_statement", "goto_statement", "labeled_statement",
		"declaration", "case_statement", "try_statement", "throw_statement", "for_range_loop":
		return true
	}
	return false
}

func isExpression(n *node) bool {
	switch n.kind {
	case "call_expression", "assignment_expression", "update_expression", "binary_expression",
		"pointer_expression", "field_expression", "subscript_expression", "init_declarator":
		return true
	}
	return false
}

// nodeOf returns the graph node holding an AST node.
func (g *cfg) nodeOf(n *node) *cfgNode {
	for p := n; p != nil; p = p.parent {
		if cn, ok := g.of[p]; ok {
			return cn
		}
	}
	return nil
}

// reachableNode reports whether an AST node can run at all: code after a
// return or an exit() is dead.
func (fl *flowFacts) reachableNode(n *node) bool {
	g := fl.graph()
	cn := g.nodeOf(n)
	if cn == nil {
		return true
	}
	return g.reachable[cn.id]
}
