package openaiserver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"strings"
	"time"

	"securecomplete/completion/embedded"
)

// completionRequest is the body of POST /v1/completions. Fields the
// server cannot honour are read so that it can refuse them by name.
type completionRequest struct {
	Model            string             `json:"model"`
	Prompt           json.RawMessage    `json:"prompt"`
	Suffix           *string            `json:"suffix"`
	MaxTokens        *int               `json:"max_tokens"`
	Temperature      *float64           `json:"temperature"`
	TopP             *float64           `json:"top_p"`
	N                *int               `json:"n"`
	Stream           bool               `json:"stream"`
	StreamOptions    *streamOptions     `json:"stream_options"`
	Logprobs         *int               `json:"logprobs"`
	Echo             bool               `json:"echo"`
	Stop             json.RawMessage    `json:"stop"`
	PresencePenalty  *float64           `json:"presence_penalty"`
	FrequencyPenalty *float64           `json:"frequency_penalty"`
	BestOf           *int               `json:"best_of"`
	LogitBias        map[string]float64 `json:"logit_bias"`
	User             string             `json:"user"`
	Seed             *int64             `json:"seed"`
	Store            bool               `json:"store"`
	Metadata         map[string]string  `json:"metadata"`
	// IgnoreEOS is vLLM's extension: generate max_tokens tokens even past
	// the model's end of document.
	IgnoreEOS bool `json:"ignore_eos"`
}

type streamOptions struct {
	IncludeUsage bool `json:"include_usage"`
}

// job is a validated request.
type job struct {
	name    string
	model   *embedded.Model
	prompts []string
	opt     embedded.Options
	topK    int // alternatives per token when logprobs were asked, else -1
	echo    bool
	stream  bool
	usage   bool // stream_options.include_usage
}

