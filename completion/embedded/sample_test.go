package embedded

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func seed(n int64) *int64 { return &n }

func generate(t *testing.T, m *Model, prompt string, opt Options) *Result {
	t.Helper()
	res, err := m.Generate(t.Context(), prompt, opt, nil)
	if err != nil {
		t.Fatalf("Generate(%q): %v", prompt, err)
	}
	return res
}

func TestGenerateShapeAndLimits(t *testing.T) {
	m := trainTest(t, 5)
	res := generate(t, m, "int main(void) {\n", Options{N: 3, MaxTokens: 5, Temperature: 1, Seed: seed(7)})
	if len(res.Choices) != 3 {
		t.Fatalf("%d choices, want 3", len(res.Choices))
	}
	total := 0
	for i, c := range res.Choices {
		if c.Index != i {
			t.Errorf("choice %d has index %d", i, c.Index)
		}
		if len(c.Tokens) > 5 {
			t.Errorf("choice %d: %d tokens, want at most max_tokens 5", i, len(c.Tokens))
		}
		if c.FinishReason == FinishLength && len(c.Tokens) != 5 {
			t.Errorf("choice %d: finish %q after %d tokens", i, c.FinishReason, len(c.Tokens))
		}
		var b strings.Builder
		for _, tok := range c.Tokens {
			if tok.Offset != b.Len() {
				t.Errorf("choice %d: token %q at offset %d, want %d", i, tok.Text, tok.Offset, b.Len())
			}
			b.WriteString(tok.Text)
		}
		if b.String() != c.Text {
			t.Errorf("choice %d: tokens spell %q, text is %q", i, b.String(), c.Text)
		}
		total += len(c.Tokens)
	}
	if res.CompletionTokens != total {
		t.Errorf("completion tokens %d, want %d", res.CompletionTokens, total)
	}
	if want := len(Tokenize("int main(void) {\n")) + 1; res.PromptTokens != want {
		t.Errorf("prompt tokens %d, want %d (the cursor's line counts one)", res.PromptTokens, want)
	}
}

func TestGenerateIsDeterministicUnderASeed(t *testing.T) {
	m := trainTest(t, 5)
	opt := Options{N: 4, MaxTokens: 40, Temperature: 1, TopP: 0.95}
	texts := func(s int64) []string {
		opt.Seed = seed(s)
		var out []string
		for _, c := range generate(t, m, "#include <stdio.h>\n", opt).Choices {
			out = append(out, c.Text)
		}
		return out
	}
	a, b := texts(42), texts(42)
	if strings.Join(a, "\x00") != strings.Join(b, "\x00") {
		t.Fatalf("same seed, different output:\n%q\n%q", a, b)
	}
	differ := false
	for s := int64(1); s < 20 && !differ; s++ {
		differ = strings.Join(texts(s), "\x00") != strings.Join(a, "\x00")
	}
	if !differ {
		t.Errorf("20 seeds all gave %q: the seed does not reach the sampler", a)
	}
	if a[0] == a[1] && a[1] == a[2] && a[2] == a[3] {
		t.Errorf("the choices of one request are all %q: each choice needs its own stream", a[0])
	}
}

func TestGreedyContinuesTrainingText(t *testing.T) {
	m := trainTest(t, 6)
	prompt := "int sum(const int *values, int n) {\n\tint total = 0;\n\tfor (int i = 0; i < n; i++) {\n"
	res := generate(t, m, prompt, Options{MaxTokens: 30, Temperature: 0, Cache: new(NoCache())})
	want := "\t\ttotal += values[i];\n\t}\n\treturn total;\n}"
	if got := res.Choices[0].Text; !strings.HasPrefix(got, want) {
		t.Errorf("greedy completion of a training function, indented with the prompt's tabs:\n got %q\nwant %q...", got, want)
	}
}

