import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { aliasBomb, deepNesting, hugeConfig } from './fixtures';
import { openApp, pasteText, responseTime, shownProblems } from './helpers';

/**
 * Pastes `text`, then keeps checking that the page answers a trivial script quickly until the
 * list shows a finding of `rule`. The validation runs in a worker, so the page must never freeze.
 */
async function staysResponsiveUntil(page: Page, text: string, rule: string, maxResponseMs: number) {
  await pasteText(page, text);
  const started = Date.now();
  const slowest: number[] = [];
  for (;;) {
    slowest.push(await responseTime(page, maxResponseMs * 2));
    if ((await shownProblems(page)).some((p) => p.rule === rule)) break;
    expect(Date.now() - started, `no ${rule} finding yet`).toBeLessThan(45_000);
    await page.waitForTimeout(100);
  }
  expect(Math.max(...slowest), `slowest answer while validating: ${slowest.join(', ')} ms`).toBeLessThan(maxResponseMs);
}

test('1000 levels of nesting end in a finding', async ({ page }) => {
  await openApp(page);
  await staysResponsiveUntil(page, deepNesting, 'too-deep', 250);
  await expect(page.getByTestId('summary')).toHaveText('1 error');
  await page.getByRole('button', { name: 'Help for rule too-deep' }).click();
  await expect(page.getByRole('dialog')).toContainText('Nesting too deep');
});

test('an alias bomb ends in a finding', async ({ page }) => {
  await openApp(page);
  await staysResponsiveUntil(page, aliasBomb, 'alias-bomb', 250);
});

test('a 5 MB paste keeps the page responsive and ends in a finding', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  const text = hugeConfig();
  expect(text.length).toBeGreaterThan(5_000_000);
  await staysResponsiveUntil(page, text, 'invalid-value', 1000);
  expect(await page.evaluate(() => window.__editorView!.state.doc.length)).toBe(text.length);
  const lines = text.split('\n').length - 1;
  await expect(page.getByTestId('problems').locator('li[data-kind="error"]')).toHaveAttribute('data-line', String(lines));
  // Typing into it still works, and the finding follows.
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('x');
  expect(await responseTime(page, 500)).toBeLessThan(500);
});

test.describe('a stuck worker', () => {
  // Once the service worker is in charge, a new validation worker's script comes from its copy,
  // which the stand-in below could not replace.
  test.use({ serviceWorkers: 'block' });

  test('a validation that never ends is stopped, said so, and the text is kept', async ({ page }) => {
    // A worker that spins forever stands in for a validator bug the time budget must catch.
    let workersStarted = 0;
    await page.route(/validate\.worker-[\w-]+\.js$/, (route) => {
      workersStarted++;
      return route.fulfill({ contentType: 'text/javascript', body: 'self.onmessage = () => { for (;;) {} };' });
    });
    await page.goto('./');
    await expect(page.getByTestId('status')).toContainText('Validation took longer than 3 s and was stopped', { timeout: 15_000 });
    await expect(page.getByTestId('summary')).toHaveText('Not checked: validation took longer than 3 s');
    expect(await responseTime(page, 500)).toBeLessThan(500);
    await expect(page.locator('.cm-content')).toContainText('etcd2');
    await expect.poll(() => workersStarted).toBe(2);

    // The replacement worker takes the next edit, and is replaced in turn when it gets stuck.
    await page.locator('.cm-content').focus();
    await page.keyboard.type('x');
    await expect.poll(() => workersStarted, { timeout: 15_000 }).toBe(3);
    await expect(page.locator('.cm-content')).toContainText('etcd2');
  });
});
