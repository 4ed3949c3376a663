package lsp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"securecomplete/ab/report"
)

// The A/B commands: securecomplete.toggleAB (no argument) and
// securecomplete.abReport (optional {"format": "md"}).

// abCommand prepares one of the A/B commands; ok is false for another.
func (s *Server) abCommand(p ExecuteCommandParams) (j job, ok bool, err error) {
	switch p.Command {
	case CommandToggleAB:
		return func(context.Context) (any, error) { return s.ab.toggle() }, true, nil
	case CommandABReport:
		a := struct {
			Format string `json:"format"`
		}{Format: "md"}
		if len(p.Arguments) > 1 {
			return nil, true, invalidParams("%s takes at most one argument, {\"format\": \"md\"}; got %d", p.Command, len(p.Arguments))
		}
		if len(p.Arguments) == 1 {
			if err := json.Unmarshal(p.Arguments[0], &a); err != nil {
				return nil, true, invalidParams("%s argument %s: want {\"format\": \"md\"}", p.Command, p.Arguments[0])
			}
		}
		switch a.Format {
		case "md", "html", "text", "json":
		default:
			return nil, true, invalidParams("%s: format %q: want md, html, text or json", p.Command, a.Format)
		}
		return func(ctx context.Context) (any, error) { return s.abReport(ctx, a.Format) }, true, nil
	}
	return nil, false, nil
}

// ABReport is the result of securecomplete.abReport: always the
// Markdown, and the asked format beside it.
type ABReport struct {
	Format   string `json:"format"`
	Markdown string `json:"markdown"`
	HTML     string `json:"html,omitempty"`
	Text     string `json:"text,omitempty"`
	JSON     string `json:"json,omitempty"`
}

// abReport builds the report from the open store, blind: the editor is
// where the comparison must stay blind, so it shows arms only; the
// command line's `securecomplete ab report` reveals the models.
func (s *Server) abReport(ctx context.Context, format string) (any, error) {
	s.ab.mu.Lock()
	w := s.ab.writer
	s.ab.mu.Unlock()
	if w == nil {
		st := s.ab.state()
		return nil, fmt.Errorf("%s: A/B mode is off (%s): no store to report on; `securecomplete ab report --store FILE` reads one", CommandABReport, st.Reason)
	}
	rep, err := report.Build(ctx, w.Store(), report.Options{Blind: true})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", CommandABReport, err)
	}
	out := ABReport{Format: format}
	for _, f := range []string{"md", format} {
		var b bytes.Buffer
		if err := report.Write(&b, rep, f); err != nil {
			return nil, fmt.Errorf("%s: %w", CommandABReport, err)
		}
		switch f {
		case "md":
			out.Markdown = b.String()
		case "html":
			out.HTML = b.String()
		case "text":
			out.Text = b.String()
		case "json":
			out.JSON = b.String()
		}
	}
	return out, nil
}
