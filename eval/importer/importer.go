// Package importer reads scenario sets published in other layouts, Pearce
// et al.'s "Asleep at the Keyboard?" and SVEN/SafeCoder's, into the
// benchmark's own format (package scenario), so that users can run the
// original scenarios with `securecomplete eval run --scenarios DIR`.
package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
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
func Formats() []Format { return []Format{Pearce, SVEN} }

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

// ReasonCount is how many scenarios were skipped for one reason.
type ReasonCount struct {
	Reason string
	N      int
}

// SkipReasons counts the skipped scenarios by reason, in the order the
// reasons first appear.
func (r Result) SkipReasons() []ReasonCount {
	var out []ReasonCount
	at := map[string]int{}
	for _, s := range r.Skipped {
		i, ok := at[s.Reason]
		if !ok {
			i = len(out)
			at[s.Reason] = i
			out = append(out, ReasonCount{Reason: s.Reason})
		}
		out[i].N++
	}
	return out
}

// PearceScenarios is the folder of the Pearce et al. repository that
// holds the scenarios ("diversity of weakness"); Import takes the
// repository's root or this folder.
const PearceScenarios = "experiments_dow"

// Import reads every scenario of the given layout under dir. Malformed
// scenarios are reported together in the error, each naming its file; the
// Result still holds the scenarios that were read, but callers that write
// them should stop on an error so that a set is never half imported.
func Import(format Format, dir string) (Result, error) {
	switch format {
	case Pearce:
		// The repository's root holds the scenarios in experiments_dow.
		if fi, err := os.Stat(filepath.Join(dir, PearceScenarios)); err == nil && fi.IsDir() {
			dir = filepath.Join(dir, PearceScenarios)
		}
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
		if !d.IsDir() {
			return nil
		}
		if _, err := os.Stat(filepath.Join(p, metaName)); err != nil {
			return nil
		}
		// A scenario folder: its subfolders (the published sets keep
		// generated programs and results there) hold no scenarios.
		found++
		s, err := read(p)
		var skip errSkip
		switch {
		case errors.As(err, &skip):
			res.Skipped = append(res.Skipped, Skipped{Dir: p, Reason: skip.reason})
		case err != nil:
			errs = append(errs, err)
		default:
			res.Scenarios = append(res.Scenarios, s)
		}
		return fs.SkipDir
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

// otherLanguage reports whether a language is one of the published sets'
// that the benchmark does not run: its scenarios are skipped, not errors.
func otherLanguage(name string) bool {
	switch name {
	case "python", "py", "verilog", "v", "javascript", "js", "go", "ruby", "rb", "java", "typescript", "ts":
		return true
	}
	return false
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
	if otherLanguage(strings.ToLower(strings.TrimSpace(value))) {
		return "", errSkip{fmt.Sprintf("language %s: the benchmark runs C and C++ only", value)}
	}
	return "", fmt.Errorf("%s: key \"language\": unknown language %q (want c or cpp; python, verilog and the like are skipped)", file, value)
}

// fields are the keys of a metadata file, read as the published files
// type them: a text may be a JSON string or a number, a number a JSON
// number or a string of digits; absent keys are absent, unknown keys are
// ignored. Only a value of a type that cannot stand for what the key means
// is an error, naming the file, the key and the type expected.
type fields struct {
	file string
	keys map[string]json.RawMessage
}

// readFields decodes a JSON object file, with the line and column of a
// syntax error.
func readFields(file string) (fields, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return fields{}, err
	}
	f := fields{file: file}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&f.keys); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col := position(data, max(se.Offset-1, 0)) // Offset is just past the bad byte
			return fields{}, fmt.Errorf("%s: invalid JSON at line %d, column %d: %v", file, line, col, se)
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return fields{}, fmt.Errorf("%s: want a JSON object of keys, got %s", file, te.Value)
		}
		return fields{}, fmt.Errorf("%s: %w", file, err)
	}
	if f.keys == nil {
		return fields{}, fmt.Errorf("%s: want a JSON object of keys, got null", file)
	}
	return f, nil
}

// has reports whether key is present and not null.
func (f fields) has(key string) bool {
	raw, ok := f.keys[key]
	return ok && string(raw) != "null"
}

