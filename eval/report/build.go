package report

import (
	"fmt"
	"slices"
	"strings"

	"securecomplete/analysis"
	"securecomplete/eval/stats"
	istats "securecomplete/internal/stats"
)

// Options tune the statistics of a report.
type Options struct {
	// Level is the confidence level of the Wilson intervals (default 0.95).
	Level float64
	// Alpha is the significance level the report marks p-values at
	// (default 0.05).
	Alpha float64
}

func (o Options) withDefaults() Options {
	if o.Level == 0 {
		o.Level = stats.DefaultLevel
	}
	if o.Alpha == 0 {
		o.Alpha = 0.05
	}
	return o
}

// Report is the computed table: every ratio, interval and test, the pooled
// groups, and the places where the source disagrees with itself.
type Report struct {
	Meta  Meta        `json:"meta"`
	Arms  []Arm       `json:"arms"`
	Level float64     `json:"confidence_level"`
	Alpha float64     `json:"alpha"`
	Rows  []RowResult `json:"rows"`
	// Totals pool the rows of each language, then of all languages.
	Totals []GroupResult `json:"totals"`
	// CWEs pool the rows of each CWE, per language.
	CWEs          []GroupResult  `json:"cwes"`
	Disagreements []Disagreement `json:"disagreements"`
	// Reference names the published table whose counts appear in the
	// Paper fields.
	Reference *ReferenceInfo   `json:"reference,omitempty"`
	Findings  []SampleFindings `json:"-"`
}

// ReferenceInfo names a published table shown beside the counts.
type ReferenceInfo struct {
	Source  string `json:"source"`
	Arms    []Arm  `json:"arms"`
	Matched int    `json:"matched_rows"` // rows found in the reference
}

// ArmResult is one arm's counts and ratios.
type ArmResult struct {
	Arm     string       `json:"arm"`
	Counts  stats.Counts `json:"counts"`
	NonVul  stats.Ratio  `json:"nonvul_ratio"`
	Invalid stats.Ratio  `json:"invalid_ratio"`
}

// Test is the two Fisher tests of one arm against the baseline (the first
// arm).
type Test struct {
	Arm      string  `json:"arm"`
	Baseline string  `json:"baseline"`
	PNonVul  float64 `json:"p_nonvul_vs_others"`
	PInvalid float64 `json:"p_invalid_vs_others"`
}

// RowTest adds Holm's adjustment across all scenario rows (one family per
// test and arm) to a row's tests.
type RowTest struct {
	Test
	HolmNonVul  float64 `json:"p_nonvul_holm"`
	HolmInvalid float64 `json:"p_invalid_holm"`
}

// Agreement tells whether a printed p-value matches the recomputed one.
type Agreement string

const (
	// Agrees: the printed value is the recomputed one rounded to its
	// printed precision (at least 4 decimals, the paper's).
	Agrees Agreement = "agrees"
	// AgreesAsBound: the printed value is the smallest printable one
	// (0.0001) and the recomputed p is smaller; the paper prints
	// p < 0.0001 this way.
	AgreesAsBound Agreement = "agrees-as-bound"
	// Disagrees: the printed value is not Fisher's test on its own row.
	Disagrees Agreement = "disagrees"
)

// PrintedCheck is a row's printed p-values and how they compare.
type PrintedCheck struct {
	PNonVul       string    `json:"p_nonvul_vs_others,omitempty"`
	PInvalid      string    `json:"p_invalid_vs_others,omitempty"`
	NonVulAgrees  Agreement `json:"nonvul,omitempty"`
	InvalidAgrees Agreement `json:"invalid,omitempty"`
}

// RowResult is one scenario in one language.
type RowResult struct {
	Scenario   string        `json:"scenario"`
	Lang       analysis.Lang `json:"lang"`
	CWE        string        `json:"cwe"`
	Rank       int           `json:"cwe_rank,omitempty"`
	FixCommits *int          `json:"fix_commits,omitempty"`
	Arms       []ArmResult   `json:"arms"`
	Tests      []RowTest     `json:"tests"`
	Printed    *PrintedCheck `json:"printed,omitempty"`
	// Paper holds the reference's counts for this scenario and language.
	Paper []ArmResult `json:"paper,omitempty"`
}

// Label names the row as the paper does: "787-0 (C)".
func (r RowResult) Label() string { return fmt.Sprintf("%s (%s)", r.Scenario, LangName(r.Lang)) }

