package report_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"securecomplete/ab/report"
	"securecomplete/ab/store"
	"securecomplete/ab/store/storetest"
)

// TestMeasureReport1M times `ab report` on a SQLite store of about
// 1,000,000 generated events (SECURECOMPLETE_MEASURE=1).
func TestMeasureReport1M(t *testing.T) {
	if os.Getenv("SECURECOMPLETE_MEASURE") != "1" {
		t.Skip("a measurement: set SECURECOMPLETE_MEASURE=1 to run it")
	}
	ctx := context.Background()
	st, err := store.OpenSQLite(ctx, filepath.Join(t.TempDir(), "ab.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Arms(ctx, [2]string{"gptj-pre", "gptj-ft"}, nil); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	n := 0
	for chunk := uint64(0); n < 1_000_000; chunk++ {
		evs := storetest.Requests(10000, chunk)
		for i := 0; i < len(evs); i += 4096 {
			if err := st.Append(ctx, evs[i:min(i+4096, len(evs))]); err != nil {
				t.Fatal(err)
			}
		}
		n += len(evs)
	}
	t.Logf("wrote %d events in %s", n, time.Since(start).Round(time.Millisecond))
	for _, format := range []string{"text", "html"} {
		start = time.Now()
		rep, err := report.Build(ctx, st, report.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := report.Write(io.Discard, rep, format); err != nil {
			t.Fatal(err)
		}
		t.Logf("ab report --format %s on %d events (%d requests): %s", format, rep.Events, rep.Requests, time.Since(start).Round(time.Millisecond))
	}
}
