package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"securecomplete/eval/stats"
)

// minPrintedDecimals is the precision printed p-values are compared at
// when they show fewer decimals: the paper prints 4 and drops trailing
// zeros ("0.047", "1").
const minPrintedDecimals = 4

// parsePrinted reads a printed number and the number of decimals it was
// printed with (at least min).
func parsePrinted(s string, min int) (float64, int, error) {
	s = strings.TrimSpace(s)
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, 0, fmt.Errorf("%q is not a number", s)
	}
	dec := 0
	if _, frac, ok := strings.Cut(s, "."); ok {
		dec = len(frac)
	}
	return v, max(dec, min), nil
}

// CheckPrintedP compares a recomputed p-value with one printed to some
// precision.
func CheckPrintedP(p float64, printed string) (Agreement, error) {
	v, dec, err := parsePrinted(printed, minPrintedDecimals)
	if err != nil {
		return "", err
	}
	if v < 0 || v > 1 {
		return "", fmt.Errorf("p-value %s is not between 0 and 1", printed)
	}
	unit := math.Pow(10, -float64(dec))
	if math.Abs(p-v) <= unit/2*(1+1e-9) {
		return Agrees, nil
	}
	if math.Abs(v-unit) <= unit*1e-9 && p < unit {
		return AgreesAsBound, nil
	}
	return Disagrees, nil
}

func checkPrintedRow(pr Printed, t Test) (*PrintedCheck, error) {
	pc := &PrintedCheck{PNonVul: pr.PNonVul, PInvalid: pr.PInvalid}
	var err error
	if pr.PNonVul != "" {
		if pc.NonVulAgrees, err = CheckPrintedP(t.PNonVul, pr.PNonVul); err != nil {
			return nil, fmt.Errorf("printed p (non-vul vs others): %w", err)
		}
	}
	if pr.PInvalid != "" {
		if pc.InvalidAgrees, err = CheckPrintedP(t.PInvalid, pr.PInvalid); err != nil {
			return nil, fmt.Errorf("printed p (invalid vs others): %w", err)
		}
	}
	return pc, nil
}

