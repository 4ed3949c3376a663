package rules

// Taint: which values in a function come from a source (the command
// line, input, the environment, rand(), an external function), following
// assignments, parsing (atoi, strtol, sscanf, std::stoi), string building
// (sprintf, strcat, snprintf, std::string) and calls to functions of the
// same file. A variable is tainted from the first write of tainted data
// on; a read sees it when it comes later in the text or in the same loop.

import "strings"

// taintFacts are a function's Taint facts: one taintRun per taintSpec
// (run), telling which expressions carry data from the spec's sources
// and from where; a summary per spec of what the function's return value
// carries (its own sources, and which parameters flow into it), which
// callers of the same file apply at each call; the variables a guard
// compares with a bound (upperBoundChecked); and the variables an
// expression's data comes from (sourcesOf).
//
// Blind spots: taint is flow-insensitive within straight-line code (a
// variable is tainted from its first tainted write on, to the end of the
// function or around the loop that holds it); it follows whole variables
// and, within a function, the fields of a variable by access path (r.term
// written from input leaves r.html clean until something tainted is
// written there), but not elements (buf[i] written taints buf), and a
// clean write does not clean what was tainted. Across calls a struct is
// whole: a helper that fills one field of *req from input taints all of
// req in its callers. Across the calls of the file, every spec follows
// the summary of a callee's return value; a spec with interproc set also
// carries its callers' arguments into a callee's parameters and the
// callee's writes back through pointer and reference parameters
// (interproc.go), context-insensitively: a helper's parameter is tainted
// when any call of the file passes it tainted data.
type taintFacts struct {
	f     *function
	runs  map[string]*taintRun     // by spec id
	sums  map[string]*taintSummary // by spec id
	ubc   map[string]bool          // upperBoundChecked, built on first use
	extra []*defSite               // writes the syntax facts miss (extraDefs), built on first use
	specs map[string]*taintSpec    // derived specs by id (localSpec)
}

// taintSpec says what a taint analysis counts as a source and where
// taint stops.
type taintSpec struct {
	id string
	// source reports whether an expression is itself a source, and names it.
	source func(f *function, n *node) (string, bool)
	// inputDefs makes values read by scanf, fgets, read, std::cin... sources.
	inputDefs bool
	// stop reports expressions whose value is clean whatever their
	// operands: rand() % n, escape_html(x).
	stop func(f *function, n *node) bool
	// barrier reports variables whose reads are clean; at is the read.
	barrier func(f *function, name string, at *node) bool
	// params makes integer parameters of functions other than main sources.
	params func(v *varInfo) bool
	// interproc carries taint across the calls of the file: a callee's
	// parameter takes the taint of the arguments its callers pass, and
	// a callee's writes through a pointer or reference parameter reach
	// the caller's argument.
	interproc bool
	// argClean reports an argument its caller has checked before the
	// call (a path resolved and compared with a base directory): it
	// does not taint the callee's parameter.
	argClean func(f *function, arg, call *node) bool
	// escaper reports a parameter whose special characters the function
	// replaces (a quoting or escaping function, judged by its body):
	// what it writes or returns from that parameter is clean.
	escaper func(f *function, p *varInfo) bool
	// cleanDefs applies argClean to the writes as well: data a guard
	// has validated where it is copied (if (is_number(max)) sql += max)
	// does not taint what it is copied into.
	cleanDefs bool
	// textOnly says only text carries the taint: an integer member
	// written through a parameter (req->page = (int)strtol(...)) does
	// not make the caller's struct tainted.
	textOnly bool
	// throughIndex carries the taint of an index to what a table holds
	// there: digits[key[i] >> 4] encodes the key (a secret stays one in
	// hex; a table's entries carry no markup a request put there).
	throughIndex bool
	// base is the spec a derived one (localSpec, a summary's parameter
	// run) comes from: callees' summaries are the base spec's.
	base *taintSpec
}

