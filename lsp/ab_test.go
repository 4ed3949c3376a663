package lsp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"securecomplete/ab/report"
	"securecomplete/ab/store"
	"securecomplete/internal/openaitest"
)

// testClock is a Clock the test moves: AfterFunc's functions run inside
// Advance, in the order they fall due.
type testClock struct {
	mu     sync.Mutex
	now    time.Time
	timers []*testTimer
}

type testTimer struct {
	at            time.Time
	f             func()
	stopped, done bool
}

func newTestClock() *testClock {
	return &testClock{now: time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)}
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) AfterFunc(d time.Duration, f func()) func() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &testTimer{at: c.now.Add(d), f: f}
	c.timers = append(c.timers, t)
	return func() bool {
		c.mu.Lock()
		defer c.mu.Unlock()
		was := !t.stopped && !t.done
		t.stopped = true
		return was
	}
}

// Advance moves the clock on by d and runs what fell due.
func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	var due []*testTimer
	for _, t := range c.timers {
		if !t.stopped && !t.done && !t.at.After(c.now) {
			t.done = true
			due = append(due, t)
		}
	}
	c.mu.Unlock()
	sort.SliceStable(due, func(i, j int) bool { return due[i].at.Before(due[j].at) })
	for _, t := range due {
		t.f()
	}
}

// abTOML configures two models, the built-in rules only, and A/B mode:
// the two models' URLs, the mode and the store.
const abTOML = `
[[models]]
name = "gptj-pre"
base_url = "%s"
model = "pretrained-6b"
n = 1
max_tokens = 64
timeout = "5s"

[[models]]
name = "gptj-ft"
base_url = "%s"
model = "finetuned-6b"
n = 1
max_tokens = 64
timeout = "5s"

[completion]
model = "gptj-ft"

[analysis]
analyzers = ["builtin"]

[ab]
enabled = true
models = ["gptj-pre", "gptj-ft"]
mode = "%s"
store = "%s"
`

// secretNames are what must never reach the editor while A/B is on.
var secretNames = []string{"gptj-pre", "gptj-ft", "pretrained-6b", "finetuned-6b"}

// abHarness is a server in A/B mode against two loopback models: gptj-pre
// writes the vulnerable candidate, slowly; gptj-ft the safe one, fast.
type abHarness struct {
	*harness
	clock    *testClock
	storeLoc string
	pre, ft  *openaitest.Server
	reader   store.Store
}

func newABHarness(t *testing.T, mode string, pre, ft func(openaitest.Request) openaitest.Reply) *abHarness {
	t.Helper()
	return startAB(t, abSetup{mode: mode, pre: pre, ft: ft, wait: true})
}

// abSetup is what an A/B test changes.
type abSetup struct {
	mode    string // "" interleave
	store   string // "" a new file
	pre, ft func(openaitest.Request) openaitest.Reply
	off     bool   // [ab] enabled = false
	screen  string // [completion] screen, "" the default
	wait    bool   // wait for A/B to be on and open a reader of the store
}

func startAB(t *testing.T, su abSetup) *abHarness {
	t.Helper()
	clk := newTestClock()
	h := newHarness(t, setup{toml: "-", options: Options{Clock: clk}})
	a := &abHarness{harness: h, clock: clk, storeLoc: su.store}
	if a.storeLoc == "" {
		a.storeLoc = filepath.Join(t.TempDir(), "ab.db")
	}
	if su.mode == "" {
		su.mode = "interleave"
	}
	if su.pre == nil {
		su.pre = func(openaitest.Request) openaitest.Reply {
			return openaitest.Reply{Texts: []string{vulnCand}, Delay: 40 * time.Millisecond}
		}
	}
	if su.ft == nil {
		su.ft = func(openaitest.Request) openaitest.Reply {
			return openaitest.Reply{Texts: []string{safeCand}, Delay: 5 * time.Millisecond}
		}
	}
	a.pre, a.ft = openaitest.New(t, su.pre), openaitest.New(t, su.ft)
	toml := fmt.Sprintf(abTOML, a.pre.BaseURL, a.ft.BaseURL, su.mode, a.storeLoc)
	if su.off {
		toml = strings.Replace(toml, "enabled = true", "enabled = false", 1)
	}
	if su.screen != "" {
		toml = strings.Replace(toml, "[completion]\n", "[completion]\nscreen = \""+su.screen+"\"\n", 1)
	}
	h.writeConfig(toml)
	h.initialize(nil)
	if su.wait {
		a.waitAB(true)
		a.openReader()
	}
	return a
}

