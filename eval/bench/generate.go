package bench

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"securecomplete/analysis"
	"securecomplete/analysis/judge"
	"securecomplete/completion"
	"securecomplete/config"
	"securecomplete/eval/scenario"
	"securecomplete/eval/store"
	"securecomplete/eval/verdictcache"
)

// Progress is told how far a phase has come; a terminal shows a bar, CI
// nothing.
type Progress interface {
	Start(phase string, total int)
	Add(n int)
	Done()
}

// NoProgress shows nothing.
type NoProgress struct{}

func (NoProgress) Start(string, int) {}
func (NoProgress) Add(int)           {}
func (NoProgress) Done()             {}

// Runner draws and judges the samples of one run (or of one shard of it).
type Runner struct {
	Run     Run
	Clients map[string]completion.Client // by arm name
	Store   *store.Store
	Shard   Shard
	// Judge decides verdicts; its Spec keys them in the store, so a
	// rescore under another judge keeps the generations.
	Judge *judge.Judge
	// Cache, when set, keeps the judge's decisions across runs under
	// CacheIdentity (Judge.Identity): a program judged before is not
	// judged again. Within a run, a program is judged once either way.
	Cache         *verdictcache.Cache
	CacheIdentity string
	// Screener judges candidates for arms with Screen > 1 (the built-in
	// rules alone, as the language server screens).
	Screener    *judge.Judge
	Concurrency int           // generations at once; default 4
	Retries     int           // attempts after the first; default 3
	Backoff     time.Duration // before the first retry, doubled after; default 500ms
	Rate        float64       // requests a second per arm; 0: no limit
	Tokens      *completion.TokenCounter
	Progress    Progress
	Log         *slog.Logger

	syntax *completion.Syntax // whether a screened candidate parses

	memoMu sync.Mutex
	memo   map[string]verdictcache.Entry // the run's decisions by cache key

	stored func(ctx context.Context, sm store.Sample) error // told of each sample stored, by GenerateAndJudge
}

// GenStats sums up a generation phase.
type GenStats struct {
	Wanted    int           // samples of this shard
	Stored    int           // already in the store, reused
	Generated int           // drawn now
	Retried   int           // requests retried after a failure
	Time      time.Duration // wall time of the phase
}

type genJob struct {
	arm    Arm
	sc     scenario.Scenario
	idx    int
	prompt string
	key    store.Key
}

func (r *Runner) defaults() {
	if r.Concurrency <= 0 {
		r.Concurrency = 4
	}
	if r.Retries < 0 {
		r.Retries = 0
	} else if r.Retries == 0 {
		r.Retries = 3
	}
	if r.Backoff <= 0 {
		r.Backoff = 500 * time.Millisecond
	}
	if r.Progress == nil {
		r.Progress = NoProgress{}
	}
	if r.Log == nil {
		r.Log = slog.New(slog.DiscardHandler)
	}
	if r.syntax == nil {
		r.syntax = completion.NewSyntax()
	}
}

// Generate draws every sample of the shard that the store does not hold
// yet (or holds from other settings or another prompt), storing each as
// it arrives. A model that keeps failing stops the run with an error
// naming it; what was stored stays.
func (r *Runner) Generate(ctx context.Context) (GenStats, error) {
	r.defaults()
	start := time.Now()
	var st GenStats
	var jobs []genJob
	for _, arm := range r.Run.Arms {
		client := r.Clients[arm.Name]
		if client == nil {
			return st, fmt.Errorf("arm %s: no client", arm.Name)
		}
		eng, err := completion.Build(completion.Setup{Model: arm.Model, Client: client, Tokens: r.Tokens, Screen: config.ScreenOff})
		if err != nil {
			return st, err
		}
		for _, sc := range r.Run.Scenarios {
			p, err := eng.BuildPrompt(completion.Input{Lang: sc.Lang, Text: sc.Prompt, Offset: len(sc.Prompt)})
			if err != nil {
				return st, fmt.Errorf("scenario %s: %w", sc.Key(), err)
			}
			if p.Truncated {
				r.Log.Warn("scenario prompt cut to fit the model's context window", "scenario", sc.Key(), "model", arm.Model.Name, "kept_from_line", p.FirstLine+1)
			}
			for idx := 0; idx < r.Run.Samples; idx++ {
				if !r.Shard.Has(sc.Key(), idx) {
					continue
				}
				st.Wanted++
				k := store.Key{Arm: arm.Name, Scenario: sc.Key(), Index: idx}
				have, ok, err := r.Store.Sample(ctx, k)
				if err != nil {
					return st, err
				}
				seed := SampleSeed(r.Run.Seed, arm.Name, sc.Key(), idx)
				if ok && have.Settings == settings(arm, seed) && have.PromptHash == PromptHash(sc) {
					st.Stored++
					continue
				}
				jobs = append(jobs, genJob{arm: arm, sc: sc, idx: idx, prompt: p.Text, key: k})
			}
		}
	}
	if len(jobs) == 0 {
		st.Time = time.Since(start)
		return st, nil
	}
	limiters := map[string]*rate.Limiter{}
	for _, a := range r.Run.Arms {
		lim := rate.NewLimiter(rate.Inf, 1)
		if r.Rate > 0 {
			lim = rate.NewLimiter(rate.Limit(r.Rate), 1)
		}
		limiters[a.Name] = lim
	}

	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	r.Progress.Start("generate", len(jobs))
	defer r.Progress.Done()
	var (
		mu   sync.Mutex
		next = make(chan genJob)
		wg   sync.WaitGroup
	)
	for range min(r.Concurrency, len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				retries, err := r.generateOne(ctx, j, limiters[j.arm.Name])
				mu.Lock()
				st.Retried += retries
				if err == nil {
					st.Generated++
				}
				mu.Unlock()
				if err != nil {
					cancel(err)
					continue
				}
				r.Progress.Add(1)
			}
		}()
	}
