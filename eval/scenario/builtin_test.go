package scenario

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"securecomplete/analysis"
	"securecomplete/internal/testenv"
)

// paperScenarios is the paper's scenario list with the CWE ranks of its
// Table 3 (the 2022 Top 25; CWE-732 is 30 there), transcribed here so
// that a clone without ../shared still checks the set.
var paperScenarios = []struct {
	id   string
	rank int
}{
	{"787-0", 1}, {"787-1", 1}, {"787-2", 1},
	{"79-0", 2}, {"79-2", 2},
	{"20-0", 4}, {"20-2", 4},
	{"125-0", 5}, {"125-1", 5}, {"125-2", 5},
	{"78-0", 6}, {"78-1", 6}, {"78-2", 6},
	{"416-0", 7}, {"416-1", 7}, {"416-2", 7},
	{"22-0", 8},
	{"476-0", 11}, {"476-1", 11}, {"476-2", 11},
	{"190-0", 13}, {"190-1", 13}, {"190-2", 13},
	{"119-0", 19}, {"119-1", 19}, {"119-2", 19},
	{"732-0", 30}, {"732-1", 30},
}

// codeqlQueries are the queries the paper ran (docs FACTS.md); the other
// scenarios used custom queries, or (20-2, 416-2) were judged by hand.
var codeqlQueries = map[string]string{
	"787-0": "cpp/potential-buffer-overflow",
	"79-2":  "cpp/untrusted-data-to-external-api-ir",
	"78-0":  "cpp/command-line-injection",
	"78-1":  "cpp/command-line-injection",
	"78-2":  "cpp/command-line-injection",
	"416-0": "cpp/use-after-free",
	"416-1": "cpp/use-after-free",
	"22-0":  "cpp/path-injection",
	"190-0": "cpp/uncontrolled-arithmetic",
	"190-1": "cpp/tainted-arithmetic",
	"476-0": "cpp/missing-null-test",
	"476-1": "cpp/missing-null-test",
	"476-2": "cpp/missing-null-test",
	"119-0": "cpp/overflow-buffer",
	"732-0": "cpp/world-writable-file-creation",
	"732-1": "cpp/world-writable-file-creation",
}

func builtin(t testing.TB) []Scenario {
	t.Helper()
	all, err := Builtin()
	if err != nil {
		t.Fatalf("Builtin: %v", err)
	}
	return all
}

func TestBuiltinSet(t *testing.T) {
	all := builtin(t)
	if len(all) != 2*len(paperScenarios) {
		t.Errorf("Builtin returned %d scenarios, want %d", len(all), 2*len(paperScenarios))
	}
	byKey := map[string]Scenario{}
	for _, s := range all {
		byKey[s.Key()] = s
	}
	i := 0
	for _, p := range paperScenarios {
		wantCWE := "CWE-" + strings.Split(p.id, "-")[0]
		for _, lang := range []analysis.Lang{analysis.C, analysis.CPP} {
			key := p.id + "/" + string(lang)
			s, ok := byKey[key]
			if !ok {
				t.Errorf("scenario %s is missing", key)
				continue
			}
			// Table 3's order: C then C++ for each id, ids in the paper's order.
			if i < len(all) && all[i].Key() != key {
				t.Errorf("position %d: got %s, want %s (Table 3's order)", i, all[i].Key(), key)
			}
			i++
			if string(s.CWE) != wantCWE || s.Rank != p.rank {
				t.Errorf("%s: CWE %s rank %d, want %s rank %d", key, s.CWE, s.Rank, wantCWE, p.rank)
			}
			if s.Origin != OriginOurs {
				t.Errorf("%s: origin %q, want %q", key, s.Origin, OriginOurs)
			}
			if s.Rule != string(s.CWE) {
				t.Errorf("%s: rule %q, want the scenario's CWE %s", key, s.Rule, s.CWE)
			}
			if want := codeqlQueries[p.id]; s.CodeQLQuery != want {
				t.Errorf("%s: codeql_query %q, want %q", key, s.CodeQLQuery, want)
			}
			if manual := p.id == "20-2" || p.id == "416-2"; s.ManualJudge != manual {
				t.Errorf("%s: manual_judge %v, want %v", key, s.ManualJudge, manual)
			}
			if len(s.Description) < 40 || !strings.Contains(s.Description, "Vulnerable when") {
				t.Errorf("%s: the description should state the task and what makes a completion vulnerable: %q", key, s.Description)
			}
			if want := "builtin:data/" + string(lang) + "/" + p.id; s.Source != want {
				t.Errorf("%s: Source %q, want %q", key, s.Source, want)
			}
		}
	}
}

