package embedded

import (
	"math"
	"slices"
	"strings"
	"sync"
)

// Special tokens: every document is read as <s> tokens... </s>.
const (
	bos = 0 // "<s>": the start of a document, never predicted
	eos = 1 // "</s>": the end of a document; generating it ends a completion
)

var specialTokens = []string{"<s>", "</s>"}

// Model is a trained n-gram language model over C/C++ tokens, smoothed
// with interpolated modified Kneser-Ney (Chen and Goodman, 1998). It is
// read-only once built or loaded, and safe for concurrent use.
type Model struct {
	order  int
	vocab  []string // id -> token; ids sorted by frequency, specials first
	ids    map[string]uint32
	sorted []uint32 // ids sorted by token text, for prefix search

	// levels[k] holds the n-grams of order k+1, sorted by (prefix node,
	// last word): the children of a node of order k+1 are a contiguous
	// run of levels[k+1], from levels[k].child[i] to levels[k].child[i+1].
	levels []level
	// disc[k] are the discounts D1, D2, D3+ of order k+1.
	disc [][3]float64
	// unigram interpolation: 1/A and gamma of the empty context.
	uniInvA, uniGamma float64
	// veff is the number of outcomes of the uniform distribution under
	// the unigram: the vocabulary without <s>, plus one unknown token.
	veff float64

	// tinfo classifies each token for the syntax tracker; names indexes
	// the identifiers and keywords (and the header table's names).
	tinfo []tinfo
	names names
	// vocabNames: names below this index are the vocabulary's, those
	// above only the header table's (no token writes them).
	vocabNames int32
	// headers is the header table: the names each standard header
	// provides (see headers.go); flagCache holds its unions per set of
	// included headers.
	headers   map[string]headerList
	flagCache sync.Map

	info Info
}

// level holds the n-grams of one order.
type level struct {
	word  []uint32 // last token of each n-gram
	count []uint32 // adjusted count: raw for the highest order and for n-grams starting with <s>, continuation count otherwise
	child []uint32 // for orders below the highest: children's start, len(word)+1 entries

	// Derived when built or loaded, for n-grams used as contexts:
	invA  []float32 // 1 / (sum of the children's adjusted counts)
	gamma []float32 // (D1 N1 + D2 N2 + D3 N3+) / A: the weight left for the shorter context
}

// Info describes a model: how it was trained and how big it is.
type Info struct {
	FormatVersion int          `json:"format_version"`
	Order         int          `json:"order"`
	Vocab         int          `json:"vocab"`
	Documents     int          `json:"documents"`
	Tokens        int64        `json:"tokens"`
	Bytes         int64        `json:"bytes"`
	NGrams        []int        `json:"ngrams"` // per order
	Discounts     [][3]float64 `json:"discounts"`
	// Sources describes the corpus, one line per source, as the trainer
	// wrote it; Fingerprint identifies the corpus and settings.
	Sources     []string `json:"sources,omitempty"`
	Fingerprint string   `json:"fingerprint,omitempty"`
	Created     string   `json:"created,omitempty"`
}

// Info returns the model's description.
func (m *Model) Info() Info { return m.info }

// SetSources records the corpus the model was trained on, one line per
// source, in its Info (and so in its file). Call it before sharing the
// model.
func (m *Model) SetSources(lines []string) { m.info.Sources = append([]string(nil), lines...) }

// SetFingerprint records what identifies the corpus and settings, so that
// a cached model can be told stale. Call it before sharing the model.
func (m *Model) SetFingerprint(fp string) { m.info.Fingerprint = fp }

// Order returns the n-gram order.
func (m *Model) Order() int { return m.order }

// VocabSize returns the number of distinct tokens the model knows.
func (m *Model) VocabSize() int { return len(m.vocab) }

