package lsp

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	mrand "math/rand/v2"
	"slices"
	"sync"
	"time"

	"go.lsp.dev/protocol"

	"securecomplete/ab/store"
	"securecomplete/completion"
	"securecomplete/config"
)

// A/B mode: two configured models ([ab] models) answer in turn (split)
// or together (interleave), the editor sees them as arms A and B only,
// and every request, candidate shown, accept, partial accept, dismiss,
// background verdict and persistence measure goes to the event store
// (ab/store). The mapping of arms to models is drawn when a store is
// made and kept in it; only `securecomplete ab report` reveals it.
//
// abMode keeps its own state under its own lock. Its hooks run on the
// read loop (accept, didClose, the partial-accept and dismiss
// notifications) or in a completion's goroutine; none waits for the
// store: events go through store.Writer, whose buffer is bounded. Only
// the accept command waits, briefly, for its event's commit.

// Clock is the time A/B mode reads for event times, the outcome timeout
// and the persistence horizons. Tests pass one they advance; nil in
// Options is the real clock.
type Clock interface {
	Now() time.Time
	// AfterFunc runs f in its own goroutine once d has passed; stop
	// cancels it and reports whether it did.
	AfterFunc(d time.Duration, f func()) (stop func() bool)
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }
func (realClock) AfterFunc(d time.Duration, f func()) func() bool {
	return time.AfterFunc(d, f).Stop
}

// Horizons are the times after an accept at which the share of the
// accepted characters still in the document is recorded.
var horizons = [...]time.Duration{30 * time.Second, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute}

// abOutcomeTimeout ends a request whose candidates were neither accepted
// nor followed by another request on the document.
const abOutcomeTimeout = 30 * time.Second

// abAcceptWait bounds how long the accept command waits for its event to
// be committed before it answers anyway (the event stays buffered).
const abAcceptWait = 3 * time.Second

// abMode is the A/B state of a server.
type abMode struct {
	s       *Server
	clock   Clock
	session string

	mu      sync.Mutex
	rnd     *mrand.Rand
	cfg     config.AB
	models  map[string]config.Model // the two compared, by name
	engines map[string]*completion.Engine
	toggled *bool // securecomplete.toggleAB's choice for the session; nil: [ab] enabled

	storeLoc string // the store open or being opened
	opening  bool
	writer   *store.Writer
	arms     store.Arms
	storeErr error // why the store did not open
	shownErr string

	reqs      map[string]*abRequest // by request id, the latest maxOffers
	order     []string
	lastByDoc map[protocol.DocumentURI]string
	accepts   map[string]*abAccept // by accept id
	counts    abCounts
}

// abCounts are what the session did, for the status.
type abCounts struct {
	Requests int `json:"requests"`
	Shown    int `json:"shown"`
	Accepted int `json:"accepted"`
}

// abRequest is one A/B request whose outcome is pending or known.
type abRequest struct {
	id      string
	uri     protocol.DocumentURI
	arms    []string // per shown candidate
	models  []string
	ended   bool
	timeout func() bool
}

// abAccept is one accepted A/B candidate whose verdicts and persistence
// are still to come.
type abAccept struct {
	id, request, arm, model string
	uri                     protocol.DocumentURI
	accepted                time.Time
	done                    [len(horizons)]bool
	stops                   []func() bool
	verdicts                map[string]bool // analyzers recorded
}

func newABMode(s *Server, clock Clock) *abMode {
	if clock == nil {
		clock = realClock{}
	}
	var seed [16]byte
	_, _ = rand.Read(seed[:])
	return &abMode{
		s: s, clock: clock, session: hex.EncodeToString(seed[:6]),
		rnd:       mrand.New(mrand.NewPCG(uint64(seed[6])<<56|uint64(seed[7])<<48|uint64(seed[8])<<40|uint64(seed[9]), uint64(seed[10])<<24|uint64(seed[11])<<16|uint64(seed[12])<<8|uint64(seed[13]))),
		reqs:      map[string]*abRequest{},
		lastByDoc: map[protocol.DocumentURI]string{},
		accepts:   map[string]*abAccept{},
	}
}

// wanted reports whether A/B is asked for (configured or toggled on);
// a.mu held.
func (a *abMode) wanted() bool {
	if a.toggled != nil {
		return *a.toggled
	}
	return a.cfg.Enabled
}

// on reports whether A/B mode answers requests: asked for, two engines,
// and the store open.
func (a *abMode) on() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.onLocked()
}

