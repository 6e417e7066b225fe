import { describe, expect, it } from 'vitest';
import { validate } from '../validate';
import { RULE_IDS } from '../rule-table';
import { artifactUri, toSarif } from './sarif';

const H = '#cloud-config\n';
const TOOL = { name: 'cloud-config-validate', version: '1.2.3', informationUri: 'https://example.org/' };

describe('SARIF', () => {
  const report = validate(H + 'coreos:\n  update:\n    reboot_strategy: sometimes\n  bogus: 1\n', { rules: 'all' });
  const log = toSarif([{ file: 'nodes/a.yaml', report }], TOOL, 'flatcar');
  const run = log.runs[0];

  const ruleIndex = (id: string) => run.tool.driver.rules.findIndex((r) => r.id === id);

  it('is a SARIF 2.1.0 log with one rule per rule of the rule table', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toContain('sarif-2.1.0');
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(RULE_IDS);
    expect(run.tool.driver.rules[ruleIndex('unknown-key')]).toMatchObject({
      id: 'unknown-key',
      shortDescription: { text: 'Unknown key' },
      fullDescription: { text: expect.stringContaining('does not know this key') },
      defaultConfiguration: { level: 'warning' },
      properties: { reference: true },
    });
    expect(run.tool.driver.rules[ruleIndex('user-data-size')]).toMatchObject({
      shortDescription: { text: 'User-data size' },
      defaultConfiguration: { level: 'note' },
      properties: { reference: false },
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

  it('gives a finding with a document path a logical location', () => {
    expect(run.results[0].locations[0]).toEqual({
      physicalLocation: { artifactLocation: { uri: 'nodes/a.yaml' }, region: { startLine: 4, startColumn: 22, endLine: 4, endColumn: 31 } },
      logicalLocations: [{ fullyQualifiedName: '$.coreos.update.reboot_strategy', kind: 'member' }],
    });
    expect(run.results[1].locations[0].logicalLocations).toEqual([{ fullyQualifiedName: '$.coreos.bogus', kind: 'member' }]);
    const header = toSarif([{ file: 'c', report: validate('hostname: a\n') }], TOOL, 'flatcar').runs[0].results[0];
    expect(header.ruleId).toBe('header');
    expect(header.locations[0]).not.toHaveProperty('logicalLocations');
  });

  it('gives the place a message cites by its line as a related location', () => {
    const twice = validate(H + 'write_files:\n  - path: /etc/a\n  - path: /etc/a\n', { rules: 'all' });
    const [result] = toSarif([{ file: 'w.yaml', report: twice }], TOOL, 'flatcar').runs[0].results;
    expect(result.message.text).toContain('at line 3');
    expect(result.relatedLocations).toEqual([
      { id: 0, physicalLocation: { artifactLocation: { uri: 'w.yaml' }, region: { startLine: 3, startColumn: 11, endLine: 3, endColumn: 17 } }, message: { text: 'the first entry for this file' } },
    ]);
    expect(run.results[0]).not.toHaveProperty('relatedLocations');
  });

  it('maps info to note, and gives line-0 findings no region', () => {
    const refReport = validate(H + 'coreos: {update: {bogus: 1}}\n', { rules: 'reference' });
    const sizeReport = validate(H + 'hostname: a\n' + '#'.repeat(17000) + '\n', { rules: 'all' });
    const [zero, size] = toSarif([{ file: 'a', report: refReport }, { file: 'b', report: sizeReport }], TOOL, 'flatcar').runs[0].results;
    expect(zero.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'a' } });
    expect(size).toMatchObject({ ruleId: 'user-data-size', level: 'note' });
  });

  it('turns file names into URIs', () => {
    expect(artifactUri('dir/my file.yaml')).toBe('dir/my%20file.yaml');
    expect(artifactUri('/srv/a#1.yaml')).toBe('file:///srv/a%231.yaml');
    expect(artifactUri('C:\\cfg\\a.yaml')).toBe('file:///C:/cfg/a.yaml');
  });
});
