// Drives a real VS Code (code-server, already running on loopback) through
// Debian's chromium with playwright-core, for editors/vscode/vscode_test.go:
// opens the C file, types inside a function, reads the ghost text, accepts
// it with Tab, reads the status bar, then measures keystroke latency while
// a slow model request is pending, and accepts a vulnerable candidate to
// read its CWE in the Problems panel. It prints one JSON object on stdout.
//
// Environment: SC_URL (code-server with ?folder=...), SC_FILE (the file
// name in the Explorer), SC_LINE (0-based line to type on), SC_TYPE (what
// to type), SC_SLOW_TYPE (what to type on the next line, the model being
// slow there), SC_VULN_TYPE (typed on the line after, the model answering a
// vulnerable candidate), SC_OUT (screenshots), SC_CHROMIUM (the browser).
import { chromium } from 'playwright-core';

const env = (k) => {
  const v = process.env[k];
  if (v === undefined) {
    throw new Error(`${k} is not set`);
  }
  return v;
};

const result = { steps: [] };
const t0 = Date.now();
const step = (name) => result.steps.push({ name, ms: Date.now() - t0 });

const browser = await chromium.launch({ executablePath: env('SC_CHROMIUM'), args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(60_000);
  await page.goto(env('SC_URL'));
  await page.waitForSelector('.monaco-workbench');
  step('workbench');
  await page.click(`.explorer-folders-view >> text=${env('SC_FILE')}`);
  await page.waitForSelector('.monaco-editor .view-line');
  step('file open');
  // Wait for the extension: its status bar item appears once the server runs.
  await page.waitForFunction(
    () => [...document.querySelectorAll('.statusbar-item')].some((e) => /ready|down|training/.test(e.textContent ?? '')),
    undefined,
    { timeout: 60_000 },
  );
  step('server running');
  result.status = await page.$$eval('.statusbar-item', (els) => els.map((e) => (e.textContent ?? '').trim()).filter((t) => t));

  const line = Number(env('SC_LINE'));
  await page.click(`.monaco-editor .view-line >> nth=${line}`);
  await page.keyboard.press('End');
  const typed = env('SC_TYPE');
  const ghostSel = '.monaco-editor .ghost-text-decoration, .monaco-editor .ghost-text-decoration-preview, .monaco-editor .ghost-text';
  // The first character, its ghost text, then the next characters of the
  // candidate typed through it (the server answers those from its cache).
  await page.keyboard.type(typed.slice(0, 1));
  try {
    await page.waitForSelector(ghostSel, { timeout: 30_000 });
    result.firstGhost = await page.$$eval(ghostSel, (els) => els.map((e) => e.textContent ?? ''));
  } catch (err) {
    result.ghostError = String(err);
  }
  await page.keyboard.type(typed.slice(1), { delay: 150 });
  step('typed');
  try {
    await page.waitForSelector(ghostSel, { timeout: 30_000 });
    // the ghost text settles once the last keystroke's answer is shown
    await page.waitForTimeout(500);
  } catch (err) {
    result.ghostError = String(err);
  }
  result.ghost = await page.$$eval(ghostSel, (els) => els.map((e) => e.textContent ?? ''));
  await page.screenshot({ path: `${env('SC_OUT')}/vscode-ghost.png` });
  step('ghost');
  await page.keyboard.press('Tab');
  await page.waitForTimeout(1000);
  result.lines = await page.$$eval('.monaco-editor .view-line', (els) => els.map((e) => (e.textContent ?? '').replace(/\u00a0/g, ' ')));
  await page.screenshot({ path: `${env('SC_OUT')}/vscode-accepted.png` });
  step('accepted');

  // Keystroke latency while the model takes seconds: each key's character
  // must reach the editor's DOM while the inline request is pending.
  const slow = process.env.SC_SLOW_TYPE ?? '';
  if (slow) {
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    const latencies = [];
    let sofar = '';
    for (const ch of slow) {
      sofar += ch;
      const start = performance.now();
      await page.keyboard.type(ch);
      await page.waitForFunction(
        // the typed text, without the ghost text drawn inside the line
        (want) =>
          [...document.querySelectorAll('.monaco-editor .view-line')].some((e) => {
            const c = e.cloneNode(true);
            c.querySelectorAll('[class*="ghost-text"]').forEach((g) => g.remove());
            return (c.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd().endsWith(want.trimEnd());
          }),
        sofar,
        { timeout: 10_000, polling: 'raf' },
      );
      latencies.push(performance.now() - start);
      await page.waitForTimeout(150);
    }
    result.keystrokeMs = latencies;
    step('slow typing');
  }

  // A vulnerable candidate accepted on a line of its own: the server's
  // background check puts its CWE in the Problems panel.
  const vuln = process.env.SC_VULN_TYPE ?? '';
  if (vuln) {
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(vuln, { delay: 150 });
    try {
      await page.waitForSelector(ghostSel, { timeout: 30_000 });
      await page.waitForTimeout(500);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Control+Shift+M');
      await page.waitForFunction(
        () => [...document.querySelectorAll('.markers-panel .monaco-list-row')].some((e) => /CWE-/.test(e.textContent ?? '')),
        undefined,
        { timeout: 30_000 },
      );
    } catch (err) {
      result.problemsError = String(err);
    }
    result.problems = await page.$$eval('.markers-panel .monaco-list-row', (els) => els.map((e) => (e.textContent ?? '').trim()));
    await page.screenshot({ path: `${env('SC_OUT')}/vscode-problems.png` });
    step('problems');
  }
} catch (err) {
  result.error = String(err?.stack ?? err);
  try {
    const page = browser.contexts()[0]?.pages()[0];
    if (page) {
      result.errorLines = await page.$$eval('.monaco-editor .view-line', (els) => els.map((e) => e.innerHTML));
      await page.screenshot({ path: `${env('SC_OUT')}/vscode-error.png` });
    }
  } catch {
    // the page is gone
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(result) + '\n');
