// Package training is the root of the paper's second half: the data a
// model is fine-tuned on and the runs that train it. It holds no code of
// its own; its packages, in the order a run uses them:
//
//   - training/fixes reads the public fix datasets (CVEfixes, Big-Vul,
//     Challande et al., SVEN-format JSONL) as streams of fix commits;
//   - training/fetch reads the post-fix files of those commits from their
//     git repositories;
//   - training/dataset combines them into the fine-tuning set (duplicates
//     removed, C/C++ only, a seeded 90/10 split) in a SQLite index, with
//     the paper's Table 1;
//   - training/export writes the set for the real trainers (JSONL,
//     TFRecords, trainer configurations);
//   - training/launch submits it to an OpenAI-compatible fine-tuning API or
//     prints an external trainer's steps;
//   - training/embedtrain trains the embedded model, on a base corpus and
//     optionally on the exported fixes, so the whole experiment runs
//     offline.
//
// securecomplete train (internal/cli) is the command over all of them.
package training
