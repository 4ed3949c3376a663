package storetest

import (
	"fmt"
	"math/rand/v2"
	"time"

	"securecomplete/ab/store"
)

// Requests returns the events of n interleaved A/B requests as a server
// records them, drawn from seed: both arms asked, one or two candidates
// each shown, about a third of the requests accepted (arm B more often),
// each accept with a built-in verdict and four persistence measures, the
// others ended by the next request. Arm A is gptj-pre, arm B gptj-ft.
func Requests(n int, seed uint64) []store.Event {
	rnd := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	t := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	model := map[string]string{"A": "gptj-pre", "B": "gptj-ft"}
	evs := make([]store.Event, 0, n*9)
	for i := range n {
		t = t.Add(time.Duration(2+rnd.IntN(20)) * time.Second)
		session := fmt.Sprintf("s%d-%03d", seed, i/5000)
		req := fmt.Sprintf("i%d", i)
		doc := fmt.Sprintf("%016x", rnd.Uint64()%512)
		for _, arm := range []string{"A", "B"} {
			lat := time.Duration(80+rnd.IntN(400)) * time.Millisecond
			ev := store.Event{Type: store.TypeRequest, Time: t, Session: session, Request: req, Arm: arm, Model: model[arm],
				Lang: "c", DocHash: doc, Mode: "interleave", LatencyFirst: lat, LatencyAll: lat}
			if rnd.IntN(100) == 0 {
				ev.LatencyFirst, ev.LatencyAll, ev.Error, ev.TimedOut = 0, 0, "no answer within 10s", true
			}
			evs = append(evs, ev)
		}
		shown := 1 + rnd.IntN(3)
		for r := range shown {
			arm := []string{"A", "B"}[(r+i)%2]
			ev := store.Event{Type: store.TypeShown, Time: t, Session: session, Request: req, Arm: arm, Model: model[arm], Rank: r,
				Chars: 20 + rnd.IntN(200), Tokens: 6 + rnd.IntN(60), TextHash: fmt.Sprintf("%016x", rnd.Uint64()), Parses: rnd.IntN(10) > 0}
			if arm == "A" && rnd.IntN(4) == 0 || arm == "B" && rnd.IntN(10) == 0 {
				ev.CWEs = []string{"CWE-787"}
			}
			evs = append(evs, ev)
		}
		if rnd.IntN(3) != 0 {
			evs = append(evs, store.Event{Type: store.TypeDismiss, Time: t.Add(3 * time.Second), Session: session, Request: req, Reason: "next_request"})
			continue
		}
		arm := "B"
		if rnd.IntN(5) < 2 {
			arm = "A"
		}
		chars := 20 + rnd.IntN(200)
		evs = append(evs,
			store.Event{Type: store.TypeAccept, Time: t.Add(time.Second), Session: session, Request: req, Arm: arm, Model: model[arm], Chars: chars, Accepted: chars, TextHash: fmt.Sprintf("%016x", rnd.Uint64())},
			store.Event{Type: store.TypeVerdict, Time: t.Add(time.Second), Session: session, Request: req, Arm: arm, Model: model[arm], Analyzer: "builtin"},
		)
		kept := 1.0
		for _, h := range []time.Duration{30 * time.Second, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute} {
			kept *= 0.8 + 0.2*rnd.Float64()
			evs = append(evs, store.Event{Type: store.TypePersistence, Time: t.Add(h), Session: session, Request: req, Arm: arm, Model: model[arm], Horizon: h, Kept: kept})
		}
	}
	return evs
}
