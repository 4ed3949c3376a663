package lsp

import (
	"context"
	"database/sql"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"securecomplete/ab/report"
	"securecomplete/ab/store"
	"securecomplete/ab/store/storetest"
	"securecomplete/internal/openaitest"
)

// TestABBadStore: a store that is damaged, of a newer schema, locked by
// another process or made for other models gives one error message; the
// server goes on completing from the [completion] model without A/B,
// through a reload too.
func TestABBadStore(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		make func(t *testing.T, path string) func() // returns a release, or nil
		want string
	}{
		{"damaged", func(t *testing.T, path string) func() {
			if err := os.WriteFile(path, []byte(strings.Repeat("garbage!", 512)), 0o644); err != nil {
				t.Fatal(err)
			}
			return nil
		}, "damaged: not a readable SQLite database"},
		{"newer schema", func(t *testing.T, path string) func() {
			st, err := store.OpenSQLite(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			st.Close()
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec("UPDATE ab_meta SET value = '7' WHERE key = 'schema_version'"); err != nil {
				t.Fatal(err)
			}
			return nil
		}, "schema version 7 is newer than this program's 1"},
		{"locked", func(t *testing.T, path string) func() {
			st, err := store.OpenSQLite(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			st.Close()
			db, err := sql.Open("sqlite", "file:"+path+"?_txlock=exclusive")
			if err != nil {
				t.Fatal(err)
			}
			tx, err := db.Begin()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := tx.Exec("INSERT INTO ab_meta (key, value) VALUES ('other', 'process')"); err != nil {
				t.Fatal(err)
			}
			return func() { tx.Rollback(); db.Close() }
		}, "locked by another process"},
		{"other models", func(t *testing.T, path string) func() {
			st, err := store.OpenSQLite(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if _, err := st.Arms(context.Background(), [2]string{"starcoder", "codellama"}, nil); err != nil {
				t.Fatal(err)
			}
			return nil
		}, "compares two other models"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "ab.db")
			if release := tt.make(t, path); release != nil {
				defer release()
			}
			a := startAB(t, abSetup{store: path})
			msg := a.c.notes.waitFor(t, "the A/B error message", func(n note) bool {
				m, ok := n.message()
				return ok && strings.Contains(m.Message, "A/B mode is off")
			}, 10*time.Second)
			m, _ := msg.message()
			if m.Type != protocol.MessageTypeError || !strings.Contains(m.Message, tt.want) || !strings.Contains(m.Message, path) || !strings.Contains(m.Message, "Completions go on from one model, without A/B.") {
				t.Errorf("message %+v: want an error naming %s and %q", m, path, tt.want)
			}
			d := a.open("x.c", argvSrc)
			for range 2 {
				list, err := d.complete()
				if err != nil || len(list.Items) != 1 || !strings.HasSuffix(list.Items[0].TextEdit.NewText, safeCand) || !strings.Contains(list.Items[0].Detail, "gptj-ft") {
					t.Fatalf("completion without A/B: %v %+v; want gptj-ft's candidate", err, list)
				}
			}
			a.c.notify(protocol.MethodWorkspaceDidChangeConfiguration, map[string]any{"settings": map[string]any{}})
			st := a.status()
			if st.AB == nil || st.AB.Enabled || !strings.Contains(st.AB.Reason, tt.want) {
				t.Errorf("status ab %+v: want off with the reason", st.AB)
			}
			n := 0
			for _, m := range a.c.notes.messages() {
				if strings.Contains(m.Message, "A/B") {
					n++
				}
			}
			if n != 1 {
				t.Errorf("%d A/B messages, want one: %v", n, a.c.notes.messages())
			}
		})
	}
}

