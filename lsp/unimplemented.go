package lsp

import (
	"go.lsp.dev/jsonrpc2"
)

// The LSP requests this server does not implement: securecomplete only
// completes code. They are answered at once with MethodNotFound and a
// message that says so, never left waiting.
var unimplemented = map[string]bool{
	"textDocument/hover": true, "textDocument/signatureHelp": true, "textDocument/declaration": true,
	"textDocument/definition": true, "textDocument/typeDefinition": true, "textDocument/implementation": true,
	"textDocument/references": true, "textDocument/documentHighlight": true, "textDocument/documentSymbol": true,
	"textDocument/codeLens": true, "textDocument/documentLink": true,
	"textDocument/documentColor": true, "textDocument/colorPresentation": true, "textDocument/formatting": true,
	"textDocument/rangeFormatting": true, "textDocument/onTypeFormatting": true, "textDocument/rename": true,
	"textDocument/prepareRename": true, "textDocument/foldingRange": true, "textDocument/selectionRange": true,
	"textDocument/semanticTokens/full": true, "textDocument/semanticTokens/full/delta": true,
	"textDocument/semanticTokens/range": true, "textDocument/linkedEditingRange": true, "textDocument/moniker": true,
	"textDocument/prepareCallHierarchy": true, "textDocument/prepareTypeHierarchy": true,
	"textDocument/inlayHint": true, "textDocument/inlineValue": true,
	"textDocument/willSaveWaitUntil": true, "completionItem/resolve": true,
	"codeLens/resolve": true, "documentLink/resolve": true, "inlayHint/resolve": true,
	"workspace/symbol": true, "workspace/diagnostic": true, "workspace/willCreateFiles": true,
	"workspace/willRenameFiles": true, "workspace/willDeleteFiles": true,
}

// notSupported is the answer to a request method the server does not
// handle.
func notSupported(method string) error {
	if unimplemented[method] {
		return jsonrpc2.Errorf(jsonrpc2.MethodNotFound, "not supported: securecomplete only completes code")
	}
	return jsonrpc2.Errorf(jsonrpc2.MethodNotFound, "unknown method")
}
