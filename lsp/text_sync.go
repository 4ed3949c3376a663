package lsp

import (
	"encoding/json"
	"fmt"

	"go.lsp.dev/protocol"
)

// Text synchronisation: didOpen, didChange (full and incremental),
// didClose, didSave. They run on the read loop, in order, so a request
// that follows an edit sees it.

func (s *Server) didOpen(raw json.RawMessage) error {
	var p protocol.DidOpenTextDocumentParams
	if err := decodeParams(raw, &p); err != nil {
		return err
	}
	if p.TextDocument.URI == "" {
		return invalidParams("textDocument.uri is missing")
	}
	d := newDocument(p.TextDocument.URI, string(p.TextDocument.LanguageID), p.TextDocument.Version, p.TextDocument.Text)
	s.st.setDoc(d)
	s.loop.didOpen(d.uri, d.version, p.TextDocument.Text)
	s.log.Debug("didOpen", "uri", d.uri, "lang", d.lang, "bytes", len(d.text), "lines", len(d.lines))
	return nil
}

func (s *Server) didChange(raw json.RawMessage) error {
	var p DidChangeTextDocumentParams
	if err := decodeParams(raw, &p); err != nil {
		return err
	}
	d := s.st.doc(p.TextDocument.URI)
	if d == nil {
		return fmt.Errorf("didChange for %s, which is not open", p.TextDocument.URI)
	}
	s.st.setDoc(d.apply(p.TextDocument.Version, p.ContentChanges))
	s.loop.didChange(p.TextDocument.URI, p.TextDocument.Version, p.ContentChanges)
	return nil
}

func (s *Server) didClose(raw json.RawMessage) error {
	var p protocol.DidCloseTextDocumentParams
	if err := decodeParams(raw, &p); err != nil {
		return err
	}
	if !s.st.closeDoc(p.TextDocument.URI) {
		return fmt.Errorf("didClose for %s, which is not open", p.TextDocument.URI)
	}
	s.st.cancelDocument(p.TextDocument.URI, errClosed)
	s.loop.didClose(p.TextDocument.URI)
	s.abDidClose(p.TextDocument.URI) // ab_events.go
	return nil
}

// didSave changes no text (the server works on the text the client
// sent); it queues a whole-file check when [analysis] on_save is set.
func (s *Server) didSave(raw json.RawMessage) error {
	var p protocol.DidSaveTextDocumentParams
	if err := decodeParams(raw, &p); err != nil {
		return err
	}
	s.loop.didSave(p.TextDocument.URI)
	return nil
}
