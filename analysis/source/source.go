// Package source collects the C and C++ files a judge reads: the files
// named and those found under named directories. It follows symbolic
// links (a target reached twice is read once, a link back to a directory
// being searched is not followed again), refuses what is not a regular
// file before opening it, and counts every file it skips and why.
package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"securecomplete/analysis"
)

// Options say what Collect takes.
type Options struct {
	// Lang, when set, is the language of every file; else it follows the
	// file name's extension.
	Lang analysis.Lang
	// MaxSize is the largest file read, in bytes; a larger one is a
	// problem, not read whole.
	MaxSize int
	// SkipHidden leaves out hidden directories and files (a name starting
	// with ".") found under a named directory. A hidden path named
	// explicitly is always taken.
	SkipHidden bool
}

// Problem is a file that was meant to be judged and cannot be.
type Problem struct {
	Path string
	Lang analysis.Lang // "" when not known
	Err  error
}

// Reasons a file found under a directory is skipped.
const (
	SkipNotSource = "not a C/C++ file name"
	SkipHidden    = "hidden (--skip-hidden)"
	SkipDuplicate = "the same file as another path (judged once)"
	SkipLoop      = "a symbolic link to a directory already searched"
)

// Set is what Collect found.
type Set struct {
	Files    []analysis.File
	Problems []Problem
	// Skipped counts the entries under named directories that were not
	// taken, by reason (the Skip constants).
	Skipped map[string]int
}

// Summary says how many files were skipped and why, in one line, or ""
// when none was.
func (s *Set) Summary() string {
	total := 0
	var reasons []string
	for r, n := range s.Skipped {
		total += n
		reasons = append(reasons, fmt.Sprintf("%d %s", n, r))
	}
	if total == 0 {
		return ""
	}
	sort.Strings(reasons)
	return fmt.Sprintf("skipped %d: %s", total, strings.Join(reasons, ", "))
}

// Collect reads the files named in paths and the C/C++ files under the
// directories named there. Each file keeps the path it was found at (a
// link's own path, not its target's). What cannot be read, and a
// directory that holds no C/C++ file, is a Problem; Collect returns an
// error only when ctx ends.
func Collect(ctx context.Context, paths []string, opts Options) (*Set, error) {
	c := &collector{ctx: ctx, opts: opts, set: &Set{Skipped: map[string]int{}}, files: map[fileID]string{}, dirs: map[fileID]bool{}}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		info, err := os.Stat(p)
		if err != nil {
			c.problem(p, "", describeStatErr(p, err))
			continue
		}
		if !info.IsDir() {
			c.file(p, info)
			continue
		}
		before := len(c.set.Files) + len(c.set.Problems)
		skippedBefore := c.skippedTotal()
		if err := c.dir(p, info); err != nil {
			return nil, err
		}
		if len(c.set.Files)+len(c.set.Problems) == before {
			why := ""
			if n := c.skippedTotal() - skippedBefore; n > 0 {
				why = fmt.Sprintf(" (%d entries skipped; see the summary)", n)
			}
			c.problem(p, "", fmt.Errorf("no C or C++ file (%s) under %s%s", strings.Join(Extensions(), " "), p, why))
		}
	}
	return c.set, nil
}

// Extensions are the file name endings searched for in directories.
func Extensions() []string {
	return []string{".c", ".h", ".cc", ".cpp", ".cxx", ".c++", ".hpp", ".hh", ".hxx"}
}

func isSourceName(name string) bool {
	_, ok := analysis.LangOf(name)
	return ok
}

type collector struct {
	ctx   context.Context
	opts  Options
	set   *Set
	files map[fileID]string // the path each file was first taken at
	dirs  map[fileID]bool   // directories searched
}

func (c *collector) skippedTotal() int {
	n := 0
	for _, v := range c.set.Skipped {
		n += v
	}
	return n
}

func (c *collector) problem(path string, lang analysis.Lang, err error) {
	c.set.Problems = append(c.set.Problems, Problem{Path: path, Lang: lang, Err: err})
}

