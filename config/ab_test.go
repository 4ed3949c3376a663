package config

import (
	"strings"
	"testing"
)

const abModels = `
[[models]]
name = "gptj-pre"
base_url = "http://127.0.0.1:8000/v1"

[[models]]
name = "gptj-ft"
base_url = "http://127.0.0.1:8001/v1"
`

func TestABParse(t *testing.T) {
	c, err := Parse([]byte(abModels+"\n[ab]\nenabled = true\nmodels = [\"gptj-pre\", \"gptj-ft\"]\nmode = \"split\"\nstore = \"/tmp/team.db\"\nstore_text = true\n"), "ab.toml")
	if err != nil {
		t.Fatal(err)
	}
	want := AB{Enabled: true, Models: []string{"gptj-pre", "gptj-ft"}, Mode: ABSplit, Store: "/tmp/team.db", StoreText: true}
	if got := c.AB; got.Enabled != want.Enabled || strings.Join(got.Models, ",") != "gptj-pre,gptj-ft" || got.Mode != want.Mode || got.Store != want.Store || !got.StoreText {
		t.Errorf("[ab] = %+v, want %+v", got, want)
	}
	d, err := Parse([]byte(abModels), "plain.toml")
	if err != nil {
		t.Fatal(err)
	}
	if d.AB.Enabled || d.AB.Mode != ABInterleave {
		t.Errorf("default [ab] = %+v, want off and interleave", d.AB)
	}
}

func TestABDefaultStore(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/data/xdg")
	p, err := AB{}.StorePath()
	if err != nil || p != "/data/xdg/securecomplete/ab.db" {
		t.Errorf("StorePath() = %q, %v; want /data/xdg/securecomplete/ab.db", p, err)
	}
}

func TestABErrors(t *testing.T) {
	tests := []struct{ name, toml, want string }{
		{"mode", "[ab]\nmode = \"both\"\n", `ab.mode "both": want interleave or split`},
		{"one model", "[ab]\nenabled = true\nmodels = [\"gptj-ft\"]\n", "ab.models names 1 models: want two"},
		{"twice", "[ab]\nenabled = true\nmodels = [\"gptj-ft\", \"gptj-ft\"]\n", `ab.models names "gptj-ft" twice`},
		{"unknown model", "[ab]\nmodels = [\"gptj-ft\", \"gpt4\"]\n", `ab.models[1] "gpt4" names no configured model (configured: gptj-pre, gptj-ft)`},
		{"unknown key", "[ab]\nenable = true\n", "unknown key ab.enable"},
		{"type", "[ab]\nenabled = \"yes\"\n", `line 11 (last key "ab.enabled")`},
		{"postgres", "[ab]\nmodels = [\"gptj-ft\", \"gptj-pre\"]\nstore = \"postgres:team\"\n", "a PostgreSQL store is a URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(abModels+"\n"+tt.toml), "f.toml")
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "f.toml") {
				t.Errorf("err = %v, want one naming f.toml and %q", err, tt.want)
			}
		})
	}
}

func TestABApplyJSON(t *testing.T) {
	base, err := Parse([]byte(abModels), "ab.toml")
	if err != nil {
		t.Fatal(err)
	}
	got, err := base.ApplyJSON([]byte(`{"ab":{"enabled":true,"models":["gptj-ft","gptj-pre"]}}`))
	if err != nil {
		t.Fatal(err)
	}
	if !got.AB.Enabled || got.AB.Models[0] != "gptj-ft" || got.AB.Mode != ABInterleave || base.AB.Enabled {
		t.Errorf("applied [ab] = %+v (base %+v)", got.AB, base.AB)
	}
	for _, tt := range []struct{ json, want string }{
		{`{"ab":{"mode":"random"}}`, `ab.mode "random"`},
		{`{"ab":{"enabled":true}}`, "ab.models names 0 models"},
		{`{"ab":{"store_txt":true}}`, `settings: ab: json: unknown field "store_txt"`},
	} {
		if _, err := base.ApplyJSON([]byte(tt.json)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ApplyJSON(%s) err = %v, want %q", tt.json, err, tt.want)
		}
	}
}
