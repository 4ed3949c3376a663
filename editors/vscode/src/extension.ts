// securecomplete for VS Code: starts `securecomplete lsp` for C and C++,
// shows its inline completions as ghost text (Tab accepts, and the
// server's accept command runs), its classic completion items,
// diagnostics and code actions (through vscode-languageclient), a status
// bar item, and the palette commands of the security loop and A/B mode.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';

import {
  Status,
  commandAvailable,
  modelFromToml,
  paletteCommands,
  serverSettings,
  statusText,
  unavailableMessage,
  widenToWord,
} from './logic';

const section = 'securecomplete';
const selector = [
  { scheme: 'file', language: 'c' },
  { scheme: 'file', language: 'cpp' },
  { scheme: 'untitled', language: 'c' },
  { scheme: 'untitled', language: 'cpp' },
];

interface LspInlineItem {
  insertText: string | { value: string };
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
  command?: { title: string; command: string; arguments?: unknown[] };
}

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let statusItem: vscode.StatusBarItem;
let lastStatus: Status | undefined;
let serverCommands: string[] = [];
let serverVersion: string | undefined;

export async function activate(ctx: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('securecomplete');
  statusItem = vscode.window.createStatusBarItem('securecomplete.status', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = 'securecomplete';
  statusItem.command = 'securecomplete.selectModel';
  ctx.subscriptions.push(output, statusItem);

  ctx.subscriptions.push(
    vscode.commands.registerCommand('securecomplete.showLog', () => output.show(true)),
    vscode.commands.registerCommand('securecomplete.selectModel', selectModel),
    vscode.commands.registerCommand('securecomplete.toggleAB', toggleAB),
    vscode.commands.registerCommand('securecomplete.analyzeFile', analyzeFile),
    vscode.commands.registerCommand('securecomplete.abReport', () => abReport(ctx)),
    vscode.languages.registerInlineCompletionItemProvider(selector, { provideInlineCompletionItems }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration(section)) {
        return;
      }
      if (e.affectsConfiguration(`${section}.path`) || e.affectsConfiguration(`${section}.serverArgs`)) {
        await restart(ctx);
        return;
      }
      client?.sendNotification('workspace/didChangeConfiguration', { settings: settingsNow() });
      showStatus();
    }),
  );
  await start(ctx);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

function settingsNow(): Record<string, unknown> {
  const cfg = vscode.workspace.getConfiguration(section);
  return serverSettings((key) => cfg.inspect(key));
}

// resolveBinary finds the configured binary: a path as given, a bare name
// on PATH. It returns undefined when there is none.
function resolveBinary(bin: string): string | undefined {
  const executable = (p: string) => {
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  };
  if (bin.includes('/') || bin.includes('\\')) {
    const abs = path.isAbsolute(bin) ? bin : path.resolve(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '.', bin);
    return executable(abs) ? abs : undefined;
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && executable(path.join(dir, bin))) {
      return path.join(dir, bin);
    }
  }
  return undefined;
}

// Restarts after a crash, with backoff: 1 s, 2 s, 4 s, 8 s, 16 s, then
// the user is told and the server stays down until the window reloads or
// the path changes.
const maxRestarts = 5;
let crashes: number[] = [];

