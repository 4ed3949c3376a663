// The extension's pure logic, without the vscode module, so that Node's
// test runner checks it (test/logic.test.ts): which settings are sent to
// the server, the status bar text, which palette commands the server runs,
// and the range of a ghost-text item.

// Inspected is what vscode.WorkspaceConfiguration.inspect returns for one
// key: a value is "set" when the user put it in some settings file.
export interface Inspected {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
  globalLanguageValue?: unknown;
  workspaceLanguageValue?: unknown;
  workspaceFolderLanguageValue?: unknown;
}

// settingKeys maps each securecomplete.* setting sent to the server to its
// place among the keys of securecomplete.toml (which are also the keys of
// initializationOptions and of didChangeConfiguration's settings).
// securecomplete.path and securecomplete.serverArgs start the server and
// are not sent.
export const settingKeys: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['models', ['models']],
  ['model', ['completion', 'model']],
  ['screen', ['completion', 'screen']],
  ['analyzers', ['analysis', 'analyzers']],
  ['ab.enabled', ['ab', 'enabled']],
  ['ab.models', ['ab', 'models']],
  ['ab.mode', ['ab', 'mode']],
];

// userValue is the value the user set, the most specific one winning, or
// undefined when the key holds only its default.
export function userValue(i: Inspected | undefined): unknown {
  if (!i) {
    return undefined;
  }
  for (const v of [
    i.workspaceFolderLanguageValue,
    i.workspaceFolderValue,
    i.workspaceLanguageValue,
    i.workspaceValue,
    i.globalLanguageValue,
    i.globalValue,
  ]) {
    if (v !== undefined) {
      return v;
    }
  }
  return undefined;
}

// serverSettings builds the initializationOptions (and the
// didChangeConfiguration settings) from the settings the user set: the
// ones left at their defaults are not sent, so a workspace
// securecomplete.toml still applies to them. inspect(key) reads
// securecomplete.<key>.
export function serverSettings(inspect: (key: string) => Inspected | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, path] of settingKeys) {
    const v = userValue(inspect(key));
    if (v === undefined) {
      continue;
    }
    let node = out;
    for (const part of path.slice(0, -1)) {
      if (typeof node[part] !== 'object' || node[part] === null) {
        node[part] = {};
      }
      node = node[part] as Record<string, unknown>;
    }
    node[path[path.length - 1]] = v;
  }
  return out;
}

// The palette commands, and the server command each one needs (empty:
// the extension does it alone).
export const paletteCommands: Readonly<Record<string, string>> = {
  'securecomplete.selectModel': 'securecomplete.selectModel',
  'securecomplete.toggleAB': 'securecomplete.toggleAB',
  'securecomplete.analyzeFile': 'securecomplete.analyzeFile',
  'securecomplete.abReport': 'securecomplete.abReport',
  'securecomplete.showLog': '',
};

// commandAvailable says whether the palette command id can run against a
// server that listed serverCommands (executeCommandProvider.commands).
export function commandAvailable(id: string, serverCommands: readonly string[] | undefined): boolean {
  const need = paletteCommands[id];
  if (need === undefined) {
    return false;
  }
  return need === '' || (serverCommands ?? []).includes(need);
}

// unavailableMessage is what the user reads when a palette command needs
// a server command this server does not run.
export function unavailableMessage(id: string, serverVersion: string | undefined): string {
  const server = serverVersion ? `securecomplete ${serverVersion}` : 'this securecomplete server';
  return `securecomplete: ${id} is not available from this server (${server} does not run the ${paletteCommands[id] || id} command; update the securecomplete binary).`;
}

// Status is the securecomplete/status notification's parameters (and the
// result of the securecomplete.status command), read leniently: every
// field is optional.
export interface Status {
  model?: string;
  ab?: boolean | { enabled?: boolean; mode?: string };
  healthy?: boolean;
  health?: string;
  training?: string;
  analyzers?: { available?: string[]; unavailable?: string[] } | string[];
  jobs?: { pending?: number; running?: number };
  pending?: number;
  running?: number;
}

export interface StatusText {
  text: string;
  tooltip: string;
  warning: boolean;
}

function abOn(s: Status): boolean {
  return s.ab === true || (typeof s.ab === 'object' && s.ab !== null && s.ab.enabled === true);
}

// statusText is the status bar item: from the server's status when it sent
// one, else the model named by the configuration and "ready".
export function statusText(status: Status | undefined, configuredModel: string | undefined): StatusText {
  if (!status) {
    const model = configuredModel || 'default model';
    return { text: `$(shield) ${model}: ready`, tooltip: `securecomplete: ${model} answers; ready`, warning: false };
  }
  const who = abOn(status) ? 'A/B' : status.model || configuredModel || 'no model';
  const parts = [`$(shield) ${who}`];
  const tips = [abOn(status) ? 'securecomplete: A/B mode (blind)' : `securecomplete: ${who} answers`];
  let warning = false;
  if (status.training) {
    parts.push('$(sync~spin) training');
    tips.push(`embedded model: ${status.training}`);
  } else if (status.healthy === false) {
    parts.push('$(warning) down');
    tips.push(`model endpoint: ${status.health || 'not answering'}`);
    warning = true;
  } else {
    parts.push('ready');
    if (status.health) {
      tips.push(`model endpoint: ${status.health}`);
    }
  }
  const running = status.jobs?.running ?? status.running ?? 0;
  const pending = status.jobs?.pending ?? status.pending ?? 0;
  if (running + pending > 0) {
    parts.push(`$(loading~spin) ${running + pending}`);
    tips.push(`checks: ${running} running, ${pending} pending`);
  }
  const a = status.analyzers;
  if (Array.isArray(a)) {
    tips.push(`analyzers: ${a.join(', ') || 'none'}`);
  } else if (a) {
    tips.push(`analyzers: ${(a.available ?? []).join(', ') || 'none'}`);
    if (a.unavailable?.length) {
      tips.push(`not installed: ${a.unavailable.join(', ')}`);
    }
  }
  return { text: parts.join(' '), tooltip: tips.join('\n'), warning };
}

// modelFromToml reads [completion] model from a securecomplete.toml, for
// the status bar before the server sends its status. It reads only
// `model = "..."` under [completion]; anything else is the server's job.
export function modelFromToml(text: string): string | undefined {
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header) {
      section = header[1];
      continue;
    }
    const kv = /^model\s*=\s*"([^"]*)"$/.exec(line);
    if (kv && section === 'completion') {
      return kv[1];
    }
  }
  return undefined;
}

// wordStart is the UTF-16 column where the identifier ending at col starts
// in line: VS Code shows an inline item only when its range covers the
// word typed so far.
export function wordStart(line: string, col: number): number {
  let i = Math.min(col, line.length);
  while (i > 0 && /[A-Za-z0-9_]/.test(line[i - 1])) {
    i--;
  }
  return i;
}

// Pos and Range mirror the LSP shapes (0-based line, UTF-16 character).
export interface Pos {
  line: number;
  character: number;
}
export interface Range {
  start: Pos;
  end: Pos;
}

// widenToWord extends a server inline item (text replacing range, on the
// cursor's line) to start at the start of the typed word: the word's
// characters before range.start are put in front of the text.
export function widenToWord(line: string, text: string, range: Range): { text: string; range: Range } {
  const ws = wordStart(line, range.start.character);
  if (ws >= range.start.character) {
    return { text, range };
  }
  return {
    text: line.slice(ws, range.start.character) + text,
    range: { start: { line: range.start.line, character: ws }, end: range.end },
  };
}
