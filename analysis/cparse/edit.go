package cparse

import (
	"strings"

	sitter "github.com/smacker/go-tree-sitter"
)

// Edit returns the edit that replaces bytes [start, end) of old with
// repl, in tree-sitter's terms: byte offsets, and points whose column
// counts bytes from the start of the line. start and end must be within
// old, start <= end.
func Edit(old string, start, end int, repl string) sitter.EditInput {
	sp := PointAt(old, start)
	return sitter.EditInput{
		StartIndex:  uint32(start),
		OldEndIndex: uint32(end),
		NewEndIndex: uint32(start + len(repl)),
		StartPoint:  sp,
		OldEndPoint: PointAt(old, end),
		NewEndPoint: advance(sp, repl),
	}
}

// PointAt returns the point of byte offset off in text.
func PointAt(text string, off int) sitter.Point {
	return advance(sitter.Point{}, text[:off])
}

// advance returns the point after s when s starts at p.
func advance(p sitter.Point, s string) sitter.Point {
	nl := strings.Count(s, "\n")
	if nl == 0 {
		return sitter.Point{Row: p.Row, Column: p.Column + uint32(len(s))}
	}
	return sitter.Point{Row: p.Row + uint32(nl), Column: uint32(len(s) - strings.LastIndexByte(s, '\n') - 1)}
}