// TestABArmDown: one arm's endpoint answers HTTP 500. In interleave mode
// the other arm's candidates are shown; in split mode the other arm
// answers when the broken one is drawn. The failure is recorded for that
// arm and is not a loss for its candidates: no win is counted where only
// one arm showed any.
func TestABArmDown(t *testing.T) {
	t.Parallel()
	broken := func(openaitest.Request) openaitest.Reply { return openaitest.Reply{Status: 500} }
	for _, mode := range []string{"interleave", "split"} {
		t.Run(mode, func(t *testing.T) {
			t.Parallel()
			a := startAB(t, abSetup{mode: mode, pre: broken, wait: true})
			const n = 6
			for i := range n {
				d := a.open("f"+string(rune('a'+i))+".c", argvSrc)
				d.acceptCandidate(safeCand)
			}
			a.waitEvents(store.TypeAccept, n)
			rep, err := report.Build(context.Background(), a.reader, report.Options{})
			if err != nil {
				t.Fatal(err)
			}
			pre, ft := rep.Arms[0], rep.Arms[1]
			if pre.Model != "gptj-pre" {
				pre, ft = ft, pre
			}
			// In split mode the six requests may all draw gptj-ft (one
			// chance in 64): the draws below show both arms are drawn.
			noErrors := pre.Errors == 0 && mode == "interleave"
			if pre.Shown != 0 || ft.Accepted != n || ft.WithShown != n || pre.Wins+ft.Wins != 0 || noErrors || pre.Errors != pre.Requests || ft.Errors != 0 {
				t.Errorf("pre %+v\nft %+v: want every request answered by gptj-ft, gptj-pre's failures counted, no wins", pre, ft)
			}
			if mode == "split" {
				// The draw is per request: over 6 + 24 requests, the
				// broken arm is drawn in some and not in others (all
				// the same has probability 2^-29).
				d := a.open("draws.c", argvSrc)
				for range 24 {
					if _, err := d.complete(); err != nil {
						t.Fatal(err)
					}
				}
				reqs := a.waitEvents(store.TypeRequest, 0)
				waitUntil(t, "the requests stored", func() bool {
					reqs = a.events(store.TypeRequest)
					ftAsked := 0
					for _, e := range reqs {
						if e.Model == "gptj-ft" {
							ftAsked++
						}
					}
					return ftAsked == n+24
				})
				preAsked := 0
				for _, e := range reqs {
					if e.Model == "gptj-pre" {
						preAsked++
					}
				}
				if preAsked == 0 || preAsked == n+24 {
					t.Errorf("split mode drew the broken arm in %d of %d requests: the draw is not per request", preAsked, n+24)
				}
			}
			var warned bool
			for _, m := range a.c.notes.messages() {
				warned = warned || strings.Contains(m.Message, "gave no candidates") && strings.Contains(m.Message, "The other arm still answers")
			}
			if !warned {
				t.Errorf("no message about the failing arm: %v", a.c.notes.messages())
			}
			a.assertBlind()
		})
	}
}

// TestABToggle: [ab] configured but off; securecomplete.toggleAB turns it
// on (both models answer, the items say A/B) and off again (one model,
// named).
func TestABToggle(t *testing.T) {
	t.Parallel()
	a := startAB(t, abSetup{off: true})
	d := a.open("t.c", argvSrc)
	detail := func() (string, int) {
		list, err := d.complete()
		if err != nil || len(list.Items) == 0 {
			t.Fatalf("complete: %v %+v", err, list)
		}
		return list.Items[0].Detail, len(list.Items)
	}
	if det, n := detail(); !strings.Contains(det, "gptj-ft") || n != 1 {
		t.Errorf("A/B off: detail %q, %d items; want gptj-ft's one", det, n)
	}
	var st ABState
	a.mustCall(protocol.MethodWorkspaceExecuteCommand, map[string]any{"command": CommandToggleAB}, &st)
	if !st.Enabled || strings.Join(st.Arms, ",") != "A,B" || st.Mode != "interleave" {
		t.Fatalf("toggleAB on: %+v", st)
	}
	if det, n := detail(); !strings.Contains(det, "A/B") || n != 2 {
		t.Errorf("A/B on: detail %q, %d items; want A/B and both arms", det, n)
	}
	a.mustCall(protocol.MethodWorkspaceExecuteCommand, map[string]any{"command": CommandToggleAB}, &st)
	if st.Enabled {
		t.Fatalf("toggleAB off: %+v", st)
	}
	if det, n := detail(); !strings.Contains(det, "gptj-ft") || n != 1 {
		t.Errorf("A/B off again: detail %q, %d items", det, n)
	}

	plain := newHarness(t, setup{})
	plain.initialize(nil)
	err := plain.call(protocol.MethodWorkspaceExecuteCommand, map[string]any{"command": CommandToggleAB}, nil)
	if err == nil || !strings.Contains(err.Error(), "A/B mode needs two models: set [ab] models") {
		t.Errorf("toggleAB without [ab] models: %v", err)
	}
	err = plain.call(protocol.MethodWorkspaceExecuteCommand, map[string]any{"command": CommandABReport}, nil)
	if err == nil || !strings.Contains(err.Error(), "A/B mode is off") {
		t.Errorf("abReport without A/B: %v", err)
	}
}

// tcpProxy forwards loopback connections to a server until down is
// called; then it cuts them and refuses new ones until up.
type tcpProxy struct {
	ln     net.Listener
	target string
	mu     sync.Mutex
	conns  []net.Conn
	isDown bool
}

func newTCPProxy(t *testing.T, target string) *tcpProxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &tcpProxy{ln: ln, target: target}
	t.Cleanup(func() { ln.Close(); p.down() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			p.mu.Lock()
			if p.isDown {
				p.mu.Unlock()
				c.Close()
				continue
			}
			s, err := net.Dial("tcp", target)
			if err != nil {
				p.mu.Unlock()
				c.Close()
				continue
			}
			p.conns = append(p.conns, c, s)
			p.mu.Unlock()
			go func() { io.Copy(s, c); s.Close() }()
			go func() { io.Copy(c, s); c.Close() }()
		}
	}()
	return p
}

