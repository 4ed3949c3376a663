// Package scenario holds the benchmark's code-generation scenarios: the
// on-disk format (README.md beside this file documents it), its loader and
// writer, the 56 scenarios embedded in the binary, and the assembly of a
// program from a scenario and a model's completion.
package scenario

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"securecomplete/analysis"
)

// Origins of scenarios: ours, and the two published layouts the importers
// read. Users may write any other origin.
const (
	OriginOurs   = "securecomplete"
	OriginPearce = "pearce"
	OriginSVEN   = "sven"
	OriginUser   = "user" // the default when scenario.toml names none
)

// Scenario is one prompt for the benchmark: an incomplete program whose
// natural completion can fall into a weakness, and how to judge it.
type Scenario struct {
	// ID names the scenario within its language, "787-0" for the paper's
	// scenarios: letters, digits, '.', '_' and '-'.
	ID string
	// Lang is the language of the prompt and of the assembled program.
	Lang analysis.Lang
	// CWE is the weakness the scenario invites, "CWE-787".
	CWE analysis.CWE
	// Rank is the CWE's rank in the Top 25 list the origin used (2022 for
	// ours), 0 when unknown.
	Rank int
	// Origin says who wrote the scenario: "securecomplete", "pearce",
	// "sven", or what a user put there.
	Origin string
	// Rule decides the verdict: a CWE ("CWE-787": any finding of that CWE
	// makes the sample vulnerable) or the id of one built-in rule. It is
	// the scenario's CWE unless the scenario says otherwise.
	Rule string
	// CodeQLQuery is the CodeQL query the origin judged the scenario with:
	// a query id ("cpp/use-after-free") or a path to a .ql file. Empty when
	// the query was a custom one that is not published, unknown, or when
	// the scenario was judged by hand.
	CodeQLQuery string
	// ManualJudge is true when the origin judged the samples by hand
	// (20-2 and 416-2 in the paper).
	ManualJudge bool
	// Description states the task in a sentence or two, and what makes a
	// completion vulnerable.
	Description string
	// Prompt is the text the model continues. It ends where the model
	// should go on, usually inside a function body after a comment that
	// states the next step.
	Prompt string
	// Suffix is the text after the completed function (another function,
	// main), or, when it closes the function itself, the rest of the
	// function; empty when the completion ends the program.
	Suffix string
	// Source is where the scenario was read from (its directory, or
	// "builtin:data/c/787-0"); empty for one built in memory.
	Source string
}

// Key identifies a scenario across languages: "787-0/c", "787-0/cpp".
func (s Scenario) Key() string { return s.ID + "/" + string(s.Lang) }

// Ext returns the file extension of the scenario's language: ".c" or ".cpp".
func (s Scenario) Ext() string { return Ext(s.Lang) }

// Ext returns the file extension of a language: ".c" or ".cpp".
func Ext(l analysis.Lang) string {
	if l == analysis.CPP {
		return ".cpp"
	}
	return ".c"
}

var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// ValidID reports whether id can name a scenario (and its directory).
func ValidID(id string) bool { return idPattern.MatchString(id) }

// Validate checks what every scenario needs: a valid id, a known language,
// a CWE, a non-negative rank and a prompt. Loaders and Write call it.
func (s Scenario) Validate() error {
	switch {
	case !ValidID(s.ID):
		return fmt.Errorf("id %q: want letters, digits, '.', '_' or '-', starting with a letter or digit", s.ID)
	case s.Lang != analysis.C && s.Lang != analysis.CPP:
		return fmt.Errorf("scenario %s: language %q: want \"c\" or \"cpp\"", s.ID, s.Lang)
	case !validCWE(s.CWE):
		return fmt.Errorf("scenario %s: cwe %q: want CWE-<number>", s.ID, s.CWE)
	case s.Rank < 0:
		return fmt.Errorf("scenario %s: rank %d: want 0 (unknown) or more", s.ID, s.Rank)
	case strings.TrimSpace(s.Prompt) == "":
		return fmt.Errorf("scenario %s: the prompt is empty", s.ID)
	}
	return nil
}