// root returns the spec whose summaries callees use.
func (s *taintSpec) root() *taintSpec {
	if s.base != nil {
		return s.base
	}
	return s
}

// taintRun is the result of one taint analysis on one function.
type taintRun struct {
	f    *function
	spec *taintSpec
	at   map[string]uint32
	why  map[string]string
	// Writes to a field of a variable (r.term, p->name) are kept by
	// access path as well: fieldAt and fieldWhy say where and from what
	// each path was first tainted. fieldOnly holds the variables tainted
	// only through such writes, whose other fields stay clean.
	fieldAt   map[string]uint32
	fieldWhy  map[string]string
	fieldOnly map[string]bool
	memo      map[*node]string
	done      bool
}

func newTaintRun(f *function, spec *taintSpec) *taintRun {
	return &taintRun{f: f, spec: spec, at: map[string]uint32{}, why: map[string]string{},
		fieldAt: map[string]uint32{}, fieldWhy: map[string]string{}, fieldOnly: map[string]bool{}}
}

// taint runs (or returns the cached run of) a taint analysis.
func (ta *taintFacts) run(spec *taintSpec) *taintRun {
	f := ta.f
	if r, ok := ta.runs[spec.id]; ok {
		if !r.done {
			f.file.partialReads++
		}
		return r
	}
	r := newTaintRun(f, spec)
	ta.runs[spec.id] = r
	outer := f.file.partialReads
	f.file.partialReads = 0
	defer func() {
		// A run that read another still under way (a caller asking its
		// callee, which asks its callers back) is not kept: it is made
		// again when next asked, after the other is done.
		if f.file.partialReads > 0 && ta.runs[spec.id] == r {
			delete(ta.runs, spec.id)
		}
		f.file.partialReads = outer
	}()
	if spec.params != nil {
		for _, p := range f.params {
			if p.name != "" && spec.params(p) {
				r.at[p.name] = 0
				r.why[p.name] = "the parameter " + p.name
			}
		}
	}
	if spec.interproc && spec.base == nil {
		r.fromCallers()
	}
	r.propagate(8, true)
	r.done = true
	r.memo = map[*node]string{}
	return r
}

// tainted reports whether an expression carries tainted data, and from
// where ("" when it does not).
func (r *taintRun) expr(n *node) string {
	if n == nil {
		return ""
	}
	if r.done {
		if w, ok := r.memo[n]; ok {
			return w
		}
		w := r.eval(n, 0)
		r.memo[n] = w
		return w
	}
	return r.eval(n, 0)
}

