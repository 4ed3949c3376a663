// Package embedtrain trains the embedded model (completion/embedded):
// it finds and reads corpora (directories of C/C++ files, the default base
// corpus every build machine holds, fix datasets exported as JSONL),
// trains and evaluates models, and keeps the default model in the user
// cache, trained on first use.
package embedtrain
