package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const sample = `
[[models]]
name = "gptj-ft"
base_url = "http://127.0.0.1:8000/v1"
model = "gptj-secure"
api_key_env = "OPENAI_API_KEY"
context_window = 2048
max_tokens = 128
temperature = 0.4
top_p = 0.95
n = 3
stop = ["\n\n\n"]
timeout = "2s"
fim = { prefix = "", suffix = "", middle = "" }

[[models]]
name = "greedy"
base_url = "embedded:/tmp/m.bin"
temperature = 0

[completion]
model = "gptj-ft"
`

func TestParse(t *testing.T) {
	c, err := Parse([]byte(sample), "sample.toml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := c.CompletionModel()
	if err != nil {
		t.Fatal(err)
	}
	if m.Model != "gptj-secure" || m.N != 3 || m.Temperature != 0.4 || m.Timeout.Std() != 2*time.Second || m.Stop[0] != "\n\n\n" || m.FIM.Enabled() {
		t.Errorf("gptj-ft = %+v", m)
	}
	g, _ := c.Model("greedy")
	if g.Temperature != 0 || g.MaxTokens != DefaultMaxTokens || g.Model != "greedy" || g.Timeout.Std() != DefaultTimeout {
		t.Errorf("greedy: explicit temperature 0 or defaults lost: %+v", g)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, toml, want string }{
		{"syntax", "[[models]]\nname = = 1", "line 2"},
		{"unknown key", "[[models]]\nname = \"a\"\nbase_url = \"http://x/v1\"\nmax_token = 5\n", "unknown key models.max_token"},
		{"no url", "[[models]]\nname = \"a\"\n", `models[0] ("a"): base_url is empty`},
		{"bad scheme", "[[models]]\nname = \"a\"\nbase_url = \"localhost:8000\"\n", "neither http(s)://"},
		{"window", "[[models]]\nname = \"a\"\nbase_url = \"http://x/v1\"\ncontext_window = 100\nmax_tokens = 100\n", "leaves no room"},
		{"duplicate", "[[models]]\nname = \"a\"\nbase_url = \"http://x/v1\"\n[[models]]\nname = \"a\"\nbase_url = \"http://y/v1\"\n", "name used twice"},
		{"completion model", "[[models]]\nname = \"a\"\nbase_url = \"http://x/v1\"\n[completion]\nmodel = \"b\"\n", `completion.model "b" names no configured model`},
		{"timeout", "[[models]]\nname = \"a\"\nbase_url = \"http://x/v1\"\ntimeout = \"soon\"\n", `line 4: timeout = "soon": not a duration`},
		{"temperature", "[[models]]\nname = \"a\"\nbase_url = \"http://x/v1\"\ntemperature = 3\n", "temperature 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.toml), "f.toml")
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "f.toml") {
				t.Errorf("err = %v, want one naming f.toml and %q", err, tt.want)
			}
		})
	}
}

func TestApplyJSON(t *testing.T) {
	base, err := Parse([]byte(sample), "sample.toml")
	if err != nil {
		t.Fatal(err)
	}
	got, err := base.ApplyJSON([]byte(`{"models":[{"name":"gptj-ft","base_url":"http://10.0.0.2:8000/v1","n":1},{"name":"new","base_url":"http://n/v1","temperature":0}],"completion":{"model":"new"}}`))
	if err != nil {
		t.Fatal(err)
	}
	ft, _ := got.Model("gptj-ft")
	if ft.BaseURL != "http://10.0.0.2:8000/v1" || ft.N != 1 || ft.Model != "gptj-secure" || ft.MaxTokens != 128 {
		t.Errorf("overlay lost file keys or missed JSON keys: %+v", ft)
	}
	nm, err := got.CompletionModel()
	if err != nil || nm.Name != "new" || nm.Temperature != 0 || nm.MaxTokens != DefaultMaxTokens {
		t.Errorf("new model: %+v %v", nm, err)
	}
	if orig, _ := base.Model("gptj-ft"); orig.BaseURL != "http://127.0.0.1:8000/v1" {
		t.Errorf("ApplyJSON changed its receiver")
	}
	for _, bad := range []string{`[1]`, `{"modles":[]}`, `{"models":[{"name":"x","base_urll":"y"}]}`, `{"completion":{"model":"zzz"}}`} {
		if _, err := base.ApplyJSON([]byte(bad)); err == nil {
			t.Errorf("ApplyJSON(%s) accepted", bad)
		}
	}
	if same, err := base.ApplyJSON(nil); err != nil || same != base {
		t.Errorf("empty settings changed the config")
	}
}

