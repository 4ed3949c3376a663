package embedtrain

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"securecomplete/completion/embedded"
	"securecomplete/completion/openaiserver"
)

// EvalOptions say what to measure.
type EvalOptions struct {
	// Order of the model measured; 0 means embedded.DefaultOrder.
	Order int
	// Orders lists other orders whose cross-entropy is reported too.
	Orders []int
	// Sources are the corpus; one file in HoldOut (by a hash of its path)
	// is kept out of training and scored. 0 means 10.
	Sources []Source
	HoldOut int
	// Fixes, when given, are split the same way (by line), and the base
	// model is compared with the one fine-tuned on the training part.
	Fixes       []string
	FixesWeight int
	// Progress receives a line per stage; nil is quiet.
	Progress io.Writer
}

// EvalReport holds the figures of one evaluation.
type EvalReport struct {
	Order                   int
	HoldOut                 int
	TrainFiles, TestFiles   int
	TrainBytes              int64
	TrainTokens, TestTokens int64
	OOVRate                 float64 // held-out tokens outside the vocabulary

	// Cross-entropy on the held-out files, bits per token.
	Bigram, KN, KNCache float64
	BigramK             float64 // the best k of the add-k bigram
	ByOrder             map[int]float64

	Read, Build    time.Duration // training: reading the corpus, counting
	ModelBytes     int64
	Load           time.Duration // decoding the model file
	TokensPerSec   float64       // sampling, temperature 0.8, top-p 0.95
	InProcess64    time.Duration // one 64-token completion, median
	HTTP64         time.Duration // the same through the HTTP server on loopback, median
	LatencyPrompts int

	Fixes *FixReport
}

// FixReport compares the base model with the one fine-tuned on fixes.
type FixReport struct {
	TrainDocs, TestDocs int
	Weight              int
	// Bits per token on the held-out fixes, and on the held-out corpus.
	BaseOnFixes, TunedOnFixes   float64
	BaseOnCorpus, TunedOnCorpus float64
}

// heldOut reports whether a key falls in the held-out part.
func heldOut(key string, n int) bool {
	h := fnv.New32a()
	h.Write([]byte(key))
	return h.Sum32()%uint32(n) == 0
}