func (r *taintRun) eval(n *node, depth int) string {
	if n == nil || depth > 60 {
		return ""
	}
	f := r.f
	if r.spec.stop != nil && r.spec.stop(f, n) {
		return ""
	}
	if r.spec.source != nil {
		if w, ok := r.spec.source(f, n); ok {
			return w
		}
	}
	switch n.kind {
	case "parameter_declaration":
		// A parameter of a vexing parse: std::string s(argv[1]).
		return r.eval(n.child("type"), depth+1)
	case "identifier", "type_identifier":
		name := f.text(n)
		if n.kind == "type_identifier" && f.lookup(name) == nil {
			return ""
		}
		if r.spec.barrier != nil && r.spec.barrier(f, name, n) {
			return ""
		}
		if pos, ok := r.at[name]; ok && reachesNode(f, pos, n) {
			return r.why[name]
		}
		if r.spec.interproc && n.kind == "identifier" && f.lookup(name) == nil {
			return memberTaint(r.spec.root(), f, n)
		}
		return ""
	case "parenthesized_expression":
		return r.eval(n.firstNamed(), depth+1)
	case "cast_expression":
		return r.eval(n.child("value"), depth+1)
	case "field_expression":
		if w, ok := r.fieldTaint(n); ok {
			return w
		}
		return r.eval(n.child("argument"), depth+1)
	case "subscript_expression", "pointer_expression":
		w := r.eval(n.child("argument"), depth+1)
		if w == "" && n.kind == "subscript_expression" && r.spec.root().throughIndex {
			w = r.eval(subscriptIndex(n), depth+1) // digits[key[i] >> 4]
		}
		return w
	case "binary_expression":
		switch f.text(n.child("operator")) {
		case "+", "-", "*", "/", "%", "<<", ">>", "|", "&", "^":
			if w := r.eval(n.child("left"), depth+1); w != "" {
				return w
			}
			return r.eval(n.child("right"), depth+1)
		}
		return ""
	case "unary_expression":
		if f.text(n.child("operator")) == "!" {
			return ""
		}
		return r.eval(n.child("argument"), depth+1)
	case "update_expression":
		return r.eval(n.child("argument"), depth+1)
	case "conditional_expression":
		if w := r.eval(n.child("consequence"), depth+1); w != "" {
			return w
		}
		return r.eval(n.child("alternative"), depth+1)
	case "assignment_expression":
		return r.eval(n.child("right"), depth+1)
	case "comma_expression":
		return r.eval(n.child("right"), depth+1)
	case "initializer_list", "argument_list", "compound_literal_expression":
		for _, c := range n.namedChildren() {
			if w := r.eval(c, depth+1); w != "" {
				return w
			}
		}
		return ""
	case "call_expression":
		return r.call(n, depth)
	}
	return ""
}

func (r *taintRun) call(n *node, depth int) string {
	f := r.f
	c := f.callAt[n]
	if c == nil {
		return ""
	}
	anyArg := func() string {
		for _, a := range c.args {
			if w := r.eval(a, depth+1); w != "" {
				return w
			}
		}
		return ""
	}
	switch {
	case (c.name == "strtok" || c.name == "strtok_r") && nullLiteral(f, c.arg(0)):
		// strtok_r(NULL, " ", &save) goes on through the string the
		// last call with a string began.
		var first *callSite
		for _, o := range f.calls {
			if o.name == c.name && o.n.start < n.start && !nullLiteral(f, o.arg(0)) {
				first = o
			}
		}
		if first != nil {
			return r.eval(first.arg(0), depth+1)
		}
		return ""
	case valuePropagators[c.name]:
		return anyArg()
	case c.recv != nil && (c.name == ".find" || c.name == ".lower_bound" || c.name == ".upper_bound") && associative(f, c.recv):
		// form.find(key) of a std::map: an iterator to what it holds.
		return r.eval(c.recv, depth+1)
	case c.recv != nil && stringMethods[c.name] && f.callee(c) == nil:
		// A method of the file named like one (form.get("name")) is
		// judged by its summary below.
		if w := r.eval(c.recv, depth+1); w != "" {
			return w
		}
		if c.name == ".append" || c.name == ".insert" || c.name == ".replace" {
			return anyArg()
		}
		return ""
	case c.name == "fgets" || c.name == "gets" || c.name == "strcpy" || c.name == "strcat" ||
		c.name == "strncpy" || c.name == "strncat" || c.name == "stpcpy":
		// These return their destination.
		return r.eval(c.arg(0), depth+1)
	}
	if callee := f.callee(c); callee != nil && callee != f {
		sum := callee.taint().summary(r.spec)
		if sum.source != "" {
			return sum.source
		}
		for i, a := range c.args {
			if sum.params[i] {
				if w := r.eval(a, depth+1); w != "" {
					return w
				}
			}
		}
		if sum.fromThis && c.recv != nil {
			return r.eval(c.recv, depth+1)
		}
	}
	return ""
}

