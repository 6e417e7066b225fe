import { describe, expect, it } from 'vitest';
import { validate } from '../../../validate';
import { applyFix, findingsOf, fullFindingsOf, H } from './testing';

const RULE = 'hyphenated-key';

describe('hyphenated-key (Flatcar)', () => {
  it('reports a hyphenated known key at its key token, with a rename fix', () => {
    const text = `${H}coreos:\n  update:\n    reboot-strategy: etcd-lock\n`;
    expect(findingsOf(text, RULE, 'flatcar')).toEqual([
      {
        kind: 'error',
        message: 'Flatcar ignores "reboot-strategy": since 3975.2.0 keys are read as written; write "reboot_strategy"',
        line: 4, column: 5, endLine: 4, endColumn: 20,
      },
    ]);
    expect(applyFix(text, fullFindingsOf(text, RULE, 'flatcar')[0])).toBe(`${H}coreos:\n  update:\n    reboot_strategy: etcd-lock\n`);
  });

  it('finds them at every depth and says that what is under them goes too', () => {
    const text = `${H}write-files:\n  - path: /etc/a\ncoreos:\n  units:\n    - name: a.service\n      drop-ins:\n        - name: 10-x.conf\n          content: x\n`;
    expect(findingsOf(text, RULE, 'flatcar')).toEqual([
      {
        kind: 'error',
        message: 'Flatcar ignores "write-files" and everything under it: since 3975.2.0 keys are read as written; write "write_files"',
        line: 2, column: 1, endLine: 2, endColumn: 12,
      },
      {
        kind: 'error',
        message: 'Flatcar ignores "drop-ins" and everything under it: since 3975.2.0 keys are read as written; write "drop_ins"',
        line: 7, column: 7, endLine: 7, endColumn: 15,
      },
    ]);
  });

  it('keeps the quotes of a quoted key in the fix', () => {
    const text = `${H}coreos:\n  etcd2:\n    "initial-cluster": a=http://10.0.0.1:2380\n`;
    const [f] = fullFindingsOf(text, RULE, 'flatcar');
    expect([f.line, f.column, f.endLine, f.endColumn]).toEqual([4, 5, 4, 22]);
    expect(applyFix(text, f)).toBe(`${H}coreos:\n  etcd2:\n    "initial_cluster": a=http://10.0.0.1:2380\n`);
  });

  it('offers no rename when the underscore spelling is already there', () => {
    const text = `${H}coreos:\n  update:\n    reboot_strategy: off\n    reboot-strategy: reboot\n`;
    const [f] = fullFindingsOf(text, RULE, 'flatcar');
    expect(f.message).toBe(
      'Flatcar ignores "reboot-strategy": since 3975.2.0 keys are read as written; write "reboot_strategy", and merge it with the "reboot_strategy" at line 4, the one Flatcar reads',
    );
    expect([f.line, f.column, f.fixes]).toEqual([5, 5, undefined]);
    // The line it cites is the twin's place, as data too.
    expect(f.related).toEqual({ line: 4, column: 5, endLine: 4, endColumn: 20, from: 36, to: 51, message: 'the "reboot_strategy" Flatcar reads' });
  });

  it('is one finding per key: no unknown-key beside it', () => {
    const text = `${H}coreos:\n  update:\n    reboot-strategy: etcd-lock\n`;
    expect(validate(text, { rules: 'all', target: 'flatcar' }).entries.map((e) => e.rule)).toEqual([RULE]);
  });

  it('speaks alone for the key and what is under it in place of the reference\'s findings', () => {
    const all = (text: string) => validate(text, { rules: 'all', target: 'flatcar' }).entries.map((e) => [e.line, e.rule]);
    expect(all(`${H}users:\n  - name: a\n    coreos-ssh-import-url: http://x\n`)).toEqual([[4, RULE]]);
    expect(all(`${H}coreos:\n  update:\n    reboot-strategy: sometimes\n`)).toEqual([[4, RULE]]);
    expect(all(`${H}coreos:\n  units:\n    - name: a.service\n      drop-ins:\n        - name: 10-a.conf\n          runtime: [x]\n`)).toEqual([[5, RULE]]);
    // The all set's own checks stay: they hold once the key is renamed.
    expect(all(`${H}coreos:\n  units:\n    - name: a.service\n      drop-ins:\n        - name: a.txt\n          content: "[Service]"\n`)).toEqual([[5, RULE], [6, 'drop-in-name']]);
    expect(validate(`${H}coreos:\n  update:\n    reboot-strategy: sometimes\n`, { rules: 'all', target: 'coreos' }).entries.map((e) => e.rule)).toEqual(['invalid-value']);
  });

  it('leaves keys that are unknown anyway to unknown-key', () => {
    expect(findingsOf(`${H}coreos:\n  foo-bar: 1\n`, RULE, 'flatcar')).toEqual([]);
    expect(findingsOf(`${H}coreos:\n  reboot-strategy: off\n`, RULE, 'flatcar')).toEqual([]);
    expect(findingsOf(`${H}extra:\n  reboot-strategy: off\n`, RULE, 'flatcar')).toEqual([]);
    const unknown = validate(`${H}coreos:\n  foo-bar: 1\n`, { rules: 'all', target: 'flatcar' }).entries;
    expect(unknown.map((e) => [e.rule, e.line, e.column])).toEqual([['unknown-key', 3, 3]]);
  });

  it('says nothing for underscores, nor for the coreos target, which maps - to _', () => {
    expect(findingsOf(`${H}coreos:\n  update:\n    reboot_strategy: etcd-lock\n`, RULE, 'flatcar')).toEqual([]);
    expect(findingsOf(`${H}coreos:\n  update:\n    reboot-strategy: etcd-lock\n`, RULE, 'coreos')).toEqual([]);
    expect(validate(`${H}coreos:\n  update:\n    reboot-strategy: etcd-lock\n`, { rules: 'all', target: 'coreos' }).entries).toEqual([]);
  });
});
