package stats

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/combin"
)

// relErr is the relative tolerance R's fisher.test allows when it sums the
// tables "as or less likely" than the observed one, so that tables whose
// probabilities differ only by rounding count as ties.
const relErr = 1 + 1e-7

// FisherExact returns the two-sided p-value of Fisher's exact test on the
// 2×2 table
//
//	a b
//	c d
//
// computed as R's fisher.test does: with the margins fixed, the first cell
// follows a hypergeometric law; the p-value is the total probability of
// the tables no more probable than the observed one (within a relative
// tolerance of 1e-7). Probabilities come from log-factorials, so large
// tables (thousands of samples) neither overflow nor lose precision.
func FisherExact(a, b, c, d int) (float64, error) {
	if a < 0 || b < 0 || c < 0 || d < 0 {
		return 0, fmt.Errorf("fisher test on [[%d %d] [%d %d]]: negative count", a, b, c, d)
	}
	r1, r2, c1 := a+b, c+d, a+c
	lo, hi := max(0, c1-r2), min(r1, c1)
	if lo == hi {
		return 1, nil // one table only: nothing is less likely
	}
	// Log of the unnormalised hypergeometric density over the support
	// lo..hi; the common factor 1/C(n, c1) cancels in the normalisation.
	logd := make([]float64, hi-lo+1)
	top := math.Inf(-1)
	for x := lo; x <= hi; x++ {
		l := combin.LogGeneralizedBinomial(float64(r1), float64(x)) +
			combin.LogGeneralizedBinomial(float64(r2), float64(c1-x))
		logd[x-lo] = l
		top = max(top, l)
	}
	var sum float64
	for i, l := range logd {
		logd[i] = math.Exp(l - top) // now the density times a constant
		sum += logd[i]
	}
	obs := logd[a-lo] * relErr
	var p float64
	for _, v := range logd {
		if v <= obs {
			p += v
		}
	}
	return min(1, p/sum), nil
}
