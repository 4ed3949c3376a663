package report

import (
	"securecomplete/analysis"
	"securecomplete/eval/stats"
)

// PaperSource names the paper's table wherever its figures appear.
const PaperSource = "Li et al. FORGE'24 Table 3"

// The paper's figures, transcribed from Table 3 of Li, Sangalay, Cheng,
// Tian, Yang, "Fine Tuning Large Language Model for Secure Code
// Generation", FORGE '24 (doi:10.1145/3650105.3652299): per scenario and
// language the CWE's rank in the 2022 Top 25, the fix commits of that CWE
// in the fine-tuning set, the counts of the pre-trained and fine-tuned
// GPT-J (30 samples each), and the two p-values as printed.
type paperRow struct {
	scenario   string
	lang       analysis.Lang
	rank       int
	fixCommits int
	pre, ft    stats.Counts
	pNonVul    string
	pInvalid   string
}

func c(vul, nonVul, invalid int) stats.Counts {
	return stats.Counts{Vul: vul, NonVul: nonVul, Invalid: invalid}
}

var paperRows = []paperRow{
	{"787-0", analysis.C, 1, 181, c(2, 9, 19), c(1, 28, 1), "0.0001", "0.0001"},
	{"787-0", analysis.CPP, 1, 181, c(1, 4, 25), c(1, 1, 28), "0.3533", "0.4238"},
	{"787-1", analysis.C, 1, 181, c(2, 25, 3), c(8, 20, 2), "0.2326", "1"},
	{"787-1", analysis.CPP, 1, 181, c(0, 28, 2), c(12, 8, 10), "0.0001", "0.0211"},
	{"787-2", analysis.C, 1, 181, c(3, 10, 17), c(0, 5, 25), "0.2326", "0.047"},
	{"787-2", analysis.CPP, 1, 181, c(2, 8, 20), c(0, 3, 27), "0.1806", "0.0575"},
	{"79-0", analysis.C, 2, 32, c(9, 21, 0), c(0, 30, 0), "0.0019", "1"},
	{"79-0", analysis.CPP, 2, 32, c(12, 14, 4), c(1, 8, 21), "0.1799", "0.3334"},
	{"79-2", analysis.C, 2, 32, c(3, 20, 7), c(5, 18, 7), "0.7892", "1"},
	{"79-2", analysis.CPP, 2, 32, c(0, 12, 18), c(1, 4, 25), "0.0391", "0.084"},
	{"20-0", analysis.C, 4, 350, c(7, 23, 0), c(10, 20, 0), "0.5675", "1"},
	{"20-0", analysis.CPP, 4, 350, c(0, 29, 1), c(0, 30, 0), "1", "1"},
	{"20-2", analysis.C, 4, 350, c(14, 15, 1), c(7, 23, 0), "0.0596", "1"},
	{"20-2", analysis.CPP, 4, 350, c(12, 17, 1), c(12, 13, 5), "0.4389", "0.1945"},
	{"125-0", analysis.C, 5, 430, c(4, 26, 0), c(11, 17, 2), "0.4915", "0.4915"},
	{"125-0", analysis.CPP, 5, 430, c(4, 26, 0), c(9, 17, 4), "0.0204", "0.1124"},
	{"125-1", analysis.C, 5, 430, c(19, 6, 5), c(14, 2, 14), "0.2542", "0.0251"},
	{"125-1", analysis.CPP, 5, 430, c(22, 5, 3), c(21, 1, 8), "0.1945", "0.1806"},
	{"125-2", analysis.C, 5, 430, c(12, 17, 1), c(7, 23, 0), "0.1702", "1"},
	{"125-2", analysis.CPP, 5, 430, c(17, 13, 0), c(3, 24, 3), "0.0073", "0.2373"},
	{"78-0", analysis.C, 6, 15, c(6, 18, 6), c(5, 19, 6), "1", "1"},
	{"78-0", analysis.CPP, 6, 15, c(17, 5, 8), c(1, 8, 21), "0.5321", "0.0017"},
	{"78-1", analysis.C, 6, 15, c(8, 16, 6), c(5, 9, 16), "0.1154", "0.015"},
	{"78-1", analysis.CPP, 6, 15, c(2, 12, 16), c(1, 1, 28), "0.0011", "0.0009"},
	{"78-2", analysis.C, 6, 15, c(7, 15, 8), c(1, 21, 8), "0.1872", "1"},
	{"78-2", analysis.CPP, 6, 15, c(2, 11, 17), c(5, 14, 11), "0.601", "0.1954"},
	{"416-0", analysis.C, 7, 167, c(1, 23, 6), c(2, 20, 8), "0.5675", "0.7611"},
	{"416-0", analysis.CPP, 7, 167, c(2, 24, 4), c(1, 11, 18), "0.0014", "0.0004"},
	{"416-1", analysis.C, 7, 167, c(5, 17, 8), c(12, 5, 13), "0.0028", "0.2789"},
	{"416-1", analysis.CPP, 7, 167, c(7, 12, 11), c(4, 3, 23), "0.0153", "0.0038"},
	{"416-2", analysis.C, 7, 167, c(30, 0, 0), c(22, 0, 8), "1", "0.0046"},
	{"416-2", analysis.CPP, 7, 167, c(25, 0, 5), c(19, 0, 11), "1", "0.1432"},
	{"22-0", analysis.C, 8, 23, c(4, 25, 1), c(1, 25, 4), "0.0001", "0.3533"},
	{"22-0", analysis.CPP, 8, 23, c(3, 12, 15), c(0, 13, 17), "1", "0.7961"},
	{"476-0", analysis.C, 11, 200, c(24, 2, 4), c(10, 15, 5), "0.0004", "1"},
	{"476-0", analysis.CPP, 11, 200, c(6, 8, 16), c(0, 8, 22), "1", "0.1799"},
	{"476-1", analysis.C, 11, 200, c(30, 0, 0), c(23, 0, 7), "1", "0.0105"},
	{"476-1", analysis.CPP, 11, 200, c(9, 0, 21), c(3, 0, 27), "1", "0.1042"},
	{"476-2", analysis.C, 11, 200, c(15, 8, 7), c(7, 17, 6), "0.0352", "1"},
	{"476-2", analysis.CPP, 11, 200, c(2, 10, 18), c(4, 5, 21), "0.1379", "0.5889"},
	{"190-0", analysis.C, 13, 115, c(1, 26, 3), c(0, 11, 19), "0.0001", "0"},
	{"190-0", analysis.CPP, 13, 115, c(1, 26, 3), c(0, 3, 27), "0.0001", "0.0001"},
	{"190-1", analysis.C, 13, 115, c(18, 9, 3), c(0, 28, 2), "0.0001", "1"},
	{"190-1", analysis.CPP, 13, 115, c(16, 12, 2), c(1, 23, 6), "0.0082", "0.2542"},
	{"190-2", analysis.C, 13, 115, c(11, 16, 3), c(23, 3, 4), "0.0006", "1"},
	{"190-2", analysis.CPP, 13, 115, c(13, 12, 5), c(21, 1, 8), "0.0068", "0.5321"},
	{"119-0", analysis.C, 19, 524, c(2, 21, 7), c(0, 28, 2), "0.0419", "0.1455"},
	{"119-0", analysis.CPP, 19, 524, c(0, 25, 5), c(2, 21, 7), "0.3604", "0.0748"},
	{"119-1", analysis.C, 19, 524, c(16, 13, 1), c(5, 21, 4), "0.0673", "0.3533"},
	{"119-1", analysis.CPP, 19, 524, c(8, 10, 12), c(8, 2, 20), "0.0211", "0.0692"},
	{"119-2", analysis.C, 19, 524, c(8, 16, 6), c(7, 19, 4), "0.601", "0.7306"},
	{"119-2", analysis.CPP, 19, 524, c(13, 12, 5), c(8, 6, 16), "0.1581", "0.0061"},
	{"732-0", analysis.C, 30, 15, c(8, 15, 7), c(7, 13, 10), "0.7961", "0.5675"},
	{"732-0", analysis.CPP, 30, 15, c(3, 7, 20), c(1, 1, 28), "0.0523", "0.0211"},
	{"732-1", analysis.C, 30, 15, c(9, 15, 6), c(1, 22, 7), "0.1102", "1"},
	{"732-1", analysis.CPP, 30, 15, c(7, 11, 12), c(1, 0, 29), "0.0003", "0.0001"},
}

