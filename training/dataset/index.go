package dataset

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
)

// SchemaVersion is the index's schema (PRAGMA user_version).
const SchemaVersion = 1

// IndexFile is the index's name inside a dataset folder.
const IndexFile = "index.db"

const schema = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- refs: one row per (record of a source, CVE): what the sources say.
CREATE TABLE refs (
	id INTEGER PRIMARY KEY,
	source TEXT NOT NULL, rec INTEGER NOT NULL, loc TEXT NOT NULL, url_raw TEXT NOT NULL,
	cve_raw TEXT NOT NULL, repo_raw TEXT NOT NULL, prefix_raw TEXT NOT NULL, sha_raw TEXT NOT NULL,
	ok INTEGER NOT NULL,          -- 0: the record was rejected (see problems)
	cve TEXT NOT NULL, repo_key TEXT NOT NULL, sha TEXT NOT NULL,
	cid TEXT NOT NULL DEFAULT '', -- the commit's identity across sources
	clone_url TEXT NOT NULL, lang TEXT NOT NULL
);
CREATE TABLE cwes (source TEXT NOT NULL, cve TEXT NOT NULL, repo_key TEXT NOT NULL, sha TEXT NOT NULL, cid TEXT NOT NULL DEFAULT '', cwe TEXT NOT NULL);
-- items: code a source holds (whole files or functions), by content hash.
CREATE TABLE items (id INTEGER PRIMARY KEY, source TEXT NOT NULL, repo_key TEXT NOT NULL, sha TEXT NOT NULL, cid TEXT NOT NULL DEFAULT '', path TEXT NOT NULL, whole INTEGER NOT NULL, hash TEXT NOT NULL, cc INTEGER NOT NULL DEFAULT 0);
CREATE TABLE blobs (hash TEXT PRIMARY KEY, content BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE problems (id INTEGER PRIMARY KEY, source TEXT NOT NULL, loc TEXT NOT NULL, reason TEXT NOT NULL, detail TEXT NOT NULL);
-- The fetcher's state survives a kill: a commit done (ok or a permanent
-- failure) is not fetched again.
CREATE TABLE fetched (repo_key TEXT NOT NULL, sha TEXT NOT NULL, full TEXT NOT NULL, state TEXT NOT NULL, error TEXT NOT NULL, attempts INTEGER NOT NULL, files INTEGER NOT NULL, skipped INTEGER NOT NULL, PRIMARY KEY (repo_key, sha));
CREATE TABLE fetched_files (repo_key TEXT NOT NULL, sha TEXT NOT NULL, path TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (repo_key, sha, path));
-- records: the dataset, one file per record.
CREATE TABLE records (id INTEGER PRIMARY KEY, cid TEXT NOT NULL, repo_key TEXT NOT NULL, sha TEXT NOT NULL, path TEXT NOT NULL, source TEXT NOT NULL, whole INTEGER NOT NULL, hash TEXT NOT NULL, lines INTEGER NOT NULL, bytes INTEGER NOT NULL, split TEXT NOT NULL DEFAULT '');
CREATE INDEX refs_cid ON refs (cid);
CREATE INDEX items_cid ON items (cid);
CREATE INDEX refs_repo_sha ON refs (repo_key, sha);
CREATE INDEX cwes_cve ON cwes (cve);
CREATE INDEX records_cid ON records (cid);
`

// openIndex opens or creates the index at path.
func openIndex(ctx context.Context, path string, create bool) (*sql.DB, error) {
	if _, err := os.Stat(path); err != nil && !create {
		return nil, fmt.Errorf("index %s: %w", path, err)
	}
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("index %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		db.Close()
		return nil, fmt.Errorf("index %s: not a readable SQLite file: %w", path, err)
	}
	switch {
	case v == SchemaVersion:
		return db, nil
	case v == 0 && create:
		var n int
		db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&n)
		if n > 0 {
			db.Close()
			return nil, fmt.Errorf("index %s: a SQLite file that is not a dataset index: left alone", path)
		}
		if _, err := db.ExecContext(ctx, schema+fmt.Sprintf("PRAGMA user_version = %d;", SchemaVersion)); err != nil {
			db.Close()
			return nil, fmt.Errorf("index %s: create: %w", path, err)
		}
		return db, nil
	default:
		db.Close()
		return nil, fmt.Errorf("index %s: schema version %d, this build reads %d", path, v, SchemaVersion)
	}
}
