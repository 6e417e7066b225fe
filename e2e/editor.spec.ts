import { expect, test } from './test';
import { summaryText } from '../src/app/summary';
import { configWithProblems } from './fixtures';
import { cursorLine, expectedProblems, gutterMarkers, openApp, openLargeExample, pasteText, shownProblems, underlines } from './helpers';

test('opens on the example config, which is valid', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('summary')).toHaveText(/^Valid cloud-config/);
  await expect(page.locator('.cm-content')).toContainText('#cloud-config');
  await expect(page.locator('.cm-content')).toContainText('etcd2');
  const problems = await shownProblems(page);
  expect(problems.every((p) => p.kind !== 'error')).toBe(true);
});

test('pasted problems show as markers on their lines and in a list that matches the core', async ({ page }) => {
  await openApp(page);
  await pasteText(page, configWithProblems);
  const expected = expectedProblems(configWithProblems, 'all');
  expect(expected.length).toBeGreaterThan(4);
  await expect.poll(() => shownProblems(page)).toEqual(expected);

  const placed = expected.filter((p) => p.line > 0).map(({ line, kind }) => ({ line, kind }));
  const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;
  await expect.poll(async () => (await gutterMarkers(page)).sort(byLine)).toEqual(placed);
  const marks = await underlines(page);
  expect(marks.map(({ line, kind }) => ({ line, kind })).sort(byLine)).toEqual(placed);
  expect(marks.find((m) => m.line === 5)?.text).toBe('sometimes');

  const count = (kind: string) => expected.filter((p) => p.kind === kind).length;
  expect(count('error')).toBeGreaterThan(1);
  await expect(page.getByTestId('summary')).toHaveText(summaryText('cloud-config', { error: count('error'), warning: count('warning'), info: count('info') }));
});

test('clicking a problem puts the cursor on its line', async ({ page }) => {
  await openApp(page);
  await pasteText(page, configWithProblems);
  const item = page.getByTestId('problems').locator('li[data-line="11"]');
  await expect(item).toBeVisible();
  await item.getByRole('button').first().click();
  // The jump happens on the next frame (after the editor pane is shown on narrow screens).
  await expect.poll(() => cursorLine(page)).toBe(11);
  await expect(page.locator('.cm-content')).toBeFocused();

  // And from the keyboard: Tab to the item, Enter.
  await page.getByTestId('problems').locator('li[data-line="5"] button').first().focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => cursorLine(page)).toBe(5);
});

test('F8 and Shift+F8 step through the diagnostics', async ({ page }) => {
  await openApp(page);
  await pasteText(page, configWithProblems);
  const lines = [...new Set(expectedProblems(configWithProblems, 'all').map((p) => p.line))];
  await expect.poll(async () => (await gutterMarkers(page)).length).toBeGreaterThan(0);
  await page.evaluate(() => window.__editorView!.dispatch({ selection: { anchor: 0 } }));
  await page.locator('.cm-content').focus();
  await page.keyboard.press('F8');
  await expect.poll(() => cursorLine(page)).toBe(lines[0]);
  await page.keyboard.press('F8');
  await expect.poll(() => cursorLine(page)).toBe(lines[1]);
  await page.keyboard.press('Shift+F8');
  await expect.poll(() => cursorLine(page)).toBe(lines[0]);
});

