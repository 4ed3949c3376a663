// Package cli is securecomplete's command line: one thin file per command
// (or command group) that parses flags, calls into the packages that do
// the work, and prints. main.go at the repository root only calls Main.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/spf13/cobra"

	"securecomplete/config"
)

// globals are the flags every subcommand accepts.
type globals struct {
	configPath string
	logLevel   string
	stdout     io.Writer
	stderr     io.Writer
}

// logger returns a text logger on stderr at the requested level.
func (g *globals) logger() *slog.Logger {
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(g.logLevel)); err != nil {
		lvl = slog.LevelInfo
	}
	return slog.New(slog.NewTextHandler(g.stderr, &slog.HandlerOptions{Level: lvl}))
}

// loadConfig finds the configuration: --config, else securecomplete.toml
// in workspaceRoot, else the user's config dir, else the defaults.
func (g *globals) loadConfig(workspaceRoot string) (*config.Config, error) {
	return config.Find(g.configPath, workspaceRoot)
}

// usageError marks an error in how the command was called (exit status 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// exitError carries an exit status chosen by a subcommand (analyze exits 1
// when something is vulnerable) without printing anything more.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

func newRootCommand(g *globals) *cobra.Command {
	root := &cobra.Command{
		Use:           "securecomplete",
		Short:         "Secure C/C++ code completion from self-hosted language models",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.CompletionOptions.DisableDefaultCmd = true // "completion" would read as a sibling of "complete"
	root.SetOut(g.stdout)
	root.SetErr(g.stderr)
	root.PersistentFlags().StringVar(&g.configPath, "config", "", "configuration file (default: securecomplete.toml in the workspace, then the user config dir)")
	root.PersistentFlags().StringVar(&g.logLevel, "log-level", "info", "log level: debug, info, warn, error")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(
		newLSPCommand(g),
		newCompleteCommand(g),
		newAnalyzeCommand(g),
		newTrainCommand(g),
		newServeCommand(g),
		newEvalCommand(g),
		newABCommand(g),
	)
	return root
}

// Run executes the command line args and returns the process exit status.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	g := &globals{stdout: stdout, stderr: stderr}
	root := newRootCommand(g)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	fmt.Fprintln(stderr, "securecomplete:", err)
	var ue usageError
	if errors.As(err, &ue) {
		return 2
	}
	return 1
}
