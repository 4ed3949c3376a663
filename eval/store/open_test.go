package store

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// rawSQLite makes a SQLite file in rollback-journal mode with stmts run in
// it, as another program would.
func rawSQLite(t *testing.T, path string, stmts ...string) []byte {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestRefusedFileUntouched opens files that are not stores of this
// version: each is refused with its reason and left byte for byte as it
// was, in its own journal mode, with no -wal or -shm file beside it.
func TestRefusedFileUntouched(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	tests := []struct {
		name  string
		make  func(path string) []byte
		wants string
	}{
		{"foreign SQLite", func(p string) []byte {
			return rawSQLite(t, p, "CREATE TABLE t (x)", "INSERT INTO t VALUES (1)")
		}, "a SQLite file that is not a benchmark store"},
		{"newer schema", func(p string) []byte {
			return rawSQLite(t, p, "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)", fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion+1))
		}, fmt.Sprintf("schema version %d is newer", SchemaVersion+1)},
		{"not SQLite", func(p string) []byte {
			data := []byte(strings.Repeat("garbage ", 1000))
			os.WriteFile(p, data, 0o644)
			return data
		}, `not a SQLite file (it begins "garbage garbage "`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".db")
			before := tt.make(path)
			for _, open := range []func(context.Context, string) (*Store, error){Open, OpenReadOnly} {
				s, err := open(ctx, path)
				if err == nil {
					s.Close()
					t.Fatal("opened")
				}
				if !strings.Contains(err.Error(), tt.wants) || !strings.Contains(err.Error(), path) {
					t.Errorf("error %q, want one naming %s and saying %q", err, path, tt.wants)
				}
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Error("the refused file was changed")
			}
			for _, side := range []string{"-wal", "-shm"} {
				if _, err := os.Stat(path + side); err == nil {
					t.Errorf("%s left beside the refused file", side)
				}
			}
		})
	}
}

// TestDamagedStoreRefused overwrites a page in the middle of a real store:
// Open and OpenReadOnly refuse it up front and say what is damaged.
func TestDamagedStoreRefused(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "run.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 400 {
		sm := Sample{Key: Key{Arm: "a", Scenario: "787-0/c", Index: i}, Model: "m", Settings: "{}", Completion: strings.Repeat("x = 1;\n", 20), Raw: "r", FinishReason: "stop", Candidates: 1}
		if err := s.PutSample(ctx, sm); err != nil {
			t.Fatal(err)
		}
	}
	// The root page of the samples table, an interior page of its b-tree.
	var root, pageSize int
	if err := s.db.QueryRowContext(ctx, "SELECT rootpage FROM sqlite_master WHERE name = 'samples'").Scan(&root); err != nil {
		t.Fatal(err)
	}
	if err := s.db.QueryRowContext(ctx, "PRAGMA page_size").Scan(&pageSize); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if data[(root-1)*pageSize] != 5 {
		t.Fatalf("page %d is of type %d, not an interior table page", root, data[(root-1)*pageSize])
	}
	// Its cell pointers now point past the end of the page.
	page := (root - 1) * pageSize
	copy(data[page+12:page+40], bytes.Repeat([]byte{0xFF}, 28))
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	for name, open := range map[string]func(context.Context, string) (*Store, error){"Open": Open, "OpenReadOnly": OpenReadOnly} {
		s, err := open(ctx, path)
		if err == nil {
			s.Close()
			t.Fatalf("%s: a damaged store opened", name)
		}
		if !strings.Contains(err.Error(), "damaged") {
			t.Errorf("%s: %v, want it to say the store is damaged and how", name, err)
		}
		t.Logf("%s: %v", name, err)
	}
}

// TestLockRun takes the run lock twice: the second attempt names the
// holder; once released, the lock can be taken again.
func TestLockRun(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run.db")
	l, err := LockRun(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = LockRun(path)
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("is in use by process %d (", os.Getpid())) {
		t.Errorf("second lock: %v, want it to name this process", err)
	}
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	l, err = LockRun(path)
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	l.Release()
}

// TestOpenReadOnly reads a store without writing anything.
func TestOpenReadOnly(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "run.db")
	s := open(t, path)
	if err := s.SetMeta(ctx, "k", "v"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, _ := os.ReadFile(path)
	ro, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := ro.Meta(ctx, "k"); err != nil || v != "v" {
		t.Errorf("meta %q %v", v, err)
	}
	if err := ro.SetMeta(ctx, "k", "w"); err == nil {
		t.Error("a read-only store took a write")
	}
	ro.Close()
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("reading changed the store")
	}
	if _, err := OpenReadOnly(ctx, filepath.Join(t.TempDir(), "none.db")); err == nil {
		t.Error("OpenReadOnly made a store that did not exist")
	}
}
