package cli

import (
	"context"
	"io"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"securecomplete/completion/embedded/embeddedtest"
)

// syncBuffer is a bytes.Buffer safe for a writer and a reader at once.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServe(t *testing.T) {
	model := embeddedtest.WriteModel(t)
	ctx, cancel := context.WithCancel(t.Context())
	var stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- Run(ctx, []string{"serve", "--model", "small=" + model, "--model", model, "--addr", "127.0.0.1:0", "--max-n", "4"}, io.Discard, &stderr)
	}()
	re := regexp.MustCompile(`on (http://127\.0\.0\.1:\d+/v1)`)
	var base string
	for deadline := time.Now().Add(10 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if m := re.FindStringSubmatch(stderr.String()); m != nil {
			base = m[1]
		}
	}
	if base == "" {
		cancel()
		t.Fatalf("no address announced:\n%s", stderr.String())
	}
	cfg := openai.DefaultConfig("")
	cfg.BaseURL = base
	c := openai.NewClientWithConfig(cfg)
	list, err := c.ListModels(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range list.Models {
		names = append(names, m.ID)
	}
	if strings.Join(names, ",") != "small,test" {
		t.Errorf("models %v, want small (named) and test (the file's base name)", names)
	}
	resp, err := c.CreateCompletion(t.Context(), openai.CompletionRequest{Model: "small", Prompt: "int main(", MaxTokens: 8, N: 2})
	if err != nil || len(resp.Choices) != 2 {
		t.Fatalf("completion: %v, %+v", err, resp)
	}
	if _, err := c.CreateCompletion(t.Context(), openai.CompletionRequest{Model: "small", Prompt: "x", N: 5}); err == nil || !strings.Contains(err.Error(), "limit of 4") {
		t.Errorf("n over --max-n: %v", err)
	}
	cancel() // as SIGINT does
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d after shutdown\n%s", code, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
}

func TestServeErrors(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--model", "/nonexistent/x.model"}, 1, "/nonexistent/x.model"},
		{[]string{"--model", "=x.model"}, 2, "empty name"},
		{[]string{"--model", "a="}, 2, "names no model"},
	}
	for _, tt := range tests {
		code, _, errs := runCLI(t, append([]string{"serve", "--addr", "127.0.0.1:0"}, tt.args...)...)
		if code != tt.code || !strings.Contains(errs, tt.want) {
			t.Errorf("serve %v: exit %d, stderr %q; want %d and %q", tt.args, code, errs, tt.code, tt.want)
		}
	}
}
