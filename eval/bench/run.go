package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"securecomplete/analysis"
	"securecomplete/analysis/judge"
	"securecomplete/config"
	"securecomplete/eval/report"
	"securecomplete/eval/scenario"
	"securecomplete/eval/stats"
	"securecomplete/eval/store"
)

// Run is the definition of one benchmark run: what is asked of which
// models, how often. It is stored with the samples, so that a resumed
// run, every shard and a merge agree on it, and a report can be made
// from the store alone.
type Run struct {
	Arms      []Arm               `json:"arms"`
	Scenarios []scenario.Scenario `json:"scenarios"`
	Samples   int                 `json:"samples"`
	Seed      int64               `json:"seed"`
	// ScenarioSet describes where the scenarios came from, for reports.
	ScenarioSet string `json:"scenario_set"`
}

// metaRun is the store's meta key holding the Run.
const metaRun = "run"

// Save records the run in st, or checks that st holds the same run: a
// store holds one run (a rescore with another judge is the same run).
func (run Run) Save(ctx context.Context, st *store.Store) error {
	// Where a scenario was read from differs between machines running
	// shards of one run; what it holds does not.
	run.Scenarios = append([]scenario.Scenario(nil), run.Scenarios...)
	for i := range run.Scenarios {
		run.Scenarios[i].Source = ""
	}
	data, err := json.Marshal(run)
	if err != nil {
		return err
	}
	have, err := st.Meta(ctx, metaRun)
	if err != nil {
		return err
	}
	if have == "" {
		return st.SetMeta(ctx, metaRun, string(data))
	}
	if have != string(data) {
		var old Run
		if err := json.Unmarshal([]byte(have), &old); err != nil {
			return fmt.Errorf("store %s: its run definition is unreadable: %w", st.Path(), err)
		}
		return fmt.Errorf("store %s holds another run (%s): write to another directory, or delete it to start again", st.Path(), old.diff(run))
	}
	return nil
}

// LoadRun reads the run a store holds.
func LoadRun(ctx context.Context, st *store.Store) (Run, error) {
	have, err := st.Meta(ctx, metaRun)
	if err != nil {
		return Run{}, err
	}
	if have == "" {
		return Run{}, fmt.Errorf("store %s holds no run", st.Path())
	}
	var run Run
	if err := json.Unmarshal([]byte(have), &run); err != nil {
		return Run{}, fmt.Errorf("store %s: its run definition is unreadable: %w", st.Path(), err)
	}
	return run, nil
}

// diff names what differs between two runs, for error messages.
func (run Run) diff(other Run) string {
	var d []string
	if run.Samples != other.Samples {
		d = append(d, fmt.Sprintf("samples %d, not %d", run.Samples, other.Samples))
	}
	if run.Seed != other.Seed {
		d = append(d, fmt.Sprintf("seed %d, not %d", run.Seed, other.Seed))
	}
	names := func(r Run) string {
		var n []string
		for _, a := range r.Arms {
			n = append(n, a.Name)
		}
		return strings.Join(n, ",")
	}
	if a, b := names(run), names(other); a != b {
		d = append(d, fmt.Sprintf("arms %s, not %s", a, b))
	} else {
		for i := range run.Arms {
			if settings(run.Arms[i], 0) != settings(other.Arms[i], 0) {
				d = append(d, "the settings of "+run.Arms[i].Name)
			}
		}
	}
	if len(run.Scenarios) != len(other.Scenarios) {
		d = append(d, fmt.Sprintf("%d scenarios, not %d", len(run.Scenarios), len(other.Scenarios)))
	} else {
		for i := range run.Scenarios {
			if run.Scenarios[i].Key() != other.Scenarios[i].Key() || PromptHash(run.Scenarios[i]) != PromptHash(other.Scenarios[i]) {
				d = append(d, "scenario "+run.Scenarios[i].Key())
				break
			}
		}
	}
	if len(d) == 0 {
		return "its settings differ"
	}
	return strings.Join(d, "; ")
}

// Coverage says how much of a run the store holds.
type Coverage struct {
	Wanted  int // samples the run asks for, all shards together
	Judged  int // of those, with a verdict under the judge
	Missing []store.Key
}

