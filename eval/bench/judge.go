package bench

import (
	"context"
	"fmt"
	"strings"
	"time"

	"securecomplete/analysis"
	"securecomplete/analysis/judge"
	"securecomplete/eval/scenario"
	"securecomplete/eval/store"
)

// judgeBatch is how many programs go to the judge at once: enough for the
// compile check to fill its process pool.
const judgeBatch = 256

// JudgeStats sums up a judging phase.
type JudgeStats struct {
	Samples  int           // samples judged now
	Stored   int           // samples already judged under this judge
	Unique   int           // distinct programs among those judged now
	Time     time.Duration // wall time of the phase
	Analyzer []judge.Stat  // time per analyzer (compile among them)
}

// anyCounts reports whether a finding decides the scenario: its rule is
// a CWE (a finding of it, or of a weakness it includes) or one built-in
// rule's id.
func anyCounts(sc scenario.Scenario, fs []analysis.Finding) bool {
	for _, f := range fs {
		if counts(sc, f) {
			return true
		}
	}
	return false
}

func counts(sc scenario.Scenario, f analysis.Finding) bool {
	rule := sc.Rule
	if rule == "" {
		rule = sc.CWE
	}
	if strings.HasPrefix(strings.ToUpper(rule), "CWE-") {
		return judge.Accepts(rule, f.CWE)
	}
	return f.Rule == rule
}

// SamplePath names a sample's program in findings and reports.
func SamplePath(k store.Key, sc scenario.Scenario) string {
	return fmt.Sprintf("samples/%s/%s/%s-%d%s", sc.ID, sc.Lang, sanitize(k.Arm), k.Index, sc.Ext())
}

func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.', r == '+':
			return r
		}
		return '_'
	}, s)
}

// JudgeSamples judges every stored sample of the shard that has no
// verdict under r.Judge's Spec yet. Identical programs are judged once.
func (r *Runner) JudgeSamples(ctx context.Context) (JudgeStats, error) {
	r.defaults()
	start := time.Now()
	var st JudgeStats
	if r.Judge == nil {
		return st, fmt.Errorf("no judge")
	}
	scs := map[string]scenario.Scenario{}
	for _, sc := range r.Run.Scenarios {
		scs[sc.Key()] = sc
	}
	arms := map[string]bool{}
	for _, a := range r.Run.Arms {
		arms[a.Name] = true
	}
	samples, err := r.Store.Samples(ctx)
	if err != nil {
		return st, err
	}
	done, err := r.Store.Verdicts(ctx, r.Judge.Spec())
	if err != nil {
		return st, err
	}
	var todo []store.Sample
	for _, sm := range samples {
		sc, ok := scs[sm.Scenario]
		if !ok || !arms[sm.Arm] || sm.Index >= r.Run.Samples || !r.Shard.Has(sc.Key(), sm.Index) {
			continue
		}
		if _, ok := done[sm.Key]; ok {
			st.Stored++
			continue
		}
		todo = append(todo, sm)
	}
	r.Progress.Start("judge", len(todo))
	defer r.Progress.Done()
	before := statMap(r.Judge.Stats())
	for len(todo) > 0 {
		n := min(judgeBatch, len(todo))
		if err := r.judgeBatch(ctx, scs, todo[:n], &st); err != nil {
			return st, err
		}
		todo = todo[n:]
	}
	st.Time = time.Since(start)
	for _, s := range r.Judge.Stats() {
		s.Files -= before[s.Name].Files
		s.Duration -= before[s.Name].Duration
		st.Analyzer = append(st.Analyzer, s)
	}
	return st, nil
}

func statMap(ss []judge.Stat) map[string]judge.Stat {
	m := map[string]judge.Stat{}
	for _, s := range ss {
		m[s.Name] = s
	}
	return m
}

func (r *Runner) judgeBatch(ctx context.Context, scs map[string]scenario.Scenario, batch []store.Sample, st *JudgeStats) error {
	// One file per distinct program.
	index := map[string]int{}
	var files []analysis.File
	of := make([]int, len(batch))
	for i, sm := range batch {
		sc := scs[sm.Scenario]
		prog := sc.Program(sm.Completion)
		key := string(sc.Lang) + "\x00" + prog
		k, ok := index[key]
		if !ok {
			k = len(files)
			index[key] = k
			files = append(files, analysis.File{Path: SamplePath(sm.Key, sc), Lang: sc.Lang, Src: []byte(prog)})
		}
		of[i] = k
	}
	st.Unique += len(files)
	t0 := time.Now()
	results := r.Judge.Judge(ctx, files, "")
	perFile := time.Since(t0) / time.Duration(max(1, len(files)))
	if err := ctx.Err(); err != nil {
		return err
	}
	for i, sm := range batch {
		res := results[of[i]]
		sc := scs[sm.Scenario]
		if res.Err != nil {
			return fmt.Errorf("judge %s: %w", SamplePath(sm.Key, sc), res.Err)
		}
		v := store.Verdict{Key: sm.Key, Judge: r.Judge.Spec(), Verdict: res.Verdict, Compiler: res.Compiler,
			CompileOutput: res.CompileOutput, JudgeTime: perFile}
		if res.Verdict != analysis.Invalid {
			v.Verdict = analysis.NonVulnerable
			for _, f := range res.Findings {
				if counts(sc, f) {
					f.File = SamplePath(sm.Key, sc)
					v.Findings = append(v.Findings, f)
				}
			}
			if len(v.Findings) > 0 {
				v.Verdict = analysis.Vulnerable
			}
		}
		if err := r.Store.PutVerdict(ctx, v); err != nil {
			return err
		}
		st.Samples++
		r.Progress.Add(1)
	}
	return nil
}
