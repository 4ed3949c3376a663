package stats

import istats "securecomplete/internal/stats"

// Ratio is a proportion with its Wilson interval (internal/stats, shared
// with the A/B report).
type Ratio = istats.Ratio

// DefaultLevel is the confidence level of the intervals unless asked
// otherwise.
const DefaultLevel = istats.DefaultLevel

// NonVulRatio is the paper's non-vulnerable ratio: non-vulnerable samples
// over the valid ones (vulnerable + non-vulnerable); invalid samples are
// left out.
func NonVulRatio(c Counts, level float64) (Ratio, error) {
	return istats.NewRatio(c.NonVul, c.Valid(), level)
}

// InvalidRatio is the paper's invalid ratio: invalid samples over all.
func InvalidRatio(c Counts, level float64) (Ratio, error) {
	return istats.NewRatio(c.Invalid, c.Total(), level)
}
