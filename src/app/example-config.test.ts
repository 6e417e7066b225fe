import { describe, expect, it } from 'vitest';
import { validate } from '../core';
import { exampleConfig } from './example-config';

// etcd2 and fleet are no longer shipped: the reference warns, all checks note it; nothing else may be reported.
const deprecations = [
  { line: 9, kind: 'warning', rule: 'deprecated-key', message: 'deprecated key "etcd2" (etcd2 is no longer shipped in Container Linux)' },
  { line: 18, kind: 'warning', rule: 'deprecated-key', message: 'deprecated key "fleet" (fleet is no longer shipped in Container Linux)' },
];
const notes = [
  { ...deprecations[0], kind: 'info', message: `${deprecations[0].message}; it works on releases that still ship etcd2` },
  { ...deprecations[1], kind: 'info', message: `${deprecations[1].message}; it works on releases that still ship fleet` },
];

const essentials = (text: string, rules: 'all' | 'reference', target: 'coreos' | 'flatcar' = 'coreos') =>
  validate(text, { rules, target }).entries.map(({ line, kind, rule, message }) => ({ line, kind, rule, message }));

describe('the example config', () => {
  it('is cloud-config', () => {
    expect(validate(exampleConfig).kind).toBe('cloud-config');
  });

  it('draws only the etcd2 and fleet deprecations from the reference rule set', () => {
    expect(essentials(exampleConfig, 'reference')).toEqual(deprecations);
  });

  it('draws only notes of those deprecations from all checks', () => {
    expect(essentials(exampleConfig, 'all')).toEqual(notes);
  });

  it('is told, for Flatcar, that neither etcd2 nor fleet ships there', () => {
    expect(essentials(exampleConfig, 'all', 'flatcar').map(({ line, kind, message }) => [line, kind, message.split(';')[0]])).toEqual([
      [9, 'warning', 'deprecated key "etcd2": Flatcar does not ship etcd2'],
      [18, 'warning', 'deprecated key "fleet": Flatcar does not ship fleet'],
    ]);
  });

  it('is a three-node etcd2 cluster member with a socket unit, a drop-in and a quoted file mode', () => {
    expect(exampleConfig).toMatch(/initial_cluster: node-1=[^,\n]+,node-2=[^,\n]+,node-3=[^,\n]+\n/);
    expect(exampleConfig).toMatch(/- name: [\w-]+\.socket\n/);
    expect(exampleConfig).toMatch(/drop_ins:\n/);
    expect(exampleConfig).toContain("permissions: '0644'");
    expect(exampleConfig).toContain('reboot_strategy: etcd-lock');
  });
});