func (a *abMode) onLocked() bool {
	return a.wanted() && len(a.engines) == 2 && a.writer != nil
}

// configure follows a configuration that loaded: the two engines, and the
// store when A/B is asked for. It runs on the read loop and never waits
// for the store, which opens in its own goroutine.
func (a *abMode) configure(cfg *config.Config) {
	engines := map[string]*completion.Engine{}
	models := map[string]config.Model{}
	var buildErr error
	if len(cfg.AB.Models) == 2 {
		// The arms' engines rank flagged candidates rather than hide
		// them, so that what the screening hides is recorded
		// (abCandidates hides them).
		ranked := *cfg
		if ranked.Completion.Screen == config.ScreenHide {
			ranked.Completion.Screen = config.ScreenRank
		}
		for _, name := range cfg.AB.Models {
			eng, err := a.s.buildEngineFor(&ranked, name)
			if err != nil {
				buildErr = fmt.Errorf("A/B model %s: %w", name, err)
				break
			}
			engines[name] = eng
			models[name], _ = cfg.Model(name)
		}
	}
	a.mu.Lock()
	a.cfg = cfg.AB
	if buildErr != nil {
		engines, models = nil, nil
	}
	a.engines, a.models = engines, models
	a.mu.Unlock()
	if buildErr != nil {
		a.s.log.Warn("A/B mode is off", "err", buildErr)
	}
	a.ensureStore()
}

// ensureStore opens the configured store when A/B is asked for and it is
// not the one open (or being opened); a store no longer wanted is closed.
func (a *abMode) ensureStore() {
	a.mu.Lock()
	loc, err := a.cfg.StorePath()
	want := a.wanted() && len(a.engines) == 2
	if !want || (loc == a.storeLoc && (a.writer != nil || a.opening || a.storeErr != nil)) {
		a.mu.Unlock()
		return
	}
	old := a.writer
	a.writer, a.storeErr, a.storeLoc, a.arms = nil, nil, loc, store.Arms{}
	models := [2]string{a.cfg.Models[0], a.cfg.Models[1]}
	if err != nil {
		a.storeErr = err
		a.mu.Unlock()
		a.storeFailed(loc, err)
		return
	}
	a.opening = true
	a.mu.Unlock()
	if old != nil {
		go old.Close()
	}
	go a.open(loc, models)
}

// open opens the store and draws or reads the arms.
func (a *abMode) open(loc string, models [2]string) {
	ctx, cancel := context.WithTimeout(a.s.base, 15*time.Second)
	defer cancel()
	st, err := store.Open(ctx, loc)
	var arms store.Arms
	if err == nil {
		a.mu.Lock()
		rnd := mrand.New(mrand.NewPCG(a.rnd.Uint64(), a.rnd.Uint64()))
		a.mu.Unlock()
		if arms, err = st.Arms(ctx, models, rnd); err != nil {
			st.Close()
		}
	}
	a.mu.Lock()
	if a.storeLoc != loc || !a.opening {
		a.mu.Unlock()
		if err == nil {
			st.Close()
		}
		return
	}
	a.opening = false
	if err != nil {
		a.storeErr = err
		a.mu.Unlock()
		a.storeFailed(loc, err)
		return
	}
	a.writer = store.NewWriter(st, store.WriterOptions{Logger: a.s.log})
	a.arms = arms
	a.mu.Unlock()
	a.s.log.Info("A/B mode on", "store", st.Location(), "mode", a.mode(), "session", a.session)
	a.s.loop.statusChanged()
}

// storeFailed says once why A/B is off.
func (a *abMode) storeFailed(loc string, err error) {
	a.mu.Lock()
	show := a.shownErr != err.Error()
	a.shownErr = err.Error()
	a.mu.Unlock()
	a.s.log.Error("A/B mode is off: the store cannot be used", "store", loc, "err", err)
	if show {
		a.s.showMessage(protocol.MessageTypeError, fmt.Sprintf("securecomplete: A/B mode is off: %v. Completions go on from one model, without A/B.", err))
	}
	a.s.loop.statusChanged()
}

func (a *abMode) mode() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.cfg.Mode
}

