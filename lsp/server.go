package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"securecomplete/analysis/rules"
	"securecomplete/completion"
)

// Options configure a Server.
type Options struct {
	// ConfigPath is the --config file. It wins over securecomplete.toml
	// in the workspace root and over the user's configuration directory.
	ConfigPath string
	// Logger receives the server's log; nil discards it.
	Logger *slog.Logger
	// Accepts records the candidates users accept; nil keeps them in
	// memory (MemoryAccepts).
	Accepts AcceptRecorder
	// MessageQuiet is how long a failing model must stay quiet (no
	// failed request) before its next failure is shown to the user
	// again although it never recovered. Zero means 2 minutes.
	MessageQuiet time.Duration
	// Version is reported to the client in serverInfo.
	Version string
	// PrepareDefaultModel makes the default embedded model
	// ("embedded:default") ready, training it when it is missing or
	// stale, with its progress as lines on progress, and returns its
	// file. The command that starts the server passes training's step;
	// nil means a configuration that uses the default model gets no
	// completions until the model has been trained some other way.
	PrepareDefaultModel func(ctx context.Context, progress io.Writer) (string, error)
	// MaxModelCalls bounds the model calls running at once, and
	// MaxQueuedModelCalls those waiting for one (see limit.go). Zero
	// means DefaultMaxModelCalls and DefaultMaxQueuedModelCalls.
	MaxModelCalls, MaxQueuedModelCalls int
	// Clock is the time A/B mode reads (event times, the outcome
	// timeout, the persistence horizons); nil is the real clock.
	Clock Clock
}

// Server is securecomplete's language server. Make one with New and run
// it with Serve, once.
//
// Concurrency: jsonrpc2 reads messages on one goroutine and hands each to
// the server in order. Notifications (edits, configuration, cancellation)
// are handled right there, in order. A request is prepared there too
// (its parameters decoded, the document snapshot taken, a superseded
// completion cancelled), then completions, inline completions and
// commands run in their own goroutine, so a slow model never holds up an
// edit or another request. Every request gets exactly one reply, written
// whatever became of its context.
type Server struct {
	opts    Options
	log     *slog.Logger
	st      *state
	health  *modelHealth
	limit   *modelLimit // bounds the model calls (limit.go)
	offers  *offerLog
	typed   typedThrough // typed_through.go
	accepts AcceptRecorder
	tokens  func() (*completion.TokenCounter, error)
	rules   *rules.Checker // screens candidates before they are shown
	loop    *loop          // re-checks accepted code (checks.go)
	ab      *abMode        // A/B mode (ab.go)

	requests      map[string]requestMethod
	notifications map[string]notificationMethod

	progressSeq atomic.Uint64 // numbers work-done progress tokens
	// initializedCh is closed when the client says initialized: the
	// server sends no request before that.
	initializedCh   chan struct{}
	initializedOnce sync.Once

	conn     jsonrpc2.Conn
	base     context.Context // the connection's context
	exitOnce sync.Once
	exited   chan int

	jobsMu   sync.Mutex // orders stopping against jobs.Add
	stopping bool       // Serve is returning: no new work
	jobs     sync.WaitGroup
}

// job computes a request's answer off the read loop.
type job func(ctx context.Context) (any, error)

// requestMethod is how the server answers one request method.
type requestMethod struct {
	// prepare runs on the read loop, in order with the notifications. It
	// decodes the parameters and takes the snapshot the answer is
	// computed from, and returns the job that computes it.
	prepare func(s *Server, c *call, params json.RawMessage) (job, error)
	// async runs the job in its own goroutine, else on the read loop.
	async bool
	// superseded is the answer to a request that a newer one on the same
	// document replaced (nil: a RequestCancelled error).
	superseded func() any
}

// notificationMethod handles one notification on the read loop.
type notificationMethod func(s *Server, params json.RawMessage) error

