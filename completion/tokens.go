package completion

import (
	"fmt"
	"strings"
	"sync"

	"github.com/tiktoken-go/tokenizer"
)

// gpt2 loads GPT-2's BPE (GPT-J's tokenizer, r50k_base) once: the
// vocabulary is embedded in the module and read-only after loading.
var gpt2 = sync.OnceValues(func() (tokenizer.Codec, error) {
	return tokenizer.Get(tokenizer.R50kBase)
})

// TokenCounter counts GPT-2 BPE tokens of prompt lines. It remembers the
// count of every line it has seen (up to a bound), because an editor asks
// for the same lines again and again as the user types. Safe for
// concurrent use.
type TokenCounter struct {
	codec tokenizer.Codec

	mu    sync.Mutex
	lines map[string]int
}

// maxCachedLines bounds the line cache; it is cleared when full.
const maxCachedLines = 1 << 16

// NewTokenCounter returns a counter for GPT-2 BPE tokens.
func NewTokenCounter() (*TokenCounter, error) {
	codec, err := gpt2()
	if err != nil {
		return nil, fmt.Errorf("load GPT-2 BPE: %w", err)
	}
	return &TokenCounter{codec: codec, lines: make(map[string]int)}, nil
}

// Count returns the number of tokens of s. Invalid UTF-8 is counted as
// the replacement characters a server would see after JSON encoding.
func (tc *TokenCounter) Count(s string) int {
	if s == "" {
		return 0
	}
	n, err := tc.codec.Count(strings.ToValidUTF8(s, "\uFFFD"))
	if err != nil {
		// The codec only fails on invalid UTF-8 in strict mode; count
		// bytes, an upper bound, rather than fail the completion.
		return len(s)
	}
	return n
}

// Line returns the token count of one line of text (with its newline),
// from the cache when it was seen before. Counting a text line by line
// never undercounts by much: BPE merges rarely cross a newline, and a
// piece split in two takes at least as many tokens.
func (tc *TokenCounter) Line(line string) int {
	tc.mu.Lock()
	n, ok := tc.lines[line]
	tc.mu.Unlock()
	if ok {
		return n
	}
	n = tc.Count(line)
	tc.mu.Lock()
	if len(tc.lines) >= maxCachedLines {
		clear(tc.lines)
	}
	tc.lines[line] = n
	tc.mu.Unlock()
	return n
}
