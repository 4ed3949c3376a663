package external

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"mvdan.cc/sh/v3/shell"
	"mvdan.cc/sh/v3/syntax"
)

// CompileEntry is one entry of a compilation database
// (compile_commands.json, as CMake, Bear and Meson write it): the
// directory a compile ran in, the source file, and the command, as one
// shell line (command) or as its words (arguments).
type CompileEntry struct {
	Directory string   `json:"directory"`
	File      string   `json:"file"`
	Command   string   `json:"command,omitempty"`
	Arguments []string `json:"arguments,omitempty"`
	Output    string   `json:"output,omitempty"`
}

// CompileDB is a compilation database, its entries by absolute source path.
type CompileDB struct {
	Path    string
	entries map[string]CompileEntry
}

// ReadCompileDB reads a compile_commands.json. Entries without a file or a
// command are skipped; a file that is not a JSON array of entries is an
// error naming it.
func ReadCompileDB(path string) (*CompileDB, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("compilation database: %w", err)
	}
	var es []CompileEntry
	if err := json.Unmarshal(data, &es); err != nil {
		return nil, fmt.Errorf("compilation database %s: want a JSON array of {directory, file, command|arguments}: %w", path, err)
	}
	db := &CompileDB{Path: path, entries: map[string]CompileEntry{}}
	for _, e := range es {
		if e.File == "" || (e.Command == "" && len(e.Arguments) == 0) {
			continue
		}
		db.entries[e.abs()] = e
	}
	return db, nil
}

// abs is the entry's source file as an absolute, cleaned path.
func (e CompileEntry) abs() string {
	f := e.File
	if !filepath.IsAbs(f) {
		f = filepath.Join(e.Directory, f)
	}
	return filepath.Clean(f)
}

// Lookup returns the entry that compiles the file at path.
func (db *CompileDB) Lookup(path string) (CompileEntry, bool) {
	if db == nil {
		return CompileEntry{}, false
	}
	if p, err := filepath.Abs(path); err == nil {
		path = p
	}
	e, ok := db.entries[filepath.Clean(path)]
	return e, ok
}

// words returns the entry's command as words, split as a shell would.
func (e CompileEntry) words() ([]string, error) {
	if len(e.Arguments) > 0 {
		return e.Arguments, nil
	}
	ws, err := shell.Fields(e.Command, nil) // variables as the shell would see them
	if err != nil {
		return nil, fmt.Errorf("command of %s: %w", e.File, err)
	}
	return ws, nil
}

// Rewrite returns the shell line that compiles sample (a copy of the
// entry's file holding the text to judge) as the project compiles the
// file: the same compiler, flags, defines and include paths, run in the
// entry's directory, with the object written to obj instead of the
// project's build tree, and the original file's folder first among the
// quoted includes so that its #include "x.h" still resolve.
func (e CompileEntry) Rewrite(sample, obj string) (string, error) {
	ws, err := e.words()
	if err != nil {
		return "", err
	}
	if len(ws) == 0 {
		return "", fmt.Errorf("command of %s is empty", e.File)
	}
	out := []string{ws[0], "-iquote", filepath.Dir(e.abs())}
	src := e.abs()
	found := false
	for i := 1; i < len(ws); i++ {
		w := ws[i]
		switch {
		case w == "-o" && i+1 < len(ws):
			i++ // the project's object file: ours goes elsewhere
			continue
		case strings.HasPrefix(w, "-o") && len(w) > 2:
			continue
		case w == e.File || filepath.Clean(filepath.Join(e.Directory, w)) == src || w == src:
			out = append(out, sample)
			found = true
			continue
		}
		out = append(out, w)
	}
	if !found {
		return "", fmt.Errorf("command of %s does not name the file", e.File)
	}
	out = append(out, "-o", obj)
	quoted := make([]string, len(out))
	for i, w := range out {
		q, err := syntax.Quote(w, syntax.LangPOSIX)
		if err != nil {
			return "", fmt.Errorf("command of %s: %w", e.File, err)
		}
		quoted[i] = q
	}
	dir, err := syntax.Quote(e.Directory, syntax.LangPOSIX)
	if err != nil {
		return "", fmt.Errorf("directory of %s: %w", e.File, err)
	}
	return "(cd " + dir + " && " + strings.Join(quoted, " ") + ")", nil
}
