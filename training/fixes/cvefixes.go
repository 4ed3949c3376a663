package fixes

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
)

// ReadCVEfixes streams a CVEfixes database: one Fix without files per
// commit of the fixes table (its CVEs and their CWEs), then one Fix per
// row of file_change, holding the post-fix file (code_after). The fixes
// and cwe_classification tables (thousands of rows) are held in memory;
// file_change (gigabytes) is streamed. Bad input (a file that is not
// SQLite, a missing table, a row whose commit is unknown, a read error in
// the middle of a truncated file) is reported as a Problem; the error
// returned is only the context's or the handler's.
func ReadCVEfixes(ctx context.Context, path string, h Handler) (Counts, error) {
	var c Counts
	bad := func(where, reason, detail string) {
		c.Problems++
		h.problem(CVEfixes, where, reason, detail)
	}
	fi, err := os.Stat(path)
	if err != nil {
		bad(path, "cannot open", err.Error())
		return c, nil
	}
	if fi.IsDir() {
		bad(path, "cannot open", "is a directory, want the CVEfixes SQLite file")
		return c, nil
	}
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?mode=ro&_pragma=busy_timeout(10000)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		bad(path, "cannot open", err.Error())
		return c, nil
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	tables := map[string]bool{}
	rows, err := db.QueryContext(ctx, "SELECT name FROM sqlite_master WHERE type IN ('table','view')")
	if err != nil {
		if ctx.Err() != nil {
			return c, ctx.Err()
		}
		bad(path, "not a SQLite database", err.Error())
		return c, nil
	}
	for rows.Next() {
		var n string
		if rows.Scan(&n) == nil {
			tables[strings.ToLower(n)] = true
		}
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		bad(path, "not a SQLite database", err.Error())
		return c, nil
	}
	rows.Close()
	for _, t := range []string{"fixes", "file_change"} {
		if !tables[t] {
			bad(path, "missing table", fmt.Sprintf("no table %q: not a CVEfixes database", t))
		}
	}
	if !tables["fixes"] || !tables["file_change"] {
		return c, nil
	}

	// cwe_classification: CVE -> CWEs.
	cwes := map[string][]string{}
	if tables["cwe_classification"] {
		err := scanRows(ctx, db, "SELECT rowid, cve_id, cwe_id FROM cwe_classification", func(v []any) {
			cve, cwe := text(v[1]), text(v[2])
			if cve == "" || cwe == "" {
				bad(fmt.Sprintf("%s: cwe_classification rowid %s", path, text(v[0])), "empty field", "cve_id or cwe_id is empty")
				return
			}
			cwes[cve] = appendNew(cwes[cve], cwe)
		})
		if err != nil {
			if ctx.Err() != nil {
				return c, ctx.Err()
			}
			bad(path+": cwe_classification", "read error", err.Error())
		}
	} else {
		bad(path, "missing table", `no table "cwe_classification": fixes carry no CWE`)
	}

	// fixes: commit -> CVEs, repository.
	type commit struct {
		repo string
		cves []string
	}
	commits := map[string]*commit{}
	var order []string
	err = scanRows(ctx, db, "SELECT rowid, cve_id, hash, repo_url FROM fixes", func(v []any) {
		c.Rows++
		cve, hash, repo := text(v[1]), strings.TrimSpace(text(v[2])), text(v[3])
		where := fmt.Sprintf("%s: fixes rowid %s", path, text(v[0]))
		if hash == "" || repo == "" {
			bad(where, "empty field", "hash or repo_url is empty")
			return
		}
		key := hash + "\x00" + repo
		cm := commits[key]
		if cm == nil {
			cm = &commit{repo: repo}
			commits[key] = cm
			order = append(order, key)
		}
		if cve != "" {
			cm.cves = appendNew(cm.cves, cve)
		}
	})
	if err != nil {
		if ctx.Err() != nil {
			return c, ctx.Err()
		}
		bad(path+": fixes", "read error", err.Error())
	}
	byHash := map[string]string{} // hash -> key of its first repository
	for _, key := range order {
		cm := commits[key]
		hash, _, _ := strings.Cut(key, "\x00")
		if _, ok := byHash[hash]; !ok {
			byHash[hash] = key
		}
		f := Fix{Source: CVEfixes, Where: path + ": fixes", CVEs: cm.cves, Repo: cm.repo, Commit: hash}
		for _, cve := range cm.cves {
			for _, w := range cwes[cve] {
				f.CWEs = appendNew(f.CWEs, w)
			}
		}
		c.Fixes++
		if err := h.Fix(f); err != nil {
			return c, err
		}
	}

	// file_change, streamed.
	q := "SELECT rowid, hash, filename, new_path, old_path, change_type, code_after, programming_language FROM file_change"
	rows, err = db.QueryContext(ctx, q)
	if err != nil {
		if ctx.Err() != nil {
			return c, ctx.Err()
		}
		bad(path+": file_change", "read error", err.Error())
		return c, nil
	}
	defer rows.Close()
	vals := make([]any, 8)
	ptrs := make([]any, 8)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		c.Rows++
		if err := rows.Scan(ptrs...); err != nil {
			bad(fmt.Sprintf("%s: file_change row %d", path, c.Rows), "read error", err.Error())
			continue
		}
		where := fmt.Sprintf("%s: file_change rowid %s", path, text(vals[0]))
		hash := strings.TrimSpace(text(vals[1]))
		key, ok := byHash[hash]
		if !ok {
			bad(where, "commit not in fixes", fmt.Sprintf("hash %q has no row in fixes", hash))
			continue
		}
		name := text(vals[3])
		if name == "" || strings.EqualFold(name, "none") {
			name = text(vals[2])
		}
		code := text(vals[6])
		ct := strings.ToLower(text(vals[5]))
		if strings.Contains(ct, "delete") || code == "" || strings.EqualFold(code, "none") {
			// A deleted file has no post-fix version.
			f := Fix{Source: CVEfixes, Where: where, Commit: hash, Repo: commits[key].repo}
			c.Fixes++
			if err := h.Fix(f); err != nil {
				return c, err
			}
			continue
		}
		cm := commits[key]
		f := Fix{Source: CVEfixes, Where: where, CVEs: cm.cves, Repo: cm.repo, Commit: hash, Lang: text(vals[7]),
			Files: []File{{Path: name, Code: code, Whole: true}}}
		c.Fixes++
		c.Files++
		if err := h.Fix(f); err != nil {
			return c, err
		}
	}
	if err := rows.Err(); err != nil {
		if ctx.Err() != nil {
			return c, ctx.Err()
		}
		bad(fmt.Sprintf("%s: file_change after row %d", path, c.Rows), "read error", err.Error())
	}
	return c, nil
}

// scanRows runs a query and calls fn with each row's values.
func scanRows(ctx context.Context, db *sql.DB, q string, fn func([]any)) error {
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		fn(vals)
	}
	return rows.Err()
}

// text renders a loosely typed SQLite value as text.
func text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case []byte:
		return string(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	default:
		return fmt.Sprint(x)
	}
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
