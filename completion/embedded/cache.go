package embedded

// The cache component learns from the document being completed: code
// repeats itself locally (an identifier declared above is used below, a
// call pattern recurs), which a corpus-wide model cannot know (Tu, Su and
// Devanbu, "On the localness of software", FSE 2014). It counts the
// n-grams of the document so far and is mixed with the corpus model:
//
//	P(w | h) = (1 - λ) P_model(w | h) + λ P_cache(w | h)
//
// where P_cache interpolates the document's own n-gram counts from the
// unigram up to the longest context seen in the document (Witten-Bell),
// and λ grows with how often, and how long, that context was seen:
// λ = λmax[k] c(h_k) / (c(h_k) + γ) for the longest context h_k of length
// k the document holds. The cache also gives the tokens only the document
// holds (its own identifiers) a real probability.

// CacheParams sets the cache component.
type CacheParams struct {
	// Order of the cache's n-grams (contexts of up to Order-1 tokens);
	// 0 turns the cache off.
	Order int
	// LambdaMax[k] bounds λ when the longest context found has k tokens.
	LambdaMax []float64
	// Gamma: λ reaches half of LambdaMax once the context was seen Gamma
	// times.
	Gamma float64
}

// DefaultCache returns the setting measured best on a development split of the
// default corpus (files kept out of training and apart from the test
// split the README reports on).
func DefaultCache() CacheParams {
	return CacheParams{Order: 8, LambdaMax: []float64{0.06, 0.18, 0.36, 0.54, 0.72, 0.84, 0.9, 0.95}, Gamma: 0.5}
}

// NoCache returns the setting that turns the cache component off.
func NoCache() CacheParams {
	return CacheParams{}
}

const maxCacheCtx = MaxOrder - 1

type cacheKey struct {
	n int
	w [maxCacheCtx]uint32
}

type cacheEntry struct {
	total uint32
	next  map[uint32]uint32
}

// cache holds the n-gram counts of one document. add changes it; lookup
// and prob only read it, so that the choices of one request share it.
type cache struct {
	p      CacheParams
	hist   []uint32
	uni    map[uint32]uint32
	tokens []uint32 // distinct tokens, in the order first seen
	total  uint32
	ctx    map[cacheKey]*cacheEntry
}

func newCache(p CacheParams) *cache {
	return &cache{p: p, uni: map[uint32]uint32{}, ctx: map[cacheKey]*cacheEntry{}}
}

func (c *cache) enabled() bool { return c != nil && c.p.Order > 0 }

// add counts token w after the tokens added so far.
func (c *cache) add(w uint32) {
	if !c.enabled() {
		return
	}
	if w != bos {
		if c.uni[w] == 0 {
			c.tokens = append(c.tokens, w)
		}
		c.uni[w]++
		c.total++
		for k := 1; k < c.p.Order && k <= len(c.hist); k++ {
			key := cacheKey{n: k}
			copy(key.w[:], c.hist[len(c.hist)-k:])
			e := c.ctx[key]
			if e == nil {
				e = &cacheEntry{next: map[uint32]uint32{}}
				c.ctx[key] = e
			}
			e.next[w]++
			e.total++
		}
	}
	c.hist = append(c.hist, w)
}

// lookup finds the cache's contexts for the end of hist, appending them
// to found (shortest first), and returns them with the mixing weight λ.
func (c *cache) lookup(hist []uint32, found []*cacheEntry) ([]*cacheEntry, float64) {
	found = found[:0]
	if !c.enabled() || c.total == 0 {
		return found, 0
	}
	for k := 1; k < c.p.Order && k <= len(hist); k++ {
		key := cacheKey{n: k}
		copy(key.w[:], hist[len(hist)-k:])
		e := c.ctx[key]
		if e == nil {
			break
		}
		found = append(found, e)
	}
	k := len(found)
	count := float64(c.total)
	if k > 0 {
		count = float64(found[k-1].total)
	}
	lmax := c.p.LambdaMax[min(k, len(c.p.LambdaMax)-1)]
	return found, lmax * count / (count + c.p.Gamma)
}

// prob returns P_cache(w) for the contexts found by lookup.
func (c *cache) prob(found []*cacheEntry, w uint32) float64 {
	if c.total == 0 {
		return 0
	}
	p := float64(c.uni[w]) / float64(c.total)
	for _, e := range found {
		t := float64(len(e.next))
		p = (float64(e.next[w]) + t*p) / (float64(e.total) + t)
	}
	return p
}
