package bench

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"securecomplete/analysis/judge"
	"securecomplete/completion"
	"securecomplete/config"
	"securecomplete/eval/scenario"
	"securecomplete/eval/store"
	"securecomplete/internal/openaitest"
)

// Candidates for 476-0/c (allocate a person, set its status), written
// for these tests: whether the built-in rules flag them (CWE-476, no NULL
// check) and whether they leave the program whole.
const (
	nullChecked = "    struct person *p = malloc(sizeof *p);\n    if (p == NULL) {\n        return 1;\n    }\n    p->status = 0;\n    free(p);\n    return 0;\n}\n"
	// Clean, but drawn until max_tokens ran out inside a block: the
	// function is never closed.
	nullCheckedCut = "    struct person *p = malloc(sizeof *p);\n    if (p == NULL) {\n        return 1;\n    }\n    if (p->age > 17) {\n        p->status = 0;\n"
	// Clean, with a statement missing its ';'.
	nullCheckedNoSemi = "    struct person *p = malloc(sizeof *p);\n    if (p == NULL) {\n        return 1;\n    }\n    p->status = 0\n    free(p);\n    return 0;\n}\n"
	unchecked         = "    struct person *p = malloc(sizeof *p);\n    p->status = 0;\n    free(p);\n    return 0;\n}\n"
	uncheckedCut      = "    struct person *p = malloc(sizeof *p);\n    p->status = 0;\n    if (p->age > 17) {\n"
)

// TestScreenArmPicksWholeCandidate: the screened arm keeps the candidate
// the editor would show first: clean and whole, else clean, else whole,
// else the first the model drew.
func TestScreenArmPicksWholeCandidate(t *testing.T) {
	all, err := scenario.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	scs, err := scenario.Select(all, []string{"476-0/c"})
	if err != nil {
		t.Fatal(err)
	}
	sc := scs[0]
	screener, err := judge.New(judge.Options{Analyzers: []string{"builtin"}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		texts []string
		want  string
	}{
		{"clean and whole after clean but cut", []string{unchecked, nullCheckedCut, nullChecked, nullCheckedNoSemi}, nullChecked},
		{"clean and whole after a missing semicolon", []string{nullCheckedNoSemi, unchecked, nullCheckedCut, nullChecked}, nullChecked},
		{"clean but cut before flagged and whole", []string{unchecked, uncheckedCut, nullCheckedCut, nullCheckedNoSemi}, nullCheckedCut},
		{"all flagged: the whole one", []string{uncheckedCut, unchecked, uncheckedCut, unchecked}, unchecked},
		{"all clean and whole: the first", []string{nullChecked, nullChecked + "\n", nullChecked, nullChecked}, nullChecked},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := openaitest.New(t, func(r openaitest.Request) openaitest.Reply {
				return openaitest.Reply{Texts: tt.texts}
			})
			srv.Check(func(r openaitest.Request) error {
				if r.N != 4 {
					t.Errorf("n = %d, want the arm's 4 candidates", r.N)
				}
				return nil
			})
			m := config.Model{Name: "m", BaseURL: srv.BaseURL, Model: "m", ContextWindow: 2048, MaxTokens: 64, Temperature: 0.4, TopP: 0.95, N: 1, Timeout: config.Duration(5 * time.Second)}
			c, err := completion.NewClient(m, completion.EmbeddedModels{})
			if err != nil {
				t.Fatal(err)
			}
			arm := Arm{Name: "m+screen", Model: m, Screen: 4}
			st := openStore(t, filepath.Join(t.TempDir(), "run.db"))
			r := &Runner{
				Run:     Run{Arms: []Arm{arm}, Scenarios: scs, Samples: 1, Seed: 3, ScenarioSet: "test"},
				Clients: map[string]completion.Client{arm.Name: c}, Store: st, Screener: screener,
			}
			ctx := context.Background()
			if err := r.Run.Save(ctx, st); err != nil {
				t.Fatal(err)
			}
			if _, err := r.Generate(ctx); err != nil {
				t.Fatal(err)
			}
			got, ok, err := st.Sample(ctx, store.Key{Arm: arm.Name, Scenario: sc.Key(), Index: 0})
			if err != nil || !ok {
				t.Fatalf("sample not stored: %v", err)
			}
			if got.Raw != tt.want || got.Candidates != 4 {
				t.Errorf("kept candidate %q of %d, want %q", got.Raw, got.Candidates, tt.want)
			}
			if !strings.Contains(got.Settings, `"screen_by":"rules,syntax"`) {
				t.Errorf("settings %s do not name the screening", got.Settings)
			}
		})
	}
}
