import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, fullFindingsOf, H } from './testing';

const RULE = 'yaml11-word';

describe('yaml11-word (Flatcar)', () => {
  it('explains a YAML 1.1 boolean word in a string field, with a fix that quotes it', () => {
    const text = `${H}coreos:\n  update:\n    reboot_strategy: off\n`;
    expect(findingsOf(text, RULE, 'flatcar')).toEqual([
      {
        kind: 'info',
        message:
          'off is the string "off" to Flatcar (yaml.v3) and was the boolean false to CoreOS (YAML 1.1), whose decoder then kept the word as written in this string field, so both apply "off"; a YAML 1.1 tool that rewrites the file would write false: quote it',
        line: 4, column: 22, endLine: 4, endColumn: 25,
      },
    ]);
    expect(applyFix(text, fullFindingsOf(text, RULE, 'flatcar')[0])).toBe(`${H}coreos:\n  update:\n    reboot_strategy: 'off'\n`);
  });

  it('covers every spelling of the words, true ones included', () => {
    const text = `${H}coreos:\n  etcd2:\n    proxy: On\n  update:\n    group: Y\n`;
    expect(findingsOf(text, RULE, 'flatcar').map((f) => [f.line, f.column, f.message.slice(0, 48)])).toEqual([
      [4, 12, 'On is the string "On" to Flatcar (yaml.v3) and w'],
      [6, 12, 'Y is the string "Y" to Flatcar (yaml.v3) and was'],
    ]);
    expect(findingsOf(text, RULE, 'flatcar')[0].message).toContain('was the boolean true to CoreOS');
  });

  it('leaves quoted words, bool fields, other words, unknown keys and the coreos target alone', () => {
    expect(findingsOf(`${H}coreos:\n  update:\n    reboot_strategy: "off"\n`, RULE, 'flatcar')).toEqual([]);
    expect(findingsOf(`${H}coreos:\n  units:\n    - name: a.service\n      enable: yes\n`, RULE, 'flatcar')).toEqual([]);
    expect(findingsOf(`${H}coreos:\n  update:\n    reboot_strategy: reboot\n`, RULE, 'flatcar')).toEqual([]);
    expect(findingsOf(`${H}extra: off\n`, RULE, 'flatcar')).toEqual([]);
    expect(findingsOf(`${H}coreos:\n  update:\n    reboot_strategy: off\n`, RULE, 'coreos')).toEqual([]);
  });

  it('does not quote an alias in place of its anchor', () => {
    expect(findingsOf(`${H}x: &w off\ncoreos:\n  update:\n    reboot_strategy: *w\n`, RULE, 'flatcar')).toEqual([]);
  });
});
