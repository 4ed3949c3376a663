package embedded

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"securecomplete/completion/embedded/ctrack"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// The differential check of the syntax tracker: for many prompts and
// seeds, the exact texts the model generates under the tracker, and
// what the tracker allows (every token of the vocabulary, plain and when
// closing) before each token of the prompts and of the texts, hashed.
// The golden file was written by the tracker before it moved to its own
// package; any change of behaviour shows as a diff.

// goldenModel is trained on both test corpora, with the test headers.
func goldenModel(t testing.TB) (*Model, []goldenDoc) {
	t.Helper()
	var docs []goldenDoc
	for i, d := range testCorpus {
		docs = append(docs, goldenDoc{fmt.Sprintf("testCorpus[%d]", i), d})
	}
	// The test model's corpus, and programs written for this check that
	// use what it lacks (else, switch, do, goto, typedef, enum, union,
	// macros with parameters, classes, templates, namespaces, new).
	files, err := filepath.Glob(filepath.Join("embeddedtest", "corpus", "*"))
	if err != nil {
		t.Fatal(err)
	}
	more, err := filepath.Glob(filepath.Join("testdata", "tracker", "*"))
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	slices.Sort(more)
	files = append(files, more...)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, goldenDoc{filepath.Base(f), string(b)})
	}
	tr, err := NewTrainer(DefaultOrder)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		tr.Add([]byte(d.text), 1)
	}
	m, err := tr.Build(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	setTestHeaders(m)
	return m, docs
}

type goldenDoc struct{ name, text string }

type goldenPrompt struct{ name, text string }

// goldenPrompts cuts each document at the end of every line and after
// the first word of every line (where the last token may be healed).
func goldenPrompts(docs []goldenDoc) []goldenPrompt {
	var out []goldenPrompt
	for _, d := range docs {
		line := 1
		for p := 0; p < len(d.text); line++ {
			end := strings.IndexByte(d.text[p:], '\n')
			if end < 0 {
				break
			}
			text := d.text[p : p+end]
			body := strings.TrimLeft(text, " \t")
			if w := strings.IndexAny(body, " (;"); w > 0 {
				cut := p + len(text) - len(body) + w
				out = append(out, goldenPrompt{fmt.Sprintf("%s:%d:%d", d.name, line, cut-p+1), d.text[:cut]})
			}
			p += end + 1
			out = append(out, goldenPrompt{fmt.Sprintf("%s:%d:end", d.name, line), d.text[:p]})
		}
	}
	return out
}

// allowedHash walks the tracker over text's tokens and hashes, before
// each token from the from-th on, what it allows of every token of the
// session, plainly and when closing, and how much closing costs. It
// returns the hash and the number of positions hashed.
func allowedHash(m *Model, text string, from int) (uint64, int) {
	s := m.newSession(text, DefaultCache(), false)
	if s.heal != nil && s.heal.tok != ^uint32(0) {
		s.hist = append(s.hist, s.heal.tok)
	}
	var raw []string
	lex([]byte(text), true, func(tok []byte) { raw = append(raw, string(tok)) })
	h := fnv.New64a()
	n := len(s.m.vocab) + len(s.extra)
	buf := make([]byte, 0, n/4+16)
	positions := 0
	s.readSyntax(raw, func(i int, tr *ctrack.Tracker) {
		if i < from {
			return
		}
		positions++
		buf = buf[:0]
		var acc byte
		for w := range n {
			ti, tok := s.info(uint32(w)), s.text(uint32(w))
			acc <<= 2
			if tr.Allowed(ti, tok) {
				acc |= 1
			}
			if tr.ClosingAllowed(ti, tok) {
				acc |= 2
			}
			if w%4 == 3 {
				buf = append(buf, acc)
				acc = 0
			}
		}
		buf = append(buf, acc)
		st := 0
		if tr.AtStatementStart() {
			st = 1
		}
		buf = binary.LittleEndian.AppendUint32(buf, uint32(tr.ClosingCost(tr.Function())))
		buf = binary.LittleEndian.AppendUint32(buf, uint32(tr.Function()+1))
		buf = binary.LittleEndian.AppendUint32(buf, uint32(tr.Depth()))
		buf = append(buf, byte(st))
		h.Write(buf)
	})
	return h.Sum64(), positions
}

// goldenConfigs are the sampling settings of the check: the defaults of
// the configuration (a whole function), and short hot samples that
// ignore the end of the document.
func goldenConfigs(seed int64) []Options {
	s1, s2 := seed, seed+100
	return []Options{
		{MaxTokens: 128, Temperature: 0.2, TopP: 0.95, N: 2, Seed: &s1},
		{MaxTokens: 24, Temperature: 0.9, TopP: 1, N: 1, Seed: &s2, IgnoreEOS: true},
	}
}