// taintSummary says what a function's result carries: data from its own
// sources, and from which parameters; and, for an interproc spec, what
// it writes through its pointer and reference parameters (outs: which
// parameters flow into the pointee of parameter j; outSrc: its own
// sources written there, as fgets(buf, n, stdin) into the caller's buf).
type taintSummary struct {
	source string
	params map[int]bool
	// fromThis is set for a method that returns what its object holds
	// (a member, or what a member container's lookup finds): the
	// call's result carries the object's taint (cfg.get("label")).
	fromThis bool
	outs     map[int]map[int]bool
	outSrc   map[int]string
}

// summary computes (once) what a function returns under a taint spec.
// Its own sources are those of the function alone (localSpec): what its
// callers pass comes in through params.
func (ta *taintFacts) summary(spec *taintSpec) *taintSummary {
	f := ta.f
	spec = spec.root()
	if s, ok := ta.sums[spec.id]; ok {
		return s
	}
	s := &taintSummary{params: map[int]bool{}}
	ta.sums[spec.id] = s // a recursive call sees an empty summary
	returns := f.byKind["return_statement"]
	own := ta.run(ta.localSpec(spec))
	for _, ret := range returns {
		if e := ret.firstNamed(); e != nil {
			if w := own.expr(e); w != "" {
				s.source = w
			}
			if !s.fromThis {
				for name := range ta.sourcesOf(e) {
					if textMember(f, name) && !storedByMethods(f, name) {
						s.fromThis = true
					}
				}
			}
		}
	}
	if spec.interproc {
		for j, q := range f.params {
			if w := ta.writtenThrough(own, q); w != "" {
				if s.outSrc == nil {
					s.outSrc = map[int]string{}
				}
				s.outSrc[j] = w
			}
		}
	}
	for i, p := range f.params {
		if p.name == "" {
			continue
		}
		if spec.escaper != nil && spec.escaper(f, p) {
			continue
		}
		ps := &taintSpec{id: spec.id + "/param", stop: spec.stop, base: spec, source: func(g *function, n *node) (string, bool) {
			// A type_identifier is the parameter in a vexing parse:
			// std::istringstream ss(qs).
			if (n.kind == "identifier" || n.kind == "type_identifier") && g.text(n) == p.name {
				return "the parameter " + p.name, true
			}
			return "", false
		}}
		pr := newTaintRun(f, ps)
		// A short run without caching: the parameter as the only source.
		pr.propagate(4, false)
		for _, ret := range returns {
			if e := ret.firstNamed(); e != nil && pr.eval(e, 0) != "" &&
				(spec.argClean == nil || !spec.argClean(f, e, ret)) {
				s.params[i] = true
			}
		}
		if !spec.interproc {
			continue
		}
		for j, q := range f.params {
			if j == i {
				continue
			}
			// Checked before the function returns it: the realpath of a
			// joined name compared with the base, a validated host.
			if ta.writtenThrough(pr, q) != "" && (spec.argClean == nil || !spec.argClean(f, q.decl, lastStatement(f)) || changedAfterCheck(f, spec, q)) {
				if s.outs == nil {
					s.outs = map[int]map[int]bool{}
				}
				if s.outs[j] == nil {
					s.outs[j] = map[int]bool{}
				}
				s.outs[j][i] = true
			}
		}
	}
	return s
}

