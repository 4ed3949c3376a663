package lsp

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"securecomplete/internal/openaitest"
)

// twoModels configures "gptj-ft" (answering) and "other" at two servers.
const twoModels = `
[[models]]
name = "gptj-ft"
base_url = "%s"
model = "gptj-secure"

[[models]]
name = "other"
base_url = "%s"
model = "other-model"

[completion]
model = "gptj-ft"
`

func detail(t *testing.T, d *doc) string {
	t.Helper()
	list, err := d.complete()
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Items) == 0 {
		return ""
	}
	return list.Items[0].Detail
}

// TestConfigFlagWins: --config is read, not the workspace's file.
func TestConfigFlagWins(t *testing.T) {
	t.Parallel()
	flagged := openaitest.New(t, func(openaitest.Request) openaitest.Reply { return openaitest.Reply{Texts: []string{"flag();"}} })
	path := filepath.Join(t.TempDir(), "flag.toml")
	if err := os.WriteFile(path, []byte(fmt.Sprintf("[[models]]\nname = \"flagged\"\nbase_url = %q\n", flagged.BaseURL)), 0o644); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, setup{options: Options{ConfigPath: path}})
	h.initialize(nil)
	d := h.open("a.c", "int x = ‸")
	if got := detail(t, d); !strings.Contains(got, "flagged") {
		t.Errorf("detail %q, want the --config model flagged", got)
	}
	if len(h.model.Requests()) != 0 || len(flagged.Requests()) != 1 {
		t.Errorf("workspace model got %d requests, --config model %d; want 0 and 1", len(h.model.Requests()), len(flagged.Requests()))
	}
}

// TestInitializationOptionsWin: initializationOptions change the file's
// model key by key.
func TestInitializationOptionsWin(t *testing.T) {
	t.Parallel()
	h := newHarness(t, setup{})
	h.initialize(map[string]any{"models": []any{map[string]any{"name": "gptj-ft", "n": 1, "max_tokens": 7}}})
	d := h.open("a.c", "int x = ‸")
	detail(t, d)
	reqs := h.model.Requests()
	if len(reqs) != 1 || reqs[0].N != 1 || reqs[0].MaxTokens != 7 || reqs[0].Model != "gptj-secure" {
		t.Errorf("the model got %+v, want n 1 and max_tokens 7 from initializationOptions, model gptj-secure from the file", reqs)
	}
}

func TestDidChangeConfiguration(t *testing.T) {
	t.Parallel()
	other := openaitest.New(t, func(openaitest.Request) openaitest.Reply { return openaitest.Reply{Texts: []string{"other();"}} })
	h := newHarness(t, setup{toml: "-"})
	h.writeConfig(fmt.Sprintf(twoModels, h.model.BaseURL, other.BaseURL))
	h.initialize(nil)
	d := h.open("a.c", "int x = ‸")
	if got := detail(t, d); !strings.Contains(got, "gptj-ft") {
		t.Fatalf("detail %q", got)
	}

	// The settings payload switches the model, bare or under
	// "securecomplete" as VS Code sends a section.
	for _, settings := range []any{
		map[string]any{"completion": map[string]any{"model": "other"}},
		map[string]any{"securecomplete": map[string]any{"completion": map[string]any{"model": "other"}}},
	} {
		h.c.notify(protocol.MethodWorkspaceDidChangeConfiguration, map[string]any{"settings": settings})
		if got := detail(t, d); !strings.Contains(got, "other") {
			t.Errorf("after settings %v: detail %q, want the model other", settings, got)
		}
	}

	// The file is read again: a new answering model in it takes over.
	// (The stored settings still choose "other"; empty settings keep them.)
	h.writeConfig(fmt.Sprintf(twoModels, h.model.BaseURL, other.BaseURL) + "\n[[models]]\nname = \"third\"\nbase_url = \"" + other.BaseURL + "\"\n")
	h.c.notify(protocol.MethodWorkspaceDidChangeConfiguration, map[string]any{"settings": map[string]any{"completion": map[string]any{"model": "third"}}})
	if got := detail(t, d); !strings.Contains(got, "third") {
		t.Errorf("after adding a model to the file: detail %q, want third", got)
	}

	// Bad settings are shown, and the previous model keeps answering.
	h.c.notify(protocol.MethodWorkspaceDidChangeConfiguration, map[string]any{"settings": map[string]any{"bogus": 1}})
	m := h.c.notes.waitFor(t, "a message about the bad settings", func(n note) bool {
		p, ok := n.message()
		return ok && strings.Contains(p.Message, "bogus")
	}, replyTimeout)
	if p, _ := m.message(); p.Type != protocol.MessageTypeError || !strings.Contains(p.Message, "third keeps answering") {
		t.Errorf("message %+v", p)
	}
	if got := detail(t, d); !strings.Contains(got, "third") {
		t.Errorf("after bad settings: detail %q, want third still", got)
	}
}

// TestBrokenConfig: a configuration that does not load is shown once the
// client is initialized; completions answer empty lists until it is
// fixed, then work.
func TestBrokenConfig(t *testing.T) {
	t.Parallel()
	h := newHarness(t, setup{toml: "[[models]]\nname = \"x\"\nbase_url = \"ftp://nowhere\"\n"})
	h.initialize(nil)
	note := h.c.notes.waitFor(t, "a message about the configuration", func(n note) bool { _, ok := n.message(); return ok }, replyTimeout)
	p, _ := note.message()
	if p.Type != protocol.MessageTypeError || !strings.Contains(p.Message, "securecomplete.toml") || !strings.Contains(p.Message, "base_url") {
		t.Errorf("message %+v: want an error naming the file and the key", p)
	}
	d := h.open("a.c", "int x = ‸")
	list, err := d.complete()
	if err != nil || len(list.Items) != 0 {
		t.Errorf("completion with a broken configuration: %v %+v, want an empty list", err, list)
	}
	h.writeConfig(fmt.Sprintf(modelTOML, h.model.BaseURL))
	h.c.notify(protocol.MethodWorkspaceDidChangeConfiguration, map[string]any{"settings": nil})
	if got := detail(t, d); !strings.Contains(got, "gptj-ft") {
		t.Errorf("after fixing the file: detail %q", got)
	}
}
