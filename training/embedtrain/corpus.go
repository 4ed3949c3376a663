package embedtrain

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
)

// A Source is a set of C/C++ files read as one part of a corpus.
type Source struct {
	Name  string // what the files are, e.g. "tree-sitter runtime and scanners"
	Root  string // the directory they were found under
	Files []File
	// Weight counts each file this many times at the highest order (0
	// and 1: once).
	Weight int
}

// File is one corpus file.
type File struct {
	Path    string
	Size    int64
	ModTime time.Time
}

// Bytes returns the total size of the source's files.
func (s Source) Bytes() int64 {
	var n int64
	for _, f := range s.Files {
		n += f.Size
	}
	return n
}

// maxFileSize: larger files are data or generated code, not code a person
// wrote; they are skipped.
const maxFileSize = 1 << 20

// cExtensions are the file name extensions read as C or C++.
var cExtensions = map[string]bool{
	".c": true, ".h": true, ".cc": true, ".cpp": true, ".cxx": true, ".c++": true,
	".hh": true, ".hpp": true, ".hxx": true, ".h++": true, ".ipp": true, ".tcc": true, ".inl": true,
}

// IsCSource reports whether a file name has a C or C++ extension.
func IsCSource(name string) bool {
	return cExtensions[strings.ToLower(filepath.Ext(name))]
}

// DirSource walks dir for C and C++ files (by extension; hidden
// directories skipped). It is an error for dir to be missing or to hold
// no such file.
func DirSource(ctx context.Context, dir string) (Source, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return Source{}, fmt.Errorf("corpus %s: %w", dir, err)
	}
	if !info.IsDir() {
		if !IsCSource(dir) {
			return Source{}, fmt.Errorf("corpus %s: not a directory nor a C/C++ file", dir)
		}
		return Source{Name: dir, Root: filepath.Dir(dir), Files: []File{{Path: dir, Size: info.Size(), ModTime: info.ModTime()}}}, nil
	}
	src := Source{Name: dir, Root: dir}
	err = walk(ctx, dir, func(path string, d fs.DirEntry) bool { return IsCSource(path) }, &src)
	if err != nil {
		return Source{}, fmt.Errorf("corpus %s: %w", dir, err)
	}
	if len(src.Files) == 0 {
		return Source{}, fmt.Errorf("corpus %s holds no C or C++ file (%s)", dir, extList())
	}
	return src, nil
}

func extList() string {
	exts := make([]string, 0, len(cExtensions))
	for e := range cExtensions {
		exts = append(exts, e)
	}
	slices.Sort(exts)
	return strings.Join(exts, " ")
}

// walk adds the regular files under dir that keep accepts, in lexical
// order, skipping hidden directories and files over maxFileSize.
func walk(ctx context.Context, dir string, keep func(string, fs.DirEntry) bool, src *Source) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == dir {
				return err
			}
			return nil // unreadable entries are skipped
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if d.IsDir() {
			if path != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || !keep(path, d) {
			return nil
		}
		info, err := d.Info()
		if err != nil || info.Size() == 0 || info.Size() > maxFileSize {
			return nil
		}
		src.Files = append(src.Files, File{Path: path, Size: info.Size(), ModTime: info.ModTime()})
		return nil
	})
}

// goEnv returns GOROOT and GOMODCACHE: from the environment, else from
// the go command, else from the Go installation this program was built
// with and the default module cache.
func goEnv(ctx context.Context) (goroot, modcache string) {
	goroot, modcache = os.Getenv("GOROOT"), os.Getenv("GOMODCACHE")
	if goroot == "" || modcache == "" {
		cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		out, err := exec.CommandContext(cctx, "go", "env", "GOROOT", "GOMODCACHE").Output()
		if err == nil {
			lines := strings.Split(strings.TrimSpace(string(out)), "\n")
			if len(lines) == 2 {
				if goroot == "" {
					goroot = strings.TrimSpace(lines[0])
				}
				if modcache == "" {
					modcache = strings.TrimSpace(lines[1])
				}
			}
		}
	}
	if goroot == "" {
		goroot = runtime.GOROOT() //nolint:staticcheck // a fallback when the go command is not on PATH
	}
	if modcache == "" {
		gopath := os.Getenv("GOPATH")
		if gopath == "" {
			if home, err := os.UserHomeDir(); err == nil {
				gopath = filepath.Join(home, "go")
			}
		}
		if gopath != "" {
			modcache = filepath.Join(filepath.SplitList(gopath)[0], "pkg", "mod")
		}
	}
	return goroot, modcache
}

