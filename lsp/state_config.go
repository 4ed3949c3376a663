package lsp

import (
	"encoding/json"

	"securecomplete/completion"
	"securecomplete/config"
)

// The state's lifecycle, configuration and default-model methods. Like
// the others (state.go), they are the only code that takes st.mu.

// defaultModelState is where the default embedded model stands.
type defaultModelState struct {
	started bool   // a preparation was started
	path    string // its file, once ready
	err     error  // why it failed
}

// initialize records what the client said at initialize and enters the
// running phase.
func (st *state) initialize(root string, initOpts json.RawMessage, caps ClientCapabilities) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.phase = phaseRunning
	st.root = root
	st.initOpts = initOpts
	st.progress = caps.Window != nil && caps.Window.WorkDoneProgress
}

// setPhase moves the lifecycle on.
func (st *state) setPhase(p phase) {
	st.mu.Lock()
	st.phase = p
	st.mu.Unlock()
}

// workDoneProgress reports whether the client shows server-initiated
// progress.
func (st *state) workDoneProgress() bool {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.progress
}

// configInputs returns what a reload reads: the workspace root, the
// initializationOptions, and the stored settings.
func (st *state) configInputs() (root string, initOpts, settings json.RawMessage) {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.root, st.initOpts, st.settings
}

// engineNow returns the engine that answers completions, or why there is
// none.
func (st *state) engineNow() (*completion.Engine, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.engine, st.engineErr
}

// setEngine installs the outcome of a reload. A failure keeps the
// previous engine when keep is set and there is one (a bad
// didChangeConfiguration); otherwise it leaves no engine and records why.
// A successful change (change set) stores its settings for later reloads.
func (st *state) setEngine(cfg *config.Config, eng *completion.Engine, err error, change bool, settings json.RawMessage) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if err != nil {
		if !change || st.engine == nil {
			st.engine, st.engineErr = nil, err
		}
		return
	}
	st.cfg, st.engine, st.engineErr = cfg, eng, nil
	if change {
		st.settings = settings
	}
}

// claimDefaultModel returns the default model's file when it is ready, or
// the error of a preparation that failed; otherwise start reports
// whether the caller is the one to start the preparation (the first to
// ask).
func (st *state) claimDefaultModel() (path string, err error, start bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	d := &st.defaultModel
	if d.path != "" || d.err != nil {
		return d.path, d.err, false
	}
	start = !d.started
	d.started = true
	return "", nil, start
}

// setDefaultModel records the outcome of the preparation.
func (st *state) setDefaultModel(path string, err error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.defaultModel.path, st.defaultModel.err = path, err
}

// config returns the configuration in force, nil before the first one
// loaded.
func (st *state) config() *config.Config {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.cfg
}
