package cli

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"securecomplete/ab/store"
	"securecomplete/internal/openaitest"
)

var abGoldenDir, _ = filepath.Abs(filepath.Join("testdata", "ab"))

// abGolden compares got with testdata/ab/name, or rewrites it under
// -update.
func abGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join(abGoldenDir, name)
	if updating() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", name, got)
	}
}

// abFixture writes a small A/B store: gptj-pre is arm A, gptj-ft arm B;
// four interleaved requests, one of them answered by B alone (A failed).
func abFixture(t *testing.T, path, session string) {
	t.Helper()
	ctx := context.Background()
	st, err := store.OpenSQLite(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Arms(ctx, [2]string{"gptj-pre", "gptj-ft"}, nil); err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	var evs []store.Event
	at := func(s int) time.Time { return t0.Add(time.Duration(s) * time.Second) }
	model := map[string]string{"A": "gptj-pre", "B": "gptj-ft"}
	for i, acc := range []string{"A", "B", "B", ""} {
		req := fmt.Sprintf("c%d", i+1)
		for _, arm := range []string{"A", "B"} {
			ev := store.Event{Type: store.TypeRequest, Time: at(10 * i), Session: session, Request: req, Arm: arm, Model: model[arm], Lang: "c", DocHash: "d", Mode: "interleave",
				LatencyFirst: time.Duration(100+10*i) * time.Millisecond, LatencyAll: time.Duration(100+10*i) * time.Millisecond}
			if arm == "B" {
				ev.LatencyFirst, ev.LatencyAll = time.Duration(20+i)*time.Millisecond, time.Duration(20+i)*time.Millisecond
			}
			if i == 2 && arm == "A" {
				ev.LatencyFirst, ev.LatencyAll, ev.Error, ev.TimedOut = 0, 0, "no answer within 5s", true
			}
			evs = append(evs, ev)
		}
		rank := 0
		for _, arm := range []string{"B", "A"} {
			if i == 2 && arm == "A" {
				continue
			}
			ev := store.Event{Type: store.TypeShown, Time: at(10 * i), Session: session, Request: req, Arm: arm, Model: model[arm], Rank: rank, Chars: 20, Tokens: 6, TextHash: "h" + arm, Parses: true}
			if arm == "A" {
				ev.CWEs = []string{"CWE-787"}
			}
			evs = append(evs, ev)
			rank++
		}
		if acc == "" {
			evs = append(evs, store.Event{Type: store.TypeDismiss, Time: at(10*i + 2), Session: session, Request: req, Reason: "next_request"})
			continue
		}
		r := 0
		if acc == "A" {
			r = 1
		}
		evs = append(evs,
			store.Event{Type: store.TypeAccept, Time: at(10*i + 1), Session: session, Request: req, Arm: acc, Model: model[acc], Rank: r, Chars: 20, Accepted: 20},
			store.Event{Type: store.TypeVerdict, Time: at(10*i + 1), Session: session, Request: req, Arm: acc, Model: model[acc], Analyzer: "builtin", CWEs: map[bool][]string{true: {"CWE-787"}}[acc == "A"]},
			store.Event{Type: store.TypePersistence, Time: at(10*i + 31), Session: session, Request: req, Arm: acc, Model: model[acc], Horizon: 30 * time.Second, Kept: 0.5 + 0.25*float64(i)},
		)
	}
	evs = append(evs, store.Event{Type: store.TypeLoss, Time: at(100), Lost: 3})
	if err := st.Append(ctx, evs); err != nil {
		t.Fatal(err)
	}
}

func TestABCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "ab.db")
	abFixture(t, db, "s1")
	scrub := func(s string) string { return strings.ReplaceAll(s, dir, "DIR") }
	for _, tt := range []struct {
		golden string
		args   []string
	}{
		{"report.txt", []string{"ab", "report", "--store", db}},
		{"report_blind.md", []string{"ab", "report", "--store", db, "--format", "md", "--blind"}},
		{"report.json", []string{"ab", "report", "--store", db, "--format", "json"}},
		{"report_since.txt", []string{"ab", "report", "--store", db, "--since", "2026-12-01T09:00:15Z"}},
		{"export.csv", []string{"ab", "export", "--store", db, "--format", "csv"}},
		{"export.jsonl", []string{"ab", "export", "--store", db, "--format", "jsonl"}},
	} {
		t.Run(tt.golden, func(t *testing.T) {
			code, out, errOut := runCLI(t, tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			abGolden(t, tt.golden, scrub(out))
		})
	}
	t.Run("blind names no model", func(t *testing.T) {
		_, out, _ := runCLI(t, "ab", "report", "--store", db, "--blind", "--format", "json")
		if strings.Contains(out, "gptj") {
			t.Errorf("--blind report names a model:\n%s", out)
		}
	})
	t.Run("html", func(t *testing.T) {
		html := filepath.Join(dir, "ab.html")
		code, _, errOut := runCLI(t, "ab", "report", "--store", db, "--format", "html", "-o", html)
		b, _ := os.ReadFile(html)
		if code != 0 || !strings.Contains(string(b), "<svg") || !strings.Contains(string(b), "<td>gptj-pre (A)</td>") && !strings.Contains(string(b), "gptj-pre (A)") {
			t.Errorf("exit %d %s; html:\n%.400s", code, errOut, b)
		}
	})
	t.Run("merge", func(t *testing.T) {
		other := filepath.Join(dir, "bob.db")
		abFixture(t, other, "s2")
		team := filepath.Join(dir, "team.db")
		code, out, errOut := runCLI(t, "ab", "merge", "-o", team, db, other)
		if code != 0 || !strings.Contains(out, "merged 52 events from 2 stores into "+team) {
			t.Fatalf("exit %d, %q %s", code, out, errOut)
		}
		_, rep, _ := runCLI(t, "ab", "report", "--store", team, "--format", "json")
		if !strings.Contains(rep, `"requests": 8,`) || !strings.Contains(rep, `"events": 52,`) || !strings.Contains(rep, `"sessions": 2,`) {
			t.Errorf("merged report:\n%.600s", rep)
		}
	})
	for _, tt := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no store", []string{"ab", "report", "--store", filepath.Join(dir, "none.db")}, 1, "no A/B store at " + filepath.Join(dir, "none.db")},
		{"bad since", []string{"ab", "report", "--store", db, "--since", "yesterday"}, 2, `--since "yesterday": want a date such as 2026-12-01`},
		{"bad format", []string{"ab", "report", "--store", db, "--format", "pdf"}, 2, `--format "pdf": want one of text, md, json, html`},
		{"export format", []string{"ab", "export", "--store", db, "--format", "xml"}, 2, `--format "xml": want csv or jsonl`},
		{"merge without -o", []string{"ab", "merge", db}, 2, "give the output store with -o"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCLI(t, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errOut, tt.code, tt.want)
			}
		})
	}
}

