package fixes

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseCommitURL(t *testing.T) {
	for _, tc := range []struct {
		in, repo, commit string
		ok               bool
	}{
		{"https://android.googlesource.com/platform/system/nfc/+/fe340aad0291879de8d3b33a9bdff4d6a5c8d36a", "https://android.googlesource.com/platform/system/nfc", "fe340aad0291879de8d3b33a9bdff4d6a5c8d36a", true},
		{"https://android.googlesource.com/platform%2Fexternal%2Fsonivox/+/f333a822c38c3d92f40e8f1686348e6a62c291", "https://android.googlesource.com/platform/external/sonivox", "f333a822c38c3d92f40e8f1686348e6a62c291", true},
		{"https://android.googlesource.com/platform/frameworks/av/+/ABCDEF0123%5E%21/", "https://android.googlesource.com/platform/frameworks/av", "abcdef0123", true},
		{"https://github.com/torvalds/linux/commit/a70b52ec1aaeaf60f4739edb1b422827cb6f3893", "https://github.com/torvalds/linux", "a70b52ec1aaeaf60f4739edb1b422827cb6f3893", true},
		{"github.com/FFmpeg/FFmpeg/commit/6959358683c7533f586c07a766acc5fe9544d8b2", "github.com/FFmpeg/FFmpeg", "6959358683c7533f586c07a766acc5fe9544d8b2", true},
		{"http://git.kernel.org/cgit/linux/kernel/git/torvalds/linux.git/commit/?id=a70b52ec1aaeaf60f4739edb1b422827cb6f3893", "http://git.kernel.org/cgit/linux/kernel/git/torvalds/linux.git", "a70b52ec1aaeaf60f4739edb1b422827cb6f3893", true},
		{"https://gitlab.com/gnutls/gnutls/-/commit/abc1234", "https://gitlab.com/gnutls/gnutls", "abc1234", true},
		{"http://git.savannah.gnu.org/gitweb/?p=emacs.git;a=commit;h=abcdef1234567", "http://git.savannah.gnu.org/emacs.git", "abcdef1234567", true},
		{"https://lore.kernel.org/lkml/20200101.GA1@example/", "", "", false},
		{"https://android-review.googlesource.com/c/kernel/common/+/1243775", "", "", false},
		{"https://github.com/owner/repo/commit/not-a-hash", "", "", false},
		{"", "", "", false},
	} {
		repo, commit, ok := ParseCommitURL(tc.in)
		if repo != tc.repo || commit != tc.commit || ok != tc.ok {
			t.Errorf("ParseCommitURL(%q) = %q, %q, %v; want %q, %q, %v", tc.in, repo, commit, ok, tc.repo, tc.commit, tc.ok)
		}
	}
}

func TestReadCVEfixes(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "CVEfixes.db")
	db := openTestDB(t, path)
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	exec(`INSERT INTO fixes VALUES ('CVE-2020-1', 'aaaa111', 'https://github.com/o/p'), ('CVE-2020-2', 'aaaa111', 'https://github.com/o/p'), ('CVE-2021-3', 'bbbb222', 'https://github.com/o/q')`)
	exec(`INSERT INTO cwe_classification VALUES ('CVE-2020-1', 'CWE-787'), ('CVE-2020-2', 'NVD-CWE-Other'), ('CVE-2021-3', 'CWE-416')`)
	exec(`INSERT INTO file_change (file_change_id, hash, filename, new_path, change_type, code_after, programming_language) VALUES
		(1, 'aaaa111', 'a.c', 'src/a.c', 'ModificationType.MODIFY', 'int a;', 'C'),
		(2, 'bbbb222', 'b.py', 'b.py', 'ModificationType.MODIFY', 'x = 1', 'Python'),
		(3, 'cccc333', 'c.c', 'c.c', 'ModificationType.MODIFY', 'int c;', 'C'),
		(4, 'bbbb222', 'gone.c', 'None', 'ModificationType.DELETE', 'None', 'C'),
		(5, 'bbbb222', 'n.c', 'n.c', 'ModificationType.ADD', 42, 'C')`)
	db.Close()

	var got collect
	c, err := ReadCVEfixes(ctx, path, got.handler())
	if err != nil {
		t.Fatal(err)
	}
	if c.Problems != 1 || got.reasons()["commit not in fixes"] != 1 {
		t.Errorf("problems %+v, want one unknown commit", got.problems)
	}
	files := map[string]File{}
	var cwes []string
	for _, f := range got.fixes {
		for _, fl := range f.Files {
			files[fl.Path] = fl
		}
		if f.Commit == "aaaa111" && len(f.Files) == 0 {
			cwes = f.CWEs
			if len(f.CVEs) != 2 {
				t.Errorf("commit aaaa111: CVEs %v, want two", f.CVEs)
			}
		}
	}
	if len(files) != 3 || files["src/a.c"].Code != "int a;" || !files["src/a.c"].Whole || files["n.c"].Code != "42" {
		t.Errorf("files %+v", files)
	}
	if strings.Join(cwes, ",") != "CWE-787,NVD-CWE-Other" {
		t.Errorf("CWEs of aaaa111: %v", cwes)
	}
}

