import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { deflateRawSync } from 'node:zlib';
import type { Target } from '../src/core';
import { configWithProblems } from './fixtures';
import { editorText, expectedProblems, gutterMarkers, openApp, pasteText, shownProblems } from './helpers';

/** Records the target of every request the page sends to its validation worker. */
async function recordWorkerTargets(page: Page) {
  await page.addInitScript(() => {
    const sent: string[] = [];
    (window as unknown as { __targets: string[] }).__targets = sent;
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: { target?: string }) {
      sent.push(String(message?.target));
      return post.call(this, message);
    };
  });
}
const workerTargets = (page: Page) => page.evaluate(() => (window as unknown as { __targets: string[] }).__targets);

/** The list and the gutter equal what the core reports for `target`. */
async function expectCoreReport(page: Page, text: string, target: Target) {
  const expected = expectedProblems(text, 'all', target);
  await expect.poll(() => shownProblems(page)).toEqual(expected);
  const placed = expected.filter((p) => p.line > 0).map(({ line, kind }) => ({ line, kind }));
  const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;
  await expect.poll(async () => (await gutterMarkers(page)).sort(byLine)).toEqual(placed);
}

test('the target switch re-validates for the chosen target, and is remembered', async ({ page }) => {
  await recordWorkerTargets(page);
  await openApp(page);
  const target = page.getByLabel('Target');
  await expect(target).toHaveValue('flatcar');
  await expect(target.locator('option')).toHaveText(['Flatcar Container Linux', 'CoreOS Container Linux']);
  await pasteText(page, configWithProblems);
  await expectCoreReport(page, configWithProblems, 'flatcar');
  // A small text may be validated on the page itself, so the worker need not be asked at all;
  // whenever it is, it is asked for the chosen target.
  expect((await workerTargets(page)).every((t) => t === 'flatcar')).toBe(true);

  const before = (await workerTargets(page)).length;
  await target.selectOption('coreos');
  await expectCoreReport(page, configWithProblems, 'coreos');
  expect((await workerTargets(page)).slice(before).every((t) => t === 'coreos')).toBe(true);

  await page.reload();
  await expect(page.getByLabel('Target')).toHaveValue('coreos');
  await expectCoreReport(page, configWithProblems, 'coreos');
  expect((await workerTargets(page)).every((t) => t === 'coreos')).toBe(true);
});

test('a link from before targets existed (v1) opens as CoreOS', async ({ page }) => {
  const data = deflateRawSync(Buffer.from(configWithProblems)).toString('base64url');
  await page.goto(`./#v1.all:${data}`);
  await expect.poll(() => editorText(page)).toBe(configWithProblems);
  await expect(page.getByLabel('Target')).toHaveValue('coreos');
  await expect(page.getByLabel('Rule set')).toHaveValue('all');
  await expect(page.getByTestId('status')).toContainText('target: CoreOS Container Linux');
  await expectCoreReport(page, configWithProblems, 'coreos');
});

test('switching the target changes the findings where Flatcar and CoreOS differ', async ({ page }) => {
  // Flatcar reads keys as written, so it ignores the dashed key that CoreOS mapped.
  const text = '#cloud-config\ncoreos:\n  update:\n    reboot-strategy: etcd-lock\n';
  const flatcar = expectedProblems(text, 'all', 'flatcar');
  const coreos = expectedProblems(text, 'all', 'coreos');
  expect(flatcar).toContainEqual(expect.objectContaining({ line: 4, kind: 'error', rule: 'hyphenated-key' }));
  expect(coreos.some((p) => p.rule === 'hyphenated-key')).toBe(false);
  await openApp(page);
  await pasteText(page, text);
  await expect.poll(() => shownProblems(page)).toEqual(flatcar);
  await page.getByLabel('Target').selectOption('coreos');
  await expect.poll(() => shownProblems(page)).toEqual(coreos);
  await page.getByLabel('Target').selectOption('flatcar');
  await expect.poll(() => shownProblems(page)).toEqual(flatcar);
});

test('a text too big for the page\'s own thread reaches the worker with the chosen target', async ({ page }) => {
  await recordWorkerTargets(page);
  await openApp(page);
  // Past 16 KB the page never validates on its own thread.
  const big = `${configWithProblems}# ${'x'.repeat(20_000)}\n`;
  await pasteText(page, big);
  await expectCoreReport(page, big, 'flatcar');
  await expect.poll(async () => (await workerTargets(page)).at(-1)).toBe('flatcar');
  await page.getByLabel('Target').selectOption('coreos');
  await expectCoreReport(page, big, 'coreos');
  await expect.poll(async () => (await workerTargets(page)).at(-1)).toBe('coreos');
});
