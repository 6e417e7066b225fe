import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { convertCloudConfig } from '../src/core';
import { cursorLine, editorText, expectedProblems, gutterMarkers, openApp, pasteText, shownProblems, underlines } from './helpers';

const example = (name: string) => readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8');

/** An Ignition config whose one file has a relative path (line 5). */
const relativePath = `{
  "ignition": { "version": "3.4.0" },
  "storage": {
    "files": [
      { "path": "etc/foo", "contents": { "source": "data:,hello" } }
    ]
  }
}
`;

const butane = (version: string, files = '    - path: /etc/hostname\n      mode: 0644\n      contents:\n        inline: node-1\n') =>
  `variant: flatcar\nversion: ${version}\nstorage:\n  files:\n${files}`;

const language = (page: Page) => page.locator('.cm-content').getAttribute('data-language');

test('an Ignition config is edited as JSON, with a relative path marked at its token and listed', async ({ page }) => {
  await openApp(page);
  await expect.poll(() => language(page)).toBe('yaml');
  await pasteText(page, relativePath);
  await expect.poll(() => language(page)).toBe('json');

  const expected = expectedProblems(relativePath, 'all');
  expect(expected).toEqual([{ line: 5, kind: 'error', message: 'path not absolute', rule: 'ignition-path' }]);
  await expect.poll(() => shownProblems(page)).toEqual(expected);
  await expect.poll(() => underlines(page)).toEqual([{ line: 5, kind: 'error', text: '"etc/foo"' }]);
  expect(await gutterMarkers(page)).toEqual([{ line: 5, kind: 'error' }]);
  await expect(page.getByTestId('summary')).toHaveText('1 error');

  // Back to YAML for a cloud-config, with the text, the undo history and the markers kept.
  await pasteText(page, '#cloud-config\nhostname: a\n');
  await expect.poll(() => language(page)).toBe('yaml');
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editorText(page)).toBe(relativePath);
  await expect.poll(() => language(page)).toBe('json');
  await expect.poll(() => underlines(page)).toEqual([{ line: 5, kind: 'error', text: '"etc/foo"' }]);
});

test('an Ignition relative path is made absolute from the quick-fix button in the problems list', async ({ page }) => {
  await openApp(page);
  await pasteText(page, relativePath);
  await expect.poll(() => shownProblems(page)).toEqual(expectedProblems(relativePath, 'all'));
  await page.getByTestId('problems').getByRole('button', { name: 'Make the path absolute' }).click();
  const fixed = relativePath.replace('"etc/foo"', '"/etc/foo"');
  await expect.poll(() => editorText(page)).toBe(fixed);
  await expect(page.getByTestId('summary')).toHaveText('Valid Ignition config');
});

