package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"securecomplete/analysis"
	"securecomplete/analysis/judge"
	"securecomplete/eval/stats"
)

// Input is everything a report is made from. A benchmark run fills it from
// its store; ReadCounts fills it from a counts file.
type Input struct {
	Meta Meta  `json:"meta"`
	Arms []Arm `json:"arms"` // the models compared; the first is the baseline
	Rows []Row `json:"rows"` // one per scenario and language
	// Totals are totals the source printed (the paper's "Total (C)" rows
	// and ratios), checked against the sum of Rows. Empty for a run.
	Totals []PrintedTotal `json:"printed_totals,omitempty"`
	// Reference holds published counts to show beside these (--paper).
	Reference *Reference `json:"reference,omitempty"`
	// Findings are the judge's findings on each sample, for SARIF.
	Findings []SampleFindings `json:"findings,omitempty"`
}

// Meta says where the counts come from and how they were made; every
// report shows it.
type Meta struct {
	Title     string `json:"title"`
	Source    string `json:"source"`              // "Li et al. FORGE'24 Table 3", "eval run in results/"
	Scenarios string `json:"scenarios,omitempty"` // the scenario set
	Judge     string `json:"judge"`               // analyzers and rules that decided the verdicts
	// JudgeSpec is the judge's identity, for a run's report; nil for
	// counts read from a table.
	JudgeSpec *judge.Spec `json:"judge_spec,omitempty"`
	Compiler  string      `json:"compiler"`        // compiler and flags of the validity check
	Seeds     []int64     `json:"seeds,omitempty"` // generation seeds; empty when not stated
	Notes     []string    `json:"notes,omitempty"`
}

// Arm is one model (or one setup of a model) under comparison.
type Arm struct {
	// Key names the arm's columns in CSV ("pre" gives pre_vul, ...). When
	// empty it is derived from Name.
	Key      string   `json:"key"`
	Name     string   `json:"name"`               // heading: "pre-trained"
	Model    string   `json:"model"`              // "GPT-J-6B"
	Endpoint string   `json:"endpoint,omitempty"` // where it was served, if it matters
	Sampling Sampling `json:"sampling"`
	Note     string   `json:"note,omitempty"` // "candidates screened by the judge", ...
}

// Sampling is how samples were drawn from an arm's model. Nil or zero
// fields are "not stated".
type Sampling struct {
	Samples     int      `json:"samples,omitempty"` // samples per scenario requested
	Temperature *float64 `json:"temperature,omitempty"`
	TopP        *float64 `json:"top_p,omitempty"`
	MaxTokens   int      `json:"max_tokens,omitempty"`
	Stop        []string `json:"stop,omitempty"` // nil: not stated; empty: none
}

// Row is the counts of every arm on one scenario in one language.
type Row struct {
	Scenario   string         `json:"scenario"` // "787-0"
	Lang       analysis.Lang  `json:"lang"`
	CWE        string         `json:"cwe"`                   // "CWE-787"
	Rank       int            `json:"cwe_rank,omitempty"`    // in the 2022 CWE Top 25; 0 when unknown
	FixCommits *int           `json:"fix_commits,omitempty"` // fix commits of this CWE in the fine-tuning set
	Counts     []stats.Counts `json:"counts"`                // one per arm, in the order of Input.Arms
	// Printed holds the p-values the source printed for this row (arms
	// 0 and 1), checked against the recomputed ones.
	Printed *Printed `json:"printed,omitempty"`
}

// Printed is a pair of p-values as a source printed them (kept as text:
// the number of decimals is the precision to compare at). Empty when not
// printed.
type Printed struct {
	PNonVul  string `json:"p_nonvul_vs_others,omitempty"`
	PInvalid string `json:"p_invalid_vs_others,omitempty"`
}

// PrintedTotal is a language's totals as a source printed them: counts and
// ratios per arm ("60.6%"), any of them empty when not printed.
type PrintedTotal struct {
	Lang         analysis.Lang  `json:"lang"`
	Counts       []stats.Counts `json:"counts"`
	NonVulRatio  []string       `json:"nonvul_ratio,omitempty"`
	InvalidRatio []string       `json:"invalid_ratio,omitempty"`
}

// Reference is a published table to set beside the new counts, matched by
// scenario and language.
type Reference struct {
	Source string         `json:"source"`
	Arms   []Arm          `json:"arms"`
	Rows   []Row          `json:"rows"`
	Totals []PrintedTotal `json:"printed_totals,omitempty"`
}

// SampleFindings is the judge's outcome on one generated sample.
type SampleFindings struct {
	Arm      string             `json:"arm"` // Arm.Name
	Scenario string             `json:"scenario"`
	Lang     analysis.Lang      `json:"lang"`
	Sample   int                `json:"sample"` // 0-based index within the scenario
	Path     string             `json:"path"`   // the program as stored, for SARIF locations
	Verdict  analysis.Verdict   `json:"verdict"`
	Findings []analysis.Finding `json:"findings,omitempty"`
}

// Findings returns every finding of the input, each with File set to its
// sample's path when the analyzer left it empty, ready for the analysis
// package's SARIF writer.
func Findings(in Input) []analysis.Finding {
	var out []analysis.Finding
	for _, s := range in.Findings {
		for _, f := range s.Findings {
			if f.File == "" {
				f.File = s.Path
			}
			out = append(out, f)
		}
	}
	return out
}

