package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"securecomplete/completion"
	"securecomplete/completion/embedded"
	"securecomplete/config"
	"securecomplete/eval/scenario"
	"securecomplete/training/embedtrain"
)

func newTrainCommand(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "train",
		Short: "Train models: the fix dataset, its exports, the embedded model, fine-tunes",
		Long: `Train models. "train dataset" rebuilds the paper's fine-tuning set from the
public fix datasets and exports it for the real trainers ("train export"
again from its index); "train embedded" trains the embedded model, a code
language model small enough to train on any machine in seconds, and
fine-tunes it on the set; "train launch" submits the set to a fine-tuning
API, or prints GPT-J's external steps.`,
		Example: "  securecomplete train dataset --sven ../shared/datasets/sven-fixes -o fixes\n  securecomplete train embedded --fixes fixes --fixes-weight auto -o ft.model\n  securecomplete train embedded --corpus ./src -o my.model",
	}
	cmd.AddCommand(newTrainEmbeddedCommand(g), newTrainDatasetCommand(g), newTrainExportCommand(g), newTrainLaunchCommand(g))
	return cmd
}

// trySnippet is completed after training to show what the model writes.
const trySnippet = "#include <stdio.h>\n#include <string.h>\n\nint main(int argc, char *argv[]) {\n    // copy the first argument into a buffer and print it\n    char buffer[64];\n    "

