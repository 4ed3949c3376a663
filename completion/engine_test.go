package completion

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"securecomplete/analysis"
	"securecomplete/config"
	"securecomplete/internal/openaitest"
)

func testModel(baseURL string) config.Model {
	return config.Model{
		Name: "gptj-ft", BaseURL: baseURL, Model: "gptj-secure",
		ContextWindow: 512, MaxTokens: 96, Temperature: 0.4, TopP: 0.95, N: 3,
		Stop: []string{"\n\n\n"}, Timeout: config.Duration(5 * time.Second),
	}
}

// newTestEngine builds the engine of m as every front end does, with
// screening as given (config.ScreenOff unless a test screens).
func newTestEngine(t *testing.T, m config.Model, screen ...string) *Engine {
	t.Helper()
	s := Setup{Model: m, Screen: config.ScreenOff}
	if len(screen) > 0 {
		s.Screen = screen[0]
	}
	e, err := Build(s)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestEngineComplete(t *testing.T) {
	text, off := bigFile(300)
	tc, _ := NewTokenCounter()
	srv := openaitest.New(t, func(r openaitest.Request) openaitest.Reply {
		return openaitest.Reply{Texts: []string{
			"strncpy(buf, argv[1], sizeof buf - 1);\n    buf[sizeof buf - 1] = '\\0';\n    puts(buf);\n    return 0;\n}\n\nint other(void) {\n",
			"strcpy(buf, argv[1]);\n",
			"strcpy(buf, argv[1]);   \n", // a duplicate once cleaned
		}}
	})
	m := testModel(srv.BaseURL)
	srv.Check(func(r openaitest.Request) error {
		switch {
		case r.Model != "gptj-secure":
			return fmt.Errorf("model %q, want the server's name gptj-secure", r.Model)
		case r.MaxTokens != 96 || r.N != 3:
			return fmt.Errorf("max_tokens %d n %d, want 96 and 3", r.MaxTokens, r.N)
		case len(r.Stop) != 1 || r.Stop[0] != "\n\n\n":
			return fmt.Errorf("stop %q", r.Stop)
		case r.Temperature < 0.39 || r.Temperature > 0.41 || r.TopP < 0.94:
			return fmt.Errorf("temperature %g top_p %g", r.Temperature, r.TopP)
		case tc.Count(r.Prompt)+r.MaxTokens > 512:
			return fmt.Errorf("prompt of %d tokens + max_tokens %d overflows the 512-token window", tc.Count(r.Prompt), r.MaxTokens)
		case !strings.HasSuffix(text[:off], r.Prompt[strings.LastIndex(r.Prompt, "int\nmain"):]):
			return fmt.Errorf("prompt does not end at the cursor")
		case r.Auth != "":
			return fmt.Errorf("an Authorization header was sent with no api_key_env")
		}
		return nil
	})
	e := newTestEngine(t, m)
	res, err := e.Complete(context.Background(), Input{Lang: analysis.C, Text: text, Offset: off})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"strncpy(buf, argv[1], sizeof buf - 1);\n    buf[sizeof buf - 1] = '\\0';\n    puts(buf);",
		"strcpy(buf, argv[1]);",
	}
	if len(res.Candidates) != len(want) {
		t.Fatalf("got %d candidates %+v, want %d", len(res.Candidates), res.Candidates, len(want))
	}
	for i, c := range res.Candidates {
		if c.Text != want[i] {
			t.Errorf("candidate %d = %q, want %q", i, c.Text, want[i])
		}
	}
	if res.Raw != 3 || !res.Prompt.Truncated {
		t.Errorf("raw %d truncated %v", res.Raw, res.Prompt.Truncated)
	}
}

func TestEngineAPIKey(t *testing.T) {
	t.Setenv("SC_TEST_KEY", "sk-test-123")
	srv := openaitest.New(t, func(openaitest.Request) openaitest.Reply { return openaitest.Reply{Texts: []string{"x;"}} })
	m := testModel(srv.BaseURL)
	m.APIKeyEnv = "SC_TEST_KEY"
	if _, err := newTestEngine(t, m).Complete(context.Background(), Input{Lang: analysis.C, Text: "int f() {\n  ", Offset: 12}); err != nil {
		t.Fatal(err)
	}
	if got := srv.Requests()[0].Auth; got != "Bearer sk-test-123" {
		t.Errorf("Authorization = %q", got)
	}
}