// parse reads and checks a request; on failure it has written the error.
func (s *Server) parse(w http.ResponseWriter, r *http.Request) (*job, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, int64(s.limits.MaxPromptBytes)+64<<10))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			writeError(w, http.StatusRequestEntityTooLarge, "invalid_request_error", "prompt", "request_too_large", "The request body is over this server's limit of %d bytes.", mbe.Limit)
			return nil, false
		}
		badRequest(w, "", "Could not read the request body: %v", err)
		return nil, false
	}
	var req completionRequest
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		if field, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
			badRequest(w, strings.Trim(field, `"`), "Unrecognized request argument supplied: %s", strings.Trim(field, `"`))
			return nil, false
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			badRequest(w, te.Field, "Invalid type for '%s': expected %s, got %s.", te.Field, te.Type, te.Value)
			return nil, false
		}
		badRequest(w, "", "We could not parse the JSON body of your request (%v). The body must be a JSON object.", err)
		return nil, false
	}
	if dec.More() {
		badRequest(w, "", "We could not parse the JSON body of your request: data after the JSON object.")
		return nil, false
	}
	if req.Model == "" {
		badRequest(w, "model", "You must provide a model parameter. This server has: %s.", strings.Join(s.names, ", "))
		return nil, false
	}
	model, ok := s.models[req.Model]
	if !ok {
		s.unknownModel(w, req.Model)
		return nil, false
	}
	j := &job{name: req.Model, model: model, echo: req.Echo, stream: req.Stream, topK: -1}
	if req.StreamOptions != nil {
		if !req.Stream {
			badRequest(w, "stream_options", "stream_options is only allowed when stream is true.")
			return nil, false
		}
		j.usage = req.StreamOptions.IncludeUsage
	}
	// prompt: a string or an array of strings.
	switch p := bytes.TrimSpace(req.Prompt); {
	case len(p) == 0 || string(p) == "null":
		j.prompts = []string{""}
	case p[0] == '"':
		var one string
		if err := json.Unmarshal(p, &one); err != nil {
			badRequest(w, "prompt", "Invalid prompt: %v", err)
			return nil, false
		}
		j.prompts = []string{one}
	case p[0] == '[':
		if err := json.Unmarshal(p, &j.prompts); err != nil {
			badRequest(w, "prompt", "Invalid prompt: want a string or an array of strings (token arrays are not supported: this model's tokens are not GPT-2's).")
			return nil, false
		}
		if len(j.prompts) == 0 {
			badRequest(w, "prompt", "Invalid prompt: the array is empty.")
			return nil, false
		}
	default:
		badRequest(w, "prompt", "Invalid prompt: want a string or an array of strings.")
		return nil, false
	}
	size := 0
	for _, p := range j.prompts {
		size += len(p)
	}
	if size > s.limits.MaxPromptBytes {
		badRequest(w, "prompt", "The prompt is %d bytes, over this server's limit of %d.", size, s.limits.MaxPromptBytes)
		return nil, false
	}
	if req.Suffix != nil && *req.Suffix != "" {
		badRequest(w, "suffix", "suffix is not supported: this model completes prompts left to right.")
		return nil, false
	}
	if len(req.LogitBias) > 0 {
		badRequest(w, "logit_bias", "logit_bias is not supported: this model's tokens are not GPT-2's.")
		return nil, false
	}
	opt := embedded.Options{MaxTokens: 16, N: 1, Temperature: 1, TopP: 1, Seed: req.Seed, IgnoreEOS: req.IgnoreEOS}
	if req.MaxTokens != nil {
		switch v := *req.MaxTokens; {
		case v < 1:
			badRequest(w, "max_tokens", "max_tokens %d must be at least 1.", v)
			return nil, false
		case v > s.limits.MaxTokens:
			badRequest(w, "max_tokens", "max_tokens %d is over this server's limit of %d.", v, s.limits.MaxTokens)
			return nil, false
		}
		opt.MaxTokens = *req.MaxTokens
	}
	// Each limit is checked before the product n × prompts is formed, and
	// the product by division: a huge n must not wrap around to a small
	// number of choices.
	if len(j.prompts) > s.limits.MaxN {
		badRequest(w, "prompt", "%d prompts are over this server's limit of %d choices.", len(j.prompts), s.limits.MaxN)
		return nil, false
	}
	if req.N != nil {
		switch v := *req.N; {
		case v < 1:
			badRequest(w, "n", "n %d must be at least 1.", v)
			return nil, false
		case v > s.limits.MaxN:
			badRequest(w, "n", "n %d is over this server's limit of %d choices.", v, s.limits.MaxN)
			return nil, false
		case v > s.limits.MaxN/len(j.prompts):
			badRequest(w, "n", "n %d (times %d prompts) is over this server's limit of %d choices.", v, len(j.prompts), s.limits.MaxN)
			return nil, false
		}
		opt.N = *req.N
	}
	if req.BestOf != nil && *req.BestOf != opt.N && *req.BestOf != 1 {
		badRequest(w, "best_of", "best_of other than n is not supported.")
		return nil, false
	}
	if req.Temperature != nil {
		if v := *req.Temperature; v < 0 || v > 2 || math.IsNaN(v) {
			badRequest(w, "temperature", "temperature %g must be between 0 and 2.", v)
			return nil, false
		}
		opt.Temperature = *req.Temperature
	}
	if req.TopP != nil {
		switch v := *req.TopP; {
		case v < 0 || v > 1 || math.IsNaN(v):
			badRequest(w, "top_p", "top_p %g must be between 0 and 1.", v)
			return nil, false
		case v == 0:
			opt.Temperature = 0 // only the most likely token is left
		default:
			opt.TopP = v
		}
	}
	for name, v := range map[string]*float64{"presence_penalty": req.PresencePenalty, "frequency_penalty": req.FrequencyPenalty} {
		if v != nil && (*v < -2 || *v > 2 || math.IsNaN(*v)) {
			badRequest(w, name, "%s %g must be between -2 and 2.", name, *v)
			return nil, false
		}
	}
	if req.PresencePenalty != nil {
		opt.PresencePenalty = *req.PresencePenalty
	}
	if req.FrequencyPenalty != nil {
		opt.FrequencyPenalty = *req.FrequencyPenalty
	}
	if req.Logprobs != nil {
		if v := *req.Logprobs; v < 0 || v > 5 {
			badRequest(w, "logprobs", "logprobs %d must be between 0 and 5.", v)
			return nil, false
		}
		j.topK = *req.Logprobs
		opt.Logprobs = max(1, *req.Logprobs)
	}
	// stop: a string or an array of strings.
	if st := bytes.TrimSpace(req.Stop); len(st) > 0 && string(st) != "null" {
		var one string
		if err := json.Unmarshal(st, &one); err == nil {
			opt.Stop = []string{one}
		} else if err := json.Unmarshal(st, &opt.Stop); err != nil {
			badRequest(w, "stop", "Invalid stop: want a string or an array of strings.")
			return nil, false
		}
		if len(opt.Stop) > s.limits.MaxStop {
			badRequest(w, "stop", "%d stop sequences are over the limit of %d.", len(opt.Stop), s.limits.MaxStop)
			return nil, false
		}
		for _, x := range opt.Stop {
			if x == "" {
				badRequest(w, "stop", "Invalid stop: a stop sequence is empty.")
				return nil, false
			}
		}
	}
	j.opt = opt
	return j, true
}

