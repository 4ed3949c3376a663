// Package lsp is securecomplete's language server: documents and their
// UTF-16 positions, completion and inline completion from the configured
// model, accept commands, cancellation, and messages to the editor.
package lsp
