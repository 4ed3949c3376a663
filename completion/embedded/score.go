package embedded

import "math"

// Score sums the cross-entropy of a model on held-out text.
type Score struct {
	Tokens int64   // tokens predicted, </s> included
	Bits   float64 // sum of -log2 P(token | history)
	OOV    int64   // tokens the model's vocabulary lacks
}

// BitsPerToken returns the cross-entropy in bits per token.
func (s Score) BitsPerToken() float64 {
	if s.Tokens == 0 {
		return math.NaN()
	}
	return s.Bits / float64(s.Tokens)
}

// Add accumulates another score.
func (s *Score) Add(o Score) {
	s.Tokens += o.Tokens
	s.Bits += o.Bits
	s.OOV += o.OOV
}

// ids maps tokens to the model's ids; tokens outside the vocabulary get
// ids from len(vocab) up, one per distinct text, kept in local.
func (m *Model) idOf(tok []byte, local map[string]uint32, extra *[]string) uint32 {
	if id, ok := m.ids[string(tok)]; ok {
		return id
	}
	if id, ok := local[string(tok)]; ok {
		return id
	}
	id := uint32(len(m.vocab) + len(*extra))
	s := string(tok)
	local[s] = id
	*extra = append(*extra, s)
	return id
}

// Score returns the model's cross-entropy on one document, read as a
// whole file (<s> tokens... </s>), with the cache component set by cp
// learning from the document as it goes.
func (m *Model) Score(doc []byte, cp CacheParams) Score {
	local := map[string]uint32{}
	var extra []string
	var toks []uint32
	lex(doc, false, func(tok []byte) { toks = append(toks, m.idOf(tok, local, &extra)) })
	if len(toks) == 0 {
		return Score{}
	}
	toks = append(toks, eos)
	var c *cache
	if cp.Order > 0 {
		c = newCache(cp)
		c.add(bos)
	}
	hist := make([]uint32, 0, len(toks)+1)
	hist = append(hist, bos)
	ctx := make([]uint32, m.order)
	var cfound []*cacheEntry
	var s Score
	for _, w := range toks {
		h := hist[max(0, len(hist)-m.order+1):]
		found := m.contexts(h, ctx)
		p := m.prob(ctx, found, w)
		if c != nil {
			var lambda float64
			cfound, lambda = c.lookup(c.hist, cfound)
			p = (1-lambda)*p + lambda*c.prob(cfound, w)
			c.add(w)
		}
		s.Bits -= math.Log2(p)
		s.Tokens++
		if int(w) >= len(m.vocab) {
			s.OOV++
		}
		hist = append(hist, w)
	}
	return s
}

// Bigram is the baseline the model is measured against: a bigram model
// with add-k smoothing over the same tokens and vocabulary.
type Bigram struct {
	ids   map[string]uint32
	pair  map[uint64]uint32
	ctx   map[uint32]uint32
	vocab int
}

// Bigram counts the trainer's documents as a bigram model.
func (t *Trainer) Bigram() *Bigram {
	b := &Bigram{ids: t.ids, pair: map[uint64]uint32{}, ctx: map[uint32]uint32{}, vocab: len(t.vocab)}
	for i := 1; i < len(t.toks); i++ {
		v, w := t.toks[i-1], t.toks[i]
		if w == bos {
			continue
		}
		b.pair[uint64(v)<<32|uint64(w)]++
		b.ctx[v]++
	}
	return b
}

// Score returns the cross-entropy of the add-k bigram model on one
// document, with the same outcomes as the n-gram model: the vocabulary
// without <s>, plus one unknown token.
func (b *Bigram) Score(doc []byte, k float64) Score {
	veff := float64(b.vocab)
	var s Score
	prev := uint32(bos)
	const unk = ^uint32(0)
	step := func(w uint32) {
		var c, cv uint32
		if prev != unk && w != unk {
			c = b.pair[uint64(prev)<<32|uint64(w)]
		}
		if prev != unk {
			cv = b.ctx[prev]
		}
		s.Bits -= math.Log2((float64(c) + k) / (float64(cv) + k*veff))
		s.Tokens++
		if w == unk {
			s.OOV++
		}
		prev = w
	}
	n := 0
	lex(doc, false, func(tok []byte) {
		id, ok := b.ids[string(tok)]
		if !ok {
			id = unk
		}
		step(id)
		n++
	})
	if n > 0 {
		step(eos)
	}
	return s
}
