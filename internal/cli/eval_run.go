package cli

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"securecomplete/analysis/compile"
	"securecomplete/analysis/judge"
	"securecomplete/completion"
	"securecomplete/config"
	"securecomplete/eval/bench"
	"securecomplete/eval/scenario"
	"securecomplete/eval/store"
	"securecomplete/eval/verdictcache"
)

// runFlags are the settings of eval run.
type runFlags struct {
	models      string
	samples     int
	scenarios   string
	seed        int64
	out         string
	shard       string
	screen      int
	analyzers   string
	noPCH       bool
	concurrency int
	rate        float64
	retries     int
	paper       bool
	rescore     bool
	cache       string
	noCache     bool
}

func newEvalRunCommand(g *globals) *cobra.Command {
	var f runFlags
	cmd := &cobra.Command{
		Use:   "run [--models A,B] [--samples 30] [--scenarios ID,...|DIR] [--seed N] [-o DIR]",
		Short: "Draw samples for every scenario from each model, judge them, print Table 3",
		Long: `Run draws --samples completions per scenario from each model (by their
configured names; the embedded model included), stores every generation in
DIR/run.db, judges each assembled program (prompt + completion cut at the end of
the function + suffix) with the compile check and the scenario's own rule, and
writes Table 3 with its statistics to DIR (report.md, .csv, .json, .html and
findings.sarif) and to standard output.

A killed run resumes where it stopped when run again with the same -o; a run
with other --analyzers rescores the stored generations without drawing them
again. With one model, a second arm screens its candidates with the built-in
rules (--screen K, default 4): a comparison that needs no second model, of
screening, not of fine-tuning. --shard K/N does one part of the run, to be put
together with eval merge.`,
		Example: `  securecomplete eval run --samples 10
  securecomplete eval run --models gptj,gptj-ft --samples 30 -o results/gptj
  securecomplete eval run --models gptj,gptj-ft --shard 3/8 -o shard3
  securecomplete eval run --scenarios 787-0,125-2/cpp --analyzers compile,builtin,gcc -o results/gptj`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runEval(cmd.Context(), g, f, cmd.Flags().Changed("screen"))
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.models, "models", "", "configured models to compare, comma-separated (default: the [completion] model)")
	fl.IntVar(&f.samples, "samples", 30, "samples per scenario and model")
	fl.StringVar(&f.scenarios, "scenarios", "", "scenario ids (787-0, 125-2/cpp), or a directory of scenarios (default: the 56 built in)")
	fl.Int64Var(&f.seed, "seed", 1, "seed of the run: every sample's seed derives from it")
	fl.StringVarP(&f.out, "output", "o", "securecomplete-eval", "directory for the store and the reports")
	fl.StringVar(&f.shard, "shard", "", "do part K of N of the run (K/N), for eval merge")
	fl.IntVar(&f.screen, "screen", 0, "add a screened arm per model drawing this many candidates (default 4 with one model)")
	fl.StringVar(&f.analyzers, "analyzers", "compile,builtin", "judge: compile,builtin,gcc,clang,cppcheck,codeql")
	fl.BoolVar(&f.noPCH, "no-pch", false, "compile without precompiled headers of the programs' #include lines (the same verdicts, slower)")
	fl.IntVar(&f.concurrency, "concurrency", 4, "model requests at once")
	fl.Float64Var(&f.rate, "rate", 0, "model requests a second per model (0: no limit)")
	fl.IntVar(&f.retries, "retries", 3, "retries of a failed model request, with exponential backoff")
	fl.BoolVar(&f.paper, "paper", false, "set the paper's published counts beside the new ones")
	fl.BoolVar(&f.rescore, "rescore", false, "judge every stored sample again under this judge")
	fl.StringVar(&f.cache, "verdict-cache", "", "file of the verdict cache kept across runs (default <user cache folder>/securecomplete/verdicts.db)")
	fl.BoolVar(&f.noCache, "no-verdict-cache", false, "judge every program, without the verdict cache (the same verdicts, slower)")
	return cmd
}