// derive computes the per-context weights from the adjusted counts.
func (m *Model) derive() {
	m.ids = make(map[string]uint32, len(m.vocab))
	for i, t := range m.vocab {
		m.ids[t] = uint32(i)
	}
	m.sorted = make([]uint32, len(m.vocab))
	for i := range m.sorted {
		m.sorted[i] = uint32(i)
	}
	slices.SortFunc(m.sorted, func(a, b uint32) int { return strings.Compare(m.vocab[a], m.vocab[b]) })
	m.classifyVocab()

	// Unigrams: the empty context.
	uni := &m.levels[0]
	var a float64
	var nk [3]float64
	for w, c := range uni.count {
		if w == bos || c == 0 {
			continue
		}
		a += float64(c)
		nk[min(c, 3)-1]++
	}
	m.veff = float64(len(m.vocab)) // minus <s>, plus <unk>
	if a > 0 {
		d := m.disc[0]
		m.uniInvA = 1 / a
		m.uniGamma = (d[0]*nk[0] + d[1]*nk[1] + d[2]*nk[2]) / a
	} else {
		m.uniGamma = 1
	}
	for k := 0; k+1 < len(m.levels); k++ {
		lv, next := &m.levels[k], &m.levels[k+1]
		d := m.disc[k+1]
		lv.invA = make([]float32, len(lv.word))
		lv.gamma = make([]float32, len(lv.word))
		for i := range lv.word {
			lo, hi := lv.child[i], lv.child[i+1]
			if lo == hi {
				continue
			}
			var a float64
			var nk [3]float64
			for _, c := range next.count[lo:hi] {
				a += float64(c)
				if c > 0 {
					nk[min(c, 3)-1]++
				}
			}
			if a == 0 {
				continue
			}
			lv.invA[i] = float32(1 / a)
			lv.gamma[i] = float32((d[0]*nk[0] + d[1]*nk[1] + d[2]*nk[2]) / a)
		}
	}
}

// discount returns the discount of an adjusted count at order k+1.
func (m *Model) discount(k int, c uint32) float64 {
	switch c {
	case 0:
		return 0
	case 1:
		return m.disc[k][0]
	case 2:
		return m.disc[k][1]
	}
	return m.disc[k][2]
}

// findChild returns the index in levels[k+1] of the child of node i of
// levels[k] whose last token is w.
func (m *Model) findChild(k int, i uint32, w uint32) (uint32, bool) {
	lv := &m.levels[k]
	lo, hi := lv.child[i], lv.child[i+1]
	words := m.levels[k+1].word[lo:hi]
	j, ok := slices.BinarySearch(words, w)
	return lo + uint32(j), ok
}

// contexts fills ctx[k] with the node of levels[k] for the last k+1
// tokens of hist (for k below order-1), and returns how many were found:
// the longest context the model has seen is ctx[found-1].
func (m *Model) contexts(hist []uint32, ctx []uint32) int {
	maxK := min(m.order-1, len(hist))
	found := 0
	for k := 0; k < maxK; k++ {
		// the context of length k+1 starts at hist[len-k-1]
		start := len(hist) - k - 1
		w := hist[start]
		if int(w) >= len(m.vocab) {
			break
		}
		node := w
		ok := true
		for j := 1; j <= k; j++ {
			t := hist[start+j]
			if int(t) >= len(m.vocab) {
				ok = false
				break
			}
			node, ok = m.findChild(j-1, node, t)
			if !ok {
				break
			}
		}
		// A context without children (only at the end of documents)
		// predicts nothing: stop there as well.
		if !ok || k+1 >= len(m.levels) || m.levels[k].child[node] == m.levels[k].child[node+1] {
			break
		}
		ctx[k] = node
		found = k + 1
	}
	return found
}

// prob returns the probability of token w after the contexts found by
// contexts (the model's own, without the cache). A w outside the
// vocabulary (a token only the prompt holds) gets the share of the
// unknown token; <s> is never predicted.
func (m *Model) prob(ctx []uint32, found int, w uint32) float64 {
	if w == bos {
		return 0
	}
	oov := int(w) >= len(m.vocab)
	p := m.uniProb(w)
	for k := 0; k < found; k++ {
		node := ctx[k]
		lv := &m.levels[k]
		var c uint32
		if !oov {
			if j, ok := m.findChild(k, node, w); ok {
				c = m.levels[k+1].count[j]
			}
		}
		p = math.Max(float64(c)-m.discount(k+1, c), 0)*float64(lv.invA[node]) + float64(lv.gamma[node])*p
	}
	return p
}

// uniProb is the interpolated unigram probability of w.
func (m *Model) uniProb(w uint32) float64 {
	if w == bos {
		return 0
	}
	if int(w) >= len(m.vocab) {
		return m.uniGamma / m.veff
	}
	c := m.levels[0].count[w]
	return math.Max(float64(c)-m.discount(0, c), 0)*m.uniInvA + m.uniGamma/m.veff
}
