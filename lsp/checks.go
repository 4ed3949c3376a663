package lsp

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"go.lsp.dev/protocol"

	"securecomplete/analysis"
	"securecomplete/analysis/external"
	"securecomplete/analysis/external/run"
	"securecomplete/config"
)

// The security loop after an accept: the accepted code is tracked
// (tracked.go), checked at once by the built-in rules and then, in the
// background, by the external analyzers the user configured; the
// findings become diagnostics that follow the code (diagnostics.go), and
// a code action asks the model for a secure version (code_action.go).
//
// The loop keeps its own state under its own lock, apart from the
// documents and requests of state.go: it is fed by hooks on the read loop
// (accept, didOpen, didChange, didSave, didClose) that only update that
// state and start timers, so no edit or completion ever waits for a
// check.

// builtinDebounce is how long the built-in rules wait after an edit of a
// document holding tracked ranges before they run again.
const builtinDebounce = 100 * time.Millisecond

// progressAfter is how long an external run goes before it reports
// work-done progress.
const progressAfter = 500 * time.Millisecond

// scopeFile is the scope of a whole-file check (a save, analyzeFile); a
// tracked range's check has the range's id as its scope.
const scopeFile = 0

// jobKey names a check: one document, one scope. A newer job with the
// same key replaces the older.
type jobKey struct {
	uri   protocol.DocumentURI
	scope uint64
}

// checkJob is one queued or running external check.
type checkJob struct {
	key       jobKey
	reason    string // "accept", "edit", "save", "command"
	queued    time.Time
	notBefore time.Time // debounce: not run before

	// Set when it runs.
	cancel context.CancelCauseFunc
	edits  []byteEdit // the document's edits since the job took its snapshot
}

// storedFinding is one finding placed in its document now.
type storedFinding struct {
	analysis.Finding
	sp    span
	scope uint64 // the check that produced it
}

// secDoc is what the loop knows of one document.
type secDoc struct {
	uri     protocol.DocumentURI
	path    string
	lang    analysis.Lang
	version int32
	text    string
	open    bool

	ranges   []*trackedRange
	findings []storedFinding

	builtinTimer *time.Timer
	builtinMu    sync.Mutex // one built-in run at a time
	builtinGen   int        // counts the edits, so a run can tell it is stale
	running      []*checkJob
}

// loopCounters count what the queue did, for status and tests.
type loopCounters struct {
	Queued    int `json:"queued"`    // jobs queued
	Replaced  int `json:"replaced"`  // pending jobs a newer one on the same range replaced
	Cancelled int `json:"cancelled"` // running jobs an edit or a newer job cancelled
	Dropped   int `json:"dropped"`   // pending jobs dropped to stay within the bound
	Done      int `json:"done"`      // jobs finished
	Failed    int `json:"failed"`    // analyzer runs that failed (crashed, timed out, garbage)
}

// loop is the security loop's state.
type loop struct {
	s *Server

	mu        sync.Mutex
	cfgSeen   *config.Config // the configuration the settings below come from
	settings  config.Analysis
	builtin   bool                // the built-in rules are configured
	externals []analysis.Analyzer // configured and installed
	missing   map[string]string   // configured, not installed: why
	broken    map[string]bool     // analyzers whose failure was shown once
	tails     map[string]*stderrTail
	logged    map[string]string // unavailable analyzers logged, with why

	docs    map[protocol.DocumentURI]*secDoc
	nextID  uint64
	pending []*checkJob // oldest first
	running map[jobKey]*checkJob
	changed chan struct{} // closed and replaced when the queue changes
	workers int
	count   loopCounters

	progress   map[string]context.CancelCauseFunc // progress token -> its job
	model      string                             // selectModel's choice, "" the configured one
	lastStatus string
}

