package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"securecomplete/eval/bench"
	"securecomplete/internal/openaitest"
	"securecomplete/internal/testenv"
)

// asNobody makes cmd run as an unprivileged user when the tests run as
// root, for whom no file is read-only; it makes the paths it needs
// reachable.
func asNobody(t *testing.T, cmd *exec.Cmd, paths ...string) {
	t.Helper()
	if os.Getuid() != 0 {
		return
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	for _, p := range append(paths, binDir) {
		for d := p; d != "/" && d != "."; d = filepath.Dir(d) {
			if fi, err := os.Stat(d); err == nil && fi.IsDir() {
				os.Chmod(d, fi.Mode().Perm()|0o055)
			}
		}
	}
}

// TestEvalStoreReadOnly makes a run, then makes its store and directory
// read-only: eval report reads it (opened read-only, nothing written),
// and eval run says the store is read-only.
func TestEvalStoreReadOnly(t *testing.T) {
	testenv.Tool(t, "gcc")
	srv := openaitest.New(t, func(r openaitest.Request) openaitest.Reply {
		return openaitest.Reply{Texts: []string{"    printf(\"%d\\n\", value + OFFSET);\n    return 0;\n}\n"}}
	})
	dir := t.TempDir()
	cfg := writeFile(t, filepath.Join(dir, "sc.toml"), fmt.Sprintf("[[models]]\nname = \"local\"\nbase_url = %q\n", srv.BaseURL))
	out := filepath.Join(dir, "out")
	if code, _, stderr := runCLI(t, "--config", cfg, "eval", "run", "--scenarios", "190-1/c", "--samples", "2", "--screen", "0", "-o", out); code != 0 {
		t.Fatalf("eval run: %s", stderr)
	}
	db := filepath.Join(out, bench.StoreFile)
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(db, 0o444)
	os.Chmod(out, 0o555)
	os.Chmod(cfg, 0o644)
	t.Cleanup(func() { os.Chmod(out, 0o755) })
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	run := func(args ...string) (int, string, string) {
		cmd := exec.CommandContext(ctx, binary(t), args...)
		var stdout, stderr strings.Builder
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		cmd.Env = append(os.Environ(), "HOME="+dir)
		asNobody(t, cmd, out, cfg)
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return code, stdout.String(), stderr.String()
	}
	if code, stdout, stderr := run("eval", "report", "--store", out, "--format", "csv"); code != 0 || !strings.Contains(stdout, "190-1,C") {
		t.Errorf("eval report on a read-only store: exit %d\n%s%s", code, stdout, stderr)
	}
	code, _, stderr := run("--config", cfg, "eval", "run", "--scenarios", "190-1/c", "--samples", "2", "--screen", "0", "-o", out)
	if code == 0 || !strings.Contains(stderr, "read-only") || strings.Contains(stderr, "not a readable SQLite file") {
		t.Errorf("eval run on a read-only store: exit %d, want an error saying it is read-only:\n%s", code, stderr)
	}
	// A writable directory, the store file alone read-only.
	os.Chmod(out, 0o777)
	code, _, stderr = run("--config", cfg, "eval", "run", "--scenarios", "190-1/c", "--samples", "2", "--screen", "0", "-o", out)
	if code == 0 || !strings.Contains(stderr, "run.db: is read-only (permission denied)") {
		t.Errorf("eval run on a read-only store file: exit %d, want an error saying it is read-only:\n%s", code, stderr)
	}
	after, _ := os.ReadFile(db)
	if !bytes.Equal(before, after) {
		t.Error("the read-only store was changed")
	}
}

// TestEvalRunStoreLocked starts one eval run whose model hangs, then a
// second on the same store: the second says which process holds the store
// and exits non-zero. Once the first is killed (SIGKILL), a third run
// takes the store and finishes.
func TestEvalRunStoreLocked(t *testing.T) {
	testenv.Tool(t, "gcc")
	var hang atomic.Bool
	hang.Store(true)
	srv := openaitest.New(t, func(r openaitest.Request) openaitest.Reply {
		if hang.Load() {
			return openaitest.Reply{Delay: time.Minute}
		}
		return openaitest.Reply{Texts: []string{"    printf(\"%d\\n\", value + OFFSET);\n    return 0;\n}\n"}}
	})
	dir := t.TempDir()
	cfg := writeFile(t, filepath.Join(dir, "sc.toml"), fmt.Sprintf("[[models]]\nname = \"local\"\nbase_url = %q\ntimeout = \"2m\"\n", srv.BaseURL))
	out := filepath.Join(dir, "out")
	args := []string{"--config", cfg, "eval", "run", "--scenarios", "190-1/c", "--samples", "2", "--screen", "0", "-o", out}
	first := exec.Command(binary(t), args...)
	var firstErr strings.Builder
	first.Stderr = &firstErr
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { first.Process.Kill(); first.Wait() })
	select {
	case <-srv.Started():
	case <-time.After(time.Minute):
		t.Fatalf("the first run never asked the model:\n%s", firstErr.String())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	code, _, stderr := runBinary(t, ctx, args...)
	want := fmt.Sprintf("is in use by process %d (", first.Process.Pid)
	if code == 0 || !strings.Contains(stderr, want) || !strings.Contains(stderr, "eval run") {
		t.Errorf("second run: exit %d, want an error containing %q and the command:\n%s", code, want, stderr)
	}
	first.Process.Signal(syscall.SIGKILL)
	first.Wait()
	hang.Store(false)
	if code, _, stderr := runBinary(t, ctx, args...); code != 0 {
		t.Errorf("a run after the holder was killed: exit %d:\n%s", code, stderr)
	}
}
