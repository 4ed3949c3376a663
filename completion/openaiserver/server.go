// Package openaiserver serves embedded models over HTTP with OpenAI's
// completions API (POST /v1/completions, GET /v1/models), errors
// included, so that any OpenAI client (the project's own, go-openai, an
// editor plugin) reaches them as it would vLLM. Limits protect the
// server: choices per request, tokens per choice, prompt size and
// concurrent requests.
package openaiserver

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"strings"
	"time"

	"securecomplete/completion/embedded"
)

// Limits bound what one request may ask and how many run at once.
type Limits struct {
	MaxN           int           // choices per request
	MaxTokens      int           // tokens per choice (the model's own tokens)
	MaxPromptBytes int           // bytes of all prompts of a request
	MaxStop        int           // stop sequences
	MaxConcurrent  int           // requests generating at once
	QueueWait      time.Duration // how long a request waits for a free slot before a 429
	RequestTimeout time.Duration // bound on one request's generation
}

// DefaultLimits returns the limits that suit a laptop serving an editor and a benchmark.
func DefaultLimits() Limits {
	return Limits{
		MaxN:           16,
		MaxTokens:      1024,
		MaxPromptBytes: 1 << 20,
		MaxStop:        4,
		MaxConcurrent:  4,
		QueueWait:      5 * time.Second,
		RequestTimeout: 60 * time.Second,
	}
}

// Server answers the completions API for a set of named models. It is an
// http.Handler.
type Server struct {
	models  map[string]*embedded.Model
	names   []string
	limits  Limits
	sem     chan struct{}
	log     *slog.Logger
	created int64
}

// Options configure a Server.
type Options struct {
	Limits Limits       // zero fields take DefaultLimits()'
	Logger *slog.Logger // nil discards
}

// New returns a server for the models, by the names clients will send.
func New(models map[string]*embedded.Model, opt Options) *Server {
	l := opt.Limits
	d := DefaultLimits()
	if l.MaxN == 0 {
		l.MaxN = d.MaxN
	}
	if l.MaxTokens == 0 {
		l.MaxTokens = d.MaxTokens
	}
	if l.MaxPromptBytes == 0 {
		l.MaxPromptBytes = d.MaxPromptBytes
	}
	if l.MaxStop == 0 {
		l.MaxStop = d.MaxStop
	}
	if l.MaxConcurrent == 0 {
		l.MaxConcurrent = d.MaxConcurrent
	}
	if l.RequestTimeout == 0 {
		l.RequestTimeout = d.RequestTimeout
	}
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{models: models, limits: l, sem: make(chan struct{}, l.MaxConcurrent), log: log, created: time.Now().Unix()}
	for name := range models {
		s.names = append(s.names, name)
	}
	slices.Sort(s.names)
	return s
}

// Limits returns the limits in force.
func (s *Server) Limits() Limits { return s.limits }

// apiError is OpenAI's error body.
type apiError struct {
	Message string  `json:"message"`
	Type    string  `json:"type"`
	Param   *string `json:"param"`
	Code    *string `json:"code"`
}

func strp(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func writeError(w http.ResponseWriter, status int, typ, param, code, format string, args ...any) {
	writeJSON(w, status, map[string]apiError{"error": {Message: fmt.Sprintf(format, args...), Type: typ, Param: strp(param), Code: strp(code)}})
}

// badRequest is a 400 naming the parameter at fault.
func badRequest(w http.ResponseWriter, param, format string, args ...any) {
	writeError(w, http.StatusBadRequest, "invalid_request_error", param, "", format, args...)
}

// ServeHTTP routes the API.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path := strings.TrimSuffix(r.URL.Path, "/")
	switch {
	case path == "/v1/completions":
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", "POST")
			writeError(w, http.StatusMethodNotAllowed, "invalid_request_error", "", "method_not_allowed", "%s /v1/completions: use POST", r.Method)
			return
		}
		s.completions(w, r)
	case path == "/v1/models":
		if r.Method != http.MethodGet {
			w.Header().Set("Allow", "GET")
			writeError(w, http.StatusMethodNotAllowed, "invalid_request_error", "", "method_not_allowed", "%s /v1/models: use GET", r.Method)
			return
		}
		s.listModels(w)
	case strings.HasPrefix(path, "/v1/models/") && r.Method == http.MethodGet:
		name := strings.TrimPrefix(path, "/v1/models/")
		if _, ok := s.models[name]; !ok {
			s.unknownModel(w, name)
			return
		}
		writeJSON(w, http.StatusOK, s.modelObject(name))
	case path == "/health" || path == "/v1/health":
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprintln(w, "ok")
	default:
		writeError(w, http.StatusNotFound, "invalid_request_error", "", "unknown_url", "Unknown request URL: %s %s. This server answers POST /v1/completions and GET /v1/models.", r.Method, r.URL.Path)
	}
}

type modelObject struct {
	ID      string `json:"id"`
	Object  string `json:"object"`
	Created int64  `json:"created"`
	OwnedBy string `json:"owned_by"`
}

func (s *Server) modelObject(name string) modelObject {
	return modelObject{ID: name, Object: "model", Created: s.created, OwnedBy: "securecomplete"}
}

func (s *Server) listModels(w http.ResponseWriter) {
	data := make([]modelObject, len(s.names))
	for i, n := range s.names {
		data[i] = s.modelObject(n)
	}
	writeJSON(w, http.StatusOK, map[string]any{"object": "list", "data": data})
}

func (s *Server) unknownModel(w http.ResponseWriter, name string) {
	writeError(w, http.StatusNotFound, "invalid_request_error", "model", "model_not_found", "The model `%s` does not exist. This server has: %s.", name, strings.Join(s.names, ", "))
}

// ListenAndServe serves h on addr until ctx ends, then shuts down
// gracefully: requests in flight get up to grace to finish. ready, when
// not nil, is called with the address listened on (useful with port 0).
func ListenAndServe(ctx context.Context, addr string, h http.Handler, grace time.Duration, log *slog.Logger, ready func(net.Addr)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", addr, err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       120 * time.Second,
		// No WriteTimeout: streams last as long as generation, which the
		// handler bounds itself (Limits.RequestTimeout).
		BaseContext: func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	if log != nil {
		srv.ErrorLog = slog.NewLogLogger(log.Handler(), slog.LevelWarn)
	}
	if ready != nil {
		ready(ln.Addr())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func newID() string {
	var b [12]byte
	rand.Read(b[:])
	return "cmpl-" + hex.EncodeToString(b[:])
}
