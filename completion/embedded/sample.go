package embedded

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"securecomplete/completion/embedded/ctrack"
)

// Options are the sampling settings of one request.
type Options struct {
	// MaxTokens bounds each choice, counted in the model's own tokens (see
	// Tokenize: a word, a literal, a punctuator, a comment word or a line
	// break with its indentation each count one). 0 means 16.
	MaxTokens int
	// N is the number of choices; 0 means 1.
	N int
	// Temperature reshapes the distribution (p^(1/T)); 0 always picks the
	// most likely token.
	Temperature float64
	// TopP keeps the smallest set of most likely tokens whose probability
	// reaches TopP (nucleus sampling); 0 and 1 keep all.
	TopP float64
	// Stop ends a choice before the first of these strings; the string is
	// not part of the text.
	Stop []string
	// Seed makes sampling repeatable: the same model, prompt, options and
	// seed give the same choices. nil draws a random seed.
	Seed *int64
	// Logprobs, 1 to 5, reports each token's log probability and that many
	// most likely alternatives; 0 reports none.
	Logprobs int
	// PresencePenalty and FrequencyPenalty lower the log probability of
	// tokens the choice already holds, once and per occurrence, as
	// OpenAI's API defines them.
	PresencePenalty, FrequencyPenalty float64
	// Cache sets the cache component, which learns from the prompt; nil
	// means DefaultCache(), new(NoCache()) turns it off.
	Cache *CacheParams
	// IgnoreEOS keeps generating past the model's end of document (and
	// past the end of the function, see Unconstrained), so that a choice
	// always holds MaxTokens tokens unless a stop sequence ends it (vLLM's
	// ignore_eos; for benchmarks).
	IgnoreEOS bool
	// Unconstrained samples from the n-gram model alone. By default a
	// syntax tracker (package ctrack) keeps each choice to tokens that can
	// continue valid C or C++ (balanced brackets, operators between
	// operands, comments closed, names declared by the prompt, its
	// included headers or the choice itself), and a choice that closes
	// the function the prompt left open ends there ("stop").
	Unconstrained bool
}

// Choice is one generated text.
type Choice struct {
	Index        int
	Text         string
	FinishReason string // "stop" (a stop sequence, or the model ended the document) or "length"
	// Tokens are the generated tokens, as the text each added; with
	// Logprobs set they carry their log probabilities.
	Tokens []TokenLogprob
}

// TokenLogprob is one generated token.
type TokenLogprob struct {
	Text    string        // what the token added to the choice's text
	Offset  int           // where, in bytes from the start of the choice's text
	Logprob float64       // natural log of its probability (with Options.Logprobs)
	Top     []Alternative // the most likely tokens at that step, most likely first
}

// Alternative is a token the model considered, with its log probability.
type Alternative struct {
	Text    string
	Logprob float64
}

// Delta is a piece of a choice delivered while it is being generated.
// The last delta of a choice carries its FinishReason.
type Delta struct {
	Index        int
	Text         string
	Tokens       []TokenLogprob
	FinishReason string
}

// Result holds the choices and the token counts of one request.
type Result struct {
	Choices          []Choice
	PromptTokens     int
	CompletionTokens int
}

// Finish reasons.
const (
	FinishStop   = "stop"
	FinishLength = "length"
)

// DefaultMaxTokens is used when Options.MaxTokens is 0 (as OpenAI's API).
const DefaultMaxTokens = 16

// MaxCacheTokens bounds the cache to the end of long prompts (a cache
// window): the tokens near the cursor say most, and each step's cost
// grows with the distinct tokens the cache holds.
const MaxCacheTokens = 20000

// minLevelWeight: a context whose share of the distribution (what the
// longer contexts leave it) is under this adds its followers only through
// the shorter contexts; the probability moved is under this bound.
const minLevelWeight = 1e-4

// wholeFunction: a request for at least this many tokens, inside a
// function, asks for the rest of the function (the benchmark asks for
// 128): the choice closes it within the budget (closingMargin) and not
// before minBody tokens. A shorter request asks for a continuation.
const wholeFunction = 32

// closingMargin: a choice starts closing what is open when the tokens
// left are no more than what closing takes plus this margin, which covers
// the most one token can add to it (a "for" owes "(;;)" and a body).
const closingMargin = 6

// statementMargin: no statement starts when the tokens left are no more
// than what closing takes plus this margin. A statement begun later would
// run into the closing with its own condition and call still to write
// ("if (strcmp(" owes more than closingMargin covers), and the choice
// would end at max_tokens with the function open.
const statementMargin = 16