test('a finding links to its rule help', async ({ page }) => {
  await openApp(page);
  await pasteText(page, configWithProblems);
  await page.getByRole('button', { name: 'Help for rule read-only-path' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Read-only path');
  await expect(dialog).toContainText('/usr is a read-only file system');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a quick fix applies its edit', async ({ page }) => {
  await openApp(page);
  await pasteText(page, 'hostname: node-1\n');
  await expect(page.getByTestId('problems').locator('li[data-kind="error"]')).toHaveCount(1);
  await page.evaluate(() => window.__editorView!.dispatch({ selection: { anchor: 0 } }));
  await page.locator('.cm-content').focus();
  await page.keyboard.press('F8');
  await page.getByRole('button', { name: /#cloud-config/ }).first().click();
  await expect(page.getByTestId('summary')).toHaveText('Valid cloud-config');
  expect(await page.evaluate(() => window.__editorView!.state.doc.line(1).text)).toBe('#cloud-config');
});

test('key docs open from the keyboard at the cursor, and Escape closes them', async ({ page }) => {
  await openApp(page);
  await pasteText(page, '#cloud-config\ncoreos:\n  update:\n    reboot_strategy: etcd-lock\n');
  // Keyboard only: to line 4, into the key.
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+k');
  await page.keyboard.press('Control+i');
  await expect(page.locator('.key-docs')).toContainText('etcd-lock');
  await page.keyboard.press('Escape');
  await expect(page.locator('.key-docs')).toHaveCount(0);
});

test('a small text is checked as it is typed: an edit and the marker it causes are drawn in one update', async ({ page }) => {
  await openApp(page);
  await pasteText(page, '#cloud-config\nhostname: a\n');
  await expect(page.getByTestId('summary')).toHaveText('Valid cloud-config');
  // Once the page's own validator has loaded (it does when the page is idle), the marker comes
  // with the edit itself: it is there as soon as the edit's dispatch returns, and goes with the next.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const view = window.__editorView!;
        const marked = () => !!view.contentDOM.querySelector('.cm-lintRange-warning');
        view.dispatch({ changes: { from: 14, to: 22, insert: 'hostnme' } });
        const withTypo = marked();
        view.dispatch({ changes: { from: 14, to: 21, insert: 'hostname' } });
        return [withTypo, marked()];
      }),
    )
    .toEqual([true, false]);
  await expect(page.getByTestId('summary')).toHaveText('Valid cloud-config');
});

test('an edit of a large text is marked at once from the block it touched, then by the whole text’s report', async ({ page }) => {
  await openLargeExample(page, 600_000);
  // Once the page's own validator has loaded (when the page is idle), the edit's marker is drawn
  // in the task right after the edit, long before the worker could have read 600 KB.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const view = window.__editorView!;
        const at = view.state.doc.toString().indexOf('reboot_strategy: etcd-lock') + 'reboot_strategy: etcd-lock'.length;
        view.dispatch({ changes: { from: at, insert: 'x' } });
        await new Promise((resolve) => setTimeout(resolve, 0));
        const marked = !!view.contentDOM.querySelector('.cm-lintRange-error');
        view.dispatch({ changes: { from: at, to: at + 1 } });
        return marked;
      }),
    )
    .toBe(true);
  await expect(page.getByTestId('summary')).toHaveText(/^Valid cloud-config/);
  // The whole text's report agrees.
  await page.evaluate(() => {
    const view = window.__editorView!;
    const at = view.state.doc.toString().indexOf('reboot_strategy: etcd-lock') + 'reboot_strategy: etcd-lock'.length;
    view.dispatch({ changes: { from: at, insert: 'x' } });
  });
  await expect(page.getByTestId('summary')).toHaveText(/^1 error/);
  const problems = await shownProblems(page);
  expect(problems.filter((p) => p.kind === 'error')).toEqual([expect.objectContaining({ line: 22, message: expect.stringContaining('etcd-lockx') })]);
});

test('edits all over a large text reach the worker as edits, and its report is the core’s for the text in the editor', async ({ page }) => {
  await openLargeExample(page, 300_000);
  // Twenty edits a few ms apart, as typing and pasting make them, while the worker is busy with
  // the earlier text: one or two changes per transaction, at the top, deep in the large block and
  // at its end. Each run the worker is sent the edit from the text it holds to the latest one.
  await page.evaluate(async () => {
    const view = window.__editorView!;
    for (let i = 0; i < 20; i++) {
      const doc = view.state.doc.toString();
      const top = doc.indexOf('reboot_strategy: ') + 'reboot_strategy: '.length;
      const deep = doc.indexOf(`/etc/app/${100 + i * 37}.conf`);
      const changes =
        i % 3 === 0
          ? [{ from: top, insert: 'x' }, { from: deep, insert: 'tmp/' }]
          : i % 3 === 1
            ? { from: doc.lastIndexOf('content: |'), to: doc.lastIndexOf('content: |') + 'content'.length, insert: i % 2 ? 'contents' : 'content' }
            : { from: deep, to: deep + 1, insert: 'E' };
      view.dispatch({ changes });
      await new Promise((resolve) => setTimeout(resolve, 5 + (i % 4) * 10));
    }
  });
  const text = await page.evaluate(() => window.__editorView!.state.doc.toString());
  const expected = expectedProblems(text, 'all');
  expect(expected.filter((p) => p.kind !== 'info').length).toBeGreaterThan(2);
  await expect.poll(() => shownProblems(page), { timeout: 30_000 }).toEqual(expected);
});

test('a YAML block folds from its key, by indentation, and unfolds', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('.cm-content')).toContainText('initial_cluster_state');
  // Folding at `coreos:` (line 8), from the keyboard, hides the lines under it.
  await page.evaluate(() => {
    const view = window.__editorView!;
    view.dispatch({ selection: { anchor: view.state.doc.line(8).from } });
    view.focus();
  });
  await page.keyboard.press('Control+Shift+BracketLeft');
  await expect(page.locator('.cm-foldPlaceholder')).toHaveCount(1);
  await expect(page.locator('.cm-content')).not.toContainText('initial_cluster_state');
  await page.locator('.cm-foldPlaceholder').click();
  await expect(page.locator('.cm-content')).toContainText('initial_cluster_state');
});
