package openaiserver_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"securecomplete/completion/embedded"
	"securecomplete/completion/embedded/embeddedtest"
	"securecomplete/completion/openaiserver"
)

var testLimits = openaiserver.Limits{MaxN: 8, MaxTokens: 200, MaxPromptBytes: 4096}

func client(baseURL string) *openai.Client {
	cfg := openai.DefaultConfig("")
	cfg.BaseURL = baseURL
	return openai.NewClientWithConfig(cfg)
}

func intp(n int) *int { return &n }

const prompt = "#include <stdio.h>\n\nint main(int argc, char *argv[]) {\n    "

func TestCompletion(t *testing.T) {
	c := client(embeddedtest.Serve(t, "embedded", testLimits))
	resp, err := c.CreateCompletion(t.Context(), openai.CompletionRequest{
		Model: "embedded", Prompt: prompt, MaxTokens: 24, N: 3, Temperature: 0.8, TopP: 0.95, Seed: intp(1),
	})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(resp.ID, "cmpl-") || resp.Object != "text_completion" || resp.Model != "embedded" || resp.Created == 0 {
		t.Errorf("answer head: id %q object %q model %q created %d", resp.ID, resp.Object, resp.Model, resp.Created)
	}
	if len(resp.Choices) != 3 {
		t.Fatalf("%d choices, want n=3", len(resp.Choices))
	}
	for i, ch := range resp.Choices {
		if ch.Index != i {
			t.Errorf("choice %d has index %d", i, ch.Index)
		}
		if ch.FinishReason != "stop" && ch.FinishReason != "length" {
			t.Errorf("choice %d: finish_reason %q", i, ch.FinishReason)
		}
		if ch.Text == "" && ch.FinishReason == "length" {
			t.Errorf("choice %d: empty text after max_tokens", i)
		}
	}
	if resp.Usage.PromptTokens == 0 || resp.Usage.CompletionTokens == 0 || resp.Usage.CompletionTokens > 3*24 ||
		resp.Usage.TotalTokens != resp.Usage.PromptTokens+resp.Usage.CompletionTokens {
		t.Errorf("usage %+v", resp.Usage)
	}
}

func texts(resp openai.CompletionResponse) []string {
	out := make([]string, len(resp.Choices))
	for _, ch := range resp.Choices {
		out[ch.Index] = ch.Text
	}
	return out
}

func TestSeedMakesAnswersRepeatable(t *testing.T) {
	c := client(embeddedtest.Serve(t, "embedded", testLimits))
	req := openai.CompletionRequest{Model: "embedded", Prompt: prompt, MaxTokens: 40, N: 4, Temperature: 1, Seed: intp(99)}
	a, err := c.CreateCompletion(t.Context(), req)
	if err != nil {
		t.Fatal(err)
	}
	b, err := c.CreateCompletion(t.Context(), req)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(texts(a), "\x00") != strings.Join(texts(b), "\x00") {
		t.Errorf("same seed, different answers:\n%q\n%q", texts(a), texts(b))
	}
	differ := false
	for s := 1; s <= 10 && !differ; s++ {
		req.Seed = intp(s)
		o, err := c.CreateCompletion(t.Context(), req)
		if err != nil {
			t.Fatal(err)
		}
		differ = strings.Join(texts(o), "\x00") != strings.Join(texts(a), "\x00")
	}
	if !differ {
		t.Error("ten other seeds gave the same answer: the seed is ignored")
	}
}

