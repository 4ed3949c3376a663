package cli

import (
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"securecomplete/internal/testenv"
)

// symlink makes link point at target, failing the test otherwise.
func symlink(t testing.TB, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// TestAnalyzeDirFindsEveryFile runs the binary on a directory whose C
// files are reached through symbolic links and a hidden directory: each
// is judged under the path it was found at, a file reached twice once, a
// link back to the directory is not followed again, and the skipped
// entries are counted with their reasons.
func TestAnalyzeDirFindsEveryFile(t *testing.T) {
	testenv.Tool(t, "gcc")
	outside := t.TempDir()
	workspace(t, map[string]string{
		"root/.hidden/vuln.c": progUAF,
		"root/notes.txt":      "not code\n",
	})
	writeFile(t, filepath.Join(outside, "target.c"), progUAF)
	symlink(t, filepath.Join(outside, "target.c"), "root/link.c")
	symlink(t, ".hidden/vuln.c", "root/dup.c")
	symlink(t, ".", "root/loop")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	tests := []struct {
		name  string
		args  []string
		code  int
		wants []string
	}{
		{"all", []string{"analyze", "root"}, 1, []string{
			"root/.hidden/vuln.c: vulnerable\n",
			"root/link.c: vulnerable\n",
			"2 files: 2 vulnerable, 0 non-vulnerable, 0 invalid, 0 errors\n",
			"skipped 3: 1 a symbolic link to a directory already searched, 1 not a C/C++ file name, 1 the same file as another path (judged once)\n",
		}},
		{"skip hidden", []string{"analyze", "--skip-hidden", "root"}, 1, []string{
			"root/dup.c: vulnerable\n",
			"root/link.c: vulnerable\n",
			"2 files: 2 vulnerable",
			"1 hidden (--skip-hidden)",
		}},
		{"json summary on stderr", []string{"analyze", "--format", "json", "root"}, 1, []string{
			`"file":"root/link.c"`,
			"skipped 3:",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runBinary(t, ctx, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s%s", code, tt.code, out, stderr)
			}
			for _, w := range tt.wants {
				if !strings.Contains(out+stderr, w) {
					t.Errorf("output lacks %q:\n%s%s", w, out, stderr)
				}
			}
			if strings.Contains(out, "outside") || strings.Contains(out, "target.c") {
				t.Errorf("a file is reported under its target's path, not the link's:\n%s", out)
			}
		})
	}
}

// TestAnalyzeDirErrors: a directory without C/C++ files, and a broken
// link with a C name, are errors (exit 2), not a pass.
func TestAnalyzeDirErrors(t *testing.T) {
	workspace(t, map[string]string{"docs/readme.txt": "text\n", "docs/.git/config": "x\n", "broken/ok.txt": "x\n"})
	symlink(t, "missing.c", "broken/gone.c")
	if err := os.Mkdir("void", 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for _, tt := range []struct {
		dir, want string
	}{
		{"docs", "docs: error: no C or C++ file (.c .h .cc .cpp .cxx .c++ .hpp .hh .hxx) under docs (2 entries skipped; see the summary)"},
		{"void", "void: error: no C or C++ file"},
		{"broken", "broken/gone.c: error: read broken/gone.c: broken symbolic link to missing.c"},
	} {
		code, out, stderr := runBinary(t, ctx, "analyze", tt.dir)
		if code != 2 || !strings.Contains(out, tt.want) {
			t.Errorf("analyze %s: exit %d, want 2 and %q:\n%s%s", tt.dir, code, tt.want, out, stderr)
		}
	}
}

// TestAnalyzeRefusesSpecialFiles names a FIFO, a character device and a
// socket: each is refused up front with an error naming what it is, and
// the command ends at once (a FIFO once made it wait for a writer
// forever).
func TestAnalyzeRefusesSpecialFiles(t *testing.T) {
	testenv.Tool(t, "gcc")
	dir, err := os.MkdirTemp("", "sc") // short: socket paths are limited
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	t.Chdir(dir)
	if err := syscall.Mkfifo("fifo.c", 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir("tree", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo("tree/pipe.c", 0o644); err != nil {
		t.Fatal(err)
	}
	writeFile(t, "tree/ok.c", progClean)
	l, err := net.Listen("unix", "sock.c")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"fifo.c"}, "fifo.c: error: fifo.c is a FIFO (named pipe), not a regular file: not read\n"},
		{[]string{"--lang", "c", "/dev/zero"}, "/dev/zero: error: /dev/zero is a character device, not a regular file: not read\n"},
		{[]string{"sock.c"}, "sock.c: error: sock.c is a socket, not a regular file: not read\n"},
		{[]string{"tree"}, "tree/pipe.c: error: tree/pipe.c is a FIFO (named pipe), not a regular file"},
	} {
		start := time.Now()
		code, out, stderr := runBinary(t, ctx, append([]string{"analyze"}, tt.args...)...)
		if code != 2 || !strings.Contains(out, tt.want) {
			t.Errorf("analyze %v: exit %d, want 2 and %q:\n%s%s", tt.args, code, tt.want, out, stderr)
		}
		t.Logf("analyze %v refused in %s", tt.args, time.Since(start))
	}
}

// TestAnalyzeInterrupted sends SIGINT, then SIGTERM, to analyze while its
// compiler hangs: the command ends at once, its compiler with it.
func TestAnalyzeInterrupted(t *testing.T) {
	dir := t.TempDir()
	cc := writeFile(t, filepath.Join(dir, "slowcc"), "#!/bin/sh\nsleep 60\n")
	if err := os.Chmod(cc, 0o755); err != nil {
		t.Fatal(err)
	}
	src := writeFile(t, filepath.Join(dir, "a.c"), progClean)
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd := exec.Command(binary(t), "analyze", "--no-pch", "--cc", cc, src)
			var out strings.Builder
			cmd.Stdout, cmd.Stderr = &out, &out
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(time.Second)
			start := time.Now()
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				if err == nil {
					t.Errorf("exit 0 after %s:\n%s", sig, out.String())
				}
				t.Logf("ended %s after %s", time.Since(start), sig)
			case <-time.After(20 * time.Second):
				cmd.Process.Kill()
				<-done
				t.Fatalf("still running 20 s after %s:\n%s", sig, out.String())
			}
		})
	}
}

