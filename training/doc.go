// Package training builds training data and models: the paper's
// fine-tuning set from the public fix datasets, its exports for the real
// trainers, and the training of the embedded model.
package training
