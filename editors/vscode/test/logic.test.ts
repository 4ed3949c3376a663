// Tests of the extension's pure logic with Node's test runner (Node 22.18
// or later runs TypeScript directly): node --test test/
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  commandAvailable,
  modelFromToml,
  serverSettings,
  statusText,
  unavailableMessage,
  widenToWord,
  wordStart,
  type Inspected,
} from '../src/logic.ts';

function inspector(set: Record<string, Inspected>) {
  return (key: string) => set[key];
}

test('serverSettings sends only what the user set, in the keys of securecomplete.toml', () => {
  const cases: Array<{ name: string; set: Record<string, Inspected>; want: Record<string, unknown> }> = [
    { name: 'nothing set', set: { model: {}, screen: {} }, want: {} },
    {
      name: 'model and screen',
      set: { model: { globalValue: 'gptj-ft' }, screen: { workspaceValue: 'hide' } },
      want: { completion: { model: 'gptj-ft', screen: 'hide' } },
    },
    {
      name: 'workspace folder wins over user',
      set: { model: { globalValue: 'a', workspaceValue: 'b', workspaceFolderValue: 'c' } },
      want: { completion: { model: 'c' } },
    },
    {
      name: 'a/b and analyzers',
      set: {
        'ab.enabled': { globalValue: false },
        'ab.mode': { globalValue: 'split' },
        'ab.models': { globalValue: ['gptj-pre', 'gptj-ft'] },
        analyzers: { workspaceValue: ['builtin', 'gcc'] },
      },
      want: { ab: { enabled: false, mode: 'split', models: ['gptj-pre', 'gptj-ft'] }, analysis: { analyzers: ['builtin', 'gcc'] } },
    },
    {
      name: 'models replace the file',
      set: { models: { globalValue: [{ name: 'm', base_url: 'http://127.0.0.1:8000/v1' }] } },
      want: { models: [{ name: 'm', base_url: 'http://127.0.0.1:8000/v1' }] },
    },
    { name: 'path and serverArgs are never sent', set: { path: { globalValue: '/x' }, serverArgs: { globalValue: ['-v'] } }, want: {} },
  ];
  for (const c of cases) {
    assert.deepEqual(serverSettings(inspector(c.set)), c.want, c.name);
  }
});

test('commandAvailable follows the server executeCommandProvider list', () => {
  const server = ['securecomplete.accept', 'securecomplete.selectModel'];
  assert.equal(commandAvailable('securecomplete.selectModel', server), true);
  assert.equal(commandAvailable('securecomplete.toggleAB', server), false);
  assert.equal(commandAvailable('securecomplete.abReport', undefined), false);
  assert.equal(commandAvailable('securecomplete.showLog', []), true, 'the log is the extension own');
  assert.equal(commandAvailable('securecomplete.nope', server), false);
  assert.match(unavailableMessage('securecomplete.toggleAB', '0.3.0'), /not available from this server \(securecomplete 0\.3\.0 does not run/);
});

test('statusText', () => {
  const cases = [
    { name: 'no status: configured model, ready', status: undefined, model: 'gptj-ft', text: '$(shield) gptj-ft: ready', warning: false },
    { name: 'no status, no model', status: undefined, model: undefined, text: '$(shield) default model: ready', warning: false },
    { name: 'status names the model', status: { model: 'gptj-pre', healthy: true }, model: 'x', text: '$(shield) gptj-pre ready', warning: false },
    { name: 'a/b hides names', status: { model: 'gptj-pre', ab: { enabled: true } }, model: 'gptj-pre', text: '$(shield) A/B ready', warning: false },
    { name: 'down', status: { model: 'm', healthy: false, health: 'connection refused' }, model: '', text: '$(shield) m $(warning) down', warning: true },
    { name: 'checks running', status: { model: 'm', jobs: { running: 1, pending: 2 } }, model: '', text: '$(shield) m ready $(loading~spin) 3', warning: false },
    { name: 'training', status: { model: 'embedded', training: 'step 40/200' }, model: '', text: '$(shield) embedded $(sync~spin) training', warning: false },
  ];
  for (const c of cases) {
    const got = statusText(c.status, c.model);
    assert.equal(got.text, c.text, c.name);
    assert.equal(got.warning, c.warning, c.name);
  }
  const tip = statusText({ model: 'm', analyzers: { available: ['builtin', 'gcc'], unavailable: ['codeql'] } }, '').tooltip;
  assert.match(tip, /analyzers: builtin, gcc/);
  assert.match(tip, /not installed: codeql/);
  assert.doesNotMatch(statusText({ model: 'gptj-pre', ab: true }, 'gptj-pre').tooltip, /gptj/, 'A/B tooltip is blind');
});

test('modelFromToml reads [completion] model only', () => {
  const toml = '[[models]]\nname = "a"\nmodel = "served"\n\n[completion] # the answering model\nmodel = "a"  # comment\nscreen = "rank"\n';
  assert.equal(modelFromToml(toml), 'a');
  assert.equal(modelFromToml('[[models]]\nmodel = "served"\n'), undefined);
});

test('wordStart and widenToWord', () => {
  assert.equal(wordStart('    str', 7), 4);
  assert.equal(wordStart('    x = ', 8), 8);
  assert.equal(wordStart('a.b_c9', 6), 2);
  const line = '    str';
  assert.deepEqual(widenToWord(line, 'cpy(buf, s);', { start: { line: 3, character: 7 }, end: { line: 3, character: 7 } }), {
    text: 'strcpy(buf, s);',
    range: { start: { line: 3, character: 4 }, end: { line: 3, character: 7 } },
  });
  const blank = { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } };
  assert.deepEqual(widenToWord('  ', 'x', blank), { text: 'x', range: blank });
});
