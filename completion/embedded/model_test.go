package embedded

import (
	"math"
	"math/rand/v2"
	"testing"
)

// sumProb adds P(w | hist) over every outcome: the vocabulary and the
// unknown token.
func sumProb(m *Model, hist []uint32) float64 {
	ctx := make([]uint32, m.order)
	found := m.contexts(hist[max(0, len(hist)-m.order+1):], ctx)
	var sum float64
	for w := range m.vocab {
		sum += m.prob(ctx, found, uint32(w))
	}
	return sum + m.prob(ctx, found, uint32(len(m.vocab))) // <unk>
}

// Interpolated Kneser-Ney is a distribution: whatever the history, the
// probabilities of all outcomes add up to 1.
func TestProbabilitiesSumToOne(t *testing.T) {
	for _, order := range []int{2, 3, 5} {
		m := trainTest(t, order)
		var hists [][]uint32
		// Histories seen in training, at every position of a document.
		doc := []uint32{bos}
		for _, tok := range Tokenize(testCorpus[0]) {
			doc = append(doc, m.ids[tok])
		}
		for i := 1; i <= len(doc); i++ {
			hists = append(hists, doc[:i])
		}
		// Random histories, unknown tokens included.
		rng := rand.New(rand.NewPCG(1, 2))
		for range 50 {
			h := []uint32{bos}
			for range rng.IntN(8) {
				h = append(h, uint32(rng.IntN(len(m.vocab)+3)))
			}
			hists = append(hists, h)
		}
		for _, h := range hists {
			// The per-context weights are float32: 1e-6 is their precision.
			if s := sumProb(m, h); math.Abs(s-1) > 1e-6 {
				t.Fatalf("order %d: sum of P(w | %v) = %.12f, want 1", order, h, s)
			}
		}
	}
}

// A higher-order model predicts held-out text of the same kind better than
// a bigram with add-k smoothing, and the cache helps on a document that
// repeats itself.
func TestScoreOrdersModels(t *testing.T) {
	tr, err := NewTrainer(5)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range testCorpus[:3] {
		tr.Add([]byte(d), 1)
	}
	m, err := tr.Build(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	heldOut := []byte(`#include <stdio.h>

int main(int argc, char *argv[]) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 1;
    }
    printf("file %s\n", argv[1]);
    return 0;
}
`)
	kn := m.Score(heldOut, NoCache())
	best := math.Inf(1)
	for _, k := range []float64{1, 0.1, 0.01, 0.001} {
		best = min(best, tr.Bigram().Score(heldOut, k).BitsPerToken())
	}
	if kn.BitsPerToken() >= best {
		t.Errorf("Kneser-Ney %.3f bits/token, add-k bigram %.3f: want Kneser-Ney lower", kn.BitsPerToken(), best)
	}
	if kn.Tokens != int64(len(Tokenize(string(heldOut)))+1) {
		t.Errorf("scored %d tokens, want the document's %d and </s>", kn.Tokens, len(Tokenize(string(heldOut)))+1)
	}
	repeated := append(append([]byte{}, heldOut...), heldOut...)
	noCache, withCache := m.Score(repeated, NoCache()), m.Score(repeated, DefaultCache())
	if withCache.Bits >= noCache.Bits {
		t.Errorf("cache: %.1f bits, without: %.1f: want the cache to help on a document that repeats", withCache.Bits, noCache.Bits)
	}
}

func TestDiscountsFallBackOnTinyCorpora(t *testing.T) {
	if got := discounts([]uint32{1, 1, 2}); got != [3]float64{0.5, 1.0, 1.5} {
		t.Errorf("discounts of a tiny count table = %v, want the fallback", got)
	}
	counts := []uint32{}
	for c, n := range map[uint32]int{1: 100, 2: 40, 3: 20, 4: 10, 9: 5} {
		for range n {
			counts = append(counts, c)
		}
	}
	d := discounts(counts)
	// Y = 100/180; D1 = 1 - 2Y*40/100, D2 = 2 - 3Y*20/40, D3 = 3 - 4Y*10/20
	y := 100.0 / 180
	want := [3]float64{1 - 2*y*0.4, 2 - 3*y*0.5, 3 - 4*y*0.5}
	for k := range d {
		if math.Abs(d[k]-want[k]) > 1e-12 {
			t.Errorf("D%d = %g, want %g", k+1, d[k], want[k])
		}
	}
}

func TestNewTrainerRejectsOrders(t *testing.T) {
	for _, o := range []int{0, 1, MaxOrder + 1} {
		if _, err := NewTrainer(o); err == nil {
			t.Errorf("NewTrainer(%d): no error", o)
		}
	}
	tr, _ := NewTrainer(3)
	tr.Add([]byte("   \n\n"), 1)
	if _, err := tr.Build(t.Context(), nil); err != ErrEmptyCorpus {
		t.Errorf("Build on blank documents: %v, want ErrEmptyCorpus", err)
	}
}