// choiceJSON is one choice of a completion or of a stream chunk.
type choiceJSON struct {
	Text         string        `json:"text"`
	Index        int           `json:"index"`
	Logprobs     *logprobsJSON `json:"logprobs"`
	FinishReason *string       `json:"finish_reason"`
}

type logprobsJSON struct {
	Tokens        []string             `json:"tokens"`
	TokenLogprobs []float64            `json:"token_logprobs"`
	TopLogprobs   []map[string]float64 `json:"top_logprobs"`
	TextOffset    []int                `json:"text_offset"`
}

type usageJSON struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
	TotalTokens      int `json:"total_tokens"`
}

type completionJSON struct {
	ID                string       `json:"id"`
	Object            string       `json:"object"`
	Created           int64        `json:"created"`
	Model             string       `json:"model"`
	SystemFingerprint string       `json:"system_fingerprint,omitempty"`
	Choices           []choiceJSON `json:"choices"`
	Usage             *usageJSON   `json:"usage,omitempty"`
}

// logprobs converts generated tokens; base is the offset of the choice's
// text in prompt + text, as OpenAI counts text_offset.
func (j *job) logprobs(toks []embedded.TokenLogprob, base int) *logprobsJSON {
	if j.topK < 0 {
		return nil
	}
	lp := &logprobsJSON{Tokens: []string{}, TokenLogprobs: []float64{}, TopLogprobs: []map[string]float64{}, TextOffset: []int{}}
	for _, t := range toks {
		lp.Tokens = append(lp.Tokens, t.Text)
		lp.TokenLogprobs = append(lp.TokenLogprobs, t.Logprob)
		top := map[string]float64{}
		for _, a := range t.Top[:min(j.topK, len(t.Top))] {
			top[a.Text] = a.Logprob
		}
		lp.TopLogprobs = append(lp.TopLogprobs, top)
		lp.TextOffset = append(lp.TextOffset, base+t.Offset)
	}
	return lp
}

func finish(reason string) *string {
	if reason == "" {
		return nil
	}
	return &reason
}

// completions answers POST /v1/completions.
func (s *Server) completions(w http.ResponseWriter, r *http.Request) {
	began := time.Now()
	j, ok := s.parse(w, r)
	if !ok {
		return
	}
	// A slot among MaxConcurrent, waiting at most QueueWait.
	select {
	case s.sem <- struct{}{}:
	default:
		timer := time.NewTimer(s.limits.QueueWait)
		select {
		case s.sem <- struct{}{}:
			timer.Stop()
		case <-timer.C:
			w.Header().Set("Retry-After", "1")
			writeError(w, http.StatusTooManyRequests, "requests", "", "rate_limit_exceeded", "Too many concurrent requests: this server runs %d at a time. Retry shortly.", s.limits.MaxConcurrent)
			return
		case <-r.Context().Done():
			return
		}
	}
	defer func() { <-s.sem }()
	ctx, cancel := context.WithTimeout(r.Context(), s.limits.RequestTimeout)
	defer cancel()
	id := newID()
	fp := ""
	if f := j.model.Info().Fingerprint; f != "" {
		fp = "fp_" + f[:min(12, len(f))]
	}
	head := completionJSON{ID: id, Object: "text_completion", Created: time.Now().Unix(), Model: j.name, SystemFingerprint: fp}
	var usage usageJSON
	var err error
	if j.stream {
		usage, err = s.stream(ctx, w, j, head)
	} else {
		usage, err = s.complete(ctx, w, j, head)
	}
	attrs := []any{"id", id, "model", j.name, "prompts", len(j.prompts), "n", j.opt.N, "prompt_tokens", usage.PromptTokens, "completion_tokens", usage.CompletionTokens, "stream", j.stream, "took", time.Since(began).Round(time.Microsecond)}
	if err != nil {
		s.log.Warn("completion failed", append(attrs, "err", err)...)
		return
	}
	s.log.Info("completion", attrs...)
}

