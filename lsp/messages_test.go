package lsp

import (
	"fmt"
	"net"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"securecomplete/internal/openaitest"
)

// deadURL returns the base URL of a port nothing listens on.
func deadURL(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr + "/v1"
}

// TestModelFailureShownOnce types into a document with a model that
// fails, asking for completion on every keystroke: every answer is an
// empty list, the user sees one message naming the model and the cause,
// and the log has every failure.
func TestModelFailureShownOnce(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		reply      openaitest.Reply
		down       bool
		timeout    string
		keystrokes int
		says       string
	}{
		{name: "down", down: true, keystrokes: 12, says: "connection refused"},
		{name: "slower than its timeout", reply: openaitest.Reply{Texts: []string{"late();"}, Delay: time.Minute}, timeout: "150ms", keystrokes: 3, says: "within 150ms"},
		{name: "HTTP 500", reply: openaitest.Reply{Status: 500}, keystrokes: 12, says: "HTTP 500"},
		{name: "HTTP 404", reply: openaitest.Reply{Status: 404}, keystrokes: 12, says: "HTTP 404"},
		{name: "garbage", reply: openaitest.Reply{Raw: "<html>proxy error</html>"}, keystrokes: 12, says: "invalid character"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newHarness(t, setup{toml: "-", model: func(openaitest.Request) openaitest.Reply { return tt.reply }})
			url := h.model.BaseURL
			if tt.down {
				url = deadURL(t)
			}
			toml := strings.Replace(fmt.Sprintf(modelTOML, url), `timeout = "5s"`, `timeout = "`+cmp(tt.timeout, "5s")+`"`, 1)
			h.writeConfig(toml)
			h.initialize(nil)
			d := h.open("a.c", "int main(void) {\n    ‸")
			for i := range tt.keystrokes {
				d.typeText("x")
				list, err := d.complete()
				if err != nil || len(list.Items) != 0 {
					t.Fatalf("keystroke %d: %v %+v, want an empty list", i, err, list)
				}
			}
			msgs := h.c.notes.messages()
			if len(msgs) != 1 {
				t.Fatalf("%d messages over %d keystrokes, want 1: %+v", len(msgs), tt.keystrokes, msgs)
			}
			if m := msgs[0]; m.Type != protocol.MessageTypeWarning || !strings.Contains(m.Message, "gptj-ft") || !strings.Contains(m.Message, tt.says) {
				t.Errorf("message %+v: want a warning naming the model gptj-ft and saying %q", m, tt.says)
			}
			if n := strings.Count(h.log.String(), `msg="model failed"`); n != tt.keystrokes {
				t.Errorf("the log has %d model failures, want %d", n, tt.keystrokes)
			}
		})
	}
}

func cmp(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// TestModelRecovers: a model that fails, answers, then fails again is
// shown twice; the successful answer reaches the user.
func TestModelRecovers(t *testing.T) {
	t.Parallel()
	var failing atomic.Bool
	failing.Store(true)
	h := newHarness(t, setup{model: func(openaitest.Request) openaitest.Reply {
		if failing.Load() {
			return openaitest.Reply{Status: 503}
		}
		return openaitest.Reply{Texts: []string{"ok();"}}
	}})
	h.initialize(nil)
	d := h.open("a.c", "int main(void) {\n    ‸")
	complete := func(wantItems int) {
		t.Helper()
		d.typeText("y")
		list, err := d.complete()
		if err != nil || len(list.Items) != wantItems {
			t.Fatalf("%v %+v, want %d items", err, list, wantItems)
		}
	}
	for range 4 {
		complete(0)
	}
	failing.Store(false)
	complete(1)
	complete(1)
	failing.Store(true)
	for range 4 {
		complete(0)
	}
	if msgs := h.c.notes.messages(); len(msgs) != 2 {
		t.Errorf("%d messages, want 2 (one per outage): %+v", len(msgs), msgs)
	}
}

// TestModelFailureLogsNoKey: the log names the cause of a failure and
// never the API key, which the model did receive.
func TestModelFailureLogsNoKey(t *testing.T) {
	const key = "sk-test-7c1f3e9a0b"
	t.Setenv("SECURECOMPLETE_TEST_KEY", key)
	var calls atomic.Int32
	h := newHarness(t, setup{toml: "-", model: func(openaitest.Request) openaitest.Reply {
		if calls.Add(1) == 1 {
			return openaitest.Reply{Texts: []string{"ok();"}}
		}
		return openaitest.Reply{Status: 401}
	}})
	h.writeConfig(fmt.Sprintf(modelTOML, h.model.BaseURL) + `api_key_env = "SECURECOMPLETE_TEST_KEY"` + "\n")
	h.initialize(nil)
	d := h.open("a.c", "int main(void) {\n    ‸")
	for range 3 {
		if _, err := d.complete(); err != nil {
			t.Fatal(err)
		}
	}
	if reqs := h.model.Requests(); len(reqs) == 0 || reqs[0].Auth != "Bearer "+key {
		t.Fatalf("the model did not receive the key: %+v", reqs)
	}
	log := h.log.String()
	if strings.Contains(log, key) {
		t.Errorf("the log holds the API key:\n%s", log)
	}
	if !strings.Contains(log, "HTTP 401") && !strings.Contains(log, "status=401") {
		t.Errorf("the log does not name the cause (HTTP 401):\n%s", log)
	}
	for _, m := range h.c.notes.messages() {
		if strings.Contains(m.Message, key) {
			t.Errorf("a message shows the API key: %s", m.Message)
		}
	}
}

// TestModelHealth checks when a failure is shown, on a clock the test
// moves.
func TestModelHealth(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	h := newModelHealth(2*time.Minute, func() time.Time { return now })
	steps := []struct {
		after   time.Duration
		ok      bool // the model answered instead of failing
		model   string
		show    bool
		comment string
	}{
		{0, false, "a", true, "first failure"},
		{time.Second, false, "a", false, "keystrokes"},
		{time.Second, false, "a", false, ""},
		{time.Second, false, "b", true, "another model fails on its own account"},
		{90 * time.Second, false, "a", false, "still within the quiet period of the last failure"},
		{2 * time.Minute, false, "a", true, "quiet for the whole period, then fails again"},
		{time.Second, false, "a", false, ""},
		{time.Second, true, "a", false, "recovered"},
		{time.Second, false, "a", true, "failed anew after recovering"},
		{time.Second, false, "a", false, ""},
	}
	for i, s := range steps {
		now = now.Add(s.after)
		if s.ok {
			h.ok(s.model)
			continue
		}
		if got := h.failed(s.model); got != s.show {
			t.Errorf("step %d (%s): shown %v, want %v", i, s.comment, got, s.show)
		}
	}
}