// toggle turns A/B on or off for the session and returns the new state.
func (a *abMode) toggle() (ABState, error) {
	a.mu.Lock()
	if len(a.cfg.Models) != 2 {
		a.mu.Unlock()
		a.s.log.Info(CommandToggleAB + " refused: [ab] models is not set")
		return ABState{}, invalidParams("%s: A/B mode needs two models: set [ab] models = [\"gptj-pre\", \"gptj-ft\"] (two configured models) in securecomplete.toml", CommandToggleAB)
	}
	on := !a.wanted()
	a.toggled = &on
	old := a.writer
	if !on {
		a.writer, a.storeLoc, a.storeErr, a.opening = nil, "", nil, false
	}
	a.mu.Unlock()
	if !on && old != nil {
		go old.Close()
	}
	a.ensureStore()
	if on {
		a.waitOpen(5 * time.Second)
	}
	a.s.log.Info("A/B mode toggled", "on", on)
	a.s.loop.statusChanged()
	return a.state(), nil
}

// waitOpen waits a little for the store being opened.
func (a *abMode) waitOpen(d time.Duration) {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		a.mu.Lock()
		opening := a.opening
		a.mu.Unlock()
		if !opening {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// state is what the editor may know of A/B mode.
func (a *abMode) state() ABState {
	a.mu.Lock()
	defer a.mu.Unlock()
	st := ABState{Enabled: a.onLocked(), Mode: a.cfg.Mode, Arms: []string{}, Counts: a.counts}
	if st.Enabled {
		st.Arms = []string{"A", "B"}
		st.Store = a.storeLocation()
		_, st.Lost = a.writer.Stats()
	}
	switch {
	case st.Enabled:
	case a.wanted() && a.opening:
		st.Reason = "the store is being opened"
	case a.wanted() && a.storeErr != nil:
		st.Reason = a.storeErr.Error()
	case a.wanted() && len(a.engines) != 2:
		st.Reason = "[ab] models do not name two usable models"
	default:
		st.Reason = "off"
	}
	return st
}

func (a *abMode) storeLocation() string {
	if a.writer == nil {
		return ""
	}
	return a.writer.Store().Location()
}

// close flushes and closes the store when the server stops. The accepts
// whose horizons have not all passed are measured now, as when their
// document closes: the session ends what can be observed of them.
func (a *abMode) close() {
	a.mu.Lock()
	var ids []string
	for id := range a.accepts {
		ids = append(ids, id)
	}
	a.mu.Unlock()
	slices.Sort(ids)
	for _, id := range ids {
		for i := range horizons {
			a.s.abPersistence(id, i)
		}
	}
	a.mu.Lock()
	w := a.writer
	a.writer = nil
	for _, acc := range a.accepts {
		for _, stop := range acc.stops {
			stop()
		}
	}
	for _, r := range a.reqs {
		if r.timeout != nil {
			r.timeout()
		}
	}
	a.mu.Unlock()
	if w != nil {
		if err := w.Close(); err != nil {
			a.s.log.Warn("close the A/B store", "err", err)
		}
	}
}

// record queues an event with the session and the time filled in.
func (a *abMode) record(ev store.Event) {
	a.mu.Lock()
	w := a.writer
	a.mu.Unlock()
	if w == nil {
		return
	}
	ev.Session = a.session
	if ev.Time.IsZero() {
		ev.Time = a.clock.Now()
	}
	if !w.Record(ev) {
		a.s.log.Debug("A/B event dropped: the store buffer is full", "type", ev.Type, "request", ev.Request)
	}
}

// recordWait records an event and waits for its commit, at most
// abAcceptWait.
func (a *abMode) recordWait(ctx context.Context, ev store.Event) error {
	a.mu.Lock()
	w := a.writer
	a.mu.Unlock()
	if w == nil {
		return nil
	}
	ev.Session = a.session
	if ev.Time.IsZero() {
		ev.Time = a.clock.Now()
	}
	ctx, cancel := context.WithTimeoutCause(ctx, abAcceptWait, errors.New("the A/B store did not commit within "+abAcceptWait.String()))
	defer cancel()
	return w.RecordWait(ctx, ev)
}

// ABState is the result of securecomplete.toggleAB and the ab field of
// the status: arms only, never a model name.
type ABState struct {
	Enabled bool     `json:"enabled"`
	Mode    string   `json:"mode"`
	Arms    []string `json:"arms"`
	Store   string   `json:"store,omitempty"`
	Reason  string   `json:"reason,omitempty"` // why it is off
	Lost    int      `json:"lost"`             // events dropped while the store was not taking writes
	Counts  abCounts `json:"counts"`
}
