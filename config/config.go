// Package config reads securecomplete's settings: the models it can call
// and which of them answers in the editor. The same snake_case keys are
// read from a TOML file and from the language server's JSON
// initializationOptions, which win over the file.
package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// FileName is the name of the configuration file looked for in the
// workspace root and in the user's configuration directory.
const FileName = "securecomplete.toml"

// DefaultModelName names the model that answers when no configuration is
// found: the embedded model, trained on first use (see DefaultModel).
const DefaultModelName = "embedded"

// Config is the whole configuration.
type Config struct {
	Models     []Model    `toml:"models" json:"models"`
	Completion Completion `toml:"completion" json:"completion"`
	Analysis   Analysis   `toml:"analysis" json:"analysis"`
	AB         AB         `toml:"ab" json:"ab"`

	// Source says where the configuration came from: a file path,
	// "defaults", plus "initializationOptions" when those were applied.
	Source string `toml:"-" json:"-"`
}

// Model is one language model behind an OpenAI-compatible endpoint, or
// the embedded model when BaseURL is "embedded:PATH".
type Model struct {
	Name          string   `toml:"name" json:"name"`
	BaseURL       string   `toml:"base_url" json:"base_url"`
	Model         string   `toml:"model" json:"model"`
	APIKeyEnv     string   `toml:"api_key_env" json:"api_key_env"`
	ContextWindow int      `toml:"context_window" json:"context_window"`
	MaxTokens     int      `toml:"max_tokens" json:"max_tokens"`
	Temperature   float64  `toml:"temperature" json:"temperature"`
	TopP          float64  `toml:"top_p" json:"top_p"`
	N             int      `toml:"n" json:"n"`
	Stop          []string `toml:"stop" json:"stop"`
	FIM           FIM      `toml:"fim" json:"fim"`
	// Timeout bounds one request to the model.
	Timeout Duration `toml:"timeout" json:"timeout"`
	// MaxResponseBytes bounds the body of one answer of the model; a
	// larger answer is refused. 0 derives the bound from max_tokens × n
	// (completion.ResponseLimit).
	MaxResponseBytes int64 `toml:"max_response_bytes" json:"max_response_bytes"`

	// temperatureSet records that temperature was given, so that an
	// explicit 0 (greedy decoding) is not replaced by the default.
	temperatureSet bool
}

// FIM is a fill-in-the-middle prompt template. Empty means prefix-only
// prompts, as GPT-J needs.
type FIM struct {
	Prefix string `toml:"prefix" json:"prefix"`
	Suffix string `toml:"suffix" json:"suffix"`
	Middle string `toml:"middle" json:"middle"`
}

// Enabled reports whether the template asks for fill-in-the-middle prompts.
func (f FIM) Enabled() bool { return f.Prefix != "" || f.Suffix != "" || f.Middle != "" }

// Completion selects the model that answers editor completions and how
// its candidates are screened.
type Completion struct {
	Model string `toml:"model" json:"model"`
	// Screen says what the built-in judge does with candidates before the
	// editor shows them: "rank" (default: flagged ones last, with their
	// findings), "hide" (flagged ones dropped) or "off".
	Screen string `toml:"screen" json:"screen"`
}

// Screening modes of Completion.Screen.
const (
	ScreenRank = "rank"
	ScreenHide = "hide"
	ScreenOff  = "off"
)

// Defaults applied to every model for the keys it leaves unset.
const (
	DefaultContextWindow = 2048
	DefaultMaxTokens     = 128
	DefaultTemperature   = 0.2
	DefaultTopP          = 0.95
	DefaultN             = 1
	DefaultTimeout       = 10 * time.Second
)

// EmbeddedPrefix marks a base_url served in-process by the embedded model.
const EmbeddedPrefix = "embedded:"

// Default is the configuration used when no file is found: the embedded
// model ("embedded:default", trained on first use) answers.
func Default() *Config {
	c := &Config{
		Models:     []Model{{Name: DefaultModelName, BaseURL: EmbeddedPrefix + "default", N: 3}},
		Completion: Completion{Model: DefaultModelName},
		Source:     "defaults",
	}
	c.fill()
	return c
}

// Model returns the model configured under name.
func (c *Config) Model(name string) (Model, error) {
	for _, m := range c.Models {
		if m.Name == name {
			return m, nil
		}
	}
	names := make([]string, len(c.Models))
	for i, m := range c.Models {
		names[i] = m.Name
	}
	return Model{}, fmt.Errorf("no model named %q in %s (configured: %s)", name, c.Source, strings.Join(names, ", "))
}