// minBody is the least number of tokens a constrained choice writes
// before it may return from, or close, the function the prompt left open:
// an n-gram model would otherwise often close it at once ("return 1; }",
// copied from the prompt), which compiles but does nothing.
const minBody = 8

// topUnigrams is how many of the most frequent tokens join every step's
// candidates, beside the tokens seen after the last one.
const topUnigrams = 64

// Validate checks the options.
func (o *Options) Validate() error {
	switch {
	case o.MaxTokens < 0:
		return fmt.Errorf("max_tokens %d is negative", o.MaxTokens)
	case o.N < 0:
		return fmt.Errorf("n %d is negative", o.N)
	case o.Temperature < 0 || math.IsNaN(o.Temperature):
		return fmt.Errorf("temperature %g is negative", o.Temperature)
	case o.TopP < 0 || o.TopP > 1 || math.IsNaN(o.TopP):
		return fmt.Errorf("top_p %g is not between 0 and 1", o.TopP)
	case o.Logprobs < 0 || o.Logprobs > 5:
		return fmt.Errorf("logprobs %d is not between 0 and 5", o.Logprobs)
	}
	for i, s := range o.Stop {
		if s == "" {
			return fmt.Errorf("stop[%d] is empty", i)
		}
	}
	return nil
}

// session is the prompt of one request, read once and shared by its
// choices.
type session struct {
	m      *Model
	local  map[string]uint32
	extra  []string // tokens of the prompt outside the vocabulary: ids len(vocab)...
	hist   []uint32 // <s> and the prompt's tokens (without a healed last one)
	cache  *cache
	pr     printer
	heal   *healing
	ntoks  int
	cacheP CacheParams
	syn    *syntax // the prompt's syntax; nil when unconstrained
	rep    repeats // the prompt's n-grams no constrained choice repeats
}

// healing: the prompt ends in a token the next one may extend (a word
// being typed, "-" of "->", a line being indented). That token is taken
// off the context, and the first generated token must print as text
// starting with what it printed; the choice's text is the rest (token
// healing).
type healing struct {
	prefix  string // what the last token printed
	tok     uint32
	pr      printer // the printer after the last token, for the fallback
	comment bool    // the token is comment text, and so must be its extension
}

// text returns a token's text.
func (s *session) text(id uint32) string {
	if int(id) < len(s.m.vocab) {
		return s.m.vocab[id]
	}
	return s.extra[int(id)-len(s.m.vocab)]
}

func (m *Model) newSession(prompt string, cp CacheParams, constrained bool) *session {
	s := &session{m: m, local: map[string]uint32{}, cacheP: cp}
	s.hist = append(s.hist, bos)
	var raw []string
	end := lex([]byte(prompt), true, func(tok []byte) {
		s.hist = append(s.hist, m.idOf(tok, s.local, &s.extra))
		raw = append(raw, string(tok))
	})
	s.ntoks = len(raw)
	s.pr = printer{col: end.col, unit: end.unit, tabs: end.tabs, bol: len(raw) == 0 || isLayout(raw[len(raw)-1])}
	if n := len(raw); n > 0 {
		last := raw[n-1]
		switch {
		case end.layout:
			s.heal = &healing{prefix: end.raw, tok: s.hist[len(s.hist)-1], pr: s.pr}
			s.pr = printer{col: end.prevCol, unit: end.unit, tabs: end.tabs, bol: n == 1 || isLayout(raw[n-2])}
			s.hist = s.hist[:len(s.hist)-1]
		case end.space:
			s.heal = &healing{prefix: " ", tok: ^uint32(0), pr: s.pr, comment: end.comment}
		case m.extensible(last, s.extra):
			bol := n == 1 || isLayout(raw[n-2])
			before := printer{col: end.col, unit: end.unit, tabs: end.tabs, bol: bol}
			s.heal = &healing{prefix: before.peek(last), tok: s.hist[len(s.hist)-1], pr: s.pr, comment: isComment(last)}
			s.pr = before
			s.hist = s.hist[:len(s.hist)-1]
		}
	}
	if cp.Order > 0 {
		s.cache = newCache(cp)
		for _, w := range s.hist[max(0, len(s.hist)-MaxCacheTokens):] {
			s.cache.add(w)
		}
	}
	if constrained {
		s.buildSyntax(raw)
		s.rep = newRepeats(s.hist[max(0, len(s.hist)-MaxCacheTokens):])
	}
	return s
}

