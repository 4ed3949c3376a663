package embedded

import "securecomplete/completion/embedded/ctrack"

// Every token of the vocabulary is classified once, when the model is
// built or loaded, for the syntax tracker (package ctrack): an identifier, a
// keyword of some kind, a punctuator of some kind, a literal, layout,
// comment text. Identifiers and keywords also get a name index: the
// tokens " count" and "count" are one name.

// tinfo is a token's class for the tracker.
type tinfo = ctrack.Token

// classify returns the class of a token's text (with its leading space
// or comment mark) and, for identifiers and keywords, the bare name.
func classify(tok string) (tinfo, string) {
	switch tok {
	case specialTokens[bos]:
		return tinfo{Class: ctrack.BOS, Name: -1}, ""
	case specialTokens[eos]:
		return tinfo{Class: ctrack.EOS, Name: -1}, ""
	}
	return ctrack.Classify(tok)
}

// names indexes the identifiers and keywords of a vocabulary.
type names struct {
	list []string
	idx  map[string]int32
}

func (n *names) intern(s string) int32 {
	if i, ok := n.idx[s]; ok {
		return i
	}
	i := int32(len(n.list))
	n.list = append(n.list, s)
	n.idx[s] = i
	return i
}

// classifyVocab fills m.info and m.names for the vocabulary.
func (m *Model) classifyVocab() {
	m.tinfo = make([]tinfo, len(m.vocab))
	m.names = names{idx: make(map[string]int32, len(m.vocab)/2)}
	for id, tok := range m.vocab {
		ti, name := classify(tok)
		if name != "" {
			ti.Name = m.names.intern(name)
		}
		m.tinfo[id] = ti
	}
	m.vocabNames = int32(len(m.names.list))
}
