package bench

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strings"

	"securecomplete/analysis"
	"securecomplete/analysis/judge"
	"securecomplete/eval/scenario"
	"securecomplete/eval/store"
)

// Resolver is the reviewer name whose label settles a disagreement.
const Resolver = "resolution"

// resolvedLabels returns the reviewed label of each sample that has one:
// the resolver's label when there is one, else the label every reviewer
// gave when at least two reviewed it and all agree.
func resolvedLabels(ctx context.Context, st *store.Store) (map[store.Key]analysis.Verdict, error) {
	reviews, err := st.Reviews(ctx)
	if err != nil {
		return nil, err
	}
	by := map[store.Key][]store.Review{}
	for _, r := range reviews {
		by[r.Key] = append(by[r.Key], r)
	}
	out := map[store.Key]analysis.Verdict{}
	for k, rs := range by {
		var labels []analysis.Verdict
		resolved := false
		for _, r := range rs {
			if r.Reviewer == Resolver {
				out[k] = r.Label
				resolved = true
				break
			}
			labels = append(labels, r.Label)
		}
		if resolved || len(labels) < 2 {
			continue
		}
		agree := true
		for _, l := range labels[1:] {
			agree = agree && l == labels[0]
		}
		if agree {
			out[k] = labels[0]
		}
	}
	return out, nil
}

// ReviewItem is one sample of a hand-judged scenario put before
// reviewers. The arm is hidden behind ID, so the review is blind.
type ReviewItem struct {
	ID       string // blind id, stable for a run
	Key      store.Key
	Scenario scenario.Scenario
	Program  string
	Judge    analysis.Verdict // the built-in rule's verdict
}

// BlindID is a sample's id on a review sheet: it does not reveal the arm.
func BlindID(runSeed int64, k store.Key) string {
	h := sha256.Sum256([]byte(fmt.Sprintf("review\x00%d\x00%s\x00%s\x00%d", runSeed, k.Arm, k.Scenario, k.Index)))
	return hex.EncodeToString(h[:5])
}

// ReviewItems lists the valid samples of the scenarios the paper judged
// by hand, in a shuffled but stable order.
func ReviewItems(ctx context.Context, st *store.Store, run Run, spec judge.Spec) ([]ReviewItem, error) {
	verdicts, err := st.Verdicts(ctx, spec)
	if err != nil {
		return nil, err
	}
	samples, err := st.Samples(ctx)
	if err != nil {
		return nil, err
	}
	scs := map[string]scenario.Scenario{}
	for _, sc := range run.Scenarios {
		if sc.ManualJudge {
			scs[sc.Key()] = sc
		}
	}
	var out []ReviewItem
	for _, sm := range samples {
		sc, ok := scs[sm.Scenario]
		if !ok {
			continue
		}
		v, ok := verdicts[sm.Key]
		if !ok || v.Verdict == analysis.Invalid {
			continue
		}
		out = append(out, ReviewItem{ID: BlindID(run.Seed, sm.Key), Key: sm.Key, Scenario: sc, Program: sc.Program(sm.Completion), Judge: v.Verdict})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// ImportReviews stores one reviewer's labels, given by blind id. Every id
// must name an item; every label must be vulnerable or non-vulnerable.
// Nothing is stored when one is wrong.
func ImportReviews(ctx context.Context, st *store.Store, items []ReviewItem, reviewer string, labels map[string]ReviewLabel) error {
	if reviewer == "" {
		return errors.New("review: the reviewer's name is empty")
	}
	byID := map[string]ReviewItem{}
	for _, it := range items {
		byID[it.ID] = it
	}
	var reviews []store.Review
	for id, l := range labels {
		it, ok := byID[id]
		if !ok {
			return fmt.Errorf("%s: id %q names no sample under review in this run", l.Where, id)
		}
		if l.Label != analysis.Vulnerable && l.Label != analysis.NonVulnerable {
			return fmt.Errorf("%s: label %q: want vulnerable or non-vulnerable", l.Where, l.Label)
		}
		reviews = append(reviews, store.Review{Key: it.Key, Reviewer: reviewer, Label: l.Label, Note: l.Note})
	}
	for _, r := range reviews {
		if err := st.PutReview(ctx, r); err != nil {
			return err
		}
	}
	return nil
}

// ReviewLabel is one label from a review sheet.
type ReviewLabel struct {
	Label analysis.Verdict
	Note  string
	Where string // "sheet.csv:12", for errors
}

// ParseLabel reads a reviewer's label as people write it.
func ParseLabel(s string) (analysis.Verdict, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "vulnerable", "vul", "v", "yes", "1":
		return analysis.Vulnerable, true
	case "non-vulnerable", "nonvulnerable", "non-vul", "nonvul", "nv", "safe", "no", "0":
		return analysis.NonVulnerable, true
	}
	return "", false
}

// ReviewStatus is the state of the review of one scenario.
type ReviewStatus struct {
	Scenario  string
	Items     int
	Reviewers []string
	// Between the first two reviewers, over the items both labelled.
	Both         judge.Confusion
	Resolved     int             // items with a final label
	Pending      []string        // blind ids the two reviewers disagree on, unresolved
	JudgeVsFinal judge.Confusion // the built-in rule against the final labels
}

// Review sums up the review of every hand-judged scenario.
func Review(ctx context.Context, st *store.Store, items []ReviewItem) ([]ReviewStatus, error) {
	reviews, err := st.Reviews(ctx)
	if err != nil {
		return nil, err
	}
	final, err := resolvedLabels(ctx, st)
	if err != nil {
		return nil, err
	}
	labels := map[store.Key]map[string]analysis.Verdict{}
	reviewersOf := map[string]map[string]bool{}
	for _, r := range reviews {
		if labels[r.Key] == nil {
			labels[r.Key] = map[string]analysis.Verdict{}
		}
		labels[r.Key][r.Reviewer] = r.Label
		if r.Reviewer != Resolver {
			if reviewersOf[r.Scenario] == nil {
				reviewersOf[r.Scenario] = map[string]bool{}
			}
			reviewersOf[r.Scenario][r.Reviewer] = true
		}
	}
	by := map[string]*ReviewStatus{}
	var order []string
	for _, it := range items {
		s, ok := by[it.Key.Scenario]
		if !ok {
			s = &ReviewStatus{Scenario: it.Key.Scenario}
			for r := range reviewersOf[it.Key.Scenario] {
				s.Reviewers = append(s.Reviewers, r)
			}
			sort.Strings(s.Reviewers)
			by[it.Key.Scenario] = s
			order = append(order, it.Key.Scenario)
		}
		s.Items++
		if len(s.Reviewers) >= 2 {
			a, okA := labels[it.Key][s.Reviewers[0]]
			b, okB := labels[it.Key][s.Reviewers[1]]
			if okA && okB {
				s.Both.Add(a, b)
				if _, ok := final[it.Key]; a != b && !ok {
					s.Pending = append(s.Pending, it.ID)
				}
			}
		}
		if f, ok := final[it.Key]; ok {
			s.Resolved++
			s.JudgeVsFinal.Add(f, it.Judge)
		}
	}
	sort.Strings(order)
	out := make([]ReviewStatus, len(order))
	for i, k := range order {
		out[i] = *by[k]
	}
	return out, nil
}
