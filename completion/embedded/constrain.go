package embedded

import (
	"slices"
	"strings"

	"securecomplete/completion/embedded/ctrack"
)

// syntax is the prompt as the syntax tracker read it, shared by the
// choices of a request (read only once built).
type syntax struct {
	tr *ctrack.Tracker // the state at the end of the prompt
	// flags holds what is known of each name: the model's names (from
	// the header table of the prompt's includes), then the names only the
	// prompt holds, each with what the prompt does with it; arity the
	// arguments of the functions among them.
	flags []uint8
	arity []uint16
	kinds []uint16 // the functions' parameter kinds (see ctrack.MergeKinds)
	// xinfo classifies the prompt's tokens outside the vocabulary.
	xinfo []tinfo
	// discipline: every header the prompt includes is in the table, so
	// the names a program may use are known.
	discipline bool
	// fn is the stack depth the prompt's function body leaves when it
	// closes (generation stops there), -1 outside a function.
	fn int
	// includes are the headers the prompt includes.
	includes []string
	cpp      bool
	// xnames indexes the names only the prompt holds.
	xnames map[string]int32
}

func (sy *syntax) get(n int32) uint8 {
	if n < 0 || int(n) >= len(sy.flags) {
		return 0
	}
	return sy.flags[n]
}

func (sy *syntax) getArity(n int32) (lo, hi uint8, ok bool) {
	if n < 0 || int(n) >= len(sy.flags) || sy.flags[n]&ctrack.NameArity == 0 {
		return 0, 0, false
	}
	lo, hi = ctrack.UnpackArity(sy.arity[n])
	return lo, hi, true
}

func (sy *syntax) getKinds(n int32) uint16 {
	if n < 0 || int(n) >= len(sy.flags) || sy.flags[n]&ctrack.NameArity == 0 {
		return 0
	}
	return sy.kinds[n]
}

// info returns the class of a token of the session.
func (s *session) info(id uint32) tinfo {
	if int(id) < len(s.m.tinfo) {
		return s.m.tinfo[id]
	}
	return s.syn.xinfo[int(id)-len(s.m.tinfo)]
}

// buildSyntax reads the prompt's tokens (s.hist, without a healed last
// token) with the tracker. raw are the prompt's tokens as lexed.
func (s *session) buildSyntax(raw []string) { s.readSyntax(raw, nil) }

