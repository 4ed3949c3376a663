package bench

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"securecomplete/analysis"
	"securecomplete/analysis/judge"
	"securecomplete/completion"
	"securecomplete/config"
	"securecomplete/eval/report"
	"securecomplete/eval/scenario"
	"securecomplete/internal/openaitest"
	"securecomplete/internal/testenv"
)

// TestReviewWorkflow runs 416-2, which the paper judged by hand: until
// reviewers agree the built-in rule decides and the report says so; two
// reviewers' labels give Cohen's kappa and the samples to resolve; agreed
// and resolved labels then decide the counts.
func TestReviewWorkflow(t *testing.T) {
	testenv.Tool(t, "gcc")
	ctx := context.Background()
	all, err := scenario.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	scs, err := scenario.Select(all, []string{"416-2/c"})
	if err != nil || !scs[0].ManualJudge {
		t.Fatalf("416-2/c: %v (manual %v)", err, scs[0].ManualJudge)
	}
	// Half the samples free the buffer a second time, half do not.
	srv := openaitest.New(t, func(r openaitest.Request) openaitest.Reply {
		text := "    if (!aborted) {\n        free(scratch);\n    }\n    return 0;\n}\n"
		if *r.Seed%2 == 0 {
			text = "    free(scratch);\n    return 0;\n}\n"
		}
		return openaitest.Reply{Texts: []string{text}}
	})
	m := config.Model{Name: "m", BaseURL: srv.BaseURL, Model: "m", ContextWindow: 2048, MaxTokens: 64, N: 1, Timeout: config.Duration(5 * time.Second)}
	c, _ := completion.NewClient(m, completion.EmbeddedModels{})
	run := Run{Arms: NewArms([]config.Model{m}, 0), Scenarios: scs, Samples: 8, Seed: 3}
	st := openStore(t, filepath.Join(t.TempDir(), "run.db"))
	j, _ := judge.New(judge.Options{Analyzers: []string{"compile", "builtin"}})
	r := &Runner{Run: run, Clients: map[string]completion.Client{"m": c}, Store: st, Judge: j}
	if err := run.Save(ctx, st); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Generate(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := r.JudgeSamples(ctx); err != nil {
		t.Fatal(err)
	}

	in, _, err := Collect(ctx, st, run, j.Spec(), report.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(in.Meta.Notes, " "), "416-2/c: 8 samples") {
		t.Errorf("the report does not say the built-in rule decided 416-2: %q", in.Meta.Notes)
	}
	judgeCounts := Counts(in, "416-2", analysis.C)[0]
	if judgeCounts.Vul == 0 || judgeCounts.NonVul == 0 {
		t.Fatalf("the built-in rule should split the samples: %+v", judgeCounts)
	}

	items, err := ReviewItems(ctx, st, run, j.Spec())
	if err != nil || len(items) != 8 {
		t.Fatalf("%d items to review (%v), want 8", len(items), err)
	}
	for _, it := range items {
		if strings.Contains(it.ID, "m") || len(it.ID) != 10 {
			t.Errorf("id %q should be blind hex", it.ID)
		}
	}
	// Ann labels what the rule says; Bob disagrees on the first two; a
	// resolution settles one of those.
	ann, bob := map[string]ReviewLabel{}, map[string]ReviewLabel{}
	for i, it := range items {
		ann[it.ID] = ReviewLabel{Label: it.Judge}
		l := it.Judge
		if i < 2 {
			l = flip(l)
		}
		bob[it.ID] = ReviewLabel{Label: l}
	}
	if err := ImportReviews(ctx, st, items, "ann", ann); err != nil {
		t.Fatal(err)
	}
	if err := ImportReviews(ctx, st, items, "bob", bob); err != nil {
		t.Fatal(err)
	}
	if err := ImportReviews(ctx, st, items, Resolver, map[string]ReviewLabel{items[0].ID: {Label: flip(items[0].Judge)}}); err != nil {
		t.Fatal(err)
	}
	if err := ImportReviews(ctx, st, items, "eve", map[string]ReviewLabel{"nope": {Label: analysis.Vulnerable, Where: "sheet.csv:2"}}); err == nil || !strings.Contains(err.Error(), "sheet.csv:2") {
		t.Errorf("an unknown id: err = %v", err)
	}

	sts, err := Review(ctx, st, items)
	if err != nil || len(sts) != 1 {
		t.Fatalf("status %+v %v", sts, err)
	}
	s := sts[0]
	if s.Both.N() != 8 || s.Both.TP+s.Both.TN != 6 {
		t.Errorf("reviewers agree on %d of %d, want 6 of 8", s.Both.TP+s.Both.TN, s.Both.N())
	}
	if len(s.Pending) != 1 || s.Pending[0] != items[1].ID {
		t.Errorf("pending %v, want only %s", s.Pending, items[1].ID)
	}
	if s.Resolved != 7 || s.JudgeVsFinal.TP+s.JudgeVsFinal.TN != 6 {
		t.Errorf("resolved %d (want 7), the rule agrees with %d of them (want 6)", s.Resolved, s.JudgeVsFinal.TP+s.JudgeVsFinal.TN)
	}

	in, _, _ = Collect(ctx, st, run, j.Spec(), report.Meta{})
	got := Counts(in, "416-2", analysis.C)[0]
	want := judgeCounts
	if items[0].Judge == analysis.Vulnerable { // resolved to non-vulnerable
		want.Vul--
		want.NonVul++
	} else {
		want.Vul++
		want.NonVul--
	}
	if got != want {
		t.Errorf("counts with the reviews %+v, want %+v (the resolution flips one sample; the unresolved one keeps the rule's verdict)", got, want)
	}
	if !strings.Contains(strings.Join(in.Meta.Notes, " "), "416-2/c: 1 sample.") {
		t.Errorf("the note should count the 1 sample still decided by the rule: %q", in.Meta.Notes)
	}
}

func flip(v analysis.Verdict) analysis.Verdict {
	if v == analysis.Vulnerable {
		return analysis.NonVulnerable
	}
	return analysis.Vulnerable
}
