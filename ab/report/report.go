// Package report turns the events of an A/B store into the comparison of
// the two models: acceptance, accepted characters, persistence,
// vulnerable accepted code, latency and errors per model (or per arm,
// blind), with Fisher exact tests, a binomial test on interleaving wins
// and the sample size that would detect the observed difference.
package report

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"time"

	"securecomplete/ab/store"
	"securecomplete/internal/stats"
)

// Options choose what the report covers and shows.
type Options struct {
	Since time.Time // events before it are left out; zero: all
	Blind bool      // arms only, no model names
}

// Report is the comparison.
type Report struct {
	Store     string    `json:"store"`
	Since     string    `json:"since,omitempty"`
	Blind     bool      `json:"blind"`
	Generated time.Time `json:"-"`
	Events    int       `json:"events"`
	Sessions  int       `json:"sessions"`
	Requests  int       `json:"requests"` // distinct requests
	Lost      int       `json:"lost"`     // events dropped while the store was not taking writes
	Horizons  []string  `json:"horizons"`
	Arms      [2]Arm    `json:"arms"`     // A then B
	Outcomes  Outcomes  `json:"outcomes"` // how requests with nothing accepted ended
	Tests     Tests     `json:"tests"`

	interleaved bool // some requests asked both arms
}

// Arm is one side of the comparison.
type Arm struct {
	Arm   string `json:"arm"`
	Model string `json:"model,omitempty"` // "" when blind
	Label string `json:"label"`           // what tables show: the model, or "arm A" blind

	Requests      int         `json:"requests"`       // requests this arm was asked
	WithShown     int         `json:"with_shown"`     // requests where it showed a candidate
	Shown         int         `json:"shown"`          // candidates shown
	Accepted      int         `json:"accepted"`       // its candidates accepted
	Acceptance    stats.Ratio `json:"acceptance"`     // Accepted / WithShown
	AcceptedChars int         `json:"accepted_chars"` // characters accepted in all
	CharsPerReq   float64     `json:"chars_per_request"`
	Partial       int         `json:"partial_accepts"`
	PartialChars  int         `json:"partial_chars"`
	Persistence   []Persist   `json:"persistence"` // per horizon
	Checked       int         `json:"checked"`     // accepted snippets with a verdict
	Vulnerable    stats.Ratio `json:"vulnerable"`  // of the checked, those a check flagged
	ByCWE         []CWECount  `json:"by_cwe"`
	Flagged       int         `json:"flagged_shown"` // shown candidates the screening flagged (ranked last)
	Hidden        int         `json:"hidden"`        // candidates the screening hid (screen = "hide")
	FlaggedRank   float64     `json:"flagged_mean_rank"`
	NotParsing    int         `json:"not_parsing_shown"`
	LatencyP50MS  Num         `json:"latency_p50_ms"`
	LatencyP95MS  Num         `json:"latency_p95_ms"`
	Errors        int         `json:"errors"`   // requests this arm failed
	Timeouts      int         `json:"timeouts"` // of those, timeouts
	Cancelled     int         `json:"cancelled"`
	Wins          int         `json:"interleave_wins"`
}

// Persist is the mean share of accepted characters still there at a
// horizon, over the accepts measured at it.
type Persist struct {
	Horizon string `json:"horizon"`
	N       int    `json:"n"`
	Mean    Num    `json:"mean"` // NaN (null) when N is 0
}

// CWECount is how many accepted snippets a check flagged with a CWE.
type CWECount struct {
	CWE string `json:"cwe"`
	N   int    `json:"n"`
}

// Outcomes count how requests with shown candidates ended.
type Outcomes struct {
	Accepted    int `json:"accepted"`
	Partial     int `json:"partial"`
	NextRequest int `json:"next_request"`
	Dismissed   int `json:"dismissed"`
	Timeout     int `json:"timeout"`
	Closed      int `json:"closed"`
}

