package lsp

import (
	"context"
	"log/slog"
	"sort"
	"strings"
)

// Blinding: while A/B mode is asked for, nothing the server sends names
// a compared model. Names reach the editor through a few doors, each
// closed here: shownModel (diagnostics' related information and data,
// code action titles, the status), showMessage and the log at info level
// and above (scrub), and the completion item detail, which says "A/B".
// The debug log is left whole, for whoever runs the comparison.

// blinding returns the replacements of the compared models' names by
// their arms, longest first, when A/B mode is asked for; nil otherwise.
// Before the store has drawn the arms, both names read "A/B".
func (a *abMode) blinding() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	if !a.wanted() || len(a.models) != 2 {
		return nil
	}
	type pair struct{ name, arm string }
	var pairs []pair
	for name, m := range a.models {
		arm := a.arms.Arm(name)
		if arm == "" {
			arm = "A/B"
		}
		pairs = append(pairs, pair{name, arm})
		if m.Model != "" && m.Model != name && len(m.Model) >= 3 {
			pairs = append(pairs, pair{m.Model, arm})
		}
	}
	sort.Slice(pairs, func(i, j int) bool { return len(pairs[i].name) > len(pairs[j].name) })
	out := make([]string, 0, 2*len(pairs))
	for _, p := range pairs {
		out = append(out, p.name, "arm "+p.arm)
	}
	return out
}

// scrub replaces the compared models' names in s by their arms.
func (a *abMode) scrub(s string) string {
	if r := a.blinding(); r != nil {
		return strings.NewReplacer(r...).Replace(s)
	}
	return s
}

// shown is what the editor may see of a model's name: its arm's letter
// while A/B mode is asked for and it is one of the compared models.
func (a *abMode) shown(name string) string {
	a.mu.Lock()
	defer a.mu.Unlock()
	if !a.wanted() {
		return name
	}
	if _, ok := a.models[name]; !ok {
		return name
	}
	if arm := a.arms.Arm(name); arm != "" {
		return arm
	}
	return "A/B"
}

// blindHandler scrubs the compared models' names from log records at
// info level and above while A/B mode is asked for.
type blindHandler struct {
	inner slog.Handler
	ab    func() *abMode
}

func (h blindHandler) Enabled(ctx context.Context, l slog.Level) bool { return h.inner.Enabled(ctx, l) }

func (h blindHandler) Handle(ctx context.Context, r slog.Record) error {
	a := h.ab()
	if a == nil || r.Level < slog.LevelInfo {
		return h.inner.Handle(ctx, r)
	}
	rep := a.blinding()
	if rep == nil {
		return h.inner.Handle(ctx, r)
	}
	sr := strings.NewReplacer(rep...)
	out := slog.NewRecord(r.Time, r.Level, sr.Replace(r.Message), r.PC)
	r.Attrs(func(at slog.Attr) bool {
		out.AddAttrs(scrubAttr(sr, at))
		return true
	})
	return h.inner.Handle(ctx, out)
}

func scrubAttr(sr *strings.Replacer, at slog.Attr) slog.Attr {
	v := at.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(at.Key, sr.Replace(v.String()))
	case slog.KindGroup:
		g := v.Group()
		out := make([]any, len(g))
		for i, x := range g {
			out[i] = scrubAttr(sr, x)
		}
		return slog.Group(at.Key, out...)
	case slog.KindAny:
		if err, ok := v.Any().(error); ok {
			return slog.String(at.Key, sr.Replace(err.Error()))
		}
		return slog.String(at.Key, sr.Replace(v.String()))
	}
	return at
}

func (h blindHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return blindHandler{inner: h.inner.WithAttrs(as), ab: h.ab}
}

func (h blindHandler) WithGroup(name string) slog.Handler {
	return blindHandler{inner: h.inner.WithGroup(name), ab: h.ab}
}
