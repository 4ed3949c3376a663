// Package report turns verdict counts into the paper's Table 3 and its
// companions: Markdown in the paper's layout, CSV, JSON, and a
// self-contained HTML page with charts. It recomputes every statistic from
// the counts (package stats), checks what a source printed against its own
// rows, and can set the paper's published counts beside new ones.
//
// An Input is what a benchmark run (or a counts file) fills: the setup
// (Meta, Arms), one Row of counts per scenario and language, and the
// per-sample findings. Build computes a Report from it; the Write*
// functions render a Report. Inputs from shards of one run combine with
// Merge into the Input of the whole run.
//
// SARIF: this package writes no SARIF itself. Findings returns every
// finding of an Input, each tagged with the sample it came from, in the
// shape the analysis package's SARIF writer takes.
package report
