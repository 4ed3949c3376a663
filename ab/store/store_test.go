package store_test

import (
	"context"
	"database/sql"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"securecomplete/ab/store"
	"securecomplete/ab/store/storetest"
)

// backend opens stores of one kind for the shared suite.
type backend struct {
	name string
	// fresh returns the location of a new, empty store.
	fresh func(t *testing.T) string
	// raw opens the database under a store, to change it behind the
	// store's back.
	raw func(t *testing.T, loc string) *sql.DB
}

func backends() []backend {
	return []backend{
		{
			name:  "sqlite",
			fresh: func(t *testing.T) string { return filepath.Join(t.TempDir(), "ab.db") },
			raw: func(t *testing.T, loc string) *sql.DB {
				db, err := sql.Open("sqlite", "file:"+loc+"?_pragma=busy_timeout(5000)")
				if err != nil {
					t.Fatal(err)
				}
				return db
			},
		},
		{
			name:  "postgres",
			fresh: func(t *testing.T) string { return storetest.Postgres(t) },
			raw: func(t *testing.T, loc string) *sql.DB {
				db, err := sql.Open("pgx", loc)
				if err != nil {
					t.Fatal(err)
				}
				return db
			},
		},
	}
}

// forEach runs f on every backend.
func forEach(t *testing.T, f func(t *testing.T, b backend)) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) { f(t, b) })
	}
}

func open(t *testing.T, loc string) store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), loc)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

var t0 = time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)

// sampleEvents is one request's life with every field of every type set.
func sampleEvents() []store.Event {
	return []store.Event{
		{Type: store.TypeRequest, Time: t0, Session: "s1", Request: "i1", Arm: "A", Model: "gptj-pre", Lang: "c", DocHash: "d1", Mode: "interleave", LatencyFirst: 120 * time.Millisecond, LatencyAll: 180 * time.Millisecond},
		{Type: store.TypeRequest, Time: t0, Session: "s1", Request: "i1", Arm: "B", Model: "gptj-ft", Lang: "c", DocHash: "d1", Mode: "interleave", Error: "HTTP 500", TimedOut: true, Cancelled: true},
		{Type: store.TypeShown, Time: t0.Add(time.Millisecond), Session: "s1", Request: "i1", Arm: "A", Model: "gptj-pre", Rank: 1, Chars: 31, Tokens: 9, TextHash: "h1", CWEs: []string{"CWE-787", "CWE-120"}, Parses: true, Text: "strcpy(buf, argv[1]);"},
		{Type: store.TypeAccept, Time: t0.Add(2 * time.Second), Session: "s1", Request: "i1", Arm: "A", Model: "gptj-pre", Rank: 1, Chars: 31, Accepted: 31},
		{Type: store.TypePartialAccept, Time: t0.Add(3 * time.Second), Session: "s1", Request: "i2", Arm: "B", Model: "gptj-ft", Accepted: 7},
		{Type: store.TypeDismiss, Time: t0.Add(4 * time.Second), Session: "s1", Request: "i3", Reason: "next_request"},
		{Type: store.TypeVerdict, Time: t0.Add(5 * time.Second), Session: "s1", Request: "i1", Arm: "A", Model: "gptj-pre", Analyzer: "builtin", CWEs: []string{"CWE-787"}},
		{Type: store.TypePersistence, Time: t0.Add(32 * time.Second), Session: "s1", Request: "i1", Arm: "A", Model: "gptj-pre", Horizon: 30 * time.Second, Kept: 0.75},
		{Type: store.TypeLoss, Time: t0.Add(40 * time.Second), Lost: 12},
	}
}

