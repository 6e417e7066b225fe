import { describe, expect, it } from 'vitest';
import { validate } from '../../../validate';
import { applyFix, fullFindingsOf, H } from './testing';

/** Unknown-key findings keep the reference's rule id; only the `all` set adds suggestions. */
const unknown = (text: string) =>
  validate(text, { rules: 'all' })
    .entries.filter((e) => e.rule === 'unknown-key')
    .map(({ kind, message, line, column, endLine, endColumn }) => ({ kind, message, line, column, endLine, endColumn }));

describe('unknown keys in the all set', () => {
  it('suggest a key valid at that place, with a fix that renames it', () => {
    const text = `${H}coreos:\n  update:\n    reboot_stratgy: off\n`;
    expect(unknown(text)).toEqual([
      { kind: 'warning', message: 'unrecognized key "reboot_stratgy"; did you mean "reboot_strategy"?', line: 4, column: 5, endLine: 4, endColumn: 19 },
    ]);
    expect(applyFix(text, fullFindingsOf(text, 'unknown-key')[0])).toBe(`${H}coreos:\n  update:\n    reboot_strategy: off\n`);
  });

  it('keep the quotes of a quoted key when renaming it', () => {
    const text = `${H}coreos:\n  "unitz": []\n`;
    expect(applyFix(text, fullFindingsOf(text, 'unknown-key')[0])).toBe(`${H}coreos:\n  "units": []\n`);
  });

  it('say where a key valid elsewhere belongs', () => {
    expect(unknown(`${H}coreos:\n  reboot-strategy: off\nupdate:\n  group: beta\n`).map((f) => f.message)).toEqual([
      'unrecognized key "reboot_strategy"; it belongs under coreos.update',
      'unrecognized key "update"; it belongs under coreos',
    ]);
    expect(unknown(`${H}coreos:\n  permissions: '0644'\n`)[0].message).toBe('unrecognized key "permissions"; it belongs under entries of write_files');
  });

  it('stay as they are when nothing is close', () => {
    expect(unknown(`${H}coreos:\n  bogus: 1\n`)[0].message).toBe('unrecognized key "bogus"');
    expect(unknown(`${H}name: a\n`)[0].message).toBe('unrecognized key "name"');
  });

  it('are left alone in the reference set', () => {
    expect(validate(`${H}coreos:\n  update:\n    reboot_stratgy: off\n`, { rules: 'reference' }).entries.map((e) => e.message)).toEqual([
      'unrecognized key "reboot_stratgy"',
    ]);
  });
});

describe('reference value checks in the all set', () => {
  it('skip templated values, which are unknown until rendered', () => {
    const text = `${H}coreos:\n  etcd:\n    discovery: \${url}\n  update:\n    reboot_strategy: "{{ .Strategy }}"\nwrite_files:\n  - path: /a\n    permissions: \${mode}\n    encoding: base64\n    content: \${data}\n`;
    const rules = (set: 'all' | 'reference') => validate(text, { rules: set }).entries.map((e) => e.rule).filter((r) => r !== 'deprecated-key');
    expect(rules('all')).toEqual([]);
    expect(rules('reference')).toEqual(['discovery-url', 'invalid-value', 'invalid-value', 'content-encoding']);
  });

  it('still report plain values', () => {
    expect(validate(`${H}coreos:\n  update:\n    reboot_strategy: sometimes\n`, { rules: 'all' }).entries.map((e) => e.message)).toEqual([
      'invalid value sometimes; reboot_strategy takes "etcd-lock", "reboot" or "off"',
    ]);
  });
});

