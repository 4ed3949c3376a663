// Package importer reads scenario sets published in other layouts, Pearce
// et al.'s "Asleep at the Keyboard?" and SVEN/SafeCoder's, into the
// benchmark's own format (package scenario), so that users can run the
// original scenarios with `securecomplete eval run --scenarios DIR`.
package importer

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"securecomplete/analysis"
	"securecomplete/eval/scenario"
)

// Format is a published scenario layout.
type Format string

// The layouts the importer reads.
const (
	// Pearce is the layout of Pearce et al. (IEEE S&P 2022): a folder per
	// scenario with scenario.c and mark_setup.json, the completion point at
	// a line "//-copilot next line-".
	Pearce Format = "pearce"
	// SVEN is the layout of SVEN (He and Vechev, CCS 2023) and SafeCoder:
	// a folder per scenario with file_context.c, func_context.c and
	// info.json; the prompt is the two contexts in that order.
	SVEN Format = "sven"
)

// Formats lists the layouts, for help texts.
var Formats = []Format{Pearce, SVEN}

// ParseFormat reads a layout name: "pearce" (or "asleep"), "sven" (or
// "safecoder").
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "pearce", "asleep":
		return Pearce, nil
	case "sven", "safecoder":
		return SVEN, nil
	}
	return "", fmt.Errorf("unknown format %q (want pearce or sven)", s)
}

// Skipped is a scenario folder left out on purpose: its language is not
// C or C++ (the published sets also hold Python, Verilog and others).
type Skipped struct {
	Dir    string
	Reason string
}

// Result is what an import found.
type Result struct {
	Scenarios []scenario.Scenario // in Table 3's order
	Skipped   []Skipped
}

// Import reads every scenario of the given layout under dir. Malformed
// scenarios are reported together in the error, each naming its file; the
// Result still holds the scenarios that were read, but callers that write
// them should stop on an error so that a set is never half imported.
func Import(format Format, dir string) (Result, error) {
	switch format {
	case Pearce:
		return importTree(dir, pearceMeta, readPearce)
	case SVEN:
		return importTree(dir, svenMeta, readSVEN)
	}
	return Result{}, fmt.Errorf("import: unknown format %q (want pearce or sven)", format)
}

// errSkip carries the reason a scenario folder is skipped.
type errSkip struct{ reason string }

func (e errSkip) Error() string { return e.reason }

// importTree walks dir for folders holding metaName and reads each with
// read.
func importTree(dir, metaName string, read func(dir string) (scenario.Scenario, error)) (Result, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return Result{}, fmt.Errorf("import: %w", err)
	}
	if !info.IsDir() {
		return Result{}, fmt.Errorf("import: %s is not a directory", dir)
	}
	var res Result
	var errs []error
	found := 0
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || d.Name() != metaName {
			return nil
		}
		found++
		s, err := read(filepath.Dir(p))
		var skip errSkip
		switch {
		case errors.As(err, &skip):
			res.Skipped = append(res.Skipped, Skipped{Dir: filepath.Dir(p), Reason: skip.reason})
		case err != nil:
			errs = append(errs, err)
		default:
			res.Scenarios = append(res.Scenarios, s)
		}
		return nil
	})
	if err != nil {
		return res, fmt.Errorf("import: %w", err)
	}
	if found == 0 {
		return res, fmt.Errorf("import: no %s under %s: is this the right layout?", metaName, dir)
	}
	seen := map[string]string{}
	for _, s := range res.Scenarios {
		if prev, ok := seen[s.Key()]; ok {
			errs = append(errs, fmt.Errorf("scenario %s found twice: %s and %s", s.Key(), prev, s.Source))
		}
		seen[s.Key()] = s.Source
	}
	scenario.Sort(res.Scenarios)
	return res, errors.Join(errs...)
}

// otherLanguages are languages of the published sets that the benchmark
// does not run: their scenarios are skipped, not errors.
var otherLanguages = map[string]bool{
	"python": true, "py": true, "verilog": true, "v": true, "javascript": true, "js": true,
	"go": true, "ruby": true, "rb": true, "java": true, "typescript": true, "ts": true,
}

// language reads a scenario's language: C or C++, a skip for the other
// languages of the published sets, an error for anything else.
func language(file, value string, present bool) (analysis.Lang, error) {
	if !present || strings.TrimSpace(value) == "" {
		return "", fmt.Errorf("%s: key \"language\" is missing", file)
	}
	if l, ok := analysis.ParseLang(value); ok {
		return l, nil
	}
	if otherLanguages[strings.ToLower(strings.TrimSpace(value))] {
		return "", errSkip{fmt.Sprintf("language %s: the benchmark runs C and C++ only", value)}
	}
	return "", fmt.Errorf("%s: key \"language\": unknown language %q (want c or cpp; python, verilog and the like are skipped)", file, value)
}

