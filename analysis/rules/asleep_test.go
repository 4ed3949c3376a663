package rules

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"securecomplete/analysis"
	"securecomplete/internal/testenv"
)

// asleepProgram is one generated program of the asleep-completions set.
type asleepProgram struct {
	Model    string `json:"model"`
	Scenario string `json:"scenario_id"`
	Index    int    `json:"index"`
	Source   string `json:"source"`
}

func loadAsleep(tb testing.TB) []asleepProgram {
	tb.Helper()
	dir := testenv.Dataset(tb, "asleep-completions-dev")
	fh, err := os.Open(filepath.Join(dir, "programs.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var out []asleepProgram
	for sc.Scan() {
		var p asleepProgram
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			tb.Fatalf("programs.jsonl line %d: %v", len(out)+1, err)
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// TestAsleepPrograms checks every generated program of the asleep set:
// no errors, no panics, and prints the share judged vulnerable per
// scenario (there are no reference verdicts for these).
func TestAsleepPrograms(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 3,750 programs")
	}
	progs := loadAsleep(t)
	ch := New()
	vuln := map[string]int{}
	count := map[string]int{}
	for _, p := range progs {
		fs, err := ch.Check(context.Background(), analysis.File{Path: fmt.Sprintf("%s/%s/%d", p.Model, p.Scenario, p.Index), Lang: analysis.C, Src: []byte(p.Source)})
		if err != nil {
			t.Errorf("%s %s %d: %v", p.Model, p.Scenario, p.Index, err)
			continue
		}
		cwe := scenarioCWE(p.Scenario)
		count[p.Scenario]++
		for _, f := range fs {
			if string(f.CWE) == cwe {
				vuln[p.Scenario]++
				break
			}
		}
	}
	var ids []string
	for id := range count {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var b strings.Builder
	for _, id := range ids {
		fmt.Fprintf(&b, "%-10s %4d programs, %5.1f%% vulnerable\n", id, count[id], 100*float64(vuln[id])/float64(count[id]))
	}
	t.Logf("verdicts on %d generated programs:\n%s", len(progs), b.String())
}

// BenchmarkAsleep measures the built-in rules over the asleep programs,
// spread over GOMAXPROCS goroutines, and reports programs per second.
func BenchmarkAsleep(b *testing.B) {
	progs := loadAsleep(b)
	files := make([]analysis.File, len(progs))
	for i, p := range progs {
		files[i] = analysis.File{Path: p.Scenario, Lang: analysis.C, Src: []byte(p.Source)}
	}
	ch := New()
	workers := runtime.GOMAXPROCS(0)
	// The live heap before and after: it must stay flat whatever b.N is.
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	heapBefore := ms.HeapAlloc
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	var next atomic.Int64
	total := int64(b.N) * int64(len(files))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := next.Add(1) - 1
				if i >= total {
					return
				}
				if _, err := ch.Check(context.Background(), files[i%int64(len(files))]); err != nil {
					b.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	el := time.Since(start)
	b.ReportMetric(float64(total)/el.Seconds(), "programs/s")
	b.ReportMetric(0, "ns/op")
	runtime.GC()
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(int64(ms.HeapAlloc)-int64(heapBefore))/(1<<20), "heap-growth-MB")
}