// propagate runs the definitions of the function to a fixpoint (at most
// rounds rounds): a variable is tainted from the first write of tainted
// data on. An interproc spec also takes the writes the syntax facts miss
// (extraDefs) and the callees' writes through out-parameters.
func (r *taintRun) propagate(rounds int, spend bool) {
	f := r.f
	spec := r.spec
	interproc := spec.root().interproc
	var defs []*defSite
	if interproc {
		defs = f.taint().extraDefs()
	}
	taintDef := func(d *defSite) bool {
		path := r.defPath(d)
		if pos, ok := r.at[d.name]; ok && pos <= d.pos && !r.fieldOnly[d.name] {
			return false
		}
		if pos, ok := r.fieldAt[path]; ok && path != "" && pos <= d.pos {
			return false
		}
		why := ""
		if d.op == "input" && spec.inputDefs {
			why = d.input
		} else {
			root := spec.root()
			for _, s := range d.srcs {
				if w := r.expr(s); w != "" {
					if root.cleanDefs && root.argClean != nil && d.n != nil && root.argClean(f, s, d.n) {
						continue
					}
					why = w
					break
				}
			}
		}
		if why == "" {
			return false
		}
		changed := r.mark(d.name, path, d.pos, why)
		if !d.whole {
			// memcpy(p, s, len) with p = out + 1: the data is in out.
			if base := pointeeOf(f, d.name); base != "" && r.mark(base, "", d.pos, why) {
				changed = true
			}
		}
		return changed
	}
	for round := 0; round < rounds; round++ {
		changed := false
		for _, list := range [][]*defSite{f.defs, defs} {
			for _, d := range list {
				if spend && !f.file.spend(1) {
					break
				}
				if taintDef(d) {
					changed = true
				}
			}
		}
		if interproc && r.callWrites() {
			changed = true
		}
		if !changed {
			break
		}
	}
}

// pointeeOf is the buffer a local pointer walks: the variable every
// whole assignment of the pointer sets it into (p = out, p = out + 1,
// p = &out[k]), besides its own steps (p++, p += n). "" when there is
// none or more than one.
func pointeeOf(f *function, name string) string {
	return cached(f.cacheMap(), "pointee/"+name, func() string {
		v := f.vars[name]
		if v == nil || !v.isPointer() || v.isParam {
			return ""
		}
		base := ""
		for _, d := range f.defs {
			if d.name != name || !d.whole {
				continue
			}
			switch d.op {
			case "++", "--", "+=", "-=":
				continue
			case "=", "decl":
			default:
				return ""
			}
			if len(d.srcs) != 1 {
				return ""
			}
			b := pointerBase(f, d.srcs[0])
			if b == "" || b == name || base != "" && b != base {
				return ""
			}
			base = b
		}
		return base
	})
}

// pointerBase is the buffer variable a pointer expression points into:
// out, out + k, &out[k], (char *)out.
func pointerBase(f *function, e *node) string {
	e = unparen(e)
	if e == nil {
		return ""
	}
	switch e.kind {
	case "identifier":
		if v := f.vars[f.text(e)]; v != nil && (v.isPointer() || v.isArray()) {
			return f.text(e)
		}
	case "binary_expression":
		if op := f.text(e.child("operator")); op == "+" || op == "-" {
			return pointerBase(f, e.child("left"))
		}
	case "pointer_expression":
		if e.op0() == "&" {
			if a := unparen(e.child("argument")); a != nil && a.kind == "subscript_expression" {
				return pointerBase(f, a.child("argument"))
			}
		}
	}
	return ""
}

// associative reports a std::map, std::unordered_map, std::set or
// std::multimap: its find returns an iterator to an element, not an
// index into a string.
func associative(f *function, e *node) bool {
	v := f.placeVar(e)
	if v == nil {
		return false
	}
	t := v.typ
	return strings.Contains(t, "map<") || strings.Contains(t, "set<")
}

// mark records tainted data written at pos into the variable name, or
// into its field path (r.term) when path is not "". It reports whether
// anything changed.
func (r *taintRun) mark(name, path string, pos uint32, why string) bool {
	changed := false
	if path != "" {
		if p, ok := r.fieldAt[path]; !ok || pos < p {
			r.fieldAt[path], r.fieldWhy[path] = pos, why
			changed = true
		}
		if _, ok := r.at[name]; !ok {
			r.fieldOnly[name] = true
		}
	} else if r.fieldOnly[name] {
		delete(r.fieldOnly, name)
		changed = true
	}
	if p, ok := r.at[name]; !ok || pos < p {
		r.at[name], r.why[name] = pos, why
		changed = true
	}
	return changed
}

