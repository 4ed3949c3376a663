package rules

import "strings"

// Interprocedural data flow for the memory rules (CWE-119, 125, 787,
// 190): what the callers of the same file pass into a function's
// parameters, and what a function writes through its pointer parameters
// (out-parameters). Both are summaries per function and spec, computed
// once and applied at every call, so the cost stays linear in the file.
//
// A function with a caller in the file, whose name is not otherwise
// taken (as a callback), gets its parameters from those callers only: a
// parameter carries input when some caller passes input in it. A
// function that nothing in the file calls is an entry point: outside code
// may pass anything.

// callerSite is one call of a function of the file.
type callerSite struct {
	caller *function
	call   *callSite
}

// callGraph is the file's calls resolved to its own functions.
type callGraph struct {
	callers map[*function][]callerSite
	escaped map[string]bool // names used other than as a callee
}

// everyCaller reports whether the file calls f, nothing else can (its
// name is used only as a callee), and ok holds at every call from
// another function: a recursive call, which passes what f got, fails it.
func everyCaller(f *function, ok func(callerSite) bool) bool {
	cg := f.file.calls()
	sites := cg.callers[f]
	if len(sites) == 0 || cg.escaped[f.name] {
		return false
	}
	for _, s := range sites {
		if s.caller == f || !ok(s) {
			return false
		}
	}
	return true
}

// calls returns (once per file) the call graph of the file.
func (ff *fileFacts) calls() *callGraph {
	return cached(ff.cache, "mem/callgraph", func() *callGraph {
		g := &callGraph{callers: map[*function][]callerSite{}, escaped: map[string]bool{}}
		for _, f := range ff.funcs {
			for _, c := range f.calls {
				if callee := f.callee(c); callee != nil {
					g.callers[callee] = append(g.callers[callee], callerSite{f, c})
				}
			}
			for _, id := range f.byKind["identifier"] {
				name := f.text(id)
				if _, ok := ff.defined[name]; !ok {
					continue
				}
				if p := id.parent; p != nil && p.kind == "call_expression" && id.field == "function" {
					continue
				}
				g.escaped[name] = true
			}
		}
		return g
	})
}

// callerTaint says what the callers of v's function pass in the
// parameter v under a spec: the reason when some caller passes tainted
// data, and whether the callers are known at all (false for an entry
// point, whose callers are outside the file).
func callerTaint(spec *taintSpec, v *varInfo) (string, bool) {
	g := v.fn
	if g == nil || g.isMain() {
		return "", false
	}
	cg := g.file.calls()
	sites := cg.callers[g]
	if len(sites) == 0 || cg.escaped[g.name] {
		return "", false
	}
	for _, s := range sites {
		if s.caller == g {
			continue // a recursive call passes what it got
		}
		a := s.call.arg(v.index)
		if a == nil {
			continue
		}
		if w := s.caller.taint().run(spec).expr(a); w != "" {
			callerName := s.caller.name
			if callerName == "" {
				callerName = "its caller"
			}
			return w + ", passed by " + callerName + " to the parameter " + v.name, true
		}
	}
	return "", true
}

// outWrite is a write of data into a variable by a call that fills it
// through a pointer: read_u32(fp, &w) when read_u32 stores input in *out,
// strtol(s, &end, 10) when s is tainted (end points into s).
type outWrite struct {
	pos uint32
	why string
	// from is the caller's argument the callee fills the variable from
	// (parse(line, &n)); its taint is asked when the variable is read,
	// not while the summary is made, so that the caller's run is not
	// made (and kept) before its out-parameters are known.
	from   *node
	callee string
}

// endPointers are the parsers whose second argument receives a pointer
// into their first.
var endPointers = map[string]bool{
	"strtol": true, "strtoul": true, "strtoll": true, "strtoull": true, "strtod": true,
	"strtof": true, "strtold": true, "strtoimax": true, "strtoumax": true,
}

