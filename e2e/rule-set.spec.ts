import { expect, test } from './test';
import { brokenYaml } from './fixtures';
import { expectedProblems, openApp, pasteText, shownProblems } from './helpers';

test('the rule set switch changes the findings and is remembered after a reload', async ({ page }) => {
  await openApp(page);
  await expect(page.getByLabel('Rule set')).toHaveValue('all');
  await pasteText(page, brokenYaml);
  const all = expectedProblems(brokenYaml, 'all');
  const reference = expectedProblems(brokenYaml, 'reference');
  expect(reference).not.toEqual(all);
  await expect.poll(() => shownProblems(page)).toEqual(all);

  await page.getByLabel('Rule set').selectOption('reference');
  await expect.poll(() => shownProblems(page)).toEqual(reference);
  // The reference's whole-file finding is listed without a place in the editor.
  await expect(page.getByTestId('problems').locator('li[data-line="0"]')).toContainText('Whole file');

  await page.reload();
  await expect(page.getByLabel('Rule set')).toHaveValue('reference');
  await expect.poll(() => shownProblems(page)).toEqual(reference);
});