// DefaultSources finds the default base corpus: real, human-written C
// with function bodies that every machine able to build this project
// holds, found offline. Programs count more than libraries (Weight):
//
//   - the musl libc-test suite and musl sources in the Go module cache
//     (modernc.org/libc's testdata; this project depends on it through
//     modernc.org/sqlite): small C programs with main, printf, string and
//     file functions; the math tests' data tables and the api tests
//     (lists of declarations) are left out;
//   - SQLite's C test programs (modernc.org/sqlite's testdata);
//   - the tree-sitter runtime and the hand-written external scanners of its
//     grammars (github.com/smacker/go-tree-sitter; the generated parser.c
//     of each grammar is skipped);
//   - the C files of the Go distribution (GOROOT: runtime/cgo and tests).
//
// The system's C and C++ headers are not in it: measured on the compile
// benchmark, their declarations and libstdc++'s templates made the model
// write code that compiles less often, in C++ above all (README). The
// sampler learns what the headers declare from the header table instead
// (IndexHeaders). Sources that are absent are left out; it is an error
// only when none is found.
func DefaultSources(ctx context.Context) ([]Source, error) {
	goroot, modcache := goEnv(ctx)
	var out []Source
	add := func(s Source, err error) error {
		if err != nil {
			if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
				return err
			}
			return nil
		}
		if len(s.Files) > 0 {
			out = append(out, s)
		}
		return nil
	}
	for _, f := range []func() (Source, error){
		func() (Source, error) { return libcTestSource(ctx, modcache) },
		func() (Source, error) { return sqliteTestSource(ctx, modcache) },
		func() (Source, error) { return treeSitterSource(ctx, modcache) },
		func() (Source, error) { return gorootSource(ctx, goroot) },
	} {
		if err := add(f()); err != nil {
			return nil, err
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no default corpus found: looked for modernc.org/libc, modernc.org/sqlite and go-tree-sitter in the Go module cache (%s) and C files in GOROOT (%s); give --corpus DIR", modcache, goroot)
	}
	return out, nil
}

// Weights of the default sources: test programs, close to what the
// benchmark asks for, count more than library and runtime code.
const (
	weightPrograms = 4
	weightRuntime  = 2
)

// newestModule returns the directory of the newest version of a module in
// the module cache (path as in go.mod, lower case).
func newestModule(modcache, path string) (string, error) {
	base := filepath.Join(modcache, filepath.FromSlash(filepath.Dir(path)))
	name := filepath.Base(path) + "@"
	entries, err := os.ReadDir(base)
	if err != nil {
		return "", err
	}
	var best, bestVer string
	for _, e := range entries {
		v, ok := strings.CutPrefix(e.Name(), name)
		if !ok || !e.IsDir() {
			continue
		}
		if best == "" || compareVersions(v, bestVer) > 0 {
			best, bestVer = e.Name(), v
		}
	}
	if best == "" {
		return "", fmt.Errorf("no %s in %s", path, base)
	}
	return filepath.Join(base, best), nil
}

// libcTestSource reads the C programs of modernc.org/libc's testdata (the
// musl libc-test suite: functional and regression tests, their helpers,
// the math tests) and the musl sources it carries.
func libcTestSource(ctx context.Context, modcache string) (Source, error) {
	dir, err := newestModule(modcache, "modernc.org/libc")
	if err != nil {
		return Source{}, err
	}
	src := Source{Name: "musl libc-test and musl sources (" + filepath.Base(dir) + ")", Root: dir, Weight: weightPrograms}
	for _, sub := range []string{"testdata", "internal/overlay"} {
		d := filepath.Join(dir, filepath.FromSlash(sub))
		if _, err := os.Stat(d); err != nil {
			continue
		}
		if err := walk(ctx, d, func(path string, _ fs.DirEntry) bool { return IsCSource(path) && !libcTestSkipped(path) }, &src); err != nil {
			return Source{}, err
		}
	}
	return src, nil
}