// abLSPConfig is a configuration with two loopback models in A/B mode.
const abLSPConfig = `
[[models]]
name = "gptj-pre"
base_url = %q
n = 1
[[models]]
name = "gptj-ft"
base_url = %q
n = 1
[analysis]
analyzers = ["builtin"]
[ab]
enabled = true
models = ["gptj-pre", "gptj-ft"]
store = %q
`

// TestABKill9LosesNoAcceptedEvent runs `securecomplete lsp` as a child
// process in A/B mode, accepts N candidates (each accept answered), kills
// the process with SIGKILL, and reopens the store: all N accepts are
// there and the store is whole.
func TestABKill9LosesNoAcceptedEvent(t *testing.T) {
	pre := openaitest.New(t, func(openaitest.Request) openaitest.Reply { return openaitest.Reply{Texts: []string{" 1;"}} })
	ft := openaitest.New(t, func(openaitest.Request) openaitest.Reply { return openaitest.Reply{Texts: []string{" 2;"}} })
	dir := t.TempDir()
	db := filepath.Join(dir, "ab.db")
	cfg := filepath.Join(dir, "securecomplete.toml")
	writeFileB(t, cfg, fmt.Sprintf(abLSPConfig, pre.BaseURL, ft.BaseURL, db))
	p := startLSP(t, "--config", cfg)
	p.initialize(t)
	id := 10
	call := func(method string, params map[string]any) map[string]any {
		id++
		p.send(t, map[string]any{"id": id, "method": method, "params": params})
		return p.waitFor(t, 10*time.Second, method+" reply", hasID(id))
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		st := call("workspace/executeCommand", map[string]any{"command": "securecomplete.status"})
		if ab, _ := st["result"].(map[string]any)["ab"].(map[string]any); ab != nil && ab["enabled"] == true {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("A/B mode not on within 10s: %v\n%s", st, p.stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	const n = 5
	for i := range n {
		uri := fmt.Sprintf("file://%s/f%d.c", dir, i)
		p.send(t, map[string]any{"method": "textDocument/didOpen", "params": map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "c", "version": 1, "text": "int x ="}}})
		res := call("textDocument/completion", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": 0, "character": 7}})
		items, _ := res["result"].(map[string]any)["items"].([]any)
		if len(items) != 2 {
			t.Fatalf("completion %d: %v", i, res)
		}
		cmd := items[0].(map[string]any)["command"].(map[string]any)
		edit := items[0].(map[string]any)["textEdit"].(map[string]any)
		p.send(t, map[string]any{"method": "textDocument/didChange", "params": map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": 2},
			"contentChanges": []any{map[string]any{"range": edit["range"], "text": edit["newText"]}},
		}})
		if r := call("workspace/executeCommand", map[string]any{"command": cmd["command"], "arguments": cmd["arguments"]}); r["error"] != nil {
			t.Fatalf("accept %d: %v", i, r)
		}
	}
	if err := p.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = p.cmd.Wait()

	ctx := context.Background()
	st, err := store.OpenSQLite(ctx, db)
	if err != nil {
		t.Fatalf("reopen after kill -9: %v", err)
	}
	defer st.Close()
	accepts := 0
	if err := st.Scan(ctx, time.Time{}, func(e *store.Event) error {
		if e.Type == store.TypeAccept {
			accepts++
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if accepts != n {
		t.Errorf("%d accept events after kill -9, want the %d acknowledged", accepts, n)
	}
	if _, ok, err := st.Mapping(ctx); !ok || err != nil {
		t.Errorf("arms after kill -9: %v, %v", ok, err)
	}
	raw, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var check, version string
	if err := raw.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check after kill -9: %q, %v", check, err)
	}
	if err := raw.QueryRow("SELECT value FROM ab_meta WHERE key = 'schema_version'").Scan(&version); err != nil || version != "1" {
		t.Errorf("schema version after kill -9: %q, %v", version, err)
	}
	code, out, errOut := runCLI(t, "ab", "report", "--store", db)
	if code != 0 || !strings.Contains(out, fmt.Sprintf("%d requests", n)) {
		t.Errorf("report after kill -9: exit %d\n%s%s", code, out, errOut)
	}
}
