package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes the report as Markdown: the setup, Table 3 in the
// paper's layout, the ratios with intervals and Holm-adjusted p-values,
// the per-CWE pools and the list of places where the source disagrees
// with itself.
func WriteMarkdown(w io.Writer, rep *Report) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n\n", mdText(rep.Meta.Title))
	for _, f := range setupFacts(rep) {
		fmt.Fprintf(bw, "- %s: %s\n", f[0], mdText(f[1]))
	}
	bw.WriteString("\n")
	mdTable(bw, armsTable(rep))
	mdTable(bw, mainTable(rep))
	bw.WriteString(definitions + "\n\n")
	if len(rep.Arms) > 1 {
		bw.WriteString(testDefinitions + "\n\n")
	}
	mdTable(bw, ratioTable(rep))
	if len(rep.Arms) > 1 {
		fmt.Fprintf(bw, "\\* p < %s after Holm's adjustment (one family per test, across the scenario rows).\n\n", trimFloat(rep.Alpha))
	}
	mdTable(bw, cweTable(rep))
	if lines := significance(rep); len(lines) > 0 {
		bw.WriteString("## Significance\n\n")
		for _, l := range lines {
			fmt.Fprintf(bw, "- %s\n", mdText(l))
		}
		bw.WriteString("\n")
	}
	bw.WriteString("## Where printed or stated figures disagree with the rows\n\n")
	if len(rep.Disagreements) == 0 {
		bw.WriteString("None: every printed or stated figure follows from the rows.\n")
	} else {
		t := disagreementTable(rep)
		t.Caption = ""
		mdTable(bw, t)
	}
	return bw.Flush()
}

const (
	definitions     = "Non-vulnerable ratio = non-vul / (vul + non-vul), invalid samples left out; invalid ratio = invalid / all samples."
	testDefinitions = "p: two-sided Fisher exact tests of each model against the first on each row, non-vulnerable against the others (vulnerable and invalid) and invalid against the others; " +
		"\"<0.0001\" is below 0.0001. Totals are tested on the pooled counts."
)

func mdTable(w *bufio.Writer, t table) {
	if t.Caption != "" {
		fmt.Fprintf(w, "## %s\n\n", mdText(t.Caption))
	}
	w.WriteString("|")
	for _, h := range t.Head {
		fmt.Fprintf(w, " %s |", mdText(h))
	}
	w.WriteString("\n|")
	for i := range t.Head {
		if i < len(t.Numeric) && t.Numeric[i] {
			w.WriteString(" ---: |")
		} else {
			w.WriteString(" --- |")
		}
	}
	w.WriteString("\n")
	for i, r := range t.Rows {
		foot := i >= len(t.Rows)-t.Foot
		w.WriteString("|")
		for j, c := range r {
			c = mdText(c)
			if foot && j == 0 && c != "" {
				c = "**" + c + "**"
			}
			fmt.Fprintf(w, " %s |", c)
		}
		w.WriteString("\n")
	}
	w.WriteString("\n")
}

// mdText escapes what would break a Markdown table cell.
var mdEscaper = strings.NewReplacer("|", `\|`, "\r", " ", "\n", " ")

func mdText(s string) string { return mdEscaper.Replace(s) }
