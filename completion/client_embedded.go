package completion

import (
	"context"
	"errors"
	"fmt"

	"securecomplete/completion/embedded"
	"securecomplete/config"
	"securecomplete/training/embedtrain"
)

// EmbeddedDefault is the PATH of "embedded:default": the model trained
// from the default corpus on first use and kept in the user cache.
const EmbeddedDefault = "default"

// embeddedClient serves a model entry whose base_url is "embedded:PATH"
// in-process, with the same sampling as the HTTP server
// (completion/openaiserver). MaxTokens counts the embedded model's own
// tokens (see embedded.Tokenize), not GPT-2's.
type embeddedClient struct {
	cfg   config.Model
	ready chan struct{} // closed once model or err is set
	model *embedded.Model
	err   error
}

// newEmbeddedClient loads the model file at path; for "default" it loads
// the cached default model, or starts training it in the background when
// it is missing or stale: Complete then waits for it (as long as its
// context allows) before answering.
func newEmbeddedClient(m config.Model, path string) (Client, error) {
	c := &embeddedClient{cfg: m, ready: make(chan struct{})}
	if path == "" {
		return nil, fmt.Errorf("model %s: base_url %q names no model file (embedded:PATH, or embedded:default)", m.Name, m.BaseURL)
	}
	if path != EmbeddedDefault {
		model, err := embedded.Load(path)
		if err != nil {
			return nil, fmt.Errorf("model %s: %w", m.Name, err)
		}
		c.model = model
		close(c.ready)
		return c, nil
	}
	def := embedtrain.DefaultModel{}
	file, err := def.Path()
	if err != nil {
		return nil, fmt.Errorf("model %s: %w", m.Name, err)
	}
	go func() {
		defer close(c.ready)
		// Ensure returns at once when the cached model is fresh.
		if _, _, err := def.Ensure(context.Background()); err != nil {
			c.err = err
			return
		}
		c.model, c.err = embedded.Load(file)
	}()
	return c, nil
}

func (c *embeddedClient) Complete(ctx context.Context, req Request) ([]Choice, error) {
	select {
	case <-c.ready:
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, &ModelError{Model: c.cfg.Name, Err: fmt.Errorf("the default embedded model is still being trained (first use; it takes seconds): %w", ctx.Err())}
		}
		return nil, ctx.Err()
	}
	if c.err != nil {
		return nil, &ModelError{Model: c.cfg.Name, Err: c.err}
	}
	opt := embedded.Options{
		MaxTokens:   req.MaxTokens,
		N:           req.N,
		Temperature: req.Temperature,
		TopP:        req.TopP,
		Stop:        req.Stop,
	}
	if req.Seed != nil {
		s := int64(*req.Seed)
		opt.Seed = &s
	}
	// NewClient bounds the call by the model's timeout.
	res, err := c.model.Generate(ctx, req.Prompt, opt, nil)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, &ModelError{Model: c.cfg.Name, Err: err}
	}
	out := make([]Choice, len(res.Choices))
	for i, ch := range res.Choices {
		out[i] = Choice{Text: ch.Text, FinishReason: ch.FinishReason}
	}
	return out, nil
}
