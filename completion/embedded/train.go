package embedded

import (
	"context"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"time"
)

// DefaultOrder is the n-gram order used unless asked otherwise: on the
// default corpus, order 6 measured best, orders above it gained nothing
// (see the README).
const DefaultOrder = 6

// MaxOrder bounds the order a trainer accepts.
const MaxOrder = 10

// Trainer counts the n-grams of documents and builds a Model. Add
// documents, then call Build once. A Trainer is not safe for concurrent
// use.
type Trainer struct {
	order  int
	ids    map[string]uint32
	vocab  []string
	toks   []uint32 // all documents, each as <s> tokens... </s>
	weight []uint16 // per document
	starts []int    // per document: its <s> in toks
	bytes  int64
}

// NewTrainer returns a trainer for n-grams up to the given order (2 to
// MaxOrder).
func NewTrainer(order int) (*Trainer, error) {
	if order < 2 || order > MaxOrder {
		return nil, fmt.Errorf("n-gram order %d: want 2 to %d", order, MaxOrder)
	}
	t := &Trainer{order: order, ids: map[string]uint32{}}
	for _, s := range specialTokens {
		t.intern([]byte(s))
	}
	return t, nil
}

func (t *Trainer) intern(tok []byte) uint32 {
	if id, ok := t.ids[string(tok)]; ok {
		return id
	}
	id := uint32(len(t.vocab))
	s := string(tok)
	t.ids[s] = id
	t.vocab = append(t.vocab, s)
	return id
}

// Add tokenizes one document and counts it weight times at the highest
// order (weight 1 to 1000): the fine-tune of the paper in miniature gives
// the fix dataset's documents a weight above the base corpus. A document
// with no token is skipped. It returns the number of tokens added.
func (t *Trainer) Add(text []byte, weight int) int {
	weight = max(1, min(weight, 1000))
	start := len(t.toks)
	t.toks = append(t.toks, bos)
	lex(text, false, func(tok []byte) { t.toks = append(t.toks, t.intern(tok)) })
	if len(t.toks) == start+1 {
		t.toks = t.toks[:start]
		return 0
	}
	t.toks = append(t.toks, eos)
	t.starts = append(t.starts, start)
	t.weight = append(t.weight, uint16(weight))
	t.bytes += int64(len(text))
	return len(t.toks) - start - 2
}

// Documents returns the number of documents added.
func (t *Trainer) Documents() int { return len(t.starts) }

// Tokens returns the number of tokens added, without the document marks.
func (t *Trainer) Tokens() int64 { return int64(len(t.toks) - 2*len(t.starts)) }

// ErrEmptyCorpus is returned by Build when no document holds a token.
var ErrEmptyCorpus = errors.New("the corpus holds no C or C++ token")

// Build counts the n-grams and returns the model. It honours ctx between
// the orders and within the long loops. progress, when not nil, receives
// a line per stage.
func (t *Trainer) Build(ctx context.Context, progress func(string)) (*Model, error) {
	if len(t.starts) == 0 {
		return nil, ErrEmptyCorpus
	}
	say := func(format string, args ...any) {
		if progress != nil {
			progress(fmt.Sprintf(format, args...))
		}
	}
	began := time.Now()
	toks, vocab := t.sortVocab()
	weights := make([]uint16, len(toks))
	for d, s := range t.starts {
		end := len(toks)
		if d+1 < len(t.starts) {
			end = t.starts[d+1]
		}
		for i := s; i < end; i++ {
			weights[i] = t.weight[d]
		}
	}

	m := &Model{order: t.order, vocab: vocab}
	m.levels = make([]level, t.order)
	raw := make([][]uint32, t.order)     // raw (weighted) counts per order
	startsBOS := make([][]bool, t.order) // n-gram begins with <s>
	v := len(vocab)

	// Order 1: node = token id.
	raw[0] = make([]uint32, v)
	for i, w := range toks {
		raw[0][w] += uint32(weights[i])
	}
	startsBOS[0] = make([]bool, v)
	startsBOS[0][bos] = true
	uniWord := make([]uint32, v)
	for i := range uniWord {
		uniWord[i] = uint32(i)
	}
	m.levels[0].word = uniWord
	posNode := slices.Clone(toks) // node of the current order ending at each position
	const none = ^uint32(0)

	keys := make([]uint64, 0, len(toks))
	pos := make([]uint32, 0, len(toks))
	for n := 2; n <= t.order; n++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		prevNodes := len(m.levels[n-2].word)
		wbits := bits.Len(uint(v))
		keys, pos = keys[:0], pos[:0]
		for i := 1; i < len(toks); i++ {
			p := posNode[i-1]
			if p == none || toks[i] == bos {
				continue
			}
			keys = append(keys, uint64(p)<<wbits|uint64(toks[i]))
			pos = append(pos, uint32(i))
		}
		radixSort(keys, pos, wbits+bits.Len(uint(prevNodes)))
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		// Walk the runs of equal keys: one node each.
		lv := &m.levels[n-1]
		prev := &m.levels[n-2]
		prev.child = make([]uint32, prevNodes+1)
		var rawN []uint32
		var bosN []bool
		suffix := make([]uint32, 0, len(keys)/2)
		next := make([]uint32, len(toks))
		for i := range next {
			next[i] = none
		}
		wmask := uint64(1)<<wbits - 1
		for i := 0; i < len(keys); {
			j := i
			var c uint32
			for j < len(keys) && keys[j] == keys[i] {
				c += uint32(weights[pos[j]])
				j++
			}
			id := uint32(len(lv.word))
			parent := uint32(keys[i] >> wbits)
			lv.word = append(lv.word, uint32(keys[i]&wmask))
			rawN = append(rawN, c)
			bosN = append(bosN, startsBOS[n-2][parent])
			prev.child[parent+1] = id + 1
			// The suffix (the n-gram without its first token) is the node
			// of order n-1 ending at the same position.
			suffix = append(suffix, posNode[pos[i]])
			for k := i; k < j; k++ {
				next[pos[k]] = id
			}
			i = j
		}
		// child[p+1] holds the end of p's children where p has some;
		// fill the gaps so that child[p]..child[p+1] is p's run.
		for p := 1; p <= prevNodes; p++ {
			if prev.child[p] < prev.child[p-1] {
				prev.child[p] = prev.child[p-1]
			}
		}
		raw[n-1], startsBOS[n-1] = rawN, bosN
		// Continuation counts of order n-1: distinct left extensions.
		cont := make([]uint32, prevNodes)
		for _, s := range suffix {
			cont[s]++
		}
		prev.count = cont
		for i := range cont {
			if startsBOS[n-2][i] {
				prev.count[i] = raw[n-2][i]
			}
		}
		if n == 2 {
			prev.count[bos] = 0
		}
		posNode = next
		say("order %d: %d n-grams", n, len(lv.word))
	}
	top := &m.levels[t.order-1]
	top.count = raw[t.order-1]

	m.disc = make([][3]float64, t.order)
	m.info = Info{
		FormatVersion: FormatVersion,
		Order:         t.order,
		Vocab:         v,
		Documents:     len(t.starts),
		Tokens:        t.Tokens(),
		Bytes:         t.bytes,
		Created:       time.Now().UTC().Format(time.RFC3339),
	}
	for k := range m.levels {
		m.disc[k] = discounts(m.levels[k].count)
		m.info.NGrams = append(m.info.NGrams, len(m.levels[k].word))
	}
	m.info.Discounts = m.disc
	m.derive()
	say("built in %s: %d tokens, vocabulary %d", time.Since(began).Round(time.Millisecond), m.info.Tokens, v)
	return m, nil
}

