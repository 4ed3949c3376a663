// Package run starts the external programs of the judge (compilers,
// analyzers) with a deadline, killing the whole process group when it
// passes, and lets tests put a recorder in place of the real programs.
package run

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
)

// Cmd is one program to run.
type Cmd struct {
	Dir  string   // working directory; "" for the current one
	Name string   // program name or path
	Args []string // arguments, without the program name
	Env  []string // extra environment entries ("K=V"), added to the process's own
}

// String is the command as a shell would show it.
func (c Cmd) String() string {
	parts := append([]string{c.Name}, c.Args...)
	for i, p := range parts {
		if p == "" || strings.ContainsAny(p, " \t\n'\"\\$`*?[]{}()<>|&;#~") {
			parts[i] = "'" + strings.ReplaceAll(p, "'", `'\''`) + "'"
		}
	}
	return strings.Join(parts, " ")
}

// Output is what a finished program left.
type Output struct {
	Stdout, Stderr []byte
	ExitCode       int
}

// Runner runs programs. A program that ran and exited non-zero is not an
// error (see Output.ExitCode); a program that could not start, or was
// stopped by the context, is.
type Runner interface {
	Run(ctx context.Context, c Cmd) (Output, error)
}

// Exec runs real programs.
type Exec struct{}

// maxOutput bounds what is kept of a program's stdout and stderr.
const maxOutput = 16 << 20

// Run implements Runner. The program gets a temporary directory of its own
// (TMPDIR, TMP and TEMP), removed once it has ended, however it ended: a
// compiler killed at its timeout leaves no cc*.s behind. An entry of
// c.Env naming one of those variables wins.
func (Exec) Run(ctx context.Context, c Cmd) (Output, error) {
	tmp, err := os.MkdirTemp("", "securecomplete-run-")
	if err != nil {
		return Output{}, fmt.Errorf("run %s: temporary directory: %w", c.Name, err)
	}
	defer os.RemoveAll(tmp)
	cmd := exec.CommandContext(ctx, c.Name, c.Args...)
	cmd.Dir = c.Dir
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp, "TMP="+tmp, "TEMP="+tmp)
	cmd.Env = append(cmd.Env, c.Env...)
	var stdout, stderr limitedBuffer
	stdout.max, stderr.max = maxOutput, maxOutput
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	setProcessGroup(cmd)
	cmd.WaitDelay = 2 * time.Second
	err = cmd.Run()
	out := Output{Stdout: stdout.Bytes(), Stderr: stderr.Bytes()}
	if ctx.Err() != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return out, fmt.Errorf("%s: timed out", c.Name)
		}
		return out, fmt.Errorf("%s: %w", c.Name, ctx.Err())
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.Exited() {
		out.ExitCode = ee.ExitCode()
		return out, nil
	}
	if err != nil {
		return out, fmt.Errorf("run %s: %w", c.Name, err)
	}
	return out, nil
}

// limitedBuffer keeps the first max bytes written to it and drops the rest.
type limitedBuffer struct {
	bytes.Buffer
	max int
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := b.max - b.Len(); room > 0 {
		if len(p) > room {
			b.Buffer.Write(p[:room])
		} else {
			b.Buffer.Write(p)
		}
	}
	return len(p), nil
}