// New returns a server; nothing runs until Serve.
func New(opts Options) *Server {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if opts.MessageQuiet == 0 {
		opts.MessageQuiet = 2 * time.Minute
	}
	var ab *abMode
	log = slog.New(blindHandler{inner: log.Handler(), ab: func() *abMode { return ab }}) // ab_blind.go
	accepts := opts.Accepts
	if accepts == nil {
		accepts = &MemoryAccepts{}
	}
	s := &Server{
		opts:    opts,
		log:     log,
		st:      newState(),
		health:  newModelHealth(opts.MessageQuiet, time.Now),
		offers:  newOfferLog(maxOffers),
		accepts: accepts,
		tokens:  sync.OnceValues(completion.NewTokenCounter),
		rules:   rules.New(rules.WithParseTimeout(time.Second)),
		exited:  make(chan int, 1),

		initializedCh: make(chan struct{}),
		limit:         newModelLimit(opts.MaxModelCalls, opts.MaxQueuedModelCalls),
	}
	s.loop = newLoop(s)
	ab = newABMode(s, opts.Clock)
	s.ab = ab
	s.requests = map[string]requestMethod{
		protocol.MethodInitialize:              {prepare: (*Server).initialize},
		protocol.MethodShutdown:                {prepare: (*Server).shutdown},
		protocol.MethodTextDocumentCompletion:  {prepare: (*Server).completion, async: true, superseded: emptyCompletionList},
		MethodInlineCompletion:                 {prepare: (*Server).inlineCompletion, async: true, superseded: emptyInlineList},
		protocol.MethodWorkspaceExecuteCommand: {prepare: (*Server).executeCommand, async: true},
		MethodTextDocumentDiagnostic:           {prepare: (*Server).documentDiagnostic},
		protocol.MethodTextDocumentCodeAction:  {prepare: (*Server).codeAction},
		MethodCodeActionResolve:                {prepare: (*Server).codeActionResolve, async: true},
	}
	s.notifications = map[string]notificationMethod{
		protocol.MethodInitialized:                        (*Server).initialized,
		protocol.MethodExit:                               (*Server).exit,
		MethodCancelRequest:                               (*Server).cancelRequest,
		protocol.MethodTextDocumentDidOpen:                (*Server).didOpen,
		protocol.MethodTextDocumentDidChange:              (*Server).didChange,
		protocol.MethodTextDocumentDidClose:               (*Server).didClose,
		protocol.MethodTextDocumentDidSave:                (*Server).didSave,
		protocol.MethodWorkspaceDidChangeConfiguration:    (*Server).didChangeConfiguration,
		protocol.MethodWorkspaceDidChangeWorkspaceFolders: nil, // the first folder's configuration stays
		MethodWorkDoneProgressCancel:                      (*Server).workDoneProgressCancel,
	}
	s.registerAB()
	return s
}

// Serve answers the client on rwc until it sends exit, closes the
// connection, or ctx ends. It returns the process exit status the
// protocol asks for: 0 after shutdown and exit, 1 otherwise.
func (s *Server) Serve(ctx context.Context, rwc io.ReadWriteCloser) (int, error) {
	if s.conn != nil {
		return 1, errors.New("lsp: Serve called twice on one server")
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.base = ctx
	s.conn = jsonrpc2.NewConn(newStream(rwc, s.log))
	s.conn.Go(ctx, s.handle)

	var code int
	select {
	case code = <-s.exited:
	case <-s.conn.Done():
		code = 1
		if s.st.getPhase() == phaseShutdown {
			code = 0
		}
		if err := s.conn.Err(); err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) && !errors.Is(err, os.ErrClosed) {
			s.log.Error("connection failed", "err", err)
		} else {
			s.log.Info("the client closed the connection", "exit_status", code)
		}
	case <-ctx.Done():
		code = 1
		s.log.Info("stopping", "cause", context.Cause(ctx))
	}
	s.jobsMu.Lock()
	s.stopping = true
	s.jobsMu.Unlock()
	s.st.cancelAll(errShutdown)
	s.waitJobs(2 * time.Second)
	s.ab.close()
	_ = s.conn.Close()
	return code, nil
}

// waitJobs waits for the running requests to reply, at most d.
func (s *Server) waitJobs(d time.Duration) {
	done := make(chan struct{})
	go func() { s.jobs.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(d):
		s.log.Warn("requests still running at exit", "waited", d)
	}
}

// handle is the jsonrpc2 handler, called on the read loop for every
// message in order. It never returns an error: jsonrpc2 would close the
// connection.
func (s *Server) handle(_ context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	if c, ok := req.(*jsonrpc2.Call); ok {
		s.request(c, reply)
		return nil
	}
	s.notification(req)
	return nil
}

func (s *Server) notification(req jsonrpc2.Request) {
	method := req.Method()
	h, known := s.notifications[method]
	switch {
	case !known:
		if !strings.HasPrefix(method, "$/") {
			s.log.Debug("ignoring a notification the server does not handle", "method", method)
		}
		return
	case h == nil:
		return
	case method != protocol.MethodExit && s.st.getPhase() == phaseNew:
		s.log.Warn("ignoring a notification sent before initialize", "method", method)
		return
	}
	_, err := s.safely(method, func() (any, error) { return nil, h(s, req.Params()) })
	if err != nil {
		s.log.Warn("notification failed", "method", method, "err", err)
	}
}