// CompletionModel returns the model that answers editor completions.
func (c *Config) CompletionModel() (Model, error) {
	return c.Model(c.Completion.Model)
}

// Load reads a TOML configuration file, fills defaults and validates it.
// Errors name the file, and the line or the key that is wrong.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	return Parse(data, path)
}

// Parse reads TOML configuration text; name is used in error messages.
func Parse(data []byte, name string) (*Config, error) {
	var c Config
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&c)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			key := perr.LastKey[strings.LastIndex(perr.LastKey, ".")+1:]
			if durationKeys()[key] {
				// The value's own error says what is wrong with it.
				return nil, fmt.Errorf("config %s: line %d: %s = %s", name, perr.Position.Line, key, perr.Message)
			}
			return nil, fmt.Errorf("config %s: line %d: %s", name, perr.Position.Line, perr.Message)
		}
		return nil, fmt.Errorf("config %s: %w", name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		return nil, fmt.Errorf("config %s: unknown key %s", name, strings.Join(keys, ", "))
	}
	// A second pass sees which keys each model sets, so that an explicit
	// temperature of 0 survives the defaults.
	var raw struct {
		Models []map[string]any `toml:"models"`
	}
	if _, err := toml.Decode(string(data), &raw); err == nil {
		for i := range raw.Models {
			if _, ok := raw.Models[i]["temperature"]; ok && i < len(c.Models) {
				c.Models[i].temperatureSet = true
			}
		}
	}
	c.Source = name
	c.fill()
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return &c, nil
}

// Find returns the configuration to use: the file given explicitly (an
// error if it cannot be read), else securecomplete.toml in the workspace
// root, else the one in the user's configuration directory, else Default.
func Find(explicit, workspaceRoot string) (*Config, error) {
	if explicit != "" {
		return Load(explicit)
	}
	var candidates []string
	if workspaceRoot != "" {
		candidates = append(candidates, filepath.Join(workspaceRoot, FileName))
	}
	if dir, err := os.UserConfigDir(); err == nil {
		candidates = append(candidates, filepath.Join(dir, "securecomplete", FileName))
	}
	for _, p := range candidates {
		if _, err := os.Stat(p); err == nil {
			return Load(p)
		}
	}
	return Default(), nil
}

// ApplyJSON overlays JSON settings (the language server's
// initializationOptions or a didChangeConfiguration payload) on c and
// returns the result; c itself is not changed. Keys present in the JSON
// win. A model whose name matches a configured one is changed key by key;
// a new name adds a model.
func (c *Config) ApplyJSON(data []byte) (*Config, error) {
	data = bytes.TrimSpace(data)
	if len(data) == 0 || bytes.Equal(data, []byte("null")) {
		return c, nil
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, fmt.Errorf("settings: not a JSON object: %w", err)
	}
	out := c.clone()
	for key, raw := range top {
		switch key {
		case "models":
			var models []json.RawMessage
			if err := json.Unmarshal(raw, &models); err != nil {
				return nil, fmt.Errorf("settings: models: %w", err)
			}
			for i, rm := range models {
				var named struct {
					Name        string           `json:"name"`
					Temperature *json.RawMessage `json:"temperature"`
				}
				if err := json.Unmarshal(rm, &named); err != nil {
					return nil, fmt.Errorf("settings: models[%d]: %w", i, err)
				}
				idx := -1
				for j := range out.Models {
					if out.Models[j].Name == named.Name {
						idx = j
					}
				}
				if idx < 0 {
					out.Models = append(out.Models, Model{})
					idx = len(out.Models) - 1
				}
				if err := checkDurations(rm); err != nil {
					return nil, fmt.Errorf("settings: models[%d] (%q): %w", i, named.Name, err)
				}
				if err := strictUnmarshal(rm, &out.Models[idx]); err != nil {
					return nil, fmt.Errorf("settings: models[%d] (%q): %w", i, named.Name, err)
				}
				if named.Temperature != nil {
					out.Models[idx].temperatureSet = true
				}
			}
		case "completion":
			if err := strictUnmarshal(raw, &out.Completion); err != nil {
				return nil, fmt.Errorf("settings: completion: %w", err)
			}
		case "analysis":
			if err := strictUnmarshal(raw, &out.Analysis); err != nil {
				return nil, fmt.Errorf("settings: analysis: %w", err)
			}
		case "ab":
			if err := strictUnmarshal(raw, &out.AB); err != nil {
				return nil, fmt.Errorf("settings: ab: %w", err)
			}
		default:
			return nil, fmt.Errorf("settings: unknown key %q", key)
		}
	}
	out.Source = c.Source + " + initializationOptions"
	out.fill()
	if err := out.Validate(); err != nil {
		return nil, err
	}
	return out, nil
}

