import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extraRules } from '../rules';
import { validate } from '../validate';
import { allRuleDocs } from '../rule-docs';
import { artifactUri, toSarif } from './sarif';

const H = '#cloud-config\n';
const TOOL = { name: 'cloud-config-validate', version: '1.2.3', informationUri: 'https://example.org/' };

describe('SARIF', () => {
  const report = validate(H + 'coreos:\n  update:\n    reboot_strategy: sometimes\n  bogus: 1\n', { rules: 'all' });
  const log = toSarif([{ file: 'nodes/a.yaml', report }], allRuleDocs(), TOOL, 'flatcar');
  const run = log.runs[0];

  const ruleIndex = (id: string) => run.tool.driver.rules.findIndex((r) => r.id === id);

  it('is a SARIF 2.1.0 log with one rule per documented rule id', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toContain('sarif-2.1.0');
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(Object.keys(allRuleDocs()));
    expect(run.tool.driver.rules[ruleIndex('unknown-key')]).toMatchObject({
      id: 'unknown-key',
      shortDescription: { text: 'Unknown key' },
      fullDescription: { text: expect.stringContaining('does not know this key') },
    });
  });

  it('maps severities and places results at their region', () => {
    expect(run.results.map((r) => [r.ruleId, r.level, r.ruleIndex])).toEqual([
      ['invalid-value', 'error', ruleIndex('invalid-value')],
      ['unknown-key', 'warning', ruleIndex('unknown-key')],
    ]);
    expect(run.results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'nodes/a.yaml' },
      region: { startLine: 4, startColumn: 22, endLine: 4, endColumn: 31 },
    });
    expect(run.results[0].message.text).toBe('invalid value sometimes; reboot_strategy takes "etcd-lock", "reboot" or "off"');
  });

  it('maps info to note, and gives line-0 findings no region', () => {
    const refReport = validate(H + 'coreos: {update: {bogus: 1}}\n', { rules: 'reference' });
    const sizeReport = validate(H + 'hostname: a\n' + '#'.repeat(17000) + '\n', { rules: 'all' });
    const [zero, size] = toSarif([{ file: 'a', report: refReport }, { file: 'b', report: sizeReport }], allRuleDocs(), TOOL, 'flatcar').runs[0].results;
    expect(zero.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'a' } });
    expect(size).toMatchObject({ ruleId: 'user-data-size', level: 'note' });
  });

  it('rule docs cover the reference rules and every rule of the all set', () => {
    const docs = allRuleDocs();
    for (const r of extraRules) expect(docs[r.id]).toEqual({ title: r.title, help: r.help, reference: false });
    expect(docs['foreign-dialect'].reference).toBe(false);
    expect(docs['unknown-key'].reference).toBe(true);
  });

  it('a rule id without docs still gets a descriptor', () => {
    // internal-error is the validator's own failure, with no rule docs.
    const out = toSarif([{ file: 'a', report: { kind: 'cloud-config', target: 'flatcar', entries: [{ line: 1, column: 1, endLine: 1, endColumn: 2, kind: 'error', message: 'm', rule: 'internal-error' }] } }], {}, TOOL, 'coreos');
    expect(out.runs[0].tool.driver.rules[0]).toMatchObject({ id: 'internal-error', shortDescription: { text: 'internal-error' } });
  });

  it('turns file names into URIs', () => {
    expect(artifactUri('dir/my file.yaml')).toBe('dir/my%20file.yaml');
    expect(artifactUri('/srv/a#1.yaml')).toBe('file:///srv/a%231.yaml');
    expect(artifactUri('C:\\cfg\\a.yaml')).toBe('file:///C:/cfg/a.yaml');
  });
});

describe('rule docs', () => {
  it('document every rule id the core can report', () => {
    const docs = allRuleDocs();
    const emitted = new Set<string>();
    for (const file of readdirSync(new URL('..', import.meta.url), { recursive: true }) as string[]) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
      const source = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
      for (const m of source.matchAll(/\brule: '([a-z0-9-]+)'/g)) emitted.add(m[1]);
    }
    expect(emitted.size).toBeGreaterThan(20);
    expect([...emitted].filter((id) => !docs[id])).toEqual([]);
  });
});
