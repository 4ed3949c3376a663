// Package nvim_test runs the Neovim plugin's ghost text in a real Neovim:
// headless Debian Neovim with editors/nvim on its runtime path starts the
// built securecomplete binary against a loopback model server; a Lua
// script (testdata/ghost.lua) types through the typeahead and reports the
// extmarks it saw.
package nvim_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"securecomplete/internal/openaitest"
	"securecomplete/internal/testenv"
)

const (
	source = "#include <string.h>\n\nint main(int argc, char **argv) {\n    char buf[16];\n    \n    return 0;\n}\n"
	line   = 5 // 1-based: the indented empty line inside main
	first  = "s"
	rest   = "tr"
	// The model's candidates for a line starting a str... call: a safe
	// one-liner, and a two-line one (virt_lines) that screening ranks last.
	want   = "strncpy(buf, argv[1], sizeof buf - 1);"
	second = "strcpy(buf, argv[1]);\n    puts(buf);"
)

// homeEnv points Neovim's home and XDG folders into home, so that no
// user configuration, state or plugin of this machine takes part.
func homeEnv(home string) []string {
	return []string{"HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, "config"), "XDG_STATE_HOME=" + filepath.Join(home, "state"),
		"XDG_CACHE_HOME=" + filepath.Join(home, "cache"), "XDG_DATA_HOME=" + filepath.Join(home, "data")}
}

type mark struct {
	Row   int      `json:"row"`
	Col   int      `json:"col"`
	Text  string   `json:"text"`
	HL    string   `json:"hl"`
	Lines []string `json:"lines"`
}

type result struct {
	Initialized bool   `json:"initialized"`
	Statusline  string `json:"statusline"`
	First       struct {
		Shown    bool   `json:"shown"`
		Marks    []mark `json:"marks"`
		Visible  string `json:"visible"`
		Requests int    `json:"requests"`
	} `json:"first"`
	Typed struct {
		Marks        []mark `json:"marks"`
		Visible      string `json:"visible"`
		Requests     int    `json:"requests"`
		TypedThrough int    `json:"typed_through"`
		Line         string `json:"line"`
	} `json:"typed"`
	Cycled struct {
		Marks   []mark `json:"marks"`
		Visible string `json:"visible"`
	} `json:"cycled"`
	Back     string `json:"back"`
	Accepted struct {
		Buffer []string `json:"buffer"`
		Marks  []mark   `json:"marks"`
	} `json:"accepted"`
	Mode        string   `json:"mode"`
	ModelNames  []string `json:"model_names"`
	AfterSwitch []string `json:"after_switch"`
	Notes       []string `json:"notes"`
	LuaError    string   `json:"lua_error"`
}

