package bench

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"securecomplete/analysis"
	"securecomplete/analysis/judge"
	"securecomplete/completion"
	"securecomplete/config"
	"securecomplete/eval/report"
	"securecomplete/eval/scenario"
	"securecomplete/eval/store"
	"securecomplete/internal/openaitest"
	"securecomplete/internal/testenv"
)

// Completions the scripted models answer with, for 190-1 and 476-0 (C).
var (
	compiles = map[string]string{
		"190-1": "    printf(\"%d\\n\", value + OFFSET);\n    return 0;\n}\n\nint unrelated(void) {\n",
		"476-0": "    struct person *p = malloc(sizeof *p);\n    if (p == NULL) {\n        return 1;\n    }\n    p->status = 0;\n    free(p);\n    return 0;\n}\n",
	}
	broken = "    value = ;\n    return 0;\n}\n"
)

func testScenarios(t *testing.T) []scenario.Scenario {
	t.Helper()
	all, err := scenario.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	scs, err := scenario.Select(all, []string{"190-1/c", "476-0/c"})
	if err != nil {
		t.Fatal(err)
	}
	return scs
}

// scenarioOf tells which scenario a prompt is from.
func scenarioOf(prompt string) string {
	if strings.Contains(prompt, "OFFSET") {
		return "190-1"
	}
	return "476-0"
}

type fixture struct {
	t *testing.T
	// goodFailsAfter, when above 0, makes the good model answer 503 once
	// it has answered that many requests.
	goodFailsAfter, goodAnswered atomic.Int32
	run                          Run
	clients                      map[string]completion.Client
	servers                      map[string]*openaitest.Server
	judge                        *judge.Judge
}

// newFixture serves two models on loopback: "good" answers code that
// compiles, "bad" code that does not.
func newFixture(t *testing.T, samples int) *fixture {
	testenv.Tool(t, "gcc")
	f := &fixture{t: t, clients: map[string]completion.Client{}, servers: map[string]*openaitest.Server{}}
	var models []config.Model
	for _, name := range []string{"bad", "good"} {
		name := name
		srv := openaitest.New(t, func(r openaitest.Request) openaitest.Reply {
			if name == "good" {
				if n := f.goodAnswered.Add(1); f.goodFailsAfter.Load() > 0 && n > f.goodFailsAfter.Load() {
					return openaitest.Reply{Status: 503}
				}
			}
			text := broken
			if name == "good" {
				text = compiles[scenarioOf(r.Prompt)]
			}
			texts := make([]string, max(1, r.N))
			for i := range texts {
				texts[i] = text
			}
			return openaitest.Reply{Texts: texts}
		})
		m := config.Model{Name: name, BaseURL: srv.BaseURL, Model: name, ContextWindow: 2048, MaxTokens: 64, Temperature: 0.4, TopP: 0.95, N: 1, Timeout: config.Duration(5 * time.Second)}
		c, err := completion.NewClient(m, completion.EmbeddedModels{})
		if err != nil {
			t.Fatal(err)
		}
		f.clients[name], f.servers[name] = c, srv
		models = append(models, m)
	}
	f.run = Run{Arms: NewArms(models, 0), Scenarios: testScenarios(t), Samples: samples, Seed: 7, ScenarioSet: "test"}
	var err error
	if f.judge, err = judge.New(judge.Options{Analyzers: []string{"compile", "builtin"}}); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) runner(st *store.Store, shard Shard) *Runner {
	return &Runner{Run: f.run, Clients: f.clients, Store: st, Shard: shard, Judge: f.judge, Backoff: time.Millisecond}
}

