package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"securecomplete/eval/stats"
)

// table is a rendered table that the Markdown and HTML writers both lay
// out: text cells, a heading per column, and which columns are numbers.
type table struct {
	Caption string
	Head    []string
	Numeric []bool // right-aligned columns
	Rows    [][]string
	Foot    int // the last Foot rows are totals and ratios
}

func (t *table) add(cells ...string) { t.Rows = append(t.Rows, cells) }

// setupFacts are the lines that say where the counts come from and how
// they were made.
func setupFacts(rep *Report) [][2]string {
	m := rep.Meta
	facts := [][2]string{{"Source", m.Source}}
	if m.Scenarios != "" {
		facts = append(facts, [2]string{"Scenarios", m.Scenarios})
	}
	facts = append(facts,
		[2]string{"Judge", orNotStated(m.Judge)},
		[2]string{"Compiler", orNotStated(m.Compiler)},
		[2]string{"Seeds", seeds(m.Seeds)},
		[2]string{"Intervals", fmt.Sprintf("Wilson score, %s confidence", percent(rep.Level))},
	)
	if ref := rep.Reference; ref != nil {
		facts = append(facts, [2]string{"Paper columns", fmt.Sprintf("%s, matched by scenario and language (%d of %d rows)", ref.Source, ref.Matched, len(rep.Rows))})
	}
	for _, n := range m.Notes {
		facts = append(facts, [2]string{"Note", n})
	}
	return facts
}

func armsTable(rep *Report) table {
	t := table{
		Caption: "Models compared",
		Head:    []string{"Arm", "Model", "Samples", "Temperature", "Top-p", "Max tokens", "Stop", "Note"},
		Numeric: []bool{false, false, true, true, true, true, false, false},
	}
	add := func(prefix string, arms []Arm) {
		for _, a := range arms {
			s := a.Sampling
			model := orNotStated(a.Model)
			if a.Endpoint != "" {
				model += " at " + a.Endpoint
			}
			stop := "not stated"
			switch {
			case len(s.Stop) > 0:
				stop = strings.Join(quoteAll(s.Stop), " ")
			case s.Stop != nil:
				stop = "none"
			}
			t.add(prefix+a.Name, model, intOr(s.Samples), floatOr(s.Temperature), floatOr(s.TopP), intOr(s.MaxTokens), stop, a.Note)
		}
	}
	add("", rep.Arms)
	if rep.Reference != nil {
		add("paper ", rep.Reference.Arms)
	}
	return t
}

// pHeads names the p-value columns of each test.
func pHeads(rep *Report) (nonVul, invalid []string) {
	for i := 1; i < len(rep.Arms); i++ {
		if len(rep.Arms) == 2 {
			nonVul = append(nonVul, "p (non-vul vs others)")
			invalid = append(invalid, "p (invalid vs others)")
			break
		}
		vs := fmt.Sprintf(" (%s vs %s)", rep.Arms[i].Name, rep.Arms[0].Name)
		nonVul = append(nonVul, "p non-vul"+vs)
		invalid = append(invalid, "p invalid"+vs)
	}
	return nonVul, invalid
}

