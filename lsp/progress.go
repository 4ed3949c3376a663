package lsp

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"time"

	"go.lsp.dev/protocol"
)

// progress reports one piece of long work to the user: through
// work-done progress ($/progress) when the client said it shows it, else
// as a window message when it begins and when it ends, never one per
// step.
type progress struct {
	s     *Server
	token string // "" when the client has no work-done progress
	title string
}

// progressCreateTimeout bounds the wait for the client's answer to
// window/workDoneProgress/create.
const progressCreateTimeout = 2 * time.Second

// beginProgress starts reporting work titled title, with a first message.
func (s *Server) beginProgress(ctx context.Context, title, message string) *progress {
	return s.beginProgressCreated(ctx, title, message, nil)
}

// beginProgressCreated is beginProgress that calls created (when not nil)
// with the token once the client has made it and before the begin is
// sent, so that whatever a cancel of that token must reach is in place
// before the user can see the progress.
func (s *Server) beginProgressCreated(ctx context.Context, title, message string, created func(token string)) *progress {
	p := &progress{s: s, title: title}
	if s.st.workDoneProgress() {
		token := fmt.Sprintf("securecomplete/%d", s.progressSeq.Add(1))
		cctx, cancel := context.WithTimeout(ctx, progressCreateTimeout)
		_, err := s.conn.Call(cctx, MethodWorkDoneProgressCreate, &WorkDoneProgressCreateParams{Token: token}, nil)
		cancel()
		if err == nil {
			p.token = token
			if created != nil {
				created(token)
			}
			s.notify(MethodProgress, &ProgressParams{Token: token, Value: WorkDoneProgressValue{Kind: "begin", Title: title, Message: message}})
			s.log.Info("progress", "title", title, "message", message)
			return p
		}
		s.log.Warn("the client did not create a progress token", "err", err)
	}
	s.showMessage(protocol.MessageTypeInfo, "securecomplete: "+title+": "+message)
	return p
}

// report says how the work goes; without work-done progress it is only
// logged.
func (p *progress) report(message string) {
	if p.token == "" {
		p.s.log.Debug("progress", "title", p.title, "message", message)
		return
	}
	p.s.notify(MethodProgress, &ProgressParams{Token: p.token, Value: WorkDoneProgressValue{Kind: "report", Message: message}})
}

// end closes the progress with a last message; failed shows it as an
// error whatever the client supports.
func (p *progress) end(message string, failed bool) {
	if p.token != "" {
		p.s.notify(MethodProgress, &ProgressParams{Token: p.token, Value: WorkDoneProgressValue{Kind: "end", Message: message}})
	}
	switch {
	case failed:
		p.s.showMessage(protocol.MessageTypeError, "securecomplete: "+p.title+": "+message)
	case p.token == "":
		p.s.showMessage(protocol.MessageTypeInfo, "securecomplete: "+p.title+": "+message)
	default:
		p.s.log.Info("progress", "title", p.title, "message", message)
	}
}

// writer returns an io.Writer whose lines become reports; close it when
// the work ends.
func (p *progress) writer() io.WriteCloser {
	r, w := io.Pipe()
	done := make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			if line := strings.TrimSpace(sc.Text()); line != "" {
				p.report(line)
			}
		}
		_, _ = io.Copy(io.Discard, r)
	}()
	return &progressWriter{w: w, done: done}
}

type progressWriter struct {
	w      *io.PipeWriter
	done   chan struct{}
	closed atomic.Bool
}

func (pw *progressWriter) Write(b []byte) (int, error) { return pw.w.Write(b) }

func (pw *progressWriter) Close() error {
	if pw.closed.Swap(true) {
		return nil
	}
	err := pw.w.Close()
	<-pw.done
	return err
}
