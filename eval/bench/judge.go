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
	"securecomplete/eval/verdictcache"
)

// judgeBatch is how many programs go to the judge at once: enough for the
// compile check to fill its process pool.
const judgeBatch = 256

// JudgeStats sums up a judging phase.
type JudgeStats struct {
	Samples int // samples judged now
	Stored  int // samples already judged under this judge
	Unique  int // distinct programs judged now (compiled and analyzed)
	Cached  int // programs not judged again: judged earlier in this run, or in the verdict cache
	// FromCache counts the programs of Cached found in the verdict cache.
	FromCache int
	Time      time.Duration // wall time of the phase
	Analyzer  []judge.Stat  // time per analyzer (compile among them)
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
		rule = string(sc.CWE)
	}
	if strings.HasPrefix(strings.ToUpper(rule), "CWE-") {
		return judge.Accepts(analysis.CWE(rule), f.CWE)
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
		if err := r.judgeBatch(ctx, scs, todo[:n], &st, r.Progress); err != nil {
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

func (r *Runner) judgeBatch(ctx context.Context, scs map[string]scenario.Scenario, batch []store.Sample, st *JudgeStats, progress Progress) error {
	// One file per distinct program; programs judged before in this run
	// or found in the verdict cache are not judged again.
	type prog struct {
		file  analysis.File
		key   string // in the verdict cache and the run's memo
		entry verdictcache.Entry
		done  bool
	}
	index := map[string]int{}
	var progs []*prog
	of := make([]int, len(batch))
	for i, sm := range batch {
		sc := scs[sm.Scenario]
		src := []byte(sc.Program(sm.Completion))
		key := verdictcache.Key(r.CacheIdentity, sc.Lang, src)
		k, ok := index[key]
		if !ok {
			k = len(progs)
			index[key] = k
			progs = append(progs, &prog{file: analysis.File{Path: SamplePath(sm.Key, sc), Lang: sc.Lang, Src: src}, key: key})
		}
		of[i] = k
	}
	var ask []string
	r.memoMu.Lock()
	for _, p := range progs {
		if e, ok := r.memo[p.key]; ok {
			p.entry, p.done = e, true
			st.Cached++
		} else {
			ask = append(ask, p.key)
		}
	}
	r.memoMu.Unlock()
	if r.Cache != nil && len(ask) > 0 {
		hits := r.Cache.Get(ctx, ask)
		r.memoMu.Lock()
		if r.memo == nil {
			r.memo = map[string]verdictcache.Entry{}
		}
		for _, p := range progs {
			if e, ok := hits[p.key]; ok && !p.done {
				p.entry, p.done = e, true
				r.memo[p.key] = e
				st.Cached++
				st.FromCache++
			}
		}
		r.memoMu.Unlock()
	}
	var files []analysis.File
	var todo []*prog
	for _, p := range progs {
		if !p.done {
			files = append(files, p.file)
			todo = append(todo, p)
		}
	}
	st.Unique += len(files)
	t0 := time.Now()
	results := r.Judge.Judge(ctx, files, "")
	perFile := time.Since(t0) / time.Duration(max(1, len(files)))
	if err := ctx.Err(); err != nil {
		return err
	}
	fresh := map[string]verdictcache.Entry{}
	for k, res := range results {
		p := todo[k]
		if res.Err != nil {
			sm := batch[0]
			for i := range batch {
				if progs[of[i]] == p {
					sm = batch[i]
					break
				}
			}
			return fmt.Errorf("judge %s: %w", SamplePath(sm.Key, scs[sm.Scenario]), res.Err)
		}
		p.entry = verdictcache.Entry{Verdict: res.Verdict, Findings: res.Findings, Compiler: res.Compiler, CompileOutput: res.CompileOutput, Path: p.file.Path}
		p.done = true
		fresh[p.key] = p.entry
	}
	r.memoMu.Lock()
	if r.memo == nil {
		r.memo = map[string]verdictcache.Entry{}
	}
	for k, e := range fresh {
		r.memo[k] = e
	}
	r.memoMu.Unlock()
	if r.Cache != nil {
		r.Cache.Put(ctx, fresh)
	}
	for i, sm := range batch {
		sc := scs[sm.Scenario]
		path := SamplePath(sm.Key, sc)
		res := progs[of[i]].entry.For(path)
		v := store.Verdict{Key: sm.Key, Judge: r.Judge.Spec(), Verdict: res.Verdict, Compiler: res.Compiler,
			CompileOutput: res.CompileOutput, JudgeTime: perFile}
		if res.Verdict != analysis.Invalid {
			v.Verdict = analysis.NonVulnerable
			for _, f := range res.Findings {
				if counts(sc, f) {
					f.File = path
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
		progress.Add(1)
	}
	return nil
}
