package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf16"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"securecomplete/internal/openaitest"
)

// The in-memory harness: the server on one end of a net.Pipe, a JSON-RPC
// client on the other (jsonrpc2's own framing and message types, with
// ids the test chooses, so that it can cancel by id), and a recorder of
// what the server sends on its own (window/showMessage).

// replyTimeout bounds every wait for a reply: a reply that does not come
// fails the test instead of hanging it.
const replyTimeout = 10 * time.Second

// client is the editor's end of the connection.
type client struct {
	t      testing.TB
	conn   net.Conn
	stream jsonrpc2.Stream
	wmu    sync.Mutex

	mu      sync.Mutex
	pending map[jsonrpc2.ID]chan *jsonrpc2.Response
	seq     atomic.Int32
	notes   recorder
	done    chan struct{}
	// nullReplies receives the errors the server answered with a null id.
	nullReplies chan *jsonrpc2.Error
	// wire holds every message body the server sent, as sent.
	wireMu sync.Mutex
	wire   [][]byte
}

func newClient(t testing.TB, conn net.Conn) *client {
	c := &client{t: t, conn: conn, stream: jsonrpc2.NewStream(conn), pending: map[jsonrpc2.ID]chan *jsonrpc2.Response{}, done: make(chan struct{}), nullReplies: make(chan *jsonrpc2.Error, 8)}
	c.notes.changed = make(chan struct{})
	go c.read()
	return c
}

func (c *client) read() {
	defer close(c.done)
	in := bufio.NewReader(c.conn)
	for {
		body, err := readFrame(in)
		if err != nil {
			return
		}
		c.wireMu.Lock()
		c.wire = append(c.wire, body)
		c.wireMu.Unlock()
		msg, err := jsonrpc2.DecodeMessage(body)
		if err != nil {
			// jsonrpc2 cannot decode a reply with a null id (the answer
			// to a message whose id could not be read).
			var r struct {
				ID    json.RawMessage `json:"id"`
				Error *jsonrpc2.Error `json:"error"`
			}
			if json.Unmarshal(body, &r) != nil || string(r.ID) != "null" || r.Error == nil {
				c.t.Errorf("the server sent a message that is not JSON-RPC: %s", body)
				continue
			}
			c.nullReplies <- r.Error
			continue
		}
		switch m := msg.(type) {
		case *jsonrpc2.Response:
			// JSON-RPC 2.0: a response holds exactly one of result and
			// error (a null result included).
			var fields map[string]json.RawMessage
			if err := json.Unmarshal(body, &fields); err != nil {
				c.t.Errorf("reply %s: %v", body, err)
			}
			if _, hasResult := fields["result"]; hasResult == (fields["error"] != nil) {
				c.t.Errorf("reply %s holds both or neither of result and error", body)
			}
			c.mu.Lock()
			ch := c.pending[m.ID()]
			delete(c.pending, m.ID())
			c.mu.Unlock()
			if ch == nil {
				c.t.Errorf("a reply to id %v, which is not pending (a second reply?)", m.ID())
				continue
			}
			ch <- m
		case *jsonrpc2.Notification:
			c.notes.add(note{Method: m.Method(), Params: append(json.RawMessage(nil), m.Params()...)})
		case *jsonrpc2.Call:
			// Requests from the server (window/workDoneProgress/create)
			// are recorded with the notifications and answered with null.
			c.notes.add(note{Method: m.Method(), Params: append(json.RawMessage(nil), m.Params()...)})
			reply, err := jsonrpc2.NewResponse(m.ID(), nil, nil)
			if err != nil {
				c.t.Errorf("reply to %s: %v", m.Method(), err)
				continue
			}
			c.write(reply)
		}
	}
}

// readFrame reads one Content-Length framed body.
func readFrame(in *bufio.Reader) ([]byte, error) {
	length := -1
	for {
		line, err := in.ReadString('\n')
		if err != nil {
			return nil, err
		}
		line = strings.TrimSpace(line)
		if line == "" {
			break
		}
		if v, ok := strings.CutPrefix(line, "Content-Length:"); ok {
			if length, err = strconv.Atoi(strings.TrimSpace(v)); err != nil {
				return nil, err
			}
		}
	}
	if length < 0 {
		return nil, errors.New("no Content-Length")
	}
	body := make([]byte, length)
	_, err := io.ReadFull(in, body)
	return body, err
}

