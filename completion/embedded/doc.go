// Package embedded is a code language model small enough to train on any
// machine in seconds: a token n-gram model of C and C++ (order 6 by
// default) smoothed with interpolated modified Kneser-Ney, mixed with a
// cache of the document being completed, sampled with temperature, top-p,
// a seed, stop sequences and a token budget. It is served in-process by
// the completion package for a base_url of "embedded:PATH", and over HTTP
// by completion/openaiserver.
//
// Train, save, load, sample:
//
//	tr, _ := embedded.NewTrainer(embedded.DefaultOrder)
//	tr.Add(source, 1)                     // each document; a weight > 1 for fixes
//	m, err := tr.Build(ctx, nil)          // counts and smooths
//	err = m.Save("c.model")               // atomic; embedded.Load reads it back
//	res, err := m.Generate(ctx, prompt, embedded.Options{
//		MaxTokens: 64, N: 3, Temperature: 0.4, TopP: 0.95, Seed: &seed, Stop: []string{"\n}"},
//	}, nil)                               // or a func(Delta) error to stream
//
// Tokens are the lexer's (see Tokenize): MaxTokens and the token counts of
// a Result are in these tokens, not GPT-2's. Score measures cross-entropy
// on held-out text; Trainer.Bigram gives the add-k baseline.
package embedded
