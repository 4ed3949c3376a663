package report

import (
	"encoding/json"
	"io"
)

// WriteJSON writes the report as indented JSON: the setup, every row with
// its counts, ratios (undefined ones as null), tests and printed-value
// checks, the totals, the per-CWE pools and the disagreements.
func WriteJSON(w io.Writer, rep *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}
