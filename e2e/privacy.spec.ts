import { expect, test } from './test';
import { configWithProblems } from './fixtures';
import { openApp, pasteText } from './helpers';

test('after load, no request leaves the page’s origin, and the console stays clean', async ({ page, baseURL }) => {
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));

  await openApp(page);
  // Use everything that loads code on demand: rule help, hover docs, completion; and sharing.
  await pasteText(page, configWithProblems);
  await page.getByRole('button', { name: 'Help for rule unknown-key' }).click();
  await expect(page.getByRole('dialog')).toContainText('Unknown key');
  await page.keyboard.press('Escape');
  await page.locator('.cm-line', { hasText: 'reboot_strategy' }).getByText('reboot_strategy').hover();
  await expect(page.locator('.key-docs')).toContainText('etcd-lock');
  // Leave the key, as a person does before reaching for the toolbar: the docs close.
  await page.mouse.move(0, 0);
  await expect(page.locator('.key-docs')).toBeHidden();
  await page.locator('.cm-content').focus();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('use');
  await expect(page.locator('.cm-tooltip-autocomplete')).toContainText('users');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByTestId('status')).toContainText('Link copied');

  const origin = new URL(baseURL!).origin;
  const base = new URL(baseURL!).pathname;
  const foreign = requests.filter((url) => !url.startsWith(`${origin}${base}`) && !url.startsWith('data:') && !url.startsWith('blob:'));
  expect(foreign).toEqual([]);
  expect(requests.some((url) => /validate\.worker.*\.js$/.test(url))).toBe(true);
  expect(problems).toEqual([]);
});

test.describe('Content-Security-Policy', () => {
  // The refused fetch below is reported on the console, as it should be.
  test.use({ quietConsole: false });

  test('the page declares a Content-Security-Policy that forbids network access', async ({ page }) => {
    await openApp(page);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("script-src 'self'");
    // The policy is in force: a fetch from the page is refused.
    const fetched = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'sent',
        () => 'blocked',
      ),
    );
    expect(fetched).toBe('blocked');
  });
});