func (s *Server) request(req *jsonrpc2.Call, reply jsonrpc2.Replier) {
	method := req.Method()
	m, known := s.requests[method]
	var refuse error
	switch ph := s.st.getPhase(); {
	case !known:
		refuse = notSupported(method)
	case ph == phaseNew && method != protocol.MethodInitialize:
		refuse = jsonrpc2.NewError(jsonrpc2.ServerNotInitialized, "the server is not initialized: send initialize first")
	case ph != phaseNew && method == protocol.MethodInitialize:
		refuse = jsonrpc2.NewError(jsonrpc2.InvalidRequest, "initialize was already received")
	case ph == phaseShutdown:
		refuse = jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the server is shutting down: only exit is accepted")
	}
	if refuse != nil {
		s.send(reply, method, req.ID(), nil, refuse)
		return
	}

	c := s.st.begin(s.base, req.ID(), method)
	var j job
	_, err := s.safely(method, func() (any, error) {
		var err error
		j, err = m.prepare(s, c, req.Params())
		return nil, err
	})
	if err != nil {
		s.finish(c, m, reply, nil, err)
		return
	}
	if !m.async {
		res, err := s.safely(method, func() (any, error) { return j(c.ctx) })
		s.finish(c, m, reply, res, err)
		return
	}
	s.jobsMu.Lock()
	stopping := s.stopping
	if !stopping {
		s.jobs.Add(1)
	}
	s.jobsMu.Unlock()
	if stopping {
		s.finish(c, m, reply, nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the server is stopping"))
		return
	}
	go func() {
		defer s.jobs.Done()
		res, err := s.safely(method, func() (any, error) { return j(c.ctx) })
		s.finish(c, m, reply, res, err)
	}()
}

// finish replies to a request: a failure caused by cancellation becomes
// the protocol's RequestCancelled error, or an empty answer when a newer
// request on the same document superseded it.
func (s *Server) finish(c *call, m requestMethod, reply jsonrpc2.Replier, res any, err error) {
	if err != nil && c.ctx.Err() != nil {
		cause := context.Cause(c.ctx)
		if (errors.Is(cause, errSuperseded) || errors.Is(cause, errClosed)) && m.superseded != nil {
			res, err = m.superseded(), nil
			s.log.Debug("request superseded", "method", c.method, "id", fmt.Sprint(c.id), "cause", cause)
		} else {
			err = jsonrpc2.NewError(CodeRequestCancelled, "request cancelled: "+cause.Error())
			s.log.Debug("request cancelled", "method", c.method, "id", fmt.Sprint(c.id), "cause", cause)
		}
	}
	s.st.end(c)
	s.send(reply, c.method, c.id, res, err)
}

// send writes the reply on a context no cancellation can reach: a reply
// is never dropped.
func (s *Server) send(reply jsonrpc2.Replier, method string, id jsonrpc2.ID, res any, err error) {
	if werr := reply(context.Background(), res, wireError(method, err)); werr != nil {
		s.log.Error("send reply", "method", method, "id", fmt.Sprint(id), "err", werr)
	}
}

// wireError gives every error a JSON-RPC code and names the method.
func wireError(method string, err error) error {
	if err == nil {
		return nil
	}
	var je *jsonrpc2.Error
	if errors.As(err, &je) {
		return &jsonrpc2.Error{Code: je.Code, Message: method + ": " + je.Message, Data: je.Data}
	}
	return &jsonrpc2.Error{Code: CodeRequestFailed, Message: method + ": " + err.Error()}
}

// safely runs f, turning a panic into an InternalError and a log entry
// with the stack.
func (s *Server) safely(method string, f func() (any, error)) (res any, err error) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("panic in a handler", "method", method, "panic", r, "stack", string(debug.Stack()))
			res, err = nil, jsonrpc2.Errorf(jsonrpc2.InternalError, "internal error: %v (the server log has the stack)", r)
		}
	}()
	return f()
}

// notify sends a notification to the client.
func (s *Server) notify(method string, params any) {
	if err := s.conn.Notify(context.Background(), method, params); err != nil {
		s.log.Error("send notification", "method", method, "err", err)
	}
}

