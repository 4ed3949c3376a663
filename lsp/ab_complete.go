package lsp

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"go.lsp.dev/protocol"

	"securecomplete/ab/store"
	"securecomplete/completion"
	"securecomplete/config"
)

// armCandidate is a candidate with the arm that wrote it.
type armCandidate struct {
	completion.Candidate
	arm string
}

// teamDraft interleaves two ranked lists as team-draft interleaving does
// (Radlinski et al., as search engines compare rankers): in each round the
// arm with fewer picks so far, or the one a coin flip names when they are
// even, adds its best candidate not already shown; a candidate both arms
// wrote is shown once, for the arm that picked it first.
func teamDraft(a, b []completion.Candidate, coinA func() bool) []armCandidate {
	var out []armCandidate
	seen := map[string]bool{}
	lists := [2][]completion.Candidate{a, b}
	names := [2]string{"A", "B"}
	next := [2]int{}
	picks := [2]int{}
	// skip moves an arm past candidates already shown; it reports
	// whether the arm has one left.
	skip := func(i int) bool {
		for next[i] < len(lists[i]) && seen[dedupKey(lists[i][next[i]].Text)] {
			next[i]++
		}
		return next[i] < len(lists[i])
	}
	for {
		hasA, hasB := skip(0), skip(1)
		if !hasA && !hasB {
			return out
		}
		i := 1
		switch {
		case !hasB:
			i = 0
		case !hasA:
			i = 1
		case picks[0] < picks[1]:
			i = 0
		case picks[0] == picks[1] && coinA():
			i = 0
		}
		c := lists[i][next[i]]
		next[i]++
		seen[dedupKey(c.Text)] = true
		picks[i]++
		out = append(out, armCandidate{Candidate: c, arm: names[i]})
	}
}

func dedupKey(s string) string { return strings.Join(strings.Fields(s), " ") }

// flaggedLast moves the candidates the screening flagged after the
// others, keeping each group's order: the [completion] screen = "rank"
// promise holds for the interleaved list as it does for one model's.
func flaggedLast(cs []armCandidate) []armCandidate {
	out := make([]armCandidate, 0, len(cs))
	for _, c := range cs {
		if len(c.Findings) == 0 {
			out = append(out, c)
		}
	}
	for _, c := range cs {
		if len(c.Findings) > 0 {
			out = append(out, c)
		}
	}
	return out
}

// armResult is one arm's answer to a request.
type armResult struct {
	arm     string
	model   string
	res     *completion.Result
	err     error
	latency time.Duration
}

