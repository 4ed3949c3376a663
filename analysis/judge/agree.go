package judge

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"securecomplete/analysis"
	"securecomplete/internal/stats"
)

// Label is one labelled program: the verdict of a reference judge (CodeQL,
// the study's authors, the compiler) for a scenario.
type Label struct {
	Scenario string           // "CWE-787-0"; its CWE selects the weakness
	Path     string           // as written in the labels file
	Verdict  analysis.Verdict // the reference verdict
	Oracle   string           // who decided ("codeql", "authors", "gcc"); may be empty
	Lines    []int            // lines the reference flagged; may be empty
}

// ReadLabels reads labels in the CSV format of the Pearce dev set: a
// header naming at least scenario_id, file and label (vulnerable,
// non-vulnerable or invalid), optionally oracle and alert_lines (lines
// separated by ';').
func ReadLabels(r io.Reader) ([]Label, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("labels: empty file, want a header scenario_id,file,label,...")
		}
		return nil, fmt.Errorf("labels: %w", err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	for _, need := range []string{"scenario_id", "file", "label"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("labels: no %q column in header %q", need, strings.Join(head, ","))
		}
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	var out []Label
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("labels: %w", err)
		}
		line, _ := cr.FieldPos(0)
		l := Label{Scenario: get(rec, "scenario_id"), Path: get(rec, "file"), Oracle: get(rec, "oracle")}
		switch v := analysis.Verdict(strings.ToLower(get(rec, "label"))); v {
		case analysis.Vulnerable, analysis.NonVulnerable, analysis.Invalid:
			l.Verdict = v
		default:
			return nil, fmt.Errorf("labels: line %d: label %q, want vulnerable, non-vulnerable or invalid", line, v)
		}
		if l.Path == "" {
			return nil, fmt.Errorf("labels: line %d: no file", line)
		}
		for _, s := range strings.Split(get(rec, "alert_lines"), ";") {
			if s = strings.TrimSpace(s); s == "" {
				continue
			}
			n, err := strconv.Atoi(s)
			if err != nil {
				return nil, fmt.Errorf("labels: line %d: alert line %q is not a number", line, s)
			}
			l.Lines = append(l.Lines, n)
		}
		out = append(out, l)
	}
	if len(out) == 0 {
		return nil, errors.New("labels: no rows after the header")
	}
	return out, nil
}

var scenarioCWE = regexp.MustCompile(`(?i)^cwe[-_]?(\d+)`)

// ScenarioCWE is the weakness of a scenario id: "CWE-787-0" -> "CWE-787".
// It returns "" when the id does not start with a CWE.
func ScenarioCWE(id string) string {
	m := scenarioCWE.FindStringSubmatch(strings.TrimSpace(id))
	if m == nil {
		return ""
	}
	return "CWE-" + strings.TrimLeft(m[1], "0")
}

// Pair is a reference label beside the judge's result for it.
type Pair struct {
	Label  Label
	Result Result
}

// Agree judges every labelled program (paths relative to dir), each
// scenario with its own weakness, and pairs the results with the labels.
// Files that cannot be read get a Result.Err and do not stop the run.
func (j *Judge) Agree(ctx context.Context, dir string, labels []Label) []Pair {
	pairs := make([]Pair, len(labels))
	byCWE := map[string][]int{}
	var order []string
	for i, l := range labels {
		pairs[i].Label = l
		c := ScenarioCWE(l.Scenario)
		if _, ok := byCWE[c]; !ok {
			order = append(order, c)
		}
		byCWE[c] = append(byCWE[c], i)
	}
	for _, c := range order {
		var files []analysis.File
		var idx []int
		for _, i := range byCWE[c] {
			l := labels[i]
			p := l.Path
			if !filepath.IsAbs(p) {
				p = filepath.Join(dir, p)
			}
			src, err := os.ReadFile(p)
			if err != nil {
				var pe *fs.PathError
				if errors.As(err, &pe) {
					err = pe.Err // the path is in the message already
				}
				pairs[i].Result = Result{File: l.Path, Err: fmt.Errorf("read %s: %w", p, err)}
				continue
			}
			lang, ok := analysis.LangOf(p)
			if !ok {
				lang = analysis.C
			}
			files = append(files, analysis.File{Path: l.Path, Lang: lang, Src: src})
			idx = append(idx, i)
		}
		for k, r := range j.Judge(ctx, files, c) {
			pairs[idx[k]].Result = r
		}
	}
	return pairs
}

