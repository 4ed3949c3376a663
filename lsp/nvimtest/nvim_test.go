// Package nvimtest runs the language server under a real editor: headless
// Neovim with the plugin in editors/nvim starts the built securecomplete
// binary, opens a C file and completes in it.
package nvimtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"securecomplete/internal/openaitest"
	"securecomplete/internal/testenv"
)

// The C file opened in Neovim; completion goes at the end of cursorLine,
// which holds multi-byte text before the cursor (UTF-16 positions).
const (
	cursorLine = `    char buf[16]; const char *s = "é€😀"; str`
	source     = "#include <string.h>\n\nint main(int argc, char **argv) {\n" + cursorLine + "\n    return 0;\n}\n"
	inserted   = `    char buf[16]; const char *s = "é€😀"; strcpy(buf, argv[1]);`
)

// result is what the Lua script saw.
type result struct {
	Filetype     string `json:"filetype"`
	Initialized  bool   `json:"initialized"`
	RootDir      string `json:"root_dir"`
	RequestError any    `json:"request_error"`
	Error        any    `json:"error"`
	Items        []struct {
		Label    string `json:"label"`
		Detail   string `json:"detail"`
		TextEdit struct {
			NewText string `json:"newText"`
		} `json:"textEdit"`
	} `json:"items"`
	Completed   bool     `json:"completed"`
	AcceptError any      `json:"accept_error"`
	Buffer      []string `json:"buffer"`
	Cursor      []int    `json:"cursor"`
	LuaError    string   `json:"lua_error"`
	Diagnostics []struct {
		Code    any    `json:"code"`
		Source  any    `json:"source"`
		Lnum    int    `json:"lnum"`
		Message string `json:"message"`
	} `json:"diagnostics"`
}

func TestNeovimCompletion(t *testing.T) {
	nvim := testenv.Tool(t, "nvim")
	repo := testenv.RepoRoot(t)
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()

	tmp := t.TempDir()
	bin := testenv.Binary(t)

	model := openaitest.New(t, func(openaitest.Request) openaitest.Reply {
		return openaitest.Reply{Texts: []string{"cpy(buf, argv[1]);"}}
	})
	model.Check(func(r openaitest.Request) error {
		if !strings.HasSuffix(r.Prompt, "{\n"+cursorLine) || !strings.HasPrefix(r.Prompt, "#include <string.h>") {
			return fmt.Errorf("prompt %q: want the file up to the cursor after %q", r.Prompt, cursorLine)
		}
		if r.N != 1 || r.MaxTokens != 32 || r.Model != "served-name" {
			return fmt.Errorf("n %d max_tokens %d model %q, want the configured 1, 32, served-name", r.N, r.MaxTokens, r.Model)
		}
		return nil
	})

	ws := filepath.Join(tmp, "ws")
	sub := filepath.Join(ws, "src")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	toml := fmt.Sprintf("[[models]]\nname = \"nvim-test\"\nbase_url = %q\nmodel = \"served-name\"\nn = 1\nmax_tokens = 32\ntimeout = \"10s\"\n", model.BaseURL)
	if err := os.WriteFile(filepath.Join(ws, "securecomplete.toml"), []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(sub, "main.c")
	if err := os.WriteFile(file, []byte(source), 0o644); err != nil {
		t.Fatal(err)
	}

	home := filepath.Join(tmp, "home")
	out := filepath.Join(tmp, "result.json")
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-u", filepath.Join(repo, "lsp", "nvimtest", "testdata", "complete.lua"), file)
	cmd.Dir = sub
	cmd.Env = append(os.Environ(),
		"SC_OUT="+out, "SC_BIN="+bin, "SC_PLUGIN="+filepath.Join(repo, "editors", "nvim"),
		"SC_LINE=3", fmt.Sprintf("SC_CHARACTER=%d", len(utf16.Encode([]rune(cursorLine)))),
		"HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, "config"), "XDG_STATE_HOME="+filepath.Join(home, "state"),
		"XDG_CACHE_HOME="+filepath.Join(home, "cache"), "XDG_DATA_HOME="+filepath.Join(home, "data"),
	)
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	cmd.WaitDelay = 5 * time.Second // nvim is killed when ctx ends
	runErr := cmd.Run()
	defer func() {
		if t.Failed() {
			t.Logf("nvim output:\n%s", output.String())
			for _, log := range []string{"cache/nvim/lsp.log", "state/nvim/lsp.log"} {
				if b, err := os.ReadFile(filepath.Join(home, log)); err == nil {
					t.Logf("%s:\n%s", log, b)
				}
			}
		}
	}()
	if runErr != nil {
		t.Fatalf("nvim: %v (context: %v)", runErr, ctx.Err())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("the Lua script wrote no result: %v", err)
	}
	var res result
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatalf("result %s: %v", data, err)
	}

	switch {
	case res.LuaError != "":
		t.Fatalf("the Lua script failed: %s", res.LuaError)
	case res.Filetype != "c":
		t.Fatalf("filetype %q, want c", res.Filetype)
	case !res.Initialized:
		t.Fatal("the securecomplete client never initialized")
	case res.RootDir != ws:
		t.Errorf("root_dir %q, want the folder holding securecomplete.toml %q", res.RootDir, ws)
	}
	if res.RequestError != nil || res.Error != nil || len(res.Items) != 1 {
		t.Fatalf("completion through vim.lsp.buf_request_sync: request error %v, error %v, items %+v", res.RequestError, res.Error, res.Items)
	}
	if it := res.Items[0]; it.TextEdit.NewText != "strcpy(buf, argv[1]);" || !strings.Contains(it.Detail, "nvim-test") {
		t.Errorf("item %+v: want newText strcpy(buf, argv[1]); and a detail naming nvim-test", it)
	}
	if !res.Completed || res.AcceptError != nil {
		t.Fatalf("the plugin's completion: completed %v, accept error %v", res.Completed, res.AcceptError)
	}
	if want := strings.Replace(source, cursorLine, inserted, 1); strings.Join(res.Buffer, "\n")+"\n" != want {
		t.Errorf("buffer after the plugin inserted the candidate:\n%s\nwant\n%s", strings.Join(res.Buffer, "\n"), want)
	}
	// In normal mode the cursor rests on the last inserted character.
	if len(res.Cursor) != 2 || res.Cursor[0] != 4 || res.Cursor[1] != len(inserted)-1 {
		t.Errorf("cursor %v, want on the last inserted character [4 %d]", res.Cursor, len(inserted)-1)
	}
	// The accepted strcpy into buf[16] is re-checked in the background:
	// vim.diagnostic.get() holds its CWE on that line.
	found := false
	for _, d := range res.Diagnostics {
		if d.Code == "CWE-787" && d.Source == "securecomplete" && d.Lnum == 3 {
			found = true
		}
	}
	if !found {
		t.Errorf("vim.diagnostic.get() after the accept: %+v; want CWE-787 from securecomplete on line 4", res.Diagnostics)
	}
	if n := len(model.Requests()); n != 2 {
		t.Errorf("the model got %d requests, want 2", n)
	}
}
