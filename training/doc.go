// Package training builds training data and models: the paper's
// fine-tuning set from the public fix datasets and its exports for the
// real trainers. The embedded model's training (its corpora, the default
// model in the user cache, held-out evaluation) lives in
// training/embedtrain.
package training
