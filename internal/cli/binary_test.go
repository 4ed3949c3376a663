package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// binDir holds the securecomplete binary built once for this test binary;
// pkgDir is this package's directory, where go build runs (tests change
// the working directory).
var binDir, pkgDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "securecomplete-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binDir = dir
	if pkgDir, err = os.Getwd(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

var buildOnce = sync.OnceValues(func() (string, error) {
	if bin := os.Getenv("SECURECOMPLETE_TEST_BINARY"); bin != "" {
		return bin, nil // another build, to measure before and after
	}
	bin := filepath.Join(binDir, "securecomplete")
	cmd := exec.Command("go", "build", "-o", bin, "securecomplete")
	cmd.Dir = pkgDir
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

// binary returns the path of the securecomplete binary, built from this
// tree on first use (or SECURECOMPLETE_TEST_BINARY when set): the tests that run it as a child process see what a
// user sees, signals and exit status included.
func binary(t testing.TB) string {
	t.Helper()
	bin, err := buildOnce()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// runBinary runs the binary with args and returns its exit status and
// output; ctx bounds it.
func runBinary(t testing.TB, ctx context.Context, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.CommandContext(ctx, binary(t), args...)
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run %v: %v", args, err)
	}
	return code, out.String(), errb.String()
}

// lspProc is `securecomplete lsp` as a child process with a raw framed
// JSON-RPC client on its stdin and stdout.
type lspProc struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	stderr *lockedBuffer

	mu       sync.Mutex
	raw      strings.Builder // every byte the server wrote
	msgs     []map[string]any
	changed  chan struct{}
	stopOnce sync.Once
}

type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func startLSP(t *testing.T, args ...string) *lspProc {
	t.Helper()
	p := startLSPB(t, args...)
	t.Cleanup(p.stop)
	return p
}

// stop closes the server's stdin and waits for it to end, killing it
// after 5 s.
func (p *lspProc) stop() {
	p.stopOnce.Do(func() {
		p.in.Close()
		done := make(chan struct{})
		go func() { p.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			p.cmd.Process.Kill()
			<-done
		}
	})
}

// startLSPB starts the server; the caller stops it.
func startLSPB(t testing.TB, args ...string) *lspProc {
	t.Helper()
	cmd := exec.Command(binary(t), append([]string{"lsp"}, args...)...)
	p := &lspProc{cmd: cmd, stderr: &lockedBuffer{}, changed: make(chan struct{}, 1)}
	cmd.Stderr = p.stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p.in = in
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go p.readLoop(out)
	return p
}

func (p *lspProc) readLoop(out io.Reader) {
	br := bufio.NewReader(out)
	for {
		length := -1
		for {
			line, err := br.ReadString('\n')
			p.mu.Lock()
			p.raw.WriteString(line)
			p.mu.Unlock()
			if err != nil {
				return
			}
			line = strings.TrimSpace(line)
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length:"); ok {
				length, _ = strconv.Atoi(strings.TrimSpace(v))
			}
		}
		if length < 0 {
			return
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(br, body); err != nil {
			return
		}
		var msg map[string]any
		_ = json.Unmarshal(body, &msg)
		p.mu.Lock()
		p.raw.Write(body)
		p.msgs = append(p.msgs, msg)
		p.mu.Unlock()
		select {
		case p.changed <- struct{}{}:
		default:
		}
	}
}

// send writes one framed message.
func (p *lspProc) send(t testing.TB, msg map[string]any) {
	t.Helper()
	msg["jsonrpc"] = "2.0"
	body, err := json.Marshal(msg)
	if err != nil {
		t.Fatal(err)
	}
	p.sendRaw(t, fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body))
}

func (p *lspProc) sendRaw(t testing.TB, s string) {
	t.Helper()
	if _, err := io.WriteString(p.in, s); err != nil {
		t.Fatalf("write to the server: %v", err)
	}
}

// waitFor returns the first message the server wrote that pred accepts.
func (p *lspProc) waitFor(t testing.TB, timeout time.Duration, what string, pred func(map[string]any) bool) map[string]any {
	t.Helper()
	deadline := time.After(timeout)
	for {
		p.mu.Lock()
		for _, m := range p.msgs {
			if pred(m) {
				p.mu.Unlock()
				return m
			}
		}
		p.mu.Unlock()
		select {
		case <-p.changed:
		case <-time.After(50 * time.Millisecond):
		case <-deadline:
			t.Fatalf("no %s from the server within %s\nstderr:\n%s", what, timeout, p.stderr.String())
		}
	}
}

// output is every byte the server wrote on stdout so far.
func (p *lspProc) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.raw.String()
}

func hasID(id int) func(map[string]any) bool {
	return func(m map[string]any) bool {
		v, ok := m["id"].(float64)
		return ok && int(v) == id && m["method"] == nil
	}
}

func hasMethod(method string) func(map[string]any) bool {
	return func(m map[string]any) bool { return m["method"] == method }
}

// initLSP sends initialize and initialized and waits for the answer.
func (p *lspProc) initialize(t testing.TB) {
	t.Helper()
	p.send(t, map[string]any{"id": 1, "method": "initialize", "params": map[string]any{"capabilities": map[string]any{}}})
	p.waitFor(t, 20*time.Second, "initialize result", hasID(1))
	p.send(t, map[string]any{"method": "initialized", "params": map[string]any{}})
}

func writeFileB(t testing.TB, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