// writeGolden generates every prompt under every config and writes the
// record; generations counts the choices.
func writeGolden(t *testing.T, m *Model, prompts []goldenPrompt, configs func(name string) []Options, walk bool) (out []byte, generations int) {
	t.Helper()
	var b bytes.Buffer
	for _, p := range prompts {
		fmt.Fprintf(&b, "# %s\n", p.name)
		ntoks := m.newSession(p.text, DefaultCache(), false).ntoks
		if walk {
			hp, np := allowedHash(m, p.text, 0)
			fmt.Fprintf(&b, "prompt allowed %016x/%d\n", hp, np)
		}
		for ci, opt := range configs(p.name) {
			res, err := m.Generate(context.Background(), p.text, opt, nil)
			if err != nil {
				t.Fatalf("%s: %v", p.name, err)
			}
			fmt.Fprintf(&b, "config %d: %d tokens\n", ci, res.CompletionTokens)
			for _, ch := range res.Choices {
				generations++
				fmt.Fprintf(&b, "  %d %s %q\n", ch.Index, ch.FinishReason, ch.Text)
				if walk {
					// From the prompt's last token on (it may have been healed).
					ha, na := allowedHash(m, p.text+ch.Text, max(ntoks-1, 0))
					fmt.Fprintf(&b, "    allowed %016x/%d\n", ha, na)
				}
			}
		}
	}
	return b.Bytes(), generations
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	section := ""
	for i := range max(len(gl), len(wl)) {
		g, w := "", ""
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if strings.HasPrefix(w, "# ") {
			section = w
		}
		if g != w {
			t.Fatalf("%s differs from the golden record at line %d (%s):\ngot  %s\nwant %s", path, i+1, section, g, w)
		}
	}
}

// TestTrackerGolden is the differential check on the test model.
func TestTrackerGolden(t *testing.T) {
	if testing.Short() {
		t.Skip("the differential check generates a few thousand completions")
	}
	m, docs := goldenModel(t)
	prompts := goldenPrompts(docs)
	got, n := writeGolden(t, m, prompts, func(string) []Options { return goldenConfigs(1) }, true)
	t.Logf("%d prompts, %d generations compared", len(prompts), n)
	compareGolden(t, filepath.Join("testdata", "tracker.golden"), got)
}

// TestTrackerGoldenModel is the same check on a real model and prompts,
// when $SECURECOMPLETE_TRACKER_MODEL names a model file and
// $SECURECOMPLETE_TRACKER_PROMPTS a JSON file of prompts and settings
// ({"MaxTokens", "Temperature", "TopP", "Stop", "Prompts": [{"Name",
// "Prompt"}]}, e.g. the benchmark's scenarios); the record is
// $SECURECOMPLETE_TRACKER_GOLDEN (-update writes it).
func TestTrackerGoldenModel(t *testing.T) {
	path, prompts, golden := os.Getenv("SECURECOMPLETE_TRACKER_MODEL"), os.Getenv("SECURECOMPLETE_TRACKER_PROMPTS"), os.Getenv("SECURECOMPLETE_TRACKER_GOLDEN")
	if path == "" || prompts == "" || golden == "" {
		t.Skip("set SECURECOMPLETE_TRACKER_MODEL, SECURECOMPLETE_TRACKER_PROMPTS and SECURECOMPLETE_TRACKER_GOLDEN to run")
	}
	m, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(prompts)
	if err != nil {
		t.Fatal(err)
	}
	var in struct {
		MaxTokens   int
		Temperature float64
		TopP        float64
		Stop        []string
		Prompts     []struct{ Name, Prompt string }
	}
	if err := json.Unmarshal(b, &in); err != nil {
		t.Fatalf("%s: %v", prompts, err)
	}
	var ps []goldenPrompt
	for _, p := range in.Prompts {
		ps = append(ps, goldenPrompt{p.Name, p.Prompt})
	}
	configs := func(name string) []Options {
		h := fnv.New64a()
		h.Write([]byte(name))
		var out []Options
		for k := range int64(3) {
			seed := int64(h.Sum64()>>1) + k
			out = append(out, Options{MaxTokens: in.MaxTokens, Temperature: in.Temperature, TopP: in.TopP, Stop: in.Stop, N: 10, Seed: &seed})
		}
		return out
	}
	got, n := writeGolden(t, m, ps, configs, os.Getenv("SECURECOMPLETE_TRACKER_WALK") != "")
	t.Logf("%d prompts, %d generations compared", len(ps), n)
	compareGolden(t, golden, got)
}