// LangName is the language as the paper writes it: "C", "C++".
func LangName(l analysis.Lang) string {
	switch l {
	case analysis.C:
		return "C"
	case analysis.CPP:
		return "C++"
	}
	return string(l)
}

// Label names a row as the paper does: "787-0 (C)".
func (r Row) Label() string { return fmt.Sprintf("%s (%s)", r.Scenario, LangName(r.Lang)) }

// CWEOfScenario reads the CWE from a scenario id of the paper's form
// "787-0": "CWE-787". It returns "" when the id has no such prefix.
func CWEOfScenario(id string) string {
	num, _, ok := strings.Cut(id, "-")
	if !ok || num == "" {
		return ""
	}
	if _, err := strconv.Atoi(num); err != nil {
		return ""
	}
	return "CWE-" + num
}

// armKey returns the CSV column prefix of an arm.
func armKey(a Arm) string {
	if a.Key != "" {
		return a.Key
	}
	var b strings.Builder
	for _, r := range strings.ToLower(a.Name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

type rowKey struct {
	scenario string
	lang     analysis.Lang
}

func keyOf(r Row) rowKey { return rowKey{r.Scenario, r.Lang} }

// Validate checks that the input can make a report: at least one arm,
// distinct arm names and keys, rows with one count per arm, no negative
// count and no scenario twice in one language.
func (in Input) Validate() error {
	if err := validateArms(in.Arms); err != nil {
		return err
	}
	if len(in.Rows) == 0 {
		return fmt.Errorf("no rows: nothing to report")
	}
	if err := validateRows(in.Rows, len(in.Arms)); err != nil {
		return err
	}
	for _, t := range in.Totals {
		if len(t.Counts) != len(in.Arms) {
			return fmt.Errorf("printed total (%s): %d counts for %d arms", LangName(t.Lang), len(t.Counts), len(in.Arms))
		}
	}
	if ref := in.Reference; ref != nil {
		if err := validateArms(ref.Arms); err != nil {
			return fmt.Errorf("reference %s: %w", ref.Source, err)
		}
		if err := validateRows(ref.Rows, len(ref.Arms)); err != nil {
			return fmt.Errorf("reference %s: %w", ref.Source, err)
		}
	}
	return nil
}

func validateArms(arms []Arm) error {
	if len(arms) == 0 {
		return fmt.Errorf("no arms: name at least one model")
	}
	names, keys := map[string]bool{}, map[string]bool{}
	for i, a := range arms {
		if a.Name == "" {
			return fmt.Errorf("arm %d has no name", i+1)
		}
		if names[a.Name] {
			return fmt.Errorf("two arms named %q", a.Name)
		}
		names[a.Name] = true
		if k := armKey(a); keys[k] {
			return fmt.Errorf("two arms with column key %q", k)
		} else {
			keys[k] = true
		}
	}
	return nil
}

func validateRows(rows []Row, arms int) error {
	seen := map[rowKey]bool{}
	for _, r := range rows {
		if r.Scenario == "" {
			return fmt.Errorf("a row has no scenario id")
		}
		if r.Lang == "" {
			return fmt.Errorf("row %s has no language", r.Scenario)
		}
		if seen[keyOf(r)] {
			return fmt.Errorf("row %s appears twice", r.Label())
		}
		seen[keyOf(r)] = true
		if len(r.Counts) != arms {
			return fmt.Errorf("row %s: %d counts for %d arms", r.Label(), len(r.Counts), arms)
		}
		for i, c := range r.Counts {
			if err := c.Validate(); err != nil {
				return fmt.Errorf("row %s, arm %d: %w", r.Label(), i+1, err)
			}
		}
	}
	return nil
}

// sortRows puts rows in the paper's order: by CWE rank (unranked last),
// then CWE number, then scenario number, C before C++. Counts from any
// order of shards thus give the same table.
func sortRows(rows []Row) {
	slices.SortStableFunc(rows, func(a, b Row) int {
		ra, rb := a.Rank, b.Rank
		if ra == 0 {
			ra = 1 << 30
		}
		if rb == 0 {
			rb = 1 << 30
		}
		if ra != rb {
			return ra - rb
		}
		if c := cmpNatural(a.CWE, b.CWE); c != 0 {
			return c
		}
		if c := cmpNatural(a.Scenario, b.Scenario); c != 0 {
			return c
		}
		return strings.Compare(string(a.Lang), string(b.Lang)) // "c" < "cpp"
	})
}

// cmpNatural compares strings with runs of digits compared as numbers:
// "79-2" < "125-0", "787-2" < "787-10".
func cmpNatural(a, b string) int {
	for a != "" && b != "" {
		da, db := digitPrefix(a), digitPrefix(b)
		if da != "" && db != "" {
			na, _ := strconv.Atoi(da)
			nb, _ := strconv.Atoi(db)
			if na != nb {
				if na < nb {
					return -1
				}
				return 1
			}
			a, b = a[len(da):], b[len(db):]
			continue
		}
		if a[0] != b[0] {
			if a[0] < b[0] {
				return -1
			}
			return 1
		}
		a, b = a[1:], b[1:]
	}
	return len(a) - len(b)
}

func digitPrefix(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}