func openStore(t *testing.T, path string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func (f *fixture) runAll(st *store.Store, shard Shard) {
	f.t.Helper()
	ctx := context.Background()
	if err := f.run.Save(ctx, st); err != nil {
		f.t.Fatal(err)
	}
	r := f.runner(st, shard)
	if _, err := r.Generate(ctx); err != nil {
		f.t.Fatal(err)
	}
	if _, err := r.JudgeSamples(ctx); err != nil {
		f.t.Fatal(err)
	}
}

func TestRunCountsVerdicts(t *testing.T) {
	f := newFixture(t, 3)
	st := openStore(t, filepath.Join(t.TempDir(), "run.db"))
	f.runAll(st, Shard{})
	in, cov, err := Collect(context.Background(), st, f.run, f.judge.Spec(), report.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	if cov.Wanted != 12 || cov.Judged != 12 || len(cov.Missing) != 0 {
		t.Fatalf("coverage %+v, want 12 of 12", cov)
	}
	for _, id := range []string{"190-1", "476-0"} {
		c := Counts(in, id, analysis.C)
		if c[0].Invalid != 3 || c[0].Vul+c[0].NonVul != 0 {
			t.Errorf("%s bad arm = %+v, want 3 invalid", id, c[0])
		}
		if c[1].Invalid != 0 || c[1].Vul+c[1].NonVul != 3 {
			t.Errorf("%s good arm = %+v, want 3 valid", id, c[1])
		}
	}
	// Every request carried the sample's own seed, n = 1, and the prompt
	// ended where the scenario's prompt ends.
	for name, srv := range f.servers {
		reqs := srv.Requests()
		if len(reqs) != 6 {
			t.Errorf("%s got %d requests, want 6", name, len(reqs))
		}
		seeds := map[int]bool{}
		for _, r := range reqs {
			if r.Seed == nil || r.N != 1 || r.MaxTokens != 64 {
				t.Errorf("%s: request seed %v n %d max_tokens %d", name, r.Seed, r.N, r.MaxTokens)
				continue
			}
			seeds[*r.Seed] = true
		}
		for _, sc := range f.run.Scenarios {
			for i := 0; i < 3; i++ {
				if s := SampleSeed(7, name, sc.Key(), i); !seeds[int(s)] {
					t.Errorf("%s: no request with the seed of %s#%d", name, sc.Key(), i)
				}
			}
		}
	}
}

func TestRunResumesAndRescores(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, 3)
	st := openStore(t, filepath.Join(t.TempDir(), "run.db"))
	if err := f.run.Save(ctx, st); err != nil {
		t.Fatal(err)
	}
	// The good model dies after 2 answers: the run stops with an error
	// naming it, after retries; what was stored stays.
	f.goodFailsAfter.Store(2)
	r := f.runner(st, Shard{})
	r.Concurrency = 1
	gen, err := r.Generate(ctx)
	if err == nil || !strings.Contains(err.Error(), "model good") || !strings.Contains(err.Error(), "giving up after 4 attempts") {
		t.Fatalf("err = %v, want the good model named after 4 attempts", err)
	}
	if gen.Retried != 3 {
		t.Errorf("retried %d times, want 3", gen.Retried)
	}
	samples, _ := st.Samples(ctx)
	stored := len(samples)
	if stored < 2 || stored >= 12 {
		t.Fatalf("%d samples stored after the failure", stored)
	}

	// Healthy again: only the missing samples are drawn.
	f.goodFailsAfter.Store(0)
	before := len(f.servers["good"].Requests()) + len(f.servers["bad"].Requests())
	r = f.runner(st, Shard{})
	gen, err = r.Generate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	after := len(f.servers["good"].Requests()) + len(f.servers["bad"].Requests())
	if gen.Stored != stored || gen.Generated != 12-stored || after-before != 12-stored {
		t.Errorf("resume: stored %d generated %d requests %d; want %d, %d, %d", gen.Stored, gen.Generated, after-before, stored, 12-stored, 12-stored)
	}
	if _, err := r.JudgeSamples(ctx); err != nil {
		t.Fatal(err)
	}

	// A rescore under another judge draws nothing.
	gccOnly, err := judge.New(judge.Options{Analyzers: []string{"compile"}})
	if err != nil {
		t.Fatal(err)
	}
	r = f.runner(st, Shard{})
	r.Judge = gccOnly
	if gen, err := r.Generate(ctx); err != nil || gen.Generated != 0 {
		t.Fatalf("rescore regenerated %d samples (%v)", gen.Generated, err)
	}
	jst, err := r.JudgeSamples(ctx)
	if err != nil || jst.Samples != 12 {
		t.Fatalf("rescore judged %d (%v), want 12", jst.Samples, err)
	}
	for _, name := range []judge.Spec{f.judge.Spec(), gccOnly.Spec()} {
		if vs, _ := st.Verdicts(ctx, name); len(vs) != 12 {
			t.Errorf("judge %s has %d verdicts, want 12", name, len(vs))
		}
	}
}

func TestShardsMergeToTheSameResult(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, 4)
	dir := t.TempDir()
	whole := openStore(t, filepath.Join(dir, "whole.db"))
	f.runAll(whole, Shard{})
	merged := openStore(t, filepath.Join(dir, "merged.db"))
	var parts []int
	for k := 1; k <= 3; k++ {
		st := openStore(t, filepath.Join(dir, fmt.Sprintf("shard%d.db", k)))
		f.runAll(st, Shard{K: k, N: 3})
		samples, _ := st.Samples(ctx)
		parts = append(parts, len(samples))
		if err := merged.Merge(ctx, st.Path()); err != nil {
			t.Fatal(err)
		}
	}
	if parts[0]+parts[1]+parts[2] != 16 {
		t.Fatalf("shards hold %v samples, want 16 in all", parts)
	}
	a, _, err := Collect(ctx, whole, f.run, f.judge.Spec(), report.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	b, cov, err := Collect(ctx, merged, f.run, f.judge.Spec(), report.Meta{})
	if err != nil || cov.Judged != 16 {
		t.Fatalf("merged coverage %+v (%v)", cov, err)
	}
	ra, _ := report.Build(a, report.Options{})
	rb, _ := report.Build(b, report.Options{})
	var ma, mb strings.Builder
	report.WriteMarkdown(&ma, ra)
	report.WriteMarkdown(&mb, rb)
	if ma.String() != mb.String() {
		t.Errorf("merged shards report differently from one run:\n%s\n---\n%s", ma.String(), mb.String())
	}
}

func TestRunRefusesAnotherRunInTheStore(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t, 2)
	st := openStore(t, filepath.Join(t.TempDir(), "run.db"))
	if err := f.run.Save(ctx, st); err != nil {
		t.Fatal(err)
	}
	other := f.run
	other.Samples, other.Seed = 5, 9
	err := other.Save(ctx, st)
	if err == nil || !strings.Contains(err.Error(), "samples 2, not 5") || !strings.Contains(err.Error(), "seed 7, not 9") {
		t.Errorf("err = %v", err)
	}
	if err := f.run.Save(ctx, st); err != nil {
		t.Errorf("the same run refused: %v", err)
	}
}

func TestShardAndSeeds(t *testing.T) {
	if _, err := ParseShard("3/2"); err == nil {
		t.Error("3/2 accepted")
	}
	s, err := ParseShard("2/5")
	if err != nil || s.K != 2 || s.N != 5 {
		t.Fatalf("ParseShard(2/5) = %+v %v", s, err)
	}
	counts := make([]int, 5)
	for i := 0; i < 1000; i++ {
		for k := 1; k <= 5; k++ {
			if (Shard{K: k, N: 5}).Has("787-0/c", i) {
				counts[k-1]++
			}
		}
	}
	total := 0
	for _, c := range counts {
		total += c
		if c < 150 || c > 250 {
			t.Errorf("shard sizes %v are far from even", counts)
		}
	}
	if total != 1000 {
		t.Errorf("shards cover %d of 1000 samples", total)
	}
	if SampleSeed(1, "a", "787-0/c", 0) == SampleSeed(1, "a", "787-0/c", 1) || SampleSeed(1, "a", "x", 0) != SampleSeed(1, "a", "x", 0) {
		t.Error("seeds are not per sample, or not stable")
	}
}
