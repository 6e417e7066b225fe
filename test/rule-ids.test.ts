import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validate, type DeclaredFormat } from '../src/core';
import { isRuleId, RULES } from '../src/core/rule-table';
import { loadCases, TARGETS } from './conformance-cases';
import { loadIgnitionCases } from './conformance-ignition-cases';

/**
 * Over every corpus (cloud-config, Ignition and Butane conformance cases, the golden configs),
 * in both rule sets and for both targets, each finding's rule is in the rule table, and what
 * the reference set reports is marked as the reference's.
 */
const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden');

const inputs: { name: string; text: string; format?: DeclaredFormat }[] = [
  ...loadCases().map((c) => ({ name: c.name, text: new TextDecoder().decode(c.bytes) })),
  ...loadIgnitionCases().map((c) => ({ name: c.name, text: c.text, format: c.ext === 'ign' ? ('ignition' as const) : ('butane' as const) })),
  ...([['ignition', '.ign'], ['butane', '.bu']] as const).flatMap(([format, ext]) =>
    readdirSync(join(GOLDEN, format))
      .filter((f) => f.endsWith(ext))
      .map((f) => ({ name: `golden/${format}/${f}`, text: readFileSync(join(GOLDEN, format, f), 'utf8'), format })),
  ),
];

describe('rule ids over the corpora', () => {
  it('reads all the corpora', () => expect(inputs.length).toBeGreaterThan(400));

  it('every finding names a rule of the table; the reference set only rules the reference has', () => {
    const unknown: string[] = [];
    const notReference: string[] = [];
    const seen = new Set<string>();
    for (const { name, text, format } of inputs) {
      for (const target of TARGETS) {
        for (const rules of ['all', 'reference'] as const) {
          for (const f of validate(text, { rules, target, format }).entries) {
            seen.add(f.rule);
            if (!isRuleId(f.rule)) unknown.push(`${name} (${rules}, ${target}): ${f.rule}`);
            else if (rules === 'reference' && !RULES[f.rule].reference) notReference.push(`${name} (${target}): ${f.rule}`);
          }
        }
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(50);
    expect(unknown).toEqual([]);
    expect(notReference).toEqual([]);
  });
});
