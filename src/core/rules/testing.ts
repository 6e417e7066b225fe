import { expect } from 'vitest';
import type { Finding } from '../types';
import { validate } from '../validate';

/** Shared by the rule tests: the header and a look at one rule's findings. */
export const H = '#cloud-config\n';

export type Seen = Pick<Finding, 'kind' | 'message' | 'line' | 'column' | 'endLine' | 'endColumn'>;

/** The `all` set's findings of one rule, after checking that the reference set never has it. */
export function findingsOf(text: string, rule: string): Seen[] {
  expect(validate(text, { rules: 'reference' }).entries.map((e) => e.rule)).not.toContain(rule);
  return validate(text, { rules: 'all' })
    .entries.filter((e) => e.rule === rule)
    .map(({ kind, message, line, column, endLine, endColumn }) => ({ kind, message, line, column, endLine, endColumn }));
}

/** The full findings (fixes included) of one rule in the `all` set. */
export const fullFindingsOf = (text: string, rule: string): Finding[] => validate(text, { rules: 'all' }).entries.filter((e) => e.rule === rule);

/** Applies a finding's first quick fix to the text. */
export function applyFix(text: string, f: Finding): string {
  const fix = f.fixes![0];
  return text.slice(0, fix.from) + fix.insert + text.slice(fix.to);
}
