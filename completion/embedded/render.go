package embedded

import "strings"

// printer writes tokens back as text in the style of a document: its
// indentation unit and whether it indents with tabs.
type printer struct {
	col  int // indentation of the current line, in columns
	unit int
	tabs bool
	bol  bool // at the beginning of a line (after a layout token)
}

// render returns the text of tok and advances the printer.
func (p *printer) render(tok string) string {
	if isLayout(tok) {
		blank, levels, cols := parseLayout(tok)
		p.col += levels*p.unit + cols
		if p.col < 0 {
			p.col = 0
		}
		if p.col > 240 {
			p.col = 240
		}
		p.bol = true
		nl := "\n"
		if blank {
			nl = "\n\n"
		}
		return nl + p.indent(p.col)
	}
	tok = tokenText(tok)
	if p.bol {
		p.bol = false
		return strings.TrimPrefix(tok, " ")
	}
	return tok
}

// peek returns what render would write, without advancing.
func (p *printer) peek(tok string) string {
	q := *p
	return q.render(tok)
}

// indent writes col columns of indentation.
func (p *printer) indent(col int) string {
	if !p.tabs {
		return strings.Repeat(" ", col)
	}
	return strings.Repeat("\t", col/tabWidth) + strings.Repeat(" ", col%tabWidth)
}

// Detokenize prints tokens back as text, indenting with four spaces a
// level from column 0.
func Detokenize(tokens []string) string {
	p := printer{unit: 4}
	var b strings.Builder
	for _, t := range tokens {
		b.WriteString(p.render(t))
	}
	return b.String()
}
