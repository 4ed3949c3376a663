// Package stats computes the statistics of the paper's Table 3 from
// verdict counts: the non-vulnerable ratio (invalid samples excluded), the
// invalid ratio (over all samples), two-sided Fisher exact tests between
// two models, and, beyond the paper, Wilson score intervals for the ratios
// and Holm's correction for testing many scenarios at once.
//
// Counts are additive: counts from shards of one run add up to the counts
// of the whole run, and everything here is computed from counts alone.
package stats
