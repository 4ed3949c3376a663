// Package ctrack is a token-level C/C++ syntax tracker that says which
// tokens may come next: it follows a token stream (brackets and their
// kinds, where a statement starts, whether an operand or an operator
// comes next, declarations and their scopes, comments and preprocessor
// lines) as far as an n-gram model needs to be kept from writing code
// that cannot compile.
//
// The embedded model's sampler asks a Tracker which candidate tokens may
// come next (Allowed) and tells it each token chosen (Step). It is a
// constraint on decoding, as in the grammar-constrained decoding of
// neural code models: the model's probabilities are renormalized over
// the tokens it allows. The same tracker reads prompts (their
// declarations, the names they use, where the cursor stands) and the
// preprocessed standard headers (the names each provides), reporting
// what it learns through Env.Collect and Env.CollectArity.
//
// It is permissive where C is ambiguous to a token-level reader (macros,
// GNU attributes, templates): its job is to rule out the clear errors (an
// unbalanced bracket, an operand after an operand, a statement keyword
// inside an expression, a name nothing declares, a function defined
// inside a function, a preprocessor line or the end of the document
// inside a function), not to parse.
//
// Each rule is written once, in the transition function (next): for a
// token it decides, on the state before the token, whether the token is
// allowed, and then (when stepping) how the state changes. Allowed runs
// it up to the decision and changes nothing; Step runs it through.
//
// Tokens are those of the embedded model's lexer, with its text: a
// token after a blank carries one leading space (" x"); a layout token
// is a line break and the change of indentation ("\n", "\n>1", "\n<2",
// "\n+3", with a second "\n" in front for a blank line); a token inside
// a comment starts with the mark '\x01'. Classify gives a token's class.
package ctrack