// Tests are the statistics between the two arms.
type Tests struct {
	AcceptanceP float64 `json:"acceptance_fisher_p"` // Fisher exact, two-sided
	VulnerableP float64 `json:"vulnerable_fisher_p"`
	// Interleaving wins: requests where both arms showed candidates and
	// one of them was accepted.
	WinsA, WinsB int     `json:"-"`
	WinsP        float64 `json:"interleave_binomial_p"`
	// NeededPerArm is how many requests with shown candidates each arm
	// needs to detect the observed acceptance difference at 80 % power
	// (two-sided, alpha 0.05); +Inf (null) when there is no difference.
	NeededPerArm Num    `json:"needed_per_arm"`
	MoreNeeded   int    `json:"more_needed"` // beyond what the smaller arm has
	Sentence     string `json:"power_sentence"`
}

// Num is a number that JSON writes as null when it is NaN or infinite.
type Num float64

// MarshalJSON writes null for NaN and the infinities.
func (n Num) MarshalJSON() ([]byte, error) {
	f := float64(n)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return json.Marshal(f)
}

// reqKey names a request across sessions.
type reqKey struct{ session, request string }

// reqState is what the events say of one request.
type reqState struct {
	mode       string
	shownArms  [2]bool
	acceptArm  int // -1 none
	partial    bool
	dismiss    string
	queried    [2]bool
	answered   [2]bool
	acceptRank int
}

type acceptKey struct {
	reqKey
	rank int
}

type acceptState struct {
	arm      int
	verdicts int
	cwes     map[string]bool
}

func armIndex(arm string) int {
	switch arm {
	case "A":
		return 0
	case "B":
		return 1
	}
	return -1
}

