/**
 * Writes the README screenshots from the production build:
 *   docs/screenshot.png           the example config (light theme)
 *   docs/screenshot-findings.png  a config with problems, one explained (dark theme)
 *   docs/screenshot-narrow.png    the problems tab on a 400 px wide screen (dark theme)
 * Run: npx vite build --outDir dist && npx tsx e2e/screenshots.ts
 */
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { chromiumLaunchOptions } from './chromium';
import { configWithProblems } from './fixtures';
import { freePort } from './free-port';

const PORT = await freePort();
const APP_URL = `http://127.0.0.1:${PORT}/cloud-config-validator/`;

const server = spawn(process.execPath, ['e2e/serve.mjs', String(PORT), 'dist'], { stdio: 'ignore' });
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  await new Promise((r) => setTimeout(r, 500));
  const light = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  await light.goto(APP_URL);
  await light.getByText(/^Valid cloud-config/).waitFor();
  await light.screenshot({ path: 'docs/screenshot.png' });

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark', permissions: ['clipboard-read', 'clipboard-write'] });
  const dark = await context.newPage();
  await dark.goto(APP_URL);
  await dark.getByText(/^Valid cloud-config/).waitFor();
  await dark.evaluate((text) => {
    const view = window.__editorView!;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 } });
    view.focus();
  }, configWithProblems);
  await dark.getByText(/^\d+ errors/).waitFor();
  await dark.keyboard.press('F8');
  await dark.keyboard.press('F8');
  await dark.locator('.cm-tooltip-lint').waitFor();
  await dark.screenshot({ path: 'docs/screenshot-findings.png' });

  const phone = await browser.newPage({ viewport: { width: 400, height: 800 }, colorScheme: 'dark' });
  await phone.goto(APP_URL);
  await phone.getByText(/^Valid cloud-config/).waitFor({ state: 'attached' });
  await phone.evaluate((text) => {
    const view = window.__editorView!;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 } });
  }, configWithProblems);
  await phone.getByText(/^\d+ errors/).waitFor({ state: 'attached' });
  await phone.getByRole('tab', { name: /Problems/ }).click();
  await phone.screenshot({ path: 'docs/screenshot-narrow.png' });
} finally {
  await browser.close();
  server.kill();
}
