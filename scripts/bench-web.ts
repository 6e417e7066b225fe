/**
 * Measures the web app as people get it: the production build, served from a sub-path, in
 * Chromium. Prints one table:
 *   - keystroke → updated markers (median, p95) at 5 KB and 1 MB, each keystroke toggling an
 *     error, timed inside the page from the keydown event to the marker's DOM change;
 *   - the longest main-thread task while typing (PerformanceObserver 'longtask');
 *   - JavaScript fetched at load, gzip-compressed (node:zlib, level 9): the entry script, the
 *     validation worker with the cloud-config code it loads, and the chunks fetched once the
 *     page is idle.
 * Figures only; nothing here fails on a target. The machine's load average is printed with
 * them: on a shared machine the figures mean little without it.  Run: npm run bench:web
 */
import { chromium, type Page } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { freePort } from '../e2e/free-port';
import { chunkClosure, validationWorker, workerFormats } from './chunk-graph';

const exampleConfig = readFileSync(new URL('../examples/etcd-cluster-node.yaml', import.meta.url), 'utf8');

const PORT = await freePort();
const APP_URL = `http://127.0.0.1:${PORT}/cloud-config-validator/`;
const DIST = 'dist';
const KEYSTROKES = 30;
/** The value each keystroke breaks and mends; it sits near the top, so its marker is on screen. */
const TOGGLED = 'reboot_strategy: etcd-lock';

/** The example config, grown with more write_files entries to about `bytes`. */
function configOfSize(bytes: number): string {
  const parts = [exampleConfig];
  let size = exampleConfig.length;
  for (let i = 0; size < bytes; i++) {
    const file = `  - path: /etc/app/conf.d/${i}.conf\n    permissions: '0644'\n    owner: root\n    content: |\n      setting_${i}=on\n`;
    parts.push(file);
    size += file.length;
  }
  return parts.join('');
}