func (c *client) write(msg jsonrpc2.Message) {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if _, err := c.stream.Write(context.Background(), msg); err != nil {
		c.t.Errorf("write %T: %v", msg, err)
	}
}

// writeRaw sends a framed body as is (for malformed messages).
func (c *client) writeRaw(body string) {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if _, err := fmt.Fprintf(c.conn, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		c.t.Errorf("write raw: %v", err)
	}
}

// start sends a request with the given id and returns where its reply
// will arrive.
func (c *client) start(id jsonrpc2.ID, method string, params any) <-chan *jsonrpc2.Response {
	ch := make(chan *jsonrpc2.Response, 1)
	c.mu.Lock()
	c.pending[id] = ch
	c.mu.Unlock()
	call, err := jsonrpc2.NewCall(id, method, params)
	if err != nil {
		c.t.Fatalf("new call %s: %v", method, err)
	}
	c.write(call)
	return ch
}

// nextID returns a fresh numeric id, as Neovim and VS Code use.
func (c *client) nextID() jsonrpc2.ID { return jsonrpc2.NewNumberID(c.seq.Add(1)) }

func (c *client) notify(method string, params any) {
	n, err := jsonrpc2.NewNotification(method, params)
	if err != nil {
		c.t.Fatalf("new notification %s: %v", method, err)
	}
	c.write(n)
}

// wait returns the reply on ch, failing the test when none comes.
func wait(t testing.TB, what string, ch <-chan *jsonrpc2.Response) *jsonrpc2.Response {
	t.Helper()
	select {
	case r := <-ch:
		return r
	case <-time.After(replyTimeout):
		t.Fatalf("no reply to %s within %s: the reply was lost or the server hangs", what, replyTimeout)
		return nil
	}
}

// decode reads a reply's result into v, or returns its error.
func decode(r *jsonrpc2.Response, v any) error {
	if err := r.Err(); err != nil {
		return err
	}
	if v == nil {
		return nil
	}
	res := r.Result()
	if len(res) == 0 {
		res = json.RawMessage("null") // jsonrpc2 reads a null result as none
	}
	if err := json.Unmarshal(res, v); err != nil {
		return fmt.Errorf("result %s: %w", res, err)
	}
	return nil
}

// note is a notification the server sent.
type note struct {
	Method string
	Params json.RawMessage
}

// message returns a window/showMessage note's parameters.
func (n note) message() (protocol.ShowMessageParams, bool) {
	var p protocol.ShowMessageParams
	if n.Method != protocol.MethodWindowShowMessage {
		return p, false
	}
	return p, json.Unmarshal(n.Params, &p) == nil
}

// recorder keeps the notifications the server sent.
type recorder struct {
	mu      sync.Mutex
	notes   []note
	changed chan struct{} // closed and replaced on every new note
}

func (r *recorder) add(n note) {
	r.mu.Lock()
	r.notes = append(r.notes, n)
	close(r.changed)
	r.changed = make(chan struct{})
	r.mu.Unlock()
}

// all returns the notes so far.
func (r *recorder) all() []note {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]note(nil), r.notes...)
}

// waitFor returns the first note that satisfies pred, waiting up to
// timeout for it.
func (r *recorder) waitFor(t testing.TB, what string, pred func(note) bool, timeout time.Duration) note {
	t.Helper()
	deadline := time.After(timeout)
	for {
		r.mu.Lock()
		for _, n := range r.notes {
			if pred(n) {
				r.mu.Unlock()
				return n
			}
		}
		changed := r.changed
		r.mu.Unlock()
		select {
		case <-changed:
		case <-deadline:
			t.Fatalf("no %s within %s; the server sent %v", what, timeout, r.all())
		}
	}
}

// messages returns the window/showMessage notes.
func (r *recorder) messages() []protocol.ShowMessageParams {
	var out []protocol.ShowMessageParams
	for _, n := range r.all() {
		if m, ok := n.message(); ok {
			out = append(out, m)
		}
	}
	return out
}

// logBuffer collects the server's log; a failing test prints it.
type logBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// harness is a running server with a client, a workspace folder and a
// scripted model.
type harness struct {
	t       testing.TB
	c       *client
	srv     *Server
	log     *logBuffer
	root    string
	model   *openaitest.Server
	accepts *MemoryAccepts
	exit    chan serveResult
	docs    int
	caps    map[string]any
}

