// Package analysis holds what every judge of C and C++ code shares: the
// languages, findings, verdicts and the Analyzer interface that the
// built-in rules, the compile check and the external analyzers implement.
//
// It imports nothing of this module, so that every other package (the
// rules, the language server, the benchmark) can speak in its types.
package analysis

import (
	"context"
	"path/filepath"
	"sort"
	"strings"
)

// Lang is a source language the judge understands.
type Lang string

// The two languages of the project.
const (
	C   Lang = "c"
	CPP Lang = "cpp"
)

// ParseLang reads a language name as users write it: "c", "cpp", "c++",
// "cxx". It reports false for anything else.
func ParseLang(s string) (Lang, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "c":
		return C, true
	case "cpp", "c++", "cxx", "cc":
		return CPP, true
	}
	return "", false
}

// LangOf guesses the language of a file from its extension. Headers
// (".h") count as C.
func LangOf(path string) (Lang, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".c", ".h":
		return C, true
	case ".cc", ".cpp", ".cxx", ".c++", ".hpp", ".hh", ".hxx":
		return CPP, true
	}
	return "", false
}

// File is one program to judge.
type File struct {
	Path string // as the user named it; used in findings and reports
	Lang Lang
	Src  []byte
}

// Finding is one weakness reported in a file. Every analyzer, built-in or
// external, produces this one shape, so the command line, the language
// server and the benchmark handle findings the same way.
type Finding struct {
	CWE       string `json:"cwe"`                  // "CWE-787"; empty when the analyzer names none
	Rule      string `json:"rule"`                 // the analyzer's rule id
	File      string `json:"file,omitempty"`       // path of the file
	Line      int    `json:"line"`                 // 1-based
	Column    int    `json:"column"`               // 1-based, in bytes
	EndLine   int    `json:"end_line,omitempty"`   // 1-based, 0 when unknown
	EndColumn int    `json:"end_column,omitempty"` // 1-based, exclusive, in bytes
	Message   string `json:"message"`              // what is wrong, for a developer
	Fix       string `json:"fix,omitempty"`        // the guard or change that would fix it
	Analyzer  string `json:"analyzer"`             // "builtin", "gcc", "clang", "cppcheck", "codeql"
}

// Verdict is the judge's decision on one program.
type Verdict string

// The three verdicts of the study.
const (
	Vulnerable    Verdict = "vulnerable"
	NonVulnerable Verdict = "non-vulnerable"
	Invalid       Verdict = "invalid"
)

// Analyzer finds weaknesses in files. Implementations must be safe for
// concurrent use.
type Analyzer interface {
	// Name is the short name users select it by ("builtin", "gcc", ...).
	Name() string
	// Available reports why the analyzer cannot run here (a missing
	// binary, say), or nil when it can.
	Available(ctx context.Context) error
	// Analyze judges the files and returns their findings, in any order,
	// each carrying the path of its file. An error means the run as a
	// whole failed; problems with single files are findings or are
	// reported by the caller's compile check.
	Analyze(ctx context.Context, files []File) ([]Finding, error)
}

// NormalizeCWE turns "787", "cwe-787" and "CWE-787" into "CWE-787". It
// returns "" for an empty input and the input unchanged when it is not a
// CWE number.
func NormalizeCWE(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	num := s
	if len(s) > 4 && strings.EqualFold(s[:4], "cwe-") {
		num = s[4:]
	}
	for _, r := range num {
		if r < '0' || r > '9' {
			return s
		}
	}
	if num == "" {
		return s
	}
	return "CWE-" + num
}

// FileErrors reports the files an analyzer could not analyze (an external
// tool that cannot compile one of them, say) while it analyzed the rest:
// Analyze returns it as its error together with the findings of the other
// files. Keys are File.Path.
type FileErrors map[string]error

func (e FileErrors) Error() string {
	paths := make([]string, 0, len(e))
	for p := range e {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	msgs := make([]string, 0, len(paths))
	for _, p := range paths {
		msgs = append(msgs, p+": "+e[p].Error())
	}
	return strings.Join(msgs, "; ")
}
