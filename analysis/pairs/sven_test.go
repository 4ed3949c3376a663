package pairs

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"securecomplete/analysis"
	"securecomplete/analysis/rules"
	"securecomplete/internal/testenv"
)

// TestSVENBuiltin measures the built-in rules on SVEN's real fixes and
// logs the per-CWE table (the figures docs/judge.md quotes).
func TestSVENBuiltin(t *testing.T) {
	dir := testenv.Dataset(t, "sven-fixes")
	files, _ := filepath.Glob(filepath.Join(dir, "cwe-*.jsonl"))
	var ps []Pair
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		p, _, err := Read(f, name)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p...)
	}
	if len(ps) != 378 {
		t.Errorf("%d C/C++ pairs, want 378", len(ps))
	}
	rep, err := Measure(context.Background(), ps, []analysis.Analyzer{rules.New()})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	t.Logf("SVEN fixes, built-in rules:\n%s", b.String())
	// Floors at what the judge reaches today (issue 11; 4/3/1 before its
	// interprocedural rules): they may only rise.
	if c := rep.Total.Counts[0]; c.Before < 5 || c.Differential < 2 || c.After > 3 {
		t.Errorf("SVEN: flagged before %d (want >= 5), differential %d (want >= 2), flagged after %d (want <= 3)", c.Before, c.Differential, c.After)
	}
}