func TestNeovimGhostText(t *testing.T) {
	nvim := testenv.Tool(t, "nvim")
	repo := testenv.RepoRoot(t)
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	tmp := t.TempDir()
	bin := testenv.Binary(t)

	model := openaitest.New(t, func(r openaitest.Request) openaitest.Reply {
		word := strings.TrimLeft(r.Prompt[strings.LastIndexByte(r.Prompt, '\n')+1:], " ")
		if word != "" && strings.HasPrefix(want, word) {
			return openaitest.Reply{Texts: []string{want[len(word):], second[len(word):]}}
		}
		return openaitest.Reply{Texts: []string{""}}
	})
	// The second configured model, which :SecureCompleteModel other makes
	// answer.
	other := openaitest.New(t, func(openaitest.Request) openaitest.Reply {
		return openaitest.Reply{Texts: []string{"puts(\"other\");"}}
	})
	ws := filepath.Join(tmp, "ws")
	toml := fmt.Sprintf("[[models]]\nname = \"nvim-ghost\"\nbase_url = %q\nmodel = \"served\"\nn = 2\nmax_tokens = 32\ntimeout = \"10s\"\n\n[[models]]\nname = \"other\"\nbase_url = %q\n\n[completion]\nmodel = \"nvim-ghost\"\n", model.BaseURL, other.BaseURL)
	file := filepath.Join(ws, "a.c")
	for p, text := range map[string]string{filepath.Join(ws, "securecomplete.toml"): toml, file: source} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	home := filepath.Join(tmp, "home")
	out := filepath.Join(tmp, "result.json")
	serverLog := filepath.Join(tmp, "server.log")
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-u", filepath.Join(repo, "editors", "nvim", "testdata", "ghost.lua"), file)
	cmd.Dir = ws
	cmd.Env = append(os.Environ(),
		"SC_OUT="+out, "SC_BIN="+bin, "SC_LOG="+serverLog, "SC_PLUGIN="+filepath.Join(repo, "editors", "nvim"),
		fmt.Sprintf("SC_LINE=%d", line), "SC_FIRST="+first, "SC_REST="+rest,
	)
	cmd.Env = append(cmd.Env, homeEnv(home)...)
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	cmd.WaitDelay = 5 * time.Second
	runErr := cmd.Run()
	logText, _ := os.ReadFile(serverLog)
	defer func() {
		if t.Failed() {
			t.Logf("nvim output:\n%s\nserver log:\n%s", output.String(), logText)
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
	t.Logf("result: %s", data)
	if res.LuaError != "" || !res.Initialized {
		t.Fatalf("lua error %q, initialized %v", res.LuaError, res.Initialized)
	}

	// Ghost text after the first character: an extmark on the cursor line
	// holding the rest of the first candidate, dimmed.
	if !res.First.Shown || len(res.First.Marks) != 1 {
		t.Fatalf("after typing %q: extmarks %+v, want one", first, res.First.Marks)
	}
	if m := res.First.Marks[0]; m.Row != line-1 || m.Text != want[len(first):] || m.HL != "SecureCompleteGhost" || len(m.Lines) != 0 {
		t.Errorf("ghost extmark %+v: want row %d, text %q, hl SecureCompleteGhost", m, line-1, want[len(first):])
	}
	// Typing the candidate's next characters keeps it shown, shortened,
	// without a new request.
	if res.Typed.Visible != want[len(first+rest):] || res.Typed.Requests != res.First.Requests || res.Typed.TypedThrough != len(rest) {
		t.Errorf("after typing %q through: visible %q, requests %d (were %d), typed through %d; want %q and no new request",
			rest, res.Typed.Visible, res.Typed.Requests, res.First.Requests, res.Typed.TypedThrough, want[len(first+rest):])
	}
	if len(res.Typed.Marks) != 1 || res.Typed.Marks[0].Text != want[len(first+rest):] {
		t.Errorf("extmarks after typing through: %+v", res.Typed.Marks)
	}
	// Cycling shows the second candidate: its first line as virt_text, the
	// next as virt_lines; cycling back shows the first again.
	wantLines := strings.Split(second[len(first+rest):], "\n")
	if len(res.Cycled.Marks) != 1 || res.Cycled.Marks[0].Text != wantLines[0] || !slices.Equal(res.Cycled.Marks[0].Lines, wantLines[1:]) {
		t.Errorf("after <M-]>: extmarks %+v, want text %q and virt_lines %q", res.Cycled.Marks, wantLines[0], wantLines[1:])
	}
	if res.Back != want[len(first+rest):] {
		t.Errorf("after <M-[>: visible %q, want the first candidate again", res.Back)
	}
	// The accept key inserts it and the server records the accept.
	if len(res.Accepted.Buffer) < line || res.Accepted.Buffer[line-1] != "    "+want || len(res.Accepted.Marks) != 0 {
		t.Errorf("after <M-l>: buffer %q, extmarks %+v; want line %d to be %q and no ghost text", res.Accepted.Buffer, res.Accepted.Marks, line, "    "+want)
	}
	if !regexp.MustCompile(`msg=accepted id=i\d+/0 kind=inline model=nvim-ghost`).Match(logText) {
		t.Errorf("the server log has no accept of an inline candidate of nvim-ghost")
	}
	if res.Statusline != "sc: nvim-ghost ready" {
		t.Errorf("statusline() %q, want sc: nvim-ghost ready", res.Statusline)
	}
	if !slices.Equal(res.ModelNames, []string{"nvim-ghost", "other"}) {
		t.Errorf(":SecureCompleteModel completes %q, want the configured nvim-ghost, other", res.ModelNames)
	}
	// The server runs selectModel (the security loop's command); a command
	// it does not run yet says so.
	notes := strings.Join(res.Notes, "\n")
	if !strings.Contains(notes, "model other answers now") {
		t.Errorf("notes %q: want :SecureCompleteModel other answered by the server", res.Notes)
	}
	if len(other.Requests()) == 0 || !slices.ContainsFunc(res.AfterSwitch, func(d string) bool { return strings.Contains(d, "other") }) {
		t.Errorf("after :SecureCompleteModel other: model other got %d requests, completion details %q; want the request sent to other and its items naming it", len(other.Requests()), res.AfterSwitch)
	}
	if !strings.Contains(notes, "securecomplete.toggleAB is not available from this server") && !strings.Contains(string(logText), "securecomplete.toggleAB") {
		t.Errorf("notes %q: want securecomplete.toggleAB reported as not available (or run by the server)", res.Notes)
	}
	t.Logf("model requests: %d; ghost-text requests %d, characters typed through without a request %d",
		len(model.Requests()), res.Typed.Requests, res.Typed.TypedThrough)
}