// sortVocab renumbers tokens by falling frequency (specials first, ties by
// text), so that frequent tokens get small ids and the file stays small.
func (t *Trainer) sortVocab() ([]uint32, []string) {
	freq := make([]int, len(t.vocab))
	for _, w := range t.toks {
		freq[w]++
	}
	order := make([]uint32, len(t.vocab))
	for i := range order {
		order[i] = uint32(i)
	}
	ns := uint32(len(specialTokens))
	slices.SortFunc(order[ns:], func(a, b uint32) int {
		if freq[a] != freq[b] {
			return freq[b] - freq[a]
		}
		return strings.Compare(t.vocab[a], t.vocab[b])
	})
	remap := make([]uint32, len(t.vocab))
	vocab := make([]string, len(t.vocab))
	for newID, old := range order {
		remap[old] = uint32(newID)
		vocab[newID] = t.vocab[old]
	}
	toks := make([]uint32, len(t.toks))
	for i, w := range t.toks {
		toks[i] = remap[w]
	}
	return toks, vocab
}

// discounts estimates modified Kneser-Ney's D1, D2, D3+ from the counts
// of counts (Chen and Goodman's formulas), falling back to safe values on
// corpora too small to estimate them.
func discounts(counts []uint32) [3]float64 {
	var n [5]float64
	for _, c := range counts {
		if c >= 1 && c <= 4 {
			n[c]++
		}
	}
	fallback := [3]float64{0.5, 1.0, 1.5}
	if n[1] == 0 || n[2] == 0 || n[3] == 0 || n[4] == 0 {
		return fallback
	}
	y := n[1] / (n[1] + 2*n[2])
	d := [3]float64{1 - 2*y*n[2]/n[1], 2 - 3*y*n[3]/n[2], 3 - 4*y*n[4]/n[3]}
	for k, dk := range d {
		if !(dk > 0 && dk < float64(k+1)) {
			return fallback
		}
	}
	return d
}

// radixSort sorts keys (using their low nbits bits) and carries pos along.
func radixSort(keys []uint64, pos []uint32, nbits int) {
	const radix = 11
	n := len(keys)
	if n < 2 {
		return
	}
	tk := make([]uint64, n)
	tp := make([]uint32, n)
	src, dst := keys, tk
	sp, dp := pos, tp
	var count [1 << radix]int
	for shift := 0; shift < nbits; shift += radix {
		clear(count[:])
		for _, k := range src {
			count[(k>>shift)&(1<<radix-1)]++
		}
		sum := 0
		for i, c := range count {
			count[i] = sum
			sum += c
		}
		for i, k := range src {
			b := (k >> shift) & (1<<radix - 1)
			dst[count[b]] = k
			dp[count[b]] = sp[i]
			count[b]++
		}
		src, dst = dst, src
		sp, dp = dp, sp
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
		copy(pos, sp)
	}
}
