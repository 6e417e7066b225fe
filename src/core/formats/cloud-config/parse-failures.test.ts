import { describe, expect, it } from 'vitest';
import { validate } from '../../validate';
import { MAX_INPUT_CHARS } from '../../limits';
import type { RuleId } from '../../rule-table';
import type { Target } from '../../types';
import { isParseFailure, PARSE_FAILURE_RULES } from './parse-failures';

const report = (text: string, target: Target = 'flatcar') => validate(text, { rules: 'all', target }).entries;

/** A document of each kind that cannot be read, and the rule it is reported under. */
const UNREAD: [string, string, RuleId][] = [
  ['a text over the input limit', '#cloud-config\n#' + 'x'.repeat(MAX_INPUT_CHARS), 'input-too-large'],
  ['a syntax error', '#cloud-config\nhostname: [a\n', 'yaml-syntax'],
  ['a tab as indentation', '#cloud-config\nusers:\n\t- name: core\n', 'yaml-tab'],
  ['nesting past the limit', '#cloud-config\nx: ' + '['.repeat(200) + ']'.repeat(200) + '\n', 'too-deep'],
  ['a collection as a key', '#cloud-config\n{{NAME}}: x\n', 'collection-key'],
  ['an alias with no anchor', '#cloud-config\nhostname: *nowhere\n', 'yaml-alias'],
  ['an alias bomb', '#cloud-config\na: &a [x, x, x, x, x, x, x, x, x]\n' + 'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]\n`).join(''), 'alias-bomb'],
];

describe('parse failures', () => {
  it.each(UNREAD)('%s is reported under one of the listed rules, and alone', (_what, text, rule) => {
    const entries = report(text);
    expect(entries.map((f) => f.rule)).toEqual([rule]);
    expect(isParseFailure(rule)).toBe(true);
  });

  it('a document that was read has no finding under those rules', () => {
    const entries = report('#cloud-config\nhostname: web-1\nusers:\n  - name: core\n    passwd: x\ncoreos:\n  update:\n    reboot_strategy: sometimes\n');
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter((f) => isParseFailure(f.rule))).toEqual([]);
  });

  it('lists each rule once', () => {
    expect(new Set(PARSE_FAILURE_RULES).size).toBe(PARSE_FAILURE_RULES.length);
  });
});
