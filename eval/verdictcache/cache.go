// Package verdictcache keeps the judge's decisions on programs across
// batches and runs, in a SQLite file of the user's cache folder, keyed by
// the hash of the program, its language and the judge's full identity (its
// Spec, the compilers' and the program's own builds). A hit gives exactly
// what judging the program again would give; a cache that cannot be read
// is set aside with a warning and rebuilt, never trusted.
package verdictcache

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"

	"securecomplete/analysis"
)

// schemaVersion is the layout of the file; another version is rebuilt.
const schemaVersion = 1

const schema = `CREATE TABLE verdicts (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL,
	sum TEXT NOT NULL
);`

// DefaultPath is <user cache folder>/securecomplete/verdicts.db.
func DefaultPath() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("verdict cache: no user cache folder: %w", err)
	}
	return filepath.Join(dir, "securecomplete", "verdicts.db"), nil
}

// Entry is the judge's decision on one program, as a Judge gives it
// before a scenario's rule picks the findings that count.
type Entry struct {
	Verdict       analysis.Verdict   `json:"verdict"`
	Findings      []analysis.Finding `json:"findings,omitempty"`
	Compiler      string             `json:"compiler,omitempty"`
	CompileOutput string             `json:"compile_output,omitempty"`
	// Path is the name the program was judged under; CompileOutput and
	// the findings name it, and For renames them.
	Path string `json:"path"`
}

// For returns the entry as if the program had been judged under path.
func (e Entry) For(path string) Entry {
	if e.Path == path || e.Path == "" {
		return e
	}
	out := e
	out.CompileOutput = strings.ReplaceAll(e.CompileOutput, e.Path, path)
	out.Findings = make([]analysis.Finding, len(e.Findings))
	for i, f := range e.Findings {
		if f.File == e.Path {
			f.File = path
		}
		out.Findings[i] = f
	}
	out.Path = path
	return out
}

// Key names a program under a judge identity.
func Key(identity string, lang analysis.Lang, src []byte) string {
	h := sha256.New()
	fmt.Fprintf(h, "securecomplete-verdict-1\x00%s\x00%s\x00", identity, lang)
	h.Write(src)
	return hex.EncodeToString(h.Sum(nil))
}

// Cache is an open verdict cache. It is safe for concurrent use. A nil
// *Cache is a cache that holds nothing.
type Cache struct {
	db   *sql.DB
	path string
	log  *slog.Logger

	mu     sync.Mutex
	warned bool
	off    bool // set after a failure: the run goes on without the cache
}

// Open opens or creates the cache at path. A file that is not a readable
// cache of this version is moved aside (path.corrupt) with a warning and
// a new one made; only when no cache can be made is there an error.
func Open(ctx context.Context, path string, log *slog.Logger) (*Cache, error) {
	if log == nil {
		log = slog.Default()
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("verdict cache %s: %w", path, err)
	}
	c, err := open(ctx, path, log)
	if err == nil {
		return c, nil
	}
	log.Warn("verdict cache unreadable; setting it aside and starting a new one", "path", path, "err", err)
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(path + suffix)
	}
	if rerr := os.Rename(path, path+".corrupt"); rerr != nil && !errors.Is(rerr, os.ErrNotExist) {
		return nil, fmt.Errorf("verdict cache %s: %w (and it cannot be moved aside: %v)", path, err, rerr)
	}
	c, err = open(ctx, path, log)
	if err != nil {
		return nil, fmt.Errorf("verdict cache %s: %w", path, err)
	}
	return c, nil
}

func open(ctx context.Context, path string, log *slog.Logger) (*Cache, error) {
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	c := &Cache{db: db, path: path, log: log}
	if err := c.init(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return c, nil
}

func (c *Cache) init(ctx context.Context) error {
	var v int
	if err := c.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("not a readable SQLite file: %w", err)
	}
	switch v {
	case schemaVersion:
		var ok string
		if err := c.db.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&ok); err != nil || ok != "ok" {
			return fmt.Errorf("damaged: quick_check says %q (%v)", ok, err)
		}
		return nil
	case 0:
		var n int
		if err := c.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
			return fmt.Errorf("not a readable SQLite file: %w", err)
		}
		if n > 0 {
			return errors.New("a SQLite file that is not a verdict cache")
		}
	default:
		return fmt.Errorf("schema version %d, not %d", v, schemaVersion)
	}
	tx, err := c.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, schema); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", schemaVersion)); err != nil {
		return err
	}
	return tx.Commit()
}

// Path returns the cache's file.
func (c *Cache) Path() string { return c.path }

// Close closes the cache.
func (c *Cache) Close() error {
	if c == nil {
		return nil
	}
	return c.db.Close()
}

// fail turns the cache off for the rest of the run, with one warning:
// a cache that fails costs time, never a verdict.
func (c *Cache) fail(what string, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.off = true
	if !c.warned {
		c.warned = true
		c.log.Warn("verdict cache failed; judging without it", "path", c.path, "op", what, "err", err)
	}
}

func (c *Cache) usable() bool {
	if c == nil {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return !c.off
}

func sum(key, value string) string {
	h := sha256.Sum256([]byte(key + "\x00" + value))
	return hex.EncodeToString(h[:8])
}

// Get returns the entries the cache holds for keys. A row whose checksum
// does not match is a miss (and is removed).
func (c *Cache) Get(ctx context.Context, keys []string) map[string]Entry {
	out := map[string]Entry{}
	if !c.usable() || len(keys) == 0 {
		return out
	}
	var bad []string
	for start := 0; start < len(keys); start += 500 {
		chunk := keys[start:min(start+500, len(keys))]
		args := make([]any, len(chunk))
		for i, k := range chunk {
			args[i] = k
		}
		rows, err := c.db.QueryContext(ctx, `SELECT key, value, sum FROM verdicts WHERE key IN (?`+strings.Repeat(",?", len(chunk)-1)+`)`, args...)
		if err != nil {
			c.fail("read", err)
			return map[string]Entry{}
		}
		for rows.Next() {
			var k, v, s string
			if err := rows.Scan(&k, &v, &s); err != nil {
				rows.Close()
				c.fail("read", err)
				return map[string]Entry{}
			}
			var e Entry
			if s != sum(k, v) || json.Unmarshal([]byte(v), &e) != nil || !known(e.Verdict) {
				bad = append(bad, k)
				continue
			}
			out[k] = e
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			c.fail("read", err)
			return map[string]Entry{}
		}
	}
	if len(bad) > 0 {
		c.log.Warn("verdict cache: entries that do not match their checksum are judged again", "path", c.path, "entries", len(bad))
		for _, k := range bad {
			c.db.ExecContext(ctx, `DELETE FROM verdicts WHERE key = ?`, k)
		}
	}
	return out
}

// Put stores entries by key, in one transaction.
func (c *Cache) Put(ctx context.Context, entries map[string]Entry) {
	if !c.usable() || len(entries) == 0 {
		return
	}
	tx, err := c.db.BeginTx(ctx, nil)
	if err != nil {
		c.fail("write", err)
		return
	}
	defer tx.Rollback()
	for k, e := range entries {
		b, err := json.Marshal(e)
		if err != nil {
			c.fail("write", err)
			return
		}
		v := string(b)
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO verdicts (key, value, sum) VALUES (?, ?, ?)`, k, v, sum(k, v)); err != nil {
			c.fail("write", err)
			return
		}
	}
	if err := tx.Commit(); err != nil {
		c.fail("write", err)
	}
}

func known(v analysis.Verdict) bool {
	return v == analysis.Vulnerable || v == analysis.NonVulnerable || v == analysis.Invalid
}
