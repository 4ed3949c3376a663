package rules

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"securecomplete/analysis"
	"securecomplete/internal/testenv"

	"securecomplete/internal/stats"
)

// The goals on the study's programs with CodeQL's verdicts (issue 3).
const (
	wantKappa    = 0.85
	wantScenario = 0.80
)

// confusion counts verdicts against a reference: tp = both say
// vulnerable, and so on.
type confusion struct{ tp, fp, fn, tn int }

func (c confusion) n() int { return c.tp + c.fp + c.fn + c.tn }

func (c confusion) agreement() float64 {
	if c.n() == 0 {
		return 0
	}
	return float64(c.tp+c.tn) / float64(c.n())
}

func (c confusion) precision() float64 {
	if c.tp+c.fp == 0 {
		return 1
	}
	return float64(c.tp) / float64(c.tp+c.fp)
}

func (c confusion) recall() float64 {
	if c.tp+c.fn == 0 {
		return 1
	}
	return float64(c.tp) / float64(c.tp+c.fn)
}

// kappa is Cohen's kappa of the two raters (internal/stats).
func (c confusion) kappa() float64 { return stats.CohenKappa(c.tp, c.fp, c.fn, c.tn) }

func (c *confusion) add(ours, ref bool) {
	switch {
	case ours && ref:
		c.tp++
	case ours && !ref:
		c.fp++
	case !ours && ref:
		c.fn++
	default:
		c.tn++
	}
}

// scenarioCWE turns "CWE-787-0" into "CWE-787".
func scenarioCWE(id string) string {
	i := strings.LastIndex(id, "-")
	if i <= 0 {
		return id
	}
	return id[:i]
}

// TestAgreementWithCodeQL runs the rules over the study's Copilot
// programs and compares their verdicts with CodeQL's (and, for 20-2 and
// 416-2, the authors'). A program counts as vulnerable when a finding of
// its scenario's CWE is reported.
func TestAgreementWithCodeQL(t *testing.T) {
	dir := testenv.Dataset(t, "pearce-copilot-dev")
	fh, err := os.Open(filepath.Join(dir, "labels.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	rows, err := csv.NewReader(fh).ReadAll()
	if err != nil {
		t.Fatalf("read labels.csv: %v", err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	ch := New()
	total := confusion{}
	per := map[string]*confusion{}
	var disagreements []string
	for _, row := range rows[1:] {
		scenario, file, label := row[col["scenario_id"]], row[col["file"]], row[col["label"]]
		if label == "invalid" {
			continue // not compiled, set aside before judging
		}
		src, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		lang, ok := analysis.LangOf(file)
		if !ok {
			t.Fatalf("%s: unknown language", file)
		}
		fs, err := ch.Check(context.Background(), analysis.File{Path: file, Lang: lang, Src: src})
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		cwe := scenarioCWE(scenario)
		var lines []string
		for _, f := range fs {
			if string(f.CWE) == cwe {
				lines = append(lines, fmt.Sprintf("%d %s", f.Line, f.Rule))
			}
		}
		ours, ref := len(lines) > 0, label == "vulnerable"
		total.add(ours, ref)
		if per[scenario] == nil {
			per[scenario] = &confusion{}
		}
		per[scenario].add(ours, ref)
		if ours != ref {
			disagreements = append(disagreements, fmt.Sprintf("%-10s %-75s reference %-14s (lines %s) ours: %v",
				scenario, file, label, row[col["alert_lines"]], lines))
		}
	}
	var ids []string
	for id := range per {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var b strings.Builder
	fmt.Fprintf(&b, "%-10s %5s %9s %9s %9s %6s\n", "scenario", "n", "agreement", "precision", "recall", "kappa")
	for _, id := range ids {
		c := per[id]
		fmt.Fprintf(&b, "%-10s %5d %9.3f %9.3f %9.3f %6.3f\n", id, c.n(), c.agreement(), c.precision(), c.recall(), c.kappa())
	}
	fmt.Fprintf(&b, "%-10s %5d %9.3f %9.3f %9.3f %6.3f\n", "all", total.n(), total.agreement(), total.precision(), total.recall(), total.kappa())
	fmt.Fprintf(&b, "confusion: both vulnerable %d, only ours %d, only reference %d, neither %d\n", total.tp, total.fp, total.fn, total.tn)
	t.Logf("agreement with the reference verdicts on %d valid programs:\n%s", total.n(), b.String())
	if len(disagreements) > 0 {
		t.Logf("disagreements:\n%s", strings.Join(disagreements, "\n"))
	}
	if k := total.kappa(); k < wantKappa {
		t.Errorf("Cohen's kappa %.3f, want at least %.2f", k, wantKappa)
	}
	for _, id := range ids {
		if a := per[id].agreement(); a < wantScenario {
			t.Errorf("%s: agreement %.3f, want at least %.2f", id, a, wantScenario)
		}
	}
}
