package dataset

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
)

// Index is an open dataset index, for reading its records.
type Index struct {
	db  *sql.DB
	dir string
}

// Open opens the index of the dataset folder dir.
func Open(ctx context.Context, dir string) (*Index, error) {
	db, err := openIndex(ctx, filepath.Join(dir, IndexFile), false)
	if err != nil {
		return nil, err
	}
	return &Index{db: db, dir: dir}, nil
}

// Close closes the index.
func (x *Index) Close() error { return x.db.Close() }

// Dir is the dataset folder.
func (x *Index) Dir() string { return x.dir }

// Report returns the report of the build that made the index.
func (x *Index) Report(ctx context.Context) (*Report, error) {
	var s string
	if err := x.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'report'`).Scan(&s); err != nil {
		return nil, fmt.Errorf("index %s: no report (was the build finished?): %w", x.dir, err)
	}
	var r Report
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		return nil, fmt.Errorf("index %s: report: %w", x.dir, err)
	}
	return &r, nil
}

// A Record is one file of the dataset.
type Record struct {
	ID     int64    `json:"-"`
	Text   string   `json:"text"`
	Source string   `json:"source"`
	Repo   string   `json:"repo"`
	Commit string   `json:"commit"`
	Path   string   `json:"path"`
	Whole  bool     `json:"whole_file"`
	Split  string   `json:"split"`
	CVEs   []string `json:"cves,omitempty"`
	CWEs   []string `json:"cwes,omitempty"`
}

// Records calls fn with the records of a split ("" for all) in a stable
// order, one at a time.
func (x *Index) Records(ctx context.Context, split string, fn func(Record) error) error {
	// A commit's CVEs and CWEs (small: thousands of commits).
	cves, cwes := map[string][]string{}, map[string][]string{}
	if err := x.collect(ctx, `SELECT DISTINCT r.cid, r.cve FROM refs r WHERE r.ok = 1 AND r.cve != '' AND EXISTS (SELECT 1 FROM records d WHERE d.cid = r.cid) ORDER BY 1, 2`, cves); err != nil {
		return err
	}
	if err := x.collect(ctx, `SELECT cid, cwe FROM cwes WHERE cid != '' UNION SELECT r.cid, c.cwe FROM refs r JOIN cwes c ON c.cve = r.cve WHERE r.ok = 1 AND r.cve != '' ORDER BY 1, 2`, cwes); err != nil {
		return err
	}
	rows, err := x.db.QueryContext(ctx, `SELECT d.id, d.cid, d.repo_key, d.sha, d.path, d.source, d.whole, d.split, b.content
		FROM records d JOIN blobs b ON b.hash = d.hash WHERE ? = '' OR d.split = ? ORDER BY d.id`, split, split)
	if err != nil {
		return fmt.Errorf("index %s: %w", x.dir, err)
	}
	defer rows.Close()
	for rows.Next() {
		var r Record
		var cid string
		var content []byte
		if err := rows.Scan(&r.ID, &cid, &r.Repo, &r.Commit, &r.Path, &r.Source, &r.Whole, &r.Split, &content); err != nil {
			return fmt.Errorf("index %s: %w", x.dir, err)
		}
		if len(cid) == 40 {
			r.Commit = cid
		}
		r.Text, r.CVEs, r.CWEs = string(content), cves[cid], cwes[cid]
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (x *Index) collect(ctx context.Context, q string, into map[string][]string) error {
	rows, err := x.db.QueryContext(ctx, q)
	if err != nil {
		return fmt.Errorf("index %s: %w", x.dir, err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return err
		}
		if !strings.HasPrefix(v, " ") {
			into[k] = append(into[k], v)
		}
	}
	return rows.Err()
}
