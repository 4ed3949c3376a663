package nvim_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"securecomplete/internal/testenv"
)

// TestNeovimRestartsACrashedServer runs the plugin in a real Neovim with
// a server command that exits on its own: once (the plugin starts the
// real server again after its backoff and the buffer is served), and
// every time (the plugin gives up after its limit, with one message).
func TestNeovimRestartsACrashedServer(t *testing.T) {
	nvim := testenv.Tool(t, "nvim")
	repo := testenv.RepoRoot(t)
	bin := testenv.Binary(t)
	for _, tc := range []struct {
		name      string
		cmd       string
		max       int
		starts    int
		answered  bool
		restarted int // "starting it again" messages
	}{
		{"crashes once", `n=$(cat "$SC_COUNT" 2>/dev/null || echo 0); echo $((n+1)) > "$SC_COUNT"; [ "$n" -ge 1 ] || exit 3; exec "$SC_BIN" lsp`, 5, 2, true, 1},
		{"crashes always", `n=$(cat "$SC_COUNT" 2>/dev/null || echo 0); echo $((n+1)) > "$SC_COUNT"; exit 3`, 3, 4, false, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tmp := t.TempDir()
			ws := filepath.Join(tmp, "ws")
			file := filepath.Join(ws, "a.c")
			if err := os.MkdirAll(ws, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, []byte("int main(void) { return 0; }\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			count, out := filepath.Join(tmp, "count"), filepath.Join(tmp, "out.json")
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-u", filepath.Join(repo, "editors", "nvim", "testdata", "restart.lua"), file)
			cmd.Dir = ws
			home := filepath.Join(tmp, "home")
			cmd.Env = append(os.Environ(), "SC_PLUGIN="+filepath.Join(repo, "editors", "nvim"), "SC_CMD="+tc.cmd, "SC_BIN="+bin,
				"SC_COUNT="+count, "SC_OUT="+out, "SC_FILE="+file, "SC_MAX="+strconv.Itoa(tc.max))
			cmd.Env = append(cmd.Env, homeEnv(home)...)
			var output bytes.Buffer
			cmd.Stdout, cmd.Stderr = &output, &output
			cmd.WaitDelay = 5 * time.Second
			if err := cmd.Run(); err != nil {
				t.Fatalf("nvim: %v\n%s", err, output.String())
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatalf("no result: %v\n%s", err, output.String())
			}
			var res struct {
				Notes    []string `json:"notes"`
				Answered bool     `json:"answered"`
				GaveUp   bool     `json:"gave_up"`
				TimedOut bool     `json:"timed_out"`
			}
			if err := json.Unmarshal(data, &res); err != nil {
				t.Fatalf("result %s: %v", data, err)
			}
			n, _ := os.ReadFile(count)
			notes := strings.Join(res.Notes, "\n")
			t.Logf("starts %s; notes:\n%s", strings.TrimSpace(string(n)), notes)
			if got := strings.TrimSpace(string(n)); got != strconv.Itoa(tc.starts) {
				t.Errorf("the server command ran %s times, want %d", got, tc.starts)
			}
			if res.Answered != tc.answered || res.GaveUp == tc.answered || res.TimedOut {
				t.Errorf("answered %v, gave up %v, timed out %v; want answered %v", res.Answered, res.GaveUp, res.TimedOut, tc.answered)
			}
			if got := strings.Count(notes, "securecomplete: the server exited (status 3); starting it again in"); got != tc.restarted {
				t.Errorf("%d restart messages, want %d", got, tc.restarted)
			}
			for i, wait := range []string{"50 ms", "100 ms", "200 ms"}[:tc.restarted] {
				if !strings.Contains(notes, "starting it again in "+wait) {
					t.Errorf("restart %d: no wait of %s (the base of 50 ms, doubled each time)", i+1, wait)
				}
			}
			if got := strings.Count(notes, "not started again"); got != btoi(!tc.answered) {
				t.Errorf("%d give-up messages, want %d", got, btoi(!tc.answered))
			}
		})
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
