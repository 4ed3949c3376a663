// Package stats holds the statistics both the benchmark (eval) and the
// editor's A/B report need: two-sided Fisher exact and exact binomial
// tests, Wilson score intervals, Holm's correction for many tests, Cohen's
// kappa, and the sample size a difference of two proportions needs to be
// detected. Everything is computed from counts, as R computes it.
package stats
