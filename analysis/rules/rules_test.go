package rules

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"securecomplete/analysis"
)

// The test data: C and C++ programs under testdata/cweNNN/, written for
// these tests. A line that must be reported carries a comment
// "// want CWE-787" (several CWEs may follow, and "CWE-787:rule-id" pins
// the rule). Every finding must be wanted and every want found; the
// fixed twin of a vulnerable program carries no want at all.

var wantRE = regexp.MustCompile(`//\s*want\s+(.*)$`)

type want struct {
	line int
	cwe  string
	rule string
}

func parseWants(t *testing.T, path string, src []byte) []want {
	t.Helper()
	var out []want
	for i, line := range strings.Split(string(src), "\n") {
		m := wantRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		for _, tok := range strings.Fields(m[1]) {
			cwe, rule, _ := strings.Cut(tok, ":")
			if !strings.HasPrefix(cwe, "CWE-") {
				t.Fatalf("%s:%d: bad want %q (want CWE-N or CWE-N:rule-id)", path, i+1, tok)
			}
			out = append(out, want{line: i + 1, cwe: cwe, rule: rule})
		}
	}
	return out
}

func TestRulesOnTestdata(t *testing.T) {
	var files []string
	err := filepath.WalkDir("testdata", func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasPrefix(p, filepath.Join("testdata", "cwe")) {
			if _, ok := analysis.LangOf(p); ok {
				files = append(files, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no test programs under testdata/")
	}
	ch := New()
	ruleIDs := map[string]bool{}
	for _, r := range ch.Rules() {
		ruleIDs[r.Name] = true
	}
	covered := map[string]bool{}
	for _, path := range files {
		t.Run(strings.TrimPrefix(filepath.ToSlash(path), "testdata/"), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			lang, _ := analysis.LangOf(path)
			wants := parseWants(t, path, src)
			for _, w := range wants {
				if w.rule != "" && !ruleIDs[w.rule] {
					t.Fatalf("line %d wants unknown rule %q", w.line, w.rule)
				}
			}
			fs, err := ch.Check(context.Background(), analysis.File{Path: path, Lang: lang, Src: src})
			if err != nil {
				t.Fatalf("Check: %v", err)
			}
			matched := make([]bool, len(wants))
			for _, f := range fs {
				ok := false
				for i, w := range wants {
					if w.line == f.Line && w.cwe == string(f.CWE) && (w.rule == "" || w.rule == f.Rule) {
						matched[i], ok = true, true
					}
				}
				if !ok {
					t.Errorf("unexpected finding at line %d: %s %s: %s", f.Line, f.CWE, f.Rule, f.Message)
				}
				if f.Message == "" || f.Fix == "" || f.Column < 1 || f.Analyzer != "builtin" || f.File != path {
					t.Errorf("incomplete finding at line %d: %+v", f.Line, f)
				}
				covered[f.Rule] = true
			}
			for i, w := range wants {
				if !matched[i] {
					t.Errorf("missing finding at line %d: want %s %s", w.line, w.cwe, w.rule)
				}
			}
		})
	}
	// Every rule has at least one program that shows it.
	var missing []string
	for id := range ruleIDs {
		if !covered[id] {
			missing = append(missing, id)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("rules without a test program that triggers them: %v", missing)
	}
}

// TestTestdataPairs checks that every vulnerable program has a fixed
// twin (NAME_vuln.c beside NAME_fixed.c) and the other way round.
func TestTestdataPairs(t *testing.T) {
	seen := map[string]map[string]bool{}
	filepath.WalkDir("testdata", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasPrefix(p, filepath.Join("testdata", "cwe")) {
			return err
		}
		base := strings.TrimSuffix(p, filepath.Ext(p))
		for _, kind := range []string{"_vuln", "_fixed"} {
			if strings.HasSuffix(base, kind) {
				key := strings.TrimSuffix(base, kind) + filepath.Ext(p)
				if seen[key] == nil {
					seen[key] = map[string]bool{}
				}
				seen[key][kind] = true
			}
		}
		return nil
	})
	for key, kinds := range seen {
		if !kinds["_vuln"] || !kinds["_fixed"] {
			t.Errorf("%s: want both a _vuln and a _fixed program, have %v", key, kinds)
		}
	}
	if len(seen) == 0 {
		t.Fatal("no test programs")
	}
}

func ExampleChecker_Check() {
	src := `#include <stdio.h>
#include <stdlib.h>
int main(int argc, char *argv[]) {
    char cmd[256];
    snprintf(cmd, sizeof cmd, "ls %s", argv[1]);
    return system(cmd);
}
`
	fs, err := New().Check(context.Background(), analysis.File{Path: "ls.c", Lang: analysis.C, Src: []byte(src)})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range fs {
		fmt.Printf("%s:%d:%d %s %s\n", f.File, f.Line, f.Column, f.CWE, f.Rule)
	}
	// Output:
	// ls.c:6:12 CWE-78 cwe78-command-injection
}

// TestRegistry walks the rule registry: every rule has a name, a CWE as analysis.NormalizeCWE writes it, a doc, a fix,
// a Run, known fact kinds, and at least one testdata program in which it
// reports a line that wants it.
func TestRegistry(t *testing.T) {
	var files []string
	filepath.WalkDir("testdata", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasPrefix(p, filepath.Join("testdata", "cwe")) {
			if _, ok := analysis.LangOf(p); ok {
				files = append(files, p)
			}
		}
		return err
	})
	// The wanted findings of every testdata program, by rule.
	ch := New()
	cases := map[string][]string{}
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		lang, _ := analysis.LangOf(path)
		wanted := map[int]bool{}
		for _, w := range parseWants(t, path, src) {
			wanted[w.line] = true
		}
		fs, err := ch.Check(context.Background(), analysis.File{Path: path, Lang: lang, Src: src})
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, f := range fs {
			if wanted[f.Line] {
				cases[f.Rule] = append(cases[f.Rule], fmt.Sprintf("%s:%d", path, f.Line))
			}
		}
	}
	rs := All()
	if len(rs) == 0 {
		t.Fatal("no rules")
	}
	names := map[string]bool{}
	for _, r := range rs {
		t.Run(r.Name, func(t *testing.T) {
			if r.Name == "" || names[r.Name] {
				t.Fatalf("empty or repeated name %q", r.Name)
			}
			names[r.Name] = true
			if r.CWE == "" || analysis.NormalizeCWE(string(r.CWE)) != r.CWE || r.CWE.Number() == 0 {
				t.Errorf("CWE %q is not a normalised CWE", r.CWE)
			}
			if strings.TrimSpace(r.Doc) == "" || strings.TrimSpace(r.Fix) == "" {
				t.Errorf("doc %q, fix %q: want both", r.Doc, r.Fix)
			}
			if r.Run == nil {
				t.Error("no Run")
			}
			for _, k := range r.Requires {
				if k <= Syntax || k >= numFacts {
					t.Errorf("requires %v: not a kind to require (Syntax is always there)", k)
				}
			}
			if len(cases[r.Name]) == 0 {
				t.Errorf("no testdata program has a wanted line this rule reports")
			}
		})
	}
	if got := ch.Rules(); len(got) != len(rs) {
		t.Errorf("Checker.Rules lists %d rules, All %d", len(got), len(rs))
	}
}
