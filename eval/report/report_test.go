package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"html/template"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"securecomplete/analysis"
	"securecomplete/eval/stats"
	"securecomplete/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test ./eval/report -update and review the diff.\n--- got ---\n%s", name, firstDiff(got, want))
	}
}

// firstDiff shows the first differing line.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return ""
}

func build(t *testing.T, in Input) *Report {
	t.Helper()
	rep, err := Build(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func render(t *testing.T, rep *Report, write func(io.Writer, *Report) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf, rep); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The paper's own table: every printed p-value is a two-sided Fisher test
// on its row, except these six; the printed totals miss the rows in the
// fine-tuned columns.
func TestPaperDisagreesWithItselfExactlyHere(t *testing.T) {
	rep := build(t, PaperInput())
	type where struct{ Where, What, Printed, Recomputed string }
	var got []where
	for _, d := range rep.Disagreements {
		if d.Source != PaperSource {
			t.Errorf("disagreement from %q", d.Source)
		}
		got = append(got, where{d.Where, d.What, d.Printed, d.Recomputed})
	}
	want := []where{
		{"79-0 (C++)", "p (invalid vs others)", "0.3334", "1.6e-05"},
		{"125-0 (C)", "p (non-vul vs others)", "0.4915", "0.0204"},
		{"22-0 (C)", "p (non-vul vs others)", "0.0001", "1"},
		{"476-2 (C++)", "p (non-vul vs others)", "0.1379", "0.2326"},
		{"190-2 (C++)", "p (non-vul vs others)", "0.0068", "0.0011"},
		{"119-0 (C++)", "p (invalid vs others)", "0.0748", "0.748"},
		{"Total (C)", "fine-tuned invalid", "185", "184"},
		{"Total (C)", "fine-tuned samples", "841", "840"},
		{"Invalid ratio (C)", "fine-tuned", "22.0%", "21.9% (184/840)"},
		{"Total (C++)", "fine-tuned vul", "131", "140"},
		{"Total (C++)", "fine-tuned non-vul", "238", "229"},
		{"Non-vulnerable ratio (C++)", "fine-tuned", "64.5%", "62.1% (229/369)"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("disagreements:\n got %v\nwant %v", got, want)
	}
	// Every other printed p-value agrees at 4 decimals, or is the paper's
	// 0.0001 for a smaller p.
	bound := 0
	for _, r := range rep.Rows {
		for _, a := range []Agreement{r.Printed.NonVulAgrees, r.Printed.InvalidAgrees} {
			bound += b2i(a == AgreesAsBound)
		}
	}
	if bound != 7 {
		t.Errorf("%d printed p-values are 0.0001 for p < 0.0001, want 7 (787-0 C twice, 787-1 C++, 190-0 C++ twice, 190-1 C, 732-1 C++)", bound)
	}
	// The ratios the paper prints and its rows agree on.
	c := rep.Totals[0]
	if c.Label != "Total (C)" || ratioShort(c.Arms[0].NonVul) != "60.6%" || ratioShort(c.Arms[1].NonVul) != "70.4%" || ratioShort(c.Arms[0].Invalid) != "16.1%" {
		t.Errorf("C totals: %s %s %s %s", c.Label, ratioShort(c.Arms[0].NonVul), ratioShort(c.Arms[1].NonVul), ratioShort(c.Arms[0].Invalid))
	}
	// "Overall, 22 scenarios are statistically significant in terms of
	// Non-Vul versus Others."
	sig := 0
	for _, r := range rep.Rows {
		sig += b2i(r.Tests[0].PNonVul < 0.05)
	}
	if sig != 22 {
		t.Errorf("%d rows with p < 0.05 (non-vul vs others), the paper says 22", sig)
	}
}

// paper.go holds the figures of the shared transcription of Table 3.
func TestPaperFiguresMatchSharedTranscription(t *testing.T) {
	path := filepath.Join(testenv.SharedDir(t), "paper", "table3.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("no %s: %v", path, err)
	}
	defer f.Close()
	in, err := ReadCounts(f, path)
	if err != nil {
		t.Fatal(err)
	}
	if in.Meta.Source != PaperSource {
		t.Errorf("the shared table3.csv is not recognised as the paper's (source %q)", in.Meta.Source)
	}
	want := PaperInput().Rows
	if !reflect.DeepEqual(in.Rows, want) {
		for i := range want {
			if i < len(in.Rows) && !reflect.DeepEqual(in.Rows[i], want[i]) {
				t.Fatalf("row %d: file %+v, paper.go %+v", i+1, in.Rows[i], want[i])
			}
		}
		t.Fatalf("%d rows in the file, %d in paper.go", len(in.Rows), len(want))
	}
}

func TestGoldenPaper(t *testing.T) {
	rep := build(t, PaperInput())
	golden(t, "paper.md", render(t, rep, WriteMarkdown))
	golden(t, "paper.csv", render(t, rep, WriteCSV))
	golden(t, "paper.json", render(t, rep, WriteJSON))
}

// runInput is what a small benchmark run would fill: three arms, its
// sampling and seeds, rows for four scenarios (one not in the paper), and
// a sample's findings.
func runInput() Input {
	temp, topP := 0.8, 0.95
	samp := Sampling{Samples: 10, Temperature: &temp, TopP: &topP, MaxTokens: 256, Stop: []string{"\n}\n"}}
	fc := 181
	return Input{
		Meta: Meta{
			Title:     "Embedded model, with and without screening",
			Source:    "eval run in results/",
			Scenarios: "securecomplete built-in scenarios",
			Judge:     "built-in rules (analysis/rules)",
			Compiler:  "gcc 12.2.0 -g -O -D_FORTIFY_SOURCE=2 -c",
			Seeds:     []int64{7},
		},
		Arms: []Arm{
			{Name: "embedded", Model: "securecomplete-embedded", Sampling: samp},
			{Name: "screened", Model: "securecomplete-embedded", Sampling: samp, Note: "candidates screened by the judge"},
			{Name: "remote | gpt-j", Model: "GPT-J-6B", Endpoint: "http://127.0.0.1:8000/v1", Sampling: samp},
		},
		Rows: []Row{
			{Scenario: "787-0", Lang: analysis.C, CWE: "CWE-787", Rank: 1, FixCommits: &fc, Counts: []stats.Counts{{Vul: 4, NonVul: 5, Invalid: 1}, {Vul: 0, NonVul: 9, Invalid: 1}, {Vul: 2, NonVul: 2, Invalid: 6}}},
			{Scenario: "79-0", Lang: analysis.CPP, CWE: "CWE-79", Rank: 2, Counts: []stats.Counts{{Vul: 10}, {NonVul: 3, Invalid: 7}, {Invalid: 10}}},
			{Scenario: "999-0", Lang: analysis.C, CWE: "CWE-999", Counts: []stats.Counts{{Vul: 1, NonVul: 8, Invalid: 1}, {NonVul: 10}, {Vul: 5, NonVul: 5}}},
			// One sample short: the report says so.
			{Scenario: "787-1", Lang: analysis.C, CWE: "CWE-787", Rank: 1, FixCommits: &fc, Counts: []stats.Counts{{Vul: 3, NonVul: 6}, {NonVul: 10}, {Vul: 1, NonVul: 8, Invalid: 1}}},
		},
		Reference: PaperReference(),
		Findings: []SampleFindings{{
			Arm: "embedded", Scenario: "787-0", Lang: analysis.C, Sample: 3, Path: "samples/embedded/787-0/c/3.c", Verdict: analysis.Vulnerable,
			Findings: []analysis.Finding{{CWE: "CWE-787", Rule: "cwe787-sprintf", Line: 9, Column: 5, Message: "sprintf into a 32-byte buffer", Analyzer: "builtin"}},
		}},
	}
}

func TestGoldenRunWithPaperColumns(t *testing.T) {
	rep := build(t, runInput())
	if rep.Reference == nil || rep.Reference.Matched != 3 {
		t.Fatalf("reference = %+v, want 3 of 4 rows matched (999-0 is not in the paper)", rep.Reference)
	}
	golden(t, "run.md", render(t, rep, WriteMarkdown))
	golden(t, "run.csv", render(t, rep, WriteCSV))
	golden(t, "run.json", render(t, rep, WriteJSON))

	md := string(render(t, rep, WriteMarkdown))
	for _, want := range []string{
		"- Compiler: gcc 12.2.0 -g -O -D_FORTIFY_SOURCE=2 -c",
		"- Seeds: 7",
		"- Paper columns: Li et al. FORGE'24 Table 3, matched by scenario and language (3 of 4 rows)",
		"| screened | securecomplete-embedded | 10 | 0.8 | 0.95 | 256 |",
		`remote \| gpt-j`, // a pipe in a name does not break the table
		"| p non-vul (screened vs embedded) |",
		"| 787-1 (C) | embedded samples | 10 | 9 |",
		// The paper's 787-0 (C) counts beside ours.
		"| 787-0 (C) | 1 | 181 | 4 | 5 | 1 | 0 | 9 | 1 | 2 | 2 | 6 |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	if !strings.Contains(md, "| 2 | 9 | 19 | 1 | 28 | 1 |") {
		t.Errorf("Markdown lacks the paper's 787-0 (C) counts 2/9/19 and 1/28/1 beside ours")
	}
	// The paper's own inconsistencies are listed too, under its name.
	if !strings.Contains(md, "| Li et al. FORGE'24 Table 3 | 119-0 (C++) | p (invalid vs others) | 0.0748 |") {
		t.Error("Markdown does not list the paper's disagreements beside a run")
	}
}

func TestFindingsCarryTheirSample(t *testing.T) {
	got := Findings(runInput())
	if len(got) != 1 || got[0].File != "samples/embedded/787-0/c/3.c" || got[0].CWE != "CWE-787" {
		t.Errorf("Findings = %+v", got)
	}
}

func TestHTMLIsSelfContainedWithCharts(t *testing.T) {
	for _, tc := range []struct {
		name   string
		in     Input
		series []string
	}{
		{"paper", PaperInput(), []string{"pre-trained", "fine-tuned"}},
		{"run", runInput(), []string{"embedded", "screened", "remote | gpt-j", "paper pre-trained", "paper fine-tuned"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := render(t, build(t, tc.in), WriteHTML)
			s := string(page)
			// Text may mention a URL (an arm's endpoint); nothing may
			// load one.
			for _, bad := range []string{"url(", "@import"} {
				if strings.Contains(s, bad) {
					i := strings.Index(s, bad)
					t.Errorf("page contains %q near %q", bad, s[max(0, i-60):min(len(s), i+60)])
				}
			}
			// Well formed enough for an XML reader in HTML mode; count
			// what the reader sees.
			dec := xml.NewDecoder(bytes.NewReader(page))
			dec.Strict = false
			dec.AutoClose = xml.HTMLAutoClose
			dec.Entity = xml.HTMLEntity
			elems := map[string]int{}
			var captions []string
			var legend []string
			inCaption, inText := false, false
			for {
				tok, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("page does not parse: %v", err)
				}
				switch x := tok.(type) {
				case xml.StartElement:
					elems[x.Name.Local]++
					switch x.Name.Local {
					case "script", "link", "img", "iframe", "object", "embed", "image", "use":
						t.Errorf("page has a <%s> element", x.Name.Local)
					}
					for _, a := range x.Attr {
						v := strings.ToLower(a.Value)
						if a.Name.Local == "src" || a.Name.Local == "href" || strings.Contains(v, "http:") || strings.Contains(v, "https:") || strings.Contains(v, "//") {
							t.Errorf("<%s %s=%q> points outside the page", x.Name.Local, a.Name.Local, a.Value)
						}
					}
					inCaption = x.Name.Local == "figcaption"
					inText = x.Name.Local == "text"
				case xml.EndElement:
					inCaption, inText = false, false
				case xml.CharData:
					if inCaption {
						captions = append(captions, string(x))
					}
					if inText {
						legend = append(legend, strings.TrimSpace(string(x)))
					}
				}
			}
			if elems["svg"] != 4 {
				t.Errorf("%d inline <svg> charts, want 4 (two ratios × two languages)", elems["svg"])
			}
			if elems["rect"]+elems["path"] == 0 {
				t.Error("the charts draw nothing")
			}
			wantCaps := []string{"Non-vulnerable ratio per CWE (C)", "Invalid ratio per CWE (C)", "Non-vulnerable ratio per CWE (C++)", "Invalid ratio per CWE (C++)"}
			if !reflect.DeepEqual(captions, wantCaps) {
				t.Errorf("figure captions %q, want %q", captions, wantCaps)
			}
			for _, name := range tc.series {
				if !contains(legend, name) {
					t.Errorf("no chart legend entry %q (texts: %q)", name, legend)
				}
			}
			if elems["table"] < 5 {
				t.Errorf("%d tables, want at least 5 (models, Table 3, ratios, CWEs, disagreements)", elems["table"])
			}
			if !strings.Contains(s, "<title>"+template.HTMLEscapeString(tc.in.Meta.Title)+"</title>") {
				t.Errorf("page is not titled %q", tc.in.Meta.Title)
			}
		})
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// Shards of one run, split by scenario and by sample and given in any
// order, merge into the report of the whole run, byte for byte.
func TestMergedShardsGiveTheSameReport(t *testing.T) {
	whole := runInput()
	rng := rand.New(rand.NewPCG(3, 4))
	const n = 3
	shards := make([]Input, n)
	for i := range shards {
		shards[i] = whole
		shards[i].Rows = nil
		shards[i].Findings = nil
		shards[i].Meta.Seeds = []int64{7}
	}
	for ri, r := range whole.Rows {
		if ri == 1 {
			// Split by scenario: the whole row goes to one shard.
			r2 := r
			r2.Counts = append([]stats.Counts(nil), r.Counts...)
			shards[2].Rows = append(shards[2].Rows, r2)
			continue
		}
		// Split by sample: each sample's verdict lands in a random shard.
		parts := make([][]stats.Counts, n)
		for s := range parts {
			parts[s] = make([]stats.Counts, len(r.Counts))
		}
		for a, c := range r.Counts {
			for _, v := range []struct {
				k int
				v analysis.Verdict
			}{{c.Vul, analysis.Vulnerable}, {c.NonVul, analysis.NonVulnerable}, {c.Invalid, analysis.Invalid}} {
				for range v.k {
					if err := parts[rng.IntN(n)][a].Record(v.v); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		for s := range n {
			rs := r
			rs.Counts = parts[s]
			shards[s].Rows = append(shards[s].Rows, rs)
		}
	}
	shards[1].Findings = whole.Findings
	rng.Shuffle(n, func(i, j int) { shards[i], shards[j] = shards[j], shards[i] })
	merged, err := Merge(shards...)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []func(io.Writer, *Report) error{WriteMarkdown, WriteCSV, WriteJSON} {
		got, want := render(t, build(t, merged), w), render(t, build(t, whole), w)
		if !bytes.Equal(got, want) {
			t.Fatalf("merged report differs from the whole run's:\n%s", firstDiff(got, want))
		}
	}
	if len(Findings(merged)) != 1 {
		t.Errorf("merged findings: %d, want 1", len(Findings(merged)))
	}
}

func TestMergeRefusesShardsOfDifferentRuns(t *testing.T) {
	a, b := runInput(), runInput()
	b.Meta.Compiler = "clang 19"
	if _, err := Merge(a, b); err == nil || !strings.Contains(err.Error(), "shard 2") || !strings.Contains(err.Error(), "compiler") {
		t.Errorf("merge of runs with different compilers: %v", err)
	}
	c := runInput()
	c.Arms[1].Sampling.Samples = 20
	if _, err := Merge(a, c); err == nil || !strings.Contains(err.Error(), "arms differ") {
		t.Errorf("merge of runs with different sampling: %v", err)
	}
	d := runInput()
	d.Rows[0].Rank = 9
	if _, err := Merge(a, d); err == nil || !strings.Contains(err.Error(), "787-0 (C)") {
		t.Errorf("merge of a row described differently: %v", err)
	}
	if _, err := Merge(); err == nil {
		t.Error("merge of nothing: no error")
	}
}

// The CSV report reads back as counts and gives the same statistics.
func TestCSVReportReadsBack(t *testing.T) {
	rep := build(t, runInput())
	in, err := ReadCounts(bytes.NewReader(render(t, rep, WriteCSV)), "report.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Arms) != 3 || in.Arms[2].Key != "remote___gpt_j" {
		t.Fatalf("arms read back: %+v", in.Arms)
	}
	back := build(t, in)
	if len(back.Rows) != len(rep.Rows) {
		t.Fatalf("%d rows read back, want %d", len(back.Rows), len(rep.Rows))
	}
	for i := range rep.Rows {
		g, w := back.Rows[i], rep.Rows[i]
		if g.Label() != w.Label() || g.CWE != w.CWE || g.Rank != w.Rank || !reflect.DeepEqual(g.FixCommits, w.FixCommits) {
			t.Errorf("row %d read back as %s %s rank %d", i, g.Label(), g.CWE, g.Rank)
		}
		for a := range w.Arms {
			if g.Arms[a].Counts != w.Arms[a].Counts {
				t.Errorf("%s arm %d: counts %v, want %v", w.Label(), a, g.Arms[a].Counts, w.Arms[a].Counts)
			}
		}
		for k := range w.Tests {
			// Arm names come back as their column keys; the numbers
			// must be the same.
			g.Tests[k].Arm, g.Tests[k].Baseline = w.Tests[k].Arm, w.Tests[k].Baseline
			if g.Tests[k] != w.Tests[k] {
				t.Errorf("%s test %d: %+v, want %+v", w.Label(), k, g.Tests[k], w.Tests[k])
			}
		}
	}
}

func TestReadCountsErrorsNameTheProblem(t *testing.T) {
	const head = "scenario,lang,pre_vul,pre_nonvul,pre_invalid,ft_vul,ft_nonvul,ft_invalid\n"
	tests := []struct {
		name, csv, want string
	}{
		{"empty", "", "counts.csv: empty file"},
		{"no rows", head, "counts.csv: no rows"},
		{"no scenario column", "lang,pre_vul,pre_nonvul,pre_invalid\nC,1,2,3\n", `no "scenario" column`},
		{"no counts", "scenario,lang\n787-0,C\n", "no count columns"},
		{"missing companion", "scenario,lang,pre_vul,pre_nonvul\n787-0,C,1,2\n", "pre_invalid"},
		{"bad count", head + "787-0,C,1,two,3,4,5,6\n", `counts.csv:2: column pre_nonvul: "two" is not a count`},
		{"negative", head + "787-0,C,1,2,3,4,-5,6\n", `counts.csv:2: column ft_nonvul: "-5" is not a count`},
		{"bad language", head + "787-0,Rust,1,2,3,4,5,6\n", `counts.csv:2: language "Rust"`},
		{"duplicate", head + "787-0,C,1,2,3,4,5,6\n787-0,c,1,2,3,4,5,6\n", "counts.csv:3: 787-0 (C) already given on line 2"},
		{"empty scenario", head + ",C,1,2,3,4,5,6\n", "counts.csv:2: empty scenario"},
		{"ragged", head + "787-0,C,1,2,3\n", "counts.csv"},
		{"bad p", "scenario,lang,pre_vul,pre_nonvul,pre_invalid,ft_vul,ft_nonvul,ft_invalid,p_nonvul_vs_others\n787-0,C,1,2,3,4,5,6,1.5\n", `column p_nonvul_vs_others: "1.5" is not a p-value`},
		{"p with one arm", "scenario,lang,pre_vul,pre_nonvul,pre_invalid,p_nonvul_vs_others\n787-0,C,1,2,3,0.5\n", "exactly two arms"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCounts(strings.NewReader(tt.csv), "counts.csv")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestReadCountsOtherArmsAndOrder(t *testing.T) {
	csv := "lang,scenario,base_vul,base_nonvul,base_invalid,tuned_vul,tuned_nonvul,tuned_invalid,extra\n" +
		"C++,190-1,1,2,3,4,5,6,x\n" +
		"C,787-0,0,10,0,1,9,0,y\n"
	in, err := ReadCounts(strings.NewReader(csv), "mine.csv")
	if err != nil {
		t.Fatal(err)
	}
	if in.Meta.Source != "counts from mine.csv" || len(in.Arms) != 2 || in.Arms[0].Name != "base" || in.Arms[1].Name != "tuned" {
		t.Fatalf("meta %+v arms %+v", in.Meta, in.Arms)
	}
	if in.Rows[0].CWE != "CWE-190" || in.Rows[0].Lang != analysis.CPP || in.Rows[0].Counts[1] != (stats.Counts{Vul: 4, NonVul: 5, Invalid: 6}) {
		t.Errorf("first row %+v", in.Rows[0])
	}
	rep := build(t, in)
	if rep.Rows[0].Label() != "190-1 (C++)" || rep.Rows[1].Label() != "787-0 (C)" {
		t.Errorf("unranked rows not ordered by CWE number: %s, %s", rep.Rows[0].Label(), rep.Rows[1].Label())
	}
	if len(rep.Disagreements) != 0 || rep.Totals[2].Label != "Total (all)" {
		t.Errorf("disagreements %v, totals %v", rep.Disagreements, rep.Totals)
	}
}

func TestCheckPrintedP(t *testing.T) {
	tests := []struct {
		p       float64
		printed string
		want    Agreement
	}{
		{0.047022, "0.047", Agrees}, // trailing zero dropped: 0.0470
		{0.99996, "1", Agrees},      // 1.0000
		{0.000033, "0", Agrees},     // 0.0000
		{0.000001, "0.0001", AgreesAsBound},
		{0.00012, "0.0001", Agrees},
		{0.00016, "0.0001", Disagrees},
		{0.748050, "0.0748", Disagrees},
		{0.0203733, "0.020373", Agrees}, // more decimals: compared at 6
		{0.0203733, "0.020374", Disagrees},
	}
	for _, tt := range tests {
		got, err := CheckPrintedP(tt.p, tt.printed)
		if err != nil || got != tt.want {
			t.Errorf("CheckPrintedP(%v, %q) = %q, %v; want %q", tt.p, tt.printed, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "n/a", "2", "-0.1", "NaN"} {
		if _, err := CheckPrintedP(0.5, bad); err == nil {
			t.Errorf("CheckPrintedP(%q): no error", bad)
		}
	}
}

func TestFormatP(t *testing.T) {
	for p, want := range map[float64]string{1: "1", 0.047022: "0.047", 0.00005: "<0.0001", 0.000139: "0.0001", 0.5675: "0.5675", 0.99996: "1"} {
		if got := FormatP(p); got != want {
			t.Errorf("FormatP(%v) = %q, want %q", p, got, want)
		}
	}
}

func TestBuildRejectsBadInput(t *testing.T) {
	in := runInput()
	in.Rows[0].Counts = in.Rows[0].Counts[:2]
	if _, err := Build(in, Options{}); err == nil || !strings.Contains(err.Error(), "787-0 (C): 2 counts for 3 arms") {
		t.Errorf("short row: %v", err)
	}
	in = runInput()
	in.Arms[1].Name = "embedded"
	if _, err := Build(in, Options{}); err == nil || !strings.Contains(err.Error(), `two arms named "embedded"`) {
		t.Errorf("duplicate arm: %v", err)
	}
	if _, err := Build(runInput(), Options{Level: 1.5}); err == nil {
		t.Error("level 1.5: no error")
	}
	if _, err := Build(Input{Arms: []Arm{{Name: "a"}}}, Options{}); err == nil || !strings.Contains(err.Error(), "no rows") {
		t.Errorf("no rows: %v", err)
	}
}

func TestJSONIsValidWithUndefinedRatios(t *testing.T) {
	rep := build(t, runInput())
	var v map[string]any
	if err := json.Unmarshal(render(t, rep, WriteJSON), &v); err != nil {
		t.Fatal(err)
	}
	// 79-0 (C++): the embedded arm has no invalid samples... and the
	// remote arm has only invalid ones, so its non-vul ratio is null.
	rows := v["rows"].([]any)
	var found bool
	for _, r := range rows {
		row := r.(map[string]any)
		if row["scenario"] == "79-0" {
			arm := row["arms"].([]any)[2].(map[string]any)
			nv := arm["nonvul_ratio"].(map[string]any)
			found = nv["value"] == nil && nv["den"] == float64(0)
		}
	}
	if !found {
		t.Error("79-0 (C++) remote arm: non-vul ratio of 0 valid samples is not null in JSON")
	}
}

// A run that adds its samples one by one makes the same table as the
// counts it adds up to.
func TestAddSamplesGivesTheCountsReport(t *testing.T) {
	want := PaperInput()
	got := Input{Meta: want.Meta, Arms: want.Arms, Totals: want.Totals}
	for _, r := range want.Rows {
		n := 0
		for a, c := range r.Counts {
			for _, v := range []struct {
				k int
				v analysis.Verdict
			}{{c.Vul, analysis.Vulnerable}, {c.NonVul, analysis.NonVulnerable}, {c.Invalid, analysis.Invalid}} {
				for range v.k {
					if err := got.Add(r, SampleFindings{Arm: want.Arms[a].Name, Sample: n, Verdict: v.v}); err != nil {
						t.Fatal(err)
					}
					n++
				}
			}
		}
	}
	if len(got.Findings) != 56*60 {
		t.Errorf("%d samples kept, want %d", len(got.Findings), 56*60)
	}
	// The printed p-values belong to the paper, not to a run.
	for i := range want.Rows {
		want.Rows[i].Printed = nil
	}
	g, w := render(t, build(t, got), WriteMarkdown), render(t, build(t, want), WriteMarkdown)
	if !bytes.Equal(g, w) {
		t.Errorf("report from samples differs from the report from counts:\n%s", firstDiff(g, w))
	}

	r := want.Rows[0]
	for _, bad := range []struct {
		s    SampleFindings
		want string
	}{
		{SampleFindings{Arm: "nobody", Verdict: analysis.Vulnerable}, `unknown arm "nobody"`},
		{SampleFindings{Arm: "pre-trained", Verdict: "unsure"}, `unknown verdict "unsure"`},
		{SampleFindings{Arm: "pre-trained", Scenario: "79-0", Verdict: analysis.Vulnerable}, "given with the row of 787-0 (C)"},
	} {
		if err := got.Add(r, bad.s); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("Add(%+v): %v, want %q", bad.s, err, bad.want)
		}
	}
	r.Rank = 99
	if err := got.Add(r, SampleFindings{Arm: "pre-trained", Verdict: analysis.Vulnerable}); err == nil {
		t.Error("Add with a row described differently: no error")
	}
}

// BenchmarkReport times a whole report of the paper's table: statistics,
// then each format.
func BenchmarkReport(b *testing.B) {
	in := PaperInput()
	in.Reference = PaperReference()
	for _, f := range []struct {
		name  string
		write func(io.Writer, *Report) error
	}{{"md", WriteMarkdown}, {"csv", WriteCSV}, {"json", WriteJSON}, {"html", WriteHTML}} {
		b.Run(f.name, func(b *testing.B) {
			for b.Loop() {
				rep, err := Build(in, Options{})
				if err != nil {
					b.Fatal(err)
				}
				if err := f.write(io.Discard, rep); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