// dir searches one directory, entries in name order.
func (c *collector) dir(path string, info fs.FileInfo) error {
	if id, ok := idOf(info); ok {
		if c.dirs[id] {
			c.set.Skipped[SkipLoop]++
			return nil
		}
		c.dirs[id] = true
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		c.problem(path, "", fmt.Errorf("read directory %s: %w", path, unwrapPath(err)))
		// ReadDir returns what it read before the error.
	}
	for _, e := range entries {
		if err := c.ctx.Err(); err != nil {
			return err
		}
		p := filepath.Join(path, e.Name())
		if c.opts.SkipHidden && strings.HasPrefix(e.Name(), ".") {
			c.set.Skipped[SkipHidden]++
			continue
		}
		info, err := os.Stat(p) // follows a symbolic link
		if err != nil {
			if isSourceName(p) || c.opts.Lang != "" {
				c.problem(p, "", describeStatErr(p, err))
			} else {
				c.set.Skipped[SkipNotSource]++
			}
			continue
		}
		if info.IsDir() {
			if err := c.dir(p, info); err != nil {
				return err
			}
			continue
		}
		if !isSourceName(p) {
			c.set.Skipped[SkipNotSource]++
			continue
		}
		c.file(p, info)
	}
	return nil
}

// file takes one file.
func (c *collector) file(path string, info fs.FileInfo) {
	lang := c.opts.Lang
	if lang == "" {
		l, ok := analysis.LangOf(path)
		if !ok {
			c.problem(path, "", fmt.Errorf("cannot tell the language of %s from its name: use --lang c or --lang cpp", path))
			return
		}
		lang = l
	}
	if kind := Kind(info.Mode()); kind != "" {
		c.problem(path, lang, fmt.Errorf("%s is a %s, not a regular file: not read", path, kind))
		return
	}
	if id, ok := idOf(info); ok {
		if _, dup := c.files[id]; dup {
			c.set.Skipped[SkipDuplicate]++
			return
		}
		c.files[id] = path
	}
	src, err := ReadRegular(c.ctx, path, c.opts.MaxSize)
	if err != nil {
		c.problem(path, lang, err)
		return
	}
	c.set.Files = append(c.set.Files, analysis.File{Path: path, Lang: lang, Src: src})
}

// Kind names what a file of mode m is when it is not a regular file or a
// directory ("FIFO (named pipe)", "character device", ...), else "".
func Kind(m fs.FileMode) string {
	switch {
	case m.IsRegular(), m.IsDir():
		return ""
	case m&fs.ModeNamedPipe != 0:
		return "FIFO (named pipe)"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "block device"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	case m&fs.ModeIrregular != 0:
		return "file of an unknown kind"
	}
	return "special file"
}

// ReadRegular reads a file that must be a regular one, refusing one
// larger than max bytes without reading it whole. The file is opened
// without blocking and checked again once open, so a path swapped for a
// FIFO after the first look cannot hang the read; the read stops when
// ctx ends.
func ReadRegular(ctx context.Context, path string, max int) ([]byte, error) {
	f, err := openNoBlock(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, unwrapPath(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, unwrapPath(err))
	}
	if kind := Kind(info.Mode()); kind != "" || info.IsDir() {
		if kind == "" {
			kind = "directory"
		}
		return nil, fmt.Errorf("%s is a %s, not a regular file: not read", path, kind)
	}
	if info.Size() > int64(max) {
		return nil, fmt.Errorf("file too large: %d bytes (the judge takes at most %d; see --max-size)", info.Size(), max)
	}
	b, err := io.ReadAll(io.LimitReader(ctxReader{ctx, f}, int64(max)+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, unwrapPath(err))
	}
	if len(b) > max {
		return nil, fmt.Errorf("file too large: more than %d bytes (the judge takes at most %d; see --max-size)", max, max)
	}
	return b, nil
}

// ctxReader ends a read loop when ctx ends.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (r ctxReader) Read(p []byte) (int, error) {
	if err := r.ctx.Err(); err != nil {
		return 0, err
	}
	return r.r.Read(p)
}

// describeStatErr says why a path cannot be looked at, naming a broken
// symbolic link as such.
func describeStatErr(path string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		if target, lerr := os.Readlink(path); lerr == nil {
			return fmt.Errorf("read %s: broken symbolic link to %s", path, target)
		}
	}
	if isLoop(err) {
		return fmt.Errorf("read %s: symbolic link loop", path)
	}
	return fmt.Errorf("read %s: %w", path, unwrapPath(err))
}

// unwrapPath drops the path an *fs.PathError repeats, since messages name
// the file already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