// outWrites returns (once per function and spec) the variables the
// function's calls fill with tainted data through pointers.
func outWrites(spec *taintSpec, f *function) map[string][]outWrite {
	key := "mem/out/" + spec.id
	if m, ok := f.cache[key].(map[string][]outWrite); ok {
		return m
	}
	if f.cache == nil {
		f.cache = map[string]any{}
	}
	m := map[string][]outWrite{}
	f.cache[key] = m // a recursive request sees what is known so far
	for _, c := range f.calls {
		if endPointers[c.name] {
			if a, ok := addrOf(c.arg(1)); ok {
				if name := f.identName(a); name != "" {
					m[name] = append(m[name], outWrite{pos: c.n.end, from: c.arg(0)})
				}
			}
			continue
		}
		callee := f.callee(c)
		if callee == nil || callee == f {
			continue
		}
		filled := filledParams(spec, callee)
		for i, a := range c.args {
			inner, _ := addrOf(a)
			name, _ := baseVar(f.file.t, inner)
			if name == "" {
				continue
			}
			if why, ok := filled[i]; ok {
				m[name] = append(m[name], outWrite{pos: c.n.end, why: why + " (stored by " + callee.name + ")"})
				continue
			}
			// Filled from another parameter: parse(line, &hour) stores
			// what it parses of line in *hour.
			for _, j := range paramFills(callee)[i] {
				if j != i && c.arg(j) != nil {
					m[name] = append(m[name], outWrite{pos: c.n.end, from: c.arg(j), callee: callee.name})
				}
			}
		}
	}
	return m
}

// paramFills returns (once per function) which parameters each pointer
// or reference parameter is written from: *hour = (int)h with h =
// strtol(line, ...) fills hour from line. It is the part of the summary
// that does not depend on a spec: the caller decides with its own
// argument's taint.
func paramFills(g *function) map[int][]int {
	return cached(g.cacheMap(), "mem/paramfills", func() map[int][]int {
		out := map[int][]int{}
		index := map[string]int{}
		for _, p := range g.params {
			if p.name != "" {
				index[p.name] = p.index
			}
		}
		for _, p := range g.params {
			if p.name == "" || !p.isPointer() && !strings.Contains(declText(g, p), "&") {
				continue
			}
			seen := map[int]bool{}
			ref := isRefParam(p) && p.ptr == 0
			for _, d := range g.defs {
				// *out = v, out[i] = v, or ref = v: the value pointed
				// to, not a field or a copy into a member buffer.
				if d.name != p.name || d.op == "decl" {
					continue
				}
				switch {
				case ref && d.whole:
				case d.call != nil:
					// sscanf(text, "%d", count): a reader writing the
					// parameter itself, not a member buffer of it.
					bare := false
					for _, a := range d.call.args {
						if g.identName(a) == p.name {
							bare = true
						}
					}
					if !bare {
						continue
					}
				case d.whole || d.lhs == nil:
					continue
				default:
					if l := unparen(d.lhs); l.kind != "pointer_expression" && l.kind != "subscript_expression" {
						continue
					}
				}
				for _, src := range d.srcs {
					for name := range g.taint().sourcesOf(src) {
						if j, ok := index[name]; ok && j != p.index && !seen[j] {
							seen[j] = true
							out[p.index] = append(out[p.index], j)
						}
					}
				}
			}
		}
		return out
	})
}

// filledParams returns (once per function and spec) the pointer
// parameters a function writes tainted data through: *out = v, out[i] =
// v, out->f = v, or a reader such as fread(out, ...) into them.
func filledParams(spec *taintSpec, g *function) map[int]string {
	key := "mem/filled/" + spec.id
	if m, ok := g.cache[key].(map[int]string); ok {
		return m
	}
	if g.cache == nil {
		g.cache = map[string]any{}
	}
	m := map[int]string{}
	g.cache[key] = m
	var r *taintRun
	for _, p := range g.params {
		if p.name == "" || !p.isPointer() && !strings.Contains(declText(g, p), "&") {
			continue
		}
		ref := isRefParam(p) && p.ptr == 0
		for _, d := range g.defs {
			// A whole write of a pointer parameter moves the pointer;
			// of a reference (long &amount), it writes the caller's.
			if d.name != p.name || d.whole && d.op != "input" && !ref || d.op == "decl" {
				continue
			}
			why := ""
			if d.op == "input" {
				if spec.inputDefs {
					why = d.input
				}
			} else {
				if r == nil {
					r = g.taint().run(spec)
				}
				for _, s := range d.srcs {
					if w := r.expr(s); w != "" {
						why = w
						break
					}
				}
			}
			if why != "" {
				m[p.index] = why
				break
			}
		}
	}
	return m
}