// defPath is the field path a definition writes (r.term for r.term =
// ..., snprintf(r.term, ...) or read_line(fp, &r->name)), "" when it
// writes the whole variable or a place the path cannot name.
func (r *taintRun) defPath(d *defSite) string {
	f := r.f
	place := d.lhs
	if place == nil && d.call != nil {
		for _, a := range d.call.args {
			x, _ := addrOf(a)
			if n, _ := baseVar(f.file.t, x); n == d.name {
				place = x
				break
			}
		}
	}
	return placePath(f, place)
}

// placePath is the field path of a written place, "" unless it is a
// field of a named variable.
func placePath(f *function, place *node) string {
	place = unparenOnly(place)
	if place == nil || place.kind != "field_expression" {
		return ""
	}
	return fieldPath(f, place)
}

// fieldTaint answers for a read of a field of a variable tainted only
// through writes to its fields: tainted when the path read, a path
// inside it or one around it was written with tainted data first. ok is
// false when the variable's taint is not by field.
func (r *taintRun) fieldTaint(n *node) (string, bool) {
	path := fieldPath(r.f, n)
	base, _, found := strings.Cut(path, ".")
	if !found || !r.fieldOnly[base] {
		return "", false
	}
	// The earliest write of a related path names the source, so that
	// the answer does not hang on the map's order.
	why, first := "", ""
	for k, pos := range r.fieldAt {
		if (k == path || strings.HasPrefix(path, k+".") || strings.HasPrefix(k, path+".")) && reachesNode(r.f, pos, n) &&
			(first == "" || pos < r.fieldAt[first] || pos == r.fieldAt[first] && k < first) {
			why, first = r.fieldWhy[k], k
		}
	}
	return why, true
}

// reachesNode reports whether a write at position from reaches the read
// n: it comes first, or a loop around both carries it over.
func reachesNode(f *function, from uint32, n *node) bool {
	if from < n.start {
		return true
	}
	for p := n.parent; p != nil; p = p.parent {
		switch p.kind {
		case "while_statement", "for_statement", "do_statement", "for_range_loop":
			if p.start <= from && from < p.end {
				return true
			}
		case "function_definition":
			return false
		}
	}
	return false
}

// upperBoundChecked reports whether a variable is compared with < <= >
// >= against anything but 0 somewhere in the function. CodeQL's taint
// tracking (DefaultTaintTracking) treats every read of such a variable
// as clean: the comparison is taken for a bounds check.
func (ta *taintFacts) upperBoundChecked(name string) bool {
	f := ta.f
	set := ta.ubc
	if set == nil {
		set = map[string]bool{}
		for _, b := range f.byKind["binary_expression"] {
			switch f.text(b.child("operator")) {
			case "<", ">", "<=", ">=":
			default:
				continue
			}
			// A pointer compared with another (s < end) is walking a
			// buffer, not checked: the characters it reads are the
			// input's.
			l, r := b.child("left"), b.child("right")
			if n := f.identName(l); n != "" && squeeze(f.text(r)) != "0" && !walkingPointer(f, n) {
				set[n] = true
			}
			if n := f.identName(r); n != "" && squeeze(f.text(l)) != "0" && !walkingPointer(f, n) {
				set[n] = true
			}
		}
		ta.ubc = set
	}
	return set[name]
}

// walkingPointer reports a local pointer variable (not an array, not an
// integer).
func walkingPointer(f *function, name string) bool {
	v := f.vars[name]
	return v != nil && v.isPointer() && len(v.dims) == 0
}

// boundedBefore reports whether the guards at a read bound a variable
// above (count <= K, or after if (count > K) return): unlike
// upperBoundChecked (CodeQL's barrier: any comparison, anywhere), i <
// count later in a loop does not bound count for the count * sizeof
// before it.
func (ta *taintFacts) boundedBefore(name string, at *node) bool {
	if at == nil || at.kind != "identifier" {
		return ta.upperBoundChecked(name)
	}
	point := at
	// for (...; i < n; i++): the update runs where the condition held.
	for c, p := at, at.parent; p != nil && p.kind != "compound_statement"; c, p = p, p.parent {
		if p.kind == "for_statement" && c.field == "update" {
			if body := p.child("body"); body != nil {
				point = body
			}
			break
		}
	}
	b := ta.f.guards().boundsOf(at, point)
	return b.hasHi || len(b.symHi) > 0
}

