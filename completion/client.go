// Package completion turns a document and a cursor into code completions:
// it builds the prompt under the model's token budget, asks a model
// (any OpenAI-compatible server, or the embedded model in-process), and
// cleans the candidates up (cut at the end of the block, stop sequences,
// repetition, duplicates).
package completion

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"securecomplete/config"
)

// Request is one call to a model: a prompt and its sampling settings.
type Request struct {
	Prompt      string
	MaxTokens   int
	N           int
	Temperature float64
	TopP        float64
	Stop        []string
	Seed        *int
}

// Choice is one text a model produced.
type Choice struct {
	Text         string
	FinishReason string // "stop", "length", or what the server said
}

// Client asks a model for completions of a prompt. Implementations are
// safe for concurrent use and honour the context's deadline and
// cancellation.
type Client interface {
	Complete(ctx context.Context, req Request) ([]Choice, error)
}

// ModelError is a failure of the model side: unreachable, too slow, an
// HTTP error status or an answer that cannot be read. Model names the
// configured model.
type ModelError struct {
	Model  string
	Status int // HTTP status, 0 when there was none
	Err    error
}

func (e *ModelError) Error() string {
	if e.Status != 0 {
		return fmt.Sprintf("model %s: HTTP %d: %v", e.Model, e.Status, e.Err)
	}
	return fmt.Sprintf("model %s: %v", e.Model, e.Err)
}

func (e *ModelError) Unwrap() error { return e.Err }

// NewClient returns the client for a configured model: in-process for a
// base_url of "embedded:PATH" (emb says where "embedded:default" is),
// over HTTP otherwise.
func NewClient(m config.Model, emb EmbeddedModels) (Client, error) {
	var c Client
	switch path, ok := strings.CutPrefix(m.BaseURL, config.EmbeddedPrefix); {
	case ok:
		var err error
		if c, err = newEmbeddedClient(m, path, emb); err != nil {
			return nil, err
		}
	case m.BaseURL == "":
		return nil, errors.New("model " + m.Name + ": base_url is empty")
	default:
		c = newOpenAIClient(m)
	}
	if t := m.Timeout.Std(); t > 0 {
		c = timeoutClient{inner: c, model: m}
	}
	return c, nil
}

// timeoutClient bounds every request by the model's timeout and says so
// when it fires, for every kind of client alike.
type timeoutClient struct {
	inner Client
	model config.Model
}

func (t timeoutClient) Complete(ctx context.Context, req Request) ([]Choice, error) {
	ctx, cancel := context.WithTimeoutCause(ctx, t.model.Timeout.Std(), errModelTimeout)
	defer cancel()
	choices, err := t.inner.Complete(ctx, req)
	if err != nil && errors.Is(context.Cause(ctx), errModelTimeout) {
		return nil, &ModelError{Model: t.model.Name, Err: fmt.Errorf("no answer from %s within %s", t.model.DisplayURL(), t.model.Timeout.Std())}
	}
	return choices, err
}

var errModelTimeout = errors.New("model timeout")
