package report

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
)

// Merge combines the inputs of shards of one run (split by scenario, by
// sample, or both) into the input of the whole run: counts of the same
// scenario and language add up, findings are pooled, seeds are united.
// The shards must describe the same run: same arms, title, source,
// scenario set, judge and compiler; the same row must carry the same CWE,
// rank and fix commits in every shard. Build sorts rows, so the order of
// the shards does not matter.
func Merge(inputs ...Input) (Input, error) {
	if len(inputs) == 0 {
		return Input{}, fmt.Errorf("merge: no inputs")
	}
	first := inputs[0]
	out := Input{
		Meta:      first.Meta,
		Arms:      slices.Clone(first.Arms),
		Totals:    first.Totals,
		Reference: first.Reference,
	}
	out.Meta.Seeds, out.Meta.Notes = nil, nil
	seeds := map[int64]bool{}
	notes := map[string]bool{}
	index := map[rowKey]int{}
	for n, in := range inputs {
		shard := n + 1
		if err := in.Validate(); err != nil {
			return Input{}, fmt.Errorf("merge: shard %d: %w", shard, err)
		}
		if err := sameRun(first, in); err != nil {
			return Input{}, fmt.Errorf("merge: shard %d is not from the same run as shard 1: %w", shard, err)
		}
		for _, s := range in.Meta.Seeds {
			if !seeds[s] {
				seeds[s] = true
				out.Meta.Seeds = append(out.Meta.Seeds, s)
			}
		}
		for _, s := range in.Meta.Notes {
			if !notes[s] {
				notes[s] = true
				out.Meta.Notes = append(out.Meta.Notes, s)
			}
		}
		for _, r := range in.Rows {
			i, ok := index[keyOf(r)]
			if !ok {
				r.Counts = slices.Clone(r.Counts)
				index[keyOf(r)] = len(out.Rows)
				out.Rows = append(out.Rows, r)
				continue
			}
			have := &out.Rows[i]
			if have.CWE != r.CWE || have.Rank != r.Rank || !equalIntPtr(have.FixCommits, r.FixCommits) || !reflect.DeepEqual(have.Printed, r.Printed) {
				return Input{}, fmt.Errorf("merge: shard %d describes %s differently (CWE, rank, fix commits or printed p-values) from an earlier shard", shard, r.Label())
			}
			for a := range have.Counts {
				have.Counts[a] = have.Counts[a].Add(r.Counts[a])
			}
		}
		out.Findings = append(out.Findings, in.Findings...)
	}
	slices.Sort(out.Meta.Seeds)
	slices.SortStableFunc(out.Findings, func(a, b SampleFindings) int {
		return cmp.Or(
			cmp.Compare(a.Arm, b.Arm),
			cmpNatural(a.Scenario, b.Scenario),
			cmp.Compare(a.Lang, b.Lang),
			cmp.Compare(a.Sample, b.Sample),
		)
	})
	return out, nil
}

// sameRun reports the first way in which b's setup differs from a's.
func sameRun(a, b Input) error {
	switch {
	case a.Meta.Title != b.Meta.Title:
		return fmt.Errorf("title %q, not %q", b.Meta.Title, a.Meta.Title)
	case a.Meta.Source != b.Meta.Source:
		return fmt.Errorf("source %q, not %q", b.Meta.Source, a.Meta.Source)
	case a.Meta.Scenarios != b.Meta.Scenarios:
		return fmt.Errorf("scenario set %q, not %q", b.Meta.Scenarios, a.Meta.Scenarios)
	case a.Meta.Judge != b.Meta.Judge:
		return fmt.Errorf("judge %q, not %q", b.Meta.Judge, a.Meta.Judge)
	case a.Meta.Compiler != b.Meta.Compiler:
		return fmt.Errorf("compiler %q, not %q", b.Meta.Compiler, a.Meta.Compiler)
	case !reflect.DeepEqual(a.Arms, b.Arms):
		return fmt.Errorf("arms differ (models or sampling)")
	case !reflect.DeepEqual(a.Totals, b.Totals):
		return fmt.Errorf("printed totals differ")
	case !reflect.DeepEqual(a.Reference, b.Reference):
		return fmt.Errorf("reference tables differ")
	}
	return nil
}

func equalIntPtr(a, b *int) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}
