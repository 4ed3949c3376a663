package lsp

import (
	"context"
	"errors"
	"fmt"
	"time"

	"securecomplete/completion"
)

// The default embedded model ("embedded:default") is trained on first
// use. The server does not train it: training lives in training/, which
// the serving side does not import. The command that starts the server
// passes the step (Options.PrepareDefaultModel); the server runs it in
// the background once, reports it to the editor as progress, answers
// completions with an empty list meanwhile, and builds the engine again
// when the model is ready.

// errModelPreparing is why there is no engine while the default embedded
// model is being made ready.
var errModelPreparing = errors.New("the default embedded model is being trained (first use); completions start when it is ready")

// defaultModelTitle names the preparation in the editor.
const defaultModelTitle = "default embedded model"

// defaultModel returns the file of the default embedded model when it is
// ready. Otherwise it starts making it ready (once) and returns
// errModelPreparing, or the error of a preparation that failed.
func (s *Server) defaultModel() (string, error) {
	path, err, start := s.st.claimDefaultModel()
	switch {
	case path != "":
		return path, nil
	case err != nil:
		return "", err
	case !start:
		return "", errModelPreparing
	}
	if s.opts.PrepareDefaultModel == nil {
		err := fmt.Errorf("%w, and this server was started without a way to train it: run `securecomplete train embedded` once, or use an embedded:PATH model", completion.ErrDefaultModelNotReady)
		s.st.setDefaultModel("", err)
		return "", err
	}
	s.jobsMu.Lock()
	if s.stopping {
		s.jobsMu.Unlock()
		return "", errShutdown
	}
	s.jobs.Add(1)
	s.jobsMu.Unlock()
	go func() {
		defer s.jobs.Done()
		s.prepareDefaultModel(s.base)
	}()
	return "", errModelPreparing
}

// prepareDefaultModel runs the preparation with its progress shown, then
// loads the configuration again so that the engine is built on the model.
func (s *Server) prepareDefaultModel(ctx context.Context) {
	select { // nothing goes to the client before it is initialized
	case <-s.initializedCh:
	case <-ctx.Done():
		s.st.setDefaultModel("", ctx.Err())
		return
	}
	start := time.Now()
	p := s.beginProgress(ctx, defaultModelTitle, "training on first use (seconds); completions start when it is ready")
	w := p.writer()
	path, err := s.opts.PrepareDefaultModel(ctx, w)
	_ = w.Close()
	if err == nil && path == "" {
		err = errors.New("the training step returned no model file")
	}
	if err != nil {
		err = fmt.Errorf("default embedded model: %w", err)
		s.log.Error("default embedded model", "err", err)
		s.st.setDefaultModel("", err)
		p.end(err.Error(), true)
		_ = s.reload(nil, false) // records the failure as why there is no engine
		return
	}
	s.st.setDefaultModel(path, nil)
	s.log.Info("default embedded model ready", "path", path, "took", time.Since(start).Round(time.Millisecond))
	if err := s.reload(nil, false); err != nil {
		p.end("ready, but the configuration does not load: "+err.Error(), true)
		return
	}
	p.end("ready", false)
}
