package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// sqliteMagic begins every SQLite 3 database file.
const sqliteMagic = "SQLite format 3\x00"

// inspect looks at an existing store before SQLite opens it for use, so
// that a file that is refused is left byte for byte as it was (never
// switched to WAL, never migrated). It says what is wrong: not a regular
// file, not SQLite, read-only (when write), a foreign SQLite file, a newer
// schema, or damage found by SQLite's integrity check. A path where no
// file exists yet is fine: it becomes a new store.
func inspect(ctx context.Context, path string, write bool) error {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case fi.IsDir():
		return errors.New("is a directory")
	case !fi.Mode().IsRegular():
		return fmt.Errorf("is not a regular file (%s)", fi.Mode().Type())
	case fi.Size() == 0:
		return nil // SQLite takes an empty file as an empty database
	}
	mode := os.O_RDONLY
	if write {
		mode = os.O_RDWR
	}
	f, err := os.OpenFile(path, mode, 0)
	if err != nil {
		if write && (errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)) {
			return fmt.Errorf("is read-only (%v): eval report reads it as it is; a run needs to write it: make it writable, or write to another directory", unwrapPathErr(err))
		}
		return err
	}
	head := make([]byte, 100)
	n, err := io.ReadFull(f, head)
	f.Close()
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return err
	}
	if n < len(head) || !bytes.HasPrefix(head, []byte(sqliteMagic)) {
		return fmt.Errorf("not a SQLite file (it begins %q; a store begins %q): not a store, or damaged", head[:min(n, 16)], sqliteMagic)
	}
	db, err := openRO(ctx, path)
	if err != nil {
		return fmt.Errorf("damaged: SQLite cannot read it: %w", err)
	}
	defer db.Close()
	if err := checkSchema(ctx, db); err != nil {
		return err
	}
	return checkIntegrity(ctx, db)
}

// readOnlyDSN opens path without writing to it. immutable also promises
// SQLite that nobody else writes it, which lets a WAL file be read where
// its -shm file cannot be made (a read-only directory).
func readOnlyDSN(path string, immutable bool) string {
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?mode=ro&_pragma=busy_timeout(10000)"
	if immutable {
		dsn += "&immutable=1"
	}
	return dsn
}

// openRO opens path read-only and reads its header through SQLite. A WAL
// store in a directory this user cannot write has no -shm file and cannot
// get one: it is read as immutable then.
func openRO(ctx context.Context, path string) (*sql.DB, error) {
	var v int
	db, err := sql.Open("sqlite", readOnlyDSN(path, false))
	if err != nil {
		return nil, err
	}
	if err = db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err == nil {
		return db, nil
	}
	db.Close()
	db, err = sql.Open("sqlite", readOnlyDSN(path, true))
	if err != nil {
		return nil, err
	}
	if err = db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// checkSchema refuses a foreign SQLite file and a newer schema.
func checkSchema(ctx context.Context, db *sql.DB) error {
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("damaged: SQLite cannot read it: %w", err)
	}
	if v == 0 {
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
			return fmt.Errorf("damaged: SQLite cannot read its schema: %w", err)
		}
		if n > 0 {
			return errors.New("a SQLite file that is not a benchmark store (left untouched)")
		}
	}
	if v > SchemaVersion {
		return fmt.Errorf("schema version %d is newer than this program's %d (left untouched): use a newer securecomplete", v, SchemaVersion)
	}
	return nil
}

// checkIntegrity runs SQLite's integrity check and names what it found.
func checkIntegrity(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, "PRAGMA integrity_check(10)")
	if err != nil {
		return fmt.Errorf("damaged: the integrity check cannot run: %w", err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("damaged: the integrity check failed: %w", err)
		}
		for _, l := range strings.Split(line, "\n") {
			if l = strings.TrimSpace(l); l != "ok" && l != "" && !strings.HasPrefix(l, "*** in database") {
				problems = append(problems, l)
			}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("damaged: the integrity check failed: %w", err)
	}
	if len(problems) > 0 {
		more := ""
		if len(problems) > 3 {
			more = fmt.Sprintf(" and %d more", len(problems)-3)
			problems = problems[:3]
		}
		return fmt.Errorf("damaged: SQLite's integrity check finds %s%s: restore it from a copy, or delete it to start again", strings.Join(problems, "; "), more)
	}
	return nil
}

// OpenReadOnly opens an existing store for reading only (eval report): a
// read-only file or directory is fine, nothing is written, migrated or
// switched to WAL. The store is checked as Open checks it.
func OpenReadOnly(ctx context.Context, path string) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("store %s: %w", path, unwrapPathErr(err))
	}
	if err := inspect(ctx, path, false); err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	db, err := openRO(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("store %s: open read-only: %w", path, err)
	}
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		db.Close()
		return nil, fmt.Errorf("store %s: open read-only: %w", path, err)
	}
	if v != SchemaVersion {
		db.Close()
		return nil, fmt.Errorf("store %s: schema version %d, this program reads %d: open it once with eval run to migrate it", path, v, SchemaVersion)
	}
	return &Store{db: db, path: path}, nil
}

// Lock is an exclusive lock on a store for one run, held through a lock
// file beside it (PATH.lock, which names the holder). The operating
// system releases it when the process ends, however it ends.
type Lock struct {
	f *os.File
}

// LockRun takes the run lock of the store at path without waiting. When
// another process holds it, the error names that process (its PID and
// command line).
func LockRun(path string) (*Lock, error) {
	name := path + ".lock"
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
	writable := err == nil
	if errors.Is(err, fs.ErrPermission) {
		// Another user's lock file locks as well when read-only; it cannot
		// name this process then.
		f, err = os.Open(name)
	}
	if err != nil {
		if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
			return nil, fmt.Errorf("store %s is read-only (its lock file %s cannot be written: %v): eval report reads it as it is; a run needs to write it: make it and its directory writable, or write to another directory", path, name, unwrapPathErr(err))
		}
		return nil, fmt.Errorf("store %s: lock: %w", path, unwrapPathErr(err))
	}
	held, err := tryLock(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("store %s: lock %s: %w", path, name, err)
	}
	if held {
		data, _ := io.ReadAll(io.LimitReader(f, 4096))
		f.Close()
		return nil, fmt.Errorf("store %s is in use by %s: wait for it to end, or write to another directory", path, holder(data))
	}
	cmd := strings.Join(os.Args, " ")
	if len(cmd) > 300 {
		cmd = cmd[:300] + "..."
	}
	if !writable {
		return &Lock{f: f}, nil
	}
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(fmt.Sprintf("%d %s\n", os.Getpid(), cmd)), 0)
	}
	return &Lock{f: f}, nil
}

// holder describes the process a lock file names.
func holder(data []byte) string {
	pid, cmd, _ := strings.Cut(strings.TrimSpace(string(data)), " ")
	if _, err := strconv.Atoi(pid); err != nil {
		return "another process"
	}
	if cmd == "" {
		return "process " + pid
	}
	return fmt.Sprintf("process %s (%s)", pid, cmd)
}

// Release gives the lock up. The lock file stays; it locks nothing by
// itself.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := l.f.Close()
	l.f = nil
	return err
}

func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