// invalidParams is the error for parameters that cannot be used.
func invalidParams(format string, args ...any) error {
	return jsonrpc2.Errorf(jsonrpc2.InvalidParams, format, args...)
}

// decodeParams decodes a request's parameters into v, checking that the
// required top-level fields are there.
func decodeParams(raw json.RawMessage, v any, required ...string) error {
	if len(raw) == 0 || string(raw) == "null" {
		return invalidParams("params are missing")
	}
	if err := json.Unmarshal(raw, v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			return invalidParams("params.%s: want %s, got JSON %s", te.Field, te.Type, te.Value)
		}
		return invalidParams("params: %v", err)
	}
	if len(required) > 0 {
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(raw, &fields); err != nil {
			return invalidParams("params: not a JSON object")
		}
		for _, f := range required {
			if v, ok := fields[f]; !ok || string(v) == "null" {
				return invalidParams("params.%s is missing", f)
			}
		}
	}
	return nil
}

// Lifecycle.

func (s *Server) initialize(_ *call, raw json.RawMessage) (job, error) {
	var p InitializeParams
	if err := decodeParams(raw, &p); err != nil {
		return nil, err
	}
	root, err := workspaceRoot(p)
	if err != nil {
		s.log.Warn("no usable workspace root", "err", err)
	}
	return func(context.Context) (any, error) {
		s.st.initialize(root, p.InitializationOptions, p.Capabilities)
		client := "unknown"
		if p.ClientInfo != nil {
			client = strings.TrimSpace(p.ClientInfo.Name + " " + p.ClientInfo.Version)
		}
		s.log.Info("initialize", "client", client, "root", root)
		switch err := s.reload(nil, false); {
		case errors.Is(err, errModelPreparing):
			s.log.Info("configuration", "status", err)
		case err != nil:
			s.log.Error("configuration", "err", err)
		}
		return s.initializeResult(), nil
	}, nil
}

func (s *Server) initializeResult() InitializeResult {
	var caps ServerCapabilities
	caps.TextDocumentSync = &protocol.TextDocumentSyncOptions{
		OpenClose: true,
		Change:    protocol.TextDocumentSyncKindIncremental,
		// Editors send didSave only to a server that asks for it: the
		// whole-file check of [analysis] on_save runs on it.
		Save: &protocol.SaveOptions{},
	}
	caps.CompletionProvider = &protocol.CompletionOptions{}
	caps.ExecuteCommandProvider = &protocol.ExecuteCommandOptions{Commands: []string{CommandAccept, CommandSelectModel, CommandAnalyzeFile, CommandStatus, CommandToggleAB, CommandABReport}}
	caps.InlineCompletionProvider = &InlineCompletionOptions{}
	caps.CodeActionProvider = &protocol.CodeActionOptions{CodeActionKinds: []protocol.CodeActionKind{protocol.QuickFix}, ResolveProvider: true}
	caps.DiagnosticProvider = &DiagnosticOptions{Identifier: "securecomplete"}
	return InitializeResult{
		Capabilities: caps,
		ServerInfo:   &protocol.ServerInfo{Name: "securecomplete", Version: s.opts.Version},
	}
}

// workspaceRoot is the folder whose securecomplete.toml is read: the first
// workspace folder, else rootUri, else the deprecated rootPath.
func workspaceRoot(p InitializeParams) (string, error) {
	switch {
	case len(p.WorkspaceFolders) > 0:
		return fileURIPath(p.WorkspaceFolders[0].URI)
	case p.RootURI != "":
		return fileURIPath(string(p.RootURI))
	default:
		return p.RootPath, nil
	}
}

func (s *Server) initialized(json.RawMessage) error {
	s.initializedOnce.Do(func() { close(s.initializedCh) })
	if _, err := s.st.engineNow(); err != nil && !errors.Is(err, errModelPreparing) {
		s.showMessage(protocol.MessageTypeError, fmt.Sprintf("securecomplete: no completions until the configuration is fixed: %v", err))
	}
	return nil
}

func (s *Server) shutdown(*call, json.RawMessage) (job, error) {
	return func(context.Context) (any, error) {
		s.st.setPhase(phaseShutdown)
		s.st.cancelAll(errShutdown)
		s.log.Info("shutdown")
		return nil, nil
	}, nil
}

func (s *Server) exit(json.RawMessage) error {
	code := 1
	if s.st.getPhase() == phaseShutdown {
		code = 0
	}
	s.log.Info("exit", "exit_status", code)
	s.exitOnce.Do(func() { s.exited <- code })
	return nil
}
