package lsp

// The protocol this server speaks beyond go.lsp.dev/protocol v0.12.0
// (LSP 3.16): LSP 3.17/3.18 names and types, shapes v0.12.0 gets wrong
// for us, and securecomplete's own accept command. The names follow the
// specification, so that the day the library grows them the swap touches
// this file only.

import (
	"encoding/json"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"securecomplete/analysis"
)

// Methods v0.12.0 does not name.
const (
	MethodInlineCompletion = "textDocument/inlineCompletion" // LSP 3.18
	MethodCancelRequest    = "$/cancelRequest"
)

// Error codes of LSP 3.17 that are not JSON-RPC's own.
const (
	// CodeRequestCancelled answers a request the client cancelled.
	CodeRequestCancelled jsonrpc2.Code = -32800
	// CodeRequestFailed answers a request whose parameters were valid but
	// that failed anyway.
	CodeRequestFailed jsonrpc2.Code = -32803
)

// InlineCompletionParams are the parameters of textDocument/inlineCompletion
// (LSP 3.18).
type InlineCompletionParams struct {
	TextDocument protocol.TextDocumentIdentifier `json:"textDocument"`
	Position     protocol.Position               `json:"position"`
	Context      InlineCompletionContext         `json:"context"`
}

// InlineCompletionContext says how an inline completion was triggered.
type InlineCompletionContext struct {
	TriggerKind InlineCompletionTriggerKind `json:"triggerKind"`
	// SelectedCompletionInfo is set while the editor's completion list is
	// open: the inline completion must extend the selected item.
	SelectedCompletionInfo *SelectedCompletionInfo `json:"selectedCompletionInfo,omitempty"`
}

// InlineCompletionTriggerKind: 1 invoked by the user, 2 automatic.
type InlineCompletionTriggerKind uint32

// The two trigger kinds of LSP 3.18.
const (
	InlineCompletionTriggerInvoked   InlineCompletionTriggerKind = 1
	InlineCompletionTriggerAutomatic InlineCompletionTriggerKind = 2
)

// SelectedCompletionInfo is the completion item selected in the editor's
// list: it would replace Range with Text.
type SelectedCompletionInfo struct {
	Range protocol.Range `json:"range"`
	Text  string         `json:"text"`
}

// InlineCompletionList is the result of textDocument/inlineCompletion.
// (The specification also allows a bare array; this server always sends
// the list form.)
type InlineCompletionList struct {
	Items []InlineCompletionItem `json:"items"`
}

// InlineCompletionItem is one inline (ghost text) completion.
type InlineCompletionItem struct {
	// InsertText replaces Range (the cursor when Range is an empty range).
	InsertText string `json:"insertText"`
	FilterText string `json:"filterText,omitempty"`
	// Range must begin and end on the same line.
	Range *protocol.Range `json:"range,omitempty"`
	// Command runs after the item was inserted.
	Command *protocol.Command `json:"command,omitempty"`
}

// InlineCompletionOptions is the server capability inlineCompletionProvider.
type InlineCompletionOptions struct {
	WorkDoneProgress bool `json:"workDoneProgress,omitempty"`
}

// ServerCapabilities adds LSP 3.18's inlineCompletionProvider to v0.12.0's
// capabilities; the embedded struct's fields are marshalled inline.
type ServerCapabilities struct {
	protocol.ServerCapabilities
	InlineCompletionProvider *InlineCompletionOptions `json:"inlineCompletionProvider,omitempty"`
	DiagnosticProvider       *DiagnosticOptions       `json:"diagnosticProvider,omitempty"`
}

// InitializeResult is the result of initialize.
type InitializeResult struct {
	Capabilities ServerCapabilities   `json:"capabilities"`
	ServerInfo   *protocol.ServerInfo `json:"serverInfo,omitempty"`
}

// InitializeParams holds the fields of initialize this server reads. The
// initializationOptions stay raw JSON for config.ApplyJSON.
type InitializeParams struct {
	ClientInfo            *protocol.ClientInfo       `json:"clientInfo,omitempty"`
	RootPath              string                     `json:"rootPath,omitempty"`
	RootURI               protocol.DocumentURI       `json:"rootUri,omitempty"`
	InitializationOptions json.RawMessage            `json:"initializationOptions,omitempty"`
	WorkspaceFolders      []protocol.WorkspaceFolder `json:"workspaceFolders,omitempty"`
	Capabilities          ClientCapabilities         `json:"capabilities"`
}

// ClientCapabilities holds the client capabilities the server reads.
type ClientCapabilities struct {
	Window *WindowClientCapabilities `json:"window,omitempty"`
}

// WindowClientCapabilities: whether the client shows server-initiated
// progress (window/workDoneProgress/create, then $/progress).
type WindowClientCapabilities struct {
	WorkDoneProgress bool `json:"workDoneProgress,omitempty"`
}

// Work-done progress (LSP 3.15), server-initiated.
const (
	MethodWorkDoneProgressCreate = "window/workDoneProgress/create"
	MethodProgress               = "$/progress"
)

// WorkDoneProgressCreateParams asks the client to make a progress token.
type WorkDoneProgressCreateParams struct {
	Token string `json:"token"`
}

// ProgressParams carries one step of a progress: Value is a
// WorkDoneProgressValue.
type ProgressParams struct {
	Token string                `json:"token"`
	Value WorkDoneProgressValue `json:"value"`
}

// WorkDoneProgressValue is a begin, report or end of a work-done progress.
type WorkDoneProgressValue struct {
	Kind        string `json:"kind"` // "begin", "report", "end"
	Title       string `json:"title,omitempty"`
	Message     string `json:"message,omitempty"`
	Cancellable bool   `json:"cancellable,omitempty"`
}

