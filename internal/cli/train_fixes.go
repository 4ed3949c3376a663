package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"securecomplete/training/embedtrain"
	"securecomplete/training/export"
)

// resolveFixes turns --fixes values into JSONL files: a file as given,
// a dataset folder (made by "train dataset") as its training split.
func resolveFixes(fixes []string) ([]string, error) {
	out := make([]string, 0, len(fixes))
	for _, f := range fixes {
		fi, err := os.Stat(f)
		if err != nil {
			return nil, fmt.Errorf("--fixes %s: %w", f, err)
		}
		if fi.IsDir() {
			p := filepath.Join(f, export.TrainJSONL)
			if _, err := os.Stat(p); err != nil {
				return nil, fmt.Errorf("--fixes %s: a folder without %s (want a JSONL file or a folder \"train dataset\" wrote)", f, export.TrainJSONL)
			}
			f = p
		}
		out = append(out, f)
	}
	return out, nil
}

// validSplits finds the validation split beside each training split:
// valid.jsonl in the same folder.
func validSplits(fixes []string) ([]string, error) {
	var out []string
	for _, f := range fixes {
		p := filepath.Join(filepath.Dir(f), export.ValidJSONL)
		if _, err := os.Stat(p); err != nil {
			return nil, fmt.Errorf("--fixes-weight auto: no %s beside %s (give the dataset folder or its train.jsonl, as \"train dataset\" wrote them)", export.ValidJSONL, f)
		}
		out = append(out, p)
	}
	return out, nil
}

// parseFixesWeight reads --fixes-weight: a number, or "auto" (0).
func parseFixesWeight(s string) (int, error) {
	if s == "auto" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 1000 {
		return 0, fmt.Errorf("--fixes-weight %s: want 1 to 1000, or auto", s)
	}
	return n, nil
}

// chooseFixesWeight picks the weight by held-out perplexity on the
// validation split and prints the perplexities it tried.
func chooseFixesWeight(ctx context.Context, w io.Writer, opt embedtrain.Options) (int, error) {
	valid, err := validSplits(opt.Fixes)
	if err != nil {
		return 0, err
	}
	best, trials, err := embedtrain.ChooseFixesWeight(ctx, opt, valid, embedtrain.FixesWeights())
	if err != nil {
		return 0, err
	}
	fmt.Fprintf(w, "--fixes-weight auto: held-out perplexity of the validation split (%d tokens, without the cache)\n", trials[0].Tokens)
	for _, t := range trials {
		name := fmt.Sprintf("weight %d", t.Weight)
		if t.Weight == 0 {
			name = "base (no fixes)"
		}
		mark := ""
		if t.Weight == best {
			mark = "  <- chosen"
		}
		fmt.Fprintf(w, "  %-16s %8.2f  (%.3f bits/token)%s\n", name, t.Perplexity, t.BitsPerToken, mark)
	}
	return best, nil
}