type serveResult struct {
	code int
	err  error
}

// setup is what a test changes in the harness.
type setup struct {
	model   func(openaitest.Request) openaitest.Reply // nil: answers "MODEL_TEXT();"
	toml    string                                    // workspace securecomplete.toml; "" the default, "-" none
	options Options                                   // ConfigPath, MessageQuiet...
	// capabilities are the client capabilities sent at initialize.
	capabilities map[string]any
}

// modelTOML is the default configuration; %s is the model's base URL.
const modelTOML = `
[[models]]
name = "gptj-ft"
base_url = "%s"
model = "gptj-secure"
context_window = 2048
max_tokens = 64
temperature = 0.4
n = 2
stop = ["\n\n\n"]
timeout = "5s"
`

// answer replies with fixed texts.
func answer(texts ...string) func(openaitest.Request) openaitest.Reply {
	return func(openaitest.Request) openaitest.Reply { return openaitest.Reply{Texts: texts} }
}

func newHarness(t testing.TB, su setup) *harness {
	t.Helper()
	if su.model == nil {
		su.model = answer("MODEL_TEXT();")
	}
	h := &harness{t: t, log: &logBuffer{}, root: t.TempDir(), accepts: &MemoryAccepts{}, exit: make(chan serveResult, 1), caps: su.capabilities}
	if h.caps == nil {
		h.caps = map[string]any{}
	}
	h.model = openaitest.New(t, su.model)
	switch su.toml {
	case "":
		h.writeConfig(fmt.Sprintf(modelTOML, h.model.BaseURL))
	case "-":
	default:
		h.writeConfig(su.toml)
	}
	opts := su.options
	opts.Logger = slog.New(slog.NewTextHandler(h.log, &slog.HandlerOptions{Level: slog.LevelDebug}))
	opts.Accepts = h.accepts
	h.srv = New(opts)
	a, b := net.Pipe()
	go func() {
		code, err := h.srv.Serve(context.Background(), a)
		h.exit <- serveResult{code, err}
	}()
	h.c = newClient(t, b)
	t.Cleanup(func() {
		_ = b.Close()
		select {
		case <-h.exit:
		case <-time.After(replyTimeout):
			t.Errorf("the server did not stop within %s of the connection closing", replyTimeout)
		}
		if t.Failed() {
			t.Logf("server log:\n%s", h.log.String())
		}
	})
	return h
}

func (h *harness) writeConfig(toml string) {
	h.t.Helper()
	if err := os.WriteFile(filepath.Join(h.root, "securecomplete.toml"), []byte(toml), 0o644); err != nil {
		h.t.Fatal(err)
	}
}

// call sends a request and decodes its result, or returns its error.
func (h *harness) call(method string, params, result any) error {
	h.t.Helper()
	return decode(wait(h.t, method, h.c.start(h.c.nextID(), method, params)), result)
}

// mustCall is call that fails the test on an error reply.
func (h *harness) mustCall(method string, params, result any) {
	h.t.Helper()
	if err := h.call(method, params, result); err != nil {
		h.t.Fatalf("%s: %v", method, err)
	}
}

// initialize runs initialize and initialized with the workspace root.
func (h *harness) initialize(initOptions any) InitializeResult {
	h.t.Helper()
	uri := fileURI(h.root)
	params := map[string]any{
		"processId":        nil,
		"rootUri":          uri,
		"capabilities":     h.caps,
		"workspaceFolders": []map[string]any{{"uri": uri, "name": "ws"}},
		"clientInfo":       map[string]any{"name": "harness"},
	}
	if initOptions != nil {
		params["initializationOptions"] = initOptions
	}
	var res InitializeResult
	h.mustCall(protocol.MethodInitialize, params, &res)
	h.c.notify(protocol.MethodInitialized, map[string]any{})
	return res
}

func fileURI(path string) string { return "file://" + filepath.ToSlash(path) }

// cursor marks the cursor in test documents.
const cursor = "‸"

// doc is an open document with the cursor where its text held the marker.
type doc struct {
	h       *harness
	uri     protocol.DocumentURI
	text    string // without the marker
	off     int    // byte offset of the cursor
	version int32
}