async function start(ctx: vscode.ExtensionContext): Promise<void> {
  const cfg = vscode.workspace.getConfiguration(section);
  const bin = cfg.get<string>('path') || 'securecomplete';
  const resolved = resolveBinary(bin);
  if (!resolved) {
    const msg = `securecomplete: the binary "${bin}" was not found${bin.includes('/') ? '' : ' on PATH'}; install securecomplete or set securecomplete.path.`;
    output.appendLine(msg);
    statusItem.text = '$(error) securecomplete: no binary';
    statusItem.tooltip = msg;
    statusItem.show();
    const pick = await vscode.window.showErrorMessage(msg, 'Open Settings');
    if (pick) {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'securecomplete.path');
    }
    return;
  }
  const args = [...(cfg.get<string[]>('serverArgs') ?? []), 'lsp'];
  const serverOptions: ServerOptions = { command: resolved, args };
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    outputChannel: output,
    initializationOptions: settingsNow(),
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: async () => {
        const now = Date.now();
        crashes = crashes.filter((t) => now - t < 5 * 60_000);
        crashes.push(now);
        if (crashes.length > maxRestarts) {
          const msg = `securecomplete: the server exited ${crashes.length} times in 5 minutes and will not be restarted; see securecomplete: Show the server log.`;
          statusItem.text = '$(error) securecomplete: stopped';
          statusItem.tooltip = msg;
          return { action: CloseAction.DoNotRestart, message: msg };
        }
        const wait = 1000 * 2 ** (crashes.length - 1);
        output.appendLine(`securecomplete: the server exited; restarting in ${wait / 1000} s`);
        statusItem.text = '$(sync~spin) securecomplete: restarting';
        await new Promise((r) => setTimeout(r, wait));
        return { action: CloseAction.Restart, handled: true };
      },
    },
  };
  client = new LanguageClient('securecomplete', 'securecomplete', serverOptions, clientOptions);
  keepPaletteCommands(client);
  client.onDidChangeState((e) => {
    if (e.newState === State.Running) {
      readCapabilities();
      showStatus();
    }
  });
  ctx.subscriptions.push(
    client.onNotification('securecomplete/status', (s: Status) => {
      lastStatus = s;
      showStatus();
    }),
  );
  try {
    await client.start();
  } catch (err) {
    const msg = `securecomplete: ${resolved} lsp did not start: ${err instanceof Error ? err.message : String(err)}`;
    output.appendLine(msg);
    statusItem.text = '$(error) securecomplete';
    statusItem.tooltip = msg;
    statusItem.show();
    void vscode.window.showErrorMessage(msg);
    return;
  }
  readCapabilities();
  if (serverCommands.includes('securecomplete.status')) {
    try {
      lastStatus = (await client.sendRequest(ExecuteCommandRequest.type, { command: 'securecomplete.status', arguments: [] })) as Status;
    } catch (err) {
      output.appendLine(`securecomplete.status: ${String(err)}`);
    }
  }
  showStatus();
}

async function restart(ctx: vscode.ExtensionContext): Promise<void> {
  const old = client;
  client = undefined;
  lastStatus = undefined;
  crashes = [];
  await old?.stop().catch(() => undefined);
  await start(ctx);
}

// keepPaletteCommands stops vscode-languageclient from registering the
// server commands that are also palette commands of this extension (it
// registers every command the server lists, which would collide): the
// palette commands call the server themselves.
function keepPaletteCommands(c: LanguageClient): void {
  const feature = c.getFeature(ExecuteCommandRequest.method) as unknown as {
    register(data: { id: string; registerOptions: { commands?: string[] } }): void;
  };
  const register = feature.register.bind(feature);
  feature.register = (data) => {
    const commands = (data.registerOptions.commands ?? []).filter((cmd) => !(cmd in paletteCommands));
    register({ ...data, registerOptions: { ...data.registerOptions, commands } });
  };
}

function readCapabilities(): void {
  const init = client?.initializeResult;
  serverCommands = init?.capabilities.executeCommandProvider?.commands ?? [];
  serverVersion = init?.serverInfo?.version;
}

function configuredModel(): string | undefined {
  const m = vscode.workspace.getConfiguration(section).get<string>('model');
  if (m) {
    return m;
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== 'file') {
    return undefined;
  }
  try {
    return modelFromToml(fs.readFileSync(path.join(folder.uri.fsPath, 'securecomplete.toml'), 'utf8'));
  } catch {
    return undefined;
  }
}

function showStatus(): void {
  if (!client || client.state !== State.Running) {
    return;
  }
  const s = statusText(lastStatus, configuredModel());
  statusItem.text = s.text;
  statusItem.tooltip = s.tooltip;
  statusItem.backgroundColor = s.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  statusItem.show();
}

// provideInlineCompletionItems asks the server's textDocument/inlineCompletion
// (LSP 3.18) and gives VS Code each item with a range from the start of the
// typed word: an item whose range starts at the cursor would be inserted
// after what was typed.
async function provideInlineCompletionItems(
  doc: vscode.TextDocument,
  pos: vscode.Position,
  ictx: vscode.InlineCompletionContext,
  token: vscode.CancellationToken,
): Promise<vscode.InlineCompletionItem[] | undefined> {
  const c = client;
  if (!c || c.state !== State.Running) {
    return undefined;
  }
  const sel = ictx.selectedCompletionInfo;
  const params = {
    textDocument: { uri: c.code2ProtocolConverter.asUri(doc.uri) },
    position: { line: pos.line, character: pos.character },
    context: {
      triggerKind: ictx.triggerKind === vscode.InlineCompletionTriggerKind.Invoke ? 1 : 2,
      selectedCompletionInfo: sel ? { range: c.code2ProtocolConverter.asRange(sel.range), text: sel.text } : undefined,
    },
  };
  let res: { items?: LspInlineItem[] } | LspInlineItem[] | null;
  try {
    res = await c.sendRequest('textDocument/inlineCompletion', params, token);
  } catch (err) {
    if (!token.isCancellationRequested) {
      output.appendLine(`textDocument/inlineCompletion: ${err instanceof Error ? err.message : String(err)}`);
    }
    return undefined;
  }
  if (token.isCancellationRequested || !res) {
    return undefined;
  }
  const items = Array.isArray(res) ? res : (res.items ?? []);
  const line = doc.lineAt(pos.line).text;
  return items.map((it) => {
    const text = typeof it.insertText === 'string' ? it.insertText : it.insertText.value;
    const r = it.range ?? { start: { line: pos.line, character: pos.character }, end: { line: pos.line, character: pos.character } };
    const w = r.start.line === pos.line && r.end.line === pos.line ? widenToWord(line, text, r) : { text, range: r };
    const item = new vscode.InlineCompletionItem(
      w.text,
      new vscode.Range(w.range.start.line, w.range.start.character, w.range.end.line, w.range.end.character),
    );
    if (it.command) {
      // securecomplete.accept: vscode-languageclient registered it from the
      // server's executeCommandProvider; VS Code runs it on acceptance.
      item.command = { title: it.command.title, command: it.command.command, arguments: it.command.arguments };
    }
    return item;
  });
}