// readSyntax is buildSyntax; visit, when set, sees the tracker before
// each token of s.hist[1:] it reads (tests record what it allows).
func (s *session) readSyntax(raw []string, visit func(i int, tr *ctrack.Tracker)) {
	m := s.m
	sy := &syntax{fn: -1}
	s.syn = sy
	xnames := map[string]int32{}
	sy.xinfo = make([]tinfo, len(s.extra))
	for i, tok := range s.extra {
		ti, name := classify(tok)
		if name != "" {
			n, ok := m.names.idx[name]
			if !ok {
				if n, ok = xnames[name]; !ok {
					n = int32(len(m.names.list) + len(xnames))
					xnames[name] = n
				}
			}
			ti.Name = n
		}
		sy.xinfo[i] = ti
	}
	sy.xnames = xnames
	var quoted bool
	sy.includes, quoted, sy.cpp = promptIncludes(raw)
	sy.flags = make([]uint8, len(m.names.list)+len(xnames))
	sy.arity = make([]uint16, len(sy.flags))
	sy.kinds = make([]uint16, len(sy.flags))
	if len(sy.includes) > 0 && len(m.headers) > 0 && !quoted {
		if base, ok := m.headerFlags(sy.includes); ok {
			copy(sy.flags, base.flags)
			copy(sy.arity, base.arity)
			copy(sy.kinds, base.kinds)
			sy.discipline = true
		}
	}
	std, ok := m.names.idx["std"]
	if !ok {
		if std, ok = xnames["std"]; !ok {
			std = -1
		}
	}
	main, ok := m.names.idx["main"]
	if !ok {
		if main, ok = xnames["main"]; !ok {
			main = -1
		}
	}
	nameOf := func(n int32) string {
		if n >= 0 && int(n) < len(m.names.list) {
			return m.names.list[n]
		}
		for k, v := range xnames {
			if v == n {
				return k
			}
		}
		return ""
	}
	stdOK := map[int32]uint8{}
	for name, how := range ctrack.CommonStd() {
		if n, ok := m.names.idx[name]; ok {
			stdOK[n] = how
		} else if n, ok := xnames[name]; ok {
			stdOK[n] = how
		}
	}
	// The names the prompt itself writes after std::.
	for i := 2; i < len(s.hist); i++ {
		if std >= 0 && s.info(s.hist[i-2]).Name == std && strings.TrimPrefix(s.text(s.hist[i-1]), " ") == "::" {
			if n := s.info(s.hist[i]).Name; n >= 0 && stdOK[n] == ctrack.StdNo {
				stdOK[n] = ctrack.StdYes
			}
		}
	}
	tr := ctrack.New(ctrack.Config{CPP: sy.cpp, Std: std, Main: main, Discipline: sy.discipline, Env: ctrack.Env{
		Flags:    sy.get,
		Arity:    sy.getArity,
		ArgKinds: sy.getKinds,
		Name:     nameOf,
		Std:      func(n int32) uint8 { return stdOK[n] },
		Reserved: func(n int32) bool { return strings.HasPrefix(nameOf(n), "_") },
		Collect: func(n int32, f uint8) {
			if int(n) < len(sy.flags) {
				sy.flags[n] |= f
			}
		},
		CollectArity: func(n int32, lo, hi uint8, kinds uint16) {
			if int(n) < len(sy.flags) {
				sy.kinds[n] = ctrack.MergeKinds(sy.kinds[n], sy.flags[n]&ctrack.NameArity != 0, kinds)
				sy.arity[n] = ctrack.MergeArity(sy.arity[n], sy.flags[n]&ctrack.NameArity != 0, lo, hi)
				sy.flags[n] |= ctrack.NameArity
			}
		},
	}})
	for i, id := range s.hist[1:] {
		if visit != nil {
			visit(i, tr)
		}
		tr.Step(s.info(id), s.text(id))
	}
	tr.StopCollecting()
	// A tag the choice can write: one the vocabulary or the prompt holds.
	for n, f := range sy.flags {
		if f&ctrack.NameTag != 0 && (int32(n) < m.vocabNames || int32(n) >= int32(len(m.names.list))) {
			tr.SetHasTags(true)
			break
		}
	}
	sy.tr = tr
	sy.fn = tr.Function()
}

// promptIncludes lists the headers a prompt includes (sorted, without
// brackets), whether one is a quoted (project) header, and whether the
// prompt reads as C++.
func promptIncludes(raw []string) (includes []string, quoted, cpp bool) {
	bol := true
	for i, tok := range raw {
		t := strings.TrimPrefix(tokenText(tok), " ")
		switch t {
		case "::", "namespace", "class", "template", "std", "nullptr":
			if !isComment(tok) {
				cpp = true
			}
		}
		if bol && t == "#" && i+2 < len(raw) && strings.TrimPrefix(raw[i+1], " ") == "include" {
			h := strings.TrimPrefix(raw[i+2], " ")
			if len(h) > 2 && (h[0] == '<' && h[len(h)-1] == '>' || h[0] == '"' && h[len(h)-1] == '"') {
				if h[0] == '"' {
					quoted = true
				}
				name := h[1 : len(h)-1]
				includes = append(includes, name)
				if !strings.Contains(name, ".") || strings.HasSuffix(name, ".hpp") || strings.HasSuffix(name, ".hh") {
					cpp = true
				}
			}
		}
		bol = isLayout(tok)
	}
	slices.Sort(includes)
	return slices.Compact(includes), quoted, cpp
}

