import { describe, expect, it } from 'vitest';
import { findingsOf, fullFindingsOf, H } from './testing';

describe('duplicate-unit', () => {
  it('accepts a unit listed again only to act on it', () => {
    const text = `${H}coreos:\n  units:\n    - name: systemd-networkd.service\n      command: stop\n    - name: 00-eth0.network\n      content: "[Match]"\n    - name: systemd-networkd.service\n      command: restart\n`;
    expect(findingsOf(text, 'duplicate-unit')).toEqual([]);
  });

  it('warns when two entries give the same unit content', () => {
    const text = `${H}coreos:\n  units:\n    - name: a.service\n      content: "[Unit]"\n    - name: b.service\n    - name: a.service\n      content: "[Service]"\n`;
    expect(findingsOf(text, 'duplicate-unit')).toEqual([
      { kind: 'warning', message: 'unit "a.service" already gets content at line 4; this later content replaces it: merge the two entries', line: 7, column: 13, endLine: 7, endColumn: 22 },
    ]);
    expect(fullFindingsOf(text, 'duplicate-unit')[0].related).toEqual({ line: 4, column: 13, endLine: 4, endColumn: 22, from: 43, to: 52, message: 'the first entry for this unit' });
  });
});

describe('duplicate-file-path', () => {
  it('accepts distinct paths', () => {
    expect(findingsOf(`${H}write_files:\n  - path: /etc/a\n  - path: /etc/b\n  - path: \${p}\n  - path: \${p}\n`, 'duplicate-file-path')).toEqual([]);
  });

  it('warns at the later entry, spellings of one file included', () => {
    const text = `${H}write_files:\n  - path: /etc/a\n    content: x\n  - path: /etc//a\n`;
    expect(findingsOf(text, 'duplicate-file-path')).toEqual([
      { kind: 'warning', message: 'path "/etc//a" names the file already written at line 3; this later entry replaces it: keep one entry per path', line: 5, column: 11, endLine: 5, endColumn: 18 },
    ]);
    expect(fullFindingsOf(text, 'duplicate-file-path')[0].related).toEqual({ line: 3, column: 11, endLine: 3, endColumn: 17, from: 37, to: 43, message: 'the first entry for this file' });
  });
});
