import { expect } from 'vitest';
import type { RuleId } from '../../../rule-table';
import type { Finding, Target } from '../../../types';
import { validate } from '../../../validate';

/** Shared by the rule tests: the header and a look at one rule's findings. */
export const H = '#cloud-config\n';

export type Seen = Pick<Finding, 'kind' | 'message' | 'line' | 'column' | 'endLine' | 'endColumn'>;

const seen = ({ kind, message, line, column, endLine, endColumn }: Finding): Seen => ({ kind, message, line, column, endLine, endColumn });

/** The `all` set's findings of one rule, after checking that the reference set never has it. */
export function findingsOf(text: string, rule: RuleId, target?: Target): Seen[] {
  expect(validate(text, { rules: 'reference', target }).entries.map((e) => e.rule)).not.toContain(rule);
  return validate(text, { rules: 'all', target }).entries.filter((e) => e.rule === rule).map(seen);
}

/** The `all` set's findings of one rule for a target, whatever the reference set says. */
export const allFindingsOf = (text: string, rule: RuleId, target: Target): Seen[] =>
  validate(text, { rules: 'all', target }).entries.filter((e) => e.rule === rule).map(seen);

/** The full findings (fixes included) of one rule in the `all` set. */
export const fullFindingsOf = (text: string, rule: RuleId, target?: Target): Finding[] =>
  validate(text, { rules: 'all', target }).entries.filter((e) => e.rule === rule);

/** Applies a finding's first quick fix to the text. */
export function applyFix(text: string, f: Finding): string {
  const fix = f.fixes![0];
  return text.slice(0, fix.from) + fix.insert + text.slice(fix.to);
}

/**
 * Checks the one finding `findings` gives for `text`: its one quick fix, exactly, over the n-th
 * `token`; that applying it changes that token alone; and that the fixed text no longer has the
 * finding. Returns the fixed text.
 */
export function expectFix(findings: (text: string) => Finding[], text: string, token: string, title: string, insert: string, n = 1): string {
  const [f] = findings(text);
  let from = -1;
  for (let k = 0; k < n; k++) from = text.indexOf(token, from + 1);
  expect(f.fixes).toEqual([{ title, from, to: from + token.length, insert }]);
  const after = applyFix(text, f);
  expect(after).toBe(text.slice(0, from) + insert + text.slice(from + token.length));
  expect(findings(after)).toEqual([]);
  return after;
}

/** Checks that `findings` gives at least one finding for `text`, and none with a fix. */
export function expectNoFix(findings: (text: string) => Finding[], text: string): void {
  const found = findings(text);
  expect(found.length).toBeGreaterThan(0);
  for (const f of found) expect(f.fixes).toBeUndefined();
}
