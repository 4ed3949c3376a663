package embedtrain

import (
	"context"
	"fmt"
	"math"

	"securecomplete/completion/embedded"
)

// FixesWeights are the weights --fixes-weight auto tries.
func FixesWeights() []int { return []int{1, 2, 4, 8, 16, 32} }

// WeightTrial is the held-out score of the model fine-tuned at one
// weight (0: the base model, without the fixes).
type WeightTrial struct {
	Weight       int
	BitsPerToken float64
	Perplexity   float64
	Tokens       int64
}

// ChooseFixesWeight trains the model on opt (its Fixes) at each weight
// and scores the documents of the valid JSONL files (the dataset's
// validation split) without the cache; it returns the weight of the
// lowest held-out perplexity and every trial, the base model's first.
func ChooseFixesWeight(ctx context.Context, opt Options, valid []string, weights []int) (int, []WeightTrial, error) {
	var docs [][]byte
	for _, path := range valid {
		if err := ReadFixes(path, func(_ int, text string) error {
			docs = append(docs, []byte(text))
			return nil
		}); err != nil {
			return 0, nil, fmt.Errorf("validation split: %w", err)
		}
	}
	score := func(m *embedded.Model) WeightTrial {
		var s embedded.Score
		for _, d := range docs {
			s.Add(m.Score(d, embedded.NoCache()))
		}
		bpt := s.BitsPerToken()
		return WeightTrial{BitsPerToken: bpt, Perplexity: math.Exp2(bpt), Tokens: int64(s.Tokens)}
	}
	opt.Headers = nil // not needed to score
	progress := opt.Progress
	opt.Progress = nil
	base := opt
	base.Fixes = nil
	m, _, err := Train(ctx, base)
	if err != nil {
		return 0, nil, err
	}
	trials := []WeightTrial{score(m)}
	if progress != nil {
		fmt.Fprintf(progress, "held-out fix perplexity: base %.2f\n", trials[0].Perplexity)
	}
	best := 0
	for _, w := range weights {
		opt.FixesWeight = w
		m, _, err := Train(ctx, opt)
		if err != nil {
			return 0, nil, err
		}
		t := score(m)
		t.Weight = w
		trials = append(trials, t)
		if progress != nil {
			fmt.Fprintf(progress, "held-out fix perplexity: weight %d %.2f\n", w, t.Perplexity)
		}
		if best == 0 || t.Perplexity < trials[best].Perplexity {
			best = len(trials) - 1
		}
	}
	if best == 0 {
		return 0, trials, fmt.Errorf("no weight to try")
	}
	return trials[best].Weight, trials, nil
}