func newLoop(s *Server) *loop {
	return &loop{
		s: s, docs: map[protocol.DocumentURI]*secDoc{}, running: map[jobKey]*checkJob{},
		changed: make(chan struct{}), progress: map[string]context.CancelCauseFunc{},
		missing: map[string]string{}, broken: map[string]bool{}, logged: map[string]string{},
	}
}

// refresh makes the analyzers follow the configuration; call it with
// l.mu held. An analyzer that is not installed is logged once per
// configuration.
func (l *loop) refresh() {
	cfg := l.s.st.config()
	if cfg == nil {
		cfg = config.Default()
	}
	if cfg == l.cfgSeen {
		return
	}
	l.cfgSeen, l.settings = cfg, cfg.Analysis
	names := cfg.Analysis.Analyzers
	explicit := len(names) > 0
	if !explicit {
		names = config.AnalyzerNames()
	}
	l.builtin, l.externals, l.missing = false, nil, map[string]string{}
	l.tails = map[string]*stderrTail{}
	for _, n := range names {
		if n == "builtin" {
			l.builtin = true
			continue
		}
		tail := &stderrTail{}
		l.tails[n] = tail
		a, err := newAnalyzer(n, external.Options{Timeout: cfg.Analysis.Timeout.Std(), Jobs: 1, Runner: tail,
			CodeQL: external.CodeQLOptions{CompileDB: l.compileDB()}})
		if err == nil {
			err = a.Available(context.Background())
		}
		if err != nil {
			l.missing[n] = err.Error()
			if l.logged[n] != err.Error() {
				l.logged[n] = err.Error() // once, not on every reload or keystroke
				l.s.log.Info("analyzer unavailable", "analyzer", n, "reason", err, "configured", explicit)
			}
			continue
		}
		l.externals = append(l.externals, a)
	}
}

// compileDB is where the workspace's compilation database would be, as
// clangd looks for it: compile_commands.json in the root or its build/
// folder; "" without a workspace. CodeQL reads it at each run, so a
// rebuilt one counts at once.
func (l *loop) compileDB() string {
	root, _, _ := l.s.st.configInputs()
	if root == "" {
		return ""
	}
	for _, p := range []string{filepath.Join(root, "compile_commands.json"), filepath.Join(root, "build", "compile_commands.json")} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return filepath.Join(root, "compile_commands.json")
}