func runEval(ctx context.Context, g *globals, f runFlags, screenSet bool) error {
	log := g.logger()
	if f.samples < 1 {
		return usageError{fmt.Errorf("--samples %d: want at least 1", f.samples)}
	}
	shard, err := bench.ParseShard(f.shard)
	if err != nil {
		return usageError{err}
	}
	wd, _ := os.Getwd()
	cfg, err := g.loadConfig(wd)
	if err != nil {
		return err
	}
	models, err := pickModels(cfg, f.models)
	if err != nil {
		return usageError{err}
	}
	if !screenSet && len(models) == 1 {
		f.screen = 4
	}
	scs, set, err := loadScenarios(f.scenarios)
	if err != nil {
		return usageError{err}
	}
	run := bench.Run{Arms: bench.NewArms(models, f.screen), Scenarios: scs, Samples: f.samples, Seed: f.seed, ScenarioSet: set}
	if len(run.Arms) < 2 {
		log.Warn("one arm only: the report has counts and ratios but no comparison", "arm", run.Arms[0].Name)
	}

	if err := os.MkdirAll(f.out, 0o755); err != nil {
		return err
	}
	lock, err := store.LockRun(bench.StorePath(f.out))
	if err != nil {
		return err
	}
	defer lock.Release()
	st, err := store.Open(ctx, filepath.Join(f.out, bench.StoreFile))
	if err != nil {
		return err
	}
	defer st.Close()
	if err := run.Save(ctx, st); err != nil {
		return err
	}

	clients := map[string]completion.Client{}
	emb, err := prepareModels(ctx, g, models...)
	if err != nil {
		return err
	}
	for _, m := range models {
		c, err := completion.NewClient(m, emb)
		if err != nil {
			return err
		}
		clients[m.Name] = c
	}
	for _, a := range run.Arms {
		clients[a.Name] = clients[a.Model.Name]
	}
	jdg, err := newJudge(f.analyzers, f.noPCH)
	if err != nil {
		return usageError{err}
	}
	var screener *judge.Judge
	if f.screen > 1 {
		if screener, err = judge.New(judge.Options{Analyzers: []string{"builtin"}}); err != nil {
			return err
		}
	}
	tokens, err := completion.NewTokenCounter()
	if err != nil {
		return err
	}
	r := &bench.Runner{
		Run: run, Clients: clients, Store: st, Shard: shard,
		Judge: jdg, Screener: screener,
		Concurrency: f.concurrency, Retries: f.retries, Rate: f.rate,
		Tokens: tokens, Progress: newProgress(g.stderr), Log: log,
	}
	if f.retries == 0 {
		r.Retries = -1
	}
	if !f.noCache {
		cache, err := openVerdictCache(ctx, f.cache, jdg, log)
		if err != nil {
			return err
		}
		if cache != nil {
			defer cache.Close()
			r.Cache, r.CacheIdentity = cache.Cache, cache.identity
		}
	}
	log.Info("eval run", "arms", armNames(run.Arms), "scenarios", len(scs), "samples", f.samples, "seed", f.seed, "shard", shard.String(), "judge", jdg.Spec().String(), "store", st.Path())

	if f.rescore {
		if err := st.DeleteVerdicts(ctx, jdg.Spec()); err != nil {
			return err
		}
	}
	gen, jst, err := r.GenerateAndJudge(ctx)
	if err != nil {
		return fmt.Errorf("eval run: stopped (%d samples drawn, %d judged; run again to resume): %w", gen.Stored+gen.Generated, jst.Samples+jst.Stored, err)
	}
	printTiming(g, gen, jst)
	if shard.N > 1 {
		fmt.Fprintf(g.stdout, "shard %s done: %d samples in %s; put the shards together with: securecomplete eval merge -o DIR SHARD_DIR...\n", shard, gen.Wanted, st.Path())
		return nil
	}
	return writeRunReports(ctx, g, st, f.out, jdg.Spec(), bench.ReportOptions{Paper: f.paper})
}

// pickModels returns the configured models named in a comma list, or the
// completion model.
func pickModels(cfg *config.Config, list string) ([]config.Model, error) {
	if strings.TrimSpace(list) == "" {
		m, err := cfg.CompletionModel()
		if err != nil {
			return nil, err
		}
		return []config.Model{m}, nil
	}
	var out []config.Model
	seen := map[string]bool{}
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(name)
		if name == "" || seen[name] {
			continue
		}
		seen[name] = true
		m, err := cfg.Model(name)
		if err != nil {
			return nil, fmt.Errorf("--models: %w", err)
		}
		out = append(out, m)
	}
	return out, nil
}

