import { expect, test } from './test';
import { readFile } from 'node:fs/promises';
import { configWithProblems, hugeConfig } from './fixtures';
import { editorText, expectedProblems, openApp, pasteText, shownProblems } from './helpers';

test('the draft survives a reload', async ({ page }) => {
  await openApp(page);
  await pasteText(page, configWithProblems);
  await page.keyboard.type('# last words');
  const text = await editorText(page);
  await page.reload();
  await expect.poll(() => editorText(page)).toBe(text);
});

test('a big draft, saved only when the page goes away, survives a reload too', async ({ page }) => {
  await openApp(page);
  const text = hugeConfig(400 * 1024);
  await pasteText(page, text);
  await page.keyboard.type('# last words');
  const typed = await editorText(page);
  expect(typed.length).toBeGreaterThan(400 * 1024);
  // Nothing is written while typing goes on...
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => localStorage.getItem('cloud-config-validator:draft')?.length ?? 0)).not.toBe(typed.length);
  // ...and all of it when the page is left.
  await page.reload();
  await expect.poll(() => editorText(page)).toBe(typed);
});

test('a file opens from the file picker', async ({ page }) => {
  await openApp(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open file…' }).click();
  await (await chooser).setFiles({ name: 'user-data.yml', mimeType: 'application/yaml', buffer: Buffer.from(configWithProblems) });
  await expect.poll(() => editorText(page)).toBe(configWithProblems);
  await expect(page.getByTestId('status')).toContainText('Opened user-data.yml');
  await expect.poll(() => shownProblems(page)).toEqual(expectedProblems(configWithProblems, 'all'));
});

test('a dropped file opens, and bytes that are not UTF-8 are pointed out', async ({ page }) => {
  await openApp(page);
  const bytes = Buffer.concat([Buffer.from('#cloud-config\nhostname: caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
  const transfer = await page.evaluateHandle((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], 'latin1.yaml'));
    return dt;
  }, [...bytes]);
  await page.locator('.cm-content').dispatchEvent('drop', { dataTransfer: transfer });
  await expect.poll(() => editorText(page)).toBe('#cloud-config\nhostname: caf\ufffd\n');
  await expect(page.getByTestId('status')).toContainText('latin1.yaml is not valid UTF-8');
});

test('download saves the text as it is', async ({ page }) => {
  await openApp(page);
  await pasteText(page, configWithProblems);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download' }).click();
  expect(await readFile(await (await download).path(), 'utf8')).toBe(configWithProblems);
});

test('completion offers the keys valid at the cursor and the allowed values', async ({ page }) => {
  await openApp(page);
  await pasteText(page, '#cloud-config\ncoreos:\n  update:\n    ');
  await page.keyboard.type('reb');
  const popup = page.locator('.cm-tooltip-autocomplete');
  await expect(popup).toContainText('reboot_strategy');
  await expect(popup).not.toContainText('hostname');
  // CodeMirror ignores Enter for a moment after a list opens, so a fast typist's newline stays a
  // newline; a person takes longer than that to read the list.
  await page.waitForTimeout(200);
  await page.keyboard.press('Enter');
  await expect(popup).toContainText('etcd-lock');
  await page.waitForTimeout(200);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  expect((await editorText(page)).split('\n')[3]).toBe('    reboot_strategy: reboot');
  await expect(page.getByTestId('summary')).toHaveText('Valid cloud-config');
  // A key the mapping already has is not offered again.
  await pasteText(page, '#cloud-config\ncoreos:\n  update:\n    reboot_strategy: reboot\n    ');
  await page.keyboard.type('s');
  await expect(popup).toContainText('server');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('reb');
  await page.waitForTimeout(300);
  await expect(popup).toHaveCount(0);
});