// mainTable is Table 3 in the paper's layout: counts per arm, the two
// p-values, then totals and the two ratios per language.
func mainTable(rep *Report) table {
	t := table{Caption: "Table 3: " + rep.Meta.Title}
	t.Head = []string{"Scenario", "CWE rank", "Fix commits"}
	for _, a := range rep.Arms {
		t.Head = append(t.Head, a.Name+" vul", a.Name+" non-vul", a.Name+" invalid")
	}
	pn, pi := pHeads(rep)
	for i := range pn {
		t.Head = append(t.Head, pn[i], pi[i])
	}
	if rep.Reference != nil {
		for _, a := range rep.Reference.Arms {
			t.Head = append(t.Head, "paper "+a.Name+" vul", "paper "+a.Name+" non-vul", "paper "+a.Name+" invalid")
		}
	}
	t.Numeric = make([]bool, len(t.Head))
	for i := 1; i < len(t.Head); i++ {
		t.Numeric[i] = true
	}
	counts := func(arms []ArmResult) []string {
		var out []string
		for _, a := range arms {
			out = append(out, strconv.Itoa(a.Counts.Vul), strconv.Itoa(a.Counts.NonVul), strconv.Itoa(a.Counts.Invalid))
		}
		return out
	}
	refCells := func(paper []ArmResult) []string {
		if rep.Reference == nil {
			return nil
		}
		if paper == nil {
			return make([]string, 3*len(rep.Reference.Arms))
		}
		return counts(paper)
	}
	tests := func(ts []Test) []string {
		var out []string
		for _, x := range ts {
			out = append(out, FormatP(x.PNonVul), FormatP(x.PInvalid))
		}
		return out
	}
	for _, r := range rep.Rows {
		cells := []string{r.Label(), rankCell(r.Rank), intPtr(r.FixCommits)}
		cells = append(cells, counts(r.Arms)...)
		var ts []Test
		for _, x := range r.Tests {
			ts = append(ts, x.Test)
		}
		cells = append(cells, tests(ts)...)
		t.add(append(cells, refCells(r.Paper)...)...)
	}
	before := len(t.Rows)
	for _, g := range rep.Totals {
		cells := append([]string{g.Label, "", ""}, counts(g.Arms)...)
		cells = append(cells, tests(g.Tests)...)
		t.add(append(cells, refCells(g.Paper)...)...)
	}
	// The ratio rows put each arm's ratio under its non-vul or invalid
	// column, as the paper does.
	for _, g := range rep.Totals {
		lang := strings.TrimSuffix(strings.TrimPrefix(g.Label, "Total ("), ")")
		for _, kind := range []struct {
			name string
			col  int
			get  func(ArmResult) stats.Ratio
		}{
			{"Non-vulnerable ratio", 1, func(a ArmResult) stats.Ratio { return a.NonVul }},
			{"Invalid ratio", 2, func(a ArmResult) stats.Ratio { return a.Invalid }},
		} {
			cells := make([]string, len(t.Head))
			cells[0] = kind.name + " (" + lang + ")"
			for i, a := range g.Arms {
				cells[3+3*i+kind.col] = ratioShort(kind.get(a))
			}
			if g.Paper != nil {
				off := 3 + 3*len(rep.Arms) + 2*(len(rep.Arms)-1)
				for i, a := range g.Paper {
					cells[off+3*i+kind.col] = ratioShort(kind.get(a))
				}
			}
			t.add(cells...)
		}
	}
	t.Foot = len(t.Rows) - before
	return t
}

// ratioTable gives each row's ratios with intervals and the Holm-adjusted
// p-values.
func ratioTable(rep *Report) table {
	t := table{Caption: fmt.Sprintf("Ratios with %s Wilson intervals, and p-values adjusted by Holm across the %d scenario rows", percent(rep.Level), len(rep.Rows))}
	t.Head = []string{"Scenario"}
	for _, a := range rep.Arms {
		t.Head = append(t.Head, a.Name+" non-vul ratio")
	}
	for _, a := range rep.Arms {
		t.Head = append(t.Head, a.Name+" invalid ratio")
	}
	pn, pi := pHeads(rep)
	for i := range pn {
		t.Head = append(t.Head, "Holm "+pn[i], "Holm "+pi[i])
	}
	t.Numeric = make([]bool, len(t.Head))
	for i := 1; i < len(t.Head); i++ {
		t.Numeric[i] = true
	}
	for _, r := range rep.Rows {
		cells := []string{r.Label()}
		for _, a := range r.Arms {
			cells = append(cells, ratioLong(a.NonVul))
		}
		for _, a := range r.Arms {
			cells = append(cells, ratioLong(a.Invalid))
		}
		for _, x := range r.Tests {
			cells = append(cells, starred(x.HolmNonVul, rep.Alpha), starred(x.HolmInvalid, rep.Alpha))
		}
		t.add(cells...)
	}
	return t
}

// cweTable pools the scenarios of each CWE per language.
func cweTable(rep *Report) table {
	t := table{Caption: "Per CWE, pooled over its scenarios (Fisher's test on the pooled counts, not stratified by scenario)"}
	t.Head = []string{"CWE", "Rank", "Scenarios"}
	for _, a := range rep.Arms {
		t.Head = append(t.Head, a.Name+" vul/non-vul/invalid")
	}
	for _, a := range rep.Arms {
		t.Head = append(t.Head, a.Name+" non-vul ratio")
	}
	for _, a := range rep.Arms {
		t.Head = append(t.Head, a.Name+" invalid ratio")
	}
	pn, pi := pHeads(rep)
	for i := range pn {
		t.Head = append(t.Head, pn[i], pi[i])
	}
	if rep.Reference != nil {
		for _, a := range rep.Reference.Arms {
			t.Head = append(t.Head, "paper "+a.Name+" vul/non-vul/invalid")
		}
	}
	t.Numeric = make([]bool, len(t.Head))
	for i := 1; i < len(t.Head); i++ {
		t.Numeric[i] = true
	}
	for _, g := range rep.CWEs {
		cells := []string{g.Label, rankCell(g.Rank), strconv.Itoa(g.Rows)}
		for _, a := range g.Arms {
			cells = append(cells, triple(a.Counts))
		}
		for _, a := range g.Arms {
			cells = append(cells, ratioLong(a.NonVul))
		}
		for _, a := range g.Arms {
			cells = append(cells, ratioLong(a.Invalid))
		}
		for _, x := range g.Tests {
			cells = append(cells, FormatP(x.PNonVul), FormatP(x.PInvalid))
		}
		if rep.Reference != nil {
			for i := range rep.Reference.Arms {
				if g.Paper == nil {
					cells = append(cells, "")
				} else {
					cells = append(cells, triple(g.Paper[i].Counts))
				}
			}
		}
		t.add(cells...)
	}
	return t
}