func TestReadCVEfixesBadFiles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	notDB := filepath.Join(dir, "not.db")
	os.WriteFile(notDB, []byte(strings.Repeat("this is not sqlite\n", 300)), 0o644)
	// A real database cut in half.
	full := filepath.Join(dir, "full.db")
	db := openTestDB(t, full)
	tx, _ := db.Begin()
	for i := range 2000 {
		tx.Exec(`INSERT INTO fixes VALUES (?, ?, 'https://github.com/o/p')`, "CVE-1-"+string(rune('a'+i%26)), strings.Repeat("ab", 20))
		tx.Exec(`INSERT INTO file_change (hash, filename, new_path, code_after) VALUES (?, 'x.c', 'x.c', ?)`, strings.Repeat("ab", 20), strings.Repeat("int x;\n", 200))
	}
	tx.Commit()
	db.Close()
	data, _ := os.ReadFile(full)
	cut := filepath.Join(dir, "cut.db")
	os.WriteFile(cut, data[:len(data)/2], 0o644)
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o644)

	for _, tc := range []struct{ path, reason string }{
		{notDB, "not a SQLite database"},
		{cut, ""},
		{empty, "missing table"},
		{filepath.Join(dir, "absent.db"), "cannot open"},
	} {
		var got collect
		_, err := ReadCVEfixes(ctx, tc.path, got.handler())
		if err != nil {
			t.Errorf("%s: %v (want problems, not an error)", tc.path, err)
		}
		if len(got.problems) == 0 {
			t.Errorf("%s: no problem reported", tc.path)
			continue
		}
		if tc.reason != "" && got.reasons()[tc.reason] == 0 {
			t.Errorf("%s: problems %+v, want %q", tc.path, got.problems, tc.reason)
		}
		for _, p := range got.problems {
			if !strings.Contains(p.Where, filepath.Base(tc.path)) {
				t.Errorf("%s: problem %+v does not say where", tc.path, p)
			}
		}
	}
}

// bigVulHeader is Big-Vul's header (MSR_data_cleaned.csv).
const bigVulHeader = `,Access Gained,Attack Origin,Authentication Required,Availability,CVE ID,CVE Page,CWE ID,Complexity,Confidentiality,Integrity,Known Exploits,Publish Date,Score,Summary,Update Date,Vulnerability Classification,add_lines,codeLink,commit_id,commit_message,del_lines,file_name,files_changed,func_after,func_before,lang,lines_after,lines_before,parentID,patch,project,project_after,project_before,vul,vul_func_with_fix`

// bigVulRow writes one row with the fields that matter.
func bigVulRow(idx int, cve, cwe, link, commit, file, after string, vul string) string {
	f := make([]string, 36)
	f[0] = string(rune('0' + idx%10))
	f[5], f[7], f[18], f[19], f[22], f[24], f[25], f[26], f[34] = cve, cwe, link, commit, file, after, "old", "C", vul
	return strings.Join(f, ",") + "\n"
}

