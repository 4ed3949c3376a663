package scenario

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"

	"securecomplete/analysis"
)

// MetaFile is the name of the metadata file that makes a directory a
// scenario; the prompt and suffix sit beside it.
const MetaFile = "scenario.toml"

//go:embed data
var builtinFS embed.FS

// Builtin returns the 56 scenarios of the paper (28 in C, 28 in C++),
// written by this project and embedded in the binary, in Table 3's order.
func Builtin() ([]Scenario, error) {
	return loadFS(builtinFS, "data", func(rel string) string { return "builtin:" + rel })
}

// LoadDir reads every scenario under dir: each directory holding a
// scenario.toml, at any depth (dir itself may be one). Errors name the file
// and, where it applies, the key. The scenarios come back in Table 3's
// order; two scenarios with the same key are an error.
func LoadDir(dir string) ([]Scenario, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("load scenarios: %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("load scenarios: %s is not a directory", dir)
	}
	ss, err := loadFS(os.DirFS(dir), ".", func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) })
	if err != nil {
		return nil, err
	}
	if len(ss) == 0 {
		return nil, fmt.Errorf("load scenarios: no %s under %s", MetaFile, dir)
	}
	return ss, nil
}

// loadFS reads the scenarios under root in fsys; name turns a path in fsys
// into the name errors and Source show.
func loadFS(fsys fs.FS, root string, name func(string) string) ([]Scenario, error) {
	var ss []Scenario
	var errs []error
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("%s: %w", name(p), err)
		}
		if d.IsDir() || d.Name() != MetaFile {
			return nil
		}
		s, err := loadOne(fsys, path.Dir(p), name)
		if err != nil {
			errs = append(errs, err)
			return nil
		}
		ss = append(ss, s)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	seen := map[string]string{}
	for _, s := range ss {
		if prev, ok := seen[s.Key()]; ok {
			errs = append(errs, fmt.Errorf("scenario %s defined twice: %s and %s", s.Key(), prev, s.Source))
		}
		seen[s.Key()] = s.Source
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	Sort(ss)
	return ss, nil
}

// meta is scenario.toml. Pointers tell a missing key from a zero value.
type meta struct {
	ID          *string `toml:"id"`
	Language    *string `toml:"language"`
	CWE         *string `toml:"cwe"`
	Rank        int     `toml:"rank"`
	Origin      string  `toml:"origin"`
	Rule        string  `toml:"rule"`
	CodeQLQuery string  `toml:"codeql_query"`
	ManualJudge bool    `toml:"manual_judge"`
	Description string  `toml:"description"`
}

// loadOne reads the scenario in directory dir of fsys.
func loadOne(fsys fs.FS, dir string, name func(string) string) (Scenario, error) {
	metaPath := path.Join(dir, MetaFile)
	file := name(metaPath)
	data, err := fs.ReadFile(fsys, metaPath)
	if err != nil {
		return Scenario{}, fmt.Errorf("%s: %w", file, err)
	}
	var m meta
	md, err := toml.Decode(string(data), &m)
	if err != nil {
		return Scenario{}, fmt.Errorf("%s: %w", file, tomlError(err))
	}
	if un := md.Undecoded(); len(un) > 0 {
		keys := make([]string, len(un))
		for i, k := range un {
			keys[i] = fmt.Sprintf("%q", k.String())
		}
		return Scenario{}, fmt.Errorf("%s: unknown key %s (known: id, language, cwe, rank, origin, rule, codeql_query, manual_judge, description)", file, strings.Join(keys, ", "))
	}
	for key, v := range map[string]*string{"id": m.ID, "language": m.Language, "cwe": m.CWE} {
		if v == nil || strings.TrimSpace(*v) == "" {
			return Scenario{}, fmt.Errorf("%s: key %q is missing", file, key)
		}
	}
	s := Scenario{
		ID:          strings.TrimSpace(*m.ID),
		CWE:         analysis.NormalizeCWE(*m.CWE),
		Rank:        m.Rank,
		Origin:      strings.TrimSpace(m.Origin),
		Rule:        strings.TrimSpace(m.Rule),
		CodeQLQuery: strings.TrimSpace(m.CodeQLQuery),
		ManualJudge: m.ManualJudge,
		Description: strings.TrimSpace(m.Description),
		Source:      name(dir),
	}
	if !ValidID(s.ID) {
		return Scenario{}, fmt.Errorf("%s: key \"id\": %q: want letters, digits, '.', '_' or '-', starting with a letter or digit", file, s.ID)
	}
	lang, ok := analysis.ParseLang(*m.Language)
	if !ok {
		return Scenario{}, fmt.Errorf("%s: key \"language\": unknown language %q (want \"c\" or \"cpp\")", file, *m.Language)
	}
	s.Lang = lang
	if !validCWE(s.CWE) {
		return Scenario{}, fmt.Errorf("%s: key \"cwe\": %q is not a CWE (want \"CWE-787\" or \"787\")", file, *m.CWE)
	}
	if s.Rank < 0 {
		return Scenario{}, fmt.Errorf("%s: key \"rank\": %d is negative (0 means unknown)", file, s.Rank)
	}
	if s.Origin == "" {
		s.Origin = OriginUser
	}
	if s.Rule == "" {
		s.Rule = string(s.CWE)
	} else if r, ok := analysis.ParseCWE(s.Rule); ok {
		s.Rule = string(r)
	}

	prompt, err := readSource(fsys, dir, "prompt", lang, name, true)
	if err != nil {
		return Scenario{}, err
	}
	if strings.TrimSpace(prompt) == "" {
		return Scenario{}, fmt.Errorf("%s: the prompt is empty", name(path.Join(dir, "prompt"+Ext(lang))))
	}
	s.Prompt = prompt
	if s.Suffix, err = readSource(fsys, dir, "suffix", lang, name, false); err != nil {
		return Scenario{}, err
	}
	return s, nil
}

// readSource reads base+ext (prompt.c, suffix.cpp) in dir. A file for the
// other language is an error: it would silently not be used.
func readSource(fsys fs.FS, dir, base string, lang analysis.Lang, name func(string) string, required bool) (string, error) {
	want := path.Join(dir, base+Ext(lang))
	data, err := fs.ReadFile(fsys, want)
	if err == nil {
		return string(data), nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("%s: %w", name(want), err)
	}
	for _, other := range []string{".c", ".cpp", ".cc", ".cxx", ".h"} {
		p := path.Join(dir, base+other)
		if _, err := fs.Stat(fsys, p); err == nil {
			return "", fmt.Errorf("%s: the scenario's language is %s (key \"language\" in %s), so this file must be named %s", name(p), lang, MetaFile, base+Ext(lang))
		}
	}
	if required {
		return "", fmt.Errorf("%s: missing: every scenario needs its prompt", name(want))
	}
	return "", nil
}

// tomlError shortens BurntSushi/toml's errors to their message with the
// line, which names the key.
func tomlError(err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		if pe.LastKey != "" {
			return fmt.Errorf("line %d, key %q: %s", pe.Position.Line, pe.LastKey, pe.Message)
		}
		return fmt.Errorf("line %d: %s", pe.Position.Line, pe.Message)
	}
	// Type mismatches come as plain errors in the library's own words.
	if m := tomlTypeError.FindStringSubmatch(err.Error()); m != nil {
		return fmt.Errorf("line %s, key %q: %s", m[1], m[2], m[3])
	}
	return err
}

var tomlTypeError = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): (.*)$`)