func TestEngineModelFaults(t *testing.T) {
	deadURL := func() string {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := l.Addr().String()
		l.Close()
		return "http://" + addr + "/v1"
	}()
	tests := []struct {
		name       string
		reply      openaitest.Reply
		url        string
		timeout    time.Duration
		wantStatus int
		wantMsg    string
	}{
		{name: "server error", reply: openaitest.Reply{Status: 500}, wantStatus: 500, wantMsg: "Internal Server Error"},
		{name: "unknown model", reply: openaitest.Reply{Status: 404}, wantStatus: 404, wantMsg: "Not Found"},
		{name: "garbage", reply: openaitest.Reply{Raw: "<html>proxy error</html>"}, wantMsg: "gptj-ft"},
		{name: "no choices", reply: openaitest.Reply{Texts: []string{}}, wantMsg: "no choices"},
		{name: "slow", reply: openaitest.Reply{Delay: 10 * time.Second}, timeout: 200 * time.Millisecond, wantMsg: "no answer from"},
		{name: "down", url: deadURL, wantMsg: "connection refused"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := openaitest.New(t, func(openaitest.Request) openaitest.Reply { return tt.reply })
			m := testModel(srv.BaseURL)
			if tt.url != "" {
				m.BaseURL = tt.url
			}
			if tt.timeout > 0 {
				m.Timeout = config.Duration(tt.timeout)
			}
			_, err := newTestEngine(t, m).Complete(context.Background(), Input{Lang: analysis.C, Text: "int f() {\n  ", Offset: 12})
			var me *ModelError
			if !errors.As(err, &me) {
				t.Fatalf("error %v (%T) is not a ModelError", err, err)
			}
			if me.Status != tt.wantStatus || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("error %q status %d, want status %d and %q", err, me.Status, tt.wantStatus, tt.wantMsg)
			}
		})
	}
}

func TestEngineCancelAbortsHTTP(t *testing.T) {
	srv := openaitest.New(t, func(openaitest.Request) openaitest.Reply { return openaitest.Reply{Delay: 30 * time.Second} })
	e := newTestEngine(t, testModel(srv.BaseURL))
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-srv.Started()
		cancel()
	}()
	_, err := e.Complete(ctx, Input{Lang: analysis.C, Text: "int f() {\n  ", Offset: 12})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for srv.Aborted() == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if srv.Aborted() != 1 {
		t.Errorf("the server did not see the HTTP call aborted")
	}
}

func TestEngineBadOffsets(t *testing.T) {
	srv := openaitest.New(t, func(openaitest.Request) openaitest.Reply { return openaitest.Reply{Texts: []string{"0;"}} })
	e := newTestEngine(t, testModel(srv.BaseURL))
	text := "int f() { return é"
	if _, err := e.Complete(context.Background(), Input{Lang: analysis.C, Text: text, Offset: len(text) - 1}); err == nil || !strings.Contains(err.Error(), "inside a UTF-8 sequence") {
		t.Errorf("offset inside é: err = %v", err)
	}
	if _, err := e.Complete(context.Background(), Input{Lang: analysis.C, Text: text, Offset: -1}); err == nil {
		t.Error("negative offset accepted")
	}
	res, err := e.Complete(context.Background(), Input{Lang: analysis.C, Text: text, Offset: len(text) + 100})
	if err != nil || len(res.Candidates) != 1 {
		t.Errorf("offset past the end is not clamped: %v %v", res, err)
	}
	bad := "int f() {\n  char *s = \"\xff\xfe\";\n  "
	if res, err := e.Complete(context.Background(), Input{Lang: analysis.C, Text: bad, Offset: len(bad)}); err != nil || len(res.Candidates) != 1 {
		t.Errorf("invalid UTF-8 document: %v %v", res, err)
	}
}

func TestEngineScreensCandidates(t *testing.T) {
	srv := openaitest.New(t, func(openaitest.Request) openaitest.Reply {
		return openaitest.Reply{Texts: []string{
			"strcpy(buf, argv[1]);\n    puts(buf);",
			"snprintf(buf, sizeof buf, \"%s\", argv[1]);\n    puts(buf);",
		}}
	})
	m := testModel(srv.BaseURL)
	m.N = 2
	e := newTestEngine(t, m, config.ScreenRank)
	text := "#include <stdio.h>\n#include <string.h>\n\nint main(int argc, char *argv[]) {\n    char buf[16];\n    if (argc < 2) {\n        return 1;\n    }\n    \n    return 0;\n}\n"
	off := strings.Index(text, "    \n    return 0;") + 4
	res, err := e.Complete(context.Background(), Input{Lang: analysis.C, Text: text, Offset: off})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Candidates) != 2 {
		t.Fatalf("%d candidates", len(res.Candidates))
	}
	clean, flagged := res.Candidates[0], res.Candidates[1]
	if !clean.Screened || len(clean.Findings) != 0 || !strings.HasPrefix(clean.Text, "snprintf") {
		t.Errorf("first candidate should be the clean snprintf one: %+v", clean)
	}
	if len(flagged.Findings) == 0 || flagged.Findings[0].CWE != "CWE-787" || flagged.Findings[0].Line != 1 || flagged.Index != 0 {
		t.Errorf("the strcpy candidate should come second with a CWE-787 finding on its line 1: %+v", flagged)
	}
}
