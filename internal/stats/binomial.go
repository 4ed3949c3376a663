package stats

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// BinomialTest returns the two-sided p-value of the exact binomial test of
// k successes in n trials against success probability p, as R's
// binom.test(k, n, p) computes it: the total probability of the outcomes
// no more probable than the observed one (within a relative tolerance of
// 1e-7). With p = 0.5 it tests whether one of two arms wins more often
// than chance (the A/B report's interleaving wins).
func BinomialTest(k, n int, p float64) (float64, error) {
	if n < 0 || k < 0 || k > n {
		return 0, fmt.Errorf("binomial test of %d in %d: want 0 <= k <= n", k, n)
	}
	if !(p >= 0 && p <= 1) {
		return 0, fmt.Errorf("binomial test: probability %v: want a number in [0, 1]", p)
	}
	if n == 0 {
		return 1, nil
	}
	switch {
	case p == 0:
		return boolP(k == 0), nil
	case p == 1:
		return boolP(k == n), nil
	}
	logPMF := func(i int) float64 {
		lg := func(x int) float64 { v, _ := math.Lgamma(float64(x) + 1); return v }
		return lg(n) - lg(i) - lg(n-i) + float64(i)*math.Log(p) + float64(n-i)*math.Log1p(-p)
	}
	obs := logPMF(k) + math.Log(relErr)
	total := 0.0
	for i := 0; i <= n; i++ {
		if lp := logPMF(i); lp <= obs {
			total += math.Exp(lp)
		}
	}
	return min(1, total), nil
}

func boolP(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// CohenKappa is Cohen's kappa of two raters' yes/no decisions on the same
// items, from their 2×2 table: yy both said yes, yn the first yes and the
// second no, ny the reverse, nn both no. It is agreement beyond what the
// two marginals would give by chance; NaN when there are no items or
// chance agreement is total (both always said the same single class),
// where kappa is undefined.
func CohenKappa(yy, yn, ny, nn int) float64 {
	n := float64(yy + yn + ny + nn)
	if n == 0 {
		return math.NaN()
	}
	po := float64(yy+nn) / n
	pe := (float64(yy+yn)*float64(yy+ny) + float64(ny+nn)*float64(yn+nn)) / (n * n)
	if pe == 1 {
		return math.NaN()
	}
	return (po - pe) / (1 - pe)
}

// SampleSize returns how many observations each of two groups needs for a
// two-sided test at significance alpha to detect proportions p1 and p2
// with the given power (0.8 is the usual choice), by the normal
// approximation of R's power.prop.test. It is +Inf when p1 == p2 (no
// difference to detect).
func SampleSize(p1, p2, alpha, power float64) (float64, error) {
	for _, v := range []float64{p1, p2} {
		if !(v >= 0 && v <= 1) {
			return 0, fmt.Errorf("sample size: proportion %v: want a number in [0, 1]", v)
		}
	}
	if !(alpha > 0 && alpha < 1) || !(power > 0 && power < 1) {
		return 0, fmt.Errorf("sample size: alpha %v, power %v: want numbers between 0 and 1", alpha, power)
	}
	if p1 == p2 {
		return math.Inf(1), nil
	}
	za := distuv.UnitNormal.Quantile(1 - alpha/2)
	zb := distuv.UnitNormal.Quantile(power)
	pbar := (p1 + p2) / 2
	num := za*math.Sqrt(2*pbar*(1-pbar)) + zb*math.Sqrt(p1*(1-p1)+p2*(1-p2))
	return num * num / ((p1 - p2) * (p1 - p2)), nil
}