func TestStopsAreHonoured(t *testing.T) {
	c := client(embeddedtest.Serve(t, "embedded", testLimits))
	for _, stop := range [][]string{{"\n"}, {";", ")"}} {
		resp, err := c.CreateCompletion(t.Context(), openai.CompletionRequest{
			Model: "embedded", Prompt: prompt, MaxTokens: 60, N: 5, Temperature: 0.9, Stop: stop, Seed: intp(4),
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, ch := range resp.Choices {
			for _, s := range stop {
				if strings.Contains(ch.Text, s) {
					t.Errorf("stop %q: choice %d holds it: %q", stop, ch.Index, ch.Text)
				}
			}
			if ch.FinishReason != "stop" {
				t.Errorf("stop %q: choice %d finished %q: %q", stop, ch.Index, ch.FinishReason, ch.Text)
			}
		}
	}
}

func TestStreaming(t *testing.T) {
	base := embeddedtest.Serve(t, "embedded", testLimits)
	c := client(base)
	req := openai.CompletionRequest{Model: "embedded", Prompt: prompt, MaxTokens: 30, N: 2, Temperature: 0.9, Seed: intp(7), Stop: []string{"return"}}
	whole, err := c.CreateCompletion(t.Context(), req)
	if err != nil {
		t.Fatal(err)
	}
	stream, err := c.CreateCompletionStream(t.Context(), req)
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	got := make([]strings.Builder, 2)
	finishes := make([]string, 2)
	chunks := 0
	for {
		resp, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, ch := range resp.Choices {
			got[ch.Index].WriteString(ch.Text)
			if ch.FinishReason != "" {
				finishes[ch.Index] = ch.FinishReason
			}
		}
		chunks++
	}
	for i, ch := range whole.Choices {
		if got[ch.Index].String() != ch.Text || finishes[ch.Index] != ch.FinishReason {
			t.Errorf("choice %d: streamed %q (%s), whole %q (%s)", i, got[ch.Index].String(), finishes[ch.Index], ch.Text, ch.FinishReason)
		}
	}
	if chunks < 4 {
		t.Errorf("%d chunks for two choices of up to 30 tokens: not streamed piece by piece", chunks)
	}

	// On the wire: SSE events, the last one "data: [DONE]".
	body := `{"model":"embedded","prompt":"int main(","max_tokens":5,"stream":true,"stream_options":{"include_usage":true}}`
	resp, err := http.Post(base+"/completions", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Errorf("Content-Type %q", ct)
	}
	events := strings.Split(strings.TrimSuffix(string(raw), "\n\n"), "\n\n")
	if events[len(events)-1] != "data: [DONE]" {
		t.Errorf("last event %q, want data: [DONE]", events[len(events)-1])
	}
	var usage struct {
		Choices []any `json:"choices"`
		Usage   *struct {
			CompletionTokens int `json:"completion_tokens"`
		} `json:"usage"`
	}
	if err := json.Unmarshal([]byte(strings.TrimPrefix(events[len(events)-2], "data: ")), &usage); err != nil || usage.Usage == nil || usage.Usage.CompletionTokens == 0 || len(usage.Choices) != 0 {
		t.Errorf("usage chunk %q: %v", events[len(events)-2], err)
	}
}

func TestLogprobs(t *testing.T) {
	c := client(embeddedtest.Serve(t, "embedded", testLimits))
	resp, err := c.CreateCompletion(t.Context(), openai.CompletionRequest{Model: "embedded", Prompt: prompt, MaxTokens: 10, LogProbs: 2, Temperature: 0.5, Seed: intp(3)})
	if err != nil {
		t.Fatal(err)
	}
	ch := resp.Choices[0]
	lp := ch.LogProbs
	if len(lp.Tokens) == 0 || len(lp.Tokens) != len(lp.TokenLogprobs) || len(lp.Tokens) != len(lp.TopLogprobs) || len(lp.Tokens) != len(lp.TextOffset) {
		t.Fatalf("logprobs lengths: %d tokens, %d logprobs, %d top, %d offsets", len(lp.Tokens), len(lp.TokenLogprobs), len(lp.TopLogprobs), len(lp.TextOffset))
	}
	if strings.Join(lp.Tokens, "") != ch.Text {
		t.Errorf("tokens %q do not spell the text %q", lp.Tokens, ch.Text)
	}
	for i := range lp.Tokens {
		if lp.TokenLogprobs[i] > 0 || len(lp.TopLogprobs[i]) == 0 || len(lp.TopLogprobs[i]) > 2 {
			t.Errorf("token %d %q: logprob %g, %d alternatives", i, lp.Tokens[i], lp.TokenLogprobs[i], len(lp.TopLogprobs[i]))
		}
	}
	if lp.TextOffset[0] != len(prompt) {
		t.Errorf("first text_offset %d, want the prompt's length %d", lp.TextOffset[0], len(prompt))
	}
}

func TestModels(t *testing.T) {
	c := client(embeddedtest.Serve(t, "embedded", testLimits))
	list, err := c.ListModels(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Models) != 1 || list.Models[0].ID != "embedded" || list.Models[0].Object != "model" {
		t.Errorf("models %+v", list.Models)
	}
	m, err := c.GetModel(t.Context(), "embedded")
	if err != nil || m.ID != "embedded" {
		t.Errorf("GetModel: %+v, %v", m, err)
	}
	_, err = c.GetModel(t.Context(), "gpt-j")
	var apiErr *openai.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != 404 {
		t.Errorf("GetModel of an unknown model: %v", err)
	}
}

func TestBadRequests(t *testing.T) {
	base := embeddedtest.Serve(t, "embedded", testLimits)
	c := client(base)
	// Through go-openai: the errors it decodes.
	apiTests := []struct {
		name   string
		req    openai.CompletionRequest
		status int
		param  string
	}{
		{"n over the limit", openai.CompletionRequest{Model: "embedded", Prompt: "x", N: 9}, 400, "n"},
		{"max_tokens over the limit", openai.CompletionRequest{Model: "embedded", Prompt: "x", MaxTokens: 201}, 400, "max_tokens"},
		{"unknown model", openai.CompletionRequest{Model: "gpt-j", Prompt: "x"}, 404, "model"},
		{"temperature out of range", openai.CompletionRequest{Model: "embedded", Prompt: "x", Temperature: 2.5}, 400, "temperature"},
		{"suffix", openai.CompletionRequest{Model: "embedded", Prompt: "x", Suffix: "}"}, 400, "suffix"},
		{"prompt over the limit", openai.CompletionRequest{Model: "embedded", Prompt: strings.Repeat("x", 5000)}, 400, "prompt"},
		{"five stops", openai.CompletionRequest{Model: "embedded", Prompt: "x", Stop: []string{"a", "b", "c", "d", "e"}}, 400, "stop"},
	}
	for _, tt := range apiTests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.CreateCompletion(t.Context(), tt.req)
			var apiErr *openai.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("err = %v, want an API error", err)
			}
			if apiErr.HTTPStatusCode != tt.status || apiErr.Type != "invalid_request_error" || apiErr.Param == nil || *apiErr.Param != tt.param || apiErr.Message == "" {
				t.Errorf("got status %d type %q param %v message %q; want %d invalid_request_error param %q", apiErr.HTTPStatusCode, apiErr.Type, apiErr.Param, apiErr.Message, tt.status, tt.param)
			}
		})
	}
	// On the wire: bodies go-openai would never send.
	rawTests := []struct {
		name, method, path, body string
		status                   int
		message                  string
	}{
		{"invalid JSON", "POST", "/completions", `{"model": "embedded", "prompt": `, 400, "could not parse the JSON"},
		{"not an object", "POST", "/completions", `[1, 2]`, 400, "could not parse the JSON"},
		{"unknown argument", "POST", "/completions", `{"model":"embedded","prompt":"x","temprature":0.5}`, 400, "Unrecognized request argument supplied: temprature"},
		{"wrong type", "POST", "/completions", `{"model":"embedded","prompt":"x","n":"three"}`, 400, "Invalid type for 'n'"},
		{"token array prompt", "POST", "/completions", `{"model":"embedded","prompt":[1,2,3]}`, 400, "token arrays are not supported"},
		{"no model", "POST", "/completions", `{"prompt":"x"}`, 400, "must provide a model"},
		{"n zero", "POST", "/completions", `{"model":"embedded","prompt":"x","n":0}`, 400, "n 0 must be at least 1"},
		{"GET completions", "GET", "/completions", ``, 405, "use POST"},
		{"unknown URL", "POST", "/chat/completions", `{}`, 404, "Unknown request URL"},
		{"body over the limit", "POST", "/completions", `{"model":"embedded","prompt":"` + strings.Repeat("x", 80<<10) + `"}`, 413, "over this server's limit"},
	}
	for _, tt := range rawTests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequestWithContext(t.Context(), tt.method, base+tt.path, strings.NewReader(tt.body))
			req.Header.Set("Content-Type", "application/json")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var body struct {
				Error *struct {
					Message string `json:"message"`
					Type    string `json:"type"`
				} `json:"error"`
			}
			if err := json.NewDecoder(resp.Body).Decode(&body); err != nil || body.Error == nil {
				t.Fatalf("status %d, body not an OpenAI error: %v", resp.StatusCode, err)
			}
			if resp.StatusCode != tt.status || !strings.Contains(body.Error.Message, tt.message) || body.Error.Type == "" {
				t.Errorf("status %d, error %+v; want %d and a message holding %q", resp.StatusCode, *body.Error, tt.status, tt.message)
			}
		})
	}
}