// extensible reports whether a longer token starts with tok: the word or
// punctuator under the cursor may not be complete.
func (m *Model) extensible(tok string, extra []string) bool {
	i, _ := slices.BinarySearchFunc(m.sorted, tok, func(id uint32, t string) int { return strings.Compare(m.vocab[id], t) })
	for ; i < len(m.sorted); i++ {
		v := m.vocab[m.sorted[i]]
		if !strings.HasPrefix(v, tok) {
			break
		}
		if len(v) > len(tok) {
			return true
		}
	}
	for _, v := range extra {
		if len(v) > len(tok) && strings.HasPrefix(v, tok) {
			return true
		}
	}
	return false
}

// Generate completes prompt. With stream set, it is called with each
// piece of text as soon as it is certain not to be cut by a stop
// sequence; an error from stream ends generation with that error.
// Generate returns ctx's error when ctx ends first.
func (m *Model) Generate(ctx context.Context, prompt string, opt Options, stream func(Delta) error) (*Result, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	if opt.N == 0 {
		opt.N = 1
	}
	if opt.MaxTokens == 0 {
		opt.MaxTokens = DefaultMaxTokens
	}
	cp := DefaultCache()
	if opt.Cache != nil {
		cp = *opt.Cache
	}
	s := m.newSession(prompt, cp, !opt.Unconstrained)
	var seed uint64
	if opt.Seed != nil {
		seed = uint64(*opt.Seed)
	} else {
		seed = rand.Uint64()
	}
	g := newGenerator(s)
	res := &Result{PromptTokens: s.ntoks}
	for i := range opt.N {
		ch, generated, err := g.run(ctx, i, seed, &opt, stream)
		if err != nil {
			return nil, err
		}
		res.Choices = append(res.Choices, ch)
		res.CompletionTokens += generated
	}
	return res, nil
}

// generator holds the scratch space of one request's choices.
type generator struct {
	s      *session
	m      *Model
	p      []float64 // probability per candidate id
	stamp  []uint32  // p[w] is valid when stamp[w] == cur
	cur    uint32
	cands  []uint32
	nodes  []uint32
	cfound []*cacheEntry
	q      []weighted
	saved  []uint32
}

func newGenerator(s *session) *generator {
	n := len(s.m.vocab) + len(s.extra)
	return &generator{s: s, m: s.m, p: make([]float64, n), stamp: make([]uint32, n), nodes: make([]uint32, s.m.order)}
}

func (g *generator) add(w uint32) {
	if g.stamp[w] != g.cur {
		g.stamp[w] = g.cur
		g.p[w] = 0
		g.cands = append(g.cands, w)
	}
}

// distribution fills g.cands and g.p with the probability of each token
// that may follow hist: the model's (the tokens seen after the last
// token, the most frequent ones) mixed with the cache's (the prompt's
// tokens).
func (g *generator) distribution(hist []uint32) {
	m, s := g.m, g.s
	g.cur++
	g.cands = g.cands[:0]
	h := hist[max(0, len(hist)-m.order+1):]
	found := m.contexts(h, g.nodes)
	// P = sum_k C_k alpha_k(w) + C_u P_uni(w), where C_k is the product
	// of the backoff weights of the contexts longer than k. The shortest
	// contexts, whose C_k is under minLevelWeight, can add less than that
	// to the whole distribution: their own followers are not enumerated.
	lowest, coef := found, 1.0
	for k := found - 1; k >= 0; k-- {
		if coef < minLevelWeight {
			break
		}
		lowest = k
		coef *= float64(m.levels[k].gamma[g.nodes[k]])
	}
	if lowest < found {
		lv := &m.levels[lowest]
		lo, hi := lv.child[g.nodes[lowest]], lv.child[g.nodes[lowest]+1]
		for _, w := range m.levels[lowest+1].word[lo:hi] {
			g.add(w)
		}
	}
	for w := uint32(eos); w < uint32(min(len(m.vocab), topUnigrams+len(specialTokens))); w++ {
		g.add(w)
	}
	if s.cache != nil {
		for _, w := range s.cache.tokens {
			g.add(w)
		}
	}
	coef = 1.0
	for k := found - 1; k >= lowest; k-- {
		node := g.nodes[k]
		lv := &m.levels[k]
		lo, hi := lv.child[node], lv.child[node+1]
		next := &m.levels[k+1]
		invA := float64(lv.invA[node]) * coef
		for j := lo; j < hi; j++ {
			c := next.count[j]
			g.p[next.word[j]] += math.Max(float64(c)-m.discount(k+1, c), 0) * invA
		}
		coef *= float64(lv.gamma[node])
	}
	for k := lowest - 1; k >= 0; k-- {
		coef *= float64(m.levels[k].gamma[g.nodes[k]])
	}
	for _, w := range g.cands {
		g.p[w] += coef * m.uniProb(w)
	}
	if s.cache != nil {
		var lambda float64
		g.cfound, lambda = s.cache.lookup(hist, g.cfound)
		if lambda > 0 {
			for _, w := range g.cands {
				g.p[w] *= 1 - lambda
			}
			for _, w := range s.cache.tokens {
				g.p[w] += lambda * s.cache.prob(g.cfound, w)
			}
		}
	}
}

