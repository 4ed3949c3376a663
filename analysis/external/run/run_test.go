package run

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"
)

func TestExecExitCodeAndOutput(t *testing.T) {
	out, err := Exec{}.Run(context.Background(), Cmd{Name: "sh", Args: []string{"-c", "echo out; echo err >&2; exit 3"}})
	if err != nil {
		t.Fatal(err)
	}
	if out.ExitCode != 3 || string(out.Stdout) != "out\n" || string(out.Stderr) != "err\n" {
		t.Errorf("got exit %d stdout %q stderr %q", out.ExitCode, out.Stdout, out.Stderr)
	}
}

func TestExecTimeoutKillsChildren(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	// The grandchild holds stdout open; without the process-group kill,
	// Run would wait for it.
	start := time.Now()
	_, err := Exec{}.Run(ctx, Cmd{Name: "sh", Args: []string{"-c", "sleep 30 & sleep 30"}})
	if err == nil || !strings.Contains(err.Error(), "timed out") {
		t.Fatalf("err = %v, want a timeout", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("Run returned after %v, long after its deadline", d)
	}
}

func TestExecMissingProgram(t *testing.T) {
	_, err := Exec{}.Run(context.Background(), Cmd{Name: "securecomplete-no-such-program"})
	if err == nil {
		t.Fatal("want an error for a missing program")
	}
}

func TestCmdString(t *testing.T) {
	c := Cmd{Name: "codeql", Args: []string{"database", "create", "--command=make -B", "it's"}}
	if got, want := c.String(), `codeql database create '--command=make -B' 'it'\''s'`; got != want {
		t.Errorf("String() = %s, want %s", got, want)
	}
}

// TestExecOwnTempDir runs a program that leaves a file in $TMPDIR and is
// killed at its timeout, as gcc leaves /tmp/cc*.s: the program had a
// temporary directory of its own, and it is gone afterwards.
func TestExecOwnTempDir(t *testing.T) {
	parent := t.TempDir()
	t.Setenv("TMPDIR", parent)
	for _, tt := range []struct {
		name    string
		timeout time.Duration
		script  string
	}{
		{"killed at the timeout", 300 * time.Millisecond, `echo "$TMPDIR"; echo x > "$TMPDIR/cc1234.s"; sleep 30`},
		{"exits", time.Minute, `echo "$TMPDIR"; echo x > "$TMPDIR/cc1234.s"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), tt.timeout)
			defer cancel()
			out, _ := Exec{}.Run(ctx, Cmd{Name: "sh", Args: []string{"-c", tt.script}})
			dir := strings.TrimSpace(string(out.Stdout))
			if dir == "" || dir == parent {
				t.Fatalf("TMPDIR was %q: want a directory of the program's own", dir)
			}
			if _, err := os.Stat(dir); !os.IsNotExist(err) {
				t.Errorf("the program's temporary directory %s is still there (%v)", dir, err)
			}
			if left, _ := os.ReadDir(parent); len(left) > 0 {
				t.Errorf("left in TMPDIR: %v", left)
			}
		})
	}
}
