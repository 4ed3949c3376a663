// Package openaitest runs a real HTTP server on loopback that speaks the
// OpenAI completions API (POST /v1/completions, GET /v1/models) for tests.
// Each test scripts the answers and states what a correct request looks
// like; a wrong request fails the test. It stands in for vLLM, whose
// request and answer shapes it follows, including its error bodies.
package openaitest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// Request is a completions request as the server received it.
type Request struct {
	Model       string   `json:"model"`
	Prompt      string   `json:"prompt"`
	MaxTokens   int      `json:"max_tokens"`
	N           int      `json:"n"`
	Temperature float64  `json:"temperature"`
	TopP        float64  `json:"top_p"`
	Stop        []string `json:"stop"`
	Seed        *int     `json:"seed"`
	Stream      bool     `json:"stream"`
	Suffix      string   `json:"suffix"`
	Logprobs    *int     `json:"logprobs"`
	Echo        bool     `json:"echo"`

	// Auth is the Authorization header, "" when none was sent.
	Auth string `json:"-"`
}

// Reply is what the server answers to one request.
type Reply struct {
	Texts []string // one choice per text; fewer than n is allowed
	// Delay holds the answer back; a request whose client goes away
	// during the delay is recorded as aborted.
	Delay time.Duration
	// Status, when not 0 or 200, answers with an OpenAI-style error body.
	Status int
	// Raw, when set, is written as the body as is (garbage, say).
	Raw string
}

// Server is a scripted OpenAI-compatible completions server.
type Server struct {
	*httptest.Server
	// BaseURL is the server's URL with /v1, what a model's base_url holds.
	BaseURL string

	t       testing.TB
	mu      sync.Mutex
	handler func(Request) Reply
	check   func(Request) error
	reqs    []Request
	aborted int
	started chan Request
}

// New starts a server answering each request with handler. It is closed
// when the test ends.
func New(t testing.TB, handler func(Request) Reply) *Server {
	t.Helper()
	s := &Server{t: t, handler: handler, started: make(chan Request, 1024)}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/completions", s.completions)
	mux.HandleFunc("GET /v1/models", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]any{"object": "list", "data": []any{map[string]any{"id": "test-model", "object": "model", "owned_by": "openaitest"}}})
	})
	s.Server = httptest.NewServer(mux)
	s.BaseURL = s.Server.URL + "/v1"
	t.Cleanup(s.Server.Close)
	return s
}

// Check sets a validation every request must pass; a request failing it
// fails the test and gets a 400.
func (s *Server) Check(f func(Request) error) {
	s.mu.Lock()
	s.check = f
	s.mu.Unlock()
}

// Requests returns the requests received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.reqs...)
}

// Aborted returns how many requests were abandoned by their client
// before the answer was written.
func (s *Server) Aborted() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.aborted
}

// Started delivers each request as it arrives, before its answer.
func (s *Server) Started() <-chan Request { return s.started }

func (s *Server) completions(w http.ResponseWriter, r *http.Request) {
	var req Request
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		s.t.Errorf("openaitest: request body is not a completions request: %v", err)
		writeError(w, http.StatusBadRequest, "invalid request body: "+err.Error())
		return
	}
	req.Auth = r.Header.Get("Authorization")
	s.mu.Lock()
	s.reqs = append(s.reqs, req)
	check, handler := s.check, s.handler
	s.mu.Unlock()
	select {
	case s.started <- req:
	default:
	}
	if err := basicCheck(req); err != nil {
		s.t.Errorf("openaitest: bad request: %v", err)
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if check != nil {
		if err := check(req); err != nil {
			s.t.Errorf("openaitest: request fails the test's check: %v", err)
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
	}
	rep := handler(req)
	if rep.Delay > 0 {
		select {
		case <-time.After(rep.Delay):
		case <-r.Context().Done():
			s.mu.Lock()
			s.aborted++
			s.mu.Unlock()
			return
		}
	}
	switch {
	case rep.Raw != "":
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		fmt.Fprint(w, rep.Raw)
	case rep.Status != 0 && rep.Status != http.StatusOK:
		writeError(w, rep.Status, http.StatusText(rep.Status))
	default:
		choices := make([]map[string]any, len(rep.Texts))
		for i, t := range rep.Texts {
			choices[i] = map[string]any{"text": t, "index": i, "finish_reason": "stop", "logprobs": nil}
		}
		writeJSON(w, http.StatusOK, map[string]any{
			"id": "cmpl-test", "object": "text_completion", "created": time.Now().Unix(),
			"model": req.Model, "choices": choices,
			"usage": map[string]int{"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
		})
	}
}

// basicCheck enforces what every OpenAI-compatible server enforces.
func basicCheck(r Request) error {
	switch {
	case r.Model == "":
		return fmt.Errorf("model is empty")
	case r.MaxTokens < 1:
		return fmt.Errorf("max_tokens %d < 1", r.MaxTokens)
	case r.N < 0:
		return fmt.Errorf("n %d < 0", r.N)
	case r.Stream:
		return fmt.Errorf("stream requested by a client that should not stream")
	case r.Suffix != "":
		return fmt.Errorf("suffix sent: vLLM refuses it for GPT-J")
	}
	return nil
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]any{"error": map[string]any{"message": msg, "type": "invalid_request_error", "code": status}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	_ = json.NewEncoder(&buf).Encode(v)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}
