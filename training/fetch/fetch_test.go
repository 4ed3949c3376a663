package fetch

import (
	"context"
	"fmt"
	"net/http"
	"net/http/cgi"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"securecomplete/internal/testenv"
)

// repo is a git repository made by the test: a working tree with a
// history, and a bare clone of it to serve.
type repo struct {
	work, bare string
	commits    []string // in order
}

func run(t testing.TB, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org", "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

// makeRepo creates a repository whose commits each write the files given.
func makeRepo(t testing.TB, steps ...map[string]string) *repo {
	t.Helper()
	testenv.Tool(t, "git")
	root := t.TempDir()
	r := &repo{work: filepath.Join(root, "work"), bare: filepath.Join(root, "srv", "p.git")}
	os.MkdirAll(r.work, 0o755)
	run(t, r.work, "init", "-q", "-b", "main")
	for i, files := range steps {
		for name, code := range files {
			p := filepath.Join(r.work, name)
			if code == "" {
				run(t, r.work, "rm", "-q", name)
				continue
			}
			os.MkdirAll(filepath.Dir(p), 0o755)
			os.WriteFile(p, []byte(code), 0o644)
			run(t, r.work, "add", name)
		}
		run(t, r.work, "commit", "-q", "-m", fmt.Sprintf("step %d", i))
		r.commits = append(r.commits, run(t, r.work, "rev-parse", "HEAD"))
	}
	run(t, root, "clone", "-q", "--bare", r.work, r.bare)
	return r
}

func isC(p string) bool { return strings.HasSuffix(p, ".c") || strings.HasSuffix(p, ".h") }

func collectRun(t *testing.T, opt Options, jobs []Job) map[string]Result {
	t.Helper()
	got := map[string]Result{}
	err := Run(context.Background(), opt, jobs, func(r Result) error {
		got[r.Key+" "+r.Commit] = r
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestFetchFileURL(t *testing.T) {
	r := makeRepo(t,
		map[string]string{"src/a.c": "int a = 0;\n", "README": "hi\n", "b.h": "int b;\n"},
		map[string]string{"src/a.c": "int a = 1; /* fixed */\n", "README": "fixed\n", "new.c": "int n;\n", "b.h": ""},
	)
	cache := t.TempDir()
	short := r.commits[1][:10]
	jobs := []Job{{Key: "local/p", URL: "file://" + r.bare, Commits: []string{short, r.commits[0], strings.Repeat("0", 40)}}}
	opt := Options{Cache: cache, Keep: isC, Backoff: time.Millisecond}
	got := collectRun(t, opt, jobs)

	fix := got["local/p "+short]
	if fix.Err != nil || fix.Full != r.commits[1] {
		t.Fatalf("fix commit: %+v", fix)
	}
	files := map[string]string{}
	for _, f := range fix.Files {
		files[f.Path] = string(f.Code)
	}
	if len(files) != 2 || files["src/a.c"] != "int a = 1; /* fixed */\n" || files["new.c"] != "int n;\n" {
		t.Errorf("files of the fix: %v (want the post-fix src/a.c and new.c; README refused, b.h deleted)", files)
	}
	if fix.Skipped != 2 {
		t.Errorf("skipped %d, want 2 (README, deleted b.h)", fix.Skipped)
	}
	if root := got["local/p "+r.commits[0]]; root.Err != nil || len(root.Files) != 2 {
		t.Errorf("root commit: %+v", root)
	}
	if miss := got["local/p "+strings.Repeat("0", 40)]; miss.Err == nil || !miss.Permanent {
		t.Errorf("missing commit: %+v, want a permanent error", miss)
	}

	// A second run reuses the cache: no clone attempt.
	again := collectRun(t, opt, jobs[:1])
	if a := again["local/p "+short]; a.Err != nil || a.Attempts != 0 || len(a.Files) != 2 {
		t.Errorf("second run: %+v, want the cached clone", a)
	}
}

// TestFetchPartialClone serves a repository that accepts filters, so the
// clone is blob-less and the files' blobs are fetched on demand.
func TestFetchPartialClone(t *testing.T) {
	r := makeRepo(t,
		map[string]string{"a.c": "int a;\n", "b.c": "int b;\n"},
		map[string]string{"a.c": "int a = 1;\n", "b.c": "int b = 1;\n"},
	)
	run(t, r.bare, "config", "uploadpack.allowFilter", "true")
	run(t, r.bare, "config", "uploadpack.allowAnySHA1InWant", "true")
	cache := t.TempDir()
	got := collectRun(t, Options{Cache: cache, Keep: isC}, []Job{{Key: "p", URL: "file://" + r.bare, Commits: r.commits[1:]}})
	res := got["p "+r.commits[1]]
	if res.Err != nil || len(res.Files) != 2 || string(res.Files[0].Code) != "int a = 1;\n" || string(res.Files[1].Code) != "int b = 1;\n" {
		t.Fatalf("result %+v", res)
	}
	dirs, _ := filepath.Glob(filepath.Join(cache, "*.git"))
	if len(dirs) != 1 || run(t, dirs[0], "config", "--get", "remote.origin.promisor") != "true" {
		t.Errorf("clone %v is not blob-less", dirs)
	}
}

func TestFetchUnreachable(t *testing.T) {
	testenv.Tool(t, "git")
	// A port nothing listens on: connection refused.
	ln := httptest.NewServer(http.NotFoundHandler())
	refused := ln.URL
	ln.Close()
	// A server that asks for credentials.
	auth := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("WWW-Authenticate", `Basic realm="git"`)
		w.WriteHeader(http.StatusUnauthorized)
	}))
	defer auth.Close()
	jobs := []Job{
		{Key: "refused/a", URL: refused + "/a.git", Commits: []string{"abcdef1", "abcdef2"}},
		{Key: "refused/b", URL: refused + "/b.git", Commits: []string{"abcdef3"}},
		{Key: "nohost/c", URL: "https://no-such-host.invalid/c.git", Commits: []string{"abcdef4"}},
		{Key: "auth/d", URL: auth.URL + "/d.git", Commits: []string{"abcdef5"}},
		{Key: "missing/e", URL: "file://" + filepath.Join(t.TempDir(), "none.git"), Commits: []string{"abcdef6"}},
	}
	began := time.Now()
	got := collectRun(t, Options{Cache: t.TempDir(), Parallel: 1, Backoff: 10 * time.Second, Retries: 5}, jobs)
	if d := time.Since(began); d > 9*time.Second {
		t.Errorf("took %s: a permanent failure was retried with backoff", d)
	}
	if len(got) != 6 {
		t.Fatalf("%d results, want one per commit (6): %v", len(got), got)
	}
	for k, r := range got {
		if r.Err == nil || !r.Permanent {
			t.Errorf("%s: %+v, want a permanent error", k, r)
		}
		if r.Attempts > 1 {
			t.Errorf("%s: %d attempts, want at most 1", k, r.Attempts)
		}
	}
	if b := got["refused/b abcdef3"]; b.Attempts != 0 || !strings.Contains(b.Err.Error(), "unreachable") {
		t.Errorf("second repository on a refusing host: %+v, want it failed without an attempt", b)
	}
}

// TestFetchTransientRetried serves a repository through git http-backend
// behind a handler that fails the first requests with 503.
func TestFetchTransientRetried(t *testing.T) {
	r := makeRepo(t, map[string]string{"a.c": "int a;\n"}, map[string]string{"a.c": "int a = 1;\n"})
	out, err := exec.Command("git", "--exec-path").Output()
	if err != nil {
		t.Fatal(err)
	}
	backend := &cgi.Handler{
		Path: filepath.Join(strings.TrimSpace(string(out)), "git-http-backend"),
		Env:  []string{"GIT_PROJECT_ROOT=" + filepath.Dir(r.bare), "GIT_HTTP_EXPORT_ALL=1"},
	}
	var fails atomic.Int32
	fails.Store(2)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if fails.Add(-1) >= 0 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		backend.ServeHTTP(w, req)
	}))
	defer srv.Close()
	got := collectRun(t, Options{Cache: t.TempDir(), Backoff: 10 * time.Millisecond, Keep: isC},
		[]Job{{Key: "http/p", URL: srv.URL + "/p.git", Commits: []string{r.commits[1]}}})
	res := got["http/p "+r.commits[1]]
	if res.Err != nil || res.Attempts != 3 || len(res.Files) != 1 || string(res.Files[0].Code) != "int a = 1;\n" {
		t.Errorf("result %+v, want the file after 2 retries", res)
	}
}

func TestFetchCancelled(t *testing.T) {
	r := makeRepo(t, map[string]string{"a.c": "int a;\n"})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := Run(ctx, Options{Cache: t.TempDir()}, []Job{{Key: "p", URL: "file://" + r.bare, Commits: r.commits}}, func(Result) error { return nil })
	if err == nil {
		t.Error("a cancelled run returned no error")
	}
}
