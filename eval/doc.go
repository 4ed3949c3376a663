// Package eval is the paper's offline benchmark: the 56 scenarios,
// generation through the completion clients, judging, the statistics of
// Table 3 and its reports.
package eval
