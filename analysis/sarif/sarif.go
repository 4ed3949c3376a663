// Package sarif reads and writes SARIF 2.1.0 logs (OASIS, "Static Analysis
// Results Interchange Format"): clang and CodeQL report in it, and the
// judge writes its findings in it for editors and code-scanning services.
//
// Only the parts of the format the project reads or writes are modelled;
// unknown properties are ignored on reading.
package sarif

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"securecomplete/analysis"
)

// Version and Schema are written into every log.
const (
	Version = "2.1.0"
	Schema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)

// Log is a SARIF log file: one run per tool.
type Log struct {
	Version string `json:"version"`
	Schema  string `json:"$schema,omitempty"`
	Runs    []Run  `json:"runs"`
}

// Run is the output of one tool over some files.
type Run struct {
	Tool      Tool       `json:"tool"`
	Artifacts []Artifact `json:"artifacts,omitempty"`
	Results   []Result   `json:"results"`
}

// Tool names the analyzer of a run.
type Tool struct {
	Driver Driver `json:"driver"`
}

// Driver is the tool's main component and the rules it reports.
type Driver struct {
	Name           string                `json:"name"`
	Version        string                `json:"version,omitempty"`
	SemanticVer    string                `json:"semanticVersion,omitempty"`
	InformationURI string                `json:"informationUri,omitempty"`
	Rules          []ReportingDescriptor `json:"rules,omitempty"`
}

// ReportingDescriptor describes a rule.
type ReportingDescriptor struct {
	ID               string      `json:"id"`
	Name             string      `json:"name,omitempty"`
	ShortDescription *Message    `json:"shortDescription,omitempty"`
	FullDescription  *Message    `json:"fullDescription,omitempty"`
	HelpURI          string      `json:"helpUri,omitempty"`
	Properties       *Properties `json:"properties,omitempty"`
}

// Properties is a SARIF property bag; only tags are read. CodeQL tags its
// rules "external/cwe/cwe-787".
type Properties struct {
	Tags []string `json:"tags,omitempty"`
}

// Artifact is a file a run looked at.
type Artifact struct {
	Location ArtifactLocation `json:"location"`
}

// Result is one finding.
type Result struct {
	RuleID     string      `json:"ruleId,omitempty"`
	RuleIndex  *int        `json:"ruleIndex,omitempty"`
	Rule       *RuleRef    `json:"rule,omitempty"`
	Level      string      `json:"level,omitempty"` // "error", "warning", "note", "none"
	Message    Message     `json:"message"`
	Locations  []Location  `json:"locations,omitempty"`
	Properties *Properties `json:"properties,omitempty"`
}

// RuleRef points at a rule by id or index (reportingDescriptorReference).
type RuleRef struct {
	ID    string `json:"id,omitempty"`
	Index *int   `json:"index,omitempty"`
}

// Message is a plain-text message.
type Message struct {
	Text string `json:"text"`
}

// Location is where a result is.
type Location struct {
	PhysicalLocation *PhysicalLocation `json:"physicalLocation,omitempty"`
}

// PhysicalLocation is a file and a region in it.
type PhysicalLocation struct {
	ArtifactLocation ArtifactLocation `json:"artifactLocation"`
	Region           *Region          `json:"region,omitempty"`
}

// ArtifactLocation names a file by URI, possibly relative to a base id
// declared by the run (CodeQL uses "%SRCROOT%").
type ArtifactLocation struct {
	URI       string `json:"uri,omitempty"`
	URIBaseID string `json:"uriBaseId,omitempty"`
	Index     *int   `json:"index,omitempty"`
}

