import type { Page } from '@playwright/test';
import { expect, test } from './test';
import { configWithProblems } from './fixtures';
import { cursorLine, expectedProblems, openApp, pasteText, shownProblems } from './helpers';

const problemsWidth = (page: Page) => page.locator('.problems-host').evaluate((e) => e.getBoundingClientRect().width);

test.describe('wide', () => {
  test('the split is resized by dragging and by keyboard, and remembered', async ({ page }) => {
    await openApp(page);
    await expect(page.getByRole('tablist')).toHaveCount(0);
    const splitter = page.getByRole('separator', { name: 'Resize the problems list' });
    const start = await problemsWidth(page);
    const box = (await splitter.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 150, box.y + 200, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => problemsWidth(page)).toBeCloseTo(start + 150, -1);

    await splitter.focus();
    const dragged = await problemsWidth(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => problemsWidth(page)).toBeCloseTo(dragged - 48, 0);
    await expect(splitter).toHaveAttribute('aria-valuenow', String(Math.round(dragged - 48)));
    await page.keyboard.press('End');
    const narrowest = await problemsWidth(page);
    expect(narrowest).toBeLessThan(dragged - 48);

    await page.reload();
    await expect.poll(() => problemsWidth(page)).toBeCloseTo(narrowest, 0);
  });

  test('notices float over the page and leave no strip when there are none', async ({ page }) => {
    await openApp(page);
    const bottom = () => page.locator('.workspace').evaluate((e) => e.getBoundingClientRect().bottom);
    expect(await bottom()).toBe(800);
    await page.getByRole('button', { name: 'Share' }).click();
    await expect(page.getByTestId('status')).toContainText('Link');
    expect(await bottom()).toBe(800);
    await expect(page.getByTestId('status')).toHaveCSS('position', 'fixed');
  });

  test('one colour per kind in gutter, underline, list, chips and summary; a solid focus ring', async ({ page }) => {
    await openApp(page);
    await pasteText(page, configWithProblems);
    await expect.poll(async () => (await shownProblems(page)).length).toBeGreaterThan(3);
    const colours = await page.evaluate(() => {
      const css = (selector: string, property: string) => {
        const e = document.querySelector(selector);
        return e ? getComputedStyle(e).getPropertyValue(property) : 'missing';
      };
      const kinds = ['error', 'warning'] as const;
      return Object.fromEntries(
        kinds.map((k) => [
          k,
          {
            gutter: css(`.cm-lint-marker-${k}`, 'background-color'),
            underline: css(`.cm-lintRange-${k}`, 'text-decoration-color'),
            list: css(`.problem.severity-${k} .severity-icon`, 'background-color'),
            chip: css(`.chip.severity-${k} .severity-icon`, 'background-color'),
          },
        ]),
      );
    });
    for (const [kind, seen] of Object.entries(colours)) {
      expect(new Set(Object.values(seen)).size, `${kind}: ${JSON.stringify(seen)}`).toBe(1);
      expect(seen.gutter).toMatch(/^rgb/);
    }
    expect(await page.getByTestId('summary').evaluate((e) => getComputedStyle(e).color)).toBe(colours.error.list);

    await page.locator('.cm-content').focus();
    const editor = page.locator('.cm-editor');
    await expect(editor).toHaveCSS('outline-style', 'none');
    await expect(editor).toHaveCSS('box-shadow', /inset/);
  });

  test('the wrap toggle wraps long lines, and is remembered', async ({ page }) => {
    await openApp(page);
    await pasteText(page, `#cloud-config\nhostname: ${'a'.repeat(400)}\n`);
    const lineHeight = () => page.locator('.cm-line').nth(1).evaluate((e) => e.getBoundingClientRect().height);
    const single = await lineHeight();
    await page.getByLabel('Wrap lines').check();
    await expect.poll(lineHeight).toBeGreaterThan(single * 2);
    await page.reload();
    await expect(page.getByLabel('Wrap lines')).toBeChecked();
    await expect.poll(lineHeight).toBeGreaterThan(single * 2);
  });
});

test.describe('narrow (400 × 800)', () => {
  test.use({ viewport: { width: 400, height: 800 } });

  test('editor and problems are tabs, with the count on the Problems tab, under a compact header', async ({ page }) => {
    await openApp(page);
    await pasteText(page, configWithProblems);
    const expected = expectedProblems(configWithProblems, 'all');
    const problemsTab = page.getByRole('tab', { name: /Problems/ });
    await expect(problemsTab).toHaveText(`Problems${expected.length}`);
    await expect(page.getByRole('tab', { name: 'Editor' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('problems')).toBeHidden();

    // Header, toolbar (three rows: files, examples and conversion, checks) and tabs leave most of
    // the height to the editor; nothing overflows sideways.
    const editorTop = await page.locator('.cm-editor').evaluate((e) => e.getBoundingClientRect().top);
    expect(editorTop).toBeLessThan(160);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    await expect(page.getByLabel('Target')).toBeInViewport();
    await expect(page.getByLabel('Rule set')).toBeInViewport();

    await problemsTab.click();
    await expect(page.locator('.cm-editor')).toBeHidden();
    await expect.poll(() => shownProblems(page)).toEqual(expected);
    // The list scrolls as one pane, whole to the last item.
    await page.getByTestId('problems').locator('li').last().scrollIntoViewIfNeeded();
    await expect(page.getByTestId('problems').locator('li').last()).toBeInViewport();

    // Jumping to a finding brings the editor back, cursor on it.
    await page.getByTestId('problems').locator('li[data-line="11"] .problem-main').click();
    await expect(page.getByRole('tab', { name: 'Editor' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('.cm-content')).toBeFocused();
    await expect.poll(() => cursorLine(page)).toBe(11);

    // The tabs answer arrow keys, as tabs do.
    await page.getByRole('tab', { name: 'Editor' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(problemsTab).toBeFocused();
    await expect(problemsTab).toHaveAttribute('aria-selected', 'true');
  });
});

test.describe('narrow (400 × 800), with generated output', () => {
  test.use({ viewport: { width: 400, height: 800 } });

  test('a conversion is a third tab; a note brings back the editor with its range selected', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Convert to Butane' }).click();
    const tab = page.getByRole('tab', { name: 'Conversion' });
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('.cm-editor')).toBeHidden();
    await expect(page.getByTestId('conversion-butane')).toContainText('variant: flatcar');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);

    // Arrow keys go round the three tabs.
    await tab.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Editor' })).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(tab).toBeFocused();

    await page.getByTestId('conversion-notes').locator('li').first().locator('.problem-main').click();
    await expect(page.getByRole('tab', { name: 'Editor' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('.cm-content')).toBeFocused();
    await expect.poll(() => cursorLine(page)).toBe(9);
  });
});
