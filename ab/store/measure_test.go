package store_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"securecomplete/ab/store"
	"securecomplete/ab/store/storetest"
)

// The measurements of the A/B store (see docs/ab.md): the cost of
// recording one event as the accept command does (one committed
// transaction), and the store's size per 10,000 requests. They run with
// SECURECOMPLETE_MEASURE=1:
//
//	SECURECOMPLETE_MEASURE=1 go test ./ab/store/ -run Measure -v

func measuring(t *testing.T) {
	if os.Getenv("SECURECOMPLETE_MEASURE") != "1" {
		t.Skip("a measurement: set SECURECOMPLETE_MEASURE=1 to run it")
	}
}

func TestMeasureRecordLatency(t *testing.T) {
	measuring(t)
	forEach(t, func(t *testing.T, b backend) {
		st := open(t, b.fresh(t))
		evs := storetest.Requests(400, 1)
		ctx := context.Background()
		lat := make([]time.Duration, 0, len(evs))
		for _, e := range evs[:1000] {
			start := time.Now()
			if err := st.Append(ctx, []store.Event{e}); err != nil {
				t.Fatal(err)
			}
			lat = append(lat, time.Since(start))
		}
		slices.Sort(lat)
		t.Logf("%s: one event committed (Append of 1, what the accept waits for): p50 %s, p99 %s over %d",
			b.name, lat[len(lat)/2].Round(time.Microsecond), lat[len(lat)*99/100].Round(time.Microsecond), len(lat))

		w := store.NewWriter(st, store.WriterOptions{})
		defer w.Close()
		lat = lat[:0]
		for _, e := range evs[1000:2000] {
			start := time.Now()
			w.Record(e)
			lat = append(lat, time.Since(start))
		}
		slices.Sort(lat)
		t.Logf("%s: Writer.Record (what a completion pays): p50 %s, p99 %s", b.name, lat[len(lat)/2], lat[len(lat)*99/100])
	})
}

func TestMeasureStoreSize(t *testing.T) {
	measuring(t)
	forEach(t, func(t *testing.T, b backend) {
		loc := b.fresh(t)
		st := open(t, loc)
		evs := storetest.Requests(10000, 2)
		ctx := context.Background()
		for i := 0; i < len(evs); i += 512 {
			if err := st.Append(ctx, evs[i:min(i+512, len(evs))]); err != nil {
				t.Fatal(err)
			}
		}
		st.Close()
		var size int64
		switch b.name {
		case "sqlite":
			db, err := sql.Open("sqlite", loc)
			if err != nil {
				t.Fatal(err)
			}
			_, _ = db.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
			db.Close()
			matches, _ := filepath.Glob(loc + "*")
			for _, m := range matches {
				if fi, err := os.Stat(m); err == nil {
					size += fi.Size()
				}
			}
		case "postgres":
			db := b.raw(t, loc)
			defer db.Close()
			if err := db.QueryRow("SELECT pg_total_relation_size('ab_events')").Scan(&size); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("%s: 10,000 requests = %d events, store %.1f MB (%.0f bytes an event)", b.name, len(evs), float64(size)/1e6, float64(size)/float64(len(evs)))
	})
}
