package bench

import (
	"context"
	"errors"
	"fmt"
	"time"

	"securecomplete/eval/scenario"
	"securecomplete/eval/store"
)

// pipelineMin is how many new samples the judge waits for while
// generation goes on: enough for the compile check to keep its processes
// busy and for a scenario's precompiled header to pay.
const pipelineMin = 64

// GenerateAndJudge draws the samples the store lacks, as Generate does,
// and judges each as it is stored, alongside the generation, in batches
// of at least pipelineMin; then it judges whatever else lacks a verdict
// (samples of an earlier, interrupted run), as JudgeSamples does. At most
// one batch and judgeBatch samples wait for the judge: a model faster
// than the judge is held back, so nothing piles up.
//
// The verdicts are those of Generate followed by JudgeSamples: a
// sample's verdict depends on its program alone.
func (r *Runner) GenerateAndJudge(ctx context.Context) (GenStats, JudgeStats, error) {
	r.defaults()
	start := time.Now()
	var jst JudgeStats
	if r.Judge == nil {
		return GenStats{}, jst, fmt.Errorf("no judge")
	}
	scs := map[string]scenario.Scenario{}
	for _, sc := range r.Run.Scenarios {
		scs[sc.Key()] = sc
	}
	before := statMap(r.Judge.Stats())

	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	ready := make(chan store.Sample, judgeBatch)
	done := make(chan struct{})
	var judgeErr error
	go func() {
		defer close(done)
		var batch []store.Sample
		open := true
		for open || len(batch) > 0 {
			for open && len(batch) < pipelineMin {
				sm, ok := <-ready
				if !ok {
					open = false
					break
				}
				batch = append(batch, sm)
			}
		drain:
			for open && len(batch) < judgeBatch {
				select {
				case sm, ok := <-ready:
					if !ok {
						open = false
						break drain
					}
					batch = append(batch, sm)
				default:
					break drain
				}
			}
			if len(batch) == 0 {
				continue
			}
			n := min(len(batch), judgeBatch)
			if err := r.judgeBatch(ctx, scs, batch[:n], &jst, NoProgress{}); err != nil {
				judgeErr = err
				cancel(err)
				for range ready { // let the generation finish its sends
				}
				return
			}
			batch = batch[n:]
		}
	}()
	r.stored = func(ctx context.Context, sm store.Sample) error {
		select {
		case ready <- sm:
			return nil
		case <-ctx.Done():
			return context.Cause(ctx)
		}
	}
	gen, err := r.Generate(ctx)
	r.stored = nil
	close(ready)
	<-done
	if judgeErr != nil {
		return gen, jst, fmt.Errorf("judging: %w", judgeErr)
	}
	if err != nil {
		return gen, jst, err
	}
	if err := context.Cause(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return gen, jst, err
	}

	rest, err := r.JudgeSamples(ctx)
	jst.Stored = rest.Stored - jst.Samples // the pipeline's verdicts are not reused ones
	jst.Samples += rest.Samples
	jst.Unique += rest.Unique
	jst.Cached += rest.Cached
	jst.FromCache += rest.FromCache
	jst.Time = time.Since(start)
	jst.Analyzer = nil
	for _, s := range r.Judge.Stats() {
		s.Files -= before[s.Name].Files
		s.Duration -= before[s.Name].Duration
		jst.Analyzer = append(jst.Analyzer, s)
	}
	return gen, jst, err
}
