package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"securecomplete/ab/report"
	"securecomplete/ab/store"
)

func newABCommand(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "ab",
		Short: "The blind A/B comparison of two models in the editor: report, export, merge",
		Long: `The language server in A/B mode ([ab] in securecomplete.toml) records every
request, candidate shown, accept, verdict and persistence measure in an A/B
store (SQLite, or PostgreSQL for a team). These commands read it: the report
reveals which model each arm was unless --blind.`,
	}
	cmd.AddCommand(newABReportCommand(g), newABExportCommand(g), newABMergeCommand(g))
	return cmd
}

// abStoreFlags are the flags that name the store and the period.
type abStoreFlags struct {
	store, since string
}

func (f *abStoreFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.store, "store", "", "the A/B store: a SQLite file or a postgres:// URL (default: [ab] store of the configuration, else $XDG_DATA_HOME/securecomplete/ab.db)")
	cmd.Flags().StringVar(&f.since, "since", "", "only events at or after this date (2026-12-01) or time (2026-12-01T09:00:00Z)")
}

// open opens an existing store.
func (f *abStoreFlags) open(ctx context.Context, g *globals) (store.Store, time.Time, error) {
	since, err := parseSince(f.since)
	if err != nil {
		return nil, time.Time{}, usageError{err}
	}
	loc := f.store
	if loc == "" {
		cfg, err := g.loadConfig("")
		if err != nil {
			return nil, time.Time{}, err
		}
		if loc, err = cfg.AB.StorePath(); err != nil {
			return nil, time.Time{}, err
		}
	}
	if !store.IsPostgres(loc) {
		if _, err := os.Stat(loc); err != nil {
			return nil, time.Time{}, fmt.Errorf("no A/B store at %s (%w): run the language server in A/B mode first, or name one with --store", loc, errors.Unwrap(err))
		}
	}
	st, err := store.Open(ctx, loc)
	return st, since, err
}

func parseSince(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("--since %q: want a date such as 2026-12-01 or a time such as 2026-12-01T09:00:00Z", s)
}

func newABReportCommand(g *globals) *cobra.Command {
	var (
		sf     abStoreFlags
		format string
		blind  bool
		out    string
	)
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Compare the two models: acceptance, persistence, vulnerable accepted code, latency, with tests",
		Long: `Report reads an A/B store and compares the two models (or the arms only, with
--blind): requests, candidates shown, acceptance with a Wilson interval,
accepted characters per request, partial accepts, persistence at 30 s, 2, 5
and 10 minutes, the share of accepted snippets a background check found
vulnerable by CWE, what screening flagged, latency p50/p95 and errors per arm;
Fisher exact tests on acceptance and on vulnerable accepted code, a binomial
test on interleaving wins, and how many more requests would detect the
observed difference at 80 % power.`,
		Example: `  securecomplete ab report
  securecomplete ab report --store team.db --since 2026-12-01 --format md
  securecomplete ab report --store postgres://ab@db.internal/ab --format html -o ab.html
  securecomplete ab report --blind`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !contains(report.Formats(), format) {
				return usageError{fmt.Errorf("--format %q: want one of %s", format, strings.Join(report.Formats(), ", "))}
			}
			st, since, err := sf.open(cmd.Context(), g)
			if err != nil {
				return err
			}
			defer st.Close()
			rep, err := report.Build(cmd.Context(), st, report.Options{Since: since, Blind: blind})
			if err != nil {
				return err
			}
			return writeTo(g.stdout, out, func(w io.Writer) error { return report.Write(w, rep, format) })
		},
	}
	sf.add(cmd)
	cmd.Flags().StringVar(&format, "format", "text", "text, md, json or html (with charts)")
	cmd.Flags().BoolVar(&blind, "blind", false, "arms A and B only, no model names")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this file instead of stdout")
	return cmd
}

func newABExportCommand(g *globals) *cobra.Command {
	var (
		sf          abStoreFlags
		format, out string
	)
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write every event as CSV or JSON Lines, for analysis elsewhere",
		Long: `Export writes one record per event with its type (request, shown, hidden, accept,
partial_accept, dismiss, verdict, persistence, loss), the model name, the arm,
the session, the request id and the time, and the fields of its type.`,
		Example: `  securecomplete ab export --format csv > ab.csv
  securecomplete ab export --store team.db --format jsonl --since 2026-12-01`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "csv" && format != "jsonl" {
				return usageError{fmt.Errorf("--format %q: want csv or jsonl", format)}
			}
			st, since, err := sf.open(cmd.Context(), g)
			if err != nil {
				return err
			}
			defer st.Close()
			return writeTo(g.stdout, out, func(w io.Writer) error {
				_, err := store.Export(cmd.Context(), st, w, format, since)
				return err
			})
		},
	}
	sf.add(cmd)
	cmd.Flags().StringVar(&format, "format", "jsonl", "csv or jsonl")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this file instead of stdout")
	return cmd
}

func newABMergeCommand(g *globals) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "merge -o TEAM.db STORE...",
		Short: "Pool the A/B stores of several people into one",
		Long: `Merge copies every event of the given stores (SQLite files or postgres://
URLs) into the output store, which is made when missing. All must compare the
same two models; the output keeps its arms, or takes the first input's, and
each event's arm follows its model.`,
		Example: `  securecomplete ab merge -o team.db alice.db bob.db`,
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if out == "" {
				return usageError{errors.New("ab merge: give the output store with -o")}
			}
			var ins []store.Store
			defer func() {
				for _, s := range ins {
					s.Close()
				}
			}()
			for _, a := range args {
				if a == out {
					return usageError{fmt.Errorf("ab merge: %s is both an input and the output", a)}
				}
				f := abStoreFlags{store: a}
				st, _, err := f.open(ctx, g)
				if err != nil {
					return err
				}
				ins = append(ins, st)
			}
			dst, err := store.Open(ctx, out)
			if err != nil {
				return err
			}
			defer dst.Close()
			n, err := store.Merge(ctx, dst, ins...)
			if err != nil {
				return err
			}
			fmt.Fprintf(g.stdout, "merged %d events from %d stores into %s\n", n, len(ins), dst.Location())
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "the store to write (made when missing)")
	return cmd
}

// writeTo runs write on stdout, or on the file path when it is set.
func writeTo(stdout io.Writer, path string, write func(io.Writer) error) error {
	if path == "" {
		return write(stdout)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}
