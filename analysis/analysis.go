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
	"strconv"
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
	CWE       CWE    `json:"cwe"`                  // "CWE-787"; empty when the analyzer names none
	Rule      string `json:"rule"`                 // the analyzer's rule id
	File      string `json:"file,omitempty"`       // path of the file
	Line      int    `json:"line"`                 // 1-based
	Column    int    `json:"column"`               // 1-based, in bytes
	EndLine   int    `json:"end_line,omitempty"`   // 1-based, 0 when unknown
	EndColumn int    `json:"end_column,omitempty"` // 1-based, exclusive, in bytes
	Message   string `json:"message"`              // what is wrong, for a developer
	Fix       string `json:"fix,omitempty"`        // the guard or change that would fix it
	Analyzer  string `json:"analyzer"`             // "builtin", "gcc", "clang", "cppcheck", "codeql"
	Severity  string `json:"severity,omitempty"`   // SeverityError when the analyzer calls it an error; else a warning
}

// SeverityError is the Finding.Severity of what an analyzer reports as an
// error rather than a warning (gcc's "error" kind, cppcheck's severity
// "error", SARIF's level "error").
const SeverityError = "error"

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

// CWE is a weakness id in its canonical form, "CWE-787" (ParseCWE makes
// one from any spelling), or, from an outside tool or dataset that names a
// category rather than a number, that name as written ("NVD-CWE-Other").
// Its zero value means no CWE.
type CWE string

// String returns the id as written, "CWE-787".
func (c CWE) String() string { return string(c) }

// Number returns the CWE's number, 0 when c is not a numbered CWE.
func (c CWE) Number() int {
	s, ok := strings.CutPrefix(string(c), "CWE-")
	if !ok {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
}

// URL is the weakness's MITRE page, "" when c is not a numbered CWE.
func (c CWE) URL() string {
	n := c.Number()
	if n == 0 {
		return ""
	}
	return "https://cwe.mitre.org/data/definitions/" + strconv.Itoa(n) + ".html"
}

// ParseCWE reads a CWE id as people and tools write it ("787",
// "cwe-787", "CWE-787", "CWE-0787") and returns its one canonical form,
// "CWE-787". ok is false when s is not a CWE number ("", "NVD-CWE-Other",
// "CWE-x"). It is the only place CWE ids are normalised: findings,
// scenarios, importers, reports and SARIF all go through it.
func ParseCWE(s string) (cwe CWE, ok bool) {
	s = strings.TrimSpace(s)
	num := s
	if len(s) >= 4 && strings.EqualFold(s[:4], "cwe-") {
		num = s[4:]
	}
	if num == "" || len(num) > 9 {
		return "", false
	}
	v := 0
	for _, r := range num {
		if r < '0' || r > '9' {
			return "", false
		}
		v = v*10 + int(r-'0')
	}
	return CWE("CWE-" + strconv.Itoa(v)), true
}

// NormalizeCWE is ParseCWE for display and comparison: the canonical form
// of a CWE id, "" for an empty input, and anything that is not a CWE id
// back unchanged (trimmed), so that "NVD-CWE-Other" survives a round trip.
func NormalizeCWE(s string) CWE {
	if c, ok := ParseCWE(s); ok {
		return c
	}
	return CWE(strings.TrimSpace(s))
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
