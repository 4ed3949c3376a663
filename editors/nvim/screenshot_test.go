package nvim_test

import (
	"context"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"securecomplete/internal/openaitest"
	"securecomplete/internal/testenv"
)

// The file of the screenshot: an unchecked copy the server flags on save,
// and an empty line where ghost text is asked for.
const screenSource = "#include <stdio.h>\n#include <string.h>\n\nint main(int argc, char **argv) {\n    char name[8];\n    strcpy(name, argv[1]);\n    char buf[32];\n    \n    puts(buf);\n    return 0;\n}\n"

const screenGhost = `snprintf(buf, sizeof buf, "hello %s", name);`

// TestNeovimScreenshot runs Neovim as a user does, in a terminal (tmux),
// with the plugin against the real binary and a loopback model: on save
// the server's check puts the CWE of the unchecked strcpy on its line,
// and typing on the empty line shows the model's candidate as ghost text.
// The terminal is captured with its colours, drawn as HTML and
// photographed by the headless Chromium of .ci/run: nvim.png in the
// test's artifact directory (go test -artifacts) is the README's picture.
func TestNeovimScreenshot(t *testing.T) {
	nvim := testenv.Tool(t, "nvim")
	tmux := testenv.Tool(t, "tmux")
	browser := testenv.Tool(t, "chromium")
	repo := testenv.RepoRoot(t)
	bin := testenv.Binary(t)
	tmp := t.TempDir()

	model := openaitest.New(t, func(r openaitest.Request) openaitest.Reply {
		word := strings.TrimLeft(r.Prompt[strings.LastIndexByte(r.Prompt, '\n')+1:], " ")
		if word != "" && strings.HasPrefix(screenGhost, word) {
			return openaitest.Reply{Texts: []string{screenGhost[len(word):]}}
		}
		return openaitest.Reply{Texts: []string{""}}
	})
	ws := filepath.Join(tmp, "ws")
	toml := fmt.Sprintf("[[models]]\nname = \"gptj-ft\"\nbase_url = %q\nmodel = \"served\"\nn = 1\nmax_tokens = 32\ntimeout = \"10s\"\n\n[completion]\nmodel = \"gptj-ft\"\n\n[analysis]\non_save = true\nanalyzers = [\"builtin\"]\n", model.BaseURL)
	for p, text := range map[string]string{filepath.Join(ws, "securecomplete.toml"): toml, filepath.Join(ws, "greet.c"): screenSource} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	home := filepath.Join(tmp, "home")
	serverLog := filepath.Join(tmp, "server.log")
	env := append([]string{"SC_BIN=" + bin, "SC_LOG=" + serverLog, "SC_PLUGIN=" + filepath.Join(repo, "editors", "nvim")}, homeEnv(home)...)
	var quoted []string
	for _, e := range env {
		quoted = append(quoted, shellQuote(e))
	}
	shell := "cd " + shellQuote(ws) + " && exec env " + strings.Join(quoted, " ") + " " + shellQuote(nvim) +
		" -u " + shellQuote(filepath.Join(repo, "editors", "nvim", "testdata", "screen.lua")) + " greet.c"

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	socket := "sc-" + strconv.Itoa(os.Getpid())
	tm := func(args ...string) string {
		t.Helper()
		cmd := exec.CommandContext(ctx, tmux, append([]string{"-L", socket, "-f", "/dev/null"}, args...)...)
		cmd.Env = append(os.Environ(), "TERM=xterm-256color")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	tm("new-session", "-d", "-s", "sc", "-x", "112", "-y", "14", "sh", "-c", shell)
	t.Cleanup(func() { exec.Command(tmux, "-L", socket, "kill-server").Run() })
	defer func() {
		if t.Failed() {
			logText, _ := os.ReadFile(serverLog)
			t.Logf("server log:\n%s", logText)
		}
	}()
	capture := func() string { return tm("capture-pane", "-p", "-t", "sc") }
	waitFor := func(what, text string) string {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for {
			s := capture()
			if strings.Contains(s, text) {
				return s
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: %q never appeared on the screen:\n%s", what, text, s)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}

	waitFor("the plugin's statusline", "sc: gptj-ft ready")
	tm("send-keys", "-t", "sc", ":w", "Enter")
	waitFor("the diagnostic of the saved file", "■ strcpy copies argv[1]")
	tm("send-keys", "-t", "sc", "8G", "A", "s")
	screen := waitFor("the ghost text", screenGhost[1:])
	if !strings.Contains(screen, "-- INSERT --") {
		t.Errorf("not in insert mode while the ghost text shows:\n%s", screen)
	}
	colored := tm("capture-pane", "-p", "-e", "-t", "sc")

	page := filepath.Join(tmp, "screen.html")
	if err := os.WriteFile(page, []byte(terminalHTML(colored)), 0o644); err != nil {
		t.Fatal(err)
	}
	png := filepath.Join(t.ArtifactDir(), "nvim.png")
	shot := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
		"--user-data-dir="+filepath.Join(tmp, "chromium"), "--window-size=1040,290", "--screenshot="+png, "file://"+page)
	if out, err := shot.CombinedOutput(); err != nil {
		t.Fatalf("chromium --screenshot: %v\n%s", err, out)
	}
	data, err := os.ReadFile(png)
	if err != nil || len(data) < 2000 || string(data[1:4]) != "PNG" {
		t.Fatalf("no screenshot at %s (%d bytes, %v)", png, len(data), err)
	}
	t.Logf("screen:\n%s\nscreenshot: %s (%d bytes)", screen, png, len(data))
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// terminalHTML draws a terminal capture with its SGR colours (tmux
// capture-pane -e) as a page of preformatted text.
func terminalHTML(capture string) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#1e1e1e"><pre style="margin:0;padding:8px;font:14px/1.3 'DejaVu Sans Mono',monospace;color:#d0d0d0">`)
	var st sgr
	open := false
	flush := func() {
		if open {
			b.WriteString("</span>")
		}
		b.WriteString(`<span style="` + st.css() + `">`)
		open = true
	}
	flush()
	for rest := capture; rest != ""; {
		esc := strings.Index(rest, "\x1b[")
		if esc < 0 {
			b.WriteString(html.EscapeString(rest))
			break
		}
		b.WriteString(html.EscapeString(rest[:esc]))
		j := esc + 2
		for j < len(rest) && (rest[j] < 0x40 || rest[j] > 0x7e) {
			j++
		}
		if j < len(rest) && rest[j] == 'm' {
			st.apply(rest[esc+2 : j])
			flush()
		}
		rest = rest[min(j+1, len(rest)):]
	}
	b.WriteString("</span></pre></body></html>")
	return b.String()
}

// sgr is the text style a run of Select Graphic Rendition codes sets.
type sgr struct {
	fg, bg            string
	bold, dim, italic bool
	underline, rev    bool
}

func (s *sgr) apply(params string) {
	if params == "" {
		params = "0"
	}
	ps := strings.Split(params, ";")
	for i := 0; i < len(ps); i++ {
		n, _ := strconv.Atoi(ps[i])
		switch {
		case n == 0:
			*s = sgr{}
		case n == 1:
			s.bold = true
		case n == 2:
			s.dim = true
		case n == 3:
			s.italic = true
		case n == 4:
			s.underline = true
		case n == 7:
			s.rev = true
		case n == 22:
			s.bold, s.dim = false, false
		case n == 23:
			s.italic = false
		case n == 24:
			s.underline = false
		case n == 27:
			s.rev = false
		case n >= 30 && n <= 37:
			s.fg = xterm(n - 30)
		case n >= 90 && n <= 97:
			s.fg = xterm(n - 90 + 8)
		case n >= 40 && n <= 47:
			s.bg = xterm(n - 40)
		case n >= 100 && n <= 107:
			s.bg = xterm(n - 100 + 8)
		case n == 39:
			s.fg = ""
		case n == 49:
			s.bg = ""
		case (n == 38 || n == 48) && i+2 < len(ps) && ps[i+1] == "5":
			c, _ := strconv.Atoi(ps[i+2])
			if n == 38 {
				s.fg = xterm(c)
			} else {
				s.bg = xterm(c)
			}
			i += 2
		case (n == 38 || n == 48) && i+4 < len(ps) && ps[i+1] == "2":
			r, _ := strconv.Atoi(ps[i+2])
			g, _ := strconv.Atoi(ps[i+3])
			bl, _ := strconv.Atoi(ps[i+4])
			c := fmt.Sprintf("#%02x%02x%02x", r, g, bl)
			if n == 38 {
				s.fg = c
			} else {
				s.bg = c
			}
			i += 4
		}
	}
}

func (s sgr) css() string {
	fg, bg := s.fg, s.bg
	if s.rev {
		fg, bg = bg, fg
		if fg == "" {
			fg = "#1e1e1e"
		}
		if bg == "" {
			bg = "#d0d0d0"
		}
	}
	var b strings.Builder
	if fg != "" {
		b.WriteString("color:" + fg + ";")
	}
	if bg != "" {
		b.WriteString("background:" + bg + ";")
	}
	if s.bold {
		b.WriteString("font-weight:bold;")
	}
	if s.dim {
		b.WriteString("opacity:.6;")
	}
	if s.italic {
		b.WriteString("font-style:italic;")
	}
	if s.underline {
		b.WriteString("text-decoration:underline;")
	}
	return b.String()
}

// xterm is the colour of an xterm palette index: the 16 system colours,
// the 6×6×6 cube and the grey ramp.
func xterm(n int) string {
	system := []string{"#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
		"#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff"}
	switch {
	case n >= 0 && n < 16:
		return system[n]
	case n >= 16 && n < 232:
		n -= 16
		level := func(v int) int {
			if v == 0 {
				return 0
			}
			return 55 + 40*v
		}
		return fmt.Sprintf("#%02x%02x%02x", level(n/36), level(n/6%6), level(n%6))
	case n >= 232 && n < 256:
		v := 8 + 10*(n-232)
		return fmt.Sprintf("#%02x%02x%02x", v, v, v)
	}
	return ""
}