// abCandidates answers a completion request in A/B mode: both arms
// (interleave) or one drawn at random (split, the other one when the
// drawn one fails), the events recorded, the candidates offered under
// their arms. The model name it returns is "A/B", what the editor shows.
func (s *Server) abCandidates(ctx context.Context, r *completeReq, text string, off int, hint *completion.Hint, own bool) ([]completion.Candidate, string, error) {
	a := s.ab
	a.mu.Lock()
	mode, arms, storeText := a.cfg.Mode, a.arms, a.cfg.StoreText
	engines := map[string]*completion.Engine{"A": a.engines[arms.A], "B": a.engines[arms.B]}
	screen := ""
	if cfg := s.st.config(); cfg != nil {
		screen = cfg.Completion.Screen
	}
	first := "A"
	if a.rnd.IntN(2) == 1 {
		first = "B"
	}
	coins := make([]bool, 16)
	for i := range coins {
		coins[i] = a.rnd.IntN(2) == 0
	}
	a.counts.Requests++
	a.mu.Unlock()
	a.endPrevious(r.doc.uri, r.id, "next_request")

	in := completion.Input{Path: r.doc.path, Lang: r.doc.lang, Text: text, Offset: off, Hint: hint}
	ask := func(arm string) armResult {
		start := time.Now()
		res, err := engines[arm].Complete(ctx, in)
		return armResult{arm: arm, model: arms.Model(arm), res: res, err: err, latency: time.Since(start)}
	}
	var results []armResult
	switch mode {
	case config.ABSplit:
		res := ask(first)
		results = append(results, res)
		if res.err != nil && ctx.Err() == nil {
			// The drawn arm failed: the other one answers, and the failure
			// stays the drawn arm's, recorded with its request.
			results = append(results, ask(other(first)))
		}
	default:
		var wg sync.WaitGroup
		results = make([]armResult, 2)
		for i, arm := range []string{"A", "B"} {
			wg.Add(1)
			go func() { defer wg.Done(); results[i] = ask(arm) }()
		}
		wg.Wait()
	}
	if own {
		for _, res := range results {
			if res.res != nil && res.res.Checkpoint != nil {
				r.doc.scan.keep(r.doc.seq, res.res.Checkpoint)
				break
			}
		}
	}

	cancelled := ctx.Err() != nil
	now := a.clock.Now()
	docHash := shortHash(string(r.doc.uri))
	lists := map[string][]completion.Candidate{}
	for _, res := range results {
		ev := store.Event{
			Type: store.TypeRequest, Time: now, Request: r.id, Arm: res.arm, Model: res.model,
			Lang: string(r.doc.lang), DocHash: docHash, Mode: mode, Cancelled: cancelled,
		}
		switch {
		case res.err == nil:
			ev.LatencyFirst, ev.LatencyAll = res.latency, res.latency
			lists[res.arm] = res.res.Candidates
			s.health.ok(res.model)
		case ctx.Err() != nil:
		default:
			ev.Error = s.ab.scrub(res.err.Error())
			ev.TimedOut = errors.Is(res.err, context.DeadlineExceeded) || strings.Contains(res.err.Error(), "no answer from")
			s.abArmFailed(r, res)
		}
		a.record(ev)
	}
	if cancelled {
		return nil, "A/B", ctx.Err()
	}

	var merged []armCandidate
	if mode == config.ABSplit {
		for _, res := range results {
			for _, c := range lists[res.arm] {
				merged = append(merged, armCandidate{Candidate: c, arm: res.arm})
			}
		}
	} else {
		i := 0
		merged = teamDraft(lists["A"], lists["B"], func() bool {
			c := coins[i%len(coins)]
			i++
			return c
		})
	}
	if screen == config.ScreenHide {
		kept := merged[:0]
		ranks := map[string]int{}
		for _, c := range merged {
			if len(c.Findings) == 0 {
				kept = append(kept, c)
				continue
			}
			a.record(store.Event{
				Type: store.TypeHidden, Time: now, Request: r.id, Arm: c.arm, Model: arms.Model(c.arm), Rank: ranks[c.arm],
				Chars: utf8.RuneCountInString(c.Text), TextHash: shortHash(c.Text), CWEs: c.CWEs(), Parses: len(c.Syntax) == 0,
			})
			ranks[c.arm]++
		}
		merged = kept
	}
	if screen != config.ScreenOff {
		merged = flaggedLast(merged)
	}
	if len(merged) == 0 {
		return nil, "A/B", nil
	}
	cands := make([]completion.Candidate, len(merged))
	req := &abRequest{id: r.id, uri: r.doc.uri, arms: make([]string, len(merged)), models: make([]string, len(merged))}
	tokens, _ := s.tokens()
	for i, c := range merged {
		cands[i] = c.Candidate
		req.arms[i], req.models[i] = c.arm, arms.Model(c.arm)
		ev := store.Event{
			Type: store.TypeShown, Time: now, Request: r.id, Arm: c.arm, Model: arms.Model(c.arm), Rank: i,
			Chars: utf8.RuneCountInString(c.Text), TextHash: shortHash(c.Text), CWEs: c.CWEs(), Parses: len(c.Syntax) == 0,
		}
		if tokens != nil {
			ev.Tokens = tokens.Count(c.Text)
		}
		if storeText {
			ev.Text = c.Text
		}
		a.record(ev)
	}
	o := newOffer(r, "A/B", text, off, cands)
	o.models = req.models
	s.offers.add(o)
	a.track(req)
	return cands, "A/B", nil
}

func other(arm string) string {
	if arm == "A" {
		return "B"
	}
	return "A"
}

// shortHash is the first 16 hex digits of the SHA-256 of s.
func shortHash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:8])
}

// abArmFailed logs an arm's failure and tells the user when modelHealth
// says it is due, naming the arm only.
func (s *Server) abArmFailed(r *completeReq, res armResult) {
	show := s.health.failed(res.model)
	s.log.Warn("A/B arm failed", "request", r.id, "uri", r.doc.uri, "arm", res.arm, "err", s.ab.scrub(res.err.Error()), "shown", show)
	if show {
		s.showMessage(protocol.MessageTypeWarning, fmt.Sprintf(
			"securecomplete: A/B arm %s gave no candidates: %v. The other arm still answers; the failure is recorded for arm %s.", res.arm, res.err, res.arm))
	}
}