func (p *tcpProxy) down() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.isDown = true
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

func (p *tcpProxy) up() {
	p.mu.Lock()
	p.isDown = false
	p.mu.Unlock()
}

// TestABPostgresUnreachable records into PostgreSQL through a proxy that
// the test cuts: completions and accepts go on without waiting for the
// store beyond the accept's bound, the events wait in memory, and they
// are written once the server is reachable again.
func TestABPostgresUnreachable(t *testing.T) {
	t.Parallel()
	dsn := storetest.Postgres(t)
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	p := newTCPProxy(t, u.Host)
	u.Host = p.ln.Addr().String()
	a := startAB(t, abSetup{store: u.String()})
	a.waitAB(true)
	a.storeLoc = dsn // the test reads past the proxy
	a.openReader()
	d := a.open("pg.c", argvSrc)
	d.acceptCandidate(safeCand)
	a.waitEvents(store.TypeAccept, 1)

	p.down()
	start := time.Now()
	for i := range 3 {
		e := a.open("down"+string(rune('a'+i))+".c", argvSrc)
		list, err := e.complete()
		if err != nil || len(list.Items) != 2 {
			t.Fatalf("completion with the store down: %v %+v", err, list)
		}
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("three completions took %s with PostgreSQL unreachable: completion must not wait for the store", took)
	}
	st := a.status()
	if st.AB == nil || !st.AB.Enabled {
		t.Errorf("status %+v: A/B stays on, buffering", st.AB)
	}
	p.up()
	a.waitEvents(store.TypeRequest, 8) // 4 requests × 2 arms
	if got := a.events(store.TypeLoss); len(got) != 0 {
		t.Errorf("loss events %+v: nothing was over the buffer", got)
	}
}

// TestABFromSettings: [ab] in didChangeConfiguration turns A/B on and off
// as the file does; a bad [ab] setting keeps the previous configuration
// and says which key is wrong.
func TestABFromSettings(t *testing.T) {
	t.Parallel()
	a := startAB(t, abSetup{off: true})
	a.c.notify(protocol.MethodWorkspaceDidChangeConfiguration, map[string]any{"settings": map[string]any{"securecomplete": map[string]any{"ab": map[string]any{"enabled": true, "mode": "split"}}}})
	a.waitAB(true)
	if st := a.status(); st.AB.Mode != "split" || st.Model != "A/B" {
		t.Errorf("status %+v: want split mode and the model shown as A/B", st)
	}
	a.c.notify(protocol.MethodWorkspaceDidChangeConfiguration, map[string]any{"settings": map[string]any{"ab": map[string]any{"enabled": true, "mode": "both"}}})
	a.c.notes.waitFor(t, "the configuration error", func(n note) bool {
		m, ok := n.message()
		return ok && strings.Contains(m.Message, `ab.mode "both": want interleave or split`)
	}, 5*time.Second)
	a.c.notify(protocol.MethodWorkspaceDidChangeConfiguration, map[string]any{"settings": map[string]any{"ab": map[string]any{"enabled": false}}})
	a.waitAB(false)
	if st := a.status(); st.Model != "gptj-ft" {
		t.Errorf("A/B off: status model %q, want gptj-ft named again", st.Model)
	}
}

// TestABHiddenCounted: with [completion] screen = "hide" the vulnerable
// candidate is not shown, and the report counts it as hidden for its arm.
func TestABHiddenCounted(t *testing.T) {
	t.Parallel()
	a := startAB(t, abSetup{screen: "hide", wait: true})
	const n = 3
	for i := range n {
		d := a.open("h"+string(rune('a'+i))+".c", argvSrc)
		list, err := d.complete()
		if err != nil || len(list.Items) != 1 || !strings.HasSuffix(list.Items[0].TextEdit.NewText, safeCand) {
			t.Fatalf("completion with screen = hide: %v %+v; want the safe candidate alone", err, list)
		}
	}
	a.waitEvents(store.TypeHidden, n)
	a.waitEvents(store.TypeShown, n)
	rep, err := report.Build(context.Background(), a.reader, report.Options{Blind: true})
	if err != nil {
		t.Fatal(err)
	}
	pre, ft := rep.Arms[0], rep.Arms[1]
	if pre.Hidden == 0 {
		pre, ft = ft, pre
	}
	if pre.Hidden != n || pre.Shown != 0 || ft.Hidden != 0 || ft.Shown != n {
		t.Errorf("hidden %d/%d, shown %d/%d: want the vulnerable arm's %d hidden and the safe arm's shown", pre.Hidden, ft.Hidden, pre.Shown, ft.Shown, n)
	}
}