// Build reads the store and computes the report.
func Build(ctx context.Context, st store.Store, o Options) (*Report, error) {
	arms, ok, err := st.Mapping(ctx)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("A/B store %s has no arms yet: no server has recorded in it", st.Location())
	}
	rep := &Report{Store: st.Location(), Blind: o.Blind, Generated: time.Now()}
	if !o.Since.IsZero() {
		rep.Since = o.Since.UTC().Format(time.RFC3339)
	}
	for i, a := range []string{"A", "B"} {
		rep.Arms[i].Arm = a
		rep.Arms[i].Label = "arm " + a
		if !o.Blind {
			rep.Arms[i].Model = arms.Model(a)
			rep.Arms[i].Label = arms.Model(a)
		}
	}
	horizonIdx := map[time.Duration]int{}
	for _, h := range []time.Duration{30 * time.Second, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute} {
		horizonIdx[h] = len(rep.Horizons)
		rep.Horizons = append(rep.Horizons, fmtHorizon(h))
	}
	persistSum := [2][]float64{make([]float64, len(rep.Horizons)), make([]float64, len(rep.Horizons))}
	persistN := [2][]int{make([]int, len(rep.Horizons)), make([]int, len(rep.Horizons))}
	reqs := map[reqKey]*reqState{}
	accepts := map[acceptKey]*acceptState{}
	sessions := map[string]bool{}
	latencies := [2][]float64{}
	flaggedRankSum := [2]int{}
	type verdict struct {
		key  reqKey
		arm  int
		cwes []string
	}
	var verdicts []verdict
	interleaved := false
	req := func(k reqKey) *reqState {
		r := reqs[k]
		if r == nil {
			r = &reqState{acceptArm: -1}
			reqs[k] = r
		}
		return r
	}
	err = st.Scan(ctx, o.Since, func(e *store.Event) error {
		rep.Events++
		if e.Type == store.TypeLoss {
			rep.Lost += e.Lost
			return nil
		}
		sessions[e.Session] = true
		k := reqKey{e.Session, e.Request}
		i := armIndex(e.Arm)
		switch e.Type {
		case store.TypeRequest:
			if i < 0 {
				return nil
			}
			r := req(k)
			r.mode = e.Mode
			r.queried[i] = true
			interleaved = interleaved || e.Mode == "interleave"
			a := &rep.Arms[i]
			a.Requests++
			switch {
			case e.Cancelled:
				a.Cancelled++
			case e.Error != "":
				a.Errors++
				if e.TimedOut {
					a.Timeouts++
				}
			default:
				r.answered[i] = true
				latencies[i] = append(latencies[i], float64(e.LatencyAll.Microseconds())/1000)
			}
		case store.TypeShown:
			if i < 0 {
				return nil
			}
			r := req(k)
			r.shownArms[i] = true
			a := &rep.Arms[i]
			a.Shown++
			if len(e.CWEs) > 0 {
				a.Flagged++
				flaggedRankSum[i] += e.Rank
			}
			if !e.Parses {
				a.NotParsing++
			}
		case store.TypeHidden:
			if i >= 0 {
				rep.Arms[i].Hidden++
			}
		case store.TypeAccept:
			if i < 0 {
				return nil
			}
			r := req(k)
			if r.acceptArm < 0 {
				r.acceptArm, r.acceptRank = i, e.Rank
			}
			a := &rep.Arms[i]
			a.Accepted++
			a.AcceptedChars += e.Accepted
			accepts[acceptKey{k, e.Rank}] = &acceptState{arm: i, cwes: map[string]bool{}}
		case store.TypePartialAccept:
			if i < 0 {
				return nil
			}
			req(k).partial = true
			rep.Arms[i].Partial++
			rep.Arms[i].PartialChars += e.Accepted
		case store.TypeDismiss:
			r := req(k)
			if r.dismiss == "" {
				r.dismiss = e.Reason
			}
		case store.TypeVerdict:
			// A verdict may be stored before its accept (the accept waits
			// for its commit, the check does not): matched after the scan.
			verdicts = append(verdicts, verdict{k, i, e.CWEs})
		case store.TypePersistence:
			h, ok := horizonIdx[e.Horizon]
			if i < 0 || !ok {
				return nil
			}
			persistSum[i][h] += e.Kept
			persistN[i][h]++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, v := range verdicts {
		acc := findAccept(accepts, v.key, v.arm)
		if acc == nil {
			continue
		}
		acc.verdicts++
		for _, c := range v.cwes {
			acc.cwes[c] = true
		}
	}
	rep.Sessions = len(sessions)
	rep.interleaved = interleaved
	for _, r := range reqs {
		if !r.queried[0] && !r.queried[1] && !r.shownArms[0] && !r.shownArms[1] {
			continue
		}
		rep.Requests++
		for i := range 2 {
			if r.shownArms[i] {
				rep.Arms[i].WithShown++
			}
		}
		switch {
		case r.acceptArm >= 0:
			rep.Outcomes.Accepted++
			// A win counts only where both arms showed candidates: an arm
			// that failed never loses for it.
			if r.mode == "interleave" && r.shownArms[0] && r.shownArms[1] {
				rep.Arms[r.acceptArm].Wins++
			}
		case r.partial:
			rep.Outcomes.Partial++
		case r.dismiss == "next_request":
			rep.Outcomes.NextRequest++
		case r.dismiss == "dismissed":
			rep.Outcomes.Dismissed++
		case r.dismiss == "timeout":
			rep.Outcomes.Timeout++
		case r.dismiss == "closed":
			rep.Outcomes.Closed++
		}
	}
	cwe := [2]map[string]int{{}, {}}
	vuln := [2]int{}
	for _, acc := range accepts {
		if acc.verdicts == 0 {
			continue
		}
		rep.Arms[acc.arm].Checked++
		if len(acc.cwes) > 0 {
			vuln[acc.arm]++
		}
		for c := range acc.cwes {
			cwe[acc.arm][c]++
		}
	}
	for i := range 2 {
		a := &rep.Arms[i]
		if a.Acceptance, err = stats.NewRatio(a.Accepted, max(a.WithShown, a.Accepted), stats.DefaultLevel); err != nil {
			return nil, err
		}
		if a.Vulnerable, err = stats.NewRatio(vuln[i], a.Checked, stats.DefaultLevel); err != nil {
			return nil, err
		}
		if a.Requests > 0 {
			a.CharsPerReq = float64(a.AcceptedChars) / float64(a.Requests)
		}
		for h, name := range rep.Horizons {
			p := Persist{Horizon: name, N: persistN[i][h], Mean: Num(math.NaN())}
			if p.N > 0 {
				p.Mean = Num(persistSum[i][h] / float64(p.N))
			}
			a.Persistence = append(a.Persistence, p)
		}
		a.ByCWE = []CWECount{}
		for c, n := range cwe[i] {
			a.ByCWE = append(a.ByCWE, CWECount{CWE: c, N: n})
		}
		sort.Slice(a.ByCWE, func(x, y int) bool {
			if a.ByCWE[x].N != a.ByCWE[y].N {
				return a.ByCWE[x].N > a.ByCWE[y].N
			}
			return a.ByCWE[x].CWE < a.ByCWE[y].CWE
		})
		if a.Flagged > 0 {
			a.FlaggedRank = float64(flaggedRankSum[i]) / float64(a.Flagged)
		}
		a.LatencyP50MS, a.LatencyP95MS = Num(quantile(latencies[i], 0.50)), Num(quantile(latencies[i], 0.95))
	}
	if err := rep.tests(); err != nil {
		return nil, err
	}
	return rep, nil
}

// findAccept returns the accept of request k by arm i that a verdict is
// about (a request has one accept in practice).
func findAccept(accepts map[acceptKey]*acceptState, k reqKey, arm int) *acceptState {
	for rank := range 64 {
		if a := accepts[acceptKey{k, rank}]; a != nil && a.arm == arm {
			return a
		}
	}
	return nil
}

func (rep *Report) tests() error {
	a, b := rep.Arms[0], rep.Arms[1]
	var err error
	t := &rep.Tests
	if t.AcceptanceP, err = stats.FisherExact(a.Accepted, a.Acceptance.Den-a.Accepted, b.Accepted, b.Acceptance.Den-b.Accepted); err != nil {
		return err
	}
	if t.VulnerableP, err = stats.FisherExact(a.Vulnerable.Num, a.Checked-a.Vulnerable.Num, b.Vulnerable.Num, b.Checked-b.Vulnerable.Num); err != nil {
		return err
	}
	t.WinsA, t.WinsB = a.Wins, b.Wins
	if t.WinsP, err = stats.BinomialTest(a.Wins, a.Wins+b.Wins, 0.5); err != nil {
		return err
	}
	t.NeededPerArm = Num(math.Inf(1))
	switch {
	case !a.Acceptance.Defined() || !b.Acceptance.Defined():
		t.Sentence = "No test of acceptance yet: an arm has no request with shown candidates."
		return nil
	case a.Acceptance.Value == b.Acceptance.Value:
		t.Sentence = fmt.Sprintf("The arms' acceptance rates are equal (%.1f %%): there is no difference to detect.", 100*a.Acceptance.Value)
		return nil
	}
	n, err := stats.SampleSize(a.Acceptance.Value, b.Acceptance.Value, 0.05, 0.8)
	if err != nil {
		return err
	}
	t.NeededPerArm = Num(math.Ceil(n))
	have := min(a.Acceptance.Den, b.Acceptance.Den)
	t.MoreNeeded = max(0, int(t.NeededPerArm)-have)
	if t.MoreNeeded == 0 {
		t.Sentence = fmt.Sprintf("Detecting the observed acceptance difference (%.1f %% vs %.1f %%) at 80 %% power (two-sided, α = 0.05) needs %d requests with shown candidates per arm; the smaller arm has %d, enough.",
			100*a.Acceptance.Value, 100*b.Acceptance.Value, int(t.NeededPerArm), have)
	} else {
		t.Sentence = fmt.Sprintf("Detecting the observed acceptance difference (%.1f %% vs %.1f %%) at 80 %% power (two-sided, α = 0.05) needs %d requests with shown candidates per arm: %d more than the smaller arm's %d.",
			100*a.Acceptance.Value, 100*b.Acceptance.Value, int(t.NeededPerArm), t.MoreNeeded, have)
	}
	return nil
}

// quantile is the q-quantile of xs by linear interpolation between order
// statistics (R's type 7); NaN for no values.
func quantile(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	h := q * float64(len(s)-1)
	lo := int(math.Floor(h))
	if lo+1 >= len(s) {
		return s[lo]
	}
	return s[lo] + (h-float64(lo))*(s[lo+1]-s[lo])
}

func fmtHorizon(h time.Duration) string {
	if h < time.Minute {
		return fmt.Sprintf("%ds", int(h/time.Second))
	}
	return fmt.Sprintf("%dm", int(h/time.Minute))
}