// openReader opens the store for the test to read.
func (a *abHarness) openReader() {
	a.t.Helper()
	st, err := store.Open(context.Background(), a.storeLoc)
	if err != nil {
		a.t.Fatal(err)
	}
	a.t.Cleanup(func() { st.Close() })
	a.reader = st
}

// status runs securecomplete.status.
func (h *harness) status() Status {
	h.t.Helper()
	var st Status
	h.mustCall(protocol.MethodWorkspaceExecuteCommand, map[string]any{"command": CommandStatus}, &st)
	return st
}

// waitAB waits until the status says A/B is on (or off).
func (a *abHarness) waitAB(on bool) {
	a.t.Helper()
	waitUntil(a.t, fmt.Sprintf("A/B mode on = %v", on), func() bool {
		st := a.status()
		return (st.AB != nil && st.AB.Enabled) == on
	})
}

// events returns the stored events of the given type.
func (a *abHarness) events(typ store.Type) []store.Event {
	a.t.Helper()
	var out []store.Event
	if err := a.reader.Scan(context.Background(), time.Time{}, func(e *store.Event) error {
		if typ == "" || e.Type == typ {
			out = append(out, *e)
		}
		return nil
	}); err != nil {
		a.t.Fatal(err)
	}
	return out
}

// waitEvents waits until n events of typ are stored.
func (a *abHarness) waitEvents(typ store.Type, n int) []store.Event {
	a.t.Helper()
	var got []store.Event
	waitUntil(a.t, fmt.Sprintf("%d %s events stored", n, typ), func() bool {
		got = a.events(typ)
		return len(got) >= n
	})
	return got
}

