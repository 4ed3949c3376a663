package lsp

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

// The line that must round-trip: é (2 bytes, 1 UTF-16 unit), € (3 bytes,
// 1 unit), 😀 (4 bytes, 2 units).
const multibyte = "s = \"é€😀\"; x"

func TestMapperRoundTrip(t *testing.T) {
	text := "int a;\n" + multibyte + "\r\nlast 😀😀"
	m := newMapper(text)
	// Every character boundary maps to a position and back, except the
	// one between "\r" and "\n", which no client names.
	for off := 0; off <= len(text); off++ {
		if off < len(text) && !isRuneStart(text[off]) || strings.HasPrefix(text[off:], "\n") && text[off-1] == '\r' {
			continue
		}
		p := m.position(off)
		if want := utf16Pos(text, off); p != want {
			t.Errorf("position(%d) = %v, want %v", off, p, want)
		}
		if got := m.offset(p); got != off {
			t.Errorf("offset(position(%d) = %v) = %d", off, p, got)
		}
	}
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

func TestMapperOffset(t *testing.T) {
	text := "int a;\n" + multibyte + "\r\nlast 😀😀"
	line1 := len("int a;\n")
	line2 := line1 + len(multibyte) + 2
	m := newMapper(text)
	tests := []struct {
		name string
		pos  protocol.Position
		want int
	}{
		{"start", protocol.Position{Line: 0, Character: 0}, 0},
		{"end of first line", protocol.Position{Line: 0, Character: 6}, 6},
		{"column past the line end clamps before the newline", protocol.Position{Line: 0, Character: 99}, 6},
		{"after é", protocol.Position{Line: 1, Character: 6}, line1 + strings.Index(multibyte, "€")},
		{"after €", protocol.Position{Line: 1, Character: 7}, line1 + strings.Index(multibyte, "😀")},
		{"inside 😀's surrogate pair clamps to its start", protocol.Position{Line: 1, Character: 8}, line1 + strings.Index(multibyte, "😀")},
		{"after 😀", protocol.Position{Line: 1, Character: 9}, line1 + strings.Index(multibyte, "\"; x")},
		{"past a \\r\\n line stops before \\r", protocol.Position{Line: 1, Character: 50}, line1 + len(multibyte)},
		{"last line, after two emoji", protocol.Position{Line: 2, Character: 9}, len(text)},
		{"last line, past its end", protocol.Position{Line: 2, Character: 10}, len(text)},
		{"line past the end clamps to the end", protocol.Position{Line: 40, Character: 3}, len(text)},
		{"second emoji's middle", protocol.Position{Line: 2, Character: 8}, line2 + len("last 😀")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := m.offset(tt.pos); got != tt.want {
				t.Errorf("offset(%v) = %d, want %d", tt.pos, got, tt.want)
			}
		})
	}
}

func TestMapperPosition(t *testing.T) {
	text := multibyte + "\n"
	m := newMapper(text)
	tests := []struct {
		off  int
		want protocol.Position
	}{
		{0, protocol.Position{Line: 0, Character: 0}},
		{strings.Index(text, "😀"), protocol.Position{Line: 0, Character: 7}},
		{strings.Index(text, "😀") + 2, protocol.Position{Line: 0, Character: 7}}, // inside: its start
		{strings.Index(text, "\""+";"), protocol.Position{Line: 0, Character: 9}},
		{len(text), protocol.Position{Line: 1, Character: 0}},
		{len(text) + 10, protocol.Position{Line: 1, Character: 0}}, // clamped
		{-3, protocol.Position{Line: 0, Character: 0}},
	}
	for _, tt := range tests {
		if got := m.position(tt.off); got != tt.want {
			t.Errorf("position(%d) = %v, want %v", tt.off, got, tt.want)
		}
	}
}

func TestMapperInvalidUTF8(t *testing.T) {
	// Each invalid byte counts as one unit, as the U+FFFD a client shows.
	text := "a\xff\xfeb€c"
	m := newMapper(text)
	if got := m.offset(protocol.Position{Character: 3}); got != 3 {
		t.Errorf("offset past two invalid bytes = %d, want 3", got)
	}
	if got := m.position(strings.Index(text, "c")); got.Character != 5 {
		t.Errorf("position of c = %v, want character 5", got)
	}
}

// TestMapperReplace checks the incrementally updated line index against
// one rebuilt from scratch, over random edits of multi-byte text.
func TestMapperReplace(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"", "x", "\n", "é", "€\n", "😀", "a\nb\n", "\r\n", "int f(void) {\n  return 0;\n}\n"}
	m := newMapper("first line\nsecond é€😀\nthird\n")
	for i := range 2000 {
		start := rng.IntN(len(m.text) + 1)
		end := start + rng.IntN(min(8, len(m.text)-start)+1)
		for start > 0 && start < len(m.text) && !isRuneStart(m.text[start]) {
			start--
		}
		for end < len(m.text) && !isRuneStart(m.text[end]) {
			end++
		}
		s := pieces[rng.IntN(len(pieces))]
		want := m.text[:start] + s + m.text[end:]
		m = m.replace(start, end, s)
		if m.text != want {
			t.Fatalf("edit %d: text %q, want %q", i, m.text, want)
		}
		if fresh := lineStarts(m.text); !slices.Equal(m.lines, fresh) {
			t.Fatalf("edit %d: line index %v, want %v", i, m.lines, fresh)
		}
	}
}

func TestWordStart(t *testing.T) {
	tests := []struct{ text, word string }{
		{"  strc", "strc"},
		{"x = café", "café"},
		{"foo(", ""},
		{"a_b1", "a_b1"},
		{"", ""},
		{"😀ab", "ab"},
	}
	for _, tt := range tests {
		if got := tt.text[wordStart(tt.text, len(tt.text)):]; got != tt.word {
			t.Errorf("word before the end of %q = %q, want %q", tt.text, got, tt.word)
		}
	}
}
