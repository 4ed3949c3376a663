package dataset

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"securecomplete/internal/testenv"
	"securecomplete/training/fetch"
	"securecomplete/training/fixes"
	"securecomplete/training/fixes/fixestest"
)

func TestRepoKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://github.com/Torvalds/Linux.git/", "github.com/torvalds/linux"},
		{"http://git.kernel.org/cgit/linux/kernel/git/torvalds/linux.git", "github.com/torvalds/linux"},
		{"https://git.kernel.org/pub/scm/linux/kernel/git/davem/net.git", "git.kernel.org/pub/scm/linux/kernel/git/davem/net"},
		{"https://android.googlesource.com/platform/frameworks/av", "aosp/platform_frameworks_av"},
		{"https://android.googlesource.com/platform%2Fexternal%2Fsonivox", "aosp/platform_external_sonivox"},
		{"https://github.com/aosp-mirror/platform_frameworks_av", "aosp/platform_frameworks_av"},
		{"https://source.codeaurora.org/quic/la//kernel/msm-3.10/", "codeaurora.org/quic/la/kernel/msm-3.10"},
		{"https://us.codeaurora.org/cgit/quic/la/kernel/msm-3.10", "codeaurora.org/quic/la/kernel/msm-3.10"},
		{"github.com/FFmpeg/FFmpeg", "github.com/ffmpeg/ffmpeg"},
		{"https://github.com/o/p/tree/master", "github.com/o/p"},
		{"git@github.com:o/p.git", "github.com/o/p"},
	} {
		if got := RepoKey(tc.in); got != tc.want {
			t.Errorf("RepoKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{{"cwe-787", "CWE-787"}, {"CWE-020", "CWE-20"}, {"NVD-CWE-Other", "NVD-CWE-OTHER"}, {"416", "CWE-416"}, {"", ""}} {
		if got := NormCWE(tc.in); got != tc.want {
			t.Errorf("NormCWE(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// gitRepo makes a repository with one fix commit and returns its bare
// clone's path and the fix's hash.
func gitRepo(t *testing.T) (string, string) {
	testenv.Tool(t, "git")
	root := t.TempDir()
	work := filepath.Join(root, "work")
	os.MkdirAll(work, 0o755)
	git := func(dir string, args ...string) string {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@e", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@e", "HOME="+root)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	git(work, "init", "-q")
	os.WriteFile(filepath.Join(work, "x.c"), []byte("int x = 0;\n"), 0o644)
	os.WriteFile(filepath.Join(work, "notes.txt"), []byte("n\n"), 0o644)
	git(work, "add", ".")
	git(work, "commit", "-q", "-m", "one")
	os.WriteFile(filepath.Join(work, "x.c"), []byte("int x = 1; /* fixed in git */\n"), 0o644)
	os.WriteFile(filepath.Join(work, "notes.txt"), []byte("fixed\n"), 0o644)
	git(work, "commit", "-q", "-am", "fix")
	hash := git(work, "rev-parse", "HEAD")
	bare := filepath.Join(root, "srv", "x.git")
	git(root, "clone", "-q", "--bare", work, bare)
	return bare, hash
}

// fixtures writes the four sources, overlapping as the real ones do.
func fixtures(t *testing.T) (Inputs, map[string]string) {
	ctx := context.Background()
	dir := t.TempDir()
	bare, gitHash := gitRepo(t)
	h := map[string]string{"A": fixestest.Hash(1), "B": fixestest.Hash(2), "C": fixestest.Hash(3), "D": gitHash, "E": fixestest.Hash(5), "F": fixestest.Hash(6)}
	in := Inputs{CVEfixes: filepath.Join(dir, "CVEfixes.db"), BigVul: filepath.Join(dir, "bigvul.csv"), Challande: filepath.Join(dir, "aosp"), SVEN: filepath.Join(dir, "sven")}
	err := fixestest.WriteCVEfixes(ctx, in.CVEfixes, []fixestest.Commit{
		{CVE: "CVE-2020-0001", CWE: "CWE-787", Repo: "https://github.com/o/p", Hash: h["A"], Files: map[string]string{"src/a.c": "int a = 1;\n", "tools/a.py": "a = 1\n"}},
		{CVE: "CVE-2020-0002", CWE: "CWE-416", Repo: "https://github.com/o/q", Hash: h["B"], Files: map[string]string{"b.c": "int b = 1;\n"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	fixestest.WriteBigVul(in.BigVul, []fixestest.BigVulRow{
		// Commit A again, abbreviated, other case: CVEfixes' whole file wins.
		{CVE: "CVE-2020-0001", CWE: "CWE-787", Link: "https://github.com/O/P/commit/" + h["A"][:10], Commit: h["A"][:10], File: "a.c", After: "int f_a(void) { return 1; }", Vul: true},
		{CVE: "CVE-2020-0003", CWE: "CWE-125", Link: "http://127.0.0.1:1/o/r/commit/" + h["C"], Commit: h["C"], File: "r.c", After: "int r1(void) { return 1; }", Vul: true},
		{CVE: "CVE-2020-0003", CWE: "CWE-125", Link: "http://127.0.0.1:1/o/r/commit/" + h["C"], Commit: h["C"], File: "r.c", After: "int r2(void) { return \"x\"[0]; }", Vul: true},
		{CVE: "CVE-2020-0003", CWE: "CWE-125", Link: "http://127.0.0.1:1/o/r/commit/" + h["C"], Commit: h["C"], File: "r.c", After: "int unchanged(void);", Vul: false},
	})
	f, _ := os.OpenFile(in.BigVul, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("99,cut,row\n")
	f.Close()
	fixestest.WriteChallande(in.Challande, "CVE-2020-0004", fixestest.ChallandeFix{CommitID: h["D"], PatchURL: "file://" + bare + "/+/" + h["D"]})
	fixestest.WriteChallande(in.Challande, "CVE-2020-0006", fixestest.ChallandeFix{PatchURL: "http://127.0.0.1:1/f/+/" + h["F"]})
	fixestest.WriteChallande(in.Challande, "CVE-2020-0001", fixestest.ChallandeFix{PatchURL: "https://github.com/o/p/commit/" + h["A"]})
	os.MkdirAll(in.SVEN, 0o755)
	fixestest.WriteSVEN(filepath.Join(in.SVEN, "cwe-125.jsonl"), []fixestest.SVENLine{
		{After: "int r1(void) { return 1; }", CommitLink: "http://127.0.0.1:1/o/r/commit/" + h["C"], FileName: "r.c", VulType: "cwe-125"},
		{After: "int e(void) { return 0; }\n", CommitLink: "http://127.0.0.1:1/o/e/commit/" + h["E"], FileName: "lib/e.cc", VulType: "cwe-125"},
		{After: "def e(): pass", CommitLink: "github.com/o/py/commit/" + fixestest.Hash(7), FileName: "e.py", VulType: "cwe-125"},
	})
	return in, h
}

func TestBuild(t *testing.T) {
	ctx := context.Background()
	in, h := fixtures(t)
	out := t.TempDir()
	opt := Options{Inputs: in, Out: out, Seed: 7, Fetch: &fetch.Options{Retries: fetch.NoRetries}}
	rep, err := Build(ctx, opt)
	if err != nil {
		t.Fatal(err)
	}
	idx, err := Open(ctx, out)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	got := map[string]Record{}
	splits := map[string]string{}
	if err := idx.Records(ctx, "", func(r Record) error {
		key := r.Commit + " " + r.Path
		if _, dup := got[key]; dup {
			t.Errorf("file %s in two records", key)
		}
		got[key] = r
		splits[r.Commit] = r.Split
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	want := map[string]struct{ source, text string }{
		h["A"] + " src/a.c":  {fixes.CVEfixes, "int a = 1;\n"},
		h["B"] + " b.c":      {fixes.CVEfixes, "int b = 1;\n"},
		h["C"] + " r.c":      {fixes.BigVul, "int r1(void) { return 1; }\n\nint r2(void) { return \"x\"[0]; }\n"},
		h["D"] + " x.c":      {SourceGit, "int x = 1; /* fixed in git */\n"},
		h["E"] + " lib/e.cc": {fixes.SVEN, "int e(void) { return 0; }\n"},
	}
	if len(got) != len(want) {
		t.Errorf("%d records, want %d: %v", len(got), len(want), keys(got))
	}
	for k, w := range want {
		r, ok := got[k]
		if !ok {
			t.Errorf("no record %s", k)
			continue
		}
		if r.Source != w.source || r.Text != w.text {
			t.Errorf("record %s: source %s text %q, want %s %q", k, r.Source, r.Text, w.source, w.text)
		}
	}
	if cw := got[h["A"]+" src/a.c"].CWEs; len(cw) != 1 || cw[0] != "CWE-787" {
		t.Errorf("CWEs of A: %v", cw)
	}
	combined := rep.row("combined")
	if combined.Commits != 7 || combined.CVEs != 5 || combined.Projects != 7 {
		t.Errorf("combined %+v, want 7 commits (A-F and a Python fix), 5 CVEs, 7 projects", combined)
	}
	ov := map[string]Overlap{}
	for _, o := range rep.Overlaps {
		ov[o.A+"&"+o.B] = o
	}
	if ov["cvefixes&bigvul"].Commits != 1 || ov["cvefixes&challande"].Commits != 1 || ov["bigvul&sven"].Commits != 1 || ov["cvefixes&sven"].Commits != 0 {
		t.Errorf("overlaps %+v", rep.Overlaps)
	}
	if rep.AbbrevResolved != 1 {
		t.Errorf("%d abbreviated hashes resolved, want 1", rep.AbbrevResolved)
	}
	if rep.Fetch.OK != 1 || rep.Fetch.Failed != 3 || rep.Fetch.Wanted != 4 {
		// C, E and F have no whole file and fail: their host (loopback,
		// port 1) refuses.
		t.Errorf("fetch %+v, want D fetched and C, E, F failed", rep.Fetch)
	}
	skips := map[string]int{}
	for _, s := range rep.Skipped {
		skips[s.Source+": "+s.Reason] += s.Count
	}
	for k, n := range map[string]int{
		"bigvul: wrong number of fields":                1,
		"cvefixes: not C/C++ (by extension)":            1,
		"bigvul: function of a commit held by cvefixes": 1,
		"sven: function of a commit held by bigvul":     1,
		"sven: not C/C++ (by extension)":                1,
	} {
		if skips[k] != n {
			t.Errorf("skipped %q: %d, want %d (all: %v)", k, skips[k], n, skips)
		}
	}
	var md strings.Builder
	rep.Markdown(&md)
	for _, s := range []string{"## Table 1", "| combined | 5 | 7 | 7 |", "CWE-125", "wrong number of fields"} {
		if !strings.Contains(md.String(), s) {
			t.Errorf("report lacks %q:\n%s", s, md.String())
		}
	}

	// A second run fetches nothing again, and counts the same.
	rep2, err := Build(ctx, opt)
	if err != nil {
		t.Fatal(err)
	}
	if rep2.Fetch.Attempted != 0 || rep2.Fetch.Resumed != 4 || rep2.Fetch.OK != 1 {
		t.Errorf("second run fetch %+v, want nothing attempted, 4 resumed", rep2.Fetch)
	}
	if a, b := rep.row("combined"), rep2.row("combined"); a != b {
		t.Errorf("second run: %+v, first %+v", b, a)
	}
	// The same seed gives the same split.
	idx2, _ := Open(ctx, out)
	defer idx2.Close()
	idx2.Records(ctx, "", func(r Record) error {
		if splits[r.Commit] != r.Split {
			t.Errorf("record %s: split %s, first run %s", r.Path, r.Split, splits[r.Commit])
		}
		return nil
	})
}

func keys(m map[string]Record) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestBuildSplit(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	var lines []fixestest.SVENLine
	for i := range 200 {
		lines = append(lines, fixestest.SVENLine{After: fixestest.Function(i, 100), CommitLink: "github.com/o/p/commit/" + fixestest.Hash(i), FileName: "f.c", VulType: "cwe-787"})
	}
	fixestest.WriteSVEN(filepath.Join(dir, "s.jsonl"), lines)
	count := func(seed int64) (map[string]bool, int) {
		out := t.TempDir()
		if _, err := Build(ctx, Options{Inputs: Inputs{SVEN: dir}, Out: out, Seed: seed}); err != nil {
			t.Fatal(err)
		}
		idx, _ := Open(ctx, out)
		defer idx.Close()
		valid := map[string]bool{}
		n := 0
		idx.Records(ctx, "", func(r Record) error {
			n++
			if r.Split == Valid {
				valid[r.Commit] = true
			}
			return nil
		})
		return valid, n
	}
	v1, n := count(1)
	v1b, _ := count(1)
	v2, _ := count(2)
	if n != 200 || len(v1) != 20 {
		t.Errorf("%d records, %d held out; want 200 and 20", n, len(v1))
	}
	same := func(a, b map[string]bool) bool {
		if len(a) != len(b) {
			return false
		}
		for k := range a {
			if !b[k] {
				return false
			}
		}
		return true
	}
	if !same(v1, v1b) {
		t.Error("seed 1 twice gave two splits")
	}
	if same(v1, v2) {
		t.Error("seeds 1 and 2 gave the same split")
	}
}

// TestRealChallande counts the Challande records as written and after
// normalisation (no fetch: offline every fetch fails anyway, and in CI a
// fetch could clone real repositories).
func TestRealChallande(t *testing.T) {
	dir := testenv.Dataset(t, "aosp-challande")
	rep, err := Build(context.Background(), Options{Inputs: Inputs{Challande: dir}, Out: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	aw := rep.AsWritten[0]
	if aw.Records != 2494 || aw.CVEs != 1991 || aw.Prefixes != 983 {
		t.Errorf("as written %+v, want 2494 fix entries, 1991 CVEs, 983 repository prefixes", aw)
	}
	c := rep.row(fixes.Challande)
	if c.Commits >= aw.CommitRefs || c.Projects >= aw.Prefixes || c.Commits < 2000 {
		t.Errorf("normalised %+v: want fewer commits than the %d written and fewer repositories than the %d prefixes", c, aw.CommitRefs, aw.Prefixes)
	}
	if len(rep.Notes) == 0 {
		t.Error("no note explains the difference")
	}
	t.Logf("as written %+v; normalised %+v", aw, c)
}

func TestRealSVEN(t *testing.T) {
	dir := testenv.Dataset(t, "sven-fixes")
	rep, err := Build(context.Background(), Options{Inputs: Inputs{SVEN: dir}, Out: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Inputs[0].CCode != 378 {
		t.Errorf("%d C/C++ functions, want 378", rep.Inputs[0].CCode)
	}
	per := map[string]int{}
	total := 0
	for _, c := range rep.CWEs {
		per[c.CWE] = c.CCode
		total += c.CCode
	}
	if total != 378 || per["CWE-787"] == 0 || per["CWE-89"] != 0 {
		t.Errorf("per CWE %v (total %d), want 378 with none for CWE-89 (Python only)", per, total)
	}
}

func TestBuildCancelled(t *testing.T) {
	dir := testenv.Dataset(t, "sven-fixes")
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	time.Sleep(2 * time.Millisecond)
	if _, err := Build(ctx, Options{Inputs: Inputs{SVEN: dir}, Out: t.TempDir()}); err == nil {
		t.Error("a cancelled build returned no error")
	}
}
