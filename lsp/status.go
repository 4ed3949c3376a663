package lsp

import (
	"encoding/json"
	"slices"
	"sort"
)

// Status of the security loop: the answering model and whether its
// endpoint is healthy, the analyzers available and not, the checks
// pending and running. The securecomplete/status notification carries it
// whenever it changes; the securecomplete.status command returns it.

// shownModel is what the editor may see of a model's name: every model
// name the loop shows (related information, code action titles, status)
// goes through it. It is the name itself; A/B mode makes it the arm's
// letter.
func (s *Server) shownModel(name string) string { return s.ab.shown(name) }

// healthy reports whether model's latest request did not fail.
func (h *modelHealth) healthy(model string) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	m := h.models[model]
	return m == nil || !m.failing
}

// status returns the loop's status now.
func (s *Server) status() Status {
	var st Status
	if eng, err := s.st.engineNow(); err == nil && eng != nil {
		name := eng.Model().Name
		st.Model, st.Healthy = s.shownModel(name), s.health.healthy(name)
	}
	if ab := s.ab.state(); ab.Enabled || ab.Reason != "off" {
		st.AB = &ab
		if ab.Enabled {
			st.Model = "A/B"
		}
	}
	l := s.loop
	l.mu.Lock()
	defer l.mu.Unlock()
	l.refresh()
	st.Analyzers.Available = []string{}
	if l.builtin {
		st.Analyzers.Available = append(st.Analyzers.Available, "builtin")
	}
	for _, a := range l.externals {
		st.Analyzers.Available = append(st.Analyzers.Available, a.Name())
	}
	st.Analyzers.Unavailable = []UnavailableReason{}
	for n, why := range l.missing {
		st.Analyzers.Unavailable = append(st.Analyzers.Unavailable, UnavailableReason{Name: n, Reason: why})
	}
	sort.Slice(st.Analyzers.Unavailable, func(i, j int) bool {
		return slices.Index(analyzerOrder(), st.Analyzers.Unavailable[i].Name) < slices.Index(analyzerOrder(), st.Analyzers.Unavailable[j].Name)
	})
	st.Pending, st.Running, st.Counts = len(l.pending), len(l.running), l.count
	for _, sd := range l.docs {
		st.Tracked += len(sd.ranges)
	}
	return st
}

func analyzerOrder() []string { return []string{"builtin", "gcc", "clang", "cppcheck", "codeql"} }

// statusChanged sends securecomplete/status when the status differs from
// the one sent last (never before the client is initialized).
func (l *loop) statusChanged() {
	select {
	case <-l.s.initializedCh:
	default:
		return
	}
	st := l.s.status()
	b, _ := json.Marshal(st)
	l.mu.Lock()
	same := string(b) == l.lastStatus
	l.lastStatus = string(b)
	l.mu.Unlock()
	if !same {
		l.s.notify(MethodStatus, st)
	}
}