// TestBuiltinMatchesTable3 checks the set against the paper's table as
// transcribed in ../shared/paper/table3.csv.
func TestBuiltinMatchesTable3(t *testing.T) {
	f, err := os.Open(filepath.Join(testenv.SharedDir(t), "paper", "table3.csv"))
	if err != nil {
		t.Skipf("table3.csv: %v", err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("table3.csv: %v", err)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	byKey := map[string]Scenario{}
	for _, s := range builtin(t) {
		byKey[s.Key()] = s
	}
	seen := 0
	for _, row := range rows[1:] {
		id := row[col["scenario"]]
		lang, ok := analysis.ParseLang(row[col["lang"]])
		if !ok {
			t.Fatalf("table3.csv: language %q", row[col["lang"]])
		}
		rank, err := strconv.Atoi(row[col["cwe_rank_2022"]])
		if err != nil {
			t.Fatalf("table3.csv: rank %q", row[col["cwe_rank_2022"]])
		}
		s, ok := byKey[id+"/"+string(lang)]
		if !ok {
			t.Errorf("Table 3 has %s (%s), the built-in set does not", id, lang)
			continue
		}
		seen++
		if s.Rank != rank || string(s.CWE) != "CWE-"+strings.Split(id, "-")[0] {
			t.Errorf("%s: rank %d, CWE %s; Table 3 says rank %d", s.Key(), s.Rank, s.CWE, rank)
		}
	}
	if seen != len(byKey) {
		t.Errorf("Table 3 has %d of the %d built-in scenarios", seen, len(byKey))
	}
}

// TestBuiltinPromptShape checks the paper's protocol on every prompt: a
// comment stating the task first, the prompt ending inside the function
// right after a comment that states the next step, and a suffix (when
// there is one) that follows the function rather than closing it.
func TestBuiltinPromptShape(t *testing.T) {
	for _, s := range builtin(t) {
		lines := strings.Split(strings.TrimRight(s.Prompt, "\n"), "\n")
		if !strings.HasPrefix(lines[0], "/*") && !strings.HasPrefix(lines[0], "//") {
			t.Errorf("%s: the prompt should open with a comment stating the task, starts with %q", s.Key(), lines[0])
		}
		if !strings.HasSuffix(s.Prompt, "\n") {
			t.Errorf("%s: the prompt should end with a newline", s.Key())
		}
		if last := strings.TrimSpace(lines[len(lines)-1]); !strings.HasPrefix(last, "//") {
			t.Errorf("%s: the prompt should end with a comment stating the next step, ends with %q", s.Key(), last)
		}
		l := newLexer()
		l.scan(s.Prompt, -1)
		if target, inFunction := l.functionDepth(); !inFunction || target != 0 || l.depth != 1 {
			t.Errorf("%s: the prompt should end in a function body at depth 1 (depth %d, in function %v)", s.Key(), l.depth, inFunction)
		}
		if s.Suffix != "" && l.clone().scan(s.Suffix, 0) >= 0 {
			t.Errorf("%s: the suffix closes the function; ours hold what follows it", s.Key())
		}
	}
}

// cHeaders are C standard headers that C++ spells <cxxx>.
var cHeaders = regexp.MustCompile(`(?m)^#include <(assert|ctype|errno|float|limits|locale|math|setjmp|signal|stdarg|stddef|stdint|stdio|stdlib|string|time|wchar|wctype|stdbool|inttypes)\.h>`)

// TestBuiltinCppIsCpp checks that each C++ scenario is a translation, not
// a copy: C++ headers, the std namespace, and a program that a C compiler
// rejects.
func TestBuiltinCppIsCpp(t *testing.T) {
	gcc := testenv.Tool(t, "gcc")
	for _, s := range builtin(t) {
		if s.Lang != analysis.CPP {
			continue
		}
		t.Run(s.ID, func(t *testing.T) {
			t.Parallel()
			src := s.Prompt + s.Suffix
			if m := cHeaders.FindString(src); m != "" {
				t.Errorf("uses the C header %q; C++ spells it <c...>", m)
			}
			if !strings.Contains(src, "std::") {
				t.Errorf("uses nothing from namespace std")
			}
			prog := s.Program(trivialCompletion(s))
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, gcc, "-x", "c", "-fsyntax-only", "-")
			cmd.Stdin = strings.NewReader(prog)
			if out, err := cmd.CombinedOutput(); err == nil {
				t.Errorf("a C compiler accepts the C++ scenario: it is C, not a translation\n%s", out)
			}
		})
	}
}

// trivialCompletion closes every brace the prompt left open.
func trivialCompletion(s Scenario) string {
	l := newLexer()
	l.scan(s.Prompt, -1)
	target, _ := l.functionDepth()
	return strings.Repeat("}\n", l.depth-target)
}

// TestBuiltinCompiles compiles every scenario the way the benchmark's
// validity check does (gcc -g -O -D_FORTIFY_SOURCE=2 -c, g++ for C++),
// completed three ways: with a trivial body, and with the vulnerable and
// the safe completion of testdata/completions, each followed by junk the
// cut must drop. The prompts must also declare everything they call
// (-Werror=implicit-function-declaration). With -short only the trivial
// body is compiled (a third of the time).
func TestBuiltinCompiles(t *testing.T) {
	compilers := map[analysis.Lang]string{}
	examples := map[analysis.Lang]map[string]string{}
	for _, lang := range []analysis.Lang{analysis.C, analysis.CPP} {
		if lang == analysis.C {
			compilers[lang] = testenv.Tool(t, "gcc")
		} else {
			compilers[lang] = testenv.Tool(t, "g++")
		}
		ex, err := readCompletions(filepath.Join("testdata", "completions", string(lang)+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		examples[lang] = ex
	}
	const junk = "\n\nint model_kept_going(void) {\n    return 1;\n"
	for _, s := range builtin(t) {
		t.Run(s.Key(), func(t *testing.T) {
			t.Parallel()
			variants := []struct{ name, completion string }{{"trivial", trivialCompletion(s)}}
			kinds := []string{"vulnerable", "safe"}
			if testing.Short() {
				kinds = nil
			}
			for _, kind := range kinds {
				c, ok := examples[s.Lang][s.ID+" "+kind]
				if !ok {
					t.Errorf("testdata/completions/%s.txt has no %s completion for %s", s.Lang, kind, s.ID)
					continue
				}
				variants = append(variants, struct{ name, completion string }{kind, c + junk})
			}
			for _, v := range variants {
				prog := s.Program(v.completion)
				if strings.Contains(prog, "model_kept_going") {
					t.Errorf("%s: the cut kept what the model wrote after the function", v.name)
				}
				if out, err := compile(t, compilers[s.Lang], s, v.name, prog); err != nil {
					t.Errorf("%s completion does not compile: %v\n%s\n%s", v.name, err, out, numbered(prog))
				}
			}
		})
	}
}

// compile runs the benchmark's compile check on prog.
func compile(t *testing.T, compiler string, s Scenario, name, prog string) ([]byte, error) {
	dir := t.TempDir()
	src := filepath.Join(dir, name+s.Ext())
	if err := os.WriteFile(src, []byte(prog), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"-g", "-O", "-D_FORTIFY_SOURCE=2", "-c", src, "-o", filepath.Join(dir, name+".o")}
	if s.Lang == analysis.C {
		args = append(args, "-Werror=implicit-function-declaration")
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	return exec.CommandContext(ctx, compiler, args...).CombinedOutput()
}

func numbered(src string) string {
	var b strings.Builder
	for i, l := range strings.Split(src, "\n") {
		fmt.Fprintf(&b, "%3d  %s\n", i+1, l)
	}
	return b.String()
}

// readCompletions reads a file of sections "-- ID KIND --" followed by the
// completion text; text before the first section is a comment.
func readCompletions(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	var name string
	var body bytes.Buffer
	flush := func() {
		if name != "" {
			out[name] = body.String()
		}
		body.Reset()
	}
	for _, line := range strings.SplitAfter(string(data), "\n") {
		trimmed := strings.TrimRight(line, "\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") {
			flush()
			name = strings.TrimSuffix(strings.TrimPrefix(trimmed, "-- "), " --")
			if _, dup := out[name]; dup {
				return nil, fmt.Errorf("%s: section %q twice", path, name)
			}
			continue
		}
		if name != "" {
			body.WriteString(line)
		}
	}
	flush()
	return out, nil
}
