import { expect, test } from './test';
import { deflateRawSync } from 'node:zlib';
import { MAX_INPUT_CHARS } from '../src/core';
import { brokenYaml, configWithProblems } from './fixtures';
import { editorText, expectedProblems, openApp, pasteText, responseTime, shownProblems } from './helpers';

test('a share link reopens the same text, target, rule set and findings in a fresh browser', async ({ page, browser }) => {
  await openApp(page);
  await page.getByLabel('Rule set').selectOption('reference');
  await page.getByLabel('Target').selectOption('coreos');
  await pasteText(page, configWithProblems);
  const expected = expectedProblems(configWithProblems, 'reference', 'coreos');
  await expect.poll(() => shownProblems(page)).toEqual(expected);

  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByTestId('status')).toContainText('Link copied');
  const url = page.url();
  expect(url).toMatch(/#v2\.ref\.coreos:[A-Za-z0-9_-]+$/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

  const other = await browser.newContext();
  try {
    const second = await other.newPage();
    await second.goto(url);
    await expect.poll(() => editorText(second)).toBe(configWithProblems);
    await expect(second.getByLabel('Rule set')).toHaveValue('reference');
    await expect(second.getByLabel('Target')).toHaveValue('coreos');
    await expect.poll(() => shownProblems(second)).toEqual(expected);
    await expect(second.getByTestId('status')).toContainText('Opened a shared config');
  } finally {
    await other.close();
  }
});

test('editing after sharing takes the stale link out of the address bar', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page).toHaveURL(/#v2\.all\.flatcar:/);
  await page.locator('.cm-content').focus();
  await page.keyboard.type('x');
  await expect(page).not.toHaveURL(/#/);
});

for (const [what, fragment, message] of [
  ['a truncated link', null, /cut short/],
  ['a malformed link', '#v1.all:this is not base64!', /damaged/],
  ['a link from a newer version', '#v9.all.flatcar:AAAA', /newer version/],
  // Twice the core's input limit in zeros: about 70 KB of link that would unpack to 64 MB.
  [
    'a compressed bomb',
    `#v2.all.flatcar:${deflateRawSync(Buffer.alloc(2 * MAX_INPUT_CHARS), { level: 9 }).toString('base64url')}`,
    new RegExp(`more than ${MAX_INPUT_CHARS / 2 ** 20} MB, the most this validator checks`),
  ],
] as const) {
  test(`${what} says so and keeps the draft`, async ({ page }) => {
    await openApp(page);
    await pasteText(page, brokenYaml);
    await page.getByRole('button', { name: 'Share' }).click();
    await expect(page).toHaveURL(/#v2\.all\.flatcar:/);
    const good = new URL(page.url()).hash;
    await pasteText(page, configWithProblems);
    await expect.poll(() => shownProblems(page)).toEqual(expectedProblems(configWithProblems, 'all'));
    // Leave the page (the draft is saved on the way out), then open the link in a fresh load.
    await page.goto('about:blank');
    await page.goto(`./${fragment ?? good.slice(0, good.length - 12)}`);
    await expect(page.getByTestId('status')).toContainText(message);
    await expect(page.getByTestId('status')).toContainText('Your own draft is still in the editor');
    expect(await editorText(page)).toBe(configWithProblems);
    await expect.poll(() => shownProblems(page)).toEqual(expectedProblems(configWithProblems, 'all'));
    expect(await responseTime(page, 500)).toBeLessThan(500);
  });
}
