package scenario

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Dir returns where Write puts a scenario under root: root/<lang>/<id>.
func Dir(root string, s Scenario) string {
	return filepath.Join(root, string(s.Lang), s.ID)
}

// Write stores scenarios under dir in the format LoadDir reads, one
// directory each, dir/<lang>/<id>: scenario.toml, prompt.c|cpp and, when
// there is a suffix, suffix.c|cpp. A scenario directory that exists is
// replaced (its three files rewritten, a stale suffix removed); other
// files are left alone. Every scenario is validated before anything is
// written.
func Write(dir string, ss []Scenario) error {
	seen := map[string]bool{}
	for _, s := range ss {
		if err := s.Validate(); err != nil {
			return fmt.Errorf("write scenarios: %w", err)
		}
		if seen[s.Key()] {
			return fmt.Errorf("write scenarios: %s appears twice", s.Key())
		}
		seen[s.Key()] = true
	}
	for _, s := range ss {
		if err := writeOne(Dir(dir, s), s); err != nil {
			return fmt.Errorf("write scenario %s: %w", s.Key(), err)
		}
	}
	return nil
}

func writeOne(dir string, s Scenario) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, MetaFile), []byte(EncodeMeta(s)), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "prompt"+s.Ext()), []byte(s.Prompt), 0o644); err != nil {
		return err
	}
	suffix := filepath.Join(dir, "suffix"+s.Ext())
	if s.Suffix == "" {
		if err := os.Remove(suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		return nil
	}
	return os.WriteFile(suffix, []byte(s.Suffix), 0o644)
}

// EncodeMeta returns the scenario.toml of s, keys in the documented order.
func EncodeMeta(s Scenario) string {
	var b strings.Builder
	kv := func(k, v string) { fmt.Fprintf(&b, "%-12s = %s\n", k, v) }
	kv("id", tomlString(s.ID))
	kv("language", tomlString(string(s.Lang)))
	kv("cwe", tomlString(string(s.CWE)))
	kv("rank", strconv.Itoa(s.Rank))
	origin := s.Origin
	if origin == "" {
		origin = OriginUser
	}
	kv("origin", tomlString(origin))
	rule := s.Rule
	if rule == "" {
		rule = string(s.CWE)
	}
	kv("rule", tomlString(rule))
	kv("codeql_query", tomlString(s.CodeQLQuery))
	kv("manual_judge", strconv.FormatBool(s.ManualJudge))
	if strings.Contains(s.Description, "\n") {
		kv("description", `"""`+"\n"+escapeTOML(s.Description, true)+`"""`)
	} else {
		kv("description", tomlString(s.Description))
	}
	return b.String()
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string { return `"` + escapeTOML(s, false) + `"` }

// escapeTOML escapes s for a TOML basic string, or for a multi-line basic
// string (where newlines and tabs stay as they are).
func escapeTOML(s string, multiline bool) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			b.WriteString(`\uFFFD`) // invalid UTF-8 cannot be stored in TOML
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n' && multiline:
			b.WriteByte('\n')
		case r == '\t':
			if multiline {
				b.WriteByte('\t')
			} else {
				b.WriteString(`\t`)
			}
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
