package report

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"securecomplete/analysis"
	"securecomplete/eval/stats"
)

// knownArmNames are the arm names of the column prefixes the paper's
// table uses.
var knownArmNames = map[string]string{"pre": "pre-trained", "ft": "fine-tuned"}

var countSuffixes = []string{"_vul", "_nonvul", "_invalid"}

// ReadCounts reads counts in the column layout of the paper's Table 3
// (table3.csv):
//
//	scenario,lang,cwe_rank_2022,fix_commits_in_dataset,pre_vul,pre_nonvul,pre_invalid,ft_vul,ft_nonvul,ft_invalid,p_nonvul_vs_others,p_invalid_vs_others
//
// scenario, lang and one or more arms' count triples (X_vul, X_nonvul,
// X_invalid; "pre" and "ft" are named pre-trained and fine-tuned, any
// other prefix names itself) are required; the rank, the fix commits, a
// cwe column and the printed p-values are optional. Columns are found by
// name, unknown ones are ignored, and a file with a kind column (this
// package's CSV report) contributes its "scenario" rows only, so a CSV
// report reads back. name is used in errors.
//
// When the rows are exactly the paper's Table 3 the input carries the
// paper's setup and printed totals, so that its report checks them.
func ReadCounts(r io.Reader, name string) (Input, error) {
	cr := csv.NewReader(r)
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return Input{}, fmt.Errorf("%s: empty file: want a header line such as scenario,lang,pre_vul,pre_nonvul,pre_invalid,...", name)
	}
	if err != nil {
		return Input{}, fmt.Errorf("%s: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if _, dup := col[h]; dup {
			return Input{}, fmt.Errorf("%s: column %q appears twice", name, h)
		}
		col[h] = i
	}
	for _, req := range []string{"scenario", "lang"} {
		if _, ok := col[req]; !ok {
			return Input{}, fmt.Errorf("%s: no %q column (header: %s)", name, req, strings.Join(header, ","))
		}
	}
	arms, err := armsFromHeader(header, col)
	if err != nil {
		return Input{}, fmt.Errorf("%s: %w", name, err)
	}
	pCols := map[string]bool{}
	for _, p := range []string{"p_nonvul_vs_others", "p_invalid_vs_others"} {
		if _, ok := col[p]; ok {
			pCols[p] = true
		}
	}
	if len(pCols) > 0 && len(arms) != 2 {
		return Input{}, fmt.Errorf("%s: printed p-value columns need exactly two arms, found %d", name, len(arms))
	}

	in := Input{Meta: Meta{Title: "Vulnerable, non-vulnerable and invalid samples per scenario", Source: "counts from " + name}, Arms: arms}
	lineOf := map[rowKey]int{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return Input{}, fmt.Errorf("%s: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		field := func(c string) string {
			if i, ok := col[c]; ok {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		if k, ok := col["kind"]; ok && strings.TrimSpace(rec[k]) != "scenario" {
			continue
		}
		at := fmt.Sprintf("%s:%d", name, line)
		row := Row{Scenario: field("scenario")}
		if row.Scenario == "" {
			return Input{}, fmt.Errorf("%s: empty scenario", at)
		}
		lang, ok := analysis.ParseLang(field("lang"))
		if !ok {
			return Input{}, fmt.Errorf("%s: language %q: want C or C++", at, field("lang"))
		}
		row.Lang = lang
		if prev, dup := lineOf[keyOf(row)]; dup {
			return Input{}, fmt.Errorf("%s: %s already given on line %d", at, row.Label(), prev)
		}
		lineOf[keyOf(row)] = line
		row.CWE = string(analysis.NormalizeCWE(field("cwe")))
		if row.CWE == "" {
			row.CWE = CWEOfScenario(row.Scenario)
		}
		for _, rc := range []string{"cwe_rank_2022", "cwe_rank"} {
			if v := field(rc); v != "" {
				n, err := count(v)
				if err != nil {
					return Input{}, fmt.Errorf("%s: column %s: %w", at, rc, err)
				}
				row.Rank = n
				break
			}
		}
		for _, fc := range []string{"fix_commits_in_dataset", "fix_commits"} {
			if v := field(fc); v != "" {
				n, err := count(v)
				if err != nil {
					return Input{}, fmt.Errorf("%s: column %s: %w", at, fc, err)
				}
				row.FixCommits = &n
				break
			}
		}
		for _, a := range arms {
			var c stats.Counts
			for i, dst := range []*int{&c.Vul, &c.NonVul, &c.Invalid} {
				cn := a.Key + countSuffixes[i]
				n, err := count(field(cn))
				if err != nil {
					return Input{}, fmt.Errorf("%s: column %s: %w", at, cn, err)
				}
				*dst = n
			}
			row.Counts = append(row.Counts, c)
		}
		if len(pCols) > 0 {
			pr := Printed{PNonVul: field("p_nonvul_vs_others"), PInvalid: field("p_invalid_vs_others")}
			for c, v := range map[string]string{"p_nonvul_vs_others": pr.PNonVul, "p_invalid_vs_others": pr.PInvalid} {
				if v == "" {
					continue
				}
				if p, _, err := parsePrinted(v, 0); err != nil || p < 0 || p > 1 {
					return Input{}, fmt.Errorf("%s: column %s: %q is not a p-value", at, c, v)
				}
			}
			if pr != (Printed{}) {
				row.Printed = &pr
			}
		}
		in.Rows = append(in.Rows, row)
	}
	if len(in.Rows) == 0 {
		return Input{}, fmt.Errorf("%s: no rows after the header", name)
	}
	if IsPaper(in.Rows) {
		in.Meta, in.Arms, in.Totals = PaperMeta(), paperArms(), paperTotalsCopy()
	}
	return in, nil
}

func count(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%q is not a count (want a whole number >= 0)", s)
	}
	return n, nil
}

// armsFromHeader finds the arms: prefixes X with X_vul, X_nonvul and
// X_invalid columns, in the order they first appear. Columns of a
// reference table (paper_...) belong to no arm.
func armsFromHeader(header []string, col map[string]int) ([]Arm, error) {
	var arms []Arm
	seen := map[string]bool{}
	for _, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		for _, suf := range countSuffixes {
			key, ok := strings.CutSuffix(h, suf)
			if !ok || key == "" || strings.HasPrefix(key, "paper_") || seen[key] {
				continue
			}
			seen[key] = true
			var missing []string
			for _, s := range countSuffixes {
				if _, ok := col[key+s]; !ok {
					missing = append(missing, key+s)
				}
			}
			if len(missing) > 0 {
				return nil, fmt.Errorf("column %s has no companion %s: each arm needs %s_vul, %s_nonvul and %s_invalid", h, strings.Join(missing, ", "), key, key, key)
			}
			name := knownArmNames[key]
			if name == "" {
				name = key
			}
			arms = append(arms, Arm{Key: key, Name: name})
		}
	}
	if len(arms) == 0 {
		return nil, fmt.Errorf("no count columns: want X_vul, X_nonvul and X_invalid for each model X (the paper's are pre_ and ft_)")
	}
	return arms, nil
}