// durationKeys are the keys of Model whose values are durations.
func durationKeys() map[string]bool {
	keys := map[string]bool{}
	t := reflect.TypeFor[Model]()
	for i := range t.NumField() {
		if f := t.Field(i); f.Type == reflect.TypeFor[Duration]() {
			keys[strings.Split(f.Tag.Get("toml"), ",")[0]] = true
		}
	}
	return keys
}

// checkDurations reads the duration keys of one model's JSON object, so
// that an error names the key as well as the value.
func checkDurations(model json.RawMessage) error {
	var keys map[string]json.RawMessage
	if json.Unmarshal(model, &keys) != nil {
		return nil // strictUnmarshal says what is wrong
	}
	for key := range durationKeys() {
		if raw, ok := keys[key]; ok {
			var d Duration
			if err := d.UnmarshalJSON(raw); err != nil {
				return fmt.Errorf("%s = %w", key, err)
			}
		}
	}
	return nil
}

func strictUnmarshal(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

func (c *Config) clone() *Config {
	out := *c
	out.Analysis.Analyzers = append([]string(nil), c.Analysis.Analyzers...)
	out.AB.Models = append([]string(nil), c.AB.Models...)
	out.Models = make([]Model, len(c.Models))
	for i, m := range c.Models {
		m.Stop = append([]string(nil), m.Stop...)
		out.Models[i] = m
	}
	return &out
}

// fill sets defaults for the keys left unset.
func (c *Config) fill() {
	for i := range c.Models {
		m := &c.Models[i]
		if m.ContextWindow == 0 {
			m.ContextWindow = DefaultContextWindow
		}
		if m.MaxTokens == 0 {
			m.MaxTokens = DefaultMaxTokens
		}
		if m.Temperature == 0 && !m.temperatureSet {
			m.Temperature = DefaultTemperature
		}
		if m.TopP == 0 {
			m.TopP = DefaultTopP
		}
		if m.N == 0 {
			m.N = DefaultN
		}
		if m.Timeout == 0 {
			m.Timeout = Duration(DefaultTimeout)
		}
		if m.Model == "" {
			m.Model = m.Name
		}
	}
	if c.Completion.Model == "" && len(c.Models) > 0 {
		c.Completion.Model = c.Models[0].Name
	}
	if c.Completion.Screen == "" {
		c.Completion.Screen = ScreenRank
	}
	c.Analysis.fill()
	c.AB.fill()
}

// Validate reports the first key that is wrong, naming the model.
func (c *Config) Validate() error {
	seen := map[string]bool{}
	for i, m := range c.Models {
		where := fmt.Sprintf("config %s: models[%d] (%q)", c.Source, i, m.Name)
		switch {
		case m.Name == "":
			return fmt.Errorf("config %s: models[%d]: name is empty", c.Source, i)
		case seen[m.Name]:
			return fmt.Errorf("%s: name used twice", where)
		case m.BaseURL == "":
			return fmt.Errorf("%s: base_url is empty (an OpenAI-compatible URL such as http://127.0.0.1:8000/v1, or embedded:PATH)", where)
		case !strings.HasPrefix(m.BaseURL, EmbeddedPrefix) && !strings.HasPrefix(m.BaseURL, "http://") && !strings.HasPrefix(m.BaseURL, "https://"):
			return fmt.Errorf("%s: base_url %q is neither http(s):// nor embedded:PATH", where, m.DisplayURL())
		case m.MaxTokens < 1:
			return fmt.Errorf("%s: max_tokens %d must be at least 1", where, m.MaxTokens)
		case m.ContextWindow <= m.MaxTokens:
			return fmt.Errorf("%s: context_window %d leaves no room for a prompt beside max_tokens %d", where, m.ContextWindow, m.MaxTokens)
		case m.N < 1 || m.N > 64:
			return fmt.Errorf("%s: n %d must be between 1 and 64", where, m.N)
		case math.IsNaN(m.Temperature) || math.IsInf(m.Temperature, 0):
			return fmt.Errorf("%s: temperature %g is not a finite number", where, m.Temperature)
		case math.IsNaN(m.TopP) || math.IsInf(m.TopP, 0):
			return fmt.Errorf("%s: top_p %g is not a finite number", where, m.TopP)
		case m.Temperature < 0 || m.Temperature > 2:
			return fmt.Errorf("%s: temperature %g must be between 0 and 2", where, m.Temperature)
		case m.TopP < 0 || m.TopP > 1:
			return fmt.Errorf("%s: top_p %g must be between 0 and 1", where, m.TopP)
		case m.Timeout < 0:
			return fmt.Errorf("%s: timeout must not be negative", where)
		case m.MaxResponseBytes < 0:
			return fmt.Errorf("%s: max_response_bytes %d must not be negative (0 derives it from max_tokens × n)", where, m.MaxResponseBytes)
		}
		seen[m.Name] = true
	}
	switch c.Completion.Screen {
	case ScreenRank, ScreenHide, ScreenOff:
	default:
		return fmt.Errorf("config %s: completion.screen %q: want rank, hide or off", c.Source, c.Completion.Screen)
	}
	if c.Completion.Model != "" && !seen[c.Completion.Model] {
		return fmt.Errorf("config %s: completion.model %q names no configured model", c.Source, c.Completion.Model)
	}
	if err := c.Analysis.validate(c.Source); err != nil {
		return err
	}
	return c.AB.validate(c.Source, c.Models)
}

// Duration is a time.Duration written as a Go duration ("10s", "1m30s",
// "250ms": what time.ParseDuration accepts) or as a bare number of
// seconds (10, 2.5, "10"). Anything else is refused, naming the value.
type Duration time.Duration

// DurationError is a value that is not a duration.
type DurationError struct {
	Value string // as written
	Why   string // "" for "not a duration"
}

func (e *DurationError) Error() string {
	why := e.Why
	if why == "" {
		why = "not a duration"
	}
	return fmt.Sprintf("%q: %s (want a duration such as \"10s\", \"1m30s\" or \"250ms\", or a number of seconds)", e.Value, why)
}

// ParseDuration reads a Go duration or a bare number of seconds.
func ParseDuration(s string) (Duration, error) {
	t := strings.TrimSpace(s)
	if v, err := time.ParseDuration(t); err == nil {
		return Duration(v), nil
	}
	secs, err := strconv.ParseFloat(t, 64)
	if err != nil || strings.ContainsAny(t, "xX_pP") { // no hex floats or digit separators
		return 0, &DurationError{Value: s}
	}
	return secondsDuration(s, secs)
}

// secondsDuration turns a number of seconds into a Duration, refusing
// NaN, infinities and values out of range.
func secondsDuration(written string, secs float64) (Duration, error) {
	switch {
	case math.IsNaN(secs) || math.IsInf(secs, 0):
		return 0, &DurationError{Value: written, Why: "not a finite number of seconds"}
	case math.Abs(secs) > float64(math.MaxInt64)/float64(time.Second):
		return 0, &DurationError{Value: written, Why: "out of range"}
	}
	return Duration(secs * float64(time.Second)), nil
}

// UnmarshalText reads a duration or a number of seconds.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := ParseDuration(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// UnmarshalJSON reads a JSON string ("10s") or number (seconds).
func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		return d.UnmarshalText([]byte(s))
	}
	var secs float64
	if err := json.Unmarshal(b, &secs); err != nil {
		return &DurationError{Value: string(b)}
	}
	v, err := secondsDuration(string(b), secs)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// UnmarshalTOML reads a TOML string or number.
func (d *Duration) UnmarshalTOML(v any) error {
	var err error
	switch x := v.(type) {
	case string:
		return d.UnmarshalText([]byte(x))
	case int64:
		*d, err = secondsDuration(strconv.FormatInt(x, 10), float64(x))
	case float64:
		*d, err = secondsDuration(strconv.FormatFloat(x, 'g', -1, 64), x)
	default:
		err = &DurationError{Value: fmt.Sprint(v)}
	}
	return err
}

// MarshalText writes the duration as "10s".
func (d Duration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

// Std returns the duration as a time.Duration.
func (d Duration) Std() time.Duration { return time.Duration(d) }
