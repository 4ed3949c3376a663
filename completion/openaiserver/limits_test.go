package openaiserver

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"securecomplete/completion/embedded"
)

// tinyModel trains on a few lines (this internal test cannot use
// embeddedtest, which imports this package).
func tinyModel(t *testing.T) *embedded.Model {
	tr, err := embedded.NewTrainer(3)
	if err != nil {
		t.Fatal(err)
	}
	tr.Add([]byte("int main(void) {\n    return 0;\n}\n"), 1)
	m, err := tr.Build(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// With every slot taken, a request waits QueueWait, then gets a 429.
func TestConcurrencyLimit(t *testing.T) {
	s := New(map[string]*embedded.Model{"embedded": tinyModel(t)}, Options{Limits: Limits{MaxConcurrent: 1, QueueWait: 50 * time.Millisecond}})
	srv := httptest.NewServer(s)
	defer srv.Close()
	post := func() *http.Response {
		resp, err := http.Post(srv.URL+"/v1/completions", "application/json", strings.NewReader(`{"model":"embedded","prompt":"int","max_tokens":3}`))
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	s.sem <- struct{}{} // a request in flight
	resp := post()
	var body struct {
		Error struct {
			Message, Type string
		}
	}
	json.NewDecoder(resp.Body).Decode(&body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" || !strings.Contains(body.Error.Message, "concurrent") {
		t.Errorf("over the limit: status %d, Retry-After %q, error %+v", resp.StatusCode, resp.Header.Get("Retry-After"), body.Error)
	}
	<-s.sem // it finishes
	resp = post()
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("with a free slot: status %d", resp.StatusCode)
	}
}

// TestChoiceLimitOverflow asks for n × prompts choices that wrap around in
// int arithmetic: each is refused with a 400 at once, and no generation
// slot is taken.
func TestChoiceLimitOverflow(t *testing.T) {
	s := New(map[string]*embedded.Model{"embedded": tinyModel(t)}, Options{Limits: Limits{MaxConcurrent: 1, QueueWait: 10 * time.Second, RequestTimeout: time.Minute}})
	srv := httptest.NewServer(s)
	defer srv.Close()
	tests := []struct{ name, body, want string }{
		{"wraps to 0 with two prompts", `{"model":"embedded","prompt":["a","b"],"n":9223372036854775807,"max_tokens":3}`, "over this server's limit of 16"},
		{"wraps with two prompts", `{"model":"embedded","prompt":["a","b"],"n":4611686018427387904,"max_tokens":3}`, "over this server's limit of 16"},
		{"wraps with four prompts", `{"model":"embedded","prompt":["a","b","c","d"],"n":4611686018427387905,"max_tokens":3}`, "over this server's limit of 16"},
		{"product over", `{"model":"embedded","prompt":["a","b","c"],"n":6,"max_tokens":3}`, "n 6 (times 3 prompts) is over this server's limit of 16 choices"},
		{"n over", `{"model":"embedded","prompt":"a","n":17,"max_tokens":3}`, "n 17 is over this server's limit of 16 choices"},
		{"prompts over", `{"model":"embedded","prompt":["a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","a"],"n":1}`, "17 prompts are over this server's limit of 16 choices"},
	}
	client := &http.Client{Timeout: 5 * time.Second}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := client.Post(srv.URL+"/v1/completions", "application/json", strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var body struct {
				Error struct{ Message, Param string }
			}
			json.NewDecoder(resp.Body).Decode(&body)
			if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body.Error.Message, tt.want) {
				t.Errorf("status %d, error %+v; want 400 saying %q", resp.StatusCode, body.Error, tt.want)
			}
		})
	}
}