// Evaluate trains on the corpus without its held-out part and measures
// the model: cross-entropy against an add-k bigram baseline, the cache's
// gain, training time, size, load time, sampling speed and latency.
func Evaluate(ctx context.Context, opt EvalOptions) (*EvalReport, error) {
	if opt.HoldOut == 0 {
		opt.HoldOut = 10
	}
	if opt.HoldOut < 2 {
		return nil, fmt.Errorf("hold out 1 file in %d: want at least 2", opt.HoldOut)
	}
	if opt.Order == 0 {
		opt.Order = embedded.DefaultOrder
	}
	say := func(format string, args ...any) {
		if opt.Progress != nil {
			fmt.Fprintf(opt.Progress, format+"\n", args...)
		}
	}
	r := &EvalReport{Order: opt.Order, HoldOut: opt.HoldOut, ByOrder: map[int]float64{}}
	// Files are keyed by their path under their source's root, so that the
	// split is the same wherever the corpus lies.
	rel := map[string]string{}
	for _, s := range opt.Sources {
		for _, f := range s.Files {
			if r, err := filepath.Rel(s.Root, f.Path); err == nil {
				rel[f.Path] = filepath.ToSlash(r)
			}
		}
	}
	isTest := func(path string) bool {
		if r, ok := rel[path]; ok {
			path = r
		}
		return heldOut(path, opt.HoldOut)
	}
	isTestFix := func(path string, line int) bool {
		return heldOut(fmt.Sprintf("%s:%d", filepath.Base(path), line), opt.HoldOut)
	}

	// The held-out files, read once, duplicates of training files left out.
	trainSums := map[[32]byte]bool{}
	var test [][]byte
	for _, s := range opt.Sources {
		for _, f := range s.Files {
			data, err := os.ReadFile(f.Path)
			if err != nil || bytes.IndexByte(data, 0) >= 0 {
				continue
			}
			if isTest(f.Path) {
				test = append(test, data)
			} else {
				trainSums[sumOf(data)] = true
			}
		}
	}
	test = slices.DeleteFunc(test, func(d []byte) bool { return trainSums[sumOf(d)] })
	if len(test) == 0 {
		return nil, fmt.Errorf("evaluate: no held-out file (the corpus is too small to hold 1 file in %d out)", opt.HoldOut)
	}
	r.TestFiles = len(test)

	say("training order %d on the corpus without its held-out files", opt.Order)
	tr, err := embedded.NewTrainer(opt.Order)
	if err != nil {
		return nil, err
	}
	m, st, err := Train(ctx, Options{Order: opt.Order, Sources: opt.Sources, Exclude: isTest, Progress: opt.Progress})
	if err != nil {
		return nil, err
	}
	r.TrainFiles, r.TrainBytes, r.TrainTokens = st.Files, st.Bytes, st.Tokens
	r.Read, r.Build = st.Read, st.Build

	// The baseline on the same training files.
	for _, s := range opt.Sources {
		for _, f := range s.Files {
			if isTest(f.Path) {
				continue
			}
			if data, err := os.ReadFile(f.Path); err == nil && bytes.IndexByte(data, 0) < 0 {
				tr.Add(data, 1)
			}
		}
	}
	say("scoring %d held-out files", len(test))
	var kn, cached embedded.Score
	for _, d := range test {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		kn.Add(m.Score(d, embedded.NoCache()))
		cached.Add(m.Score(d, embedded.DefaultCache()))
	}
	r.TestTokens = kn.Tokens
	r.OOVRate = float64(kn.OOV) / float64(kn.Tokens)
	r.KN, r.KNCache = kn.BitsPerToken(), cached.BitsPerToken()
	r.ByOrder[opt.Order] = r.KN
	bigram := tr.Bigram()
	r.Bigram = math.Inf(1)
	for _, k := range []float64{1, 0.1, 0.01, 0.001, 0.0001} {
		var s embedded.Score
		for _, d := range test {
			s.Add(bigram.Score(d, k))
		}
		if b := s.BitsPerToken(); b < r.Bigram {
			r.Bigram, r.BigramK = b, k
		}
	}

	for _, o := range opt.Orders {
		if _, done := r.ByOrder[o]; done {
			continue
		}
		say("training order %d", o)
		mo, _, err := Train(ctx, Options{Order: o, Sources: opt.Sources, Exclude: isTest})
		if err != nil {
			return nil, err
		}
		var s embedded.Score
		for _, d := range test {
			s.Add(mo.Score(d, embedded.NoCache()))
		}
		r.ByOrder[o] = s.BitsPerToken()
	}

	// Size and load time.
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		return nil, err
	}
	r.ModelBytes = int64(buf.Len())
	var loads []time.Duration
	for range 3 {
		began := time.Now()
		if _, err := embedded.Decode(buf.Bytes()); err != nil {
			return nil, err
		}
		loads = append(loads, time.Since(began))
	}
	r.Load = median(loads)

	say("measuring sampling speed and latency")
	if err := r.measureSpeed(ctx, m); err != nil {
		return nil, err
	}

	if len(opt.Fixes) > 0 {
		if err := r.evalFixes(ctx, opt, m, test, isTest, isTestFix); err != nil {
			return nil, err
		}
	}
	return r, nil
}

func sumOf(b []byte) [32]byte {
	h := fnv.New128a()
	h.Write(b)
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}

// latencyPrompts are the kind of prompt the benchmark sends: a task in a
// comment and the start of a program.
var latencyPrompts = []string{
	"#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n\nint main(int argc, char *argv[]) {\n    // copy the first argument into a fixed buffer and print it\n    char buffer[64];\n    ",
	"#include <stdio.h>\n#include <stdlib.h>\n\ntypedef struct {\n    char name[32];\n    int status;\n} person;\n\nint main(void) {\n    // allocate a person and set its status to 0\n    person *p = ",
	"#include <iostream>\n#include <string>\n\nint main(int argc, char *argv[]) {\n    // read a number from the command line and add 1000 to it\n    ",
	"#include <stdio.h>\n\nint getValueFromArray(int *array, int size, int index) {\n    ",
}

