package completion

import (
	"context"
	"errors"
	"fmt"

	"securecomplete/completion/embedded"
	"securecomplete/config"
)

// EmbeddedDefault is the PATH of "embedded:default": the model trained
// from the default corpus on first use and kept in the user cache.
const EmbeddedDefault = "default"

// ErrDefaultModelNotReady is NewClient's error for a model whose base_url
// is "embedded:default" when its caller has not made the default model
// ready (EmbeddedModels.Default is empty). Training it is a step of its
// own (training/embedtrain.DefaultModel.Ensure), which the serving side
// does not take: the command that starts it does, with progress.
var ErrDefaultModelNotReady = errors.New("the default embedded model is not ready (it is trained on first use)")

// EmbeddedModels says where NewClient finds the models of "embedded:"
// base URLs that are not plain file paths.
type EmbeddedModels struct {
	// Default is the file of the default embedded model, once the caller
	// has made it ready; "" means it is not ready yet.
	Default string
}

// UsesDefaultModel reports whether m is served by the default embedded
// model, which must be made ready before NewClient can serve it.
func UsesDefaultModel(m config.Model) bool {
	return m.BaseURL == config.EmbeddedPrefix+EmbeddedDefault
}

// embeddedClient serves a model entry whose base_url is "embedded:PATH"
// in-process, with the same sampling as the HTTP server
// (completion/openaiserver). MaxTokens counts the embedded model's own
// tokens (see embedded.Tokenize), not GPT-2's.
type embeddedClient struct {
	cfg   config.Model
	model *embedded.Model
}

// newEmbeddedClient loads the model file at path, or for "default" the
// file the caller made ready (emb.Default).
func newEmbeddedClient(m config.Model, path string, emb EmbeddedModels) (Client, error) {
	switch {
	case path == "":
		return nil, fmt.Errorf("model %s: base_url %q names no model file (embedded:PATH, or embedded:default)", m.Name, m.BaseURL)
	case path == EmbeddedDefault && emb.Default == "":
		return nil, fmt.Errorf("model %s: %w", m.Name, ErrDefaultModelNotReady)
	case path == EmbeddedDefault:
		path = emb.Default
	}
	model, err := embedded.Load(path)
	if err != nil {
		return nil, fmt.Errorf("model %s: %w", m.Name, err)
	}
	return &embeddedClient{cfg: m, model: model}, nil
}

func (c *embeddedClient) Complete(ctx context.Context, req Request) ([]Choice, error) {
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