// userInput is the taint spec of data a user controls: the command line,
// standard input and streams, the environment (including CGI's
// QUERY_STRING), and the network.
var userInput = &taintSpec{
	id:        "input",
	inputDefs: true,
	source:    userSource,
}

// inputCleanedBy is user input as CodeQL's DefaultTaintTracking sees it
// (a variable compared with a bound is clean from then on), whose taint
// stops at the calls clean accepts (by normalised name: "basename",
// ".filename").
func inputCleanedBy(id string, clean func(f *function, c *callSite) bool) *taintSpec {
	return &taintSpec{
		id:        id,
		inputDefs: true,
		source:    userSource,
		barrier:   func(f *function, name string, _ *node) bool { return f.taint().upperBoundChecked(name) },
		stop: func(f *function, n *node) bool {
			if n.kind != "call_expression" {
				return false
			}
			c := f.callAt[n]
			return c != nil && clean(f, c)
		},
	}
}

func userSource(f *function, n *node) (string, bool) {
	switch n.kind {
	case "identifier", "type_identifier":
		if argv := f.argvName(); argv != "" && f.text(n) == argv {
			return "the command line (" + argv + ")", true
		}
	case "call_expression":
		c := f.callAt[n]
		if c == nil {
			return "", false
		}
		if what, ok := inputReturns[c.name]; ok {
			if c.name == "getenv" || c.name == "secure_getenv" {
				if s, ok := stringValue(f.file.t, unparenOnly(c.arg(0))); ok {
					if !cgiRequestVar(s) && cgiProgram(f.file) {
						// HELP_ROOT in a CGI program: the server's
						// configuration, not the request.
						return "", false
					}
					return "the environment variable " + s, true
				}
			}
			return what, true
		}
	}
	return "", false
}

// sourcesOf returns the variables whose data flows into an expression,
// following definitions backwards.
func (ta *taintFacts) sourcesOf(e *node) map[string]bool {
	return ta.sources(e, false)
}

// checkedSources is sourcesOf for a check of the data: it does not go
// through a decoder (decodes), since a check of raw says nothing of
// decode(raw): "%2e%2e" holds no "..", its decoding does. It also holds
// the members read (fieldKey + "job.dir"), so that a check of one
// member is not taken for a check of another.
func (ta *taintFacts) checkedSources(e *node) map[string]bool {
	return ta.sources(e, true)
}

// fieldKey prefixes the members in a checkedSources set; no variable's
// name starts with it.
const fieldKey = "field:"

func (ta *taintFacts) sources(e *node, stopAtDecoders bool) map[string]bool {
	f := ta.f
	out := map[string]bool{}
	var add func(e *node, depth int)
	add = func(e *node, depth int) {
		if e == nil || depth > 8 {
			return
		}
		e.walk(func(m *node) bool {
			if stopAtDecoders && m.kind == "call_expression" {
				if cs := f.callAt[m]; cs != nil && decodes(f, cs) {
					return false
				}
			}
			if stopAtDecoders && m.kind == "field_expression" {
				// job.dir: which member the data holds, so that a check
				// of job.name does not clear it (fieldChecked).
				if p := fieldPath(f, m); p != "" {
					out[fieldKey+p] = true
				}
			}
			// A type_identifier is a variable in a vexing parse:
			// std::ifstream in(path).
			if m.kind == "identifier" || m.kind == "type_identifier" && f.lookup(f.text(m)) != nil {
				name := f.text(m)
				if !out[name] {
					out[name] = true
					f.eachSource(name, func(s *node) { add(s, depth+1) })
				}
			}
			return true
		})
	}
	add(e, 0)
	return out
}