// Region is a span of text; lines and columns are 1-based.
type Region struct {
	StartLine   int `json:"startLine,omitempty"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// Read parses a SARIF log and checks that it is version 2.1.0.
func Read(r io.Reader) (*Log, error) {
	var l Log
	dec := json.NewDecoder(r)
	if err := dec.Decode(&l); err != nil {
		return nil, fmt.Errorf("read SARIF: %w", err)
	}
	if l.Version != Version {
		return nil, fmt.Errorf("read SARIF: version %q, want %q", l.Version, Version)
	}
	return &l, nil
}

// Write writes the log as indented JSON.
func (l *Log) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(l); err != nil {
		return fmt.Errorf("write SARIF: %w", err)
	}
	return nil
}

// rule returns the descriptor a result refers to, or nil.
func (run *Run) rule(res *Result) *ReportingDescriptor {
	idx := res.RuleIndex
	if idx == nil && res.Rule != nil {
		idx = res.Rule.Index
	}
	if idx != nil && *idx >= 0 && *idx < len(run.Tool.Driver.Rules) {
		return &run.Tool.Driver.Rules[*idx]
	}
	id := res.RuleID
	if id == "" && res.Rule != nil {
		id = res.Rule.ID
	}
	for i := range run.Tool.Driver.Rules {
		if run.Tool.Driver.Rules[i].ID == id {
			return &run.Tool.Driver.Rules[i]
		}
	}
	return nil
}

// RuleID returns the id of the rule a result reports, looked up through
// its index when the result names none.
func (run *Run) RuleID(res *Result) string {
	if res.RuleID != "" {
		return res.RuleID
	}
	if res.Rule != nil && res.Rule.ID != "" {
		return res.Rule.ID
	}
	if d := run.rule(res); d != nil {
		return d.ID
	}
	return ""
}

// CWEs returns the weaknesses a result is tagged with, on the result or
// on its rule, as "CWE-N", in tag order. CodeQL writes them as tags
// "external/cwe/cwe-787"; plain "CWE-787" tags are read too.
func (run *Run) CWEs(res *Result) []string {
	var tags []string
	if res.Properties != nil {
		tags = append(tags, res.Properties.Tags...)
	}
	if d := run.rule(res); d != nil && d.Properties != nil {
		tags = append(tags, d.Properties.Tags...)
	}
	var out []string
	seen := map[string]bool{}
	for _, t := range tags {
		t = strings.TrimPrefix(strings.ToLower(t), "external/cwe/")
		if !strings.HasPrefix(t, "cwe-") {
			continue
		}
		n, err := strconv.Atoi(t[4:])
		if err != nil {
			continue
		}
		c := "CWE-" + strconv.Itoa(n)
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// URIToPath turns an artifact URI into a file path: "file:" URIs become
// absolute paths, relative URIs are unescaped and use the OS separator.
func URIToPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil {
		return uri
	}
	if u.Scheme == "file" {
		return filepath.FromSlash(u.Path)
	}
	if u.Scheme != "" {
		return uri
	}
	return filepath.FromSlash(u.Path)
}

// PathToURI turns a file path into an artifact URI: absolute paths become
// "file://" URIs, relative ones relative references with forward slashes.
func PathToURI(path string) string {
	p := filepath.ToSlash(path)
	u := url.URL{Path: p}
	if filepath.IsAbs(path) {
		u.Scheme = "file"
		if !strings.HasPrefix(p, "/") { // Windows drive letters
			u.Path = "/" + p
		}
	}
	return u.String()
}

// ToolInfo describes an analyzer in the logs Findings writes.
type ToolInfo struct {
	Name           string
	Version        string
	InformationURI string
}

// FromFindings builds one log from the findings of many files: a run per
// analyzer (in the order of first appearance, builtin first when present),
// one rule per rule id tagged with its CWE, and each finding as a result
// at its file and region. tools gives name, version and URI per analyzer
// name; analyzers missing from it are named as they are. paths lists the
// files looked at (findings or not), so a consumer can tell a clean file
// from one that was not analysed; it may be nil.
func FromFindings(findings []analysis.Finding, tools map[string]ToolInfo, paths []string) *Log {
	l := &Log{Version: Version, Schema: Schema, Runs: []Run{}}
	byTool := map[string][]analysis.Finding{}
	var order []string
	for _, f := range findings {
		if _, ok := byTool[f.Analyzer]; !ok {
			order = append(order, f.Analyzer)
		}
		byTool[f.Analyzer] = append(byTool[f.Analyzer], f)
	}
	if len(order) == 0 {
		order = []string{"securecomplete"}
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i] == "builtin" && order[j] != "builtin" })
	for _, name := range order {
		info, ok := tools[name]
		if !ok {
			info = ToolInfo{Name: name}
		}
		run := Run{Tool: Tool{Driver: Driver{Name: info.Name, Version: info.Version, InformationURI: info.InformationURI}}, Results: []Result{}}
		for _, p := range paths {
			run.Artifacts = append(run.Artifacts, Artifact{Location: ArtifactLocation{URI: PathToURI(p)}})
		}
		ruleIdx := map[string]int{}
		for _, f := range byTool[name] {
			i, ok := ruleIdx[f.Rule]
			if !ok {
				i = len(run.Tool.Driver.Rules)
				ruleIdx[f.Rule] = i
				d := ReportingDescriptor{ID: f.Rule}
				if f.CWE != "" {
					d.Properties = &Properties{Tags: []string{"security", "external/cwe/" + strings.ToLower(string(f.CWE))}}
					d.HelpURI = f.CWE.URL()
				}
				run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, d)
			}
			idx := i
			text := f.Message
			if f.Fix != "" {
				text += " Fix: " + f.Fix
			}
			reg := &Region{StartLine: f.Line, StartColumn: f.Column, EndLine: f.EndLine, EndColumn: f.EndColumn}
			if reg.StartLine == 0 {
				reg = nil
			}
			level := "warning"
			if f.Severity == analysis.SeverityError {
				level = "error"
			}
			run.Results = append(run.Results, Result{
				RuleID: f.Rule, RuleIndex: &idx, Level: level,
				Message: Message{Text: text},
				Locations: []Location{{PhysicalLocation: &PhysicalLocation{
					ArtifactLocation: ArtifactLocation{URI: PathToURI(f.File)}, Region: reg,
				}}},
			})
		}
		l.Runs = append(l.Runs, run)
	}
	return l
}

// WriteFindings writes the findings of many files as one SARIF log; see
// FromFindings.
func WriteFindings(w io.Writer, findings []analysis.Finding, tools map[string]ToolInfo, paths []string) error {
	return FromFindings(findings, tools, paths).Write(w)
}

// CWEURL is the MITRE page of a weakness ("CWE-787"), or "" when cwe is
// not of that form.
func CWEURL(cwe string) string {
	return analysis.NormalizeCWE(cwe).URL()
}

// Findings turns the results of every run into findings, reported by
// analyzer. CWEs come from the tags of each result or its rule; when a
// result has none, cweOf (if not nil) is asked with the rule id and the
// message. Paths are the artifact URIs turned back into paths, resolved
// with resolve when it is not nil (to undo a temporary folder, say).
func (l *Log) Findings(analyzer string, cweOf func(rule, msg string) string, resolve func(path string) string) []analysis.Finding {
	var out []analysis.Finding
	for ri := range l.Runs {
		run := &l.Runs[ri]
		for i := range run.Results {
			res := &run.Results[i]
			f := analysis.Finding{Rule: run.RuleID(res), Message: res.Message.Text, Analyzer: analyzer}
			if res.Level == "error" {
				f.Severity = analysis.SeverityError
			}
			if cwes := run.CWEs(res); len(cwes) > 0 {
				f.CWE = analysis.CWE(cwes[0])
			} else if cweOf != nil {
				f.CWE = analysis.NormalizeCWE(cweOf(f.Rule, f.Message))
			}
			if len(res.Locations) > 0 && res.Locations[0].PhysicalLocation != nil {
				pl := res.Locations[0].PhysicalLocation
				al := pl.ArtifactLocation
				if al.URI == "" && al.Index != nil && *al.Index >= 0 && *al.Index < len(run.Artifacts) {
					al = run.Artifacts[*al.Index].Location
				}
				f.File = URIToPath(al.URI)
				if resolve != nil {
					f.File = resolve(f.File)
				}
				if r := pl.Region; r != nil {
					f.Line, f.Column, f.EndLine, f.EndColumn = r.StartLine, r.StartColumn, r.EndLine, r.EndColumn
				}
			}
			out = append(out, f)
		}
	}
	return out
}
