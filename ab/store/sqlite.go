package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
)

// sqliteLockWait is how long opening waits for another process's write
// lock before it calls the store locked.
const sqliteLockWait = 2 * time.Second

var sqliteDialect = dialect{
	name:   "sqlite",
	seqCol: "INTEGER PRIMARY KEY AUTOINCREMENT",
	ph:     func(int) string { return "?" },
}

// OpenSQLite opens or creates the SQLite store at path, in WAL mode with
// full synchronisation: Append returns after the commit is in the file
// (a kill -9 of the process loses nothing Append returned for). A file
// that is not a SQLite database, not an A/B store, of a newer schema, or
// locked by another process is an error that says so, and is left
// untouched.
func OpenSQLite(ctx context.Context, path string) (Store, error) {
	if path == "" {
		return nil, errors.New("A/B store: no path")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("A/B store %s: %w", path, err)
	}
	// A new store is readable by its owner only: it may hold code
	// ([ab] store_text) and what a person accepted.
	if f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600); err == nil {
		f.Close()
	}
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() +
		"?_pragma=busy_timeout(" + strconv.Itoa(int(sqliteLockWait/time.Millisecond)) + ")" +
		"&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("A/B store %s: %w", path, err)
	}
	s := newSQLStore(db, sqliteDialect, path)
	if err := s.openSQLite(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("A/B store %s: %w", path, err)
	}
	return s, nil
}

func (s *sqlStore) openSQLite(ctx context.Context) error {
	var mode string
	if err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return sqliteOpenError(err)
	}
	tx, err := s.db.BeginTx(ctx, nil) // BEGIN IMMEDIATE: the write lock
	if err != nil {
		return sqliteOpenError(err)
	}
	defer tx.Rollback()
	var tables []string
	rows, err := tx.QueryContext(ctx, "SELECT name FROM sqlite_master WHERE type = 'table'")
	if err != nil {
		return sqliteOpenError(err)
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return sqliteOpenError(err)
		}
		tables = append(tables, n)
	}
	rows.Close()
	hasMeta := false
	for _, t := range tables {
		hasMeta = hasMeta || t == "ab_meta"
	}
	if !hasMeta && len(tables) > 0 {
		return errNotStore
	}
	if err := s.migrate(ctx, tx, hasMeta); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return sqliteOpenError(err)
	}
	return nil
}

// sqliteOpenError says what a failure to open means to the user.
func sqliteOpenError(err error) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "SQLITE_BUSY") || strings.Contains(msg, "database is locked"):
		return fmt.Errorf("locked by another process (it held the write lock for more than %s): %w", sqliteLockWait, err)
	case strings.Contains(msg, "not a database") || strings.Contains(msg, "malformed") || strings.Contains(msg, "SQLITE_CORRUPT") || strings.Contains(msg, "SQLITE_NOTADB"):
		return fmt.Errorf("damaged: not a readable SQLite database (left untouched; move it away to start a new store): %w", err)
	}
	return err
}
