package lsp

import (
	"context"
	"encoding/json"
	"fmt"

	"go.lsp.dev/protocol"
)

// The security loop's commands: securecomplete.selectModel {name},
// securecomplete.analyzeFile {uri}, securecomplete.status.

// securityCommand prepares one of the loop's commands; ok is false for a
// command that is not one of them.
func (s *Server) securityCommand(p ExecuteCommandParams) (j job, ok bool, err error) {
	switch p.Command {
	case CommandSelectModel:
		var a struct {
			Name string `json:"name"`
		}
		if err := oneArg(p, &a, `{"name": "gptj-ft"}`); err != nil || a.Name == "" {
			if err == nil {
				err = invalidParams("%s: name is empty", p.Command)
			}
			return nil, true, err
		}
		return func(context.Context) (any, error) { return s.selectModel(a.Name) }, true, nil
	case CommandAnalyzeFile:
		var a struct {
			URI protocol.DocumentURI `json:"uri"`
		}
		if err := oneArg(p, &a, `{"uri": "file:///src/main.c"}`); err != nil || a.URI == "" {
			if err == nil {
				err = invalidParams("%s: uri is empty", p.Command)
			}
			return nil, true, err
		}
		// Taken on the read loop: the check sees the text as of this
		// command.
		if err := s.loop.analyzeFile(a.URI, "command"); err != nil {
			return nil, true, err
		}
		return func(context.Context) (any, error) { return s.status(), nil }, true, nil
	case CommandStatus:
		return func(context.Context) (any, error) { return s.status(), nil }, true, nil
	}
	return nil, false, nil
}

// oneArg decodes a command's single object argument.
func oneArg(p ExecuteCommandParams, v any, example string) error {
	if len(p.Arguments) != 1 {
		return invalidParams("%s takes one argument, %s; got %d", p.Command, example, len(p.Arguments))
	}
	if err := json.Unmarshal(p.Arguments[0], v); err != nil {
		return invalidParams("%s argument %s: want %s", p.Command, p.Arguments[0], example)
	}
	return nil
}

// selectModel makes the named configured model answer for the rest of
// the session and returns the new status.
func (s *Server) selectModel(name string) (any, error) {
	cfg := s.st.config()
	if cfg == nil {
		return nil, fmt.Errorf("%s: no configuration is loaded", CommandSelectModel)
	}
	if _, err := cfg.Model(name); err != nil {
		return nil, invalidParams("%s: %v", CommandSelectModel, err)
	}
	s.loop.mu.Lock()
	prev := s.loop.model
	s.loop.model = name
	s.loop.mu.Unlock()
	if err := s.reload(nil, false); err != nil {
		s.loop.mu.Lock()
		s.loop.model = prev
		s.loop.mu.Unlock()
		_ = s.reload(nil, false)
		return nil, fmt.Errorf("%s %q: %w", CommandSelectModel, name, err)
	}
	s.log.Info("model selected", "model", name)
	s.loop.statusChanged()
	return s.status(), nil
}

// selectedModel is the model selectModel chose, "" for the configured
// one.
func (l *loop) selectedModel() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.model
}