// newAnalyzer makes an external analyzer; clang is looked for under its
// versioned names too.
func newAnalyzer(name string, opts external.Options) (analysis.Analyzer, error) {
	if name == "clang" {
		found := false
		for _, n := range external.ClangNames() {
			if _, err := exec.LookPath(n); err == nil {
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("none of %s found in PATH", strings.Join(external.ClangNames(), ", "))
		}
	}
	return external.New(name, opts)
}

// isCode reports whether the loop checks documents of this language.
func isCode(lang analysis.Lang) bool { return lang == analysis.C || lang == analysis.CPP }

// accepted starts tracking an accepted candidate and checks it: the
// built-in rules at once, the external analyzers through the queue. It
// runs on the read loop, right after the edits that inserted the text.
func (l *loop) accepted(ev AcceptEvent) {
	d := l.s.st.doc(protocol.DocumentURI(ev.URI))
	if d == nil || !isCode(d.lang) {
		return
	}
	near := d.offset(protocol.Position{Line: uint32(ev.Line), Character: uint32(ev.Column)})
	sp, ok := findAccepted(d.text, ev.Text, near, 4096)
	if !ok {
		l.s.log.Info("accepted text not found in the document: not tracked", "id", ev.ID, "uri", ev.URI)
		return
	}
	l.mu.Lock()
	l.refresh()
	sd := l.docs[d.uri]
	if sd == nil || sd.version != d.version || sd.text != d.text {
		sd = l.resetDoc(d.uri, d.path, d.lang, d.version, d.text)
	}
	sd.open = true
	l.nextID++
	r := &trackedRange{
		ID: l.nextID, URI: d.uri, Version: d.version, Span: sp, Model: ev.Model, Request: ev.Request,
		AcceptID: ev.ID, Accepted: ev.Accepted, Original: sp.len(), Kept: []span{sp},
	}
	sd.ranges = append(sd.ranges, r)
	l.scheduleBuiltin(sd, 0)
	if len(l.externals) > 0 {
		l.enqueue(&checkJob{key: jobKey{d.uri, r.ID}, reason: "accept", queued: time.Now(), notBefore: time.Now()})
	}
	l.mu.Unlock()
	l.statusChanged()
}

// resetDoc starts the loop's record of a document afresh; l.mu held.
func (l *loop) resetDoc(uri protocol.DocumentURI, path string, lang analysis.Lang, version int32, text string) *secDoc {
	if old := l.docs[uri]; old != nil && old.builtinTimer != nil {
		old.builtinTimer.Stop()
	}
	sd := &secDoc{uri: uri, path: path, lang: lang, version: version, text: text, open: true}
	l.docs[uri] = sd
	return sd
}

// didChange moves the tracked ranges and findings of a document through
// one didChange, cancels the external checks of the ranges it changed
// and queues them again after the debounce, and schedules the built-in
// rules. It never waits for a check.
func (l *loop) didChange(uri protocol.DocumentURI, version int32, changes []TextDocumentContentChangeEvent) {
	l.mu.Lock()
	sd := l.docs[uri]
	if sd == nil {
		l.mu.Unlock()
		return
	}
	edits, text := byteEdits(sd.text, changes)
	sd.text, sd.version = text, version
	sd.builtinGen++
	dropped := false
	var requeue []uint64
	for _, e := range edits {
		live := sd.ranges[:0]
		for _, r := range sd.ranges {
			gen := r.Gen
			if r.apply(e, version) {
				live = append(live, r)
				if r.Gen != gen && !slices.Contains(requeue, r.ID) {
					requeue = append(requeue, r.ID)
				}
			} else {
				dropped = true
				l.cancelScope(sd, r.ID, errRangeGone)
			}
		}
		sd.ranges = live
		kept := sd.findings[:0]
		for _, f := range sd.findings {
			if touches(f.sp, e) || (e.Start <= f.sp.Start && e.End >= f.sp.End && e.Start < e.End) {
				dropped = true // the code it was about changed: nothing false until checked again
				continue
			}
			f.sp, _ = moveSpan(f.sp, e)
			kept = append(kept, f)
		}
		sd.findings = kept
		for _, j := range sd.running {
			j.edits = append(j.edits, e)
		}
	}
	for _, id := range requeue {
		if sd.rangeByID(id) == nil {
			continue
		}
		l.cancelScope(sd, id, errRangeEdited)
		if len(l.externals) > 0 {
			now := time.Now()
			l.enqueue(&checkJob{key: jobKey{uri, id}, reason: "edit", queued: now, notBefore: now.Add(l.settings.Debounce.Std())})
		}
	}
	if len(sd.ranges) > 0 {
		l.scheduleBuiltin(sd, builtinDebounce)
	}
	l.mu.Unlock()
	if dropped {
		l.publish(uri)
	}
	if len(requeue) > 0 {
		l.statusChanged()
	}
}

// Why a running check was cancelled.
var (
	errRangeEdited       = errors.New("the range was edited")
	errRangeGone         = errors.New("the range is gone")
	errReplaced          = errors.New("replaced by a newer check of the same range")
	errProgressCancelled = errors.New("cancelled from the editor's progress")
)

// cancelScope cancels the running check of one scope of a document; l.mu
// held.
func (l *loop) cancelScope(sd *secDoc, scope uint64, cause error) {
	if j := l.running[jobKey{sd.uri, scope}]; j != nil && j.cancel != nil {
		j.cancel(cause)
		l.count.Cancelled++
	}
}

func (sd *secDoc) rangeByID(id uint64) *trackedRange {
	for _, r := range sd.ranges {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// didOpen gives a reopened document its diagnostics again when its text
// is the one the loop knew; otherwise what the loop knew no longer
// applies.
func (l *loop) didOpen(uri protocol.DocumentURI, version int32, text string) {
	l.mu.Lock()
	sd := l.docs[uri]
	if sd == nil {
		l.mu.Unlock()
		return
	}
	if sd.text != text {
		delete(l.docs, uri)
		l.mu.Unlock()
		return
	}
	sd.open, sd.version = true, version
	l.mu.Unlock()
	l.publish(uri)
}

// didClose clears a closed document's diagnostics, keeping what the loop
// knows for a reopen.
func (l *loop) didClose(uri protocol.DocumentURI) {
	l.mu.Lock()
	sd := l.docs[uri]
	if sd != nil {
		sd.open = false
	}
	l.mu.Unlock()
	if sd != nil {
		l.s.notify(protocol.MethodTextDocumentPublishDiagnostics, &protocol.PublishDiagnosticsParams{URI: uri, Diagnostics: []protocol.Diagnostic{}})
	}
}

// didSave checks the whole file when [analysis] on_save is set.
func (l *loop) didSave(uri protocol.DocumentURI) {
	l.mu.Lock()
	l.refresh()
	on := l.settings.OnSave
	l.mu.Unlock()
	if on {
		_ = l.analyzeFile(uri, "save")
	}
}

// analyzeFile checks a whole open document: the built-in rules at once,
// the external analyzers through the queue.
func (l *loop) analyzeFile(uri protocol.DocumentURI, reason string) error {
	d := l.s.st.doc(uri)
	if d == nil {
		return invalidParams("document %s is not open: send textDocument/didOpen first", uri)
	}
	if !isCode(d.lang) {
		return invalidParams("document %s is %s, not C or C++", uri, d.lang)
	}
	l.mu.Lock()
	l.refresh()
	sd := l.docs[uri]
	if sd == nil || sd.text != d.text {
		sd = l.resetDoc(d.uri, d.path, d.lang, d.version, d.text)
	}
	builtin := l.builtin
	if len(l.externals) > 0 {
		l.enqueue(&checkJob{key: jobKey{uri, scopeFile}, reason: reason, queued: time.Now(), notBefore: time.Now()})
	}
	l.mu.Unlock()
	if builtin {
		go l.runBuiltinFile(uri)
	}
	l.statusChanged()
	return nil
}

// enqueue adds a job, replacing a pending one with the same key and
// cancelling a running one; the oldest pending job is dropped when the
// queue is full. l.mu held.
func (l *loop) enqueue(j *checkJob) {
	l.count.Queued++
	l.s.log.Debug("check queued", "uri", j.key.uri, "scope", j.key.scope, "reason", j.reason)
	if r := l.running[j.key]; r != nil && r.cancel != nil {
		r.cancel(errReplaced)
		l.count.Cancelled++
	}
	for i, p := range l.pending {
		if p.key == j.key {
			l.pending = slices.Delete(l.pending, i, i+1)
			l.count.Replaced++
			break
		}
	}
	for len(l.pending) >= l.settings.Pending {
		l.s.log.Debug("check queue full: dropping the oldest pending check", "uri", l.pending[0].key.uri, "scope", l.pending[0].key.scope)
		l.pending = l.pending[1:]
		l.count.Dropped++
	}
	l.pending = append(l.pending, j)
	for l.workers < l.settings.Workers {
		l.workers++
		go l.worker(l.s.base)
	}
	close(l.changed)
	l.changed = make(chan struct{})
}

// next waits for a job whose debounce has passed and marks it running;
// nil when ctx ends.
func (l *loop) next(ctx context.Context) *checkJob {
	for {
		l.mu.Lock()
		now := time.Now()
		var wait time.Duration = -1
		for i, j := range l.pending {
			if d := j.notBefore.Sub(now); d > 0 {
				if wait < 0 || d < wait {
					wait = d
				}
				continue
			}
			if l.running[j.key] != nil {
				continue // the same range is still being checked: after it
			}
			l.pending = slices.Delete(l.pending, i, i+1)
			l.running[j.key] = j
			l.mu.Unlock()
			return j
		}
		changed := l.changed
		l.mu.Unlock()
		var t *time.Timer
		var timer <-chan time.Time
		if wait >= 0 {
			t = time.NewTimer(wait)
			timer = t.C
		}
		select {
		case <-ctx.Done():
		case <-changed:
		case <-timer:
		}
		if t != nil {
			t.Stop()
		}
		if ctx.Err() != nil {
			return nil
		}
	}
}

// worker runs queued checks until ctx ends.
func (l *loop) worker(ctx context.Context) {
	for {
		j := l.next(ctx)
		if j == nil {
			return
		}
		l.statusChanged()
		l.run(ctx, j)
		l.mu.Lock()
		if l.running[j.key] == j {
			delete(l.running, j.key)
		}
		l.count.Done++
		close(l.changed)
		l.changed = make(chan struct{})
		l.mu.Unlock()
		l.statusChanged()
	}
}

// run checks one job's scope with every external analyzer in turn,
// publishing after each, on a snapshot of the document.
func (l *loop) run(base context.Context, j *checkJob) {
	ctx, cancel := context.WithCancelCause(base)
	defer cancel(context.Canceled)
	l.mu.Lock()
	sd := l.docs[j.key.uri]
	var r *trackedRange
	if sd != nil {
		r = sd.rangeByID(j.key.scope)
	}
	if sd == nil || (j.key.scope != scopeFile && r == nil) {
		l.mu.Unlock()
		return
	}
	j.cancel = cancel
	sd.running = append(sd.running, j)
	snap := sd.text
	path, lang := sd.path, sd.lang
	var within span
	if r != nil {
		within = r.Span
	}
	analyzers := slices.Clone(l.externals)
	timeout := l.settings.Timeout.Std()
	l.mu.Unlock()
	defer func() {
		l.mu.Lock()
		if i := slices.Index(sd.running, j); i >= 0 {
			sd.running = slices.Delete(sd.running, i, i+1)
		}
		l.mu.Unlock()
	}()

	m := newMapper(snap)
	file := analysis.File{Path: path, Lang: lang, Src: []byte(snap)}
	for _, a := range analyzers {
		if ctx.Err() != nil {
			return
		}
		fs, err := l.runOne(ctx, a, file, timeout)
		if ctx.Err() != nil {
			l.s.log.Debug("check cancelled", "analyzer", a.Name(), "uri", j.key.uri, "cause", context.Cause(ctx))
			return
		}
		if errors.Is(err, errProgressCancelled) {
			continue
		}
		if err != nil {
			// Whatever it said before is no longer known to hold: its
			// findings in this scope go, and only what it reported for
			// a file it could analyze stays.
			var fe analysis.FileErrors
			if !errors.As(err, &fe) {
				fs = nil
			}
			l.analyzerFailed(a.Name(), j.key.uri, err)
		}
		var placed []storedFinding
		for _, f := range fs {
			sp := findingSpan(&m, f)
			if r != nil && !overlapsLines(&m, sp, within) {
				continue
			}
			placed = append(placed, storedFinding{Finding: f, sp: sp, scope: j.key.scope})
		}
		if !l.store(j, a.Name(), placed) {
			return
		}
		if r != nil && err == nil {
			l.s.abVerdict(r.AcceptID, a.Name(), cwesOf(placed)) // ab_events.go
		}
		l.publish(j.key.uri)
	}
}

// runOne runs one analyzer on a file with its timeout (the adapters kill
// the process group when it passes), reporting progress when it takes
// longer than progressAfter.
func (l *loop) runOne(ctx context.Context, a analysis.Analyzer, f analysis.File, timeout time.Duration) (fs []analysis.Finding, err error) {
	cctx, stop := context.WithCancelCause(ctx)
	defer stop(context.Canceled)
	actx, cancel := context.WithTimeoutCause(cctx, timeout, fmt.Errorf("%s did not finish within %s", a.Name(), timeout))
	defer cancel()
	done := make(chan struct{})
	var outcome string
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		l.progressWhileRunning(actx, stop, a.Name(), filepath.Base(f.Path), done, &outcome)
	}()
	start := time.Now()
	fs, err = a.Analyze(actx, []analysis.File{f})
	switch {
	case ctx.Err() != nil:
		err = context.Cause(ctx)
	case errors.Is(context.Cause(cctx), errProgressCancelled):
		err = errProgressCancelled
	case actx.Err() != nil:
		fs, err = nil, context.Cause(actx) // timed out: what it said so far is not the whole story
	}
	outcome = fmt.Sprintf("%d findings in %s", len(fs), time.Since(start).Round(time.Millisecond))
	if err != nil {
		outcome = "stopped: " + err.Error()
	}
	close(done)
	wg.Wait()
	l.s.log.Debug("analyzer ran", "analyzer", a.Name(), "path", f.Path, "findings", len(fs), "err", err, "took", time.Since(start))
	return fs, err
}

// analyzerFailed logs a failed run with the tail of what the tool said,
// and shows the first failure of each analyzer once.
func (l *loop) analyzerFailed(name string, uri protocol.DocumentURI, err error) {
	msg := err.Error()
	if len(msg) > 600 {
		msg = "…" + msg[len(msg)-600:]
	}
	l.mu.Lock()
	l.count.Failed++
	show := !l.broken[name]
	l.broken[name] = true
	tail := l.tails[name]
	l.mu.Unlock()
	l.s.log.Warn("analyzer failed", "analyzer", name, "uri", uri, "err", msg, "stderr_tail", tail.get())
	if show {
		l.s.showMessage(protocol.MessageTypeWarning, fmt.Sprintf("securecomplete: the %s check failed (%s); its diagnostics are missing until it runs again. The server log has the details.", name, msg))
	}
}

// store replaces the findings of one analyzer in a job's scope with
// placed (in the job's snapshot), moved through the edits made since;
// those an edit touched are left out. It reports false when the scope is
// gone or the job was cancelled.
func (l *loop) store(j *checkJob, analyzer string, placed []storedFinding) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	sd := l.docs[j.key.uri]
	if sd == nil || (j.key.scope != scopeFile && sd.rangeByID(j.key.scope) == nil) {
		return false
	}
	var moved []storedFinding
	for _, f := range placed {
		ok := true
		for _, e := range j.edits {
			if touches(f.sp, e) {
				ok = false
				break
			}
			if f.sp, ok = moveSpan(f.sp, e); !ok {
				break
			}
		}
		if ok {
			moved = append(moved, f)
		}
	}
	sd.findings = slices.DeleteFunc(sd.findings, func(f storedFinding) bool {
		return f.Analyzer == analyzer && f.scope == j.key.scope
	})
	sd.findings = append(sd.findings, moved...)
	return true
}

// scheduleBuiltin runs the built-in rules on a document's tracked ranges
// after delay, replacing a run scheduled before; l.mu held.
func (l *loop) scheduleBuiltin(sd *secDoc, delay time.Duration) {
	if !l.builtin {
		return
	}
	if sd.builtinTimer != nil {
		sd.builtinTimer.Stop()
	}
	uri := sd.uri
	sd.builtinTimer = time.AfterFunc(delay, func() { l.runBuiltinRanges(uri) })
}

// runBuiltinRanges checks the top-level declarations that hold the
// document's tracked ranges with the built-in rules and keeps the
// findings inside the ranges.
func (l *loop) runBuiltinRanges(uri protocol.DocumentURI) {
	l.mu.Lock()
	sd := l.docs[uri]
	if sd == nil {
		l.mu.Unlock()
		return
	}
	l.mu.Unlock()
	sd.builtinMu.Lock()
	defer sd.builtinMu.Unlock()

	l.mu.Lock()
	text, gen, path, lang := sd.text, sd.builtinGen, sd.path, sd.lang
	ranges := make([]span, len(sd.ranges))
	ids := make([]uint64, len(sd.ranges))
	for i, r := range sd.ranges {
		ranges[i], ids[i] = r.Span, r.ID
	}
	l.mu.Unlock()

	units := mergeSpans(func() []span {
		out := make([]span, len(ranges))
		for i, r := range ranges {
			out[i] = enclosingUnit(text, r)
		}
		return out
	}())
	var placed []storedFinding
	for _, u := range units {
		fs, err := l.s.rules.Check(l.s.base, analysis.File{Path: path, Lang: lang, Src: []byte(text[u.Start:u.End])})
		if err != nil {
			l.s.log.Debug("built-in rules", "uri", uri, "err", err)
		}
		um := newMapper(text[u.Start:u.End])
		for _, f := range fs {
			sp := findingSpan(&um, f)
			sp = span{sp.Start + u.Start, sp.End + u.Start}
			for i, r := range ranges {
				if sp.Start < r.End && sp.End > r.Start {
					placed = append(placed, storedFinding{Finding: f, sp: sp, scope: ids[i]})
					break
				}
			}
		}
	}
	l.mu.Lock()
	if l.docs[uri] != sd || sd.builtinGen != gen {
		l.mu.Unlock()
		return // edited meanwhile: the run the edit scheduled decides
	}
	sd.findings = slices.DeleteFunc(sd.findings, func(f storedFinding) bool {
		return f.Analyzer == "builtin" && f.scope != scopeFile
	})
	sd.findings = append(sd.findings, placed...)
	verdicts := rangeVerdicts(sd, "builtin", placed)
	l.mu.Unlock()
	for id, cwes := range verdicts {
		l.s.abVerdict(id, "builtin", cwes) // ab_events.go
	}
	l.publish(uri)
}

// runBuiltinFile checks a whole document with the built-in rules.
func (l *loop) runBuiltinFile(uri protocol.DocumentURI) {
	l.mu.Lock()
	sd := l.docs[uri]
	if sd == nil {
		l.mu.Unlock()
		return
	}
	text, gen, path, lang := sd.text, sd.builtinGen, sd.path, sd.lang
	l.mu.Unlock()
	ctx, cancel := context.WithTimeout(l.s.base, l.timeout())
	defer cancel()
	fs, err := l.s.rules.Check(ctx, analysis.File{Path: path, Lang: lang, Src: []byte(text)})
	if err != nil {
		l.s.log.Info("built-in rules on the whole file", "uri", uri, "err", err)
	}
	m := newMapper(text)
	placed := make([]storedFinding, 0, len(fs))
	for _, f := range fs {
		placed = append(placed, storedFinding{Finding: f, sp: findingSpan(&m, f), scope: scopeFile})
	}
	l.mu.Lock()
	if l.docs[uri] != sd || sd.builtinGen != gen {
		l.mu.Unlock()
		return
	}
	sd.findings = slices.DeleteFunc(sd.findings, func(f storedFinding) bool {
		return f.Analyzer == "builtin" && f.scope == scopeFile
	})
	sd.findings = append(sd.findings, placed...)
	l.mu.Unlock()
	l.publish(uri)
}

func (l *loop) timeout() time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.refresh()
	return l.settings.Timeout.Std()
}

