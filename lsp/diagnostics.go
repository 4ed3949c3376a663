package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"go.lsp.dev/protocol"

	"securecomplete/analysis"
)

// Diagnostics: the loop's findings of a document, merged across analyzers
// and deduplicated by (first line, CWE), sent with
// textDocument/publishDiagnostics whenever they change and answered to
// textDocument/diagnostic (pull, LSP 3.17) on demand.

// sourceOf is a diagnostic's source: securecomplete for the built-in
// rules, else the analyzer's name.
func sourceOf(analyzer string) string {
	if analyzer == "builtin" {
		return "securecomplete"
	}
	return analyzer
}

// publish sends a document's diagnostics when it is open.
func (l *loop) publish(uri protocol.DocumentURI) {
	l.mu.Lock()
	sd := l.docs[uri]
	if sd == nil || !sd.open {
		l.mu.Unlock()
		return
	}
	diags, version := l.diagnostics(sd), sd.version
	l.mu.Unlock()
	p := &protocol.PublishDiagnosticsParams{URI: uri, Diagnostics: diags}
	if version > 0 {
		p.Version = uint32(version)
	}
	l.s.notify(protocol.MethodTextDocumentPublishDiagnostics, p)
}

// diagnostics builds a document's diagnostics from its findings; l.mu
// held.
func (l *loop) diagnostics(sd *secDoc) []protocol.Diagnostic {
	m := newMapper(sd.text)
	type group struct {
		first     storedFinding
		analyzers []string
		error     bool // an analyzer of the group reports it as an error
	}
	type key struct {
		line int
		cwe  string
	}
	fs := slices.Clone(sd.findings)
	// The built-in rules' finding first in each group, then by position.
	slices.SortStableFunc(fs, func(a, b storedFinding) int {
		if ab, bb := a.Analyzer == "builtin", b.Analyzer == "builtin"; ab != bb {
			if ab {
				return -1
			}
			return 1
		}
		return a.sp.Start - b.sp.Start
	})
	groups := map[key]*group{}
	var order []key
	for _, f := range fs {
		k := key{m.lineOf(f.sp.Start), string(f.CWE)}
		if f.CWE == "" {
			k.cwe = f.Analyzer + ":" + f.Rule
		}
		g := groups[k]
		if g == nil {
			g = &group{first: f}
			groups[k] = g
			order = append(order, k)
		}
		if !slices.Contains(g.analyzers, f.Analyzer) {
			g.analyzers = append(g.analyzers, f.Analyzer)
		}
		g.error = g.error || f.Severity == analysis.SeverityError
	}
	slices.SortFunc(order, func(a, b key) int {
		if a.line != b.line {
			return a.line - b.line
		}
		return strings.Compare(a.cwe, b.cwe)
	})
	out := make([]protocol.Diagnostic, 0, len(order))
	for _, k := range order {
		g := groups[k]
		f := g.first
		msg := f.Message
		if f.Fix != "" {
			msg += ". Fix: " + f.Fix
		}
		if len(g.analyzers) > 1 {
			others := make([]string, 0, len(g.analyzers)-1)
			for _, a := range g.analyzers[1:] {
				others = append(others, sourceOf(a))
			}
			msg += " (also reported by " + strings.Join(others, ", ") + ")"
		}
		sev := protocol.DiagnosticSeverityWarning
		if g.error {
			sev = protocol.DiagnosticSeverityError // where an analyzer says so
		}
		d := protocol.Diagnostic{
			Range:    protocol.Range{Start: m.position(f.sp.Start), End: m.position(f.sp.End)},
			Severity: sev,
			Source:   sourceOf(f.Analyzer),
			Message:  msg,
		}
		data := DiagnosticData{CWE: f.CWE, Rule: f.Rule, Analyzers: g.analyzers, Fix: f.Fix}
		if f.CWE != "" {
			d.Code = f.CWE
			if u := f.CWE.URL(); u != "" {
				d.CodeDescription = &protocol.CodeDescription{Href: protocol.URI(u)}
			}
		} else {
			d.Code = f.Rule
		}
		if r := sd.rangeAt(f.sp); r != nil {
			data.RangeID, data.Model = r.ID, l.s.shownModel(r.Model)
			d.RelatedInformation = []protocol.DiagnosticRelatedInformation{{
				Location: protocol.Location{URI: sd.uri, Range: protocol.Range{Start: m.position(r.Span.Start), End: m.position(r.Span.End)}},
				Message:  fmt.Sprintf("written by model %s, accepted %s", data.Model, r.Accepted.Local().Format("15:04:05")),
			}}
		}
		d.Data = data
		out = append(out, d)
	}
	return out
}

// rangeAt returns the tracked range a finding lies in, nil when none.
func (sd *secDoc) rangeAt(sp span) *trackedRange {
	for _, r := range sd.ranges {
		if sp.Start < r.Span.End && sp.End > r.Span.Start {
			return r
		}
	}
	return nil
}

// documentDiagnostic answers textDocument/diagnostic with the same
// diagnostics publishDiagnostics sends.
func (s *Server) documentDiagnostic(_ *call, raw json.RawMessage) (job, error) {
	var p DocumentDiagnosticParams
	if err := decodeParams(raw, &p, "textDocument"); err != nil {
		return nil, err
	}
	if s.st.doc(p.TextDocument.URI) == nil {
		return nil, invalidParams("document %s is not open: send textDocument/didOpen first", p.TextDocument.URI)
	}
	items := s.loop.diagnosticsOf(p.TextDocument.URI)
	return func(context.Context) (any, error) {
		return &FullDocumentDiagnosticReport{Kind: "full", Items: items}, nil
	}, nil
}

// diagnosticsOf returns a document's diagnostics, empty when the loop
// knows nothing of it.
func (l *loop) diagnosticsOf(uri protocol.DocumentURI) []protocol.Diagnostic {
	l.mu.Lock()
	defer l.mu.Unlock()
	sd := l.docs[uri]
	if sd == nil {
		return []protocol.Diagnostic{}
	}
	return l.diagnostics(sd)
}
