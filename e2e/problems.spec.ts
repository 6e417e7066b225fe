import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { validate } from '../src/core';
import { configWithProblems } from './fixtures';
import { cursorLine, editorText, expectedProblems, openApp, pasteText, shownProblems } from './helpers';

const list = (page: Page) => page.getByTestId('problems');

test('each problem shows line:column, and its quick fixes as buttons that apply them', async ({ page }) => {
  await openApp(page);
  await pasteText(page, configWithProblems);
  await expect.poll(() => shownProblems(page)).toEqual(expectedProblems(configWithProblems, 'all'));
  const where = validate(configWithProblems, { rules: 'all' }).entries.map((f) => `${f.line}:${f.column}`);
  await expect(list(page).locator('.problem-line')).toHaveText(where);
  // Beside line:column, each finding's place in the document.
  await expect(list(page).locator('.problem-path')).toHaveText([
    '$.coreos.update.reboot_strategy',
    '$.coreos.units[0].command',
    '$.coreos.units[0].enabel',
    '$.write_files[0].path',
    '$.write_files[1].content',
    '$.ssh_authorized_keys',
  ]);

  // "enabel" has a rename fix: apply it from the list, not from the editor's tooltip.
  await list(page).getByRole('button', { name: 'Rename to enable' }).click();
  const fixed = configWithProblems.replace('enabel:', 'enable:');
  await expect.poll(() => editorText(page)).toBe(fixed);
  await expect.poll(() => shownProblems(page)).toEqual(expectedProblems(fixed, 'all'));
  await expect(list(page).getByRole('button', { name: 'Rename to enable' })).toHaveCount(0);

  await pasteText(page, 'hostname: node-1\n');
  await list(page).getByRole('button', { name: 'Insert #cloud-config as the first line' }).click();
  await expect.poll(() => editorText(page)).toBe('#cloud-config\nhostname: node-1\n');
  await expect(page.getByTestId('summary')).toHaveText('Valid cloud-config');
});

test('chips filter by kind and show the counts; the text filter matches message and rule', async ({ page }) => {
  await openApp(page);
  await pasteText(page, configWithProblems);
  const expected = expectedProblems(configWithProblems, 'all');
  await expect.poll(() => shownProblems(page)).toEqual(expected);
  const count = (kind: string) => expected.filter((p) => p.kind === kind).length;
  const chip = (name: string) => page.getByRole('group', { name: 'Filter problems' }).getByRole('button', { name: new RegExp(`^${name}`) });
  await expect(chip('Errors')).toHaveText(`Errors ${count('error')}`);
  await expect(chip('Warnings')).toHaveText(`Warnings ${count('warning')}`);
  await expect(chip('Info')).toHaveText(`Info ${count('info')}`);

  await chip('Errors').click();
  await expect(chip('Errors')).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => shownProblems(page)).toEqual(expected.filter((p) => p.kind !== 'error'));
  await chip('Errors').click();
  await expect.poll(() => shownProblems(page)).toEqual(expected);

  const search = page.getByLabel('Filter problems by text or rule');
  await search.fill('BASE64');
  await expect.poll(() => shownProblems(page)).toEqual(expected.filter((p) => /base64/i.test(p.message + p.rule)));
  await search.fill('unknown-key');
  await expect.poll(() => shownProblems(page)).toEqual(expected.filter((p) => p.rule === 'unknown-key'));
  await search.fill('no such words');
  await expect(page.getByText('No problems match the filter.')).toBeVisible();
});

test('arrow keys move through the list and show each finding in the editor; Enter jumps', async ({ page }) => {
  await openApp(page);
  // Findings all down a long text, so the editor has to scroll to show them.
  const text = `#cloud-config\n${Array.from({ length: 120 }, (_, i) => `key_${i}: ${i}`).join('\n')}\n`;
  await pasteText(page, text);
  const expected = expectedProblems(text, 'all');
  await expect.poll(() => shownProblems(page)).toEqual(expected);
  await page.evaluate(() => window.__editorView!.dispatch({ selection: { anchor: 0 }, scrollIntoView: true }));

  const items = list(page).locator('.problem-main');
  await items.first().focus();
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();
  const lastLine = expected.at(-1)!.line;
  // The editor shows the selected finding, while the cursor and the focus stay put.
  await expect.poll(() => page.evaluate((line) => {
    const view = window.__editorView!;
    const { from } = view.state.doc.line(line);
    return view.visibleRanges.some((r) => r.from <= from && from <= r.to) && view.coordsAtPos(from) !== null;
  }, lastLine)).toBe(true);
  await expect.poll(() => cursorLine(page)).toBe(1);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(items.nth(expected.length - 3)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => cursorLine(page)).toBe(expected.at(-3)!.line);
  await expect(page.locator('.cm-content')).toBeFocused();
});

test('the item under the editor’s cursor is marked and scrolled into view', async ({ page }) => {
  await openApp(page);
  const text = `#cloud-config\n${Array.from({ length: 120 }, (_, i) => `key_${i}: ${i}`).join('\n')}\n`;
  await pasteText(page, text);
  await expect.poll(async () => (await shownProblems(page)).length).toBe(expectedProblems(text, 'all').length);
  await page.evaluate(() => {
    const view = window.__editorView!;
    const pos = view.state.doc.line(110).from + 1;
    view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
    view.focus();
  });
  const current = list(page).locator('li[aria-current="true"]');
  await expect(current).toHaveAttribute('data-line', '110');
  await expect(current).toBeInViewport();
  await page.keyboard.press('ControlOrMeta+Home');
  await expect(list(page).locator('li[aria-current="true"]')).toHaveCount(0);
});

test('a finding that cites another line links to it: the link selects that place in the editor', async ({ page }) => {
  await openApp(page);
  const text = '#cloud-config\nwrite_files:\n  - path: /etc/motd\n    content: hi\n  - path: /etc/motd\n    content: hello\n';
  await pasteText(page, text);
  const item = list(page).locator('li', { hasText: 'already written at line 3' });
  await expect(item).toHaveCount(1);
  await item.getByRole('button', { name: 'Go to line 3' }).click();
  const selected = () =>
    page.evaluate(() => {
      const { state } = window.__editorView!;
      return state.sliceDoc(state.selection.main.from, state.selection.main.to);
    });
  await expect.poll(selected).toBe('/etc/motd');
  await expect.poll(() => cursorLine(page)).toBe(3);
  await expect(page.locator('.cm-content')).toBeFocused();

  // The editor's tooltip for the finding has the same link.
  await page.evaluate(() => window.__editorView!.dispatch({ selection: { anchor: 0 } }));
  await page.keyboard.press('F8');
  await expect.poll(() => cursorLine(page)).toBe(5);
  const tooltip = page.locator('.cm-tooltip-lint');
  await tooltip.getByRole('button', { name: 'Go to line 3' }).click();
  await expect.poll(() => cursorLine(page)).toBe(3);
  await expect.poll(selected).toBe('/etc/motd');
});
