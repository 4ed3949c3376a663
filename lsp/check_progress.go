package lsp

import (
	"context"
	"encoding/json"
	"strings"
	"time"
)

// Work-done progress of the background checks: an external run that goes
// on longer than progressAfter is shown (when the client shows
// server-initiated progress) naming the analyzer and the file, and the
// user can cancel it from there (window/workDoneProgress/cancel).

// progressWhileRunning waits for done; when the run is still going after
// progressAfter it begins a progress, which ends with *outcome when done
// closes. cancel stops the run when the user cancels the progress.
func (l *loop) progressWhileRunning(ctx context.Context, cancel context.CancelCauseFunc, analyzer, file string, done <-chan struct{}, outcome *string) {
	if !l.s.st.workDoneProgress() {
		return
	}
	t := time.NewTimer(progressAfter)
	defer t.Stop()
	select {
	case <-done:
		return
	case <-ctx.Done():
		return
	case <-t.C:
	}
	// The cancel is registered before the begin is sent: a user (or a
	// client) may cancel as soon as the progress shows.
	p := l.s.beginProgressCreated(ctx, "Checking accepted code", analyzer+" on "+file, func(token string) {
		l.mu.Lock()
		l.progress[token] = cancel
		l.mu.Unlock()
	})
	if p.token != "" {
		defer func() {
			l.mu.Lock()
			delete(l.progress, p.token)
			l.mu.Unlock()
		}()
	}
	<-done
	p.end(analyzer+" on "+file+": "+*outcome, false)
}

// workDoneProgressCancel cancels the check whose progress the user
// cancelled.
func (s *Server) workDoneProgressCancel(raw json.RawMessage) error {
	var p WorkDoneProgressCancelParams
	if err := decodeParams(raw, &p, "token"); err != nil {
		return err
	}
	var token string
	if json.Unmarshal(p.Token, &token) != nil {
		token = strings.TrimSpace(string(p.Token))
	}
	s.loop.mu.Lock()
	cancel := s.loop.progress[token]
	s.loop.mu.Unlock()
	if cancel != nil {
		s.log.Info("check cancelled from its progress", "token", token)
		cancel(errProgressCancelled)
	}
	return nil
}