const gzipSize = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(APP_URL)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start at ${APP_URL}`);
}

/** Loads `text` into the editor and waits for its first validation. */
async function loadText(page: Page, text: string) {
  await page.evaluate((t) => {
    const view = window.__editorView!;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t } });
  }, text);
  await page.waitForFunction(() => !document.querySelector('[data-testid="summary"]')?.textContent?.includes('hecking'));
  await page.waitForTimeout(500);
}

interface TypingFigures {
  latencies: number[];
  longestTask: number;
}

async function measureTyping(page: Page, text: string): Promise<TypingFigures> {
  await loadText(page, text);
  const at = text.indexOf(TOGGLED) + TOGGLED.length;
  await page.evaluate((pos) => {
    const view = window.__editorView!;
    view.dispatch({ selection: { anchor: pos } });
    view.focus();
    // Timestamps taken in the page: keydown, then the mutation that adds or removes the error mark.
    const bench = { keydown: 0, latencies: [] as number[], longestTask: 0, expectError: false };
    (window as unknown as { __bench: typeof bench }).__bench = bench;
    view.contentDOM.addEventListener('keydown', (e) => (bench.keydown = e.timeStamp), true);
    new MutationObserver(() => {
      const hasError = !!view.contentDOM.querySelector('.cm-lintRange-error');
      if (bench.keydown && hasError === bench.expectError) {
        bench.latencies.push(performance.now() - bench.keydown);
        bench.keydown = 0;
      }
    }).observe(view.contentDOM, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longestTask = Math.max(bench.longestTask, entry.duration);
    }).observe({ type: 'longtask' });
  }, at);

  for (let i = 0; i < KEYSTROKES; i++) {
    const breaking = i % 2 === 0;
    await page.evaluate((b) => ((window as unknown as { __bench: { expectError: boolean } }).__bench.expectError = b), breaking);
    await page.keyboard.press(breaking ? 'x' : 'Backspace');
    await page.waitForFunction((n) => (window as unknown as { __bench: { latencies: number[] } }).__bench.latencies.length > n, i, {
      timeout: 30_000,
    });
    await page.waitForTimeout(50);
  }
  return page.evaluate(() => {
    const { latencies, longestTask } = (window as unknown as { __bench: TypingFigures }).__bench;
    return { latencies, longestTask };
  });
}

async function main() {
  console.log('Building…');
  execFileSync('npx', ['vite', 'build', '--outDir', DIST, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
  const server = spawn(process.execPath, ['e2e/serve.mjs', String(PORT), DIST], { stdio: 'ignore' });
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    await waitForServer();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const fetchedJs = new Set<string>();
    page.on('response', (r) => {
      if (r.url().endsWith('.js')) fetchedJs.add(r.url().slice(APP_URL.length));
    });
    await page.goto(APP_URL);
    // A busy machine can take far longer than Playwright's default 30 s to build the first result.
    await page.waitForFunction(() => /Valid|error|warning/.test(document.querySelector('[data-testid="summary"]')?.textContent ?? ''), undefined, {
      timeout: 180_000,
    });
    await page.waitForTimeout(1000);

    // The entry script (from index.html) and the worker are needed to show the first result;
    // the hover and completion chunks are fetched afterwards, when the page is idle.
    const entry = new Set([...readFileSync(join(DIST, 'index.html'), 'utf8').matchAll(/src="\.\/([^"]+\.js)"/g)].map((m) => m[1]));
    // The worker's own chunks: its entry and the cloud-config code it loads for the example.
    const workerEntry = validationWorker(DIST)!;
    const workerChunks = chunkClosure(DIST, workerEntry);
    for (const { file, name } of workerFormats(DIST, workerEntry)) if (name === 'cloud-config') chunkClosure(DIST, file, workerChunks);
    const loaded = [...fetchedJs].map((file) => ({
      file,
      gzip: gzipSize(join(DIST, file)),
      role: entry.has(file) ? 'entry' : workerChunks.has(file) ? 'worker' : 'idle',
    }));
    const total = (role: string) => loaded.filter((f) => f.role === role).reduce((n, f) => n + f.gzip, 0);
    const allJs = readdirSync(join(DIST, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .reduce((n, f) => n + gzipSize(join(DIST, 'assets', f)), 0);

    const loadBefore = loadavg()[0];
    const small = await measureTyping(page, configOfSize(5 * 1024));
    const large = await measureTyping(page, configOfSize(1024 * 1024));
    const loadAfter = loadavg()[0];

    const rows: [string, string, string, string][] = [
      ['', '5 KB config', '1 MB config', 'target'],
      ['keystroke → markers, median', ms(percentile(small.latencies, 50)), ms(percentile(large.latencies, 50)), ''],
      ['keystroke → markers, p95', ms(percentile(small.latencies, 95)), ms(percentile(large.latencies, 95)), '≤ 16 ms / ≤ 250 ms'],
      ['longest main-thread task while typing', ms(small.longestTask), ms(large.longestTask), '< 50 ms'],
    ];
    const width = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    const line = (r: string[]) => r.map((cell, c) => cell.padEnd(width[c])).join('  ');
    console.log(`\nTyping (${KEYSTROKES} keystrokes each, Chromium, production build)`);
    console.log(`Load average (1 min) on ${cpus().length} cores: ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after\n`);
    for (const r of rows) console.log(line(r));
    console.log(`\nJavaScript fetched (gzip)  target: first load on the main thread < 250 KB\n`);
    for (const f of loaded) console.log(`  ${f.file.padEnd(44)} ${kb(f.gzip).padStart(9)}  ${f.role}`);
    console.log(`  ${'first load, main thread (entry)'.padEnd(44)} ${kb(total('entry')).padStart(9)}`);
    console.log(`  ${'first load, validation worker'.padEnd(44)} ${kb(total('worker')).padStart(9)}`);
    console.log(`  ${'after load, when idle (hover, completion)'.padEnd(44)} ${kb(total('idle')).padStart(9)}`);
    console.log(`  ${'all built JS'.padEnd(44)} ${kb(allJs).padStart(9)}`);
  } finally {
    await browser.close();
    server.kill();
  }
}

await main();