// eachSource calls visit with every expression a definition of the
// variable takes its value from.
func (f *function) eachSource(name string, visit func(*node)) {
	for _, d := range f.defs {
		if d.name == name {
			for _, s := range d.srcs {
				visit(s)
			}
		}
	}
}

// storedByMethods reports whether a method of f's class writes the data
// member: then memberTaint judges what it holds. A member only filled
// from outside (cfg.values_[k] = v in a static load()) takes the
// taint of the object it is read from.
func storedByMethods(f *function, member string) bool {
	rec := f.classOf()
	for _, g := range f.file.funcs {
		if g.classOf() != rec || g.lookup(member) != nil {
			continue
		}
		for _, d := range g.defs {
			if d.name == member {
				return true
			}
		}
	}
	return false
}

// memberTaint is the taint of a class's data member read in one of its
// methods (body_ in render()): what any method of the class stores in
// it (body_ += "<h2>" + term in heading(), term tainted by its callers).
// It is flow-insensitive across the methods, as an object outlives the
// calls that fill it; a store is asked of its method's own run.
func memberTaint(spec *taintSpec, f *function, n *node) string {
	rec := f.classOf()
	if rec == nil || f.memberOf(n) == nil {
		return ""
	}
	member := f.text(n)
	ff := f.file
	key := spec.id + "/" + rec.name + "::" + member
	if ff.memberBusy == nil {
		ff.memberBusy = map[string]bool{}
	}
	if ff.memberBusy[key] {
		return ""
	}
	// Only a found taint is kept: a method's run asked while it is still
	// being made may not know its parameters yet, and taint only grows.
	ck := "taint/member/" + key
	if why, ok := ff.cache[ck].(string); ok {
		return why
	}
	ff.memberBusy[key] = true
	defer delete(ff.memberBusy, key)
	for _, g := range ff.funcs {
		if g.classOf() != rec || !ff.spend(len(g.defs)) {
			continue
		}
		for _, d := range g.defs {
			if d.name != member || g.lookup(member) != nil {
				continue
			}
			for _, src := range d.srcs {
				if why := g.taint().run(spec).expr(src); why != "" {
					ff.cache[ck] = why
					return why
				}
			}
		}
	}
	return ""
}

// cgiRequestVar reports whether an environment variable is one a web
// server sets from the request (RFC 3875 and the HTTP_ headers).
func cgiRequestVar(name string) bool {
	switch name {
	case "QUERY_STRING", "PATH_INFO", "PATH_TRANSLATED", "CONTENT_TYPE", "CONTENT_LENGTH",
		"REQUEST_METHOD", "REQUEST_URI", "REMOTE_USER", "REMOTE_IDENT", "REMOTE_ADDR",
		"REMOTE_HOST", "AUTH_TYPE", "SCRIPT_NAME", "SERVER_NAME", "DOCUMENT_URI":
		return true
	}
	return strings.HasPrefix(name, "HTTP_")
}

// cgiProgram reports whether the file reads the request of a CGI
// program: the environment variables QUERY_STRING, REQUEST_METHOD,
// CONTENT_LENGTH or PATH_INFO. Its other environment variables are the
// server's configuration.
func cgiProgram(ff *fileFacts) bool {
	return cached(ff.cache, "cgiProgram", func() bool {
		for _, f := range ff.funcs {
			for _, c := range f.calls {
				if c.name != "getenv" && c.name != "secure_getenv" {
					continue
				}
				switch s, _ := stringValue(ff.t, unparenOnly(c.arg(0))); s {
				case "QUERY_STRING", "REQUEST_METHOD", "CONTENT_LENGTH", "PATH_INFO":
					return true
				}
			}
		}
		return false
	})
}