test('a Butane config shows the Ignition it translates to, for each Butane version', async ({ page }) => {
  await openApp(page);
  await pasteText(page, butane('1.1.0'));
  await expect(page.getByTestId('summary')).toHaveText('Valid Butane config');
  await page.getByRole('tab', { name: 'Ignition' }).click();
  const output = page.getByTestId('ignition-output');
  await expect(output).toContainText('"version": "3.4.0"');
  await expect(output).toContainText('"path": "/etc/hostname"');
  await expect(output).toContainText('"source": "data:,node-1"');
  await expect(page.getByRole('button', { name: 'Download the Ignition config as config.ign' })).toBeVisible();

  // It follows the text as it is edited.
  await pasteText(page, butane('1.0.0'));
  await expect(output).toContainText('"version": "3.3.0"');
  await expect(output).not.toContainText('3.4.0');

  // Copy puts exactly the shown JSON on the clipboard.
  await page.getByRole('button', { name: 'Copy the Ignition config' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(JSON.parse(copied).ignition.version).toBe('3.3.0');
  expect(copied).toBe(await output.textContent());
});

test('a Butane error is marked and listed at its Butane line, and there is no Ignition for it', async ({ page }) => {
  await openApp(page);
  const text = butane('1.1.0', '    - path: /etc/hostname\n      contents:\n        inline: node-1\n    - path: /etc/motd\n      mode: big\n');
  await pasteText(page, text);
  const expected = expectedProblems(text, 'all');
  expect(expected).toEqual([{ line: 9, kind: 'error', message: 'cannot unmarshal !!str `big` into int', rule: 'butane-type' }]);
  await expect.poll(() => shownProblems(page)).toEqual(expected);
  await expect.poll(() => underlines(page)).toEqual([{ line: 9, kind: 'error', text: 'big' }]);
  await page.getByRole('tab', { name: 'Ignition' }).click();
  await expect(page.getByTestId('ignition-output-missing')).toContainText('fix its errors');
});

test('the examples menu opens each example, Ignition in JSON, and undo brings back the text before', async ({ page }) => {
  await openApp(page);
  await pasteText(page, '#cloud-config\nhostname: mine\n');
  const menu = page.getByRole('combobox', { name: 'Open an example' });
  const cases = [
    { label: 'Ignition: Flatcar node', file: 'ignition-basic.ign', summary: 'Valid Ignition config', language: 'json' },
    { label: 'Butane: Flatcar node', file: 'butane-flatcar.bu', summary: 'Valid Butane config', language: 'yaml' },
    { label: 'cloud-config: etcd cluster node', file: 'etcd-cluster-node.yaml', summary: /^Valid cloud-config/, language: 'yaml' },
  ];
  for (const c of cases) {
    await menu.selectOption({ label: c.label });
    await expect.poll(() => editorText(page)).toBe(example(c.file));
    await expect(page.getByTestId('summary')).toHaveText(c.summary);
    await expect.poll(() => language(page)).toBe(c.language);
    await expect(page.getByTestId('status')).toContainText(`Opened the example ${c.file}`);
    // The menu stays a menu: it shows its title again, ready for the next choice.
    await expect(menu).toHaveValue('');
  }
  await expect(page.getByTestId('status')).toContainText('Undo (Ctrl+Z) brings back the text you had');
  await page.locator('.cm-content').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editorText(page)).toBe('#cloud-config\nhostname: mine\n');
});

test('the cloud-config example converts to Butane; a note selects its range in the source', async ({ page }) => {
  await openApp(page);
  const source = example('etcd-cluster-node.yaml');
  const conversion = await convertCloudConfig(source);
  expect(conversion.notes.length).toBeGreaterThan(2);

  await page.getByRole('button', { name: 'Convert to Butane' }).click();
  await expect(page.getByRole('tab', { name: 'Conversion' })).toHaveAttribute('aria-selected', 'true');
  const butaneTab = page.getByTestId('conversion-butane');
  await expect(butaneTab).toContainText('variant: flatcar');
  expect(await butaneTab.textContent()).toBe(conversion.butane);
  await page.getByRole('tab', { name: 'Ignition', exact: true }).click();
  await expect(page.getByTestId('conversion-ignition')).toContainText('"version": "3.4.0"');
  await expect(page.getByRole('button', { name: 'Download the Ignition config as etcd-cluster-node.ign' })).toBeHidden();

  const notes = page.getByTestId('conversion-notes').locator('li');
  await expect(notes).toHaveCount(conversion.notes.length);
  const note = conversion.notes[2];
  await notes.nth(2).locator('.problem-main').click();
  await expect.poll(() => cursorLine(page)).toBe(note.line);
  const selected = await page.evaluate(() => {
    const { state } = window.__editorView!;
    return state.sliceDoc(state.selection.main.from, state.selection.main.to);
  });
  expect(selected).toBe(source.slice(note.from, note.to));
  expect(selected.length).toBeGreaterThan(0);
  await expect(page.locator('.cm-content')).toBeFocused();
});

test('a conversion runs in a worker; the button is off for what is not cloud-config', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Convert to Butane' }).click();
  await expect(page.getByTestId('conversion-butane')).toContainText('variant: flatcar');
  expect(page.workers().some((w) => w.url().includes('convert.worker'))).toBe(true);
  await pasteText(page, butane('1.1.0'));
  await expect(page.getByRole('button', { name: 'Convert to Butane' })).toBeDisabled();
});

/** Enter on the selected option; the list takes keys only 75 ms after it opens (CodeMirror's interactionDelay). */
async function acceptCompletion(page: Page) {
  await expect(page.locator('.cm-tooltip-autocomplete li[aria-selected="true"]')).toBeVisible();
  await page.waitForTimeout(150);
  await page.keyboard.press('Enter');
}

/** Puts the cursor just after the first `marker` in the text (or at its start, with `inside`). */
async function cursorAt(page: Page, marker: string, offset = marker.length) {
  await page.evaluate(
    ([m, o]) => {
      const view = window.__editorView!;
      view.dispatch({ selection: { anchor: view.state.doc.toString().indexOf(m as string) + (o as number) } });
      view.focus();
    },
    [marker, offset] as const,
  );
}

