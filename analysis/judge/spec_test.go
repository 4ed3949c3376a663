package judge

import (
	"reflect"
	"strings"
	"testing"

	"securecomplete/analysis/compile"
)

func TestSpec(t *testing.T) {
	flags := []string{"-g", "-O", "-D_FORTIFY_SOURCE=2", "-c"}
	tests := []struct {
		name    string
		opts    Options
		want    Spec
		display string
	}{
		{"default", Options{}, Spec{Analyzers: []string{"compile", "builtin"}, Compile: &CompileRule{
			C: Command{"gcc", flags}, CPP: Command{"g++", flags}}},
			"compile,builtin | gcc -g -O -D_FORTIFY_SOURCE=2 -c | g++ -g -O -D_FORTIFY_SOURCE=2 -c"},
		{"no PCH is the same judge", Options{Compile: compile.Options{NoPCH: true}}, Spec{Analyzers: []string{"compile", "builtin"}, Compile: &CompileRule{
			C: Command{"gcc", flags}, CPP: Command{"g++", flags}}},
			"compile,builtin | gcc -g -O -D_FORTIFY_SOURCE=2 -c | g++ -g -O -D_FORTIFY_SOURCE=2 -c"},
		{"rules only", Options{Analyzers: []string{"builtin"}}, Spec{Analyzers: []string{"builtin"}}, "builtin"},
		{"other compilers and flags", Options{Analyzers: []string{"compile"}, Compile: compile.Options{CC: "clang", CXX: "clang++", Flags: []string{"-O2", "-DX=a b"}}},
			Spec{Analyzers: []string{"compile"}, Compile: &CompileRule{C: Command{"clang", []string{"-O2", "-DX=a b", "-c"}}, CPP: Command{"clang++", []string{"-O2", "-DX=a b", "-c"}}}},
			"compile | clang -O2 '-DX=a b' -c | clang++ -O2 '-DX=a b' -c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j, err := New(tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			got := j.Spec()
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Spec = %+v, want %+v", got, tt.want)
			}
			if got.String() != tt.display {
				t.Errorf("String = %q, want %q", got.String(), tt.display)
			}
			back, err := ParseSpec(got.Key())
			if err != nil || !reflect.DeepEqual(back, got) {
				t.Errorf("ParseSpec(Key) = %+v, %v; want %+v", back, err, got)
			}
			// The display string is what schema 1 stores hold.
			legacy, err := ParseLegacySpec(got.String())
			if err != nil || legacy.Key() != got.Key() {
				t.Errorf("ParseLegacySpec(%q) = %s, %v; want %s", got.String(), legacy.Key(), err, got.Key())
			}
			if !strings.Contains(got.Describe(), strings.Join(got.Analyzers, ",")) {
				t.Errorf("Describe = %q does not name the analyzers", got.Describe())
			}
		})
	}
}

func TestSpecErrors(t *testing.T) {
	for _, in := range []string{"", "{}", `{"analyzers":["builtin"],"x":1}`, "compile,builtin"} {
		if _, err := ParseSpec(in); err == nil {
			t.Errorf("ParseSpec(%q) succeeded", in)
		}
	}
	for _, in := range []string{"", " | gcc -c | g++ -c", "compile | gcc -c", "compile | 'gcc | g++"} {
		if _, err := ParseLegacySpec(in); err == nil {
			t.Errorf("ParseLegacySpec(%q) succeeded", in)
		}
	}
}