func TestArrayOfPrompts(t *testing.T) {
	c := client(embeddedtest.Serve(t, "embedded", testLimits))
	resp, err := c.CreateCompletion(t.Context(), openai.CompletionRequest{Model: "embedded", Prompt: []string{"int main(", "#include <"}, N: 2, MaxTokens: 5, Temperature: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Choices) != 4 {
		t.Fatalf("%d choices for 2 prompts x n=2", len(resp.Choices))
	}
	for i, ch := range resp.Choices {
		if ch.Index != i {
			t.Errorf("choice %d has index %d", i, ch.Index)
		}
	}
}

func TestTimeoutAnswers503(t *testing.T) {
	c := client(embeddedtest.Serve(t, "embedded", openaiserver.Limits{RequestTimeout: time.Nanosecond}))
	_, err := c.CreateCompletion(t.Context(), openai.CompletionRequest{Model: "embedded", Prompt: "int", MaxTokens: 100})
	var apiErr *openai.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != 503 || !strings.Contains(apiErr.Message, "longer than") {
		t.Errorf("err = %v, want a 503 naming the time limit", err)
	}
}

func TestListenAndServeShutsDownGracefully(t *testing.T) {
	srv := openaiserver.New(map[string]*embedded.Model{"embedded": embeddedtest.Model(t)}, openaiserver.Options{})
	ctx, cancel := context.WithCancel(t.Context())
	addrc := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() {
		done <- openaiserver.ListenAndServe(ctx, "127.0.0.1:0", srv, 5*time.Second, nil, func(a net.Addr) { addrc <- a })
	}()
	addr := <-addrc
	c := client("http://" + addr.String() + "/v1")
	if _, err := c.CreateCompletion(t.Context(), openai.CompletionRequest{Model: "embedded", Prompt: "int", MaxTokens: 3}); err != nil {
		t.Fatal(err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("ListenAndServe after shutdown: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no shutdown 10 s after the context ended")
	}
	if _, err := net.DialTimeout("tcp", addr.String(), time.Second); err == nil {
		t.Error("still listening after shutdown")
	}
}
