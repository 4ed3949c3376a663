package cli

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// endlessModel answers every completion with 200 and a body that never
// ends, as fast as the connection takes it.
func endlessModel(t testing.TB) string {
	t.Helper()
	stop := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"choices":[{"index":0,"text":"`)
		chunk := []byte(strings.Repeat("a", 64<<10))
		for {
			if _, err := w.Write(chunk); err != nil {
				return
			}
			select {
			case <-r.Context().Done():
				return
			case <-stop:
				return
			default:
			}
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(stop) })
	return srv.URL + "/v1"
}

// peakRSS reads a process's peak resident set size (VmHWM) in bytes.
func peakRSS(pid int) (int64, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10, err
		}
	}
	return 0, fmt.Errorf("no VmHWM in /proc/%d/status", pid)
}

// BenchmarkLSPEndlessModel runs `securecomplete lsp` against a model that
// streams an endless 200 body, timeout 2 s, and reports the server's peak
// RSS and how long one completion takes to be answered.
func BenchmarkLSPEndlessModel(b *testing.B) {
	cfg := filepath.Join(b.TempDir(), "sc.toml")
	err := os.WriteFile(cfg, []byte(fmt.Sprintf("[[models]]\nname = \"m\"\nbase_url = %q\ntimeout = \"2s\"\n", endlessModel(b))), 0o644)
	if err != nil {
		b.Fatal(err)
	}
	var rss int64
	var took time.Duration
	for i := 0; b.Loop(); i++ {
		p := startLSPB(b, "--config", cfg)
		p.initialize(b)
		uri := "file:///tmp/x.c"
		p.send(b, map[string]any{"method": "textDocument/didOpen", "params": map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "c", "version": 1, "text": "int x ="}}})
		start := time.Now()
		p.send(b, map[string]any{"id": 2, "method": "textDocument/completion", "params": map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": 0, "character": 7}}})
		p.waitFor(b, 30*time.Second, "completion result", hasID(2))
		took += time.Since(start)
		r, err := peakRSS(p.cmd.Process.Pid)
		if err != nil {
			b.Fatal(err)
		}
		rss = max(rss, r)
		p.stop()
	}
	b.ReportMetric(float64(rss)/(1<<20), "MB-peak-rss")
	b.ReportMetric(took.Seconds()/float64(b.N), "s-to-answer")
}
