package fixes

import (
	"context"
	"database/sql"
	"net/url"
	"testing"
)

// collect gathers what a reader hands on.
type collect struct {
	fixes    []Fix
	problems []Problem
}

func (c *collect) handler() Handler {
	return Handler{
		Fix:     func(f Fix) error { c.fixes = append(c.fixes, f); return nil },
		Problem: func(p Problem) { c.problems = append(c.problems, p) },
	}
}

func (c *collect) reasons() map[string]int {
	m := map[string]int{}
	for _, p := range c.problems {
		m[p.Reason]++
	}
	return m
}

// CVEfixesSchema is the CVEfixes tables the reader uses, loosely typed
// as pandas writes them.
const CVEfixesSchema = `
CREATE TABLE fixes (cve_id TEXT, hash TEXT, repo_url TEXT);
CREATE TABLE commits (hash TEXT, repo_url TEXT, author TEXT, msg TEXT, merge TEXT, parents TEXT, num_lines_added TEXT, num_lines_deleted TEXT);
CREATE TABLE file_change (file_change_id TEXT, hash TEXT, filename TEXT, old_path TEXT, new_path TEXT, change_type TEXT, diff TEXT, diff_parsed TEXT, num_lines_added TEXT, num_lines_deleted TEXT, code_after TEXT, code_before TEXT, nloc TEXT, complexity TEXT, token_count TEXT, programming_language TEXT);
CREATE TABLE cwe_classification (cve_id TEXT, cwe_id TEXT);
CREATE TABLE cve (cve_id TEXT, published_date TEXT, description TEXT);
`

func openTestDB(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(context.Background(), CVEfixesSchema); err != nil {
		t.Fatal(err)
	}
	return db
}