// libcTestSkipped reports the libc-test files that are data or lists, not
// programs: the tables of expected results of the math tests (math/crlibm,
// sanity, special, ucb), the 199 math tests built on one template, and the
// api tests (lists of declarations checked through macros).
func libcTestSkipped(path string) bool {
	p := filepath.ToSlash(path)
	i := strings.Index(p, "/libc-test/src/")
	if i < 0 {
		return false
	}
	rest := p[i+len("/libc-test/src/"):]
	switch {
	case strings.HasPrefix(rest, "api/"):
		return true
	case strings.HasPrefix(rest, "math/"):
		return !strings.HasPrefix(rest, "math/gen/")
	}
	return false
}

// sqliteTestSource reads the C test programs of modernc.org/sqlite.
func sqliteTestSource(ctx context.Context, modcache string) (Source, error) {
	dir, err := newestModule(modcache, "modernc.org/sqlite")
	if err != nil {
		return Source{}, err
	}
	src := Source{Name: "SQLite test programs (" + filepath.Base(dir) + ")", Root: dir, Weight: weightPrograms}
	err = walk(ctx, dir, func(path string, _ fs.DirEntry) bool { return IsCSource(path) }, &src)
	return src, err
}

// treeSitterSource finds the newest go-tree-sitter in the module cache.
func treeSitterSource(ctx context.Context, modcache string) (Source, error) {
	dir, err := newestModule(modcache, "github.com/smacker/go-tree-sitter")
	if err != nil {
		return Source{}, err
	}
	src := Source{Name: "tree-sitter runtime and grammar scanners (" + filepath.Base(dir) + ")", Root: dir, Weight: weightRuntime}
	err = walk(ctx, dir, func(path string, _ fs.DirEntry) bool {
		if !IsCSource(path) || filepath.Base(path) == "parser.h" && filepath.Dir(path) != dir {
			return false
		}
		return !generatedParser(path)
	}, &src)
	return src, err
}

// compareVersions orders module versions "v1.2.3[-pre]": numerically on
// the three numbers, then by the rest of the text (pseudo-versions carry
// a timestamp there).
func compareVersions(a, b string) int {
	pa, ra := splitVersion(a)
	pb, rb := splitVersion(b)
	for i := range pa {
		if pa[i] != pb[i] {
			return pa[i] - pb[i]
		}
	}
	return strings.Compare(ra, rb)
}

func splitVersion(v string) ([3]int, string) {
	var nums [3]int
	v = strings.TrimPrefix(v, "v")
	core, rest, _ := strings.Cut(v, "-")
	for i, part := range strings.SplitN(core, ".", 3) {
		fmt.Sscanf(part, "%d", &nums[i])
	}
	return nums, rest
}

// generatedParser reports a parser generated by tree-sitter: a parser.c
// holding the STATE_COUNT of its tables.
func generatedParser(path string) bool {
	if filepath.Base(path) != "parser.c" {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return true
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := f.Read(head)
	return bytes.Contains(head[:n], []byte("#define STATE_COUNT")) || bytes.Contains(head[:n], []byte("#define LANGUAGE_VERSION"))
}

func gorootSource(ctx context.Context, goroot string) (Source, error) {
	if goroot == "" {
		return Source{}, errors.New("no GOROOT")
	}
	src := Source{Name: "C files of the Go distribution", Root: goroot, Weight: weightRuntime}
	err := walk(ctx, goroot, func(path string, _ fs.DirEntry) bool { return IsCSource(path) }, &src)
	return src, err
}

// Fingerprint identifies a corpus and the settings it is trained with: the
// files' paths, sizes and modification times, the format version, and
// the given settings.
func Fingerprint(sources []Source, settings ...string) string {
	h := sha256.New()
	for _, s := range settings {
		fmt.Fprintf(h, "setting %s\n", s)
	}
	for _, s := range sources {
		fmt.Fprintf(h, "source %s\n", s.Name)
		for _, f := range s.Files {
			fmt.Fprintf(h, "%s %d %d\n", f.Path, f.Size, f.ModTime.UnixNano())
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// ResolveSources resolves a list of corpora, each a directory or file of
// C/C++ sources or the word "default" (the base corpus, DefaultSources);
// an empty list is the default corpus.
func ResolveSources(ctx context.Context, corpora []string) ([]Source, error) {
	if len(corpora) == 0 {
		corpora = []string{"default"}
	}
	var out []Source
	for _, c := range corpora {
		if c == "default" {
			def, err := DefaultSources(ctx)
			if err != nil {
				return nil, err
			}
			out = append(out, def...)
			continue
		}
		s, err := DirSource(ctx, c)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}