// runServer runs a palette command's server command, or says it is not
// available from this server.
async function runServer(id: string, args: unknown[]): Promise<unknown> {
  if (!client || client.state !== State.Running) {
    void vscode.window.showWarningMessage('securecomplete: the server is not running; see securecomplete: Show the server log.');
    return undefined;
  }
  if (!commandAvailable(id, serverCommands)) {
    void vscode.window.showInformationMessage(unavailableMessage(id, serverVersion));
    return undefined;
  }
  try {
    return await client.sendRequest(ExecuteCommandRequest.type, { command: paletteCommands[id], arguments: args });
  } catch (err) {
    void vscode.window.showErrorMessage(`securecomplete: ${id}: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

function modelNames(): string[] {
  const names = new Set<string>();
  const models = vscode.workspace.getConfiguration(section).get<Array<{ name?: string }>>('models') ?? [];
  for (const m of models) {
    if (m.name) {
      names.add(m.name);
    }
  }
  const st = lastStatus as { models?: string[] } | undefined;
  for (const n of st?.models ?? []) {
    names.add(n);
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder?.uri.scheme === 'file') {
    try {
      const toml = fs.readFileSync(path.join(folder.uri.fsPath, 'securecomplete.toml'), 'utf8');
      for (const m of toml.matchAll(/^\s*name\s*=\s*"([^"]+)"/gm)) {
        names.add(m[1]);
      }
    } catch {
      // no workspace file
    }
  }
  return [...names];
}

async function selectModel(): Promise<void> {
  if (!commandAvailable('securecomplete.selectModel', serverCommands)) {
    void vscode.window.showInformationMessage(unavailableMessage('securecomplete.selectModel', serverVersion));
    return;
  }
  const name = await vscode.window.showQuickPick(modelNames(), { placeHolder: 'The model that answers completions' });
  if (name) {
    await runServer('securecomplete.selectModel', [{ name }]);
  }
}

async function toggleAB(): Promise<void> {
  const res = (await runServer('securecomplete.toggleAB', [])) as { enabled?: boolean } | undefined;
  if (res && typeof res.enabled === 'boolean') {
    void vscode.window.showInformationMessage(`securecomplete: A/B mode ${res.enabled ? 'on' : 'off'}`);
  }
}

async function analyzeFile(): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc) {
    void vscode.window.showInformationMessage('securecomplete: open a C or C++ file to analyze it');
    return;
  }
  await runServer('securecomplete.analyzeFile', [{ uri: doc.uri.toString() }]);
}

function escapeHTML(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

async function abReport(ctx: vscode.ExtensionContext): Promise<void> {
  const res = (await runServer('securecomplete.abReport', [{ format: 'html' }])) as
    | string
    | { html?: string; markdown?: string; text?: string }
    | undefined;
  if (res === undefined || res === null) {
    return;
  }
  let html: string;
  if (typeof res === 'string') {
    html = res.trimStart().startsWith('<') ? res : `<pre>${escapeHTML(res)}</pre>`;
  } else {
    html = res.html ?? `<pre>${escapeHTML(res.markdown ?? res.text ?? JSON.stringify(res, null, 2))}</pre>`;
  }
  const panel = vscode.window.createWebviewPanel('securecomplete.abReport', 'securecomplete A/B report', vscode.ViewColumn.Beside, {
    enableScripts: false,
  });
  panel.webview.html = html;
  ctx.subscriptions.push(panel);
}
