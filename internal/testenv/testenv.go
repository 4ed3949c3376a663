// Package testenv tells tests what this machine offers: the shared
// research data beside the repository, and external tools (nvim, gcc,
// clang, cppcheck). A missing piece skips the test with a message, except
// in CI (SECURECOMPLETE_CI=1), where a missing tool or dataset fails it:
// CI always has ../shared beside the clone, so the quality gates run.
package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// CI reports whether the tests run under .ci/run, where every tool the
// tests use must be present.
func CI() bool { return os.Getenv("SECURECOMPLETE_CI") == "1" }

// RepoRoot returns the directory holding go.mod, found from the working
// directory upward.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("getwd: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("no go.mod above the working directory")
		}
		dir = parent
	}
}

// SharedDir returns ../shared beside the repository (or
// $SECURECOMPLETE_SHARED), skipping the test when it is absent: a fresh
// clone has no shared data and must still pass. In CI it fails instead.
func SharedDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("SECURECOMPLETE_SHARED")
	if dir == "" {
		dir = filepath.Join(RepoRoot(t), "..", "shared")
	}
	if _, err := os.Stat(dir); err != nil {
		if CI() {
			t.Fatalf("shared research data not found at %s; CI must provide ../shared beside the clone", dir)
		}
		t.Skipf("shared research data not found at %s (set SECURECOMPLETE_SHARED): skipping", dir)
	}
	return dir
}

// Dataset returns a folder or file under the shared datasets, skipping the
// test when it is absent, or failing it in CI.
func Dataset(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(SharedDir(t), "datasets", rel)
	if _, err := os.Stat(p); err != nil {
		if CI() {
			t.Fatalf("dataset %s not found; CI must provide it", p)
		}
		t.Skipf("dataset %s not found: skipping", p)
	}
	return p
}

// Tool returns the path of an external program, trying each name in turn.
// When none is found the test is skipped, or fails in CI.
func Tool(t testing.TB, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	if CI() {
		t.Fatalf("%v not installed; .ci/run must install it", names)
	}
	t.Skipf("%v not installed: skipping", names)
	return ""
}

// Binary builds the securecomplete binary of this tree into a temporary
// directory of the test and returns its path, so that a test runs what a
// user runs. A failed build fails the test.
func Binary(t testing.TB) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "securecomplete")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = RepoRoot(t)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}