func TestReadBigVul(t *testing.T) {
	ctx := context.Background()
	var b strings.Builder
	b.WriteString(bigVulHeader + "\n")
	// 2: a quoted multi-line function with doubled quotes.
	b.WriteString(bigVulRow(0, "CVE-2018-1", "CWE-119", "https://github.com/o/p/commit/abcdef1234", "abcdef1234", "src/x.c", "\"int f() {\n  puts(\"\"hi\"\");\n}\"", "1"))
	// 5: an unescaped quote inside a quoted field (kept literally).
	b.WriteString(bigVulRow(1, "CVE-2018-2", "CWE-20", "https://github.com/o/p/commit/abcdef5678", "abcdef5678", "src/y.c", "\"char c = '\"';\"", "1"))
	// 6: a cut row: too few fields.
	b.WriteString("2,,,CVE-2018-3,short\n")
	// 7: latin-1 bytes in a function.
	b.WriteString(bigVulRow(3, "CVE-2018-4", "CWE-787", "http://git.savannah.gnu.org/gitweb/?p=emacs.git;a=commit;h=1234567abc", "1234567abc", "z.c", "\"/* caf\xe9 */\"", "1"))
	// 8: a function the fix did not change (vul 0): the commit counts, no file.
	b.WriteString(bigVulRow(4, "CVE-2018-4", "CWE-787", "http://git.savannah.gnu.org/gitweb/?p=emacs.git;a=commit;h=1234567abc", "1234567abc", "z.c", "int unchanged;", "0"))
	// 9: a codeLink that is no commit URL.
	b.WriteString(bigVulRow(5, "CVE-2018-5", "CWE-787", "https://bugzilla.example.org/1", "", "w.c", "int w;", "1"))
	path := filepath.Join(t.TempDir(), "bigvul.csv")
	os.WriteFile(path, []byte(b.String()), 0o644)

	var got collect
	c, err := ReadBigVul(ctx, path, got.handler())
	if err != nil {
		t.Fatal(err)
	}
	if c.Rows != 6 || c.Fixes != 4 || c.Files != 3 || c.Problems != 2 {
		t.Errorf("counts %+v, want 6 rows, 4 fixes, 3 files, 2 problems", c)
	}
	wantWhere := map[string]string{"wrong number of fields": path + ":6", "no commit": path + ":9"}
	for _, p := range got.problems {
		if wantWhere[p.Reason] != p.Where {
			t.Errorf("problem %+v: want it at %s", p, wantWhere[p.Reason])
		}
	}
	if got.fixes[0].Files[0].Code != "int f() {\n  puts(\"hi\");\n}" || got.fixes[0].Repo != "https://github.com/o/p" {
		t.Errorf("row 2: %+v", got.fixes[0])
	}
	if got.fixes[1].Files[0].Code != `char c = '"';` {
		t.Errorf("row 5: %q", got.fixes[1].Files[0].Code)
	}
	if got.fixes[2].Files[0].Code != "/* café */" || got.fixes[2].Repo != "http://git.savannah.gnu.org/emacs.git" {
		t.Errorf("row 7: %+v", got.fixes[2])
	}
	if len(got.fixes[3].Files) != 0 {
		t.Errorf("row 8 (vul 0) holds files")
	}
}

func TestReadBigVulUnclosedQuote(t *testing.T) {
	var b strings.Builder
	b.WriteString(bigVulHeader + "\n")
	b.WriteString(bigVulRow(0, "CVE-1", "CWE-1", "https://github.com/o/p/commit/abcdef1", "abcdef1", "a.c", "\"never closed", "1"))
	b.WriteString(strings.Repeat("x", 1000) + "\n")
	path := filepath.Join(t.TempDir(), "bigvul.csv")
	os.WriteFile(path, []byte(b.String()), 0o644)
	var got collect
	c, err := ReadBigVul(context.Background(), path, got.handler())
	if err != nil {
		t.Fatal(err)
	}
	if c.Problems != 1 || got.problems[0].Where != path+":2" {
		t.Errorf("counts %+v problems %+v: want the row at line 2 reported", c, got.problems)
	}
}

