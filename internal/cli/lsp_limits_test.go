package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func errorCode(m map[string]any) int {
	e, _ := m["error"].(map[string]any)
	c, _ := e["code"].(float64)
	return int(c)
}

// TestLSPOversizedMessage announces a body over the 256 MiB limit: the
// server answers it with an error and closes the connection, instead of
// swallowing everything that follows.
func TestLSPOversizedMessage(t *testing.T) {
	p := startLSP(t)
	p.initialize(t)
	p.sendRaw(t, "Content-Length: 300000000\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"shutdown\"}")
	msg := p.waitFor(t, 10*time.Second, "an answer to the oversized message", func(m map[string]any) bool { return m["error"] != nil })
	if errorCode(msg) != -32600 || !strings.Contains(fmt.Sprint(msg["error"]), "over the server's limit") {
		t.Errorf("answer %v, want InvalidRequest naming the limit", msg)
	}
	done := make(chan error, 1)
	go func() { done <- p.cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the server kept the connection open")
	}
}

// TestLSPIDWithoutMethod sends a message with an id and nothing else: it
// is answered InvalidRequest, and logged.
func TestLSPIDWithoutMethod(t *testing.T) {
	p := startLSP(t)
	p.initialize(t)
	p.send(t, map[string]any{"id": 99})
	msg := p.waitFor(t, 10*time.Second, "an answer to id 99", func(m map[string]any) bool { v, _ := m["id"].(float64); return v == 99 })
	if errorCode(msg) != -32600 {
		t.Errorf("answer %v, want InvalidRequest", msg)
	}
	// The server is still there.
	p.send(t, map[string]any{"id": 100, "method": "shutdown"})
	p.waitFor(t, 10*time.Second, "shutdown result", hasID(100))
	if !strings.Contains(p.stderr.String(), "malformed message") {
		t.Errorf("nothing logged:\n%s", p.stderr.String())
	}
}

// slowModel answers every completion after delay and records how many
// requests it held at once.
type slowModel struct {
	*httptest.Server
	inFlight, peak atomic.Int64
	served         atomic.Int64
}

func newSlowModel(t testing.TB, delay time.Duration) *slowModel {
	m := &slowModel{}
	m.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		n := m.inFlight.Add(1)
		defer m.inFlight.Add(-1)
		for {
			p := m.peak.Load()
			if n <= p || m.peak.CompareAndSwap(p, n) {
				break
			}
		}
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
		m.served.Add(1)
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"id": "x", "object": "text_completion", "choices": []any{map[string]any{"index": 0, "text": " 42;", "finish_reason": "stop"}}})
	}))
	t.Cleanup(m.Close)
	return m
}

// loadLSP opens docs documents and asks one completion in each, then
// pings the server (a request it answers on its read loop) every 10 ms
// until every completion is answered. It returns the ping latencies, the
// completion answers and the server's peak RSS.
func loadLSP(t testing.TB, p *lspProc, docs int) (pings []time.Duration, answers []map[string]any, rss int64) {
	p.initialize(t)
	for i := range docs {
		uri := fmt.Sprintf("file:///tmp/doc%d.c", i)
		p.send(t, map[string]any{"method": "textDocument/didOpen", "params": map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "c", "version": 1, "text": "int x ="}}})
	}
	for i := range docs {
		uri := fmt.Sprintf("file:///tmp/doc%d.c", i)
		p.send(t, map[string]any{"id": 1000 + i, "method": "textDocument/completion", "params": map[string]any{"textDocument": map[string]any{"uri": uri}, "position": map[string]any{"line": 0, "character": 7}}})
	}
	answered := func() int {
		p.mu.Lock()
		defer p.mu.Unlock()
		n := 0
		for _, m := range p.msgs {
			if v, ok := m["id"].(float64); ok && v >= 1000 && v < float64(1000+docs) && m["method"] == nil {
				n++
			}
		}
		return n
	}
	deadline := time.Now().Add(5 * time.Minute)
	for id := 100000; answered() < docs; id++ {
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d completions answered", answered(), docs)
		}
		start := time.Now()
		p.send(t, map[string]any{"id": id, "method": "$/securecomplete/ping"})
		p.waitFor(t, time.Minute, "ping answer", hasID(id))
		pings = append(pings, time.Since(start))
		if r, err := peakRSS(p.cmd.Process.Pid); err == nil {
			rss = max(rss, r)
		}
		time.Sleep(10 * time.Millisecond)
	}
	p.mu.Lock()
	for _, m := range p.msgs {
		if v, ok := m["id"].(float64); ok && v >= 1000 && v < float64(1000+docs) && m["method"] == nil {
			answers = append(answers, m)
		}
	}
	p.mu.Unlock()
	return pings, answers, rss
}

// TestLSPModelCallsBounded asks 60 completions on 60 documents of a slow
// model: at most --max-model-calls reach it at once, the completions over
// the queue are answered ServerCancelled, and every request is answered.
func TestLSPModelCallsBounded(t *testing.T) {
	model := newSlowModel(t, 200*time.Millisecond)
	cfg := writeFile(t, filepath.Join(t.TempDir(), "sc.toml"), fmt.Sprintf("[[models]]\nname = \"m\"\nbase_url = %q\ntimeout = \"30s\"\n", model.URL+"/v1"))
	p := startLSP(t, "--config", cfg, "--max-model-calls", "3", "--max-queued-model-calls", "5")
	_, answers, _ := loadLSP(t, p, 60)
	if peak := model.peak.Load(); peak > 3 {
		t.Errorf("%d model calls at once, want at most 3", peak)
	}
	shed := 0
	for _, a := range answers {
		if errorCode(a) == -32802 {
			shed++
		} else if a["error"] != nil {
			t.Errorf("answer %v", a)
		}
	}
	if shed == 0 || shed > 60-3-5 || int(model.served.Load()) < 60-shed {
		t.Errorf("%d completions shed, %d served by the model", shed, model.served.Load())
	}
}

// BenchmarkLSPPingUnderLoad runs the binary with 1,000 completions on
// 1,000 documents against a model that takes 50 ms, and reports how long
// a ping waits meanwhile (median and worst), the server's peak RSS and
// how many completions were shed.
func BenchmarkLSPPingUnderLoad(b *testing.B) {
	model := newSlowModel(b, 50*time.Millisecond)
	dir := b.TempDir()
	cfg := filepath.Join(dir, "sc.toml")
	writeFileB(b, cfg, fmt.Sprintf("[[models]]\nname = \"m\"\nbase_url = %q\ntimeout = \"60s\"\n", model.URL+"/v1"))
	var all []time.Duration
	var rss int64
	shed := 0
	var mu sync.Mutex
	for b.Loop() {
		p := startLSPB(b, "--config", cfg)
		pings, answers, r := loadLSP(b, p, 1000)
		p.stop()
		mu.Lock()
		all = append(all, pings...)
		rss = max(rss, r)
		for _, a := range answers {
			if errorCode(a) == -32802 {
				shed++
			}
		}
		mu.Unlock()
	}
	slices.Sort(all)
	b.ReportMetric(float64(all[len(all)/2].Microseconds())/1000, "ms-ping-p50")
	b.ReportMetric(float64(all[len(all)-1].Microseconds())/1000, "ms-ping-max")
	b.ReportMetric(float64(rss)/(1<<20), "MB-peak-rss")
	b.ReportMetric(float64(model.peak.Load()), "model-calls-peak")
	b.ReportMetric(float64(shed)/float64(b.N), "shed/op")
}
