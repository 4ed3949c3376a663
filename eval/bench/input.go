package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"securecomplete/analysis/judge"
	"securecomplete/eval/report"
	"securecomplete/eval/store"
)

// StoreFile is the name of a run's store inside its output directory.
const StoreFile = "run.db"

// StorePath returns the store of path: path itself, or the StoreFile
// inside it when path is a directory.
func StorePath(path string) string {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return filepath.Join(path, StoreFile)
	}
	return path
}

// ReportOptions say what a run's report holds beyond its counts.
type ReportOptions struct {
	Paper   bool // set the paper's published counts beside the new ones
	Partial bool // report even when samples lack verdicts (a note says how many)
}

// Input counts the verdicts a store holds under spec into a report input.
// A store missing verdicts of the run is an error unless opt.Partial.
func Input(ctx context.Context, st *store.Store, spec judge.Spec, opt ReportOptions) (report.Input, error) {
	run, err := LoadRun(ctx, st)
	if err != nil {
		return report.Input{}, err
	}
	meta := report.Meta{
		Title:     "securecomplete benchmark: vulnerable, non-vulnerable and invalid samples per scenario",
		Source:    "securecomplete eval run, store " + st.Path(),
		Scenarios: run.ScenarioSet,
		Judge:     spec.Describe(),
		JudgeSpec: &spec,
		Seeds:     []int64{run.Seed},
	}
	in, cov, err := Collect(ctx, st, run, spec, meta)
	if err != nil {
		return report.Input{}, err
	}
	if missing := len(cov.Missing); missing > 0 {
		if !opt.Partial {
			return report.Input{}, fmt.Errorf("%s holds verdicts under this judge for %d of the run's %d samples (missing %s and %d more): run eval run again with the same -o and --analyzers, or merge the other shards",
				st.Path(), cov.Judged, cov.Wanted, cov.Missing[0], missing-1)
		}
		in.Meta.Notes = append(in.Meta.Notes, fmt.Sprintf("Partial: %d of %d samples judged.", cov.Judged, cov.Wanted))
	}
	if opt.Paper {
		in.Reference = report.PaperReference()
	}
	return in, nil
}

// StoreInput opens the store of an eval run's directory (or the store
// file itself) and returns its report input under spec.
func StoreInput(ctx context.Context, path string, spec judge.Spec, opt ReportOptions) (report.Input, error) {
	path = StorePath(path)
	if _, err := os.Stat(path); err != nil {
		return report.Input{}, err
	}
	st, err := store.OpenReadOnly(ctx, path)
	if err != nil {
		return report.Input{}, err
	}
	defer st.Close()
	return Input(ctx, st, spec, opt)
}

// WriteReports writes the reports of the run a store holds into dir
// (report.FileNames) and returns the Markdown.
func WriteReports(ctx context.Context, st *store.Store, dir string, spec judge.Spec, opt ReportOptions) ([]byte, error) {
	in, err := Input(ctx, st, spec, opt)
	if err != nil {
		return nil, err
	}
	return report.WriteFiles(dir, in, report.Options{})
}
