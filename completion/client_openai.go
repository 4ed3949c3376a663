package completion

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"securecomplete/config"
)

// minTemperature stands in for a temperature of 0: go-openai drops a zero
// temperature from the request (omitempty) and servers then sample at
// their default of 1.0.
const minTemperature = 1e-6

type openAIClient struct {
	model config.Model
	api   *openai.Client
}

func newOpenAIClient(m config.Model) *openAIClient {
	token := ""
	if m.APIKeyEnv != "" {
		token = os.Getenv(m.APIKeyEnv)
	}
	cfg := openai.DefaultConfig(token)
	cfg.BaseURL = m.BaseURL
	cfg.HTTPClient = &http.Client{
		Transport: &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
			MaxIdleConnsPerHost:   16,
			IdleConnTimeout:       90 * time.Second,
			ResponseHeaderTimeout: 0, // the request context bounds the wait
		},
	}
	return &openAIClient{model: m, api: openai.NewClientWithConfig(cfg)}
}

func (c *openAIClient) Complete(ctx context.Context, req Request) ([]Choice, error) {
	temp := req.Temperature
	if temp <= 0 {
		temp = minTemperature
	}
	resp, err := c.api.CreateCompletion(ctx, openai.CompletionRequest{
		Model:       c.model.Model,
		Prompt:      req.Prompt,
		MaxTokens:   req.MaxTokens,
		N:           req.N,
		Temperature: float32(temp),
		TopP:        float32(req.TopP),
		Stop:        req.Stop,
		Seed:        req.Seed,
	})
	if err != nil {
		return nil, c.wrap(ctx, err)
	}
	if len(resp.Choices) == 0 {
		return nil, &ModelError{Model: c.model.Name, Err: errors.New("the answer holds no choices")}
	}
	out := make([]Choice, len(resp.Choices))
	for _, ch := range resp.Choices {
		i := ch.Index
		if i < 0 || i >= len(out) || out[i].FinishReason != "" || out[i].Text != "" {
			// Servers that do not number choices: keep their order.
			out = appendChoice(out, ch)
			continue
		}
		out[i] = Choice{Text: ch.Text, FinishReason: ch.FinishReason}
	}
	return out, nil
}

// appendChoice puts ch in the first empty slot, or at the end.
func appendChoice(out []Choice, ch openai.CompletionChoice) []Choice {
	for i := range out {
		if out[i].Text == "" && out[i].FinishReason == "" {
			out[i] = Choice{Text: ch.Text, FinishReason: ch.FinishReason}
			return out
		}
	}
	return append(out, Choice{Text: ch.Text, FinishReason: ch.FinishReason})
}

// wrap turns a go-openai error into a ModelError that says what happened
// in words a user can act on.
func (c *openAIClient) wrap(ctx context.Context, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return ctxErr // the timeout wrapper or the caller decides what it means
	}
	var apiErr *openai.APIError
	if errors.As(err, &apiErr) {
		return &ModelError{Model: c.model.Name, Status: apiErr.HTTPStatusCode, Err: fmt.Errorf("%s", apiErr.Message)}
	}
	var reqErr *openai.RequestError
	if errors.As(err, &reqErr) {
		msg := reqErr.Err
		if msg == nil {
			msg = errors.New(http.StatusText(reqErr.HTTPStatusCode))
		}
		return &ModelError{Model: c.model.Name, Status: reqErr.HTTPStatusCode, Err: msg}
	}
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		// The request URL is base_url plus a path: it carries the same
		// credentials (net/http hides only a password, not a user name or
		// a query parameter).
		urlErr.URL = config.RedactURL(urlErr.URL)
	}
	return &ModelError{Model: c.model.Name, Err: fmt.Errorf("%s: %w", c.model.DisplayURL(), err)}
}
