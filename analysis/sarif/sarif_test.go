package sarif

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"securecomplete/analysis"
)

func TestReadSpecDocument(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "codeql-spec.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	l, err := Read(f)
	if err != nil {
		t.Fatal(err)
	}
	got := l.Findings("codeql", nil, func(p string) string { return "x/" + p })
	want := []analysis.Finding{
		{CWE: "CWE-78", Rule: "cpp/command-line-injection", File: "x/s0001.c", Line: 14, Column: 10, EndColumn: 13,
			Message: "This argument to an OS command is derived from user input (a command-line argument) and then passed to system(string).", Analyzer: "codeql"},
		{CWE: "CWE-476", Rule: "cpp/missing-null-test", File: "x/s0001.c", Line: 7, Column: 3,
			Message: "Value may be null; it should be checked before dereferencing.", Analyzer: "codeql"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings:\n got %+v\nwant %+v", got, want)
	}
}

func TestReadRejects(t *testing.T) {
	for name, doc := range map[string]string{
		"not json":      "<xml/>",
		"wrong version": `{"version":"2.0.0","runs":[]}`,
		"empty":         "",
	} {
		if _, err := Read(strings.NewReader(doc)); err == nil {
			t.Errorf("%s: Read accepted %q", name, doc)
		}
	}
}

func TestFindingsRoundTrip(t *testing.T) {
	in := []analysis.Finding{
		{CWE: "CWE-787", Rule: "gcc-stringop-overflow", File: "src/a b.c", Line: 3, Column: 5, Message: "writes 16 bytes into 4", Analyzer: "gcc"},
		{CWE: "CWE-476", Rule: "cwe476-unchecked-malloc", File: "/abs/b.cpp", Line: 9, Column: 2, EndLine: 9, EndColumn: 8, Message: "p may be NULL", Analyzer: "builtin"},
		{CWE: "CWE-787", Rule: "gcc-stringop-overflow", File: "c.c", Line: 1, Column: 1, Message: "again", Analyzer: "gcc"},
	}
	var buf bytes.Buffer
	if err := WriteFindings(&buf, in, map[string]ToolInfo{"builtin": {Name: "securecomplete", Version: "1"}}, []string{"src/a b.c", "/abs/b.cpp", "c.c"}); err != nil {
		t.Fatal(err)
	}
	l, err := Read(&buf)
	if err != nil {
		t.Fatalf("read back: %v\n%s", err, buf.String())
	}
	if len(l.Runs) != 2 || l.Runs[0].Tool.Driver.Name != "securecomplete" || l.Runs[1].Tool.Driver.Name != "gcc" {
		t.Fatalf("runs: want builtin (as securecomplete) then gcc, got %+v", l.Runs)
	}
	if n := len(l.Runs[1].Tool.Driver.Rules); n != 1 {
		t.Errorf("gcc run has %d rules, want 1 (one per rule id)", n)
	}
	var got []analysis.Finding
	for i, name := range []string{"builtin", "gcc"} {
		one := &Log{Version: Version, Runs: l.Runs[i : i+1]}
		got = append(got, one.Findings(name, nil, nil)...)
	}
	want := []analysis.Finding{in[1], in[0], in[2]}
	for i := range want {
		if want[i].Fix != "" {
			want[i].Message += " Fix: " + want[i].Fix
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
}

func TestPathURI(t *testing.T) {
	for _, p := range []string{"a.c", "dir/with space/x#1.c", "/abs/path/y.cpp"} {
		u := PathToURI(p)
		if back := URIToPath(u); back != p {
			t.Errorf("%q -> %q -> %q", p, u, back)
		}
	}
	if u := PathToURI("/abs/a.c"); u != "file:///abs/a.c" {
		t.Errorf("absolute path URI = %q", u)
	}
}
