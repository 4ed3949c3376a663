package report

import (
	"encoding/csv"
	"io"
	"strconv"

	"securecomplete/eval/stats"
)

// WriteCSV writes the report as one CSV table, one line per scenario row,
// per language total and per CWE pool (the kind column tells which). Its
// count columns keep the names of the paper's table3.csv, so ReadCounts
// reads the file back; p-values and ratios are written in full.
func WriteCSV(w io.Writer, rep *Report) error {
	cw := csv.NewWriter(w)
	head := []string{"kind", "scenario", "lang", "cwe", "cwe_rank_2022", "fix_commits_in_dataset"}
	for _, a := range rep.Arms {
		head = append(head, a.Key+"_vul", a.Key+"_nonvul", a.Key+"_invalid")
	}
	pn, pi, hn, hi := csvPHeads(rep)
	for i := range pn {
		head = append(head, pn[i], pi[i])
	}
	for i := range hn {
		head = append(head, hn[i], hi[i])
	}
	for _, a := range rep.Arms {
		for _, m := range []string{"nonvul_ratio", "invalid_ratio"} {
			head = append(head, a.Key+"_"+m, a.Key+"_"+m+"_lo", a.Key+"_"+m+"_hi")
		}
	}
	head = append(head, "printed_nonvul_p", "printed_invalid_p", "printed_nonvul_p_check", "printed_invalid_p_check")
	if rep.Reference != nil {
		for _, a := range rep.Reference.Arms {
			k := armKey(a)
			head = append(head, "paper_"+k+"_vul", "paper_"+k+"_nonvul", "paper_"+k+"_invalid")
		}
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	nTests := len(pn)
	line := func(kind, scenario, lang, cwe string, rank int, fix *int, arms []ArmResult, tests []Test, holm []RowTest, pr *PrintedCheck, paper []ArmResult) error {
		rec := []string{kind, scenario, lang, cwe, rankCell(rank), intPtr(fix)}
		for _, a := range arms {
			rec = append(rec, strconv.Itoa(a.Counts.Vul), strconv.Itoa(a.Counts.NonVul), strconv.Itoa(a.Counts.Invalid))
		}
		for i := range nTests {
			if i < len(tests) {
				rec = append(rec, fullP(tests[i].PNonVul), fullP(tests[i].PInvalid))
			} else {
				rec = append(rec, "", "")
			}
		}
		for i := range nTests {
			if i < len(holm) {
				rec = append(rec, fullP(holm[i].HolmNonVul), fullP(holm[i].HolmInvalid))
			} else {
				rec = append(rec, "", "")
			}
		}
		for _, a := range arms {
			for _, r := range []stats.Ratio{a.NonVul, a.Invalid} {
				rec = append(rec, ratioCSV(r.Value, r), ratioCSV(r.Lo, r), ratioCSV(r.Hi, r))
			}
		}
		if pr != nil {
			rec = append(rec, pr.PNonVul, pr.PInvalid, string(pr.NonVulAgrees), string(pr.InvalidAgrees))
		} else {
			rec = append(rec, "", "", "", "")
		}
		if rep.Reference != nil {
			if paper == nil {
				rec = append(rec, make([]string, 3*len(rep.Reference.Arms))...)
			}
			for _, a := range paper {
				rec = append(rec, strconv.Itoa(a.Counts.Vul), strconv.Itoa(a.Counts.NonVul), strconv.Itoa(a.Counts.Invalid))
			}
		}
		return cw.Write(rec)
	}
	for _, r := range rep.Rows {
		var ts []Test
		for _, x := range r.Tests {
			ts = append(ts, x.Test)
		}
		if err := line("scenario", r.Scenario, LangName(r.Lang), r.CWE, r.Rank, r.FixCommits, r.Arms, ts, r.Tests, r.Printed, r.Paper); err != nil {
			return err
		}
	}
	for _, g := range rep.Totals {
		lang := LangName(g.Lang)
		if g.Lang == "" {
			lang = "all"
		}
		if err := line("total", "Total", lang, "", 0, nil, g.Arms, g.Tests, nil, nil, g.Paper); err != nil {
			return err
		}
	}
	for _, g := range rep.CWEs {
		if err := line("cwe", g.CWE, LangName(g.Lang), g.CWE, g.Rank, nil, g.Arms, g.Tests, nil, nil, g.Paper); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvPHeads names the p-value columns: the paper's names for two arms,
// suffixed with the arm's key for more.
func csvPHeads(rep *Report) (pn, pi, hn, hi []string) {
	for i := 1; i < len(rep.Arms); i++ {
		suffix := ""
		if len(rep.Arms) > 2 {
			suffix = "_" + rep.Arms[i].Key
		}
		pn = append(pn, "p_nonvul_vs_others"+suffix)
		pi = append(pi, "p_invalid_vs_others"+suffix)
		hn = append(hn, "p_nonvul_holm"+suffix)
		hi = append(hi, "p_invalid_holm"+suffix)
	}
	return
}

func fullP(p float64) string { return strconv.FormatFloat(p, 'g', -1, 64) }

func ratioCSV(v float64, r stats.Ratio) string {
	if !r.Defined() {
		return ""
	}
	return strconv.FormatFloat(v, 'f', 6, 64)
}