// Confusion counts vulnerable (positive) vs non-vulnerable decisions
// against a reference.
type Confusion struct {
	TP int `json:"tp"` // both vulnerable
	FP int `json:"fp"` // judge vulnerable, reference not
	FN int `json:"fn"` // reference vulnerable, judge not
	TN int `json:"tn"` // both non-vulnerable
}

// Add counts one decision.
func (c *Confusion) Add(want, got analysis.Verdict) {
	switch {
	case want == analysis.Vulnerable && got == analysis.Vulnerable:
		c.TP++
	case want == analysis.Vulnerable:
		c.FN++
	case got == analysis.Vulnerable:
		c.FP++
	default:
		c.TN++
	}
}

// N is the number of decisions counted.
func (c Confusion) N() int { return c.TP + c.FP + c.FN + c.TN }

// Accuracy is the share of decisions that agree; NaN when there are none.
func (c Confusion) Accuracy() float64 { return ratio(c.TP+c.TN, c.N()) }

// Precision is TP / (TP+FP); NaN when the judge called nothing vulnerable.
func (c Confusion) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP / (TP+FN); NaN when the reference has nothing vulnerable.
func (c Confusion) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// Kappa is Cohen's kappa: agreement beyond what the two marginals would
// give by chance. It is NaN when chance agreement is total (both always
// said the same single class), where kappa is undefined.
func (c Confusion) Kappa() float64 { return stats.CohenKappa(c.TP, c.FP, c.FN, c.TN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// Scenario is the agreement on one scenario's programs.
type Scenario struct {
	ID        string
	N         int // programs labelled
	Agree     int // the judge's verdict equals the label (invalid included)
	Confusion     // over the programs both call valid
}

// Rate is Agree/N.
func (s Scenario) Rate() float64 { return ratio(s.Agree, s.N) }

// Disagreement is one program the judge decided differently.
type Disagreement struct {
	Scenario  string
	Path      string
	Want, Got analysis.Verdict // Got is "" when the file could not be judged
	WantLines []int            // lines the reference flagged
	Findings  []analysis.Finding
	Err       error
}

// Report sums up the agreement of a judge with labelled data.
type Report struct {
	Total         int       // programs labelled
	Confusion     Confusion // vulnerable vs non-vulnerable, over the programs both call valid
	Scenarios     []Scenario
	Weaknesses    []Scenario // the scenarios summed by the CWE of their id
	InvalidWant   int        // programs labelled invalid
	InvalidFound  int        // of those, found invalid
	InvalidMissed []string   // labelled invalid, judged valid
	InvalidExtra  []string   // judged invalid, labelled valid
	Errors        int        // programs that could not be judged
	Disagreements []Disagreement
}

// InvalidExact reports whether the judge found exactly the invalid
// programs.
func (r Report) InvalidExact() bool {
	return len(r.InvalidMissed) == 0 && len(r.InvalidExtra) == 0 && r.InvalidFound == r.InvalidWant
}

// Agreement sums up pairs of labels and results.
func Agreement(pairs []Pair) Report {
	var r Report
	scen := map[string]*Scenario{}
	var order []string
	for _, p := range pairs {
		r.Total++
		s, ok := scen[p.Label.Scenario]
		if !ok {
			s = &Scenario{ID: p.Label.Scenario}
			scen[p.Label.Scenario] = s
			order = append(order, p.Label.Scenario)
		}
		s.N++
		want, got := p.Label.Verdict, p.Result.Verdict
		if p.Result.Err != nil {
			got = ""
			r.Errors++
		}
		if want == analysis.Invalid {
			r.InvalidWant++
		}
		switch {
		case got == "":
		case want == analysis.Invalid && got == analysis.Invalid:
			r.InvalidFound++
		case want == analysis.Invalid:
			r.InvalidMissed = append(r.InvalidMissed, p.Label.Path)
		case got == analysis.Invalid:
			r.InvalidExtra = append(r.InvalidExtra, p.Label.Path)
		default:
			r.Confusion.Add(want, got)
			s.Confusion.Add(want, got)
		}
		if want == got {
			s.Agree++
			continue
		}
		r.Disagreements = append(r.Disagreements, Disagreement{
			Scenario: p.Label.Scenario, Path: p.Label.Path, Want: want, Got: got,
			WantLines: p.Label.Lines, Findings: p.Result.Findings, Err: p.Result.Err,
		})
	}
	sort.Strings(order)
	weak := map[string]*Scenario{}
	var worder []string
	for _, id := range order {
		s := *scen[id]
		r.Scenarios = append(r.Scenarios, s)
		c := ScenarioCWE(id)
		if c == "" {
			c = "(none)"
		}
		w, ok := weak[c]
		if !ok {
			w = &Scenario{ID: c}
			weak[c] = w
			worder = append(worder, c)
		}
		w.N += s.N
		w.Agree += s.Agree
		w.TP += s.TP
		w.FP += s.FP
		w.FN += s.FN
		w.TN += s.TN
	}
	sort.Slice(worder, func(a, b int) bool {
		na, _ := strconv.Atoi(strings.TrimPrefix(worder[a], "CWE-"))
		nb, _ := strconv.Atoi(strings.TrimPrefix(worder[b], "CWE-"))
		return na < nb
	})
	for _, c := range worder {
		r.Weaknesses = append(r.Weaknesses, *weak[c])
	}
	return r
}

// WriteText prints the report for a reader: the figures, a table per
// scenario, then each disagreement with the file and the lines in
// question.
func (r Report) WriteText(w io.Writer) error {
	c := r.Confusion
	var b strings.Builder
	fmt.Fprintf(&b, "programs: %d labelled, %d judged valid by both and compared, %d could not be judged\n", r.Total, c.N(), r.Errors)
	fmt.Fprintf(&b, "vulnerable vs non-vulnerable: TP %d  FP %d  FN %d  TN %d\n", c.TP, c.FP, c.FN, c.TN)
	fmt.Fprintf(&b, "accuracy %s  precision %s  recall %s  Cohen's kappa %s\n", num(c.Accuracy()), num(c.Precision()), num(c.Recall()), num(c.Kappa()))
	exact := "exactly"
	if !r.InvalidExact() {
		exact = "not exactly"
	}
	fmt.Fprintf(&b, "invalid: %d labelled, %d found, %d missed, %d extra: found %s\n", r.InvalidWant, r.InvalidFound, len(r.InvalidMissed), len(r.InvalidExtra), exact)
	fmt.Fprintf(&b, "\n%-12s %4s %6s %7s %4s %4s %4s %4s %6s\n", "scenario", "n", "agree", "rate", "TP", "FP", "FN", "TN", "kappa")
	for _, s := range r.Scenarios {
		fmt.Fprintf(&b, "%-12s %4d %6d %6.1f%% %4d %4d %4d %4d %6s\n", s.ID, s.N, s.Agree, 100*s.Rate(), s.TP, s.FP, s.FN, s.TN, num(s.Kappa()))
	}
	if len(r.Weaknesses) > 1 {
		fmt.Fprintf(&b, "\n%-12s %4s %6s %7s %4s %4s %4s %4s %6s %7s %7s\n", "weakness", "n", "agree", "rate", "TP", "FP", "FN", "TN", "kappa", "recall", "FP-rate")
		for _, s := range r.Weaknesses {
			fmt.Fprintf(&b, "%-12s %4d %6d %6.1f%% %4d %4d %4d %4d %6s %7s %7s\n", s.ID, s.N, s.Agree, 100*s.Rate(), s.TP, s.FP, s.FN, s.TN, num(s.Kappa()), num(s.Recall()), num(ratio(s.FP, s.FP+s.TN)))
		}
	}
	if len(r.Disagreements) > 0 {
		fmt.Fprintf(&b, "\ndisagreements (%d):\n", len(r.Disagreements))
	}
	for _, d := range r.Disagreements {
		got := string(d.Got)
		if d.Err != nil {
			got = "error: " + d.Err.Error()
		}
		fmt.Fprintf(&b, "%s %s: want %s, got %s\n", d.Scenario, d.Path, d.Want, got)
		if len(d.WantLines) > 0 && d.Want == analysis.Vulnerable {
			for _, l := range d.WantLines {
				fmt.Fprintf(&b, "  %s:%d: flagged by the reference\n", d.Path, l)
			}
		}
		for _, f := range d.Findings {
			fmt.Fprintf(&b, "  %s:%d:%d: %s [%s %s] %s\n", d.Path, f.Line, f.Column, f.CWE, f.Analyzer, f.Rule, f.Message)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// num formats a figure to three decimals, "n/a" when undefined.
func num(x float64) string {
	if math.IsNaN(x) {
		return "n/a"
	}
	return strconv.FormatFloat(x, 'f', 3, 64)
}
