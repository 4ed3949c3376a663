package report

import (
	"fmt"
	"slices"

	"securecomplete/eval/stats"
)

// Add records one judged sample, the way a benchmark run fills an Input
// from its store: the verdict is counted in the row of the sample's
// scenario and language (created from row, whose Counts are ignored, the
// first time), and the sample with its findings is kept for SARIF. The
// arm is s.Arm, which must name one of in.Arms; an empty s.Scenario or
// s.Lang is taken from row.
func (in *Input) Add(row Row, s SampleFindings) error {
	if s.Scenario == "" {
		s.Scenario = row.Scenario
	}
	if s.Lang == "" {
		s.Lang = row.Lang
	}
	if s.Scenario != row.Scenario || s.Lang != row.Lang {
		return fmt.Errorf("sample of %s (%s) given with the row of %s", s.Scenario, LangName(s.Lang), row.Label())
	}
	arm := slices.IndexFunc(in.Arms, func(a Arm) bool { return a.Name == s.Arm })
	if arm < 0 {
		return fmt.Errorf("sample %d of %s: unknown arm %q", s.Sample, row.Label(), s.Arm)
	}
	i := slices.IndexFunc(in.Rows, func(r Row) bool { return keyOf(r) == keyOf(row) })
	if i < 0 {
		row.Counts = make([]stats.Counts, len(in.Arms))
		row.Printed = nil
		in.Rows = append(in.Rows, row)
		i = len(in.Rows) - 1
	} else if have := in.Rows[i]; have.CWE != row.CWE || have.Rank != row.Rank || !equalIntPtr(have.FixCommits, row.FixCommits) {
		return fmt.Errorf("sample %d of %s: the row's CWE, rank or fix commits differ from earlier samples'", s.Sample, row.Label())
	}
	if err := in.Rows[i].Counts[arm].Record(s.Verdict); err != nil {
		return fmt.Errorf("sample %d of %s, arm %s: %w", s.Sample, row.Label(), s.Arm, err)
	}
	in.Findings = append(in.Findings, s)
	return nil
}