// declText is the text of a parameter's declarator (to tell references).
func declText(f *function, v *varInfo) string {
	if v.decl == nil {
		return ""
	}
	return f.text(v.decl)
}

// outParamSource is the source of variables filled through pointers by
// calls (outWrites), for a spec's source function.
func outParamSource(spec *taintSpec, f *function, n *node) (string, bool) {
	if n.kind != "identifier" {
		return "", false
	}
	ws := outWrites(spec, f)[f.text(n)]
	for _, w := range ws {
		if !reachesNode(f, w.pos, n) {
			continue
		}
		if w.from == nil {
			return w.why, true
		}
		if f.file.outBusy == nil {
			f.file.outBusy = map[*node]bool{}
		}
		if f.file.outBusy[w.from] {
			continue // a variable filled from itself, through a cycle
		}
		f.file.outBusy[w.from] = true
		why := f.taint().run(spec).expr(w.from)
		delete(f.file.outBusy, w.from)
		if why != "" && w.callee != "" {
			why += " (stored by " + w.callee + ")"
		}
		if why != "" {
			return why, true
		}
	}
	return "", false
}

// memSpecs are the taint specs of the memory rules, one per file (they
// refer to themselves through the callers' runs).
type memSpecs struct {
	index    *taintSpec // indexes: input, and int parameters given input or called from outside
	overflow *taintSpec // integers for arithmetic: input, clean once bounded above (boundedBefore)
	input    *taintSpec // any data from input, through parameters and out-parameters
	local    *taintSpec // input read in the function itself, directly or through out-parameters
	stream   *taintSpec // input as input does, and standard input read whole (std::istreambuf_iterator)
}

// specs returns the file's memory taint specs.
func (ff *fileFacts) memSpecs() *memSpecs {
	return cached(ff.cache, "mem/specs", func() *memSpecs {
		s := &memSpecs{}
		s.index = &taintSpec{id: "mem-index", inputDefs: true}
		s.index.source = func(f *function, n *node) (string, bool) {
			if w, ok := userSource(f, n); ok {
				return w, true
			}
			return outParamSource(s.index, f, n)
		}
		s.index.params = func(v *varInfo) bool {
			if v.fn == nil || v.fn.isMain() {
				return false
			}
			why, known := callerTaint(s.index, v)
			if known {
				return why != ""
			}
			return v.kind == tkInt && !v.isPointer() && len(v.dims) == 0 && !sizeName(v.name)
		}
		s.overflow = &taintSpec{
			id: "mem-overflow", inputDefs: true, stop: boundedExpr,
			barrier: func(f *function, name string, at *node) bool { return f.taint().boundedBefore(name, at) },
		}
		s.overflow.source = func(f *function, n *node) (string, bool) {
			if w, ok := userSource(f, n); ok {
				return w, true
			}
			if n.kind == "identifier" && s.overflow.barrier(f, f.text(n), n) {
				return "", false
			}
			return outParamSource(s.overflow, f, n)
		}
		s.overflow.params = func(v *varInfo) bool {
			if v.kind != tkInt || v.isPointer() || len(v.dims) != 0 {
				return false
			}
			why, _ := callerTaint(s.overflow, v)
			return why != ""
		}
		s.input = &taintSpec{id: "mem-input", inputDefs: true}
		s.input.source = func(f *function, n *node) (string, bool) {
			if w, ok := userSource(f, n); ok {
				return w, true
			}
			return outParamSource(s.input, f, n)
		}
		s.input.params = func(v *varInfo) bool {
			why, _ := callerTaint(s.input, v)
			return why != ""
		}
		s.stream = &taintSpec{id: "mem-stream", inputDefs: true}
		s.stream.source = func(f *function, n *node) (string, bool) {
			if w, ok := streamSource(f, n); ok {
				return w, true
			}
			return outParamSource(s.stream, f, n)
		}
		s.stream.params = func(v *varInfo) bool {
			why, _ := callerTaint(s.stream, v)
			return why != ""
		}
		s.local = &taintSpec{id: "mem-local", inputDefs: true}
		s.local.source = func(f *function, n *node) (string, bool) {
			if w, ok := userSource(f, n); ok {
				return w, true
			}
			return outParamSource(s.local, f, n)
		}
		return s
	})
}