// GroupResult pools rows: a language's total, or a CWE in a language.
// Tests on pooled counts treat the pooled samples as one sample (they do
// not stratify by scenario).
type GroupResult struct {
	Label     string        `json:"label"` // "Total (C)", "CWE-787 (C)"
	Lang      analysis.Lang `json:"lang,omitempty"`
	CWE       string        `json:"cwe,omitempty"`
	Rank      int           `json:"cwe_rank,omitempty"`
	Rows      int           `json:"rows"` // rows pooled
	Arms      []ArmResult   `json:"arms"`
	Tests     []Test        `json:"tests"`
	Paper     []ArmResult   `json:"paper,omitempty"` // the reference's counts over the same rows
	PaperRows int           `json:"paper_rows,omitempty"`
}

// Disagreement is a place where a source's printed figures do not follow
// from its own rows.
type Disagreement struct {
	Source     string `json:"source"`
	Where      string `json:"where"`      // "79-0 (C++)", "Total (C)"
	What       string `json:"what"`       // "p (invalid vs others)", "fine-tuned invalid"
	Printed    string `json:"printed"`    // as printed
	Recomputed string `json:"recomputed"` // from the rows
	Note       string `json:"note,omitempty"`
}

// Build computes the report of an input.
func Build(in Input, opt Options) (*Report, error) {
	opt = opt.withDefaults()
	if !(opt.Level > 0 && opt.Level < 1) {
		return nil, fmt.Errorf("confidence level %v: want a number between 0 and 1", opt.Level)
	}
	if !(opt.Alpha > 0 && opt.Alpha < 1) {
		return nil, fmt.Errorf("alpha %v: want a number between 0 and 1", opt.Alpha)
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	rows := slices.Clone(in.Rows)
	sortRows(rows)
	rep := &Report{
		Meta:     in.Meta,
		Arms:     in.Arms,
		Level:    opt.Level,
		Alpha:    opt.Alpha,
		Findings: in.Findings,
	}
	for i := range rep.Arms {
		if rep.Arms[i].Key == "" {
			rep.Arms[i].Key = armKey(rep.Arms[i])
		}
	}
	var ref map[rowKey]Row
	if in.Reference != nil {
		ref = map[rowKey]Row{}
		for _, r := range in.Reference.Rows {
			ref[keyOf(r)] = r
		}
		rep.Reference = &ReferenceInfo{Source: in.Reference.Source, Arms: in.Reference.Arms}
	}
	for _, r := range rows {
		rr := RowResult{Scenario: r.Scenario, Lang: r.Lang, CWE: r.CWE, Rank: r.Rank, FixCommits: r.FixCommits, Tests: []RowTest{}}
		var err error
		if rr.Arms, err = armResults(in.Arms, r.Counts, opt.Level); err != nil {
			return nil, fmt.Errorf("row %s: %w", r.Label(), err)
		}
		tests, err := tests(in.Arms, r.Counts)
		if err != nil {
			return nil, fmt.Errorf("row %s: %w", r.Label(), err)
		}
		for _, t := range tests {
			rr.Tests = append(rr.Tests, RowTest{Test: t})
		}
		if r.Printed != nil && len(rr.Tests) > 0 {
			pc, err := checkPrintedRow(*r.Printed, rr.Tests[0].Test)
			if err != nil {
				return nil, fmt.Errorf("row %s: %w", r.Label(), err)
			}
			rr.Printed = pc
		}
		if p, ok := ref[keyOf(r)]; ok {
			if rr.Paper, err = armResults(in.Reference.Arms, p.Counts, opt.Level); err != nil {
				return nil, fmt.Errorf("reference row %s: %w", r.Label(), err)
			}
			rep.Reference.Matched++
		}
		rep.Rows = append(rep.Rows, rr)
	}
	holm(rep.Rows)

	var err error
	if rep.Totals, err = pool(in, rows, ref, opt.Level, func(r Row) (string, GroupResult) {
		return string(r.Lang), GroupResult{Label: "Total (" + LangName(r.Lang) + ")", Lang: r.Lang}
	}); err != nil {
		return nil, err
	}
	slices.SortStableFunc(rep.Totals, func(a, b GroupResult) int { return strings.Compare(string(a.Lang), string(b.Lang)) }) // C, then C++
	if len(rep.Totals) > 1 {
		all, err := pool(in, rows, ref, opt.Level, func(Row) (string, GroupResult) {
			return "", GroupResult{Label: "Total (all)"}
		})
		if err != nil {
			return nil, err
		}
		rep.Totals = append(rep.Totals, all...)
	}
	if rep.CWEs, err = pool(in, rows, ref, opt.Level, func(r Row) (string, GroupResult) {
		cwe := r.CWE
		if cwe == "" {
			cwe = "unknown CWE"
		}
		return cwe + "\x00" + string(r.Lang), GroupResult{Label: cwe + " (" + LangName(r.Lang) + ")", Lang: r.Lang, CWE: r.CWE, Rank: r.Rank}
	}); err != nil {
		return nil, err
	}

	if rep.Disagreements, err = disagreements(in.Meta.Source, in.Arms, rows, in.Totals, opt.Level); err != nil {
		return nil, err
	}
	if in.Reference != nil && in.Reference.Source != in.Meta.Source {
		refRows := slices.Clone(in.Reference.Rows)
		sortRows(refRows)
		d, err := disagreements(in.Reference.Source, in.Reference.Arms, refRows, in.Reference.Totals, opt.Level)
		if err != nil {
			return nil, err
		}
		rep.Disagreements = append(rep.Disagreements, d...)
	}
	if rep.Disagreements == nil {
		rep.Disagreements = []Disagreement{}
	}
	return rep, nil
}

func armResults(arms []Arm, counts []stats.Counts, level float64) ([]ArmResult, error) {
	out := make([]ArmResult, len(arms))
	for i, a := range arms {
		nv, err := stats.NonVulRatio(counts[i], level)
		if err != nil {
			return nil, err
		}
		inv, err := stats.InvalidRatio(counts[i], level)
		if err != nil {
			return nil, err
		}
		out[i] = ArmResult{Arm: a.Name, Counts: counts[i], NonVul: nv, Invalid: inv}
	}
	return out, nil
}

// tests compares every arm after the first with the first.
func tests(arms []Arm, counts []stats.Counts) ([]Test, error) {
	var out []Test
	for i := 1; i < len(arms); i++ {
		cmp, err := stats.Compare(counts[0], counts[i])
		if err != nil {
			return nil, err
		}
		out = append(out, Test{Arm: arms[i].Name, Baseline: arms[0].Name, PNonVul: cmp.PNonVul, PInvalid: cmp.PInvalid})
	}
	return out, nil
}

// holm adjusts each test across the scenario rows: one family per arm and
// kind of test.
func holm(rows []RowResult) {
	if len(rows) == 0 {
		return
	}
	for t := range rows[0].Tests {
		nv := make([]float64, len(rows))
		inv := make([]float64, len(rows))
		for i, r := range rows {
			nv[i], inv[i] = r.Tests[t].PNonVul, r.Tests[t].PInvalid
		}
		nv, inv = istats.Holm(nv), istats.Holm(inv)
		for i := range rows {
			rows[i].Tests[t].HolmNonVul, rows[i].Tests[t].HolmInvalid = nv[i], inv[i]
		}
	}
}

// pool sums rows into groups, in the order groups first appear, and tests
// the sums. group returns a row's group key and the group's description.
func pool(in Input, rows []Row, ref map[rowKey]Row, level float64, group func(Row) (string, GroupResult)) ([]GroupResult, error) {
	type acc struct {
		g      GroupResult
		counts []stats.Counts
		refSum []stats.Counts
	}
	var order []string
	groups := map[string]*acc{}
	for _, r := range rows {
		key, proto := group(r)
		a, ok := groups[key]
		if !ok {
			a = &acc{g: proto, counts: make([]stats.Counts, len(in.Arms))}
			if in.Reference != nil {
				a.refSum = make([]stats.Counts, len(in.Reference.Arms))
			}
			groups[key] = a
			order = append(order, key)
		}
		a.g.Rows++
		for i, c := range r.Counts {
			a.counts[i] = a.counts[i].Add(c)
		}
		if p, ok := ref[keyOf(r)]; ok {
			a.g.PaperRows++
			for i, c := range p.Counts {
				a.refSum[i] = a.refSum[i].Add(c)
			}
		}
	}
	out := make([]GroupResult, 0, len(order))
	for _, k := range order {
		a := groups[k]
		var err error
		if a.g.Arms, err = armResults(in.Arms, a.counts, level); err != nil {
			return nil, fmt.Errorf("%s: %w", a.g.Label, err)
		}
		if a.g.Tests, err = tests(in.Arms, a.counts); err != nil {
			return nil, fmt.Errorf("%s: %w", a.g.Label, err)
		}
		if a.g.Tests == nil {
			a.g.Tests = []Test{}
		}
		if a.g.PaperRows > 0 {
			if a.g.Paper, err = armResults(in.Reference.Arms, a.refSum, level); err != nil {
				return nil, fmt.Errorf("%s (reference): %w", a.g.Label, err)
			}
		}
		out = append(out, a.g)
	}
	return out, nil
}