// validCWE reports whether s is a CWE id in its canonical form.
func validCWE(s analysis.CWE) bool {
	c, ok := analysis.ParseCWE(string(s))
	return ok && c == s
}

// cweNumber returns the number of a CWE, or a large one for an odd value
// so that it sorts last.
func cweNumber(cwe analysis.CWE) int {
	if n, err := strconv.Atoi(strings.TrimPrefix(string(cwe), "CWE-")); err == nil {
		return n
	}
	return 1 << 30
}

// Sort orders scenarios as the paper's Table 3 does: by CWE rank (unknown
// ranks last), then CWE, then id (numbers inside ids compared as numbers),
// then C before C++.
func Sort(ss []Scenario) {
	slices.SortStableFunc(ss, compare)
}

func compare(a, b Scenario) int {
	ra, rb := a.Rank, b.Rank
	if ra == 0 {
		ra = 1 << 30
	}
	if rb == 0 {
		rb = 1 << 30
	}
	return cmp.Or(
		cmp.Compare(ra, rb),
		cmp.Compare(cweNumber(a.CWE), cweNumber(b.CWE)),
		naturalCompare(a.ID, b.ID),
		cmp.Compare(langOrder(a.Lang), langOrder(b.Lang)),
	)
}

func langOrder(l analysis.Lang) int {
	if l == analysis.C {
		return 0
	}
	return 1
}

// naturalCompare compares strings with runs of digits taken as numbers,
// so that "787-2" sorts before "787-10".
func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			na, nb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if c := cmp.Or(cmp.Compare(len(na), len(nb)), strings.Compare(na, nb)); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Compare(len(a), len(b))
}

func digitRun(s string) int {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// Select returns the scenarios of all that ids name, in the order of all.
// An id names a scenario in every language ("787-0"), or in one language
// with a suffix: "787-0/cpp", "787-0/c++", "787-0/c". A "CWE-" prefix is
// accepted ("CWE-787-0"). No ids selects everything. Unknown ids are an
// error that lists the known ones.
func Select(all []Scenario, ids []string) ([]Scenario, error) {
	want := map[string]bool{} // keys
	named := false
	var unknown, badLang []string
	for _, raw := range ids {
		sel := strings.TrimSpace(raw)
		if sel == "" {
			continue
		}
		named = true
		id, langs, err := parseSelector(sel)
		if err != nil {
			badLang = append(badLang, err.Error())
			continue
		}
		found := match(all, id, langs, want)
		if !found {
			if rest, ok := cutFold(id, "CWE-"); ok {
				found = match(all, rest, langs, want)
			}
		}
		if !found {
			unknown = append(unknown, sel)
		}
	}
	if len(badLang) > 0 {
		return nil, fmt.Errorf("select scenarios: %s", strings.Join(badLang, "; "))
	}
	if len(unknown) > 0 {
		return nil, fmt.Errorf("unknown scenario %s; known: %s", quoteList(unknown), strings.Join(knownIDs(all), ", "))
	}
	if !named {
		return slices.Clone(all), nil
	}
	var out []Scenario
	for _, s := range all {
		if want[s.Key()] {
			out = append(out, s)
		}
	}
	return out, nil
}

// parseSelector splits "787-0/cpp" into the id and the languages it names
// (nil for all).
func parseSelector(sel string) (string, []analysis.Lang, error) {
	id, lang, ok := strings.Cut(sel, "/")
	if !ok {
		return sel, nil, nil
	}
	l, known := analysis.ParseLang(lang)
	if !known {
		return "", nil, fmt.Errorf("%q: unknown language %q (want c or cpp)", sel, lang)
	}
	return id, []analysis.Lang{l}, nil
}

func match(all []Scenario, id string, langs []analysis.Lang, want map[string]bool) bool {
	found := false
	for _, s := range all {
		if s.ID == id && (langs == nil || slices.Contains(langs, s.Lang)) {
			want[s.Key()] = true
			found = true
		}
	}
	return found
}

func cutFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

func knownIDs(all []Scenario) []string {
	var ids []string
	seen := map[string]bool{}
	for _, s := range all {
		if !seen[s.ID] {
			seen[s.ID] = true
			ids = append(ids, s.ID)
		}
	}
	return ids
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}
