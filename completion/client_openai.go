package completion

import (
	"context"
	"errors"
	"fmt"
	"io"
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
		Transport: limitTransport{&http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
			MaxIdleConnsPerHost:   16,
			IdleConnTimeout:       90 * time.Second,
			ResponseHeaderTimeout: 0, // the request context bounds the wait
		}},
	}
	return &openAIClient{model: m, api: openai.NewClientWithConfig(cfg)}
}

func (c *openAIClient) Complete(ctx context.Context, req Request) ([]Choice, error) {
	temp := req.Temperature
	if temp <= 0 {
		temp = minTemperature
	}
	ctx = context.WithValue(ctx, responseLimitKey{}, ResponseLimit(c.model, req.MaxTokens, req.N))
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
	var tooLarge *ResponseTooLargeError
	if errors.As(err, &tooLarge) {
		return &ModelError{Model: c.model.Name, Err: tooLarge}
	}
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

// Bounds of ResponseLimit's derived limit.
const (
	responseBase      = 64 << 10  // headers of the JSON, usage, ids
	responsePerChoice = 4 << 10   // a choice's own keys (finish_reason, logprobs: null, ...)
	responsePerToken  = 256       // a token's text, JSON-escaped at worst (\u00XX per byte)
	responseCeiling   = 256 << 20 // whatever max_tokens × n says
)

// ResponseLimit is the most bytes read from one answer of m to a request
// of maxTokens tokens and n choices: m.MaxResponseBytes when set, else 64
// KiB + n × (4 KiB + maxTokens × 256 B), at most 256 MiB. An answer
// longer than that is not one the request asked for.
func ResponseLimit(m config.Model, maxTokens, n int) int64 {
	if m.MaxResponseBytes > 0 {
		return m.MaxResponseBytes
	}
	maxTokens, n = max(maxTokens, 1), max(n, 1)
	perChoice := int64(responsePerChoice) + int64(responsePerToken)*int64(min(maxTokens, responseCeiling/responsePerToken))
	if int64(n) > (responseCeiling-responseBase)/perChoice {
		return responseCeiling
	}
	return responseBase + int64(n)*perChoice
}

// ResponseTooLargeError says an answer was cut at the response limit.
type ResponseTooLargeError struct{ Limit int64 }

func (e *ResponseTooLargeError) Error() string {
	return fmt.Sprintf("the answer is larger than %d bytes, stopped reading it (max_response_bytes sets the limit; by default it follows max_tokens × n)", e.Limit)
}

// responseLimitKey carries a request's response limit to limitTransport.
type responseLimitKey struct{}

// limitTransport bounds every response body by the limit its request's
// context carries. The body's reads still end when the context does, so
// the timeout holds while a server streams.
type limitTransport struct{ base http.RoundTripper }

func (t limitTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if limit, ok := req.Context().Value(responseLimitKey{}).(int64); ok && limit > 0 {
		resp.Body = &limitedBody{ReadCloser: resp.Body, left: limit, limit: limit}
	}
	return resp, nil
}

// limitedBody reads at most limit bytes and then fails with
// ResponseTooLargeError.
type limitedBody struct {
	io.ReadCloser
	left, limit int64
}

func (b *limitedBody) Read(p []byte) (int, error) {
	if b.left < 0 {
		return 0, &ResponseTooLargeError{Limit: b.limit}
	}
	if int64(len(p)) > b.left+1 {
		p = p[:b.left+1]
	}
	n, err := b.ReadCloser.Read(p)
	if int64(n) > b.left {
		n, b.left = int(b.left), -1
		return n, &ResponseTooLargeError{Limit: b.limit}
	}
	b.left -= int64(n)
	return n, err
}