test('Ignition keys have docs from the Ignition schema, and complete inside their object', async ({ page }) => {
  await openApp(page);
  await pasteText(page, relativePath);
  await expect.poll(() => language(page)).toBe('json');
  await expect(page.getByTestId('summary')).toHaveText('1 error');
  await cursorAt(page, '"path"', 2);
  await page.keyboard.press('Control+k');
  await page.keyboard.press('Control+i');
  const docs = page.locator('.key-docs');
  await expect(docs.locator('.key-docs-path')).toHaveText('storage.files[0].path');
  await expect(docs).toContainText('absolute path');
  await page.keyboard.press('Escape');

  // A key typed in the file object is completed with the keys a file has, quoted.
  await cursorAt(page, '"data:,hello" }');
  await page.keyboard.type(', "overw');
  const options = page.locator('.cm-tooltip-autocomplete li');
  await expect(options.first()).toHaveText(/overwrite/);
  await acceptCompletion(page);
  await page.keyboard.type('true');
  await expect.poll(() => editorText(page)).toContain('"contents": { "source": "data:,hello" }, "overwrite": true }');
  await expect(page.getByTestId('summary')).toHaveText('1 error');
});

test('Butane keys have docs and completion, Butane’s own keys included', async ({ page }) => {
  await openApp(page);
  await pasteText(page, butane('1.1.0', '    - path: /etc/motd\n      contents:\n        inline: hi\n'));
  await expect(page.getByTestId('summary')).toHaveText('Valid Butane config');
  await cursorAt(page, 'inline', 2);
  await page.keyboard.press('Control+k');
  await page.keyboard.press('Control+i');
  await expect(page.locator('.key-docs .key-docs-path')).toHaveText('storage.files[0].contents.inline');
  await expect(page.locator('.key-docs')).toContainText('data URL');
  await page.keyboard.press('Escape');

  await cursorAt(page, 'path: /etc/motd');
  await page.keyboard.press('Enter');
  await page.keyboard.type('over');
  await expect(page.locator('.cm-tooltip-autocomplete li').first()).toHaveText(/overwrite/);
  await acceptCompletion(page);
  await page.keyboard.type('true');
  await expect.poll(() => editorText(page)).toContain('    - path: /etc/motd\n      overwrite: true\n');
  await expect(page.getByTestId('summary')).toHaveText('Valid Butane config');
});

test('a local file is one the browser cannot read: inlining it from a chosen file clears the error', async ({ page }) => {
  await openApp(page);
  const text = butane('1.1.0', '    - path: /etc/motd\n      contents:\n        local: motd.txt\n');
  await pasteText(page, text);
  const item = page.getByTestId('problems').locator('li[data-line="7"]');
  await expect(item).toContainText('local file paths are relative to a files directory');
  await expect(item).toContainText('A browser cannot read local files');

  const chooser = page.waitForEvent('filechooser');
  await item.getByRole('button', { name: 'Inline a file…' }).click();
  await (await chooser).setFiles({ name: 'motd.txt', mimeType: 'text/plain', buffer: Buffer.from('Welcome to node-1.\nBe nice.\n') });
  await expect.poll(() => editorText(page)).toBe(
    butane('1.1.0', '    - path: /etc/motd\n      contents:\n        inline: |\n          Welcome to node-1.\n          Be nice.\n'),
  );
  await expect(page.getByTestId('summary')).toHaveText('Valid Butane config');
  await page.getByRole('tab', { name: 'Ignition' }).click();
  await expect(page.getByTestId('ignition-output')).toContainText('"source": "data:,Welcome%20to%20node-1.%0ABe%20nice.%0A"');
  // One undo step brings the reference back.
  await page.locator('.cm-content').focus();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editorText(page)).toBe(text);
});

test.describe('format code', () => {
  // The offline copy would fetch every file up front; this is about what the app itself asks for.
  test.use({ serviceWorkers: 'block' });

  test('loads the first time its format is seen, not before', async ({ page }) => {
    const fetched: string[] = [];
    page.context().on('request', (r) => {
      // The worker's and the page's pipelines, and the page's Ignition and Butane key docs.
      const chunk = /\/assets\/(ignition|butane|ignition-key-schemas)-[\w-]{8}\.js$/.exec(r.url());
      if (chunk) fetched.push(chunk[1]);
    });
    await openApp(page);
    await pasteText(page, '#cloud-config\nhostname: a\n');
    await expect(page.getByTestId('summary')).toHaveText('Valid cloud-config');
    expect(fetched).toEqual([]);

    // Hover docs are there for cloud-config keys without any of Ignition's or Butane's code.
    await page.getByText('hostname', { exact: true }).hover();
    await expect(page.locator('.cm-tooltip-hover')).toContainText('hostname');
    expect(fetched).toEqual([]);

    await pasteText(page, relativePath);
    await expect(page.getByTestId('summary')).toHaveText('1 error');
    expect(fetched).toContain('ignition');
    expect(fetched).not.toContain('butane');

    await pasteText(page, butane('1.1.0'));
    await expect(page.getByTestId('summary')).toHaveText('Valid Butane config');
    expect(fetched).toContain('butane');
  });
});