func (r *EvalReport) measureSpeed(ctx context.Context, m *embedded.Model) error {
	// Throughput: long samples at the benchmark's usual settings.
	var tokens int
	began := time.Now()
	for i := range 8 {
		seed := int64(i)
		res, err := m.Generate(ctx, latencyPrompts[i%len(latencyPrompts)], embedded.Options{MaxTokens: 256, Temperature: 0.8, TopP: 0.95, Seed: &seed, IgnoreEOS: true}, nil)
		if err != nil {
			return err
		}
		tokens += res.CompletionTokens
	}
	r.TokensPerSec = float64(tokens) / time.Since(began).Seconds()

	// Latency of one 64-token completion, in-process and through HTTP,
	// interleaved so that both see the same load.
	const runs = 20
	r.LatencyPrompts = len(latencyPrompts)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("measure HTTP latency: %w", err)
	}
	srv := &http.Server{Handler: openaiserver.New(map[string]*embedded.Model{"embedded": m}, openaiserver.Options{}), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	url := "http://" + ln.Addr().String() + "/v1/completions"
	client := &http.Client{Timeout: 30 * time.Second}
	var inproc, overHTTP []time.Duration
	for i := range runs + 1 { // the first run warms up (and opens the connection)
		prompt := latencyPrompts[i%len(latencyPrompts)]
		seed := int64(i)
		began := time.Now()
		if _, err := m.Generate(ctx, prompt, embedded.Options{MaxTokens: 64, Temperature: 0.8, TopP: 0.95, Seed: &seed, IgnoreEOS: true}, nil); err != nil {
			return err
		}
		d := time.Since(began)
		body, _ := json.Marshal(map[string]any{"model": "embedded", "prompt": prompt, "max_tokens": 64, "temperature": 0.8, "top_p": 0.95, "seed": i, "ignore_eos": true})
		began = time.Now()
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			return fmt.Errorf("measure HTTP latency: %w", err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("measure HTTP latency: status %d", resp.StatusCode)
		}
		if i > 0 {
			inproc = append(inproc, d)
			overHTTP = append(overHTTP, time.Since(began))
		}
	}
	r.InProcess64 = median(inproc)
	r.HTTP64 = median(overHTTP)
	return nil
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

func (r *EvalReport) evalFixes(ctx context.Context, opt EvalOptions, base *embedded.Model, test [][]byte, isTest func(string) bool, isTestFix func(string, int) bool) error {
	fr := &FixReport{Weight: opt.FixesWeight}
	if fr.Weight == 0 {
		fr.Weight = DefaultFixesWeight
	}
	var heldFixes [][]byte
	for _, path := range opt.Fixes {
		err := ReadFixes(path, func(line int, text string) error {
			if isTestFix(path, line) {
				heldFixes = append(heldFixes, []byte(text))
			} else {
				fr.TrainDocs++
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	fr.TestDocs = len(heldFixes)
	if fr.TestDocs == 0 || fr.TrainDocs == 0 {
		return fmt.Errorf("evaluate fixes: %d documents to train on, %d held out: the fix dataset is too small to split 1 in %d", fr.TrainDocs, fr.TestDocs, opt.HoldOut)
	}
	if opt.Progress != nil {
		fmt.Fprintf(opt.Progress, "fine-tuning on %d fix documents, %d held out\n", fr.TrainDocs, fr.TestDocs)
	}
	tuned, _, err := Train(ctx, Options{Order: opt.Order, Sources: opt.Sources, Exclude: isTest, Fixes: opt.Fixes, FixesWeight: fr.Weight, ExcludeFix: isTestFix})
	if err != nil {
		return err
	}
	score := func(m *embedded.Model, docs [][]byte) float64 {
		var s embedded.Score
		for _, d := range docs {
			s.Add(m.Score(d, embedded.NoCache()))
		}
		return s.BitsPerToken()
	}
	fr.BaseOnFixes, fr.TunedOnFixes = score(base, heldFixes), score(tuned, heldFixes)
	fr.BaseOnCorpus, fr.TunedOnCorpus = score(base, test), score(tuned, test)
	r.Fixes = fr
	return nil
}

// Write prints the report.
func (r *EvalReport) Write(w io.Writer) {
	mb := float64(r.TrainBytes) / 1e6
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "held out\t1 file in %d, by a hash of its path in its source: %d files, %d tokens (%.1f%% out of vocabulary)\n", r.HoldOut, r.TestFiles, r.TestTokens, 100*r.OOVRate)
	fmt.Fprintf(tw, "trained on\t%d files, %.1f MB, %d tokens\n", r.TrainFiles, mb, r.TrainTokens)
	fmt.Fprintf(tw, "cross-entropy\tbits per token on the held-out files\n")
	fmt.Fprintf(tw, "  add-k bigram (best k = %g)\t%.3f\n", r.BigramK, r.Bigram)
	fmt.Fprintf(tw, "  Kneser-Ney, order %d\t%.3f\n", r.Order, r.KN)
	fmt.Fprintf(tw, "  Kneser-Ney, order %d + cache\t%.3f (cache gain %.3f)\n", r.Order, r.KNCache, r.KN-r.KNCache)
	if len(r.ByOrder) > 1 {
		orders := make([]int, 0, len(r.ByOrder))
		for o := range r.ByOrder {
			orders = append(orders, o)
		}
		slices.Sort(orders)
		var parts []string
		for _, o := range orders {
			parts = append(parts, fmt.Sprintf("%d: %.3f", o, r.ByOrder[o]))
		}
		fmt.Fprintf(tw, "  Kneser-Ney by order\t%s\n", strings.Join(parts, "  "))
	}
	train := r.Read + r.Build
	fmt.Fprintf(tw, "training\t%s (read %s, count %s): %s per MB of corpus\n", train.Round(time.Millisecond), r.Read.Round(time.Millisecond), r.Build.Round(time.Millisecond), (time.Duration(float64(train) / mb)).Round(time.Millisecond))
	fmt.Fprintf(tw, "model\t%.1f MB (%.2f MB per MB of corpus), decodes in %s (median of 3)\n", float64(r.ModelBytes)/1e6, float64(r.ModelBytes)/1e6/mb, r.Load.Round(time.Millisecond))
	fmt.Fprintf(tw, "sampling\t%.0f tokens/s (temperature 0.8, top-p 0.95, cache on)\n", r.TokensPerSec)
	fmt.Fprintf(tw, "64-token completion\t%s in-process, %s through HTTP on loopback (median of 20, %d prompts)\n", r.InProcess64.Round(10*time.Microsecond), r.HTTP64.Round(10*time.Microsecond), r.LatencyPrompts)
	if f := r.Fixes; f != nil {
		fmt.Fprintf(tw, "fine-tune\t%d fix documents, weight %d; %d held out\n", f.TrainDocs, f.Weight, f.TestDocs)
		fmt.Fprintf(tw, "  held-out fixes\tbase %.3f, fine-tuned %.3f bits/token\n", f.BaseOnFixes, f.TunedOnFixes)
		fmt.Fprintf(tw, "  held-out corpus\tbase %.3f, fine-tuned %.3f bits/token\n", f.BaseOnCorpus, f.TunedOnCorpus)
	}
	tw.Flush()
}

// ScoreReport is the cross-entropy of a model on the files of a folder.
type ScoreReport struct {
	Files           int
	NoCache, Cache  embedded.Score
	NoCacheBPT, BPT float64 // bits per token without and with the cache
}

// ScoreDir measures a model on the C and C++ files under dir (files the
// model was not trained on: another project's, a benchmark's programs),
// without and with the cache component.
func ScoreDir(ctx context.Context, m *embedded.Model, dir string) (*ScoreReport, error) {
	src, err := DirSource(ctx, dir)
	if err != nil {
		return nil, err
	}
	r := &ScoreReport{}
	for _, f := range src.Files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		data, err := os.ReadFile(f.Path)
		if err != nil || bytes.IndexByte(data, 0) >= 0 {
			continue
		}
		r.Files++
		r.NoCache.Add(m.Score(data, embedded.NoCache()))
		r.Cache.Add(m.Score(data, embedded.DefaultCache()))
	}
	if r.Files == 0 {
		return nil, fmt.Errorf("score %s: no readable C or C++ file", dir)
	}
	r.NoCacheBPT, r.BPT = r.NoCache.BitsPerToken(), r.Cache.BitsPerToken()
	return r, nil
}