// Collect counts the verdicts the store holds for run under spec
// into a report input. Scenarios the paper judged by hand take the
// reviewers' resolved labels where there are some (see Reviews), and the
// built-in rule's verdict otherwise, which the report says.
func Collect(ctx context.Context, st *store.Store, run Run, spec judge.Spec, meta report.Meta) (report.Input, Coverage, error) {
	var cov Coverage
	verdicts, err := st.Verdicts(ctx, spec)
	if err != nil {
		return report.Input{}, cov, err
	}
	reviewed, err := resolvedLabels(ctx, st)
	if err != nil {
		return report.Input{}, cov, err
	}
	in := report.Input{Meta: meta}
	for _, a := range run.Arms {
		in.Arms = append(in.Arms, reportArm(a, run.Samples))
	}
	compilers := map[string]bool{}
	var unreviewed []string
	for _, sc := range run.Scenarios {
		row := report.Row{Scenario: sc.ID, Lang: sc.Lang, CWE: string(sc.CWE), Rank: sc.Rank}
		pending := 0
		for _, a := range run.Arms {
			for idx := 0; idx < run.Samples; idx++ {
				cov.Wanted++
				k := store.Key{Arm: a.Name, Scenario: sc.Key(), Index: idx}
				v, ok := verdicts[k]
				if !ok {
					cov.Missing = append(cov.Missing, k)
					continue
				}
				cov.Judged++
				if v.Compiler != "" {
					compilers[v.Compiler] = true
				}
				verdict := v.Verdict
				if sc.ManualJudge && verdict != analysis.Invalid {
					if label, ok := reviewed[k]; ok {
						verdict = label
					} else {
						pending++
					}
				}
				if err := in.Add(row, report.SampleFindings{Arm: a.Name, Sample: idx, Path: SamplePath(k, sc), Verdict: verdict, Findings: v.Findings}); err != nil {
					return report.Input{}, cov, err
				}
			}
		}
		if pending > 0 {
			noun := "samples"
			if pending == 1 {
				noun = "sample"
			}
			unreviewed = append(unreviewed, fmt.Sprintf("%s: %d %s", sc.Key(), pending, noun))
		}
	}
	if in.Meta.Compiler == "" {
		var cs []string
		for c := range compilers {
			cs = append(cs, c)
		}
		sort.Strings(cs)
		in.Meta.Compiler = strings.Join(cs, "; ")
	}
	if len(unreviewed) > 0 {
		in.Meta.Notes = append(in.Meta.Notes, "The paper judged 20-2 and 416-2 by hand; until two reviewers' labels are imported (eval review), the built-in rule decides these samples: "+strings.Join(unreviewed, ", ")+".")
	}
	for _, a := range run.Arms {
		if a.Screen > 1 {
			in.Meta.Notes = append(in.Meta.Notes, fmt.Sprintf("Arm %s is screening, not fine-tuning: it draws %d candidates per sample and keeps the first the built-in rules pass and tree-sitter parses whole (else the first the rules pass, else the first that parses, else the first), as the language server orders completions before showing them. The judge then uses the same rules, so it measures how much screening removes, not how good the model is.", a.Name, a.Screen))
		}
	}
	return in, cov, nil
}

func reportArm(a Arm, samples int) report.Arm {
	m := a.Model
	t, p := m.Temperature, m.TopP
	arm := report.Arm{
		Name:     a.Name,
		Model:    m.Model,
		Endpoint: m.DisplayURL(),
		Sampling: report.Sampling{Samples: samples, Temperature: &t, TopP: &p, MaxTokens: m.MaxTokens, Stop: append([]string{}, m.Stop...)},
	}
	if a.Screen > 1 {
		arm.Note = fmt.Sprintf("screened: best of %d candidates by the built-in rules", a.Screen)
	}
	return arm
}

// NewArms makes the arms of a run from configured models: each model as
// it is, and with screen > 1 also each model screened.
func NewArms(models []config.Model, screen int) []Arm {
	var arms []Arm
	for _, m := range models {
		arms = append(arms, Arm{Name: m.Name, Model: m})
	}
	if screen > 1 {
		for _, m := range models {
			arms = append(arms, Arm{Name: m.Name + "+screen", Model: m, Screen: screen})
		}
	}
	return arms
}

// Counts returns, per arm, the verdict counts of one scenario: a helper
// for tests and summaries.
func Counts(in report.Input, scenarioID string, lang analysis.Lang) []stats.Counts {
	for _, r := range in.Rows {
		if r.Scenario == scenarioID && r.Lang == lang {
			return r.Counts
		}
	}
	return nil
}
