package completion

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"securecomplete/config"
)

// TestOpenAIErrorHidesCredentials asks a closed port through a base_url
// with a key in its userinfo: the error says where it failed, without the
// key (net/http itself hides only the password).
func TestOpenAIErrorHidesCredentials(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	m := config.Model{Name: "m", BaseURL: "http://sk-TESTSECRET123:sk-TESTSECRET123@" + addr + "/v1", Model: "m", MaxTokens: 8, N: 1}
	_, err = newOpenAIClient(m).Complete(context.Background(), Request{Prompt: "x", MaxTokens: 8, N: 1})
	if err == nil {
		t.Fatal("no error from a closed port")
	}
	if strings.Contains(err.Error(), "TESTSECRET") || !strings.Contains(err.Error(), "REDACTED@"+addr) {
		t.Errorf("error %q: want the endpoint without its credentials", err)
	}
}

// endless is a model server that answers 200 and then streams the text
// of one choice forever, every chunk after pause.
func endless(t testing.TB, pause time.Duration) string {
	t.Helper()
	stop := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id":"x","object":"text_completion","choices":[{"index":0,"text":"`)
		chunk := []byte(strings.Repeat("a", 32<<10))
		if pause > 0 {
			chunk = chunk[:16]
		}
		for {
			if _, err := w.Write(chunk); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-stop:
				return
			case <-time.After(pause):
			}
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(stop) })
	return srv.URL + "/v1"
}

// TestOpenAIResponseLimit asks a model that streams an endless body: the
// read stops at the limit (derived from max_tokens × n, or
// max_response_bytes) with one message that names it, long before the
// timeout.
func TestOpenAIResponseLimit(t *testing.T) {
	base := endless(t, 0)
	tests := []struct {
		name      string
		maxBytes  int64
		maxTokens int
		n         int
		want      int64
	}{
		{"derived", 0, 128, 3, ResponseLimit(config.Model{}, 128, 3)},
		{"configured", 100_000, 16, 1, 100_000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := config.Model{Name: "m", BaseURL: base, Model: "m", MaxTokens: tt.maxTokens, N: tt.n, Timeout: config.Duration(20 * time.Second), MaxResponseBytes: tt.maxBytes}
			c, err := NewClient(m, EmbeddedModels{})
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.Complete(context.Background(), Request{Prompt: "x", MaxTokens: tt.maxTokens, N: tt.n})
			var me *ModelError
			if !errors.As(err, &me) || !strings.Contains(err.Error(), fmt.Sprintf("larger than %d bytes", tt.want)) || !strings.Contains(err.Error(), "max_response_bytes") {
				t.Fatalf("error %v: want a ModelError naming the limit of %d bytes", err, tt.want)
			}
		})
	}
}

// TestOpenAITimeoutWhileStreaming asks a model that drips an endless body
// under a limit too high to be reached: the timeout still ends the
// request when it is due, and says so.
func TestOpenAITimeoutWhileStreaming(t *testing.T) {
	base := endless(t, time.Millisecond)
	const timeout = 400 * time.Millisecond
	m := config.Model{Name: "m", BaseURL: base, Model: "m", MaxTokens: 16, N: 1, Timeout: config.Duration(timeout), MaxResponseBytes: 1 << 30}
	c, err := NewClient(m, EmbeddedModels{})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = c.Complete(context.Background(), Request{Prompt: "x", MaxTokens: 16, N: 1})
	took := time.Since(start)
	if err == nil || !strings.Contains(err.Error(), "within 400ms") {
		t.Errorf("error %v: want the timeout's message", err)
	}
	// Generous: the point is that the answer does not wait for the body.
	if took > timeout+time.Second {
		t.Errorf("answered after %s against a timeout of %s", took, timeout)
	}
}
