package cli

import (
	"context"
	"io"

	"github.com/spf13/cobra"

	"securecomplete/lsp"
	"securecomplete/training/embedtrain"
)

func newLSPCommand(g *globals) *cobra.Command {
	var (
		stdio              bool
		maxCalls, maxQueue int
	)
	cmd := &cobra.Command{
		Use:   "lsp",
		Short: "Run the language server on stdin and stdout",
		Long: `Run securecomplete's language server on stdin and stdout: C and C++
completions (textDocument/completion and LSP 3.18 inline completion) from
the configured model. The configuration is --config, else securecomplete.toml
in the workspace root the editor names, else the user's config dir; the
editor's initializationOptions and settings (same keys) win over the file.
The log goes to stderr.`,
		Example: `  securecomplete lsp
  securecomplete lsp --config ~/models/securecomplete.toml --log-level debug`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			srv := lsp.New(lsp.Options{ConfigPath: g.configPath, Logger: g.logger(), PrepareDefaultModel: prepareDefaultModel, MaxModelCalls: maxCalls, MaxQueuedModelCalls: maxQueue})
			code, err := srv.Serve(cmd.Context(), stdioConn{in: cmd.InOrStdin(), out: g.stdout})
			if err != nil {
				return err
			}
			if code != 0 {
				return exitError{code}
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&maxCalls, "max-model-calls", lsp.DefaultMaxModelCalls, "model calls running at once")
	cmd.Flags().IntVar(&maxQueue, "max-queued-model-calls", lsp.DefaultMaxQueuedModelCalls, "model calls waiting for one of those; beyond, the oldest waiting completion is dropped (-1: none wait)")
	// vscode-languageclient passes --stdio; stdio is the only transport.
	cmd.Flags().BoolVar(&stdio, "stdio", true, "talk over stdin and stdout (the only transport; accepted for editors that pass it)")
	return cmd
}

// prepareDefaultModel is the language server's step that makes the
// default embedded model ready: training it on first use, its progress
// lines going to the editor.
func prepareDefaultModel(ctx context.Context, progress io.Writer) (string, error) {
	path, _, err := embedtrain.DefaultModel{Progress: progress}.Ensure(ctx)
	return path, err
}

// stdioConn joins stdin and stdout into the connection the server reads
// and writes.
type stdioConn struct {
	in  io.Reader
	out io.Writer
}

func (c stdioConn) Read(p []byte) (int, error)  { return c.in.Read(p) }
func (c stdioConn) Write(p []byte) (int, error) { return c.out.Write(p) }

// Close closes stdin when it can be closed, which ends the read loop.
func (c stdioConn) Close() error {
	if cl, ok := c.in.(io.Closer); ok {
		return cl.Close()
	}
	return nil
}
