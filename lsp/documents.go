package lsp

import (
	"fmt"
	"net/url"
	"path/filepath"
	"sync"
	"unicode"
	"unicode/utf8"

	"go.lsp.dev/protocol"

	"securecomplete/analysis"
	"securecomplete/completion"
)

// document is one open text document. It is immutable: an edit makes a
// new document, so a completion running on a snapshot never sees the
// text move under it. The one shared, mutable part is scan, which the
// snapshots of a document share and which has its own lock.
type document struct {
	uri     protocol.DocumentURI
	path    string // file path for file: URIs, else the URI
	lang    analysis.Lang
	version int32
	seq     uint64 // counts the document's snapshots: 1 when opened
	mapper
	scan *scanMemo
}

func newDocument(uri protocol.DocumentURI, languageID string, version int32, text string) *document {
	path := uriPath(uri)
	return &document{uri: uri, path: path, lang: docLang(languageID, path), version: version, seq: 1,
		mapper: newMapper(text), scan: &scanMemo{latest: 1}}
}

// scanMemo keeps what the completion engine learnt of a document's text
// in its last request, so that the next request on the same or an edited
// text does not read the whole text again: the checkpoint of the engine's
// scan for the enclosing definition (completion.Result.Checkpoint) and
// the snapshots (seq from through to) whose bytes before its offset are
// the same. Edits after the checkpoint keep it; an edit before it, or a
// change of the whole text, drops it.
type scanMemo struct {
	mu       sync.Mutex
	cp       *completion.Checkpoint
	from, to uint64
	latest   uint64 // the latest snapshot
}

// checkpoint returns the checkpoint that holds for snapshot seq, or nil.
func (m *scanMemo) checkpoint(seq uint64) *completion.Checkpoint {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.cp == nil || seq < m.from || seq > m.to {
		return nil
	}
	return m.cp
}

// keep records the checkpoint of a request on snapshot seq, unless the
// document has changed since.
func (m *scanMemo) keep(seq uint64, cp *completion.Checkpoint) {
	if cp == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if seq == m.latest {
		m.cp, m.from, m.to = cp, seq, seq
	}
}

// edited records snapshot next, made from prev by changes that left the
// bytes before from alone (from < 0: the whole text changed).
func (m *scanMemo) edited(prev, next uint64, from int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.latest = next
	if m.cp != nil && m.to == prev && from >= m.cp.Offset() {
		m.to = next
		return
	}
	m.cp = nil
}

// docLang picks the language from the client's languageId, else from the
// file name; C when neither says.
func docLang(languageID, path string) analysis.Lang {
	if l, ok := analysis.ParseLang(languageID); ok {
		return l
	}
	if l, ok := analysis.LangOf(path); ok {
		return l
	}
	return analysis.C
}

// apply returns the document after the changes of one didChange, in
// order. A change without a range replaces the whole text; ranges are
// clamped into the text (a reversed range is read start to end).
func (d *document) apply(version int32, changes []TextDocumentContentChangeEvent) *document {
	nd := *d
	nd.version = version
	nd.seq++
	// from is where the first byte that changed may be: bytes before the
	// smallest start of the changes stay where they were.
	from := len(d.text)
	for _, c := range changes {
		if c.Range == nil {
			nd.mapper = newMapper(c.Text)
			from = -1
			continue
		}
		start, end := nd.offset(c.Range.Start), nd.offset(c.Range.End)
		if end < start {
			start, end = end, start
		}
		if from >= 0 {
			from = min(from, start)
		}
		nd.mapper = nd.replace(start, end, c.Text)
	}
	nd.scan.edited(d.seq, nd.seq, from)
	return &nd
}

// hint returns what the engine may reuse for a request on the
// document's own text.
func (d *document) hint() *completion.Hint {
	return &completion.Hint{Resume: d.scan.checkpoint(d.seq), Lines: d.lines}
}

// uriPath returns the file path of a file: URI, or the URI itself.
func uriPath(uri protocol.DocumentURI) string {
	p, err := fileURIPath(string(uri))
	if err != nil {
		return string(uri)
	}
	return p
}

// fileURIPath returns the local path a file: URI names.
func fileURIPath(uri string) (string, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", fmt.Errorf("URI %q: %w", uri, err)
	}
	if u.Scheme != "file" {
		return "", fmt.Errorf("URI %q is not a file: URI", uri)
	}
	p := u.Path
	// file:///C:/x on Windows.
	if len(p) >= 3 && p[0] == '/' && p[2] == ':' {
		p = p[1:]
	}
	if p == "" {
		return "", fmt.Errorf("URI %q names no path", uri)
	}
	return filepath.FromSlash(p), nil
}

// wordStart returns the offset where the identifier ending at off starts
// (off itself when the cursor does not follow an identifier).
func wordStart(text string, off int) int {
	i := off
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		i -= size
	}
	return i
}