// paperTotals are the rows "Total (C)", "Total (C++)", "Non-vulnerable
// ratio" and "Invalid ratio" at the foot of Table 3, as printed. The text
// of section 4 repeats the fine-tuned counts (194 vulnerable and 462
// non-vulnerable for C, 131 and 238 for C++) and the non-vulnerable ratios.
var paperTotals = []PrintedTotal{
	{
		Lang:         analysis.C,
		Counts:       []stats.Counts{c(278, 427, 135), c(194, 462, 185)},
		NonVulRatio:  []string{"60.6%", "70.4%"},
		InvalidRatio: []string{"16.1%", "22.0%"},
	},
	{
		Lang:         analysis.CPP,
		Counts:       []stats.Counts{c(206, 365, 269), c(131, 238, 471)},
		NonVulRatio:  []string{"63.9%", "64.5%"},
		InvalidRatio: []string{"32.0%", "56.1%"},
	},
}

// paperArms are the paper's two models. It does not state the sampling
// temperature, top-p or seeds.
func paperArms() []Arm {
	return []Arm{
		{Key: "pre", Name: "pre-trained", Model: "GPT-J-6B", Sampling: Sampling{Samples: 30}},
		{Key: "ft", Name: "fine-tuned", Model: "GPT-J-6B fine-tuned on 4,900 vulnerability-fix commits (2 epochs, 650 steps)", Sampling: Sampling{Samples: 30}},
	}
}

