package stats

import (
	"math"
	"sort"
)

// Holm adjusts a family of p-values for multiple testing by Holm's
// step-down method, as R's p.adjust(p, "holm"): sorted ascending, the i-th
// smallest of m is multiplied by m-i+1, the results are made monotone and
// capped at 1. An adjusted p-value below α rejects at family-wise error
// rate α. NaN entries (tests that were not run) stay NaN and do not count
// in m. The result is in the order of p.
func Holm(p []float64) []float64 {
	out := make([]float64, len(p))
	idx := make([]int, 0, len(p))
	for i, v := range p {
		if math.IsNaN(v) {
			out[i] = math.NaN()
			continue
		}
		idx = append(idx, i)
	}
	sort.SliceStable(idx, func(i, j int) bool { return p[idx[i]] < p[idx[j]] })
	m := len(idx)
	running := 0.0
	for rank, i := range idx {
		adj := min(1, float64(m-rank)*p[i])
		running = max(running, adj)
		out[i] = running
	}
	return out
}
