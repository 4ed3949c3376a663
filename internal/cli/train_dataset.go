package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"securecomplete/training/dataset"
	"securecomplete/training/fetch"
)

func newTrainDatasetCommand(g *globals) *cobra.Command {
	var (
		in       dataset.Inputs
		out      string
		format   string
		seed     int64
		valid    float64
		noFetch  bool
		parallel int
		timeout  time.Duration
		retries  int
		cache    string
		noExport bool
	)
	cmd := &cobra.Command{
		Use:   "dataset [--cvefixes DB] [--bigvul CSV] [--challande DIR] [--sven DIR] [-o DIR]",
		Short: "Rebuild the paper's fine-tuning set from the public fix datasets and print its Table 1",
		Long: `Dataset reads the fix datasets given (CVEfixes' SQLite database, Big-Vul's
CSV, the Challande et al. per-CVE JSON folder, SVEN-format JSONL), normalises
repositories and commits, removes duplicates across sources (CVEfixes' whole
files win over Big-Vul's functions; each file is in one record), fetches from
git the C/C++ files of commits no source holds whole, splits the commits 90/10
with --seed, and keeps it all in DIR/index.db. It prints Table 1 (CVEs,
commits and projects per source and combined, with the overlaps), the fix
commits per CWE, the files and lines, and what was skipped and why.

Unless --no-export, it writes the exports into DIR too (see "train export"):
train.jsonl and valid.jsonl with a "text" field, TFRecords for
mesh-transformer-jax, and the trainer configurations.

Bad input (a truncated database, a CSV row with the wrong number of fields, a
file that is not JSON, a repository that cannot be reached) is counted and
reported with where it was; it never stops the run. The fetcher's results are
kept in the index: a killed run resumes its fetches, a finished one does not
fetch again.`,
		Example: `  securecomplete train dataset --challande ../shared/datasets/aosp-challande -o fixes
  securecomplete train dataset --sven ../shared/datasets/sven-fixes --no-fetch -o sven
  securecomplete train dataset --cvefixes CVEfixes.db --bigvul MSR_data_cleaned.csv --challande aosp_dataset --format json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if in == (dataset.Inputs{}) {
				return usageError{errors.New("give at least one of --cvefixes, --bigvul, --challande, --sven")}
			}
			if format != "md" && format != "json" {
				return usageError{fmt.Errorf("--format %q: want md or json", format)}
			}
			if valid <= 0 || valid >= 1 {
				return usageError{fmt.Errorf("--valid %g: want a share between 0 and 1", valid)}
			}
			opt := dataset.Options{Inputs: in, Out: out, Seed: seed, ValidShare: valid, Progress: g.stderr}
			if !noFetch {
				opt.Fetch = &fetch.Options{Cache: cache, Parallel: parallel, Timeout: timeout, Retries: retries, Logger: g.logger()}
				if retries == 0 {
					opt.Fetch.Retries = fetch.NoRetries
				}
			}
			rep, err := dataset.Build(cmd.Context(), opt)
			if err != nil {
				return err
			}
			if !noExport {
				if err := writeExports(cmd, g, out); err != nil {
					return err
				}
			}
			if err := writeReport(g, rep, format); err != nil {
				return err
			}
			md, err := os.Create(filepath.Join(out, "report.md"))
			if err != nil {
				return err
			}
			defer md.Close()
			rep.Markdown(md)
			return md.Close()
		},
	}
	f := cmd.Flags()
	f.StringVar(&in.CVEfixes, "cvefixes", "", "CVEfixes SQLite database")
	f.StringVar(&in.BigVul, "bigvul", "", "Big-Vul CSV (MSR_data_cleaned.csv)")
	f.StringVar(&in.Challande, "challande", "", "Challande et al. dataset folder, or its cves/ folder")
	f.StringVar(&in.SVEN, "sven", "", "SVEN-format JSONL file or folder")
	f.StringVarP(&out, "output", "o", "fixes-dataset", "dataset folder: index.db, report.md, exports")
	f.StringVar(&format, "format", "md", "report on standard output: md or json")
	f.Int64Var(&seed, "seed", 1, "seed of the 90/10 split")
	f.Float64Var(&valid, "valid", 0.1, "share of commits held out for validation")
	f.BoolVar(&noFetch, "no-fetch", false, "do not fetch commits from git (their files are then missing)")
	f.IntVar(&parallel, "parallel", 4, "repositories fetched at once")
	f.DurationVar(&timeout, "fetch-timeout", 30*time.Minute, "timeout of one clone or fetch")
	f.IntVar(&retries, "retries", 3, "retries of a transient fetch failure (never for a host that does not resolve or refuses)")
	f.StringVar(&cache, "cache", "", "git clone cache (default DIR/git-cache)")
	f.BoolVar(&noExport, "no-export", false, "build the index and the report only")
	return cmd
}

func writeReport(g *globals, rep *dataset.Report, format string) error {
	if format == "json" {
		data, err := rep.JSON()
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(g.stdout, "%s\n", data)
		return err
	}
	rep.Markdown(g.stdout)
	return nil
}