func TestStopSequences(t *testing.T) {
	m := trainTest(t, 6)
	prompt := "int main(int argc, char *argv[]) {\n    char buffer[32];\n"
	for _, stop := range [][]string{{"\n"}, {";"}, {"buffer", "argc"}} {
		res := generate(t, m, prompt, Options{N: 4, MaxTokens: 60, Temperature: 0.7, Stop: stop, Seed: seed(3)})
		for _, c := range res.Choices {
			for _, s := range stop {
				if strings.Contains(c.Text, s) {
					t.Errorf("stop %q: choice holds it: %q", stop, c.Text)
				}
			}
			if c.FinishReason != FinishStop && len(c.Tokens) < 60 {
				t.Errorf("stop %q: finish %q after %d tokens: %q", stop, c.FinishReason, len(c.Tokens), c.Text)
			}
		}
	}
	// Without the stop, the same seed goes past it: the stop did the cutting.
	res := generate(t, m, prompt, Options{MaxTokens: 60, Temperature: 0, Cache: new(NoCache())})
	if !strings.Contains(res.Choices[0].Text, "\n") {
		t.Fatalf("greedy completion %q holds no newline: the stop test proves nothing", res.Choices[0].Text)
	}
	cut := generate(t, m, prompt, Options{MaxTokens: 60, Temperature: 0, Cache: new(NoCache()), Stop: []string{"\n"}})
	if want, _, _ := strings.Cut(res.Choices[0].Text, "\n"); cut.Choices[0].Text != want {
		t.Errorf("stop \\n: %q, want %q", cut.Choices[0].Text, want)
	}
}