func newTrainEmbeddedCommand(g *globals) *cobra.Command {
	var (
		corpora     []string
		fixes       []string
		fixesWeight string
		output      string
		order       int
		eval        bool
		orders      []int
		holdOut     int
		prompt      string
		samples     int
		seed        int64
		benchN      int
		benchFull   bool
		benchFree   bool
		scoreDirs   []string
	)
	cmd := &cobra.Command{
		Use:   "embedded",
		Short: "Train the embedded n-gram model on C/C++ code",
		Long: `Train the embedded model: a token n-gram model of C and C++ (interpolated
modified Kneser-Ney) with a cache of the document being completed. It is
served in-process by a model entry whose base_url is "embedded:PATH", or
over HTTP by "securecomplete serve".

With no --corpus and no -o, it (re)builds the default model that
"embedded:default" names, from the default corpus (C and C++ sources that
every machine building this project holds: see the README), in the user
cache directory. --corpus may be given several times; "default" names
the default corpus. --fixes continues training on a fix dataset (JSONL, a
"text" field per line), each document counted --fixes-weight times: the
paper's fine-tune in miniature.

After training it prints completions of a C snippet (--prompt, --samples).
With --eval it holds one corpus file in --hold-out out, trains on the
rest and prints the held-out cross-entropy against an add-k bigram
baseline, the cache's gain, training time, model size, sampling speed and
latency; with --fixes it compares the base and fine-tuned models on
held-out fixes.`,
		Example: `  securecomplete train embedded
  securecomplete train embedded --corpus ./src --corpus default -o base.model
  securecomplete train embedded --fixes fixes.jsonl --fixes-weight 4 -o finetuned.model
  securecomplete train embedded --fixes fixes-dataset/ --fixes-weight auto -o finetuned.model
  securecomplete train embedded --eval --orders 3,4,5,7`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			weight, err := parseFixesWeight(fixesWeight)
			if err != nil {
				return usageError{err}
			}
			if fixes, err = resolveFixes(fixes); err != nil {
				return usageError{err}
			}
			if order != 0 && (order < 2 || order > embedded.MaxOrder) {
				return usageError{fmt.Errorf("--order %d: want 2 to %d", order, embedded.MaxOrder)}
			}
			if benchN < 0 {
				return usageError{fmt.Errorf("--eval-bench %d: want a number of samples per scenario", benchN)}
			}
			// report shows what the model at path does: its completions of
			// --prompt, its cross-entropy on --score, its --eval-bench.
			report := func(path string) error {
				m, err := embedded.Load(path)
				if err != nil {
					return err
				}
				if err := reportModel(ctx, g.stdout, m, path, prompt, samples, seed); err != nil {
					return err
				}
				if err := scoreModel(ctx, g, m, scoreDirs); err != nil {
					return err
				}
				return compileBench(ctx, g, m, benchN, seed, benchFull, benchFree)
			}
			buildDefault := len(corpora) == 0 && len(fixes) == 0 && output == "" && !eval
			if !buildDefault && !eval && output == "" {
				return usageError{errors.New("-o MODEL is required with --corpus or --fixes (without them, the default model is built in the user cache)")}
			}
			if buildDefault {
				d := embedtrain.DefaultModel{Order: order, Progress: g.stderr}
				path, trained, err := d.Ensure(ctx)
				if err != nil {
					return err
				}
				if !trained {
					fmt.Fprintf(g.stderr, "the default model is up to date\n")
				}
				return report(path)
			}
			sources, err := embedtrain.ResolveSources(ctx, corpora)
			if err != nil {
				return err
			}
			if eval {
				r, err := embedtrain.Evaluate(ctx, embedtrain.EvalOptions{Order: order, Orders: orders, Sources: sources, HoldOut: holdOut, Fixes: fixes, FixesWeight: weight, Progress: g.stderr})
				if err != nil {
					return err
				}
				r.Write(g.stdout)
				if output == "" {
					return nil
				}
			}
			opt := embedtrain.Options{Order: order, Sources: sources, Fixes: fixes, FixesWeight: weight, Progress: g.stderr, Headers: &embedtrain.HeaderOptions{}}
			if weight == 0 && len(fixes) > 0 {
				if opt.FixesWeight, err = chooseFixesWeight(ctx, g.stdout, opt); err != nil {
					return err
				}
			}
			m, st, err := embedtrain.Train(ctx, opt)
			if err != nil {
				return err
			}
			if err := m.Save(output); err != nil {
				return err
			}
			fmt.Fprintf(g.stderr, "trained in %s (read %s, count %s)\n", (st.Read + st.Build).Round(1e6), st.Read.Round(1e6), st.Build.Round(1e6))
			return report(output)
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&corpora, "corpus", nil, `directory (or file) of C/C++ sources to train on; "default" for the default corpus (default: the default corpus)`)
	f.StringArrayVar(&fixes, "fixes", nil, `fix dataset to continue training on: JSONL with a "text" field per line, or a folder "train dataset" wrote (its train.jsonl)`)
	f.StringVar(&fixesWeight, "fixes-weight", strconv.Itoa(embedtrain.DefaultFixesWeight), `how many times each fix document counts; "auto" chooses it by held-out perplexity on the validation split (valid.jsonl beside train.jsonl)`)
	f.StringVarP(&output, "output", "o", "", "model file to write")
	f.IntVar(&order, "order", embedded.DefaultOrder, "n-gram order")
	f.BoolVar(&eval, "eval", false, "measure the model on held-out files instead of (or, with -o, before) training on everything")
	f.IntSliceVar(&orders, "orders", nil, "with --eval: other orders to measure too")
	f.IntVar(&holdOut, "hold-out", 10, "with --eval: hold out one file in this many")
	f.StringVar(&prompt, "prompt", trySnippet, "C/C++ snippet to complete after training")
	f.IntVar(&samples, "samples", 3, "completions of --prompt to print after training (0: none)")
	f.Int64Var(&seed, "seed", 1, "seed of those completions (and of --eval-bench)")
	f.IntVar(&benchN, "eval-bench", 0, "complete each built-in benchmark scenario this many times with the model at the default sampling settings and print the share of programs that compile (the study's rule)")
	f.BoolVar(&benchFull, "eval-bench-verbose", false, "with --eval-bench: print every scenario's count, an invalid completion and its first error")
	f.BoolVar(&benchFree, "eval-bench-unconstrained", false, "with --eval-bench: sample from the n-gram model alone, without the syntax tracker (to measure what it adds)")
	f.StringArrayVar(&scoreDirs, "score", nil, "print the model's cross-entropy (bits per token, without and with the cache) on the C/C++ files of this directory; may repeat")
	return cmd
}