func TestFind(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	ws := t.TempDir()
	c, err := Find("", ws)
	if err != nil || c.Source != "defaults" || c.Completion.Model != DefaultModelName {
		t.Fatalf("no file: %+v %v", c, err)
	}
	p := filepath.Join(ws, FileName)
	if err := os.WriteFile(p, []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	if c, err = Find("", ws); err != nil || c.Source != p {
		t.Errorf("workspace file not found: %v %v", c.Source, err)
	}
	if _, err := Find(filepath.Join(ws, "nope.toml"), ws); err == nil {
		t.Error("a missing --config file was not an error")
	}
}

func TestDurations(t *testing.T) {
	const head = "[[models]]\nname = \"a\"\nbase_url = \"http://x/v1\"\n"
	good := []struct {
		value string
		want  time.Duration
	}{
		{`"10s"`, 10 * time.Second},
		{`"1m30s"`, 90 * time.Second},
		{`"250ms"`, 250 * time.Millisecond},
		{`"1h"`, time.Hour},
		{`5`, 5 * time.Second},
		{`2.5`, 2500 * time.Millisecond},
		{`"7"`, 7 * time.Second},
		{`" 3s "`, 3 * time.Second},
	}
	for _, tt := range good {
		c, err := Parse([]byte(head+"timeout = "+tt.value+"\n"), "f.toml")
		if err != nil {
			t.Errorf("timeout = %s: %v", tt.value, err)
			continue
		}
		if got := c.Models[0].Timeout.Std(); got != tt.want {
			t.Errorf("timeout = %s: %s, want %s", tt.value, got, tt.want)
		}
	}
	bad := []struct{ value, want string }{
		{`"5 min"`, `config f.toml: line 4: timeout = "5 min": not a duration`},
		{`"1m30"`, `line 4: timeout = "1m30": not a duration`},
		{`"10 s"`, `timeout = "10 s": not a duration`},
		{`"ten"`, `timeout = "ten": not a duration`},
		{`"0x10"`, `timeout = "0x10": not a duration`},
		{`"nan"`, `timeout = "nan": not a finite number of seconds`},
		{`inf`, `timeout = "+Inf": not a finite number of seconds`},
		{`nan`, `timeout = "NaN": not a finite number of seconds`},
		{`1e300`, `timeout = "1e+300": out of range`},
		{`true`, `timeout = "true": not a duration`},
	}
	for _, tt := range bad {
		_, err := Parse([]byte(head+"timeout = "+tt.value+"\n"), "f.toml")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("timeout = %s: error %v, want %q", tt.value, err, tt.want)
		}
	}
	// The same from the editor's JSON settings.
	for _, tt := range []struct{ json, want string }{
		{`"5 min"`, `settings: models[0] ("a"): timeout = "5 min": not a duration`},
		{`"1m30"`, `timeout = "1m30": not a duration`},
		{`{}`, `timeout = "{}": not a duration`},
	} {
		c, err := Parse([]byte(head), "f.toml")
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.ApplyJSON([]byte(`{"models":[{"name":"a","timeout":` + tt.json + `}]}`))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("JSON timeout %s: error %v, want %q", tt.json, err, tt.want)
		}
	}
}

func TestNonFiniteNumbers(t *testing.T) {
	const head = "[[models]]\nname = \"a\"\nbase_url = \"http://x/v1\"\n"
	for _, tt := range []struct{ line, want string }{
		{"temperature = nan", "temperature NaN is not a finite number"},
		{"temperature = inf", "temperature +Inf is not a finite number"},
		{"temperature = -inf", "temperature -Inf is not a finite number"},
		{"top_p = nan", "top_p NaN is not a finite number"},
	} {
		_, err := Parse([]byte(head+tt.line+"\n"), "f.toml")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.line, err, tt.want)
		}
	}
}
