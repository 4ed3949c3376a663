package judge

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Identity is everything that decides this judge's verdicts beyond its
// Spec, for caches that outlive a run: the Spec, each compiler's resolved
// binary (path, size, time, version line), the environment variables
// that move include paths, and the build of this program (its
// executable's hash), which holds the built-in rules. It fails for
// judges with analyzers other than compile and builtin, whose tools it
// does not identify, and when a compiler or the executable cannot be
// read.
func (j *Judge) Identity(ctx context.Context) (string, error) {
	var b strings.Builder
	b.WriteString(j.Spec().Key())
	for _, n := range j.names {
		if n != "compile" && n != "builtin" {
			return "", fmt.Errorf("analyzer %s: its version is not identified", n)
		}
	}
	if j.compile != nil {
		o := j.compile.Options()
		for _, cc := range []string{o.CC, o.CXX} {
			id, err := toolID(ctx, cc)
			if err != nil {
				return "", err
			}
			b.WriteString("\x00" + id)
		}
		// The variables that change what a compiler reads.
		for _, e := range []string{"CPATH", "C_INCLUDE_PATH", "CPLUS_INCLUDE_PATH", "GCC_EXEC_PREFIX", "COMPILER_PATH"} {
			v, ok := os.LookupEnv(e)
			fmt.Fprintf(&b, "\x00%s=%v:%s", e, ok, v)
		}
	}
	if j.builtin != nil {
		id, err := selfID()
		if err != nil {
			return "", err
		}
		b.WriteString("\x00" + id)
	}
	return b.String(), nil
}

// toolID identifies a program on PATH by its resolved path, size,
// modification time and first line of --version.
func toolID(ctx context.Context, name string) (string, error) {
	path, err := exec.LookPath(name)
	if err == nil {
		path, err = filepath.EvalSymlinks(path)
	}
	var st os.FileInfo
	if err == nil {
		st, err = os.Stat(path)
	}
	if err != nil {
		return "", fmt.Errorf("compiler %s: %w", name, err)
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, path, "--version").Output()
	if err != nil {
		return "", fmt.Errorf("compiler %s --version: %w", name, err)
	}
	first, _, _ := strings.Cut(string(out), "\n")
	return fmt.Sprintf("%s %d %d %s", path, st.Size(), st.ModTime().UnixNano(), first), nil
}

// selfID hashes this program's executable.
func selfID() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("this program's executable: %w", err)
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", fmt.Errorf("this program's executable: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("this program's executable %s: %w", exe, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
