package config

import (
	"fmt"
	"slices"
	"time"
)

// Analysis configures the background re-check of accepted code in the
// editor (the [analysis] table).
type Analysis struct {
	// Analyzers run on accepted code and on saved files: "builtin",
	// "gcc", "clang", "cppcheck", "codeql". Empty means every one that is
	// installed; one that is listed but not installed is reported as
	// unavailable.
	Analyzers []string `toml:"analyzers" json:"analyzers"`
	// OnSave re-checks the whole file when a C or C++ file is saved.
	OnSave bool `toml:"on_save" json:"on_save"`
	// Workers is how many external checks run at once.
	Workers int `toml:"workers" json:"workers"`
	// Pending bounds the checks waiting for a worker: beyond it the
	// oldest waiting one is dropped.
	Pending int `toml:"pending" json:"pending"`
	// Debounce is how long an edited range stays quiet before its
	// external check runs again.
	Debounce Duration `toml:"debounce" json:"debounce"`
	// Timeout bounds one external analyzer's run on one check; its
	// process group is killed when it passes.
	Timeout Duration `toml:"timeout" json:"timeout"`
}

// Defaults of the [analysis] table.
const (
	DefaultAnalysisWorkers  = 2
	DefaultAnalysisPending  = 64
	DefaultAnalysisDebounce = 750 * time.Millisecond
	DefaultAnalysisTimeout  = 30 * time.Second
)

// AnalyzerNames returns the analyzers [analysis] analyzers may name.
func AnalyzerNames() []string { return []string{"builtin", "gcc", "clang", "cppcheck", "codeql"} }

func (a *Analysis) fill() {
	if a.Workers == 0 {
		a.Workers = DefaultAnalysisWorkers
	}
	if a.Pending == 0 {
		a.Pending = DefaultAnalysisPending
	}
	if a.Debounce == 0 {
		a.Debounce = Duration(DefaultAnalysisDebounce)
	}
	if a.Timeout == 0 {
		a.Timeout = Duration(DefaultAnalysisTimeout)
	}
}

func (a Analysis) validate(source string) error {
	for i, n := range a.Analyzers {
		if !slices.Contains(AnalyzerNames(), n) {
			return fmt.Errorf("config %s: analysis.analyzers[%d] %q: want one of %v", source, i, n, AnalyzerNames())
		}
	}
	switch {
	case a.Workers < 1 || a.Workers > 64:
		return fmt.Errorf("config %s: analysis.workers %d must be between 1 and 64", source, a.Workers)
	case a.Pending < 1 || a.Pending > 100000:
		return fmt.Errorf("config %s: analysis.pending %d must be between 1 and 100000", source, a.Pending)
	case a.Debounce < 0:
		return fmt.Errorf("config %s: analysis.debounce must not be negative", source)
	case a.Timeout < 0:
		return fmt.Errorf("config %s: analysis.timeout must not be negative", source)
	}
	return nil
}