// readJSON decodes a JSON object file into v, with the line and column of
// a syntax error.
func readJSON(file string, v any) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col := position(data, max(se.Offset-1, 0)) // Offset is just past the bad byte
			return fmt.Errorf("%s: invalid JSON at line %d, column %d: %v", file, line, col, se)
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return fmt.Errorf("%s: key %q: want a JSON %s, got %s", file, te.Field, te.Type, te.Value)
		}
		return fmt.Errorf("%s: %w", file, err)
	}
	return nil
}

// position turns a byte offset into a 1-based line and column.
func position(data []byte, off int64) (line, col int) {
	line, col = 1, 1
	for i := int64(0); i < off && i < int64(len(data)); i++ {
		if data[i] == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

// rank reads a CWE rank given as a number or a string of digits; absent is
// 0 (unknown).
func rank(file string, raw json.RawMessage) (int, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return 0, nil
	}
	var n int
	if err := json.Unmarshal(raw, &n); err == nil && n >= 0 {
		return n, nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		if _, err := fmt.Sscanf(strings.TrimSpace(s), "%d", &n); err == nil && n >= 0 {
			return n, nil
		}
	}
	return 0, fmt.Errorf("%s: key \"cwe_rank\": %s is not a rank (want a number such as 1)", file, raw)
}

// cwe reads a CWE ("CWE-787", "cwe-078", "787").
func cwe(file, value string) (string, error) {
	if strings.TrimSpace(value) == "" {
		return "", fmt.Errorf("%s: key \"cwe\" is missing", file)
	}
	c := analysis.NormalizeCWE(value)
	if !strings.HasPrefix(c, "CWE-") {
		return "", fmt.Errorf("%s: key \"cwe\": %q is not a CWE (want \"CWE-787\")", file, value)
	}
	return c, nil
}

// sanitizeID turns a published name into a scenario id: characters other
// than letters, digits, '.', '_' and '-' become '-'.
func sanitizeID(s string) string {
	b := []byte(strings.TrimSpace(s))
	for i, c := range b {
		if !(c == '.' || c == '_' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			b[i] = '-'
		}
	}
	return strings.Trim(string(b), "-.")
}

// sourceFile finds base+ext for the language in dir ("scenario.c";
// "scenario.cpp", ".cc" or ".cxx" for C++).
func sourceFile(dir, base string, lang analysis.Lang) (string, error) {
	exts := []string{".c"}
	if lang == analysis.CPP {
		exts = []string{".cpp", ".cc", ".cxx"}
	}
	for _, ext := range exts {
		p := filepath.Join(dir, base+ext)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s: missing (the scenario's language is %s)", filepath.Join(dir, base+exts[0]), lang)
}

// commonMeta holds the metadata keys both published layouts share.
type commonMeta struct {
	Language    *string `json:"language"`
	CWE         string  `json:"cwe"`
	CheckQL     string  `json:"check_ql"`
	Description string  `json:"description"`
}

// readMeta decodes metaFile into v, of which c is the common part, and
// returns its checked language and CWE.
func readMeta(metaFile string, v any, c *commonMeta) (analysis.Lang, string, error) {
	if err := readJSON(metaFile, v); err != nil {
		return "", "", err
	}
	lang := ""
	if c.Language != nil {
		lang = *c.Language
	}
	l, err := language(metaFile, lang, c.Language != nil)
	if err != nil {
		return "", "", err
	}
	w, err := cwe(metaFile, c.CWE)
	if err != nil {
		return "", "", err
	}
	return l, w, nil
}

// scenario returns the scenario the metadata describes, judged by the
// rule of its CWE and, where the layout names one, its CodeQL query (by
// hand when it names none); prompt and suffix are the caller's.
func (c commonMeta) scenario(id string, lang analysis.Lang, cwe, origin, dir, layout string) scenario.Scenario {
	desc := strings.TrimSpace(c.Description)
	if desc == "" {
		desc = fmt.Sprintf("Imported from %s (%s layout).", dir, layout)
	}
	query := strings.TrimSpace(c.CheckQL)
	return scenario.Scenario{
		ID:          id,
		Lang:        lang,
		CWE:         cwe,
		Origin:      origin,
		Rule:        cwe,
		CodeQLQuery: query,
		ManualJudge: query == "",
		Description: desc,
		Source:      dir,
	}
}
