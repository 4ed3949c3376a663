package external

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"

	"securecomplete/analysis"
	"securecomplete/analysis/external/run"
)

// DefaultCppcheckArgs returns cppcheck's checks: warnings (not style), the
// POSIX library so it knows open() and friends.
func DefaultCppcheckArgs() []string {
	return []string{"--enable=warning", "--library=posix", "--inline-suppr"}
}

// Cppcheck runs cppcheck over batches of files and reads its XML (version
// 2) report, whose errors carry a cwe attribute.
type Cppcheck struct {
	Path      string   // default "cppcheck"
	Args      []string // default DefaultCppcheckArgs()
	BatchSize int      // files per process; default 64
	opts      Options
}

// NewCppcheck returns the cppcheck analyzer.
func NewCppcheck(opts Options) *Cppcheck {
	return &Cppcheck{Path: "cppcheck", Args: DefaultCppcheckArgs(), BatchSize: 64, opts: opts.withDefaults()}
}

// Name implements analysis.Analyzer.
func (c *Cppcheck) Name() string { return "cppcheck" }

// Available implements analysis.Analyzer.
func (c *Cppcheck) Available(context.Context) error {
	if _, err := exec.LookPath(c.Path); err != nil {
		return fmt.Errorf("%s not found in PATH", c.Path)
	}
	return nil
}

func (c *Cppcheck) args(names []string) []string {
	args := append(append([]string{}, c.Args...), "--xml", "--xml-version=2", "--quiet")
	return append(args, names...)
}

// Commands are the command lines run, for reports.
func (c *Cppcheck) Commands() []string {
	return []string{run.Cmd{Name: c.Path, Args: c.args([]string{"FILE..."})}.String()}
}

// Analyze implements analysis.Analyzer.
func (c *Cppcheck) Analyze(ctx context.Context, files []analysis.File) ([]analysis.Finding, error) {
	if err := c.Available(ctx); err != nil {
		return nil, err
	}
	s, err := newScratch(files, nil)
	if err != nil {
		return nil, err
	}
	defer s.close()
	var batches [][]int
	size := min(c.BatchSize, max(1, (len(files)+c.opts.Jobs-1)/c.opts.Jobs))
	for i := 0; i < len(files); i += size {
		var b []int
		for j := i; j < min(i+size, len(files)); j++ {
			b = append(b, j)
		}
		batches = append(batches, b)
	}
	index := map[string]int{}
	for i, n := range s.names {
		index[n] = i
	}
	var col collector
	forEach(len(batches), c.opts.Jobs, func(bi int) {
		b := batches[bi]
		var names []string
		for _, i := range b {
			names = append(names, s.names[i])
		}
		bctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
		defer cancel()
		out, err := c.opts.Runner.Run(bctx, run.Cmd{Dir: s.dir, Name: c.Path, Args: c.args(names), Env: []string{"LC_ALL=C"}})
		if err == nil && out.ExitCode != 0 {
			err = fmt.Errorf("%s exited with status %d: %s", c.Path, out.ExitCode, firstLines(out.Stderr, 3))
		}
		if err != nil {
			if errors.Is(bctx.Err(), context.DeadlineExceeded) && ctx.Err() == nil {
				err = fmt.Errorf("%s did not finish within %v", c.Path, c.opts.Timeout)
			}
			for _, i := range b {
				col.fail(files[i].Path, err)
			}
			return
		}
		var rep cppcheckResults
		if err := xml.NewDecoder(bytes.NewReader(out.Stderr)).Decode(&rep); err != nil {
			for _, i := range b {
				col.fail(files[i].Path, fmt.Errorf("%s: read XML report: %w", c.Path, err))
			}
			return
		}
		for _, e := range rep.Errors {
			if len(e.Locations) == 0 {
				continue
			}
			loc := e.Locations[0]
			i, ok := index[filepath.Base(loc.File)]
			if !ok {
				continue
			}
			if e.ID == "syntaxError" || e.ID == "internalAstError" || e.ID == "unknownMacro" {
				col.fail(files[i].Path, fmt.Errorf("%s cannot parse it: %s", c.Path, e.Msg))
				continue
			}
			if e.CWE == 0 || (e.Severity != "error" && e.Severity != "warning") {
				continue
			}
			f := analysis.Finding{
				CWE: cwe(e.CWE), Rule: e.ID, File: files[i].Path, Line: loc.Line, Column: loc.Column,
				Message: e.Msg, Analyzer: "cppcheck",
			}
			if e.Severity == "error" {
				f.Severity = analysis.SeverityError
			}
			col.add(f)
		}
	})
	return col.result(ctx)
}

// cppcheckResults is cppcheck's XML report, version 2.
type cppcheckResults struct {
	Errors []struct {
		ID        string `xml:"id,attr"`
		Severity  string `xml:"severity,attr"`
		Msg       string `xml:"msg,attr"`
		CWE       int    `xml:"cwe,attr"`
		Locations []struct {
			File   string `xml:"file,attr"`
			Line   int    `xml:"line,attr"`
			Column int    `xml:"column,attr"`
		} `xml:"location"`
	} `xml:"errors>error"`
}