// mask keeps the candidates the tracker allows. With rescue, when it
// allows none of them, it looks for allowed tokens among the most
// frequent of the vocabulary and the prompt's own; when there are none
// either, the candidates stay as they were. It reports whether the
// candidates left are allowed ones.
//
// closing asks, in addition, for tokens that close what is open: the
// token budget is nearly spent (see ctrack.Tracker.ClosingCost).
func (g *generator) mask(tr *ctrack.Tracker, hist []uint32, rescue, closing bool) bool {
	s := g.s
	ok := func(w uint32) bool {
		ti, text := s.info(w), s.text(w)
		return tr.Allowed(ti, text) && (!closing || tr.ClosingAllowed(ti, text))
	}
	g.saved = append(g.saved[:0], g.cands...)
	kept := g.cands[:0]
	for _, w := range g.cands {
		if ok(w) {
			kept = append(kept, w)
		}
	}
	g.cands = kept
	if len(kept) > 0 {
		return true
	}
	if !rescue {
		g.cands = append(g.cands, g.saved...)
		return false
	}
	const maxRescue = 64
	try := func(w uint32) {
		if !ok(w) {
			return
		}
		if g.stamp[w] != g.cur {
			g.stamp[w] = g.cur
			g.p[w] = g.single(hist, w)
		}
		if g.p[w] > 0 {
			g.cands = append(g.cands, w)
		}
	}
	for k := range s.extra {
		try(uint32(len(g.m.vocab) + k))
	}
	for w := uint32(len(specialTokens)); int(w) < len(g.m.vocab) && len(g.cands) < maxRescue; w++ {
		try(w)
	}
	if len(g.cands) > 0 {
		return true
	}
	if closing {
		// Nothing closes here: at least keep to the syntax.
		g.cands = append(g.cands, g.saved...)
		return g.mask(tr, hist, true, false)
	}
	g.cands = append(g.cands, g.saved...)
	return false
}

// noRepeat is the length in tokens of the n-grams a constrained choice
// may not repeat, from the prompt or from itself (about a line and a
// half): the cache component would otherwise copy blocks of the prompt
// back, again and again. A single line may come back once. Measured on
// the compile benchmark: 10 made the model dodge into invalid code, 16
// did as well as no limit.
const noRepeat = 16

// repeats indexes the n-grams of length noRepeat of a token sequence by
// the hash of their first noRepeat-1 tokens.
type repeats map[uint64][]uint32

func ngramHash(ctx []uint32) uint64 {
	h := uint64(14695981039346656037)
	for _, w := range ctx {
		h ^= uint64(w)
		h *= 1099511628211
	}
	return h
}

// add indexes the n-gram ending at hist's last token.
func (r repeats) add(hist []uint32) {
	if len(hist) < noRepeat {
		return
	}
	h := ngramHash(hist[len(hist)-noRepeat : len(hist)-1])
	w := hist[len(hist)-1]
	if !slices.Contains(r[h], w) {
		r[h] = append(r[h], w)
	}
}

func newRepeats(hist []uint32) repeats {
	r := repeats{}
	for i := noRepeat; i <= len(hist); i++ {
		r.add(hist[:i])
	}
	return r
}

// dropRepeats removes the candidates that would repeat an n-gram of the
// prompt (shared) or of the choice (own), unless none would be left.
func (g *generator) dropRepeats(hist []uint32, shared, own repeats) {
	if len(hist) < noRepeat-1 {
		return
	}
	h := ngramHash(hist[len(hist)-noRepeat+1:])
	banned := append(slices.Clip(shared[h]), own[h]...)
	if len(banned) == 0 {
		return
	}
	left := 0
	for _, w := range g.cands {
		if !slices.Contains(banned, w) {
			left++
		}
	}
	if left == 0 {
		return
	}
	for _, w := range banned {
		g.drop(w)
	}
}