// drop removes w from the candidates.
func (g *generator) drop(w uint32) {
	if g.stamp[w] != g.cur {
		return
	}
	g.stamp[w] = 0
	g.cands = slices.DeleteFunc(g.cands, func(c uint32) bool { return c == w })
}

// single returns the probability of one token after hist, with the cache.
func (g *generator) single(hist []uint32, w uint32) float64 {
	m, s := g.m, g.s
	h := hist[max(0, len(hist)-m.order+1):]
	found := m.contexts(h, g.nodes)
	p := m.prob(g.nodes, found, w)
	if s.cache != nil {
		var lambda float64
		g.cfound, lambda = s.cache.lookup(hist, g.cfound)
		p = (1-lambda)*p + lambda*s.cache.prob(g.cfound, w)
	}
	return p
}

// constrain keeps the candidates that print as text starting with
// prefix, adding the vocabulary's and the prompt's tokens that start with
// it. It reports whether any candidate is left.
func (g *generator) constrain(hist []uint32, pr *printer, prefix string, comment bool) bool {
	m, s := g.m, g.s
	// Tokens that print with this prefix start with it, or with it minus
	// a leading space at the start of a line; comment text carries its
	// mark first.
	search := []string{prefix}
	if pr.bol && !strings.HasPrefix(prefix, " ") && !isLayout(prefix) {
		search = append(search, " "+prefix)
	}
	layout := isLayout(prefix)
	if layout {
		search = []string{"\n"}
	} else if comment {
		for i := range search {
			search[i] = string(commentMark) + search[i]
		}
	}
	const maxExtra = 4096
	added := 0
	if prefix != " " {
		for _, pre := range search {
			i, _ := slices.BinarySearchFunc(m.sorted, pre, func(id uint32, t string) int { return strings.Compare(m.vocab[id], t) })
			for ; i < len(m.sorted) && added < maxExtra; i++ {
				id := m.sorted[i]
				if !strings.HasPrefix(m.vocab[id], pre) {
					break
				}
				if id != bos && g.stamp[id] != g.cur {
					g.add(id)
					g.p[id] = g.single(hist, id)
					added++
				}
			}
		}
		for k := range s.extra {
			id := uint32(len(m.vocab) + k)
			if g.stamp[id] != g.cur && isComment(s.extra[k]) == comment && strings.HasPrefix(strings.TrimPrefix(tokenText(s.extra[k]), " "), strings.TrimPrefix(prefix, " ")) {
				g.add(id)
				g.p[id] = g.single(hist, id)
			}
		}
	}
	kept := g.cands[:0]
	for _, w := range g.cands {
		if w == eos || w == bos {
			continue
		}
		t := s.text(w)
		if strings.HasPrefix(pr.peek(t), prefix) && g.p[w] > 0 && (layout || isComment(t) == comment) {
			kept = append(kept, w)
		}
	}
	g.cands = kept
	return len(kept) > 0
}

