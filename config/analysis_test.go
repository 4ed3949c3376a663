package config

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestAnalysisSection(t *testing.T) {
	const base = "[[models]]\nname = \"m\"\nbase_url = \"http://127.0.0.1:1/v1\"\n"
	c, err := Parse([]byte(base), "a.toml")
	if err != nil {
		t.Fatal(err)
	}
	a := c.Analysis
	if a.Analyzers != nil || a.OnSave || a.Workers != 2 || a.Pending != 64 || a.Debounce.Std() != 750*time.Millisecond || a.Timeout.Std() != 30*time.Second {
		t.Errorf("defaults: %+v", a)
	}
	c, err = Parse([]byte(base+"[analysis]\nanalyzers = [\"builtin\", \"gcc\"]\non_save = true\nworkers = 1\npending = 8\ndebounce = \"100ms\"\ntimeout = \"5s\"\n"), "b.toml")
	if err != nil {
		t.Fatal(err)
	}
	if a := c.Analysis; !slices.Equal(a.Analyzers, []string{"builtin", "gcc"}) || !a.OnSave || a.Workers != 1 || a.Pending != 8 || a.Debounce.Std() != 100*time.Millisecond || a.Timeout.Std() != 5*time.Second {
		t.Errorf("set: %+v", a)
	}
	j, err := c.ApplyJSON([]byte(`{"analysis": {"analyzers": ["cppcheck"], "debounce": "1s"}}`))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(j.Analysis.Analyzers, []string{"cppcheck"}) || j.Analysis.Debounce.Std() != time.Second || j.Analysis.Workers != 1 {
		t.Errorf("JSON layer: %+v", j.Analysis)
	}
	if !slices.Equal(c.Analysis.Analyzers, []string{"builtin", "gcc"}) {
		t.Errorf("ApplyJSON changed the configuration it layered on: %v", c.Analysis.Analyzers)
	}
	for _, bad := range []struct{ toml, want string }{
		{"[analysis]\nanalyzers = [\"lint\"]\n", `analysis.analyzers[0] "lint"`},
		{"[analysis]\nworkers = 0\npending = -1\n", "analysis.pending -1"},
		{"[analysis]\nworkers = 100\n", "analysis.workers 100"},
		{"[analysis]\nfrequency = 1\n", "unknown key analysis.frequency"},
	} {
		_, err := Parse([]byte(base+bad.toml), "c.toml")
		if err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%q: error %v, want it to say %q", bad.toml, err, bad.want)
		}
	}
}