// findingSpan places a finding (1-based lines, 1-based byte columns, an
// exclusive end) in the text m maps; without an end it runs to the end
// of its line.
func findingSpan(m *mapper, f analysis.Finding) span {
	line := max(0, min(f.Line-1, len(m.lines)-1))
	lineEnd := m.lineEnd(line)
	start := min(m.lines[line]+max(0, f.Column-1), lineEnd)
	end := lineEnd
	if f.EndLine > 0 {
		el := max(0, min(f.EndLine-1, len(m.lines)-1))
		end = min(m.lines[el]+max(0, f.EndColumn-1), m.lineEnd(el))
	}
	if end <= start {
		end = lineEnd
	}
	if end <= start {
		start = m.lines[line]
	}
	return span{start, end}
}

// overlapsLines reports whether sp and r share a line.
func overlapsLines(m *mapper, sp, r span) bool {
	return m.lineOf(sp.Start) <= m.lineOf(max(r.Start, r.End-1)) && m.lineOf(r.Start) <= m.lineOf(max(sp.Start, sp.End-1))
}

// mergeSpans sorts spans and merges those that overlap.
func mergeSpans(sps []span) []span {
	slices.SortFunc(sps, func(a, b span) int { return a.Start - b.Start })
	var out []span
	for _, s := range sps {
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// enclosingUnit returns the top-level declarations of C or C++ text that
// hold sp: from the end of the declaration before (a "}" or ";" at the
// top level) to the end of the last one sp touches, or the end of the
// text when braces do not balance (code being written). Comments,
// strings, character constants and preprocessor lines are skipped.
func enclosingUnit(text string, sp span) span {
	depth, unitStart := 0, 0
	res := span{-1, -1}
	lineStart := true
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '\n':
			lineStart = true
			continue
		case c == ' ' || c == '\t' || c == '\r':
			continue
		case c == '#' && lineStart:
			for i < len(text) && (text[i] != '\n' || text[i-1] == '\\') {
				i++
			}
			continue
		case c == '/' && i+1 < len(text) && text[i+1] == '/':
			for i < len(text) && text[i] != '\n' {
				i++
			}
			continue
		case c == '/' && i+1 < len(text) && text[i+1] == '*':
			if j := strings.Index(text[i+2:], "*/"); j >= 0 {
				i += j + 3
			} else {
				i = len(text)
			}
			lineStart = false
			continue
		case c == '"' || c == '\'':
			for i++; i < len(text) && text[i] != c && text[i] != '\n'; i++ {
				if text[i] == '\\' {
					i++
				}
			}
		case c == '{':
			depth++
		case c == '}' || c == ';':
			if c == '}' {
				depth = max(0, depth-1)
			}
			if depth == 0 {
				end := i + 1
				if end > sp.Start && unitStart < max(sp.End, sp.Start+1) {
					if res.Start < 0 {
						res.Start = unitStart
					}
					res.End = end
				} else if res.Start >= 0 {
					return res
				}
				unitStart = end
			}
		}
		lineStart = false
	}
	if res.Start < 0 {
		return span{unitStart, len(text)}
	}
	if res.End < sp.End {
		res.End = len(text)
	}
	return res
}

// stderrTail runs an analyzer's programs and keeps the end of the latest
// one's stderr, for the log when the analyzer fails.
type stderrTail struct {
	mu   sync.Mutex
	tail string
}

// maxStderrTail bounds what is kept of a program's stderr.
const maxStderrTail = 1024

// Run implements run.Runner.
func (t *stderrTail) Run(ctx context.Context, c run.Cmd) (run.Output, error) {
	out, err := run.Exec{}.Run(ctx, c)
	s := strings.TrimSpace(string(out.Stderr))
	if len(s) > maxStderrTail {
		s = "…" + s[len(s)-maxStderrTail:]
	}
	t.mu.Lock()
	t.tail = s
	t.mu.Unlock()
	return out, err
}

func (t *stderrTail) get() string {
	if t == nil {
		return ""
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.tail
}
