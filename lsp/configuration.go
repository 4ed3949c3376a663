package lsp

import (
	"bytes"
	"encoding/json"
	"fmt"

	"go.lsp.dev/protocol"

	"securecomplete/completion"
	"securecomplete/config"
)

// Configuration: the file (--config, else securecomplete.toml in the
// workspace root, else the user's configuration directory), then the
// initializationOptions, then the last didChangeConfiguration settings;
// each later layer wins key by key. Every reload re-reads the file and
// rebuilds the engine.

// didChangeConfiguration re-reads the configuration with the new settings
// (the same keys as initializationOptions, bare or under a
// "securecomplete" key). A configuration that does not load keeps the
// previous engine and says so.
func (s *Server) didChangeConfiguration(raw json.RawMessage) error {
	var p DidChangeConfigurationParams
	if err := decodeParams(raw, &p); err != nil {
		s.showMessage(protocol.MessageTypeError, "securecomplete: workspace/didChangeConfiguration: "+err.Error())
		return err
	}
	settings := unwrapSettings(p.Settings)
	if err := s.reload(settings, true); err != nil {
		s.showMessage(protocol.MessageTypeError, fmt.Sprintf("securecomplete: the new configuration does not load (%v); %s", err, s.keptWhat()))
		return err
	}
	return nil
}

// keptWhat says what answers completions after a failed reload.
func (s *Server) keptWhat() string {
	s.st.mu.Lock()
	defer s.st.mu.Unlock()
	if s.st.engine != nil {
		return "model " + s.st.engine.Model().Name + " keeps answering with the previous settings"
	}
	return "no completions until it is fixed"
}

// unwrapSettings accepts the settings bare or under "securecomplete", as
// VS Code sends a section; an empty object or null is no settings.
func unwrapSettings(raw json.RawMessage) json.RawMessage {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var top map[string]json.RawMessage
	if json.Unmarshal(raw, &top) != nil {
		return raw // ApplyJSON reports what is wrong
	}
	if len(top) == 0 {
		return nil
	}
	if inner, ok := top["securecomplete"]; ok && len(top) == 1 {
		return unwrapSettings(inner)
	}
	return raw
}

// reload loads the configuration and builds the engine. With change set
// (didChangeConfiguration), settings replace the stored ones and a
// failure keeps the previous engine; at initialize a failure leaves no
// engine and the reason is shown once the client is initialized.
func (s *Server) reload(settings json.RawMessage, change bool) error {
	s.st.mu.Lock()
	root, initOpts := s.st.root, s.st.initOpts
	if !change {
		settings = s.st.settings
	}
	s.st.mu.Unlock()

	cfg, err := s.loadConfig(root, initOpts, settings)
	var eng *completion.Engine
	if err == nil {
		eng, err = s.buildEngine(cfg)
	}

	s.st.mu.Lock()
	defer s.st.mu.Unlock()
	if err != nil {
		if !change || s.st.engine == nil {
			s.st.engine, s.st.engineErr = nil, err
		}
		return err
	}
	s.st.cfg, s.st.engine, s.st.engineErr = cfg, eng, nil
	if change {
		s.st.settings = settings
	}
	m := eng.Model()
	s.health.reset()
	s.log.Info("configuration loaded", "source", cfg.Source, "model", m.Name, "base_url", m.DisplayURL(),
		"server_model", m.Model, "n", m.N, "max_tokens", m.MaxTokens, "timeout", m.Timeout.Std())
	return nil
}

// loadConfig layers the file, the initializationOptions and the settings.
func (s *Server) loadConfig(root string, initOpts, settings json.RawMessage) (*config.Config, error) {
	cfg, err := config.Find(s.opts.ConfigPath, root)
	if err != nil {
		return nil, err
	}
	if cfg, err = cfg.ApplyJSON(initOpts); err != nil {
		return nil, fmt.Errorf("initializationOptions: %w", err)
	}
	if cfg, err = cfg.ApplyJSON(settings); err != nil {
		return nil, fmt.Errorf("didChangeConfiguration settings: %w", err)
	}
	return cfg, nil
}

// buildEngine makes the engine of the model that answers completions.
func (s *Server) buildEngine(cfg *config.Config) (*completion.Engine, error) {
	m, err := cfg.CompletionModel()
	if err != nil {
		return nil, err
	}
	client, err := completion.NewClient(m)
	if err != nil {
		return nil, err
	}
	tokens, err := s.tokens()
	if err != nil {
		return nil, err
	}
	eng, err := completion.NewEngine(m, s.limit.client(client), tokens)
	if err != nil {
		return nil, err
	}
	if cfg.Completion.Screen != config.ScreenOff {
		eng.WithScreener(s.rules, cfg.Completion.Screen == config.ScreenHide)
	}
	return eng, nil
}
