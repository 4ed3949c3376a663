package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"securecomplete/analysis"
	"securecomplete/completion"
)

func newCompleteCommand(g *globals) *cobra.Command {
	var (
		modelName  string
		n          int
		asJSON     bool
		showPrompt bool
		lang       string
	)
	cmd := &cobra.Command{
		Use:   "complete FILE:LINE[:COL]",
		Short: "Print the completions the language server would offer at a position",
		Long: `Complete asks the configured model for completions at a position in a file,
through the same engine as the language server (prompt cut to the model's
budget, candidates cleaned, screened and ranked by [completion] screen), and
prints them in the order the editor shows them, each with what the screening
found. Use it to debug a model setup
from a shell. LINE and COL count from 1; COL counts bytes, as gcc does; without
COL the cursor is at the end of the line.`,
		Example: `  securecomplete complete main.c:12:5
  securecomplete complete --model gptj-ft --show-prompt src/parse.c:40
  securecomplete --config securecomplete.toml complete --json main.c:12:5`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path, line, col, err := parsePosition(args[0])
			if err != nil {
				return usageError{err}
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			l, ok := analysis.LangOf(path)
			if lang != "" {
				if l, ok = analysis.ParseLang(lang); !ok {
					return usageError{fmt.Errorf("--lang %q: want c or cpp", lang)}
				}
			} else if !ok {
				l = analysis.C
			}
			text := string(data)
			off, err := byteOffset(text, line, col)
			if err != nil {
				return usageError{fmt.Errorf("%s: %w", args[0], err)}
			}
			wd, _ := os.Getwd()
			cfg, err := g.loadConfig(wd)
			if err != nil {
				return err
			}
			setup, err := completion.SetupFor(cfg, modelName)
			if err != nil {
				return usageError{err}
			}
			if setup.Embedded, err = prepareModels(cmd.Context(), g, setup.Model); err != nil {
				return err
			}
			eng, err := completion.Build(setup)
			if err != nil {
				return err
			}
			res, err := eng.Complete(cmd.Context(), completion.Input{Path: path, Lang: l, Text: text, Offset: off, N: n})
			if err != nil {
				return err
			}
			return printCompletions(g, res, asJSON, showPrompt)
		},
	}
	cmd.Flags().StringVar(&modelName, "model", "", "configured model to ask (default: [completion] model)")
	cmd.Flags().IntVarP(&n, "n", "n", 0, "number of candidates to ask for (default: the model's n)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object with the prompt facts and the candidates")
	cmd.Flags().BoolVar(&showPrompt, "show-prompt", false, "print the prompt sent to the model first")
	cmd.Flags().StringVar(&lang, "lang", "", "language, c or cpp (default: from the file name)")
	return cmd
}

func printCompletions(g *globals, res *completion.Result, asJSON, showPrompt bool) error {
	if asJSON {
		type cand struct {
			Index        int      `json:"index"`
			Text         string   `json:"text"`
			FinishReason string   `json:"finish_reason,omitempty"`
			CWEs         []string `json:"cwes,omitempty"` // what screening found
			Parses       bool     `json:"parses"`         // in its place in the document
		}
		out := struct {
			Model        string `json:"model"`
			PromptTokens int    `json:"prompt_tokens"`
			PromptBudget int    `json:"prompt_budget"`
			PromptFrom   int    `json:"prompt_first_line"`
			Truncated    bool   `json:"prompt_truncated"`
			Prompt       string `json:"prompt,omitempty"`
			Raw          int    `json:"raw_choices"`
			DurationMS   int64  `json:"model_ms"`
			Candidates   []cand `json:"candidates"`
		}{Model: res.Model, PromptTokens: res.Prompt.Tokens, PromptBudget: res.Prompt.Budget,
			PromptFrom: res.Prompt.FirstLine + 1, Truncated: res.Prompt.Truncated, Raw: res.Raw,
			DurationMS: res.Duration.Milliseconds(), Candidates: []cand{}}
		if showPrompt {
			out.Prompt = res.Prompt.Text
		}
		for _, c := range res.Candidates {
			out.Candidates = append(out.Candidates, cand{c.Index, c.Text, c.FinishReason, c.CWEs(), len(c.Syntax) == 0})
		}
		enc := json.NewEncoder(g.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	if showPrompt {
		fmt.Fprintf(g.stdout, "=== prompt (%d tokens of %d, from line %d) ===\n%s\n", res.Prompt.Tokens, res.Prompt.Budget, res.Prompt.FirstLine+1, res.Prompt.Text)
	}
	if len(res.Candidates) == 0 {
		fmt.Fprintf(g.stdout, "no candidates (%s returned %d choices, all empty or duplicates once cleaned)\n", res.Model, res.Raw)
		return nil
	}
	for i, c := range res.Candidates {
		verdict := ""
		if cwes := c.CWEs(); len(cwes) > 0 {
			verdict += " · ⚠ " + strings.Join(cwes, ", ")
		}
		if len(c.Syntax) > 0 {
			verdict += " · does not parse"
		}
		fmt.Fprintf(g.stdout, "=== candidate %d of %d (%s%s) ===\n%s\n", i+1, len(res.Candidates), res.Model, verdict, c.Text)
	}
	return nil
}

// parsePosition splits FILE:LINE[:COL]; the file name may hold colons.
func parsePosition(s string) (path string, line, col int, err error) {
	parts := strings.Split(s, ":")
	nums := 0
	for i := len(parts) - 1; i > 0 && nums < 2; i-- {
		if _, err := strconv.Atoi(parts[i]); err != nil {
			break
		}
		nums++
	}
	if nums == 0 {
		return "", 0, 0, fmt.Errorf("position %q: want FILE:LINE[:COL]", s)
	}
	path = strings.Join(parts[:len(parts)-nums], ":")
	line, _ = strconv.Atoi(parts[len(parts)-nums])
	if nums == 2 {
		col, _ = strconv.Atoi(parts[len(parts)-1])
	}
	if line < 1 || (nums == 2 && col < 1) {
		return "", 0, 0, fmt.Errorf("position %q: LINE and COL count from 1", s)
	}
	return path, line, col, nil
}

// byteOffset returns the byte offset of 1-based line and byte column col
// (0: the end of the line).
func byteOffset(text string, line, col int) (int, error) {
	start := 0
	for l := 1; l < line; l++ {
		nl := strings.IndexByte(text[start:], '\n')
		if nl < 0 {
			return 0, fmt.Errorf("line %d is past the end of the file (%d lines)", line, l)
		}
		start += nl + 1
	}
	end := len(text)
	if nl := strings.IndexByte(text[start:], '\n'); nl >= 0 {
		end = start + nl
	}
	if col == 0 {
		return end, nil
	}
	if start+col-1 > end {
		return 0, fmt.Errorf("column %d is past the end of line %d (%d bytes)", col, line, end-start)
	}
	return start + col - 1, nil
}
