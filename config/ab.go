package config

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// AB configures the blind comparison of two models in the editor (the
// [ab] table): which two models, how requests are shared between them,
// and where the events are stored.
type AB struct {
	// Enabled turns A/B mode on; the securecomplete.toggleAB command
	// turns it on and off for a session.
	Enabled bool `toml:"enabled" json:"enabled"`
	// Models names the two configured models compared.
	Models []string `toml:"models" json:"models"`
	// Mode is "interleave" (both models asked, their candidates
	// interleaved by team draft) or "split" (one model drawn per
	// request).
	Mode string `toml:"mode" json:"mode"`
	// Store is a SQLite file or a postgres:// URL; "" is
	// DefaultABStore().
	Store string `toml:"store" json:"store"`
	// StoreText keeps the code text of shown and accepted candidates in
	// the store; off, only its hash and length are kept.
	StoreText bool `toml:"store_text" json:"store_text"`
}

// The modes of [ab] mode.
const (
	ABInterleave = "interleave"
	ABSplit      = "split"
)

// DefaultABStore is where the A/B events go when [ab] store is empty:
// $XDG_DATA_HOME/securecomplete/ab.db, else ~/.local/share/securecomplete/ab.db.
func DefaultABStore() (string, error) {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("the default A/B store: no XDG_DATA_HOME and no home directory: %w (set [ab] store)", err)
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "securecomplete", "ab.db"), nil
}

// StorePath returns the store to use: [ab] store, else DefaultABStore.
func (a AB) StorePath() (string, error) {
	if a.Store != "" {
		return a.Store, nil
	}
	return DefaultABStore()
}

func (a *AB) fill() {
	if a.Mode == "" {
		a.Mode = ABInterleave
	}
}

// validate checks the [ab] table against the configured models; the
// models are checked only when A/B is on or they are given.
func (a AB) validate(source string, models []Model) error {
	switch a.Mode {
	case ABInterleave, ABSplit:
	default:
		return fmt.Errorf("config %s: ab.mode %q: want %s or %s", source, a.Mode, ABInterleave, ABSplit)
	}
	if !a.Enabled && len(a.Models) == 0 {
		return nil
	}
	if len(a.Models) != 2 {
		return fmt.Errorf("config %s: ab.models names %d models: want two configured models, such as [\"gptj-pre\", \"gptj-ft\"]", source, len(a.Models))
	}
	if a.Models[0] == a.Models[1] {
		return fmt.Errorf("config %s: ab.models names %q twice: want two different models", source, a.Models[0])
	}
	names := make([]string, len(models))
	for i, m := range models {
		names[i] = m.Name
	}
	for i, n := range a.Models {
		if !slices.Contains(names, n) {
			return fmt.Errorf("config %s: ab.models[%d] %q names no configured model (configured: %s)", source, i, n, strings.Join(names, ", "))
		}
	}
	if strings.HasPrefix(a.Store, "postgres:") && !strings.HasPrefix(a.Store, "postgres://") {
		return fmt.Errorf("config %s: ab.store %q: a PostgreSQL store is a URL, postgres://user@host/db", source, a.Store)
	}
	return nil
}