// loadScenarios reads --scenarios: ids of the built-in set, or a directory.
func loadScenarios(arg string) ([]scenario.Scenario, string, error) {
	if arg != "" {
		if fi, err := os.Stat(arg); err == nil && fi.IsDir() {
			scs, err := scenario.LoadDir(arg)
			if err != nil {
				return nil, "", err
			}
			if len(scs) == 0 {
				return nil, "", fmt.Errorf("--scenarios %s: no scenarios in that directory", arg)
			}
			return scs, fmt.Sprintf("%d scenarios from %s", len(scs), filepath.Base(arg)), nil
		}
	}
	all, err := scenario.Builtin()
	if err != nil {
		return nil, "", err
	}
	if arg == "" {
		return all, "the 56 built-in scenarios (28 C, 28 C++) of securecomplete", nil
	}
	ids := strings.Split(arg, ",")
	scs, err := scenario.Select(all, ids)
	if err != nil {
		return nil, "", fmt.Errorf("--scenarios: %w", err)
	}
	return scs, fmt.Sprintf("%d built-in scenarios (%s)", len(scs), arg), nil
}

// newJudge builds the judge of --analyzers; its Spec keys the verdicts
// it stores. noPCH compiles without precompiled headers, which gives the
// same verdicts more slowly, so the Spec is the same.
func newJudge(list string, noPCH bool) (*judge.Judge, error) {
	var names []string
	for _, n := range strings.Split(list, ",") {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	j, err := judge.New(judge.Options{Analyzers: names, Compile: compile.Options{NoPCH: noPCH}})
	if err != nil {
		return nil, fmt.Errorf("--analyzers: %w", err)
	}
	return j, nil
}

func armNames(arms []bench.Arm) string {
	var n []string
	for _, a := range arms {
		n = append(n, a.Name)
	}
	return strings.Join(n, ",")
}

// runCache is the verdict cache of a run and the judge identity its
// entries are keyed by.
type runCache struct {
	*verdictcache.Cache
	identity string
}

// openVerdictCache opens the verdict cache at path (default its place in
// the user cache folder) for jdg. A judge whose tools cannot be
// identified, or a folder where no cache can be made, runs without one,
// with a warning.
func openVerdictCache(ctx context.Context, path string, jdg *judge.Judge, log *slog.Logger) (*runCache, error) {
	id, err := jdg.Identity(ctx)
	if err != nil {
		log.Warn("verdict cache off for this judge", "reason", err)
		return nil, nil
	}
	if path == "" {
		if path, err = verdictcache.DefaultPath(); err != nil {
			log.Warn("verdict cache off", "reason", err)
			return nil, nil
		}
	}
	c, err := verdictcache.Open(ctx, path, log)
	if err != nil {
		log.Warn("verdict cache off", "reason", err)
		return nil, nil
	}
	return &runCache{c, id}, nil
}

func printTiming(g *globals, gen bench.GenStats, jst bench.JudgeStats) {
	var compile, other time.Duration
	for _, s := range jst.Analyzer {
		if s.Name == "compile" {
			compile += s.Duration
		} else {
			other += s.Duration
		}
	}
	rate := 0.0
	if jst.Time > 0 {
		rate = float64(jst.Samples) / jst.Time.Seconds()
	}
	fmt.Fprintf(g.stderr, "generation: %d samples drawn, %d reused, %d retries, %s\n", gen.Generated, gen.Stored, gen.Retried, gen.Time.Round(time.Millisecond))
	fmt.Fprintf(g.stderr, "judging: %d samples (%d distinct programs), %d reused; compile check %s, analyzers %s, wall %s, %.0f samples/s\n",
		jst.Samples, jst.Unique, jst.Stored, compile.Round(time.Millisecond), other.Round(time.Millisecond), jst.Time.Round(time.Millisecond), rate)
	perSec := 0.0
	if compile > 0 {
		perSec = float64(jst.Unique) / compile.Seconds()
	}
	fmt.Fprintf(g.stderr, "compile check: %d programs, %.1f programs/s; %d programs not judged again (%d from the verdict cache)\n", jst.Unique, perSec, jst.Cached, jst.FromCache)
}
