package cli

import (
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"securecomplete/completion"
	"securecomplete/completion/embedded"
	"securecomplete/completion/openaiserver"
	"securecomplete/config"
	"securecomplete/training/embedtrain"
)

func newServeCommand(g *globals) *cobra.Command {
	var (
		models []string
		addr   string
		limits = openaiserver.DefaultLimits()
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve embedded models over OpenAI's completions API",
		Long: `Serve embedded models over HTTP as OpenAI's completions API does
(POST /v1/completions with prompt, max_tokens, n, temperature, top_p,
stop, seed, stream, logprobs; GET /v1/models), so that any OpenAI client,
this project's language server and benchmark included, reaches them.

--model is a model file, "default" (the default model, trained on first
use), or NAME=MODEL to choose the name clients send; give it several
times to serve several models (a base and a fine-tuned one side by side).
A model file is served under its base name without extension, the
default model as "embedded". max_tokens counts the model's own tokens.
SIGINT stops the server gracefully.`,
		Example: `  securecomplete serve
  securecomplete serve --model base=base.model --model ft=finetuned.model --addr 127.0.0.1:8081
  curl -s localhost:8081/v1/completions -d '{"model":"embedded","prompt":"int main(","max_tokens":32}'`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			log := g.logger()
			if len(models) == 0 {
				models = []string{"default"}
			}
			loaded := map[string]*embedded.Model{}
			for _, spec := range models {
				name, path, err := resolveServedModel(spec)
				if err != nil {
					return usageError{err}
				}
				if path == "" { // the default model
					p, _, err := embedtrain.DefaultModel{Progress: g.stderr}.Ensure(ctx)
					if err != nil {
						return err
					}
					path = p
				}
				if _, dup := loaded[name]; dup {
					return usageError{fmt.Errorf("--model %s: the name %q is used twice", spec, name)}
				}
				m, err := embedded.Load(path)
				if err != nil {
					return err
				}
				loaded[name] = m
				log.Info("model loaded", "name", name, "path", path, "order", m.Order(), "vocabulary", m.VocabSize())
			}
			if limits.MaxN < 1 || limits.MaxTokens < 1 || limits.MaxPromptBytes < 1 || limits.MaxConcurrent < 1 || limits.RequestTimeout <= 0 {
				return usageError{errors.New("the limits (--max-n, --max-tokens, --max-prompt-bytes, --max-concurrent, --timeout) must be positive")}
			}
			srv := openaiserver.New(loaded, openaiserver.Options{Limits: limits, Logger: log})
			names := make([]string, 0, len(loaded))
			for n := range loaded {
				names = append(names, n)
			}
			return openaiserver.ListenAndServe(ctx, addr, srv, 10*time.Second, log, func(a net.Addr) {
				fmt.Fprintf(g.stderr, "serving %s on http://%s/v1 (base_url = \"http://%s/v1\" in securecomplete.toml); Ctrl-C stops\n", strings.Join(names, ", "), a, a)
			})
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&models, "model", nil, `model to serve: a file, "default", or NAME=MODEL (default "default")`)
	f.StringVar(&addr, "addr", "127.0.0.1:8081", "address to listen on")
	f.IntVar(&limits.MaxN, "max-n", limits.MaxN, "most choices per request")
	f.IntVar(&limits.MaxTokens, "max-tokens", limits.MaxTokens, "most tokens per choice")
	f.IntVar(&limits.MaxPromptBytes, "max-prompt-bytes", limits.MaxPromptBytes, "largest prompt, in bytes")
	f.IntVar(&limits.MaxConcurrent, "max-concurrent", limits.MaxConcurrent, "requests generating at once; more wait up to 5 s, then get a 429")
	f.DurationVar(&limits.RequestTimeout, "timeout", limits.RequestTimeout, "longest generation of one request")
	return cmd
}

// resolveServedModel reads a --model value: NAME=MODEL or MODEL, where
// MODEL is a file, "default", or "embedded:PATH". An empty path means the
// default model.
func resolveServedModel(spec string) (name, path string, err error) {
	name, path, named := strings.Cut(spec, "=")
	if !named {
		name, path = "", spec
	}
	path = strings.TrimPrefix(path, config.EmbeddedPrefix)
	switch {
	case named && name == "":
		return "", "", fmt.Errorf("--model %q: empty name before =", spec)
	case path == "":
		return "", "", fmt.Errorf("--model %q names no model", spec)
	case path == completion.EmbeddedDefault:
		path = ""
		if name == "" {
			name = config.DefaultModelName
		}
	case name == "":
		name = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	return name, path, nil
}