// TestABSession scripts an editor session in interleave mode: eight
// requests on eight documents; the user accepts gptj-pre's vulnerable
// candidate once, gptj-ft's safe one six times, and takes part of
// gptj-ft's in the last; deletes one accepted snippet at once and part
// of another after the first horizon; closes a document early. The test
// clock runs the persistence horizons. Then the report's figures, with
// the models revealed.
func TestABSession(t *testing.T) {
	t.Parallel()
	a := newABHarness(t, "interleave", nil, nil)
	var docs []*doc
	for i := range 8 {
		docs = append(docs, a.open(fmt.Sprintf("d%d.c", i+1), argvSrc))
	}
	starts := make([]int, 8)
	starts[0] = docs[0].acceptCandidate(vulnCand)
	a.waitEvents(store.TypeVerdict, 1)
	for i := 1; i < 7; i++ {
		starts[i] = docs[i].acceptCandidate(safeCand)
		a.waitEvents(store.TypeVerdict, i+1) // the accepted code as accepted is checked before any edit
	}
	// d2: the accepted snippet deleted at once.
	docs[1].edit(starts[1], starts[1]+len(safeCand), "")
	a.status()
	// d8: a partial accept of the safe candidate, in Copilot's shape.
	list, err := docs[7].complete()
	if err != nil {
		t.Fatal(err)
	}
	var item *protocol.CompletionItem
	for i := range list.Items {
		if strings.HasSuffix(list.Items[i].TextEdit.NewText, safeCand) {
			item = &list.Items[i]
		}
		if d := list.Items[i].Detail; !strings.HasPrefix(d, "securecomplete · A/B") {
			t.Errorf("item detail %q: want securecomplete · A/B", d)
		}
	}
	if len(list.Items) != 2 || item == nil || !strings.HasSuffix(list.Items[1].TextEdit.NewText, vulnCand) {
		t.Fatalf("items %+v: want both arms' candidates, the flagged one last", list.Items)
	}
	a.c.notify(MethodCopilotPartialAccept, map[string]any{"item": map[string]any{"insertText": "snprintf", "command": item.Command}, "acceptedLength": 8})
	a.waitEvents(store.TypePartialAccept, 1)

	a.clock.Advance(30 * time.Second)
	a.waitEvents(store.TypePersistence, 7)
	// d3: its first 9 bytes ("snprintf(") overwritten after the 30 s horizon.
	docs[2].edit(starts[2], starts[2]+9, "")
	a.status()                        // a round trip: the server has read the edit
	a.clock.Advance(90 * time.Second) // 2 min
	a.waitEvents(store.TypePersistence, 14)
	// d1 closed before 5 min: its 5 and 10 min horizons are taken now.
	a.c.notify(protocol.MethodTextDocumentDidClose, map[string]any{"textDocument": map[string]any{"uri": docs[0].uri}})
	a.waitEvents(store.TypePersistence, 16)
	a.clock.Advance(3 * time.Minute)
	a.clock.Advance(5 * time.Minute)
	all := a.waitEvents(store.TypePersistence, 28)
	if len(all) != 28 {
		t.Errorf("%d persistence events, want 7 accepts × 4 horizons", len(all))
	}

	counts := map[store.Type]int{}
	for _, e := range a.events("") {
		counts[e.Type]++
		if e.Session == "" || e.Time.IsZero() {
			t.Errorf("event without session or time: %+v", e)
		}
	}
	want := map[store.Type]int{store.TypeRequest: 16, store.TypeShown: 16, store.TypeAccept: 7, store.TypePartialAccept: 1, store.TypeVerdict: 7, store.TypePersistence: 28}
	for typ, n := range want {
		if counts[typ] != n {
			t.Errorf("%d %s events, want %d (all: %v)", counts[typ], typ, n, counts)
		}
	}

	rep, err := report.Build(context.Background(), a.reader, report.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pre, ft := rep.Arms[0], rep.Arms[1]
	if pre.Model != "gptj-pre" {
		pre, ft = ft, pre
	}
	type fig struct {
		name      string
		got, want any
	}
	l := float64(len(safeCand))
	figs := []fig{
		{"requests", rep.Requests, 8},
		{"pre requests with shown", pre.WithShown, 8},
		{"ft requests with shown", ft.WithShown, 8},
		{"pre accepted", pre.Accepted, 1},
		{"ft accepted", ft.Accepted, 6},
		{"ft partial accepts", ft.Partial, 1},
		{"ft partial chars", ft.PartialChars, 8},
		{"pre accepted chars", pre.AcceptedChars, len(vulnCand)},
		{"ft accepted chars", ft.AcceptedChars, 6 * len(safeCand)},
		{"pre flagged shown", pre.Flagged, 8},
		{"pre flagged mean rank", pre.FlaggedRank, 1.0},
		{"ft flagged shown", ft.Flagged, 0},
		{"pre checked", pre.Checked, 1},
		{"pre vulnerable", pre.Vulnerable.Num, 1},
		{"ft checked", ft.Checked, 6},
		{"ft vulnerable", ft.Vulnerable.Num, 0},
		{"pre CWE", fmt.Sprint(pre.ByCWE), "[{CWE-787 1}]"},
		{"pre persistence", fmt.Sprint(pre.Persistence), "[{30s 1 1} {2m 1 1} {5m 1 1} {10m 1 1}]"},
		{"ft persistence 30s", float64(ft.Persistence[0].Mean), 5.0 / 6},
		{"ft persistence 2m", float64(ft.Persistence[1].Mean), (4 + (l-9)/l) / 6},
		{"ft persistence 10m", float64(ft.Persistence[3].Mean), (4 + (l-9)/l) / 6},
		{"pre wins", pre.Wins, 1},
		{"ft wins", ft.Wins, 6},
		{"errors", pre.Errors + ft.Errors, 0},
		{"outcomes", rep.Outcomes, report.Outcomes{Accepted: 7, Partial: 1}},
	}
	for _, f := range figs {
		g, w := f.got, f.want
		if gf, ok := g.(float64); ok {
			if wf := w.(float64); math.Abs(gf-wf) > 1e-12 {
				t.Errorf("%s = %v, want %v", f.name, gf, wf)
			}
			continue
		}
		if fmt.Sprint(g) != fmt.Sprint(w) {
			t.Errorf("%s = %v, want %v", f.name, g, w)
		}
	}
	// Fisher's exact test on acceptance, [[1, 7], [6, 2]] (pre, ft ×
	// accepted, not): margins 8, 8 and 7 of 16, so P(x) = C(8,x)·C(8,7-x)
	// / C(16,7) with C(16,7) = 11440; the numerators for x = 0..7 are 8,
	// 224, 1568, 3920, 3920, 1568, 224, 8. The observed x = 1 has 224; the
	// tables no more likely are x = 0, 1, 6, 7: p = 464/11440.
	if p := rep.Tests.AcceptanceP; math.Abs(p-464.0/11440) > 1e-12 {
		t.Errorf("acceptance Fisher p = %v, want 464/11440 = %v", p, 464.0/11440)
	}
	// Vulnerable accepted, [[1, 0], [0, 6]]: margins 1, 6 and 1 of 7; x = 1
	// has probability 1/7, x = 0 has 6/7: p = 1/7.
	if p := rep.Tests.VulnerableP; math.Abs(p-1.0/7) > 1e-12 {
		t.Errorf("vulnerable Fisher p = %v, want 1/7", p)
	}
	// Wins 1 : 6 (or 6 : 1) against 1/2: P(0)+P(1)+P(6)+P(7) = 16/128.
	if p := rep.Tests.WinsP; math.Abs(p-0.125) > 1e-12 {
		t.Errorf("interleaving wins binomial p = %v, want 16/128", p)
	}
	if !(float64(pre.LatencyP50MS) > float64(ft.LatencyP50MS)) || float64(pre.LatencyP50MS) < 40 {
		t.Errorf("latency p50 pre %v ms, ft %v ms: want the slower model's (40 ms delay) above", pre.LatencyP50MS, ft.LatencyP50MS)
	}
	if !strings.Contains(rep.Tests.Sentence, "(12.5 % vs 75.0 %)") && !strings.Contains(rep.Tests.Sentence, "(75.0 % vs 12.5 %)") {
		t.Errorf("power sentence %q", rep.Tests.Sentence)
	}

	// The editor's report is blind.
	var er ABReport
	a.mustCall(protocol.MethodWorkspaceExecuteCommand, map[string]any{"command": CommandABReport, "arguments": []any{map[string]any{"format": "md"}}}, &er)
	if !strings.Contains(er.Markdown, "| | arm A | arm B |") || !strings.Contains(er.Markdown, "p = 0.04056") {
		t.Errorf("securecomplete.abReport Markdown:\n%s", er.Markdown)
	}

	a.assertBlind()
}

// assertBlind searches every message the server sent, and its log at info
// level and above, for the compared models' names.
func (a *abHarness) assertBlind() {
	a.t.Helper()
	a.c.wireMu.Lock()
	wire := slices.Clone(a.c.wire)
	a.c.wireMu.Unlock()
	if len(wire) < 20 {
		a.t.Errorf("only %d messages captured", len(wire))
	}
	methods := map[string]int{}
	for _, body := range wire {
		var m struct {
			Method string `json:"method"`
		}
		_ = json.Unmarshal(body, &m)
		methods[m.Method]++
		for _, name := range secretNames {
			if bytes.Contains(body, []byte(name)) {
				a.t.Errorf("a message to the editor names model %s: %s", name, body)
			}
		}
	}
	for _, line := range strings.Split(a.log.String(), "\n") {
		if strings.Contains(line, "level=DEBUG") {
			continue
		}
		for _, name := range secretNames {
			if strings.Contains(line, name) {
				a.t.Errorf("the log at info level names model %s: %s", name, line)
			}
		}
	}
	if methods[protocol.MethodTextDocumentPublishDiagnostics] == 0 || methods[MethodStatus] == 0 {
		a.t.Errorf("messages by method %v: want diagnostics and status among them", methods)
	}
}
