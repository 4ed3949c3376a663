package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"securecomplete/internal/openaitest"
)

// pipes joins the two ends the editor holds: it writes the server's stdin
// and reads its stdout.
type pipes struct {
	io.Reader
	io.WriteCloser
}

// TestLSPCommand runs `securecomplete lsp` on pipes, as an editor starts
// it: initialize, a completion, then exit with and without shutdown, which
// decides the exit status.
func TestLSPCommand(t *testing.T) {
	model := openaitest.New(t, func(openaitest.Request) openaitest.Reply {
		return openaitest.Reply{Texts: []string{" 42;"}}
	})
	cfg := filepath.Join(t.TempDir(), "securecomplete.toml")
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf("[[models]]\nname = \"m\"\nbase_url = %q\n", model.BaseURL)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name     string
		shutdown bool
		status   int
	}{{"shutdown then exit", true, 0}, {"exit without shutdown", false, 1}} {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			inR, inW := io.Pipe()
			outR, outW := io.Pipe()
			var stderr bytes.Buffer
			g := &globals{stdout: outW, stderr: &stderr}
			root := newRootCommand(g)
			root.SetIn(inR)
			root.SetArgs([]string{"lsp", "--stdio", "--config", cfg})
			done := make(chan error, 1)
			go func() { done <- root.ExecuteContext(ctx) }()

			conn := jsonrpc2.NewConn(jsonrpc2.NewStream(pipes{outR, inW}))
			conn.Go(ctx, jsonrpc2.MethodNotFoundHandler)
			var init map[string]any
			if _, err := conn.Call(ctx, protocol.MethodInitialize, map[string]any{"capabilities": map[string]any{}}, &init); err != nil {
				t.Fatalf("initialize: %v", err)
			}
			_ = conn.Notify(ctx, protocol.MethodInitialized, map[string]any{})
			uri := "file:///tmp/x.c"
			_ = conn.Notify(ctx, protocol.MethodTextDocumentDidOpen, map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "c", "version": 1, "text": "int x ="}})
			var list protocol.CompletionList
			if _, err := conn.Call(ctx, protocol.MethodTextDocumentCompletion, map[string]any{"textDocument": map[string]any{"uri": uri}, "position": protocol.Position{Character: 7}}, &list); err != nil || len(list.Items) != 1 || list.Items[0].TextEdit.NewText != " 42;" {
				t.Fatalf("completion: %v %+v", err, list)
			}
			if tt.shutdown {
				if _, err := conn.Call(ctx, protocol.MethodShutdown, nil, nil); err != nil {
					t.Fatalf("shutdown: %v", err)
				}
			}
			_ = conn.Notify(ctx, protocol.MethodExit, nil)
			var err error
			select {
			case err = <-done:
			case <-ctx.Done():
				t.Fatalf("securecomplete lsp did not end after exit\n%s", stderr.String())
			}
			status := 0
			var ee exitError
			if errors.As(err, &ee) {
				status = ee.code
			} else if err != nil {
				t.Fatalf("securecomplete lsp: %v", err)
			}
			if status != tt.status {
				t.Errorf("exit status %d, want %d\n%s", status, tt.status, stderr.String())
			}
			conn.Close()
		})
	}
}
