package source

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestCollect builds a tree of real files, links, a FIFO and a link loop
// through two directories, and checks what is taken, refused and skipped.
func TestCollect(t *testing.T) {
	dir := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "a"), 0o755))
	must(os.MkdirAll(filepath.Join(dir, "b"), 0o755))
	must(os.WriteFile(filepath.Join(dir, "a", "x.c"), []byte("int x;\n"), 0o644))
	must(os.WriteFile(filepath.Join(dir, "b", "y.cpp"), []byte("int y;\n"), 0o644))
	must(os.Symlink("../b", filepath.Join(dir, "a", "to-b")))
	must(os.Symlink("../a", filepath.Join(dir, "b", "to-a")))
	must(syscall.Mkfifo(filepath.Join(dir, "b", "p.h"), 0o644))
	set, err := Collect(context.Background(), []string{dir}, Options{MaxSize: 1 << 20})
	must(err)
	var got []string
	for _, f := range set.Files {
		got = append(got, strings.TrimPrefix(f.Path, dir+"/")+":"+string(f.Lang))
	}
	if strings.Join(got, " ") != "a/to-b/y.cpp:cpp a/x.c:c" {
		t.Errorf("files %v, want a/x.c and b's y.cpp reached first through a/to-b", got)
	}
	if len(set.Problems) != 1 || !strings.Contains(set.Problems[0].Err.Error(), "p.h is a FIFO (named pipe)") {
		t.Errorf("problems %v, want the FIFO refused once", set.Problems)
	}
	if set.Skipped[SkipLoop] != 2 {
		t.Errorf("skipped %v, want 2 links to directories already searched", set.Skipped)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Collect(ctx, []string{dir}, Options{MaxSize: 1 << 20}); !errors.Is(err, context.Canceled) {
		t.Errorf("Collect after cancel: %v", err)
	}
}

func TestKind(t *testing.T) {
	for _, tt := range []struct {
		path, want string
	}{{"/dev/zero", "character device"}, {"/dev/null", "character device"}, {".", ""}} {
		fi, err := os.Stat(tt.path)
		if err != nil {
			t.Skip(err)
		}
		if got := Kind(fi.Mode()); got != tt.want {
			t.Errorf("Kind(%s) = %q, want %q", tt.path, got, tt.want)
		}
	}
}
