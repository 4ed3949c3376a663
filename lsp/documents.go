package lsp

import (
	"fmt"
	"net/url"
	"path/filepath"
	"unicode"
	"unicode/utf8"

	"go.lsp.dev/protocol"

	"securecomplete/analysis"
)

// document is one open text document. It is immutable: an edit makes a
// new document, so a completion running on a snapshot never sees the
// text move under it.
type document struct {
	uri     protocol.DocumentURI
	path    string // file path for file: URIs, else the URI
	lang    analysis.Lang
	version int32
	mapper
}

func newDocument(uri protocol.DocumentURI, languageID string, version int32, text string) *document {
	path := uriPath(uri)
	return &document{uri: uri, path: path, lang: docLang(languageID, path), version: version, mapper: newMapper(text)}
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
	for _, c := range changes {
		if c.Range == nil {
			nd.mapper = newMapper(c.Text)
			continue
		}
		start, end := nd.offset(c.Range.Start), nd.offset(c.Range.End)
		if end < start {
			start, end = end, start
		}
		nd.mapper = nd.replace(start, end, c.Text)
	}
	return &nd
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
