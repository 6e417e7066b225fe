import { expect, type Page } from '@playwright/test';
import { validate, type RuleSetName, type Target } from '../src/core';

export interface Problem {
  line: number;
  kind: string;
  message: string;
  rule: string;
}

/** The app's start page, with its first validation done. */
export async function openApp(page: Page, path = './') {
  await page.goto(path);
  await expect(page.getByTestId('summary')).not.toHaveText(/Checking/);
}

/** Replaces the editor text the way a person does: select all, paste from the clipboard. */
export async function pasteText(page: Page, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('.cm-content').focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

/**
 * Opens the app and grows its example (which ends in write_files) by more files to about `chars`
 * more characters, waiting for the result: a large text, whose whole run the worker takes far
 * longer than a task for.
 */
export async function openLargeExample(page: Page, chars: number) {
  await openApp(page);
  await expect(page.getByTestId('summary')).toHaveText(/^Valid cloud-config/);
  await page.evaluate((size) => {
    const view = window.__editorView!;
    let files = '';
    for (let i = 0; files.length < size; i++) files += `  - path: /etc/app/${i}.conf\n    content: |\n      setting=${i}\n`;
    view.dispatch({ changes: { from: view.state.doc.length, insert: files } });
  }, chars);
  await expect(page.getByTestId('summary')).toHaveText(/^Valid cloud-config/);
}

export const editorText = (page: Page) => page.evaluate(() => window.__editorView!.state.doc.toString());

/** The line the cursor is on. */
export const cursorLine = (page: Page) =>
  page.evaluate(() => {
    const { state } = window.__editorView!;
    return state.doc.lineAt(state.selection.main.head).number;
  });

/** The problems list as shown. */
export function shownProblems(page: Page): Promise<Problem[]> {
  return page.getByTestId('problems').evaluate((list) =>
    [...list.querySelectorAll('li')].map((li) => ({
      line: Number(li.getAttribute('data-line')),
      kind: li.getAttribute('data-kind')!,
      message: li.querySelector('.problem-message')!.textContent!,
      rule: li.querySelector('.rule-link')!.textContent!,
    })),
  );
}

/** What the validation core says about `text`, in the list's order (by line; line 0 last). */
export function expectedProblems(text: string, rules: RuleSetName, target: Target = 'flatcar'): Problem[] {
  return validate(text, { rules, target })
    .entries.map(({ line, kind, message, rule, column }) => ({ line, kind, message, rule, column }))
    .sort((a, b) => (a.line || Infinity) - (b.line || Infinity) || a.column - b.column)
    .map(({ line, kind, message, rule }) => ({ line, kind, message, rule }));
}

/** Lines that carry a lint marker in the gutter, with the marker's severity. */
export function gutterMarkers(page: Page): Promise<{ line: number; kind: string }[]> {
  return page.evaluate(() => {
    const view = window.__editorView!;
    return [...view.dom.querySelectorAll('.cm-lint-marker')].map((marker) => {
      const box = marker.getBoundingClientRect();
      const pos = view.posAtCoords({ x: view.contentDOM.getBoundingClientRect().left + 1, y: box.top + box.height / 2 }, false);
      return { line: view.state.doc.lineAt(pos).number, kind: /cm-lint-marker-(\w+)/.exec(marker.className)![1] };
    });
  });
}

/** Lines holding underlined ranges, with their severity. */
export function underlines(page: Page): Promise<{ line: number; kind: string; text: string }[]> {
  return page.evaluate(() => {
    const view = window.__editorView!;
    return [...view.contentDOM.querySelectorAll('.cm-lintRange')].map((mark) => ({
      line: view.state.doc.lineAt(view.posAtDOM(mark)).number,
      kind: /cm-lintRange-(error|warning|info)/.exec(mark.className)![1],
      text: mark.textContent ?? '',
    }));
  });
}

/**
 * Whether the page answers a trivial script within `ms`: a frozen main thread does not. Returns
 * the time it took, or Infinity.
 */
export async function responseTime(page: Page, ms = 1000): Promise<number> {
  const started = Date.now();
  const answered = await Promise.race([
    page.evaluate(() => 1 + 1).then(() => true),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), ms)),
  ]);
  return answered ? Date.now() - started : Infinity;
}