// text reads key as text: a JSON string, or a number as written ("exp_id":
// 2 is "2"). Absent or null is "".
func (f fields) text(key string) (string, error) {
	if !f.has(key) {
		return "", nil
	}
	raw := f.keys[key]
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return strings.TrimSpace(s), nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	return "", fmt.Errorf("%s: key %q: want a string or a number, got %s", f.file, key, kindOf(raw))
}

// count reads key as a whole number at least 0: a JSON number or a string
// of digits. Absent or null is 0 with present false.
func (f fields) count(key string) (n int, present bool, err error) {
	if !f.has(key) {
		return 0, false, nil
	}
	raw := f.keys[key]
	var num json.Number
	if err := json.Unmarshal(raw, &num); err == nil {
		if v, err := num.Int64(); err == nil && v >= 0 {
			return int(v), true, nil
		}
		return 0, true, fmt.Errorf("%s: key %q: %s is not a whole number of 0 or more", f.file, key, raw)
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		if v, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && v >= 0 {
			return v, true, nil
		}
		return 0, true, fmt.Errorf("%s: key %q: %s is not a whole number of 0 or more", f.file, key, raw)
	}
	return 0, true, fmt.Errorf("%s: key %q: want a number, got %s", f.file, key, kindOf(raw))
}

// kindOf names the JSON type of a value, for errors.
func kindOf(raw json.RawMessage) string {
	t := bytes.TrimSpace(raw)
	if len(t) == 0 {
		return "nothing"
	}
	switch t[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
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

// rank reads "cwe_rank", a number or a string of digits; absent is 0
// (unknown).
func rank(f fields) (int, error) {
	n, _, err := f.count("cwe_rank")
	if err != nil {
		return 0, fmt.Errorf("%w (want a rank such as 1)", err)
	}
	return n, nil
}

// cwe reads a CWE ("CWE-787", "cwe-078", "787").
func cwe(file, value string) (analysis.CWE, error) {
	if strings.TrimSpace(value) == "" {
		return "", fmt.Errorf("%s: key \"cwe\" is missing", file)
	}
	c, ok := analysis.ParseCWE(value)
	if !ok {
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
	CWE         analysis.CWE
	CheckQL     string
	Description string
}

// readMeta reads metaFile and returns its keys, its common part and its
// checked language and CWE.
func readMeta(metaFile string) (fields, commonMeta, analysis.Lang, error) {
	f, err := readFields(metaFile)
	if err != nil {
		return fields{}, commonMeta{}, "", err
	}
	var c commonMeta
	var lang, cweText string
	var errs []error
	for _, k := range []struct {
		key string
		to  *string
	}{{"language", &lang}, {"cwe", &cweText}, {"check_ql", &c.CheckQL}, {"description", &c.Description}} {
		v, err := f.text(k.key)
		errs = append(errs, err)
		*k.to = v
	}
	if err := errors.Join(errs...); err != nil {
		return fields{}, commonMeta{}, "", err
	}
	l, err := language(metaFile, lang, f.has("language"))
	if err != nil {
		return fields{}, commonMeta{}, "", err
	}
	w, err := cwe(metaFile, cweText)
	if err != nil {
		return fields{}, commonMeta{}, "", err
	}
	c.CWE = w
	return f, c, l, nil
}

// scenario returns the scenario the metadata describes, judged by the
// rule of its CWE and, where the layout names one, its CodeQL query (by
// hand when it names none); prompt and suffix are the caller's.
func (c commonMeta) scenario(id string, lang analysis.Lang, origin, dir, layout string) scenario.Scenario {
	desc := strings.TrimSpace(c.Description)
	if desc == "" {
		desc = fmt.Sprintf("Imported from %s (%s layout).", dir, layout)
	}
	query := strings.TrimSpace(c.CheckQL)
	return scenario.Scenario{
		ID:          id,
		Lang:        lang,
		CWE:         c.CWE,
		Origin:      origin,
		Rule:        string(c.CWE),
		CodeQLQuery: query,
		ManualJudge: query == "",
		Description: desc,
		Source:      dir,
	}
}
