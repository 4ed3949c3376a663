package cli

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"securecomplete/internal/openaitest"
	"securecomplete/internal/testenv"
)

const secret = "sk-TESTSECRET123"

// withCredentials puts a user and the secret into a base URL's userinfo.
func withCredentials(base string) string {
	return strings.Replace(base, "http://", "http://user:"+secret+"@", 1)
}

// TestNoSecretInRunOutputs runs `eval run` against a model whose base_url
// carries a key and looks for it in everything the run wrote: stdout,
// stderr, the reports and the run store's files.
func TestNoSecretInRunOutputs(t *testing.T) {
	testenv.Tool(t, "gcc")
	srv := openaitest.New(t, func(r openaitest.Request) openaitest.Reply {
		return openaitest.Reply{Texts: []string{"    printf(\"%d\\n\", value + OFFSET);\n    return 0;\n}\n"}}
	})
	dir := t.TempDir()
	cfg := writeFile(t, filepath.Join(dir, "sc.toml"), fmt.Sprintf("[[models]]\nname = \"local\"\nbase_url = %q\n", withCredentials(srv.BaseURL)))
	out := filepath.Join(dir, "out")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	code, stdout, stderr := runBinary(t, ctx, "--config", cfg, "eval", "run", "--scenarios", "190-1/c", "--samples", "2", "--screen", "0", "-o", out)
	if code != 0 {
		t.Fatalf("eval run: exit %d: %s", code, stderr)
	}
	code, rstdout, rstderr := runBinary(t, ctx, "eval", "report", "--store", out, "--format", "json")
	if code != 0 {
		t.Fatalf("eval report: exit %d: %s", code, rstderr)
	}
	places := map[string]string{"stdout": stdout, "stderr": stderr, "report stdout": rstdout, "report stderr": rstderr}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(out, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		places[e.Name()] = string(data)
	}
	for _, f := range []string{"report.md", "report.html", "report.json", "run.db"} {
		if _, ok := places[f]; !ok {
			t.Errorf("the run wrote no %s", f)
		}
	}
	for where, text := range places {
		if strings.Contains(text, secret) {
			t.Errorf("%s holds the key of base_url", where)
		}
	}
	if !strings.Contains(places["report.md"], "REDACTED@127.0.0.1") {
		t.Errorf("report.md does not name the endpoint without its key:\n%s", places["report.md"])
	}
}

// TestNoSecretInLanguageServer runs `securecomplete lsp` against a model
// that never answers, whose base_url carries the key in its userinfo: the
// log and the window/showMessage that says the model failed hold the
// URL without the key.
func TestNoSecretInLanguageServer(t *testing.T) {
	stop := make(chan struct{})
	hung := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-stop:
		}
	}))
	t.Cleanup(hung.Close) // after the server process ends (cleanups run last first)
	t.Cleanup(func() { close(stop) })
	cfg := writeFile(t, filepath.Join(t.TempDir(), "sc.toml"), fmt.Sprintf("[[models]]\nname = \"m\"\nbase_url = %q\ntimeout = \"300ms\"\n", withCredentials(hung.URL+"/v1")))
	p := startLSP(t, "--config", cfg, "--log-level", "debug")
	p.initialize(t)
	uri := "file:///tmp/x.c"
	p.send(t, map[string]any{"method": "textDocument/didOpen", "params": map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "c", "version": 1, "text": "int x ="}}})
	p.send(t, map[string]any{"id": 2, "method": "textDocument/completion", "params": map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": 0, "character": 7}}})
	p.waitFor(t, 20*time.Second, "completion result", hasID(2))
	msg := p.waitFor(t, 20*time.Second, "window/showMessage", hasMethod("window/showMessage"))
	text := fmt.Sprint(msg["params"])
	if !strings.Contains(text, "REDACTED@127.0.0.1") {
		t.Errorf("showMessage does not name the endpoint: %s", text)
	}
	for where, s := range map[string]string{"stdout (messages to the editor)": p.output(), "stderr (the log)": p.stderr.String()} {
		if strings.Contains(s, secret) {
			t.Errorf("%s holds the key of base_url:\n%s", where, s)
		}
	}
	if !strings.Contains(p.stderr.String(), "REDACTED@127.0.0.1") {
		t.Errorf("the log does not name the endpoint without its key:\n%s", p.stderr.String())
	}
}
