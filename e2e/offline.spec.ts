import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './test';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configWithProblems } from './fixtures';
import { editorText, expectedProblems, openApp, pasteText, shownProblems } from './helpers';

/**
 * What would break the promises, for a context the test makes itself (the shared fixture in
 * ./test.ts watches the default one): requests to other origins, console errors.
 */
function watch(context: BrowserContext, page: Page, origin: string) {
  const foreign: string[] = [];
  const problems: string[] = [];
  context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return { foreign, problems };
}

/** Waits until the service worker has its copy of the app and is in charge. */
const offlineReady = (page: Page) => page.evaluate(() => navigator.serviceWorker.ready.then((r) => !!r.active));

test('after one visit the app loads, validates, explains and opens share links with no network', async ({ page, context }) => {
  await openApp(page);
  expect(await offlineReady(page)).toBe(true);
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page).toHaveURL(/#v2\./);
  const exampleLink = page.url();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('summary')).toHaveText(/^Valid cloud-config/);
  await pasteText(page, configWithProblems);
  await expect.poll(() => shownProblems(page)).toEqual(expectedProblems(configWithProblems, 'all'));
  // Code that loads on demand is there too.
  await page.getByRole('button', { name: 'Help for rule unknown-key' }).click();
  await expect(page.getByRole('dialog')).toContainText('Unknown key');
  await page.keyboard.press('Escape');
  // So is each format's code, which the worker fetches the first time it meets that format.
  const ignition = '{ "ignition": { "version": "3.4.0" }, "storage": { "files": [{ "path": "etc/x" }] } }';
  await pasteText(page, ignition);
  await expect.poll(() => shownProblems(page)).toEqual(expectedProblems(ignition, 'all'));
  await pasteText(page, 'variant: flatcar\nversion: 1.1.0\n');
  await expect(page.getByTestId('summary')).toHaveText('Valid Butane config');

  const draft = await editorText(page);
  await page.goto('about:blank');
  await page.goto(exampleLink);
  await expect(page.getByTestId('status')).toContainText('Opened a shared config');
  await expect.poll(() => editorText(page)).not.toBe(draft);
  await expect(page.getByTestId('summary')).toHaveText(/^Valid cloud-config/);
});

test('a new build is picked up on the next visit, with a quiet notice', async ({ browser }) => {
  test.setTimeout(120_000);
  // A copy of the build on its own server, which the test then "deploys" anew.
  const root = mkdtempSync(join(tmpdir(), 'ccv-update-'));
  cpSync('dist', root, { recursive: true });
  const port = 4187;
  const server = spawn(process.execPath, ['e2e/serve.mjs', String(port), root], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/cloud-config-validator/`;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const seen = watch(context, page, `http://127.0.0.1:${port}`);
    await expect.poll(() => fetch(url).then((r) => r.ok, () => false)).toBe(true);
    await openApp(page, url);
    expect(await offlineReady(page)).toBe(true);

    // The new build: its entry script has a new name, which every file that names it follows.
    const entry = /assets\/(index-[\w-]+\.js)/.exec(readFileSync(join(root, 'index.html'), 'utf8'))![1];
    const renamed = entry.replace('index-', 'index-next');
    for (const file of ['index.html', 'sw.js', ...readdirSync(join(root, 'assets')).map((f) => `assets/${f}`)]) {
      const path = join(root, file);
      if (!/\.(html|js)$/.test(file)) continue;
      writeFileSync(path, readFileSync(path, 'utf8').replaceAll(entry, renamed));
    }
    cpSync(join(root, 'assets', entry), join(root, 'assets', renamed));
    rmSync(join(root, 'assets', entry));

    // The next visit still runs the build it has, and the browser fetches the new one meanwhile.
    await openApp(page, url);
    await expect(page.getByTestId('status')).not.toContainText('updated');
    await expect
      .poll(() => page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (k) => (await caches.open(k)).keys()))).flat().map((r) => r.url)))
      .toContainEqual(expect.stringContaining(renamed));
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBe(null);

    // The visit after that runs the new build and says so, once.
    await openApp(page, url);
    expect(await page.evaluate(() => [...document.scripts].map((s) => s.src).join(' '))).toContain(renamed);
    await expect(page.getByTestId('status')).toContainText('The validator was updated since your last visit.');
    await openApp(page, url);
    await expect(page.getByTestId('status')).not.toContainText('updated');
    expect(seen.foreign).toEqual([]);
    expect(seen.problems).toEqual([]);
  } finally {
    await context.close();
    server.kill();
    rmSync(root, { recursive: true, force: true });
  }
});
