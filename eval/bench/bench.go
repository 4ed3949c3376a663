// Package bench runs the paper's benchmark: it draws samples for every
// scenario from each arm's model, stores them, judges the assembled
// programs, and counts verdicts for the report. A run lives in a store
// (eval/store), so it resumes where it stopped, a rescore never
// regenerates, and shards of one run merge into the same result as a
// single run.
package bench

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"securecomplete/config"
	"securecomplete/eval/scenario"
)

// Arm is one column of the comparison: a configured model, asked with or
// without the screening of its candidates by the built-in judge.
type Arm struct {
	Name  string       // heading in reports: the model's name, or "NAME+screen"
	Model config.Model // the configured model
	// Screen, when above 1, draws that many candidates per sample and
	// keeps the one the language server would show first: the first one
	// the built-in rules find nothing in for the scenario's weakness and
	// that parses whole, else the first clean one, else the first whole
	// one, else the first (completion.Candidate.Rank).
	Screen int
}

// Shard selects the part of a run one machine does: samples whose hash
// falls in bucket K of N (K counts from 1). The zero value is the whole
// run.
type Shard struct{ K, N int }

// ParseShard reads "K/N".
func ParseShard(s string) (Shard, error) {
	if s == "" {
		return Shard{}, nil
	}
	k, n, ok := strings.Cut(s, "/")
	ki, err1 := strconv.Atoi(k)
	ni, err2 := strconv.Atoi(n)
	if !ok || err1 != nil || err2 != nil || ni < 1 || ki < 1 || ki > ni {
		return Shard{}, fmt.Errorf("shard %q: want K/N with 1 <= K <= N, such as 2/8", s)
	}
	return Shard{K: ki, N: ni}, nil
}

func (s Shard) String() string {
	if s.N <= 1 {
		return "1/1"
	}
	return fmt.Sprintf("%d/%d", s.K, s.N)
}

// Has reports whether sample idx of scenario key belongs to the shard.
// Every arm's sample of the same scenario and index lands in the same
// shard.
func (s Shard) Has(key string, idx int) bool {
	if s.N <= 1 {
		return true
	}
	h := sha256.Sum256([]byte(key + "#" + strconv.Itoa(idx)))
	return int(binary.BigEndian.Uint64(h[:8])%uint64(s.N)) == s.K-1
}

// SampleSeed is the seed sent to the model for one sample: fixed by the
// run's seed, the arm, the scenario and the index, so that a resumed or
// sharded run asks for exactly the same sample.
func SampleSeed(runSeed int64, arm, scenarioKey string, idx int) int64 {
	h := sha256.Sum256([]byte(fmt.Sprintf("%d\x00%s\x00%s\x00%d", runSeed, arm, scenarioKey, idx)))
	return int64(binary.BigEndian.Uint32(h[:4]) >> 1) // 31 bits: every server takes it
}

// PromptHash identifies the text a scenario asks the model to continue
// and how its programs are assembled.
func PromptHash(s scenario.Scenario) string {
	h := sha256.Sum256([]byte(string(s.Lang) + "\x00" + s.Prompt + "\x00" + s.Suffix))
	return hex.EncodeToString(h[:8])
}

// settings is what makes two generations of one sample the same: the
// model asked and how. A stored sample whose settings differ is drawn
// again.
func settings(a Arm, seed int64) string {
	m := a.Model
	b, _ := json.Marshal(struct {
		BaseURL     string   `json:"base_url"`
		Model       string   `json:"model"`
		MaxTokens   int      `json:"max_tokens"`
		Temperature float64  `json:"temperature"`
		TopP        float64  `json:"top_p"`
		Stop        []string `json:"stop"`
		Context     int      `json:"context_window"`
		FIM         any      `json:"fim,omitempty"`
		Screen      int      `json:"screen,omitempty"`
		ScreenBy    string   `json:"screen_by,omitempty"`
		Seed        int64    `json:"seed"`
	}{m.DisplayURL(), m.Model, m.MaxTokens, m.Temperature, m.TopP, m.Stop, m.ContextWindow, fimOrNil(m.FIM), a.Screen, screenBy(a), seed})
	return string(b)
}

// screenBy names how a screened arm picks its candidate: a sample stored
// under an older pick is drawn again.
func screenBy(a Arm) string {
	if a.Screen > 1 {
		return "rules,syntax"
	}
	return ""
}

func fimOrNil(f config.FIM) any {
	if !f.Enabled() {
		return nil
	}
	return f
}
