package lsp

import (
	"sort"
	"strings"
	"unicode/utf8"

	"go.lsp.dev/protocol"
)

// The one place where wire positions (a line and a column counted in
// UTF-16 code units) and byte offsets into a document's UTF-8 text meet.
// Everything inside the server works in byte offsets.
//
// Lines end at "\n"; a "\r" before it belongs to the line ending, so a
// column past the end of a "\r\n" line stops before the "\r". Positions
// are clamped, never refused: a line past the end maps to the end of the
// text, a column past the end of its line to the end of the line, and a
// column inside a character that takes two UTF-16 units (an emoji) to the
// start of that character. A byte that is not valid UTF-8 counts as one
// unit, as the U+FFFD a client would show for it.

// mapper converts positions for one immutable text.
type mapper struct {
	text  string
	lines []int // byte offset where each line starts; lines[0] == 0
}

func newMapper(text string) mapper {
	return mapper{text: text, lines: lineStarts(text)}
}

// lineStarts returns the byte offset at which each line of text starts.
func lineStarts(text string) []int {
	starts := make([]int, 1, strings.Count(text, "\n")+1)
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			return starts
		}
		i += j + 1
		starts = append(starts, i)
	}
}

// lineEnd returns the byte offset where the content of line i ends,
// before its line ending.
func (m *mapper) lineEnd(i int) int {
	if i+1 >= len(m.lines) {
		return len(m.text)
	}
	end := m.lines[i+1] - 1 // the '\n'
	if end > m.lines[i] && m.text[end-1] == '\r' {
		end--
	}
	return end
}

// offset returns the byte offset of p, clamped into the text.
func (m *mapper) offset(p protocol.Position) int {
	line := int(p.Line)
	if line >= len(m.lines) {
		return len(m.text)
	}
	off, end := m.lines[line], m.lineEnd(line)
	want := int(p.Character)
	for units := 0; off < end; {
		r, size := utf8.DecodeRuneInString(m.text[off:end])
		u := utf16Len(r)
		if units+u > want {
			break
		}
		units += u
		off += size
	}
	return off
}

// position returns the wire position of byte offset off, clamped into the
// text. An offset inside a UTF-8 sequence maps to the start of that
// character.
func (m *mapper) position(off int) protocol.Position {
	off = max(0, min(off, len(m.text)))
	line := sort.SearchInts(m.lines, off+1) - 1
	units := 0
	for i := m.lines[line]; i < off; {
		r, size := utf8.DecodeRuneInString(m.text[i:])
		if i+size > off {
			break
		}
		units += utf16Len(r)
		i += size
	}
	return protocol.Position{Line: uint32(line), Character: uint32(units)}
}

// lineOf returns the line holding byte offset off.
func (m *mapper) lineOf(off int) int {
	return sort.SearchInts(m.lines, off+1) - 1
}

// utf16Len returns how many UTF-16 code units r takes.
func utf16Len(r rune) int {
	if r >= 0x10000 && r <= utf8.MaxRune {
		return 2
	}
	return 1
}

// replace returns the mapper for the text with bytes [start, end)
// replaced by s. The line index is updated around the change rather
// than rebuilt, so a keystroke in a long file costs a copy of the text
// and of the index, not a scan of it.
func (m *mapper) replace(start, end int, s string) mapper {
	var b strings.Builder
	b.Grow(len(m.text) - (end - start) + len(s))
	b.WriteString(m.text[:start])
	b.WriteString(s)
	b.WriteString(m.text[end:])
	text := b.String()

	first, last := m.lineOf(start), m.lineOf(end)
	added := strings.Count(s, "\n")
	lines := make([]int, 0, len(m.lines)-(last-first)+added)
	lines = append(lines, m.lines[:first+1]...)
	for i := 0; ; {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		lines = append(lines, start+i)
	}
	delta := len(s) - (end - start)
	for _, l := range m.lines[last+1:] {
		lines = append(lines, l+delta)
	}
	return mapper{text: text, lines: lines}
}