// TextDocumentContentChangeEvent is one change of didChange. v0.12.0's
// type holds Range by value, which cannot tell a full-text change (no
// range) from an insertion at 0:0.
type TextDocumentContentChangeEvent struct {
	Range       *protocol.Range `json:"range,omitempty"`
	RangeLength uint32          `json:"rangeLength,omitempty"`
	Text        string          `json:"text"`
}

// DidChangeTextDocumentParams are the parameters of textDocument/didChange.
type DidChangeTextDocumentParams struct {
	TextDocument   protocol.VersionedTextDocumentIdentifier `json:"textDocument"`
	ContentChanges []TextDocumentContentChangeEvent         `json:"contentChanges"`
}

// DidChangeConfigurationParams keeps the settings payload raw: it holds
// the same keys as initializationOptions.
type DidChangeConfigurationParams struct {
	Settings json.RawMessage `json:"settings"`
}

// ExecuteCommandParams keeps the arguments raw for strict decoding.
type ExecuteCommandParams struct {
	Command   string            `json:"command"`
	Arguments []json.RawMessage `json:"arguments,omitempty"`
}

// CancelParams keeps the id raw: it is a number or a string.
type CancelParams struct {
	ID json.RawMessage `json:"id"`
}

// CommandAccept is the command every completion item and inline item
// carries: the editor runs it when the user accepts the candidate.
const CommandAccept = "securecomplete.accept"

// AcceptArgs is the one argument of CommandAccept. ID names the request
// and the candidate: "c17/2" is candidate 2 of completion request c17
// ("i" marks inline completion requests). A bare string argument holding
// the id is accepted too.
type AcceptArgs struct {
	ID string `json:"id"`
}

// Pull diagnostics (LSP 3.17).
const MethodTextDocumentDiagnostic = "textDocument/diagnostic"

// DiagnosticOptions is the server capability diagnosticProvider.
type DiagnosticOptions struct {
	Identifier            string `json:"identifier,omitempty"`
	InterFileDependencies bool   `json:"interFileDependencies"`
	WorkspaceDiagnostics  bool   `json:"workspaceDiagnostics"`
}

// DocumentDiagnosticParams are the parameters of textDocument/diagnostic.
type DocumentDiagnosticParams struct {
	TextDocument     protocol.TextDocumentIdentifier `json:"textDocument"`
	Identifier       string                          `json:"identifier,omitempty"`
	PreviousResultID string                          `json:"previousResultId,omitempty"`
}

// FullDocumentDiagnosticReport is the answer to textDocument/diagnostic
// (this server always sends the full kind).
type FullDocumentDiagnosticReport struct {
	Kind     string                `json:"kind"` // "full"
	ResultID string                `json:"resultId,omitempty"`
	Items    []protocol.Diagnostic `json:"items"`
}

// Work-done progress cancellation (LSP 3.15), sent by the client.
const MethodWorkDoneProgressCancel = "window/workDoneProgress/cancel"

// WorkDoneProgressCancelParams names the progress the user cancelled.
type WorkDoneProgressCancelParams struct {
	Token json.RawMessage `json:"token"`
}

// MethodCodeActionResolve fills in a code action's edit (LSP 3.16).
const MethodCodeActionResolve = "codeAction/resolve"

// securecomplete's commands and notification for editor plugins (see the
// README's "In the editor").
const (
	// CommandSelectModel switches the answering model for the session:
	// one argument {"name": "gptj-ft"}.
	CommandSelectModel = "securecomplete.selectModel"
	// CommandAnalyzeFile queues a whole-file check: {"uri": "file:///..."}.
	CommandAnalyzeFile = "securecomplete.analyzeFile"
	// CommandStatus returns a Status.
	CommandStatus = "securecomplete.status"
	// MethodStatus is the notification that carries a Status whenever
	// it changes.
	MethodStatus = "securecomplete/status"
	// CommandToggleAB turns A/B mode on or off for the session and
	// returns an ABState.
	CommandToggleAB = "securecomplete.toggleAB"
	// CommandABReport returns the A/B report, blind (arms only):
	// optional argument {"format": "md"|"html"|"text"|"json"}.
	CommandABReport = "securecomplete.abReport"
)

// DiagnosticData is the data of every securecomplete diagnostic: what the
// code action needs to ask for a secure version.
type DiagnosticData struct {
	// RangeID names the tracked accepted range the finding is in; 0 when
	// it is in code no model wrote (a whole-file check).
	RangeID   uint64       `json:"rangeId,omitempty"`
	CWE       analysis.CWE `json:"cwe"`
	Rule      string       `json:"rule"`
	Analyzers []string     `json:"analyzers"` // every analyzer that reported it, the built-in rules first
	Model     string       `json:"model,omitempty"`
	Fix       string       `json:"fix,omitempty"`
}

// Status is the state of the security loop and of the answering model.
type Status struct {
	Model     string         `json:"model"`   // the answering model ("" none), as the editor may show it
	Healthy   bool           `json:"healthy"` // its endpoint answered its latest request (or has not failed yet)
	Analyzers AnalyzerStatus `json:"analyzers"`
	Pending   int            `json:"pending"` // checks waiting
	Running   int            `json:"running"` // checks running
	Counts    loopCounters   `json:"counts"`
	Tracked   int            `json:"tracked"`      // accepted ranges followed
	AB        *ABState       `json:"ab,omitempty"` // A/B mode, when asked for
}

// AnalyzerStatus lists the configured analyzers that can run and those
// that cannot, with why.
type AnalyzerStatus struct {
	Available   []string            `json:"available"`
	Unavailable []UnavailableReason `json:"unavailable"`
}

// UnavailableReason says why an analyzer cannot run.
type UnavailableReason struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}