// open opens a document whose text holds the cursor marker (or none:
// the cursor is at the end).
func (h *harness) open(name, marked string) *doc {
	h.t.Helper()
	off := strings.Index(marked, cursor)
	text := strings.Replace(marked, cursor, "", 1)
	if off < 0 {
		off = len(text)
	}
	h.docs++
	d := &doc{h: h, uri: protocol.DocumentURI(fileURI(filepath.Join(h.root, name))), text: text, off: off, version: 1}
	lang := "c"
	if strings.HasSuffix(name, ".cpp") {
		lang = "cpp"
	}
	h.c.notify(protocol.MethodTextDocumentDidOpen, map[string]any{
		"textDocument": map[string]any{"uri": d.uri, "languageId": lang, "version": 1, "text": text},
	})
	return d
}

// pos is the cursor's wire position, computed here independently of the
// server's mapper.
func (d *doc) pos() protocol.Position { return utf16Pos(d.text, d.off) }

func (d *doc) params() map[string]any {
	return map[string]any{"textDocument": map[string]any{"uri": d.uri}, "position": d.pos()}
}

// complete asks for completion at the cursor.
func (d *doc) complete() (*protocol.CompletionList, error) {
	d.h.t.Helper()
	var list protocol.CompletionList
	err := d.h.call(protocol.MethodTextDocumentCompletion, d.params(), &list)
	return &list, err
}

// startComplete sends a completion request with id and does not wait.
func (d *doc) startComplete(id jsonrpc2.ID) <-chan *jsonrpc2.Response {
	return d.h.c.start(id, protocol.MethodTextDocumentCompletion, d.params())
}

// edit sends an incremental change replacing [start, end) (byte offsets
// of the test's own copy of the text) with s, and moves the cursor to the
// end of the insertion.
func (d *doc) edit(start, end int, s string) {
	d.h.t.Helper()
	rng := protocol.Range{Start: utf16Pos(d.text, start), End: utf16Pos(d.text, end)}
	d.version++
	d.h.c.notify(protocol.MethodTextDocumentDidChange, map[string]any{
		"textDocument":   map[string]any{"uri": d.uri, "version": d.version},
		"contentChanges": []map[string]any{{"range": rng, "text": s}},
	})
	d.text = d.text[:start] + s + d.text[end:]
	d.off = start + len(s)
}

// typeText types s at the cursor, one character per change.
func (d *doc) typeText(s string) {
	for _, r := range s {
		d.edit(d.off, d.off, string(r))
	}
}

// utf16Pos converts a byte offset to an LSP position by brute force.
func utf16Pos(text string, off int) protocol.Position {
	before := text[:off]
	line := strings.Count(before, "\n")
	col := before[strings.LastIndexByte(before, '\n')+1:]
	return protocol.Position{Line: uint32(line), Character: uint32(len(utf16.Encode([]rune(col))))}
}

// byteOffset converts an LSP position to a byte offset by brute force
// (no clamping: the server's positions must be exact).
func byteOffset(t testing.TB, text string, p protocol.Position) int {
	t.Helper()
	lines := strings.SplitAfter(text, "\n")
	if int(p.Line) >= len(lines) {
		t.Fatalf("position %v: the text has %d lines", p, len(lines))
	}
	off := 0
	for _, l := range lines[:p.Line] {
		off += len(l)
	}
	units := 0
	for i, r := range lines[p.Line] {
		if units == int(p.Character) {
			return off + i
		}
		units += len(utf16.Encode([]rune{r}))
	}
	if units == int(p.Character) {
		return off + len(strings.TrimSuffix(lines[p.Line], "\n"))
	}
	t.Fatalf("position %v is not at a character boundary of line %q", p, lines[p.Line])
	return 0
}

// applyEdit applies a text edit to text.
func applyEdit(t testing.TB, text string, e protocol.TextEdit) string {
	t.Helper()
	start, end := byteOffset(t, text, e.Range.Start), byteOffset(t, text, e.Range.End)
	return text[:start] + e.NewText + text[end:]
}

// errCode returns the JSON-RPC code of an error reply.
func errCode(err error) jsonrpc2.Code {
	var je *jsonrpc2.Error
	if errors.As(err, &je) {
		return je.Code
	}
	return 0
}

// waitUntil polls cond until it holds or the timeout passes.
func waitUntil(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(replyTimeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %s", what, replyTimeout)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
