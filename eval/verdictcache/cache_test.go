package verdictcache

import (
	"bytes"
	"context"
	"database/sql"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"securecomplete/analysis"
)

func logger(buf *bytes.Buffer) *slog.Logger {
	return slog.New(slog.NewTextHandler(buf, nil))
}

func entries() map[string]Entry {
	return map[string]Entry{
		Key("id", analysis.C, []byte("int main(void) { return 0; }\n")): {Verdict: analysis.NonVulnerable, Compiler: "gcc -c", Path: "a.c"},
		Key("id", analysis.C, []byte("int main(void) { x }\n")):         {Verdict: analysis.Invalid, Compiler: "gcc -c", CompileOutput: "a.c:1:18: error: 'x' undeclared", Path: "a.c"},
		Key("id", analysis.CPP, []byte("int main() { char b[2]; b[5] = 0; }\n")): {Verdict: analysis.Vulnerable, Path: "b.cpp",
			Findings: []analysis.Finding{{File: "b.cpp", CWE: "CWE-787", Rule: "r", Line: 1, Message: "m", Analyzer: "builtin"}}},
	}
}

func keys(m map[string]Entry) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestPutGetAcrossOpens(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "verdicts.db")
	var log bytes.Buffer
	c, err := Open(ctx, path, logger(&log))
	if err != nil {
		t.Fatal(err)
	}
	want := entries()
	c.Put(ctx, want)
	c.Close()
	c, err = Open(ctx, path, logger(&log))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	got := c.Get(ctx, append(keys(want), Key("other", analysis.C, []byte("int main(void) { return 0; }\n"))))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Get = %+v, want %+v", got, want)
	}
	if log.Len() > 0 {
		t.Errorf("warnings on a sound cache: %s", log.String())
	}
}

func TestKeySeparatesIdentityLanguageAndProgram(t *testing.T) {
	base := Key("id", analysis.C, []byte("p"))
	for _, k := range []string{Key("id2", analysis.C, []byte("p")), Key("id", analysis.CPP, []byte("p")), Key("id", analysis.C, []byte("q"))} {
		if k == base {
			t.Errorf("two different programs or judges share the key %s", k)
		}
	}
}

func TestEntryFor(t *testing.T) {
	e := Entry{Verdict: analysis.Invalid, CompileOutput: "samples/a.c:3: error\nsamples/a.c:4: note", Path: "samples/a.c",
		Findings: []analysis.Finding{{File: "samples/a.c", Line: 3}}}
	got := e.For("samples/b.c")
	if got.CompileOutput != "samples/b.c:3: error\nsamples/b.c:4: note" || got.Findings[0].File != "samples/b.c" || got.Path != "samples/b.c" {
		t.Errorf("For = %+v", got)
	}
	if e.Findings[0].File != "samples/a.c" {
		t.Errorf("For changed the entry it was called on")
	}
}

// TestDamagedCache checks that a cache that cannot be trusted costs a
// warning and a rebuild, never a wrong verdict.
func TestDamagedCache(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		damage func(t *testing.T, path string)
		warn   string
	}{
		{"garbage file", func(t *testing.T, path string) {
			os.WriteFile(path, bytes.Repeat([]byte("not a database "), 500), 0o644)
		}, "setting it aside"},
		{"foreign SQLite file", func(t *testing.T, path string) {
			db, _ := sql.Open("sqlite", path)
			db.Exec("CREATE TABLE t (x)")
			db.Close()
		}, "not a verdict cache"},
		{"other schema version", func(t *testing.T, path string) {
			db, _ := sql.Open("sqlite", path)
			db.Exec("CREATE TABLE verdicts (key TEXT)")
			db.Exec("PRAGMA user_version = 7")
			db.Close()
		}, "schema version 7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "verdicts.db")
			tt.damage(t, path)
			var log bytes.Buffer
			c, err := Open(ctx, path, logger(&log))
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer c.Close()
			if !strings.Contains(log.String(), tt.warn) {
				t.Errorf("log %q does not say %q", log.String(), tt.warn)
			}
			if _, err := os.Stat(path + ".corrupt"); err != nil {
				t.Errorf("the damaged file was not set aside: %v", err)
			}
			want := entries()
			c.Put(ctx, want)
			if got := c.Get(ctx, keys(want)); !reflect.DeepEqual(got, want) {
				t.Errorf("the rebuilt cache gives %+v", got)
			}
		})
	}
}

func TestTamperedEntryIsAMiss(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "verdicts.db")
	var log bytes.Buffer
	c, err := Open(ctx, path, logger(&log))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	want := entries()
	c.Put(ctx, want)
	// Flip a verdict behind the cache's back, and break another row's JSON.
	var ks []string // the non-vulnerable entry first
	for k, e := range want {
		if e.Verdict == analysis.NonVulnerable {
			ks = append([]string{k}, ks...)
		} else {
			ks = append(ks, k)
		}
	}
	if _, err := c.db.Exec(`UPDATE verdicts SET value = replace(value, '"non-vulnerable"', '"vulnerable"') WHERE key = ?`, ks[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := c.db.Exec(`UPDATE verdicts SET value = '{', sum = ? WHERE key = ?`, sum(ks[1], "{"), ks[1]); err != nil {
		t.Fatal(err)
	}
	got := c.Get(ctx, ks)
	if e, ok := got[ks[0]]; ok {
		t.Errorf("a tampered entry was returned: %+v", e)
	}
	if _, ok := got[ks[1]]; ok {
		t.Errorf("an unreadable entry was returned")
	}
	if e, ok := got[ks[2]]; !ok || !reflect.DeepEqual(e, want[ks[2]]) {
		t.Errorf("a sound entry was lost: %+v", e)
	}
	if !strings.Contains(log.String(), "checksum") {
		t.Errorf("no warning of the damaged entries: %s", log.String())
	}
}

func TestNilCacheHoldsNothing(t *testing.T) {
	var c *Cache
	c.Put(context.Background(), entries())
	if got := c.Get(context.Background(), keys(entries())); len(got) != 0 {
		t.Errorf("nil cache returned %v", got)
	}
	if err := c.Close(); err != nil {
		t.Error(err)
	}
}
