package cli

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadmeCommands keeps the README's commands true: every
// `securecomplete ...` line in its sh blocks names a command that exists,
// with flags that command takes.
func TestReadmeCommands(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	root := newRootCommand(&globals{stdout: &strings.Builder{}, stderr: &strings.Builder{}})
	sc := bufio.NewScanner(f)
	inSh, checked := false, 0
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(text, "```sh"):
			inSh = true
			continue
		case strings.HasPrefix(text, "```"):
			inSh = false
			continue
		case !inSh:
			continue
		}
		if i := strings.Index(text, " #"); i >= 0 {
			text = text[:i]
		}
		words := strings.Fields(text)
		switch {
		case len(words) >= 3 && words[0] == "go" && words[1] == "run" && words[2] == ".":
			words = words[3:]
		case len(words) > 0 && words[0] == "securecomplete":
			words = words[1:]
		default:
			continue
		}
		cmd, rest, err := root.Find(words)
		if err != nil || cmd == root {
			t.Errorf("README.md:%d: %q names no command (%v)", line, text, err)
			continue
		}
		for _, w := range rest {
			if !strings.HasPrefix(w, "-") || w == "-" {
				continue
			}
			name, _, _ := strings.Cut(strings.TrimLeft(w, "-"), "=")
			var ok bool
			if strings.HasPrefix(w, "--") {
				ok = cmd.Flags().Lookup(name) != nil || cmd.InheritedFlags().Lookup(name) != nil
			} else {
				ok = cmd.Flags().ShorthandLookup(name) != nil || cmd.InheritedFlags().ShorthandLookup(name) != nil
			}
			if !ok {
				t.Errorf("README.md:%d: %s has no flag %s", line, cmd.CommandPath(), w)
			}
		}
		checked++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if checked < 10 {
		t.Errorf("checked %d command lines in the README, want the quickstart's and the commands' (10 or more)", checked)
	}
}
