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
	if eng, _ := s.st.engineNow(); eng != nil {
		return "model " + eng.Model().Name + " keeps answering with the previous settings"
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
	root, initOpts, stored := s.st.configInputs()
	if !change {
		settings = stored
	}
	cfg, err := s.loadConfig(root, initOpts, settings)
	var eng *completion.Engine
	if err == nil {
		eng, err = s.buildEngine(cfg)
	}
	s.st.setEngine(cfg, eng, err, change, settings)
	if err != nil {
		return err
	}
	m := eng.Model()
	s.health.reset()
	s.ab.configure(cfg) // ab.go
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

// buildEngine makes the engine of the model that answers completions,
// as every front end does (completion.Build), sharing the server's token
// counter and rules. A model served by the default embedded model needs
// it ready first (see defaultModel).
func (s *Server) buildEngine(cfg *config.Config) (*completion.Engine, error) {
	return s.buildEngineFor(cfg, s.loop.selectedModel())
}

// buildEngineFor makes the engine of the named configured model ("" the
// [completion] model).
func (s *Server) buildEngineFor(cfg *config.Config, name string) (*completion.Engine, error) {
	setup, err := completion.SetupFor(cfg, name)
	if err != nil {
		return nil, err
	}
	if setup.Tokens, err = s.tokens(); err != nil {
		return nil, err
	}
	setup.Rules = s.rules
	if completion.UsesDefaultModel(setup.Model) {
		if setup.Embedded.Default, err = s.defaultModel(); err != nil {
			return nil, err
		}
	}
	client, err := completion.NewClient(setup.Model, setup.Embedded)
	if err != nil {
		return nil, err
	}
	setup.Client = s.limit.client(client)
	return completion.Build(setup)
}
