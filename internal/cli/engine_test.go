package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"securecomplete/internal/openaitest"
	"securecomplete/lsp"
)

// TestCompleteMatchesLanguageServer: the same document, cursor,
// configuration and loopback model give the same ranked, screened list
// through `securecomplete complete` and through the language server,
// since both build their engine with completion.Build.
func TestCompleteMatchesLanguageServer(t *testing.T) {
	texts := []string{
		"strcpy(buf, argv[1]);\n    puts(buf);\n    return 0;\n}\n",                                    // CWE-787
		"if (argc < 2 {\n        return 1;\n    }\n    return 0;\n}\n",                                 // does not parse
		"strncpy(buf, argv[1], sizeof buf - 1);\n    buf[sizeof buf - 1] = '\\0';\n    return 0;\n}\n", // clean
	}
	srv := openaitest.New(t, func(openaitest.Request) openaitest.Reply { return openaitest.Reply{Texts: texts} })
	dir := t.TempDir()
	cfg := writeFile(t, filepath.Join(dir, "securecomplete.toml"), fmt.Sprintf(`
[[models]]
name = "local"
base_url = %q
max_tokens = 64
n = 3

[completion]
screen = "rank"
`, srv.BaseURL))
	text := "#include <stdio.h>\n#include <string.h>\n\nint main(int argc, char *argv[])\n{\n    char buf[16];\n    \n}\n"
	src := writeFile(t, filepath.Join(dir, "copy.c"), text)

	code, out, errOut := runCLI(t, "--config", cfg, "complete", "--json", src+":7:5")
	if code != 0 {
		t.Fatalf("complete: exit %d: %s", code, errOut)
	}
	var cli struct {
		Candidates []struct {
			Text   string   `json:"text"`
			CWEs   []string `json:"cwes"`
			Parses bool     `json:"parses"`
		} `json:"candidates"`
	}
	if err := json.Unmarshal([]byte(out), &cli); err != nil {
		t.Fatalf("complete --json: %v\n%s", err, out)
	}

	items := lspCompletion(t, cfg, dir, src, text, protocol.Position{Line: 6, Character: 4})
	if len(items) != len(cli.Candidates) || len(items) != 3 {
		t.Fatalf("the language server offers %d items, complete %d; want 3 each", len(items), len(cli.Candidates))
	}
	for i, it := range items {
		c := cli.Candidates[i]
		if it.TextEdit == nil || it.TextEdit.NewText != c.Text {
			t.Errorf("item %d: the server inserts %q, complete prints %q", i, it.TextEdit.NewText, c.Text)
		}
		flagged := strings.Contains(it.Detail, "⚠")
		if flagged != (len(c.CWEs) > 0) || (flagged && !strings.Contains(it.Detail, strings.Join(c.CWEs, ", "))) {
			t.Errorf("item %d: server detail %q, complete CWEs %v", i, it.Detail, c.CWEs)
		}
		if strings.Contains(it.Detail, "does not parse") == c.Parses {
			t.Errorf("item %d: server detail %q, complete parses=%v", i, it.Detail, c.Parses)
		}
	}
	// The screening's order: clean and whole, clean but broken, flagged.
	if !strings.HasPrefix(cli.Candidates[0].Text, "strncpy") || cli.Candidates[1].Parses || len(cli.Candidates[2].CWEs) == 0 || cli.Candidates[2].CWEs[0] != "CWE-787" {
		t.Errorf("order %+v, want the clean one, then the broken one, then the CWE-787 one", cli.Candidates)
	}
}

// lspCompletion runs the language server in-process on a pipe, opens the
// document and returns the completion items at pos.
func lspCompletion(t *testing.T, cfg, root, path, text string, pos protocol.Position) []protocol.CompletionItem {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	server := lsp.New(lsp.Options{ConfigPath: cfg})
	a, b := net.Pipe()
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = server.Serve(ctx, a)
	}()
	conn := jsonrpc2.NewConn(jsonrpc2.NewStream(b))
	conn.Go(ctx, func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		if _, ok := req.(*jsonrpc2.Call); ok {
			return reply(ctx, nil, nil)
		}
		return nil
	})
	defer func() {
		_ = conn.Close()
		<-done
	}()
	uri := "file://" + filepath.ToSlash(root)
	if _, err := conn.Call(ctx, protocol.MethodInitialize, map[string]any{
		"processId": nil, "rootUri": uri, "capabilities": map[string]any{},
	}, nil); err != nil {
		t.Fatalf("initialize: %v", err)
	}
	docURI := "file://" + filepath.ToSlash(path)
	for _, n := range []struct {
		method string
		params any
	}{
		{protocol.MethodInitialized, map[string]any{}},
		{protocol.MethodTextDocumentDidOpen, map[string]any{"textDocument": map[string]any{"uri": docURI, "languageId": "c", "version": 1, "text": text}}},
	} {
		if err := conn.Notify(ctx, n.method, n.params); err != nil {
			t.Fatalf("%s: %v", n.method, err)
		}
	}
	var list protocol.CompletionList
	if _, err := conn.Call(ctx, protocol.MethodTextDocumentCompletion, map[string]any{
		"textDocument": map[string]any{"uri": docURI}, "position": pos,
	}, &list); err != nil {
		t.Fatalf("completion: %v", err)
	}
	return list.Items
}