func TestReadChallande(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "aosp")
	cves := filepath.Join(dir, "cves")
	os.MkdirAll(cves, 0o755)
	write := func(name, s string) { os.WriteFile(filepath.Join(cves, name), []byte(s), 0o644) }
	write("CVE-2017-1.json", `{"cveId": "CVE-2017-1", "language": "c", "fixes": [
		{"commitId": "fe340aad0291879de8d3b33a9bdff4d6a5c8d36a", "patchUrl": "https://android.googlesource.com/platform/system/nfc/+/fe340aad0291879de8d3b33a9bdff4d6a5c8d36a"},
		{"commitId": "", "patchUrl": "http://git.kernel.org/cgit/linux/kernel/git/torvalds/linux.git/commit/?id=a70b52ec1aaeaf60f4739edb1b422827cb6f3893"},
		{"commitId": "", "patchUrl": "https://lore.kernel.org/lkml/x/"}]}`)
	write("CVE-2017-2.json", `{"cveId": "CVE-2017-2", "fixes": [`)
	write("CVE-2017-3.json", `{"cveId": 3, "language": ["c"], "fixes": [{"commitId": 12345678, "patchUrl": "https://android.googlesource.com/platform/a/+/12345678"}]}`)
	for _, arg := range []string{dir, cves} {
		var got collect
		c, err := ReadChallande(context.Background(), arg, got.handler())
		if err != nil {
			t.Fatal(err)
		}
		if c.Rows != 3 || c.Fixes != 3 || c.Problems != 2 {
			t.Errorf("%s: counts %+v, want 3 files, 3 fixes, 2 problems (%+v)", arg, c, got.problems)
		}
		r := got.reasons()
		if r["not JSON"] != 1 || r["no commit"] != 1 {
			t.Errorf("%s: problems %+v", arg, got.problems)
		}
		if f := got.fixes[1]; f.Commit != "a70b52ec1aaeaf60f4739edb1b422827cb6f3893" || f.Repo != "http://git.kernel.org/cgit/linux/kernel/git/torvalds/linux.git" {
			t.Errorf("kernel fix: %+v", f)
		}
		if f := got.fixes[2]; f.CVEs[0] != "3" || f.Commit != "12345678" || f.Lang != "c" {
			t.Errorf("loosely typed record: %+v", f)
		}
	}
}

func TestReadSVEN(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "cwe-787.jsonl"), []byte(
		`{"func_name": "f", "func_src_before": "int f(){}", "func_src_after": "int f() { return 0; }\n", "commit_link": "github.com/o/p/commit/6959358683c7533f586c07a766acc5fe9544d8b2", "file_name": "lib/f.c", "vul_type": "cwe-787"}
not json

{"func_src_after": "", "commit_link": "github.com/o/p/commit/6959358683c7533f586c07a766acc5fe9544d8b2", "file_name": "g.c", "vul_type": "cwe-787"}
{"func_src_after": "def g(): pass", "commit_link": "github.com/o/py/commit/abcdef0", "file_name": "g.py", "vul_type": "cwe-079"}
`), 0o644)
	var got collect
	c, err := ReadSVEN(context.Background(), dir, got.handler())
	if err != nil {
		t.Fatal(err)
	}
	if c.Rows != 4 || c.Fixes != 2 || c.Problems != 2 {
		t.Errorf("counts %+v problems %+v", c, got.problems)
	}
	if got.problems[0].Where != filepath.Join(dir, "cwe-787.jsonl")+":2" {
		t.Errorf("problem at %s, want line 2", got.problems[0].Where)
	}
	f := got.fixes[0]
	if f.Files[0].Code != "int f() { return 0; }\n" || f.CWEs[0] != "CWE-787" || f.Commit != "6959358683c7533f586c07a766acc5fe9544d8b2" {
		t.Errorf("fix %+v", f)
	}
}
