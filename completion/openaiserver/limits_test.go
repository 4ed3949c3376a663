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
