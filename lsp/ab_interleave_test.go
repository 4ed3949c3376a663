package lsp

import (
	"fmt"
	"strings"
	"testing"

	"securecomplete/analysis"
	"securecomplete/completion"
)

func cands(texts ...string) []completion.Candidate {
	out := make([]completion.Candidate, len(texts))
	for i, t := range texts {
		out[i] = completion.Candidate{Text: t}
	}
	return out
}

// coins returns the flips in order (true: arm A picks first), then
// false.
func coins(flips ...bool) func() bool {
	i := 0
	return func() bool {
		i++
		return i <= len(flips) && flips[i-1]
	}
}

func TestTeamDraft(t *testing.T) {
	for _, tt := range []struct {
		name  string
		a, b  []completion.Candidate
		coins []bool
		want  string
	}{
		{"A wins the flips", cands("a1", "a2"), cands("b1", "b2"), []bool{true, true}, "A:a1 B:b1 A:a2 B:b2"},
		{"B wins the flips", cands("a1", "a2"), cands("b1", "b2"), []bool{false, false}, "B:b1 A:a1 B:b2 A:a2"},
		{"a flip per round", cands("a1", "a2"), cands("b1", "b2"), []bool{true, false}, "A:a1 B:b1 B:b2 A:a2"},
		{"shared candidate shown once, for the arm that picked it", cands("x", "a2"), cands("x ", "b2"), []bool{true}, "A:x B:b2 A:a2"},
		{"one arm empty", nil, cands("b1", "b2"), nil, "B:b1 B:b2"},
		{"uneven lists", cands("a1", "a2", "a3"), cands("b1"), []bool{false}, "B:b1 A:a1 A:a2 A:a3"},
		{"all duplicates", cands("x", "y"), cands("y", "x"), []bool{true, true}, "A:x B:y"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range teamDraft(tt.a, tt.b, coins(tt.coins...)) {
				got = append(got, c.arm+":"+strings.TrimSpace(c.Text))
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("teamDraft = %s, want %s", g, tt.want)
			}
		})
	}
}

func TestFlaggedLast(t *testing.T) {
	in := []armCandidate{
		{Candidate: completion.Candidate{Text: "v1", Findings: []analysis.Finding{{CWE: "CWE-787"}}}, arm: "A"},
		{Candidate: completion.Candidate{Text: "s1"}, arm: "B"},
		{Candidate: completion.Candidate{Text: "v2", Findings: []analysis.Finding{{CWE: "CWE-120"}}}, arm: "B"},
		{Candidate: completion.Candidate{Text: "s2"}, arm: "A"},
	}
	var got []string
	for _, c := range flaggedLast(in) {
		got = append(got, fmt.Sprint(c.arm, ":", c.Text))
	}
	if g := strings.Join(got, " "); g != "B:s1 A:s2 A:v1 B:v2" {
		t.Errorf("flaggedLast = %s", g)
	}
}
