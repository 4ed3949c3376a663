package lsp

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// cFile returns a C file of about n lines whose last function is open
// at the end, where the cursor goes.
func cFile(n int) string {
	var b strings.Builder
	b.WriteString("#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n\n")
	for i := 0; strings.Count(b.String(), "\n") < n-12; i++ {
		fmt.Fprintf(&b, `/* Copy at most len bytes of record %d (é€😀). */
static int copy_%d(char *dst, const char *src, size_t len) {
    if (dst == NULL || src == NULL) {
        return -1;
    }
    for (size_t i = 0; i < len && src[i] != '\0'; i++) {
        dst[i] = src[i];
    }
    return %d;
}

`, i, i, i)
	}
	b.WriteString("int main(int argc, char **argv) {\n    char buf[64];\n    if (argc < 2) {\n        return 1;\n    }\n    ")
	return b.String()
}

// BenchmarkCompletion measures the server's latency for one completion
// request on a 5,000-line C file with a model (a loopback OpenAI server)
// that answers at once: from the request leaving the editor to the list
// arriving, through the in-memory harness. Before each request the user
// types one more character, as in an editor. It reports p50, p95 and p99,
// the allocations per request (the server's, while the request runs) and
// the process's CPU time per request.
//
// The 10MB case shows how the latency grows with the document.
func BenchmarkCompletion(b *testing.B) {
	for _, bc := range []struct {
		name  string
		lines int
	}{{"5000-lines", 5000}, {"10MB", 250_000}} {
		b.Run(bc.name, func(b *testing.B) { benchmarkCompletion(b, cFile(bc.lines)) })
	}
}

func benchmarkCompletion(b *testing.B, text string) {
	b.ReportAllocs()
	h := newHarness(b, setup{model: answer("strncpy(buf, argv[1], sizeof buf - 1);\n    buf[sizeof buf - 1] = '\\0';")})
	h.initialize(nil)
	d := h.open("big.c", text)
	if _, err := d.complete(); err != nil { // warm up: token cache, parsers, connection
		b.Fatal(err)
	}
	lat := make([]time.Duration, 0, b.N)
	cpu0 := processCPU()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		if i%40 == 39 {
			d.typeText(";\n    ")
		} else {
			d.typeText("s")
		}
		b.StartTimer()
		start := time.Now()
		list, err := d.complete()
		lat = append(lat, time.Since(start))
		if err != nil || len(list.Items) != 1 {
			b.Fatalf("completion: %v %+v", err, list)
		}
	}
	// The process's CPU time per request (the server, the in-process
	// editor and model, typing included): unlike the latencies, it does
	// not grow when other processes load the machine.
	if cpu := processCPU() - cpu0; cpu > 0 && len(lat) > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(len(lat)), "cpu-ms")
	}
	reportPercentiles(b, lat)
}

func reportPercentiles(b *testing.B, lat []time.Duration) {
	if len(lat) == 0 {
		return
	}
	slices.Sort(lat)
	at := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.95), "p95-ms")
	b.ReportMetric(at(0.99), "p99-ms")
}

// BenchmarkEdit measures a one-character incremental edit of a 5,000-line
// document: "apply" is the server's work on the edit; "roundtrip" is a
// didChange notification followed by a request the read loop answers
// after it (so it includes the pipe and JSON both ways).
func BenchmarkEdit(b *testing.B) {
	text := cFile(5000)
	half := len(text) / 2
	mid := utf16Pos(text, half+strings.Index(text[half:], "return")) // a line in the middle
	b.Run("apply", func(b *testing.B) {
		d := newDocument("file:///big.c", "c", 1, text)
		change := []TextDocumentContentChangeEvent{{Range: &protocol.Range{Start: mid, End: mid}, Text: "x"}}
		for i := int32(0); b.Loop(); i++ {
			d = d.apply(i, change)
		}
	})
	b.Run("roundtrip", func(b *testing.B) {
		h := newHarness(b, setup{})
		h.initialize(nil)
		d := h.open("big.c", text)
		off := byteOffset(b, d.text, mid)
		for i := 0; b.Loop(); i++ {
			d.edit(off, off, "x")
			off++
			// Answered on the read loop, after the edit was applied.
			if err := decode(wait(b, "probe", h.c.start(jsonrpc2.NewNumberID(int32(1_000_000+i)), "securecomplete/probe", nil)), nil); err == nil {
				b.Fatal("probe answered without an error")
			}
		}
	})
	b.Run("roundtrip-baseline", func(b *testing.B) {
		h := newHarness(b, setup{})
		h.initialize(nil)
		for i := 0; b.Loop(); i++ {
			_ = decode(wait(b, "probe", h.c.start(jsonrpc2.NewNumberID(int32(1_000_000+i)), "securecomplete/probe", nil)), nil)
		}
	})
}