func TestStreamDeliversTheText(t *testing.T) {
	m := trainTest(t, 5)
	for _, stop := range [][]string{nil, {"return"}, {"\n}"}} {
		var got [3]strings.Builder
		finishes := map[int]string{}
		opt := Options{N: 3, MaxTokens: 50, Temperature: 0.9, Seed: seed(11), Stop: stop, Logprobs: 1}
		res, err := m.Generate(t.Context(), "int main(int argc, char *argv[]) {\n", opt, func(d Delta) error {
			if finishes[d.Index] != "" {
				t.Errorf("choice %d: delta after its finish", d.Index)
			}
			got[d.Index].WriteString(d.Text)
			if d.FinishReason != "" {
				finishes[d.Index] = d.FinishReason
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range res.Choices {
			if got[i].String() != c.Text {
				t.Errorf("stop %q: choice %d streamed %q, text %q", stop, i, got[i].String(), c.Text)
			}
			if finishes[i] != c.FinishReason {
				t.Errorf("choice %d: streamed finish %q, result %q", i, finishes[i], c.FinishReason)
			}
		}
	}
	// An error from the stream ends generation with it.
	boom := errors.New("client gone")
	_, err := m.Generate(t.Context(), "int", Options{MaxTokens: 50, Temperature: 1}, func(Delta) error { return boom })
	if !errors.Is(err, boom) {
		t.Errorf("stream error: got %v, want %v", err, boom)
	}
}

func TestGenerateHonoursCancellation(t *testing.T) {
	m := trainTest(t, 5)
	ctx, cancel := context.WithCancel(t.Context())
	steps := 0
	_, err := m.Generate(ctx, "int", Options{MaxTokens: 10000, Temperature: 1, Seed: seed(1)}, func(Delta) error {
		steps++
		if steps == 3 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if steps > 4 {
		t.Errorf("%d deltas after cancelling at the third", steps)
	}
}

// The prompt's last word may be unfinished: the first token completes it
// (token healing), and the choice holds only the rest.
func TestHealing(t *testing.T) {
	m := trainTest(t, 6)
	tests := []struct {
		name, prompt, want string
	}{
		{"a word being typed", "    if (strlen(src) >= size) {\n        return -1;\n    }\n    str", "cpy(dst, src);"},
		{"an operator being typed", "    p-", ">status = 0;"},
		{"the cursor on an indented line", "struct person *new_person(void) {\n    ", "struct person *p ="},
		{"the cursor after a newline", "int sum(const int *values, int n) {\n", "    int total = 0;"},
		{"the cursor after a space", "    struct person *p = ", "malloc(sizeof(struct person));"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := generate(t, m, tt.prompt, Options{MaxTokens: 12, Temperature: 0, Cache: new(NoCache())})
			if got := res.Choices[0].Text; !strings.HasPrefix(got, tt.want) {
				t.Errorf("completion of %q:\n got %q\nwant %q...", tt.prompt, got, tt.want)
			}
		})
	}
}

// The cache gives the prompt's own identifiers, which the corpus never
// saw, a probability: without it the model cannot write them.
func TestCacheLearnsThePromptsIdentifiers(t *testing.T) {
	m := trainTest(t, 5)
	prompt := "int main(int argc, char *argv[]) {\n    char session_token[32];\n    memset(session_token, 0, sizeof(session_token));\n    strcpy("
	count := func(cp *CacheParams) int {
		res := generate(t, m, prompt, Options{N: 30, MaxTokens: 8, Temperature: 1, Seed: seed(5), Cache: cp})
		n := 0
		for _, c := range res.Choices {
			if strings.Contains(c.Text, "session_token") {
				n++
			}
		}
		return n
	}
	if n := count(new(NoCache())); n != 0 {
		t.Errorf("without the cache, %d of 30 choices hold session_token", n)
	}
	if n := count(nil); n < 3 {
		t.Errorf("with the cache, %d of 30 choices hold session_token, want several", n)
	}
}

func TestLogprobs(t *testing.T) {
	m := trainTest(t, 5)
	res := generate(t, m, "int main(void) {\n", Options{MaxTokens: 10, Temperature: 0, Logprobs: 3})
	for _, tok := range res.Choices[0].Tokens {
		if tok.Logprob > 0 {
			t.Errorf("token %q: logprob %g > 0", tok.Text, tok.Logprob)
		}
		if len(tok.Top) == 0 || len(tok.Top) > 3 {
			t.Fatalf("token %q: %d alternatives, want 1 to 3", tok.Text, len(tok.Top))
		}
		for i := 1; i < len(tok.Top); i++ {
			if tok.Top[i].Logprob > tok.Top[i-1].Logprob {
				t.Errorf("token %q: alternatives not sorted: %+v", tok.Text, tok.Top)
			}
		}
		if tok.Top[0].Logprob != tok.Logprob {
			t.Errorf("greedy token %q (logprob %g) is not the top alternative %+v", tok.Text, tok.Logprob, tok.Top[0])
		}
	}
	res = generate(t, m, "int main(void) {\n", Options{MaxTokens: 3, Temperature: 0})
	if res.Choices[0].Tokens[0].Top != nil {
		t.Errorf("alternatives reported without logprobs")
	}
}

func TestOptionsValidate(t *testing.T) {
	bad := []Options{{MaxTokens: -1}, {N: -1}, {Temperature: -0.5}, {TopP: 1.5}, {Logprobs: 6}, {Stop: []string{""}}}
	m := trainTest(t, 3)
	for _, o := range bad {
		if _, err := m.Generate(t.Context(), "x", o, nil); err == nil {
			t.Errorf("Generate with %+v: no error", o)
		}
	}
}

func TestEmptyPrompt(t *testing.T) {
	m := trainTest(t, 4)
	res := generate(t, m, "", Options{MaxTokens: 6, Temperature: 0})
	if got := res.Choices[0].Text; !strings.HasPrefix(got, "#include") {
		t.Errorf("greedy start of a document: %q, want #include...", got)
	}
}

func TestIgnoreEOS(t *testing.T) {
	m := trainTest(t, 5)
	// Greedy from the end of a whole training document: the model ends it.
	doc := testCorpus[2]
	res := generate(t, m, doc[:len(doc)-3], Options{MaxTokens: 20, Temperature: 0, Cache: new(NoCache())})
	if res.Choices[0].FinishReason != FinishStop || len(res.Choices[0].Tokens) >= 20 {
		t.Fatalf("greedy end of a document: %q (%s): the test needs the model to end it", res.Choices[0].Text, res.Choices[0].FinishReason)
	}
	res = generate(t, m, doc[:len(doc)-3], Options{MaxTokens: 20, Temperature: 0, Cache: new(NoCache()), IgnoreEOS: true})
	if c := res.Choices[0]; c.FinishReason != FinishLength || len(c.Tokens) != 20 {
		t.Errorf("with IgnoreEOS: %d tokens, finish %q", len(c.Tokens), c.FinishReason)
	}
}
