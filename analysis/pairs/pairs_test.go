package pairs

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"securecomplete/analysis"
	"securecomplete/analysis/rules"
)

func TestMeasureBuiltin(t *testing.T) {
	f, err := os.Open("testdata/pairs.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ps, skipped, err := Read(f, "testdata/pairs.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 1 || skipped != 1 || ps[0].CWE != "CWE-416" || ps[0].Lang != analysis.C {
		t.Fatalf("read %d pairs (%+v), skipped %d; want one C CWE-416 pair and one skipped", len(ps), ps, skipped)
	}
	rep, err := Measure(context.Background(), ps, []analysis.Analyzer{rules.New()})
	if err != nil {
		t.Fatal(err)
	}
	want := Counts{Pairs: 1, Before: 1, After: 0, Differential: 1}
	if len(rep.Rows) != 1 || rep.Rows[0].Counts[0] != want || rep.Total.Counts[0] != want {
		t.Errorf("rows %+v total %+v, want %+v", rep.Rows, rep.Total, want)
	}
	var b bytes.Buffer
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"builtin bef/aft/diff", "CWE-416      1  1/0/1", "all          1  1/0/1"} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("report lacks %q:\n%s", s, b.String())
		}
	}
}
