// Package fixestest writes fix datasets in the real files' shapes for
// tests and measurements: a CVEfixes-schema SQLite database, a
// Big-Vul-format CSV with its quirks, Challande per-CVE JSON, SVEN JSONL.
package fixestest

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
)

// CVEfixesSchema is the CVEfixes tables, loosely typed as pandas writes
// them.
const CVEfixesSchema = `
CREATE TABLE fixes (cve_id TEXT, hash TEXT, repo_url TEXT);
CREATE TABLE commits (hash TEXT, repo_url TEXT, author TEXT, author_date TEXT, msg TEXT, merge TEXT, parents TEXT, num_lines_added TEXT, num_lines_deleted TEXT);
CREATE TABLE file_change (file_change_id TEXT, hash TEXT, filename TEXT, old_path TEXT, new_path TEXT, change_type TEXT, diff TEXT, diff_parsed TEXT, num_lines_added TEXT, num_lines_deleted TEXT, code_after TEXT, code_before TEXT, nloc TEXT, complexity TEXT, token_count TEXT, programming_language TEXT);
CREATE TABLE method_change (method_change_id TEXT, file_change_id TEXT, name TEXT, signature TEXT, code TEXT, before_change TEXT);
CREATE TABLE cwe_classification (cve_id TEXT, cwe_id TEXT);
CREATE TABLE cwe (cwe_id TEXT, cwe_name TEXT, description TEXT);
CREATE TABLE cve (cve_id TEXT, published_date TEXT, description TEXT);
CREATE TABLE repository (repo_url TEXT, repo_name TEXT, description TEXT);
`

// A Commit is one fix for the writers.
type Commit struct {
	CVE, CWE string
	Repo     string // https://github.com/owner/name
	Hash     string
	Files    map[string]string // path -> post-fix code
}

// WriteCVEfixes writes a CVEfixes-schema database holding the commits.
func WriteCVEfixes(ctx context.Context, path string, commits []Commit) error {
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath())
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, CVEfixesSchema); err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	id := 0
	for _, c := range commits {
		if _, err := tx.ExecContext(ctx, `INSERT INTO fixes VALUES (?,?,?)`, c.CVE, c.Hash, c.Repo); err != nil {
			return err
		}
		tx.ExecContext(ctx, `INSERT INTO commits (hash, repo_url, msg, merge) VALUES (?,?,?,?)`, c.Hash, c.Repo, "fix "+c.CVE, "False")
		if c.CWE != "" {
			tx.ExecContext(ctx, `INSERT INTO cwe_classification VALUES (?,?)`, c.CVE, c.CWE)
		}
		for p, code := range c.Files {
			id++
			lang := "C"
			if strings.HasSuffix(p, ".py") {
				lang = "Python"
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO file_change (file_change_id, hash, filename, old_path, new_path, change_type, diff, code_after, code_before, num_lines_added, programming_language) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
				id, c.Hash, filepath.Base(p), p, p, "ModificationType.MODIFY", "@@ -1 +1 @@", code, "/* before */\n"+code, 1, lang); err != nil {
				return err
			}
		}
	}
	return tx.Commit()
}

// BigVulHeader is Big-Vul's header (MSR_data_cleaned.csv).
const BigVulHeader = `,Access Gained,Attack Origin,Authentication Required,Availability,CVE ID,CVE Page,CWE ID,Complexity,Confidentiality,Integrity,Known Exploits,Publish Date,Score,Summary,Update Date,Vulnerability Classification,add_lines,codeLink,commit_id,commit_message,del_lines,file_name,files_changed,func_after,func_before,lang,lines_after,lines_before,parentID,patch,project,project_after,project_before,vul,vul_func_with_fix`

// BigVulRow is one function of a fix.
type BigVulRow struct {
	CVE, CWE, Link, Commit, File, After string
	Vul                                 bool
}

// quote quotes a CSV field as pandas does (doubling quotes).
func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// BigVulLine renders one row (index i) as a CSV line.
func BigVulLine(i int, r BigVulRow) string {
	f := make([]string, 36)
	f[0] = fmt.Sprint(i)
	f[5], f[7], f[18], f[19], f[22] = r.CVE, r.CWE, r.Link, r.Commit, r.File
	f[24], f[25], f[26] = quote(r.After), quote("/* before */ "+r.After), "C"
	f[14] = quote("A summary, with a comma")
	f[34] = "0"
	if r.Vul {
		f[34] = "1"
	}
	return strings.Join(f, ",") + "\n"
}

// WriteBigVul writes a Big-Vul CSV of the rows.
func WriteBigVul(path string, rows []BigVulRow) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	w.WriteString(BigVulHeader + "\n")
	for i, r := range rows {
		w.WriteString(BigVulLine(i, r))
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// ChallandeFix is one fix entry of a Challande record.
type ChallandeFix struct {
	CommitID string `json:"commitId"`
	PatchURL string `json:"patchUrl"`
}

// WriteChallande writes one per-CVE JSON file into dir/cves.
func WriteChallande(dir, cve string, fixes ...ChallandeFix) error {
	d := filepath.Join(dir, "cves")
	if err := os.MkdirAll(d, 0o755); err != nil {
		return err
	}
	data, err := json.MarshalIndent(map[string]any{"cveId": cve, "dateReported": "2017-01-01", "vulnerabilityType": "Elevation of Privilege Vulnerability",
		"language": "c", "fixes": fixes, "severity": "High", "component": "media"}, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(d, cve+".json"), data, 0o644)
}

// SVENLine is one SVEN-format line.
type SVENLine struct {
	FuncName   string `json:"func_name"`
	Before     string `json:"func_src_before"`
	After      string `json:"func_src_after"`
	CommitLink string `json:"commit_link"`
	FileName   string `json:"file_name"`
	VulType    string `json:"vul_type"`
}

// WriteSVEN writes the lines as JSONL.
func WriteSVEN(path string, lines []SVENLine) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	for _, l := range lines {
		if err := enc.Encode(l); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}

// Function returns a C function of about n bytes, unique for i.
func Function(i, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "static int fix_%d(const char *buf, size_t len)\n{\n", i)
	for j := 0; b.Len() < n; j++ {
		fmt.Fprintf(&b, "\tif (len > %d && buf[%d] == '\"') /* \"quoted\", with a comma */\n\t\treturn %d;\n", j, j, i+j)
	}
	b.WriteString("\treturn 0;\n}\n")
	return b.String()
}

// Hash returns a 40-hex commit hash for i.
func Hash(i int) string { return fmt.Sprintf("%040x", uint64(i)*0x9e3779b97f4a7c15+1) }
