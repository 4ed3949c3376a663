package stats

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

func near(got, want, relTol float64) bool {
	if got == want {
		return true
	}
	return math.Abs(got-want) <= relTol*math.Abs(want)
}

// The expected p-values are exact: each is a sum of hypergeometric
// probabilities worked out in rational arithmetic (binomial coefficients,
// no floating point), then printed to 15 digits.
func TestFisherExactKnownValues(t *testing.T) {
	tests := []struct {
		name       string
		a, b, c, d int
		want       float64
	}{
		// R's ?fisher.test, Fisher's tea-tasting lady: 3 of 4 cups right.
		// Tables x = 0..4 have probabilities 1, 16, 36, 16, 1 (/70); the
		// two-sided p is (1+16+16+1)/70 = 17/35.
		{"tea tasting", 3, 1, 1, 3, 17.0 / 35},
		// R's ?fisher.test, Convictions of like-sex twins of criminals
		// (matrix(c(2, 10, 15, 3), 2)); R prints p-value = 0.0005367.
		{"convictions", 2, 15, 10, 3, 0.000536724119143436},
		{"perfect separation", 10, 0, 0, 10, 1.0 / 92378},
		{"swapped rows", 0, 5, 5, 0, 1.0 / 126},
		{"small asymmetric", 7, 2, 3, 8, 293.0 / 4199},
		{"one table only", 1, 0, 0, 1, 1},
		{"empty", 0, 0, 0, 0, 1},
		{"one empty row", 4, 6, 0, 0, 1},
		// Pooled totals of the paper's C rows (840 samples an arm).
		{"paper C non-vul vs others", 427, 413, 462, 378, 0.0965113802756391},
		{"paper C invalid vs others", 135, 705, 184, 656, 0.00278968176598187},
		{"paper C++ non-vul vs others", 365, 475, 229, 611, 4.79217334415466e-12},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := FisherExact(tt.a, tt.b, tt.c, tt.d)
			if err != nil {
				t.Fatal(err)
			}
			if !near(got, tt.want, 1e-9) {
				t.Errorf("FisherExact(%d,%d,%d,%d) = %.15g, want %.15g", tt.a, tt.b, tt.c, tt.d, got, tt.want)
			}
		})
	}
}

// exactFisher is an independent oracle: the same test in rational
// arithmetic with exact ties.
func exactFisher(a, b, c, d int) float64 {
	r1, r2, c1 := a+b, c+d, a+c
	lo, hi := max(0, c1-r2), min(r1, c1)
	prob := func(x int) *big.Int {
		p := new(big.Int).Binomial(int64(r1), int64(x))
		return p.Mul(p, new(big.Int).Binomial(int64(r2), int64(c1-x)))
	}
	obs := prob(a)
	num := new(big.Int)
	for x := lo; x <= hi; x++ {
		if p := prob(x); p.Cmp(obs) <= 0 {
			num.Add(num, p)
		}
	}
	r := new(big.Rat).SetFrac(num, new(big.Int).Binomial(int64(r1+r2), int64(c1)))
	f, _ := r.Float64()
	return f
}

func TestFisherExactMatchesRationalOracle(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		a, b, c, d := rng.IntN(31), rng.IntN(31), rng.IntN(31), rng.IntN(31)
		got, err := FisherExact(a, b, c, d)
		if err != nil {
			t.Fatal(err)
		}
		want := exactFisher(a, b, c, d)
		if !near(got, want, 1e-9) {
			t.Fatalf("case %d: FisherExact(%d,%d,%d,%d) = %.15g, exact %.15g", i, a, b, c, d, got, want)
		}
		// The test does not depend on how the table is laid out.
		for _, alt := range [][4]int{{b, a, d, c}, {c, d, a, b}, {a, c, b, d}} {
			p, _ := FisherExact(alt[0], alt[1], alt[2], alt[3])
			if !near(p, got, 1e-9) {
				t.Fatalf("FisherExact%v = %.15g, but %.15g for (%d,%d,%d,%d)", alt, p, got, a, b, c, d)
			}
		}
	}
}

func TestFisherExactRejectsNegative(t *testing.T) {
	if _, err := FisherExact(1, -1, 2, 3); err == nil {
		t.Fatal("no error for a negative count")
	}
}

func TestWilson(t *testing.T) {
	tests := []struct {
		k, n   int
		level  float64
		lo, hi float64
	}{
		// 0 of 10: R's prop.test(0, 10, correct = FALSE) gives [0, 0.2775328].
		{0, 10, 0.95, 0, 0.277532800},
		{10, 10, 0.95, 0.722467200, 1},
		// 427 of 705 (the paper's pre-trained C non-vulnerable ratio) and
		// 15 of 30: bounds worked out apart from this code, from the
		// closed form with z taken from Python's statistics.NormalDist
		// (1.9599639845400536 at 95 %, 2.5758293035489 at 99 %).
		{427, 705, 0.95, 0.569119865, 0.641082286},
		{15, 30, 0.95, 0.331541256, 0.668458744},
		{15, 30, 0.99, 0.287215691, 0.712784309},
	}
	for _, tt := range tests {
		lo, hi, err := Wilson(tt.k, tt.n, tt.level)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(lo-tt.lo) > 1e-8 || math.Abs(hi-tt.hi) > 1e-8 {
			t.Errorf("Wilson(%d, %d, %v) = [%.9f, %.9f], want [%.9f, %.9f]", tt.k, tt.n, tt.level, lo, hi, tt.lo, tt.hi)
		}
	}
	for _, bad := range []struct {
		k, n  int
		level float64
	}{{1, 0, 0.95}, {3, 2, 0.95}, {1, 2, 1}, {1, 2, 0}} {
		if _, _, err := Wilson(bad.k, bad.n, bad.level); err == nil {
			t.Errorf("Wilson(%d, %d, %v): no error", bad.k, bad.n, bad.level)
		}
	}
}

func TestHolmAsRPAdjust(t *testing.T) {
	// p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm"): sorted 0.005, 0.01,
	// 0.03, 0.04 times 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04, made monotone
	// (0.04 -> 0.06).
	got := Holm([]float64{0.01, 0.04, 0.03, 0.005})
	want := []float64{0.03, 0.06, 0.06, 0.02}
	for i := range want {
		if !near(got[i], want[i], 1e-12) {
			t.Fatalf("Holm = %v, want %v", got, want)
		}
	}
	// Capped at 1; NaN is not a test and does not count.
	got = Holm([]float64{0.6, math.NaN(), 0.2})
	if got[0] != 0.6 || !math.IsNaN(got[1]) || got[2] != 0.4 {
		t.Errorf("Holm with NaN = %v, want [0.6 NaN 0.4]", got)
	}
	if got := Holm([]float64{0.5, 0.7}); got[0] != 1 || got[1] != 1 {
		t.Errorf("Holm = %v, want capped at 1", got)
	}
}

// BenchmarkFisherExact times one test on a table the size of a pooled
// language total (840 samples an arm) and on a scale-out run (30,000).
func BenchmarkFisherExact(b *testing.B) {
	for _, bc := range []struct {
		name       string
		a, b, c, d int
	}{
		{"30+30", 14, 16, 8, 22},
		{"840+840", 427, 413, 462, 378},
		{"30000+30000", 15000, 15000, 15400, 14600},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := FisherExact(bc.a, bc.b, bc.c, bc.d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
