package stats

import (
	"fmt"

	"securecomplete/analysis"
)

// Counts are the verdicts of one model on one scenario (or on a pool of
// scenarios): how many samples were vulnerable, non-vulnerable and invalid
// (did not compile). The zero value is an empty count, and counts add.
type Counts struct {
	Vul     int `json:"vul"`
	NonVul  int `json:"nonvul"`
	Invalid int `json:"invalid"`
}

// Add returns the sum of c and o: the counts of two shards of samples.
func (c Counts) Add(o Counts) Counts {
	return Counts{Vul: c.Vul + o.Vul, NonVul: c.NonVul + o.NonVul, Invalid: c.Invalid + o.Invalid}
}

// Total is the number of samples counted.
func (c Counts) Total() int { return c.Vul + c.NonVul + c.Invalid }

// Valid is the number of samples that compiled (vulnerable or not).
func (c Counts) Valid() int { return c.Vul + c.NonVul }

// Record counts one verdict.
func (c *Counts) Record(v analysis.Verdict) error {
	switch v {
	case analysis.Vulnerable:
		c.Vul++
	case analysis.NonVulnerable:
		c.NonVul++
	case analysis.Invalid:
		c.Invalid++
	default:
		return fmt.Errorf("unknown verdict %q (want %q, %q or %q)", v, analysis.Vulnerable, analysis.NonVulnerable, analysis.Invalid)
	}
	return nil
}

// Validate reports a negative count.
func (c Counts) Validate() error {
	switch {
	case c.Vul < 0:
		return fmt.Errorf("negative vulnerable count %d", c.Vul)
	case c.NonVul < 0:
		return fmt.Errorf("negative non-vulnerable count %d", c.NonVul)
	case c.Invalid < 0:
		return fmt.Errorf("negative invalid count %d", c.Invalid)
	}
	return nil
}

// String shows the counts in the paper's column order.
func (c Counts) String() string {
	return fmt.Sprintf("vul %d, non-vul %d, invalid %d", c.Vul, c.NonVul, c.Invalid)
}
