package lsp

import (
	"strings"
	"time"

	"go.lsp.dev/protocol"
)

// Accepted ranges that follow the document. An accepted candidate becomes
// a trackedRange; every later didChange moves it (an edit before it),
// changes its length (an edit inside it), shrinks it (an edit across one
// of its ends) or ends it (an edit that removes all of it). The same
// arithmetic moves the findings reported in a document, so that
// diagnostics stay where the code is. Everything here is in byte offsets;
// byteEdits converts a didChange's UTF-16 ranges once, against the text
// each change applies to.

// byteEdit is one replacement in byte offsets of the text it applies to:
// [Start, End) replaced by NewLen bytes.
type byteEdit struct {
	Start, End, NewLen int
}

// delta is how much the edit moves the text after it.
func (e byteEdit) delta() int { return e.NewLen - (e.End - e.Start) }

// byteEdits returns the edits of one didChange, in order, each in byte
// offsets of the text left by the ones before it, and the text after all
// of them. A change without a range (the whole text) becomes the one
// edit between the old and the new text's common prefix and suffix, so
// that a client that sends full text still moves ranges rather than
// ending them. Ranges are clamped into the text as the document does it.
func byteEdits(old string, changes []TextDocumentContentChangeEvent) ([]byteEdit, string) {
	m := newMapper(old)
	edits := make([]byteEdit, 0, len(changes))
	for _, c := range changes {
		if c.Range == nil {
			edits = append(edits, diffEdit(m.text, c.Text))
			m = newMapper(c.Text)
			continue
		}
		start, end := m.offset(c.Range.Start), m.offset(c.Range.End)
		if end < start {
			start, end = end, start
		}
		edits = append(edits, byteEdit{Start: start, End: end, NewLen: len(c.Text)})
		m = m.replace(start, end, c.Text)
	}
	return edits, m.text
}

// diffEdit is the smallest single replacement turning old into new.
func diffEdit(old, new string) byteEdit {
	p := 0
	for p < len(old) && p < len(new) && old[p] == new[p] {
		p++
	}
	s := 0
	for s < len(old)-p && s < len(new)-p && old[len(old)-1-s] == new[len(new)-1-s] {
		s++
	}
	return byteEdit{Start: p, End: len(old) - s, NewLen: len(new) - p - s}
}

// span is a half-open byte range [Start, End) of a document's text.
type span struct {
	Start, End int
}

func (s span) len() int { return s.End - s.Start }

// moveSpan returns where sp is after e, and whether any of it survives.
// An insertion at either end stays outside the span (text typed before
// or after accepted code is not accepted code); one strictly inside
// grows it. A replacement that covers the span entirely ends it.
func moveSpan(sp span, e byteEdit) (span, bool) {
	d := e.delta()
	switch {
	case e.End <= sp.Start:
		// Before the span (an insertion at its start included).
		return span{sp.Start + d, sp.End + d}, true
	case e.Start >= sp.End:
		// After it (an insertion at its end included).
		return sp, true
	case e.Start >= sp.Start && e.End <= sp.End:
		// Inside it.
		if e.Start == sp.Start && e.End == sp.End {
			return span{}, false // the whole span rewritten
		}
		return span{sp.Start, sp.End + d}, sp.End+d > sp.Start
	case e.Start <= sp.Start && e.End >= sp.End:
		return span{}, false // all of it removed
	case e.Start < sp.Start:
		// Across its start: the part up to e.End is gone, the new text
		// lies before what is left.
		ns := span{e.Start + e.NewLen, sp.End + d}
		return ns, ns.len() > 0
	default:
		// Across its end: what is left ends where the edit starts.
		ns := span{sp.Start, e.Start}
		return ns, ns.len() > 0
	}
}

// touches reports whether e changes any byte of sp (an insertion strictly
// inside it counts; one at either end does not).
func touches(sp span, e byteEdit) bool {
	if e.Start == e.End {
		return e.Start > sp.Start && e.Start < sp.End
	}
	return e.Start < sp.End && e.End > sp.Start
}

// cutSpan returns what is left of sp's original bytes after e: the parts
// outside [e.Start, e.End), moved. It is how a tracked range knows how
// much of the accepted text is still there.
func cutSpan(sp span, e byteEdit) []span {
	d := e.delta()
	switch {
	case e.End <= sp.Start:
		return []span{{sp.Start + d, sp.End + d}}
	case e.Start >= sp.End:
		return []span{sp}
	}
	var out []span
	if e.Start > sp.Start {
		out = append(out, span{sp.Start, e.Start})
	}
	if e.End < sp.End {
		out = append(out, span{e.End + d, sp.End + d})
	}
	return out
}

// trackedRange is one accepted candidate as it stands in its document
// now.
type trackedRange struct {
	ID       uint64 // numbers ranges in the server, from 1
	URI      protocol.DocumentURI
	Version  int32 // document version of the latest edit that moved or changed it
	Span     span
	Model    string // configured name of the model that wrote it
	Request  string // "c17"
	AcceptID string // "c17/2"
	Accepted time.Time
	// Original is how many bytes were accepted; Kept are the pieces of
	// them still in the document (not deleted or overwritten), for the
	// persistence the A/B comparison measures.
	Original int
	Kept     []span
	// Gen counts the edits that changed the range's own text: a check
	// started at one generation is stale at the next.
	Gen int
}

// KeptBytes is how many of the accepted bytes are still there.
func (r *trackedRange) KeptBytes() int {
	n := 0
	for _, k := range r.Kept {
		n += k.len()
	}
	return n
}

// Persistence is the share of the accepted text still in the document,
// between 0 and 1.
func (r *trackedRange) Persistence() float64 {
	if r.Original == 0 {
		return 0
	}
	return float64(r.KeptBytes()) / float64(r.Original)
}

// apply moves r through one edit made at version; it reports false when
// the range is gone.
func (r *trackedRange) apply(e byteEdit, version int32) bool {
	if touches(r.Span, e) {
		r.Gen++
	}
	var kept []span
	for _, k := range r.Kept {
		kept = append(kept, cutSpan(k, e)...)
	}
	r.Kept = kept
	sp, ok := moveSpan(r.Span, e)
	if !ok {
		return false
	}
	if sp != r.Span {
		r.Version = version
	}
	r.Span = sp
	return true
}

// findAccepted locates accepted text in a document: at byte offset near
// (the cursor the candidate was offered at) when it is there, else its
// closest occurrence within window bytes. It reports false when the text
// is not near (the client has not sent the insertion, or the user edited
// it away before the accept command arrived).
func findAccepted(text, accepted string, near, window int) (span, bool) {
	if accepted == "" {
		return span{}, false
	}
	near = max(0, min(near, len(text)))
	if strings.HasPrefix(text[near:], accepted) {
		return span{near, near + len(accepted)}, true
	}
	lo, hi := max(0, near-window-len(accepted)), min(len(text), near+window+len(accepted))
	area := text[lo:hi]
	best, bestDist := -1, 0
	for i := 0; ; {
		j := strings.Index(area[i:], accepted)
		if j < 0 {
			break
		}
		at := lo + i + j
		dist := at - near
		if dist < 0 {
			dist = -dist
		}
		if best < 0 || dist < bestDist {
			best, bestDist = at, dist
		}
		i += j + 1
	}
	if best < 0 {
		return span{}, false
	}
	return span{best, best + len(accepted)}, true
}