// run generates choice i and returns it with the number of tokens
// generated (the one a stop sequence cut included).
func (g *generator) run(ctx context.Context, i int, seed uint64, opt *Options, stream func(Delta) error) (Choice, int, error) {
	s := g.s
	rng := rand.New(rand.NewPCG(seed, uint64(i)*0x9e3779b97f4a7c15+1))
	hist := slices.Clone(s.hist)
	pr := s.pr
	heal := s.heal
	var tr *ctrack.Tracker
	var own repeats
	if s.syn != nil {
		tr = s.syn.tr.Clone()
		own = repeats{}
	}
	ch := Choice{Index: i}
	var text strings.Builder
	sent, tokSent := 0, 0
	counts := map[uint32]int{}
	generated := 0
	maxStop := 0
	for _, st := range opt.Stop {
		maxStop = max(maxStop, len(st))
	}
	emit := func(final bool) error {
		if stream == nil {
			return nil
		}
		all := text.String()
		safe := len(all)
		if !final {
			safe -= holdback(all, opt.Stop)
		}
		d := Delta{Index: i, Text: all[sent:safe]}
		for tokSent < len(ch.Tokens) && (final || ch.Tokens[tokSent].Offset+len(ch.Tokens[tokSent].Text) <= safe) {
			d.Tokens = append(d.Tokens, ch.Tokens[tokSent])
			tokSent++
		}
		if final {
			d.FinishReason = ch.FinishReason
		}
		if d.Text == "" && len(d.Tokens) == 0 && !final {
			return nil
		}
		sent = safe
		return stream(d)
	}
	for step := 0; ; step++ {
		if err := ctx.Err(); err != nil {
			return Choice{}, 0, err
		}
		if step == opt.MaxTokens {
			ch.FinishReason = FinishLength
			break
		}
		g.distribution(hist)
		if opt.IgnoreEOS {
			g.drop(eos)
		}
		prefix := ""
		whole := tr != nil && s.syn.fn >= 0 && !opt.IgnoreEOS && opt.MaxTokens >= wholeFunction
		closing := false
		if whole {
			left, cost := opt.MaxTokens-step, tr.ClosingCost(s.syn.fn)
			closing = left <= cost+closingMargin || tr.AtStatementStart() && left <= cost+statementMargin
		}
		if tr != nil {
			tr.SetBudget(closing, whole && step < minBody && !closing)
		}
		if tr != nil && !closing {
			g.dropRepeats(hist, s.rep, own)
		}
		if heal != nil {
			if g.constrain(hist, &pr, heal.prefix, heal.comment) && (tr == nil || g.mask(tr, hist, false, closing)) {
				prefix = heal.prefix
			} else {
				// Nothing the model knows (and the syntax allows) extends
				// the last token: keep it.
				if heal.tok != ^uint32(0) {
					hist = append(hist, heal.tok)
					if tr != nil {
						tr.Step(s.info(heal.tok), s.text(heal.tok))
					}
				}
				pr = heal.pr
				g.distribution(hist)
				if opt.IgnoreEOS {
					g.drop(eos)
				}
				if tr != nil {
					g.mask(tr, hist, true, closing)
				}
			}
			heal = nil
		} else if tr != nil {
			g.mask(tr, hist, true, closing)
		}
		w, lp, top := g.pick(rng, opt, counts)
		tok := s.text(w)
		if w == eos {
			ch.FinishReason = FinishStop
			break
		}
		piece := pr.render(tok)[len(prefix):]
		before := text.Len()
		text.WriteString(piece)
		ch.Tokens = append(ch.Tokens, TokenLogprob{Text: piece, Offset: before, Logprob: lp, Top: top})
		hist = append(hist, w)
		counts[w]++
		generated++
		if len(opt.Stop) > 0 {
			all := text.String()
			if cut := findStop(all, before-maxStop+1, opt.Stop); cut >= 0 {
				truncate(&ch, &text, cut)
				ch.FinishReason = FinishStop
				break
			}
		}
		if tr != nil {
			own.add(hist)
			tr.Step(s.info(w), tok)
			if s.syn.fn >= 0 && tr.Depth() <= s.syn.fn && !opt.IgnoreEOS {
				// The function the prompt left open is closed.
				ch.FinishReason = FinishStop
				break
			}
		}
		if err := emit(false); err != nil {
			return Choice{}, 0, err
		}
	}
	ch.Text = text.String()
	if opt.Logprobs == 0 {
		for k := range ch.Tokens {
			ch.Tokens[k].Logprob, ch.Tokens[k].Top = 0, nil
		}
	}
	if err := emit(true); err != nil {
		return Choice{}, 0, err
	}
	return ch, generated, nil
}

// pick draws the next token from g's candidates and returns it with its
// log probability and, when asked, the top alternatives.
func (g *generator) pick(rng *rand.Rand, opt *Options, counts map[uint32]int) (uint32, float64, []Alternative) {
	if opt.PresencePenalty != 0 || opt.FrequencyPenalty != 0 {
		for w, c := range counts {
			if g.stamp[w] == g.cur {
				g.p[w] *= math.Exp(-opt.PresencePenalty - opt.FrequencyPenalty*float64(c))
			}
		}
	}
	var total, pmax float64
	best := g.cands[0]
	for _, w := range g.cands {
		total += g.p[w]
		if g.p[w] > pmax {
			pmax, best = g.p[w], w
		}
	}
	var w uint32
	switch {
	case opt.Temperature < 1e-3 || total == 0:
		w = best
	default:
		w = g.sample(rng, opt, pmax)
	}
	lp := math.Log(g.p[w] / total)
	var top []Alternative
	if opt.Logprobs > 0 {
		top = g.top(opt.Logprobs, total)
	}
	return w, lp, top
}