func scanAll(t *testing.T, st store.Store, since time.Time) []store.Event {
	t.Helper()
	var out []store.Event
	if err := st.Scan(context.Background(), since, func(e *store.Event) error {
		out = append(out, *e)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRoundTrip(t *testing.T) {
	forEach(t, func(t *testing.T, b backend) {
		loc := b.fresh(t)
		st := open(t, loc)
		want := sampleEvents()
		if err := st.Append(context.Background(), want); err != nil {
			t.Fatal(err)
		}
		st.Close()
		st = open(t, loc)
		got := scanAll(t, st, time.Time{})
		if len(got) != len(want) {
			t.Fatalf("read %d events, wrote %d", len(got), len(want))
		}
		for i := range want {
			if got[i].Seq <= 0 || (i > 0 && got[i].Seq <= got[i-1].Seq) {
				t.Errorf("event %d: seq %d not increasing", i, got[i].Seq)
			}
			got[i].Seq = 0
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Errorf("event %d read back as\n%+v\nwant\n%+v", i, got[i], want[i])
			}
		}
		if since := scanAll(t, st, t0.Add(4*time.Second)); len(since) != 4 || since[0].Type != store.TypeDismiss {
			t.Errorf("since t0+4s: %d events starting with %v, want 4 from the dismiss", len(since), since)
		}
	})
}

func TestArmsDrawnOnceAndKept(t *testing.T) {
	forEach(t, func(t *testing.T, b backend) {
		loc := b.fresh(t)
		ctx := context.Background()
		st := open(t, loc)
		if _, ok, err := st.Mapping(ctx); ok || err != nil {
			t.Fatalf("a new store has arms (%v, %v)", ok, err)
		}
		models := [2]string{"gptj-pre", "gptj-ft"}
		a, err := st.Arms(ctx, models, rand.New(rand.NewPCG(1, 2)))
		if err != nil {
			t.Fatal(err)
		}
		if !(a == store.Arms{A: "gptj-pre", B: "gptj-ft"} || a == store.Arms{A: "gptj-ft", B: "gptj-pre"}) {
			t.Fatalf("arms %+v", a)
		}
		st.Close()
		st = open(t, loc)
		// Whatever the new draw would be, the stored one holds; the order
		// of the configured models does not matter.
		for seed := range uint64(8) {
			again, err := st.Arms(ctx, [2]string{"gptj-ft", "gptj-pre"}, rand.New(rand.NewPCG(seed, seed)))
			if err != nil || again != a {
				t.Fatalf("reopened: arms %+v, %v; want the stored %+v", again, err, a)
			}
		}
		_, err = st.Arms(ctx, [2]string{"gptj-ft", "starcoder"}, rand.New(rand.NewPCG(1, 1)))
		if err == nil || !strings.Contains(err.Error(), `compares two other models; this configuration compares "gptj-ft" and "starcoder"`) {
			t.Errorf("other models: err = %v", err)
		}
	})
}

func TestNewerSchemaRefused(t *testing.T) {
	forEach(t, func(t *testing.T, b backend) {
		loc := b.fresh(t)
		open(t, loc).Close()
		db := b.raw(t, loc)
		if _, err := db.Exec("UPDATE ab_meta SET value = '99' WHERE key = 'schema_version'"); err != nil {
			t.Fatal(err)
		}
		db.Close()
		_, err := store.Open(context.Background(), loc)
		if !errors.Is(err, store.ErrNewerSchema) || !strings.Contains(err.Error(), "schema version 99 is newer than this program's 1") || !strings.Contains(err.Error(), "use a newer securecomplete") {
			t.Errorf("err = %v, want the newer schema named", err)
		}
	})
}

func TestMerge(t *testing.T) {
	forEach(t, func(t *testing.T, b backend) {
		ctx := context.Background()
		a := open(t, filepath.Join(t.TempDir(), "a.db"))
		bb := open(t, filepath.Join(t.TempDir(), "b.db"))
		// Two people's stores drew opposite arms.
		if _, err := a.Arms(ctx, [2]string{"gptj-pre", "gptj-ft"}, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := bb.Arms(ctx, [2]string{"gptj-ft", "gptj-pre"}, nil); err != nil {
			t.Fatal(err)
		}
		evA := store.Event{Type: store.TypeAccept, Time: t0, Session: "alice", Request: "i1", Arm: "A", Model: "gptj-pre", Accepted: 10}
		evB := store.Event{Type: store.TypeAccept, Time: t0, Session: "bob", Request: "i1", Arm: "A", Model: "gptj-ft", Accepted: 20}
		if err := a.Append(ctx, []store.Event{evA}); err != nil {
			t.Fatal(err)
		}
		if err := bb.Append(ctx, []store.Event{evB}); err != nil {
			t.Fatal(err)
		}
		out := open(t, b.fresh(t))
		n, err := store.Merge(ctx, out, a, bb)
		if err != nil || n != 2 {
			t.Fatalf("merged %d, %v", n, err)
		}
		got := scanAll(t, out, time.Time{})
		arms, _, _ := out.Mapping(ctx)
		if arms != (store.Arms{A: "gptj-pre", B: "gptj-ft"}) {
			t.Errorf("merged arms %+v, want the first input's", arms)
		}
		if len(got) != 2 || got[0].Arm != "A" || got[1].Arm != "B" || got[1].Session != "bob" || got[1].Model != "gptj-ft" {
			t.Errorf("merged events %+v: want bob's gptj-ft accept relabelled arm B", got)
		}
		other := open(t, filepath.Join(t.TempDir(), "c.db"))
		if _, err := other.Arms(ctx, [2]string{"gptj-ft", "starcoder"}, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := store.Merge(ctx, out, a, other); err == nil || !strings.Contains(err.Error(), "compares two other models") {
			t.Errorf("merging a store of other models: err = %v", err)
		}
	})
}

// TestWriterBoundsMemoryAndCountsLoss holds the store's write lock from
// another connection: the writer's buffer fills, further events are
// dropped and counted, nothing blocks, and once the lock goes the
// buffered events and a loss event are written.
func TestWriterBoundsMemoryAndCountsLoss(t *testing.T) {
	forEach(t, func(t *testing.T, b backend) {
		loc := b.fresh(t)
		st := open(t, loc)
		db := b.raw(t, loc)
		defer db.Close()
		lockTx, err := db.Begin()
		if err != nil {
			t.Fatal(err)
		}
		lock := "LOCK TABLE ab_events IN ACCESS EXCLUSIVE MODE"
		if b.name == "sqlite" {
			lock = "INSERT INTO ab_meta (key, value) VALUES ('lock', 'held')" // takes SQLite's write lock
		}
		if _, err := lockTx.Exec(lock); err != nil {
			t.Fatal(err)
		}
		w := store.NewWriter(st, store.WriterOptions{Buffer: 3, Retry: 50 * time.Millisecond})
		start := time.Now()
		recorded := 0
		for i := range 5 {
			if w.Record(store.Event{Type: store.TypeShown, Time: t0, Session: "s", Request: "i" + string(rune('1'+i))}) {
				recorded++
			}
		}
		if d := time.Since(start); d > 100*time.Millisecond {
			t.Errorf("5 records took %s with the store locked: Record must not block", d)
		}
		if waiting, lost := w.Stats(); recorded != 3 || waiting != 3 || lost != 2 {
			t.Errorf("recorded %d, waiting %d, lost %d; want 3, 3, 2", recorded, waiting, lost)
		}
		if err := lockTx.Rollback(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(20 * time.Second)
		for waiting, _ := w.Stats(); waiting > 0; waiting, _ = w.Stats() {
			if time.Now().After(deadline) {
				t.Fatalf("%d events still waiting 20s after the lock went", waiting)
			}
			time.Sleep(10 * time.Millisecond)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		if err := w.RecordWait(ctx, store.Event{Type: store.TypeAccept, Time: t0, Session: "s", Request: "i9"}); err != nil {
			t.Fatal(err)
		}
		got := scanAll(t, st, time.Time{})
		var types []string
		lostN := 0
		for _, e := range got {
			types = append(types, string(e.Type))
			lostN += e.Lost
		}
		if len(got) != 5 || lostN != 2 || types[4] != "accept" {
			t.Errorf("stored %v (loss %d), want 3 shown, a loss of 2, then the accept", types, lostN)
		}
	})
}

func TestSQLiteBadFiles(t *testing.T) {
	dir := t.TempDir()
	corrupt := filepath.Join(dir, "corrupt.db")
	if err := os.WriteFile(corrupt, []byte(strings.Repeat("this is not a database ", 200)), 0o644); err != nil {
		t.Fatal(err)
	}
	foreign := filepath.Join(dir, "foreign.db")
	db, err := sql.Open("sqlite", foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE notes (x TEXT)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	locked := filepath.Join(dir, "locked.db")
	open(t, locked).Close()
	holder, err := sql.Open("sqlite", "file:"+locked+"?_txlock=exclusive")
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	tx, err := holder.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec("INSERT INTO ab_meta (key, value) VALUES ('holder', 'x')"); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ path, want string }{
		{corrupt, "damaged: not a readable SQLite database (left untouched"},
		{foreign, "holds tables but no A/B store (left untouched)"},
		{locked, "locked by another process"},
	} {
		_, err := store.OpenSQLite(context.Background(), tt.path)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.path) {
			t.Errorf("open %s: err = %v, want one naming the file and %q", filepath.Base(tt.path), err, tt.want)
		}
	}
	if b, _ := os.ReadFile(corrupt); !strings.HasPrefix(string(b), "this is not a database") {
		t.Errorf("the corrupt file was changed")
	}
}

func TestSQLiteNewStoreIsPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "ab.db")
	open(t, path)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm != 0o600 {
		t.Errorf("a new store has mode %v, want 0600", perm)
	}
}
