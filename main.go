// Command securecomplete gives C and C++ completions from self-hosted
// language models, judges them for security weaknesses, and runs the
// benchmark and training tools of Li et al., "Fine Tuning Large Language
// Model for Secure Code Generation" (FORGE '24).
//
// The commands live in internal/cli; this file only starts them.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"securecomplete/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
