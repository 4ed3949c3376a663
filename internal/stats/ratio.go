package stats

import (
	"encoding/json"
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// DefaultLevel is the confidence level of the intervals unless asked
// otherwise.
const DefaultLevel = 0.95

// Ratio is a proportion Num/Den with its Wilson score interval [Lo, Hi]
// at some confidence level. It is undefined when Den is 0 (no samples to
// take a proportion of); then Value, Lo and Hi are NaN and JSON shows them
// as null.
type Ratio struct {
	Num   int
	Den   int
	Value float64
	Lo    float64
	Hi    float64
}

// Defined reports whether the ratio has a denominator.
func (r Ratio) Defined() bool { return r.Den > 0 }

// NewRatio returns num/den with its Wilson interval at the given
// confidence level (0 < level < 1).
func NewRatio(num, den int, level float64) (Ratio, error) {
	if num < 0 || den < 0 || num > den {
		return Ratio{}, fmt.Errorf("ratio %d/%d: want 0 <= num <= den", num, den)
	}
	r := Ratio{Num: num, Den: den, Value: math.NaN(), Lo: math.NaN(), Hi: math.NaN()}
	if den == 0 {
		if !(level > 0 && level < 1) {
			return Ratio{}, fmt.Errorf("confidence level %v: want a number between 0 and 1", level)
		}
		return r, nil
	}
	lo, hi, err := Wilson(num, den, level)
	if err != nil {
		return Ratio{}, err
	}
	r.Value = float64(num) / float64(den)
	r.Lo, r.Hi = lo, hi
	return r, nil
}

// Wilson returns the Wilson score interval of k successes in n trials at
// the given two-sided confidence level, the interval R's
// prop.test(k, n, correct = FALSE) reports. It keeps inside [0, 1] and
// stays sensible at k = 0 and k = n, where the normal (Wald) interval
// collapses.
func Wilson(k, n int, level float64) (lo, hi float64, err error) {
	if !(level > 0 && level < 1) {
		return 0, 0, fmt.Errorf("confidence level %v: want a number between 0 and 1", level)
	}
	if n <= 0 || k < 0 || k > n {
		return 0, 0, fmt.Errorf("wilson interval of %d in %d: want 0 <= k <= n and n > 0", k, n)
	}
	z := distuv.UnitNormal.Quantile(1 - (1-level)/2)
	nf := float64(n)
	p := float64(k) / nf
	z2 := z * z
	denom := 1 + z2/nf
	center := (p + z2/(2*nf)) / denom
	half := z / denom * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf))
	lo, hi = center-half, center+half
	// The exact bounds at k = 0 and k = n are 0 and 1; rounding may leave
	// them a hair off.
	if k == 0 {
		lo = 0
	}
	if k == n {
		hi = 1
	}
	return math.Max(0, lo), math.Min(1, hi), nil
}

type ratioJSON struct {
	Num   int      `json:"num"`
	Den   int      `json:"den"`
	Value *float64 `json:"value"`
	Lo    *float64 `json:"lo"`
	Hi    *float64 `json:"hi"`
}

// MarshalJSON writes an undefined ratio's value and bounds as null (JSON
// has no NaN).
func (r Ratio) MarshalJSON() ([]byte, error) {
	j := ratioJSON{Num: r.Num, Den: r.Den}
	if r.Defined() {
		j.Value, j.Lo, j.Hi = &r.Value, &r.Lo, &r.Hi
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes.
func (r *Ratio) UnmarshalJSON(b []byte) error {
	var j ratioJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*r = Ratio{Num: j.Num, Den: j.Den, Value: math.NaN(), Lo: math.NaN(), Hi: math.NaN()}
	if j.Value != nil {
		r.Value = *j.Value
	}
	if j.Lo != nil {
		r.Lo = *j.Lo
	}
	if j.Hi != nil {
		r.Hi = *j.Hi
	}
	return nil
}