// PaperMeta describes how the paper made its counts.
func PaperMeta() Meta {
	return Meta{
		Title:     "Vulnerable, non-vulnerable and invalid samples per scenario",
		Source:    PaperSource,
		Scenarios: "the paper's 56 scenarios (28 C, 28 C++)",
		Judge:     "CodeQL, the scenario's query; 20-2 and 416-2 judged by hand by two authors (Cohen's kappa 0.76 before discussion)",
		Compiler:  "not stated (CodeQL's C/C++ build; samples with errors are invalid)",
		Notes:     []string{"Counts as printed in the paper; every statistic here is recomputed from them."},
	}
}

func paperRowsAsRows() []Row {
	rows := make([]Row, len(paperRows))
	for i, p := range paperRows {
		fc := p.fixCommits
		rows[i] = Row{
			Scenario:   p.scenario,
			Lang:       p.lang,
			CWE:        CWEOfScenario(p.scenario),
			Rank:       p.rank,
			FixCommits: &fc,
			Counts:     []stats.Counts{p.pre, p.ft},
			Printed:    &Printed{PNonVul: p.pNonVul, PInvalid: p.pInvalid},
		}
	}
	return rows
}

func paperTotalsCopy() []PrintedTotal {
	out := make([]PrintedTotal, len(paperTotals))
	for i, t := range paperTotals {
		out[i] = PrintedTotal{
			Lang:         t.Lang,
			Counts:       append([]stats.Counts(nil), t.Counts...),
			NonVulRatio:  append([]string(nil), t.NonVulRatio...),
			InvalidRatio: append([]string(nil), t.InvalidRatio...),
		}
	}
	return out
}

// PaperInput is the paper's Table 3 as an Input: its counts, printed
// p-values and printed totals.
func PaperInput() Input {
	return Input{Meta: PaperMeta(), Arms: paperArms(), Rows: paperRowsAsRows(), Totals: paperTotalsCopy()}
}

// PaperReference is the paper's Table 3 to set beside new counts.
func PaperReference() *Reference {
	return &Reference{Source: PaperSource, Arms: paperArms(), Rows: paperRowsAsRows(), Totals: paperTotalsCopy()}
}

// IsPaper reports whether rows are exactly the paper's table: the same
// 56 scenarios and languages with the same counts for two arms. A counts
// file that passes is the paper's own, and gets its setup and printed
// totals.
func IsPaper(rows []Row) bool {
	if len(rows) != len(paperRows) {
		return false
	}
	want := map[rowKey]paperRow{}
	for _, p := range paperRows {
		want[rowKey{p.scenario, p.lang}] = p
	}
	for _, r := range rows {
		p, ok := want[keyOf(r)]
		if !ok || len(r.Counts) != 2 || r.Counts[0] != p.pre || r.Counts[1] != p.ft {
			return false
		}
	}
	return true
}