// compileBench measures the share of compiling programs when the model m
// completes the built-in scenarios, with the default model settings
// of the configuration (as "eval run" samples them).
func compileBench(ctx context.Context, g *globals, m *embedded.Model, samples int, seed int64, verbose, free bool) error {
	if samples == 0 {
		return nil
	}
	scs, err := scenario.Builtin()
	if err != nil {
		return err
	}
	cases := make([]embedtrain.BenchCase, len(scs))
	for i, sc := range scs {
		cases[i] = embedtrain.BenchCase{Name: sc.Key(), Lang: sc.Lang, Prompt: sc.Prompt, Program: sc.Program}
	}
	def := config.Default().Models[0]
	opt := embedtrain.CompileBenchOptions{
		Samples:  samples,
		Seed:     seed,
		Gen:      embedded.Options{MaxTokens: def.MaxTokens, Temperature: def.Temperature, TopP: def.TopP, Stop: def.Stop, Unconstrained: free},
		Progress: g.stderr,
	}
	r, err := embedtrain.CompileBench(ctx, m, cases, opt)
	if err != nil {
		return err
	}
	mode := "constrained by the syntax tracker"
	if free {
		mode = "unconstrained"
	}
	fmt.Fprintf(g.stdout, "\ncompile benchmark: %d scenarios x %d samples, temperature %g, top-p %g, max_tokens %d, seed %d, %s\n", len(cases), samples, def.Temperature, def.TopP, def.MaxTokens, seed, mode)
	r.Write(g.stdout, verbose)
	return nil
}

// scoreModel prints the cross-entropy of the model m on each
// directory.
func scoreModel(ctx context.Context, g *globals, m *embedded.Model, dirs []string) error {
	for _, dir := range dirs {
		r, err := embedtrain.ScoreDir(ctx, m, dir)
		if err != nil {
			return err
		}
		fmt.Fprintf(g.stdout, "cross-entropy on %s (%d files, %d tokens, %.1f%% outside the vocabulary): %.3f bits/token, %.3f with the cache\n",
			dir, r.Files, r.NoCache.Tokens, 100*float64(r.NoCache.OOV)/float64(r.NoCache.Tokens), r.NoCacheBPT, r.BPT)
	}
	return nil
}

// noArgs refuses arguments as a usage error (exit status 2).
func noArgs(cmd *cobra.Command, args []string) error {
	if err := cobra.NoArgs(cmd, args); err != nil {
		return usageError{err}
	}
	return nil
}

// reportModel prints what the model m, loaded from path, holds and a few
// completions.
func reportModel(ctx context.Context, w io.Writer, m *embedded.Model, path, prompt string, samples int, seed int64) error {
	info := m.Info()
	fmt.Fprintf(w, "model %s: order %d, vocabulary %d, %d tokens of %d documents\n", path, info.Order, info.Vocab, info.Tokens, info.Documents)
	for _, s := range info.Sources {
		fmt.Fprintf(w, "  %s\n", s)
	}
	if samples <= 0 {
		return nil
	}
	res, err := m.Generate(ctx, prompt, embedded.Options{N: samples, MaxTokens: 48, Temperature: 0.4, TopP: 0.95, Seed: &seed, Stop: []string{"\n}"}}, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\ncompletions of:\n%s\n", indentBlock(prompt+"█"))
	for i, c := range res.Choices {
		fmt.Fprintf(w, "--- %d (%s)\n%s\n", i+1, c.FinishReason, indentBlock(lastLine(prompt)+c.Text))
	}
	return nil
}

func indentBlock(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}

// lastLine returns the text after the prompt's last newline, so that a
// completion prints in its place.
func lastLine(s string) string {
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// prepareModels makes the default embedded model ready when one of models
// uses it, training it when it is missing or stale with its progress on
// standard error (a command says so rather than pausing silently on its
// first request), and returns where it is.
func prepareModels(ctx context.Context, g *globals, models ...config.Model) (completion.EmbeddedModels, error) {
	for _, m := range models {
		if completion.UsesDefaultModel(m) {
			path, _, err := embedtrain.DefaultModel{Progress: g.stderr}.Ensure(ctx)
			return completion.EmbeddedModels{Default: path}, err
		}
	}
	return completion.EmbeddedModels{}, nil
}