describe('deprecations of services that left Container Linux', () => {
  it('are notes in the all set for CoreOS and warnings in the reference set', () => {
    const text = '#cloud-config\ncoreos:\n  etcd2:\n    name: a\n  fleet:\n    metadata: x\n';
    const all = validate(text, { rules: 'all', target: 'coreos' }).entries.filter((e) => e.rule === 'deprecated-key');
    expect(all.map((e) => [e.line, e.kind, e.message])).toEqual([
      [3, 'info', 'deprecated key "etcd2" (etcd2 is no longer shipped in Container Linux); it works on releases that still ship etcd2'],
      [5, 'info', 'deprecated key "fleet" (fleet is no longer shipped in Container Linux); it works on releases that still ship fleet'],
    ]);
    expect(validate(text, { rules: 'reference' }).entries.map((e) => e.kind)).toEqual(['warning', 'warning']);
  });

  it('are warnings for Flatcar, which ships none of them, naming what it runs instead', () => {
    const text = '#cloud-config\ncoreos:\n  etcd:\n    name: a\n  etcd2:\n    name: a\n  fleet:\n    metadata: x\n';
    const all = validate(text, { rules: 'all', target: 'flatcar' }).entries.filter((e) => e.rule === 'deprecated-key');
    const etcdMember = 'Flatcar runs etcd v3 as etcd-member.service: configure it with a drop-in for etcd-member.service in coreos.units, or with Butane';
    expect(all.map((e) => [e.line, e.column, e.endColumn, e.kind, e.message])).toEqual([
      [3, 3, 7, 'warning', `deprecated key "etcd": Flatcar does not ship etcd; coreos-cloudinit writes this section as a drop-in for etcd.service, a unit Flatcar does not have, so nothing runs; ${etcdMember}`],
      [5, 3, 8, 'warning', `deprecated key "etcd2": Flatcar does not ship etcd2; coreos-cloudinit writes this section as a drop-in for etcd2.service, a unit Flatcar does not have, so nothing runs; ${etcdMember}`],
      [7, 3, 8, 'warning', 'deprecated key "fleet": Flatcar does not ship fleet; coreos-cloudinit writes this section as a drop-in for fleet.service, a unit Flatcar does not have, so nothing runs; run the workloads as systemd units in coreos.units'],
    ]);
  });

  it('say nothing of flannel and locksmith, which Flatcar still ships', () => {
    const text = '#cloud-config\ncoreos:\n  flannel:\n    etcd_prefix: /x\n  locksmith:\n    group: a\n';
    for (const target of ['flatcar', 'coreos'] as const) expect(validate(text, { rules: 'all', target }).entries).toEqual([]);
  });

  it('leave other deprecations as warnings', () => {
    const text = '#cloud-config\ncoreos:\n  etcd2:\n    ca_file: /x\n';
    for (const target of ['flatcar', 'coreos'] as const) {
      const [caFile] = validate(text, { rules: 'all', target }).entries.filter((e) => e.message.includes('"ca_file"'));
      expect(caFile.kind).toBe('warning');
    }
  });
});

describe('invalid values of keys with a fixed set of values', () => {
  const at = (value: string) =>
    validate(`#cloud-config\ncoreos:\n  update:\n    reboot_strategy: ${value}\n`, { rules: 'all' }).entries.find((e) => e.rule === 'invalid-value')!;

  it('name the allowed values and fix a near miss', () => {
    const f = at('etcd_lock');
    expect(f.message).toBe('invalid value etcd_lock; reboot_strategy takes "etcd-lock", "reboot" or "off"; did you mean "etcd-lock"?');
    expect(f.fixes).toEqual([{ title: 'Change to etcd-lock', from: 53, to: 62, insert: 'etcd-lock' }]);
  });

  it('explain values whose intent is known, keeping quotes', () => {
    expect(at('best-effort').message).toMatch(/best-effort was removed.*did you mean "etcd-lock"\?$/);
    expect(at('false').fixes?.[0].insert).toBe('off');
    expect(at('"always"').message).toBe('invalid value always; reboot_strategy takes "etcd-lock", "reboot" or "off"');
    expect(at("'rebot'").fixes?.[0].insert).toBe("'reboot'");
  });

  it('leave the reference set as it is', () => {
    const [f] = validate('#cloud-config\ncoreos:\n  update:\n    reboot_strategy: etcd_lock\n', { rules: 'reference' }).entries;
    expect(f.message).toBe('invalid value etcd_lock');
  });
});
