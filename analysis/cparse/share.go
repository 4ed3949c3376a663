package cparse

import (
	"context"
	"sync"

	sitter "github.com/smacker/go-tree-sitter"

	"securecomplete/analysis"
)

// maxShared bounds the trees one shared context keeps.
const maxShared = 32

type sharedKey struct{}

// shared holds the trees parsed under one context from Share, by
// language and text.
type shared struct {
	mu    sync.Mutex
	trees [2]map[string]*sharedTree // analysis.C, analysis.CPP
	n     int
	done  bool
}

type sharedTree struct {
	once sync.Once
	tree *sitter.Tree // nil when the parse failed
	err  error
}

// Share returns a context under which every Pool parses a text at most
// once: the parts of one request that parse the same text (the screening's
// syntax check and the rules, say) share the parse. Each caller still gets
// a tree of its own (a Tree.Copy, which shares the nodes) and closes it.
// release closes the trees the context kept; call it when the request is
// done. A failed parse is not kept: its error depends on the limits of
// the pool that tried.
func Share(ctx context.Context) (_ context.Context, release func()) {
	s := &shared{}
	return context.WithValue(ctx, sharedKey{}, s), s.release
}

func sharedFrom(ctx context.Context) *shared {
	s, _ := ctx.Value(sharedKey{}).(*shared)
	return s
}

func (s *shared) parse(lang analysis.Lang, src []byte, parse func() (*sitter.Tree, error)) (*sitter.Tree, error) {
	i := 0
	if lang == analysis.CPP {
		i = 1
	}
	s.mu.Lock()
	if s.done {
		s.mu.Unlock()
		return parse()
	}
	e := s.trees[i][string(src)]
	if e == nil {
		if s.n >= maxShared {
			s.mu.Unlock()
			return parse()
		}
		if s.trees[i] == nil {
			s.trees[i] = map[string]*sharedTree{}
		}
		e = &sharedTree{}
		s.trees[i][string(src)] = e
		s.n++
	}
	s.mu.Unlock()
	e.once.Do(func() { e.tree, e.err = parse() })
	if e.err != nil {
		return parse() // with this caller's own limits
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done {
		return parse()
	}
	return e.tree.Copy(), nil
}

func (s *shared) release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done {
		return
	}
	s.done = true
	for _, m := range s.trees {
		for _, e := range m {
			if e.tree != nil {
				e.tree.Close()
			}
		}
	}
}