// BenchmarkAnalyzeRefuseFIFO measures how long the binary takes to
// refuse a FIFO, process start included.
func BenchmarkAnalyzeRefuseFIFO(b *testing.B) {
	dir := b.TempDir()
	fifo := filepath.Join(dir, "fifo.c")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		b.Fatal(err)
	}
	bin := binary(b)
	for b.Loop() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err := exec.CommandContext(ctx, bin, "analyze", fifo).Run()
		cancel()
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 2 {
			b.Fatalf("analyze FIFO: %v, want exit status 2", err)
		}
	}
}

// TestAnalyzeQuotesOddNames judges files whose names hold a newline and a
// tab: the text output quotes them as %q does, one line per file.
func TestAnalyzeQuotesOddNames(t *testing.T) {
	testenv.Tool(t, "gcc")
	workspace(t, map[string]string{"d/ok\nvulnerable.c": progClean, "d/tab\there.c": progClean, "d/plain.c": progClean, "d/empty\n.c": ""})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_, out, stderr := runBinary(t, ctx, "analyze", "d")
	for _, want := range []string{
		"\"d/ok\\nvulnerable.c\": non-vulnerable\n",
		"\"d/tab\\there.c\": non-vulnerable\n",
		"d/plain.c: non-vulnerable\n",
		"\"d/empty\\n.c\": error: empty file\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s%s", want, out, stderr)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "vulnerable.c") || strings.HasPrefix(line, ".c") {
			t.Errorf("a file name broke a line: %q", line)
		}
	}
}