// FormatP prints a p-value as the paper does, to 4 decimals without
// trailing zeros, and "<0.0001" below that.
func FormatP(p float64) string {
	if math.IsNaN(p) {
		return "–"
	}
	if p < 0.0001 {
		return "<0.0001"
	}
	s := strconv.FormatFloat(p, 'f', 4, 64)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// formatPFull prints a p-value as FormatP does, with two significant
// digits below 0.0001, where FormatP says only "<0.0001".
func formatPFull(p float64) string {
	if p < 0.0001 {
		return strconv.FormatFloat(p, 'g', 2, 64)
	}
	return FormatP(p)
}

// disagreements lists where a source's printed p-values and totals do not
// follow from its rows (already in report order), and rows whose sample
// count differs from what the arm states.
func disagreements(source string, arms []Arm, rows []Row, totals []PrintedTotal, level float64) ([]Disagreement, error) {
	var out []Disagreement
	for _, r := range rows {
		for i, a := range arms {
			if n := a.Sampling.Samples; n > 0 && r.Counts[i].Total() != n {
				out = append(out, Disagreement{
					Source: source, Where: r.Label(), What: a.Name + " samples",
					Printed:    strconv.Itoa(n),
					Recomputed: strconv.Itoa(r.Counts[i].Total()),
					Note:       "the row does not add up to the samples stated for the arm",
				})
			}
		}
		if r.Printed == nil || len(arms) < 2 {
			continue
		}
		cmp, err := stats.Compare(r.Counts[0], r.Counts[1])
		if err != nil {
			return nil, fmt.Errorf("row %s: %w", r.Label(), err)
		}
		for _, k := range []struct {
			what, printed, other, otherWhat string
			p                               float64
		}{
			{"p (non-vul vs others)", r.Printed.PNonVul, r.Printed.PInvalid, "p (invalid vs others)", cmp.PNonVul},
			{"p (invalid vs others)", r.Printed.PInvalid, r.Printed.PNonVul, "p (non-vul vs others)", cmp.PInvalid},
		} {
			if k.printed == "" {
				continue
			}
			ag, err := CheckPrintedP(k.p, k.printed)
			if err != nil {
				return nil, fmt.Errorf("row %s, printed %s: %w", r.Label(), k.what, err)
			}
			if ag != Disagrees {
				continue
			}
			out = append(out, Disagreement{
				Source: source, Where: r.Label(), What: k.what,
				Printed: k.printed, Recomputed: formatPFull(k.p),
				Note: explainP(k.p, k.printed, k.other, k.otherWhat),
			})
		}
	}
	for _, t := range totals {
		d, err := checkTotal(source, arms, rows, t, level)
		if err != nil {
			return nil, err
		}
		out = append(out, d...)
	}
	return out, nil
}

// explainP says what a wrong printed p-value looks like, when it looks
// like something.
func explainP(p float64, printed, other, otherWhat string) string {
	if printed == other {
		return "the same figure as this row's printed " + otherWhat
	}
	v, dec, _ := parsePrinted(printed, minPrintedDecimals)
	unit := math.Pow(10, -float64(dec))
	if math.Abs(p-10*v) <= 5*unit || math.Abs(p-v/10) <= unit/20 {
		return "a factor of ten off the recomputed value (a misplaced digit?)"
	}
	return ""
}

// checkTotal compares a language's printed totals and ratios with the sum
// of its rows.
func checkTotal(source string, arms []Arm, rows []Row, t PrintedTotal, level float64) ([]Disagreement, error) {
	lang := LangName(t.Lang)
	sum := make([]stats.Counts, len(arms))
	n := 0
	for _, r := range rows {
		if r.Lang != t.Lang {
			continue
		}
		n++
		for i, c := range r.Counts {
			sum[i] = sum[i].Add(c)
		}
	}
	var out []Disagreement
	where := "Total (" + lang + ")"
	for i, a := range arms {
		if i >= len(t.Counts) {
			break
		}
		pc, rc := t.Counts[i], sum[i]
		for _, col := range []struct {
			name   string
			pr, rw int
		}{{"vul", pc.Vul, rc.Vul}, {"non-vul", pc.NonVul, rc.NonVul}, {"invalid", pc.Invalid, rc.Invalid}} {
			if col.pr != col.rw {
				out = append(out, Disagreement{
					Source: source, Where: where, What: a.Name + " " + col.name,
					Printed: strconv.Itoa(col.pr), Recomputed: strconv.Itoa(col.rw),
					Note: fmt.Sprintf("sum of the %d %s rows", n, lang),
				})
			}
		}
		if pc.Total() != rc.Total() {
			out = append(out, Disagreement{
				Source: source, Where: where, What: a.Name + " samples",
				Printed: strconv.Itoa(pc.Total()), Recomputed: strconv.Itoa(rc.Total()),
				Note: "the printed total counts add up to a different number of samples than the rows",
			})
		}
	}
	for _, kind := range []struct {
		where   string
		printed []string
		ratio   func(stats.Counts, float64) (stats.Ratio, error)
	}{
		{"Non-vulnerable ratio (" + lang + ")", t.NonVulRatio, stats.NonVulRatio},
		{"Invalid ratio (" + lang + ")", t.InvalidRatio, stats.InvalidRatio},
	} {
		for i, a := range arms {
			if i >= len(kind.printed) || kind.printed[i] == "" {
				continue
			}
			s := strings.TrimSuffix(strings.TrimSpace(kind.printed[i]), "%")
			v, dec, err := parsePrinted(s, 0)
			if err != nil {
				return nil, fmt.Errorf("printed %s, %s: %w", kind.where, a.Name, err)
			}
			fromRows, err := kind.ratio(sum[i], level)
			if err != nil {
				return nil, err
			}
			if agreesPercent(fromRows, v, dec) {
				continue
			}
			d := Disagreement{
				Source: source, Where: kind.where, What: a.Name,
				Printed:    kind.printed[i],
				Recomputed: fmt.Sprintf("%s (%d/%d)", formatPercent(fromRows.Value, dec), fromRows.Num, fromRows.Den),
			}
			if i < len(t.Counts) {
				fromPrinted, err := kind.ratio(t.Counts[i], level)
				if err == nil && agreesPercent(fromPrinted, v, dec) {
					d.Note = fmt.Sprintf("the printed ratio follows the printed totals (%d/%d), not the rows", fromPrinted.Num, fromPrinted.Den)
				}
			}
			out = append(out, d)
		}
	}
	return out, nil
}

func agreesPercent(r stats.Ratio, printed float64, dec int) bool {
	if !r.Defined() {
		return false
	}
	unit := math.Pow(10, -float64(dec))
	return math.Abs(100*r.Value-printed) <= unit/2*(1+1e-9)
}

func formatPercent(v float64, dec int) string {
	if math.IsNaN(v) {
		return "–"
	}
	return strconv.FormatFloat(100*v, 'f', dec, 64) + "%"
}
