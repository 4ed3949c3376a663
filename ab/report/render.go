package report

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"

	"securecomplete/internal/stats"
)

// Formats lists what Write writes.
func Formats() []string { return []string{"text", "md", "json", "html"} }

// Write writes the report in format: text, md, json or html.
func Write(w io.Writer, rep *Report, format string) error {
	switch format {
	case "text":
		return writeTables(w, rep, false)
	case "md":
		return writeTables(w, rep, true)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	case "html":
		return writeHTML(w, rep)
	}
	return fmt.Errorf("report format %q: want one of %s", format, strings.Join(Formats(), ", "))
}

// row is one line of the comparison table: a measure and its value per
// arm.
type row struct {
	name string
	a, b string
}

func (rep *Report) rows() []row {
	A, B := rep.Arms[0], rep.Arms[1]
	both := func(name string, f func(Arm) string) row { return row{name, f(A), f(B)} }
	rows := []row{
		both("requests asked", func(a Arm) string { return fmt.Sprint(a.Requests) }),
		both("requests with candidates shown", func(a Arm) string { return fmt.Sprint(a.WithShown) }),
		both("candidates shown", func(a Arm) string { return fmt.Sprint(a.Shown) }),
		both("accepted (rate, 95 % Wilson)", func(a Arm) string { return ratio(a.Acceptance) }),
		both("accepted characters per request", func(a Arm) string { return fmt.Sprintf("%.1f", a.CharsPerReq) }),
		both("partial accepts (characters)", func(a Arm) string { return fmt.Sprintf("%d (%d)", a.Partial, a.PartialChars) }),
	}
	for h, name := range rep.Horizons {
		rows = append(rows, both("persistence at "+name, func(a Arm) string {
			p := a.Persistence[h]
			if p.N == 0 {
				return "–"
			}
			return fmt.Sprintf("%.1f %% (n=%d)", 100*float64(p.Mean), p.N)
		}))
	}
	rows = append(rows,
		both("accepted snippets found vulnerable", func(a Arm) string { return ratio(a.Vulnerable) }),
		both("  by CWE", func(a Arm) string {
			if len(a.ByCWE) == 0 {
				return "–"
			}
			var parts []string
			for _, c := range a.ByCWE {
				parts = append(parts, fmt.Sprintf("%s: %d", c.CWE, c.N))
			}
			return strings.Join(parts, ", ")
		}),
		both("shown candidates flagged by screening (mean rank)", func(a Arm) string {
			if a.Flagged == 0 {
				return "0"
			}
			return fmt.Sprintf("%d (%.1f)", a.Flagged, a.FlaggedRank)
		}),
		both("candidates the screening hid", func(a Arm) string { return fmt.Sprint(a.Hidden) }),
		both("shown candidates that do not parse", func(a Arm) string { return fmt.Sprint(a.NotParsing) }),
		both("latency p50 / p95", func(a Arm) string { return ms(a.LatencyP50MS) + " / " + ms(a.LatencyP95MS) }),
		both("errors (timeouts)", func(a Arm) string { return fmt.Sprintf("%d (%d)", a.Errors, a.Timeouts) }),
		both("cancelled or superseded", func(a Arm) string { return fmt.Sprint(a.Cancelled) }),
		both("interleaving wins", func(a Arm) string { return fmt.Sprint(a.Wins) }),
	)
	return rows
}

func ratio(r stats.Ratio) string {
	if !r.Defined() {
		return "–"
	}
	return fmt.Sprintf("%d/%d = %.1f %% [%.1f, %.1f]", r.Num, r.Den, 100*r.Value, 100*r.Lo, 100*r.Hi)
}

func ms(v Num) string {
	if math.IsNaN(float64(v)) {
		return "–"
	}
	return fmt.Sprintf("%.0f ms", float64(v))
}

// pvalue prints a p-value with three significant digits.
func pvalue(p float64) string {
	if p < 0.0001 {
		return fmt.Sprintf("%.2e", p)
	}
	return fmt.Sprintf("%.4g", p)
}

func (rep *Report) header() []string {
	var lines []string
	what := "per model"
	if rep.Blind {
		what = "per arm (blind)"
	}
	since := ""
	if rep.Since != "" {
		since = " since " + rep.Since
	}
	lines = append(lines, fmt.Sprintf("Store %s%s: %d events, %d sessions, %d requests; %s.", rep.Store, since, rep.Events, rep.Sessions, rep.Requests, what))
	if !rep.Blind {
		lines = append(lines, fmt.Sprintf("Arm A is %s, arm B is %s.", rep.Arms[0].Model, rep.Arms[1].Model))
	}
	if rep.Lost > 0 {
		lines = append(lines, fmt.Sprintf("%d events were lost while the store was not taking writes: the figures below miss them.", rep.Lost))
	}
	return lines
}

func (rep *Report) testLines() []string {
	t := rep.Tests
	o := rep.Outcomes
	lines := []string{
		fmt.Sprintf("Acceptance, Fisher exact test: p = %s.", pvalue(t.AcceptanceP)),
		fmt.Sprintf("Vulnerable accepted snippets, Fisher exact test: p = %s.", pvalue(t.VulnerableP)),
		fmt.Sprintf("Interleaving wins %d : %d (requests where both arms showed candidates and one was accepted), binomial test against 1/2: p = %s.", t.WinsA, t.WinsB, pvalue(t.WinsP)),
		t.Sentence,
		fmt.Sprintf("Requests ended: %d accepted, %d partially accepted, %d by the next request, %d dismissed, %d timed out, %d with the document closed.",
			o.Accepted, o.Partial, o.NextRequest, o.Dismissed, o.Timeout, o.Closed),
		"Persistence is the share of the accepted characters still in the accepted range (bytes, for non-ASCII code).",
	}
	if rep.interleaved {
		lines = append(lines, "In interleave mode both arms show candidates in the same requests, and one accept excludes the other: the binomial test on wins compares them directly; Fisher's test treats the two arms' requests as independent samples, which they are in split mode.")
	}
	return lines
}

func writeTables(w io.Writer, rep *Report, md bool) error {
	var b strings.Builder
	rows := rep.rows()
	la, lb := rep.Arms[0].Label, rep.Arms[1].Label
	if !rep.Blind {
		la, lb = la+" (A)", lb+" (B)"
	}
	if md {
		b.WriteString("# A/B comparison\n\n")
		for _, l := range rep.header() {
			b.WriteString(l + "\n")
		}
		fmt.Fprintf(&b, "\n| | %s | %s |\n| --- | --- | --- |\n", la, lb)
		for _, r := range rows {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", strings.TrimSpace(r.name), r.a, r.b)
		}
		b.WriteString("\n")
		for _, l := range rep.testLines() {
			b.WriteString("- " + l + "\n")
		}
	} else {
		for _, l := range rep.header() {
			b.WriteString(l + "\n")
		}
		b.WriteString("\n")
		wn, wa := 0, len(la)
		for _, r := range rows {
			wn, wa = max(wn, len(r.name)), max(wa, len([]rune(r.a)))
		}
		fmt.Fprintf(&b, "%-*s  %-*s  %s\n", wn, "", wa, la, lb)
		for _, r := range rows {
			fmt.Fprintf(&b, "%-*s  %s%s  %s\n", wn, r.name, r.a, strings.Repeat(" ", wa-len([]rune(r.a))), r.b)
		}
		b.WriteString("\n")
		for _, l := range rep.testLines() {
			b.WriteString(l + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