// genError writes the error of a generation that did not finish.
func (s *Server) genError(w http.ResponseWriter, ctx context.Context, err error) {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		writeError(w, http.StatusServiceUnavailable, "server_error", "", "timeout", "Generation took longer than this server's limit of %s.", s.limits.RequestTimeout)
		return
	}
	if ctx.Err() != nil {
		return // the client went away
	}
	writeError(w, http.StatusInternalServerError, "server_error", "", "", "Generation failed: %v", err)
}

func (s *Server) complete(ctx context.Context, w http.ResponseWriter, j *job, head completionJSON) (usageJSON, error) {
	var usage usageJSON
	resp := head
	resp.Choices = []choiceJSON{}
	for pi, prompt := range j.prompts {
		res, err := j.model.Generate(ctx, prompt, j.opt, nil)
		if err != nil {
			s.genError(w, ctx, err)
			return usage, err
		}
		usage.PromptTokens += res.PromptTokens
		usage.CompletionTokens += res.CompletionTokens
		for _, c := range res.Choices {
			text, base := c.Text, len(prompt)
			if j.echo {
				text = prompt + text
			}
			resp.Choices = append(resp.Choices, choiceJSON{Text: text, Index: pi*j.opt.N + c.Index, Logprobs: j.logprobs(c.Tokens, base), FinishReason: finish(c.FinishReason)})
		}
	}
	usage.TotalTokens = usage.PromptTokens + usage.CompletionTokens
	resp.Usage = &usage
	writeJSON(w, http.StatusOK, resp)
	return usage, nil
}

// stream answers with server-sent events as OpenAI does: a chunk per
// piece of text, the last one of each choice with its finish_reason,
// optionally a chunk with the usage, then "data: [DONE]".
func (s *Server) stream(ctx context.Context, w http.ResponseWriter, j *job, head completionJSON) (usageJSON, error) {
	var usage usageJSON
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Connection", "keep-alive")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	send := func(v any) error {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		if _, err := fmt.Fprintf(w, "data: %s\n\n", b); err != nil {
			return err
		}
		return rc.Flush()
	}
	for pi, prompt := range j.prompts {
		echoed := map[int]bool{}
		res, err := j.model.Generate(ctx, prompt, j.opt, func(d embedded.Delta) error {
			chunk := head
			text := d.Text
			if j.echo && !echoed[d.Index] {
				text, echoed[d.Index] = prompt+text, true
			}
			chunk.Choices = []choiceJSON{{Text: text, Index: pi*j.opt.N + d.Index, Logprobs: j.logprobs(d.Tokens, len(prompt)), FinishReason: finish(d.FinishReason)}}
			return send(chunk)
		})
		if err != nil {
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				send(map[string]apiError{"error": {Message: fmt.Sprintf("Generation took longer than this server's limit of %s.", s.limits.RequestTimeout), Type: "server_error", Code: strp("timeout")}})
			}
			return usage, err
		}
		usage.PromptTokens += res.PromptTokens
		usage.CompletionTokens += res.CompletionTokens
	}
	usage.TotalTokens = usage.PromptTokens + usage.CompletionTokens
	if j.usage {
		chunk := head
		chunk.Choices = []choiceJSON{}
		chunk.Usage = &usage
		if err := send(chunk); err != nil {
			return usage, err
		}
	}
	if _, err := io.WriteString(w, "data: [DONE]\n\n"); err != nil {
		return usage, err
	}
	return usage, rc.Flush()
}