// weighted is a candidate with its weight after temperature.
type weighted struct {
	q float64
	w uint32
}

// minWeight: candidates whose weight after temperature is below this
// share of the most likely one's are left out of sampling; together they
// hold a negligible part of the mass.
const minWeight = 1e-6

// sample draws from the candidates reshaped by temperature and cut by
// top-p.
func (g *generator) sample(rng *rand.Rand, opt *Options, pmax float64) uint32 {
	invT := 1 / opt.Temperature
	// (p/pmax)^(1/T) >= minWeight  <=>  p >= pmax * minWeight^T
	floor := pmax * math.Pow(minWeight, opt.Temperature)
	g.q = g.q[:0]
	var sum float64
	for _, w := range g.cands {
		p := g.p[w]
		if p < floor {
			continue
		}
		q := p / pmax
		if invT != 1 {
			q = math.Pow(q, invT)
		}
		g.q = append(g.q, weighted{q, w})
		sum += q
	}
	items := g.q
	if opt.TopP > 0 && opt.TopP < 1 {
		// The nucleus: the most likely candidates until TopP of the mass.
		// When the candidates under a weight t hold less than 1-TopP of
		// the mass, the nucleus is among those above t: only they need
		// sorting.
		for _, t := range []float64{1e-2, 1e-3, 1e-4} {
			var below float64
			for _, it := range items {
				if it.q < t {
					below += it.q
				}
			}
			if below < (1-opt.TopP)*sum {
				items = slices.DeleteFunc(items, func(it weighted) bool { return it.q < t })
				break
			}
		}
		slices.SortFunc(items, func(a, b weighted) int {
			switch {
			case a.q > b.q:
				return -1
			case a.q < b.q:
				return 1
			}
			return int(a.w) - int(b.w)
		})
		var cum float64
		for k, it := range items {
			cum += it.q
			if cum >= opt.TopP*sum {
				items, sum = items[:k+1], cum
				break
			}
		}
	}
	u := rng.Float64() * sum
	for _, it := range items {
		u -= it.q
		if u < 0 {
			return it.w
		}
	}
	return items[len(items)-1].w
}

// top returns the k most likely candidates.
func (g *generator) top(k int, total float64) []Alternative {
	best := make([]uint32, 0, k+1)
	for _, w := range g.cands {
		j := len(best)
		for j > 0 && g.p[best[j-1]] < g.p[w] {
			j--
		}
		if j < k {
			best = slices.Insert(best, j, w)
			if len(best) > k {
				best = best[:k]
			}
		}
	}
	out := make([]Alternative, len(best))
	for j, w := range best {
		t := tokenText(g.s.text(w))
		if w == eos {
			t = "<|endoftext|>"
		}
		out[j] = Alternative{Text: t, Logprob: math.Log(g.p[w] / total)}
	}
	return out
}

// findStop returns the index of the earliest stop sequence found in text
// at or after from, or -1.
func findStop(text string, from int, stops []string) int {
	from = max(from, 0)
	cut := -1
	for _, st := range stops {
		if k := strings.Index(text[from:], st); k >= 0 && (cut < 0 || from+k < cut) {
			cut = from + k
		}
	}
	return cut
}

// holdback returns how many bytes at the end of text may be the start of
// a stop sequence, and so must not be streamed yet.
func holdback(text string, stops []string) int {
	n := 0
	for _, st := range stops {
		for l := min(len(st)-1, len(text)); l > n; l-- {
			if strings.HasSuffix(text, st[:l]) {
				n = l
				break
			}
		}
	}
	return n
}

// truncate cuts a choice's text and tokens at byte cut.
func truncate(ch *Choice, text *strings.Builder, cut int) {
	all := text.String()[:cut]
	text.Reset()
	text.WriteString(all)
	k := len(ch.Tokens)
	for k > 0 && ch.Tokens[k-1].Offset >= cut {
		k--
	}
	ch.Tokens = ch.Tokens[:k]
	if k > 0 {
		last := &ch.Tokens[k-1]
		if end := last.Offset + len(last.Text); end > cut {
			last.Text = last.Text[:cut-last.Offset]
		}
	}
}