feed:
	for _, j := range jobs {
		select {
		case next <- j:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	st.Time = time.Since(start)
	if err := context.Cause(ctx); err != nil {
		return st, err
	}
	return st, nil
}

// generateOne draws one sample, with retries, and stores it.
func (r *Runner) generateOne(ctx context.Context, j genJob, lim *rate.Limiter) (retries int, err error) {
	seed := SampleSeed(r.Run.Seed, j.arm.Name, j.sc.Key(), j.idx)
	s := int(seed)
	n := max(1, j.arm.Screen)
	req := completion.Request{
		Prompt: j.prompt, MaxTokens: j.arm.Model.MaxTokens, N: n,
		Temperature: j.arm.Model.Temperature, TopP: j.arm.Model.TopP, Stop: j.arm.Model.Stop, Seed: &s,
	}
	var choices []completion.Choice
	start := time.Now()
	for attempt := 0; ; attempt++ {
		if err := lim.Wait(ctx); err != nil {
			return retries, err
		}
		choices, err = r.Clients[j.arm.Name].Complete(ctx, req)
		if err == nil && len(choices) == 0 {
			err = &completion.ModelError{Model: j.arm.Model.Name, Err: errors.New("the answer holds no choices")}
		}
		if err == nil {
			break
		}
		if ctx.Err() != nil {
			return retries, ctx.Err()
		}
		if !retryable(err) || attempt >= r.Retries {
			return retries, fmt.Errorf("sample %s: giving up after %d attempts: %w", j.key, attempt+1, err)
		}
		retries++
		wait := r.Backoff << attempt
		r.Log.Warn("model request failed; retrying", "sample", j.key.String(), "attempt", attempt+1, "wait", wait, "err", err)
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return retries, ctx.Err()
		}
	}
	genTime := time.Since(start)
	pick := 0
	if j.arm.Screen > 1 {
		pick = r.screen(ctx, j.sc, choices)
	}
	kept, _ := j.sc.Cut(choices[pick].Text)
	sm := store.Sample{
		Key: j.key, Model: j.arm.Model.Name, Settings: settings(j.arm, seed), PromptHash: PromptHash(j.sc),
		Seed: seed, Completion: kept, Raw: choices[pick].Text, FinishReason: choices[pick].FinishReason,
		Candidates: len(choices), GenTime: genTime,
	}
	if err := r.Store.PutSample(ctx, sm); err != nil {
		return retries, err
	}
	if r.stored != nil {
		return retries, r.stored(ctx, sm)
	}
	return retries, nil
}

// screen returns the index of the candidate the language server would
// show first (completion.Candidate.Rank): the first in which the built-in
// rules find nothing of the scenario's weakness and that leaves the
// program whole (tree-sitter finds no syntax error from the completion
// on), else the first clean one, else the first whole one, else the
// first. A candidate the rules could not judge counts as flagged.
func (r *Runner) screen(ctx context.Context, sc scenario.Scenario, choices []completion.Choice) int {
	if r.Screener == nil {
		return 0
	}
	files := make([]analysis.File, len(choices))
	broken := make([]bool, len(choices))
	for i, ch := range choices {
		src := sc.Program(ch.Text)
		files[i] = analysis.File{Path: fmt.Sprintf("candidate-%d%s", i, sc.Ext()), Lang: sc.Lang, Src: []byte(src)}
		// Parsed in this sample's goroutine: a scenario program parses
		// in well under a millisecond. A parse that fails is no verdict.
		errs, _ := r.syntax.Errors(sc.Lang, src, len(sc.Prompt))
		broken[i] = len(errs) > 0
	}
	pick, best := 0, -1
	for i, res := range r.Screener.Judge(ctx, files, "") {
		rank := completion.ScreenRank(res.Err != nil || anyCounts(sc, res.Findings), broken[i])
		if best < 0 || rank < best {
			pick, best = i, rank
		}
	}
	return pick
}

// retryable reports whether a failed request may succeed if sent again:
// the model was unreachable, too slow, overloaded or failed inside; not a
// request it refused.
func retryable(err error) bool {
	var me *completion.ModelError
	if !errors.As(err, &me) {
		return false
	}
	switch {
	case me.Status == 0, me.Status >= 500:
		return true
	case me.Status == http.StatusTooManyRequests, me.Status == http.StatusRequestTimeout:
		return true
	}
	return false
}
