package run

import (
	"context"
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