func disagreementTable(rep *Report) table {
	t := table{
		Caption: "Where printed or stated figures disagree with the rows",
		Head:    []string{"Source", "Where", "What", "Printed or stated", "From the rows", "Note"},
		Numeric: []bool{false, false, false, true, true, false},
	}
	for _, d := range rep.Disagreements {
		t.add(d.Source, d.Where, d.What, d.Printed, d.Recomputed, d.Note)
	}
	return t
}

// significance summarises how many rows each test finds significant,
// before and after Holm's adjustment, and how printed p-values compare.
func significance(rep *Report) []string {
	var out []string
	n := len(rep.Rows)
	for t := 1; t < len(rep.Arms); t++ {
		var nv, inv, hnv, hinv int
		for _, r := range rep.Rows {
			x := r.Tests[t-1]
			nv += b2i(x.PNonVul < rep.Alpha)
			inv += b2i(x.PInvalid < rep.Alpha)
			hnv += b2i(x.HolmNonVul < rep.Alpha)
			hinv += b2i(x.HolmInvalid < rep.Alpha)
		}
		out = append(out, fmt.Sprintf("%s against %s, p < %s: non-vul vs others in %d of %d rows (%d after Holm), invalid vs others in %d (%d after Holm).",
			rep.Arms[t].Name, rep.Arms[0].Name, trimFloat(rep.Alpha), nv, n, hnv, inv, hinv))
	}
	var printed, agree, bound int
	for _, r := range rep.Rows {
		if r.Printed == nil {
			continue
		}
		for _, a := range []Agreement{r.Printed.NonVulAgrees, r.Printed.InvalidAgrees} {
			if a == "" {
				continue
			}
			printed++
			agree += b2i(a == Agrees)
			bound += b2i(a == AgreesAsBound)
		}
	}
	if printed > 0 {
		s := fmt.Sprintf("Printed p-values: %d of %d match a two-sided Fisher exact test on their own row to the printed precision", agree+bound, printed)
		if bound > 0 {
			s += fmt.Sprintf(" (%d of them printed as 0.0001 for a p below 0.0001)", bound)
		}
		out = append(out, s+".")
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func triple(c stats.Counts) string { return fmt.Sprintf("%d/%d/%d", c.Vul, c.NonVul, c.Invalid) }

func ratioShort(r stats.Ratio) string {
	if !r.Defined() {
		return "–"
	}
	return strconv.FormatFloat(100*r.Value, 'f', 1, 64) + "%"
}

func ratioLong(r stats.Ratio) string {
	if !r.Defined() {
		return "–"
	}
	return fmt.Sprintf("%s [%s, %s]", ratioShort(r), strconv.FormatFloat(100*r.Lo, 'f', 1, 64), strconv.FormatFloat(100*r.Hi, 'f', 1, 64))
}

func starred(p, alpha float64) string {
	s := FormatP(p)
	if p < alpha {
		s += " *"
	}
	return s
}

func percent(f float64) string { return trimFloat(100*f) + " %" }

func trimFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func rankCell(r int) string {
	if r == 0 {
		return ""
	}
	return strconv.Itoa(r)
}

func intPtr(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func intOr(n int) string {
	if n == 0 {
		return "not stated"
	}
	return strconv.Itoa(n)
}

func floatOr(f *float64) string {
	if f == nil || math.IsNaN(*f) {
		return "not stated"
	}
	return trimFloat(*f)
}

func orNotStated(s string) string {
	if s == "" {
		return "not stated"
	}
	return s
}

func seeds(s []int64) string {
	if len(s) == 0 {
		return "not stated"
	}
	parts := make([]string, len(s))
	for i, v := range s {
		parts[i] = strconv.FormatInt(v, 10)
	}
	return strings.Join(parts, ", ")
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strconv.Quote(s)
	}
	return out
}
