// Package lsp is securecomplete's language server: documents and their
// UTF-16 positions, completion and inline completion from the configured
// model, accept commands, cancellation, messages to the editor, the
// security loop after an accept, and the blind A/B comparison of two models.
package lsp
