import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validate } from '../../validate';
import type { Finding } from '../../types';
import { applyTextEdit, textEdit, type TextEdit } from '../../text/common-ends';
import { blocksAfterEdit, recheckEdit, RECHECK_MAX_CHARS, topLevelBlocks } from './edit-recheck';

const entries = (text: string): Finding[] => validate(text, { rules: 'all', target: 'flatcar' }).entries;
const checked = (text: string) => ({ text, entries: entries(text) });
/** The quick report, with every document it validated again; for the smallest edit, or `given`. */
function recheck(before: string, after: string, given: TextEdit = textEdit(before, after)) {
  const documents: string[] = [];
  const report = recheckEdit(checked(before), given, (document) => {
    documents.push(document);
    return entries(document);
  });
  return { report, documents };
}

const example = readFileSync(new URL('../../../../examples/etcd-cluster-node.yaml', import.meta.url), 'utf8');
/** The example with a large write_files block after it, and a small block after that. */
function large(files = 600): string {
  let out = example.trimEnd() + '\n';
  for (let i = 0; i < files; i++) out += `  - path: /etc/app/conf.d/${i}.conf\n    permissions: '0644'\n    owner: root\n    content: |\n      setting_${i}=on\n`;
  return out + 'manage_etc_hosts: localhost\n';
}
const edit = (text: string, at: string, insert: string, remove = 0) => {
  const i = text.indexOf(at) + at.length;
  return text.slice(0, i) + insert + text.slice(i + remove);
};

describe('recheckEdit', () => {
  const base = large();

  it('gives the whole text’s report for edits in a small block, validating only the small blocks', () => {
    const edits = [
      edit(base, 'reboot_strategy: etcd-lock', 'x'), // a value the rules refuse
      edit(base, 'reboot_strategy: ', '', 'etcd-lock'.length), // an empty value
      edit(base, 'manage_etc_hosts: local', 'x'), // the last block
      edit(base, '  update:\n', '    reboot-strategy: off\n'), // a new line, and a duplicate key
      edit(base, '#cloud-config\n', 'users:\n  - name: core\n    passwd: x\n'), // a new block
    ];
    for (const after of edits) {
      const { report, documents } = recheck(base, after);
      expect(report).toEqual(entries(after));
      expect(documents).toHaveLength(1);
      expect(documents[0].length).toBeLessThanOrEqual(RECHECK_MAX_CHARS);
      expect(documents[0]).not.toContain('conf.d/599');
    }
    // The edits do change the report: the comparison above is not between equal reports.
    expect(entries(edits[0])).not.toEqual(entries(base));
    expect(entries(edits[2])).not.toEqual(entries(base));
  });

  it('moves the large block’s findings with the lines the edit adds', () => {
    const before = base.replace("conf.d/300.conf\n    permissions: '0644'", "conf.d/300.conf\n    permissions: '0999'");
    const after = edit(before, '  update:\n', '    group: alpha\n    server: https://u.example/\n');
    const full = entries(after);
    expect(full.some((f) => f.line > 1500 && f.rule === 'invalid-value')).toBe(true);
    expect(recheck(before, after).report).toEqual(full);
    // A message citing a line (a key given twice cites the first) cites it by its number now.
    const citing = edit(base, 'conf.d/300.conf\n', "    permissions: '0600'\n");
    const cited = entries(citing).find((f) => f.line > 1500 && f.related);
    expect(cited?.message).toContain(`line ${cited?.related?.line}`);
    const moved = edit(citing, '  update:\n', '    group: alpha\n');
    expect(recheck(citing, moved).report).toEqual(entries(moved));
    expect(recheck(citing, edit(citing, 'group: stable', 'x')).report).toEqual(entries(edit(citing, 'group: stable', 'x')));
  });

  it('moves the place a rechecked finding cites, and the line its message gives', () => {
    // A unit given twice in a small block after a large one: the document holds the small block
    // alone, so its lines there are not the text's.
    const files = Array.from({ length: 600 }, (_, i) => `  - path: /etc/app/${i}.conf\n    content: x\n`).join('');
    const units = `#cloud-config\nwrite_files:\n${files}coreos:\n  units:\n    - name: twice.service\n      content: "[Unit]"\n    - name: twice.service\n      content: "[Service]"\n`;
    const after = edit(units, '  units:\n', '    - name: other.service\n      content: "[Unit]"\n');
    const { report, documents } = recheck(units, after);
    expect(documents[0]).not.toContain('write_files');
    expect(report).toEqual(entries(after));
    const twice = report!.find((f) => f.rule === 'duplicate-unit')!;
    expect(twice).toMatchObject({ line: 1209, related: { line: 1207, message: 'the first entry for this unit' } });
    expect(twice.message).toContain('at line 1207;');
  });

  it('reports a syntax error in the edited block as the whole text does', () => {
    const after = edit(base, 'reboot_strategy: etcd-lock', '\n   bad: [');
    const { report } = recheck(base, after);
    expect(report).toEqual(entries(after));
    expect(report).toHaveLength(1);
    expect(report![0].rule).toBe('yaml-syntax');
  });

  it('declines where the cut could change what the parser reads', () => {
    const declined = (before: string, after: string) => expect(recheck(before, after).report).toBeUndefined();
    declined(base, base.replace('#cloud-config\n', '#cloud-config\n# note\n')); // before the first key
    declined(base, edit(base, 'reboot_strategy: ', '&a ')); // an anchor
    declined(edit(base, 'reboot_strategy: ', '*a '), base); // an alias the edit removes
    declined(base, edit(base, 'reboot_strategy: etcd-lock', ' !!str')); // a tag
    declined(base, edit(base, 'group: stable', '\n    server: # see |\n      &s https://u.example/')); // under a comment that looks like `|`
    declined(base, edit(base, '#cloud-config\n', 'hostname: twice\n')); // a key given twice
    // Two spellings of one key before the edit, one gone after it: the large block's findings
    // (their paths count the other block's entries) came of both.
    const bad = base.replace("conf.d/300.conf\n    permissions: '0644'", "conf.d/300.conf\n    permissions: '0999'");
    const twins = bad.replace('#cloud-config\n', "#cloud-config\nwrite-files:\n  - path: /etc/one\n");
    const untwinned = twins.replace('write-files:', 'write-filex:');
    const pathOf = (text: string) => entries(text).find((f) => f.rule === 'invalid-value')?.path;
    expect(pathOf(twins)).toMatch(/^\$\.write_files\[\d+\]/);
    expect(pathOf(twins)).not.toBe(pathOf(untwinned));
    declined(twins, untwinned);
    declined(base, edit(base, '#cloud-config\n', '- a list\n')); // a top level that is no plain key
    declined(edit(base, 'reboot_strategy: etcd-lock', '\n bad: ['), base); // the report before is a syntax error
    declined(base, edit(base, 'manage_etc_hosts: localhost', 'x'.repeat(RECHECK_MAX_CHARS))); // too much to recheck
    declined(base, base);
    // Lines end at a lone CR too: a text with one, or an edit that could make or break one.
    const crlf = base.replace(/\n/g, '\r\n');
    const at = crlf.indexOf('reboot_strategy: etcd-lock') + 'reboot_strategy: etcd-lock'.length;
    expect(crlf.slice(at, at + 2)).toBe('\r\n');
    declined(crlf, crlf.slice(0, at + 1) + ' ' + crlf.slice(at + 1)); // between CR and LF
    declined(crlf, crlf.slice(0, at + 1) + crlf.slice(at + 2)); // the LF after a CR
    declined(crlf, crlf.slice(0, at) + 'x\r' + crlf.slice(at)); // a CR before a CR
    declined(crlf, crlf + 'extra: a\r'); // a CR at the end
    declined(crlf.replace('\r\n', '\r'), crlf.replace('\r\n', '\r').replace('etcd-lock', 'etcd-lockx')); // one already
  });

  it('rechecks a text with CRLF line ends as any other', () => {
    const crlf = base.replace(/\n/g, '\r\n');
    const after = edit(crlf, 'reboot_strategy: etcd-lock', 'x\r\n    group: beta');
    const { report } = recheck(crlf, after);
    expect(report).toEqual(entries(after));
    expect(report!.some((f) => f.rule === 'invalid-value')).toBe(true);
  });

  it('leaves to the caller a document it cannot check', () => {
    expect(recheckEdit(checked(base), textEdit(base, edit(base, 'reboot_strategy: etcd-lock', 'x')), () => undefined)).toBeUndefined();
  });

  it('gives the same report for an edit given wider than it is, as an editor’s changes can be', () => {
    const after = edit(base, 'reboot_strategy: etcd-lock', 'x');
    const at = base.indexOf('reboot_strategy');
    // The replacement spans unchanged text on both sides, a line break and a key line among it.
    const wide = { from: at - 30, to: at + 200, insert: after.slice(at - 30, at + 201) };
    expect(applyTextEdit(base, wide)).toBe(after);
    expect(recheck(base, after, wide).report).toEqual(entries(after));
  });
});

describe('blocksAfterEdit', () => {
  it('finds the blocks a scan of the edited text would, scanning only around the edit', () => {
    const text = `#cloud-config\n---\nhostname: a\n# note\nusers:\n  - name: core\n\nwrite_files:\n  - path: /x\ncoreos:\n  update:\n    group: stable\nmanage_etc_hosts: localhost`;
    const inserts = ['', 'x', '\n', 'key: v\n', '  ', '\nlate: 1', '- item\n', ':', '---\n', '#', '\n  indented\nnext:'];
    let seed = 11;
    const random = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) % n);
    const was = topLevelBlocks(text)!;
    expect(was.map((b) => b.key)).toEqual(['hostname:', 'users:', 'write_files:', 'coreos:', 'manage_etc_hosts:']);
    // Every insert, and every deletion of a character, at every place after the header; then
    // longer replacements at random places.
    const after = '#cloud-config\n'.length;
    const changes: TextEdit[] = [];
    for (let from = after; from <= text.length; from++) {
      for (const insert of inserts) changes.push({ from, to: from, insert });
      if (from < text.length) changes.push({ from, to: from + 1, insert: '' });
    }
    for (let i = 0; i < 500; i++) {
      const from = after + random(text.length - after + 1);
      changes.push({ from, to: Math.min(text.length, from + random(60)), insert: inserts[random(inserts.length)] });
    }
    let compared = 0;
    for (const change of changes) {
      const expected = topLevelBlocks(applyTextEdit(text, change));
      const got = blocksAfterEdit(text, was, change);
      if (expected === undefined) expect(got).toBeUndefined();
      else {
        expect(got, JSON.stringify(change)).toEqual(expected);
        compared++;
      }
    }
    // Most edits leave a text that can be cut: the comparison is mostly between block lists.
    expect(compared).toBeGreaterThan(changes.length / 2);
  });

  it('declines an edit of the header line', () => {
    const text = '#cloud-config\nhostname: a\n';
    expect(blocksAfterEdit(text, topLevelBlocks(text)!, { from: 3, to: 3, insert: 'x' })).toBeUndefined();
    expect(blocksAfterEdit(text, topLevelBlocks(text)!, { from: 13, to: 14, insert: '' })).toBeUndefined();
    expect(blocksAfterEdit(text, topLevelBlocks(text)!, { from: 14, to: 14, insert: '\n' })).toEqual([{ key: 'hostname:', start: 15, end: 27, line: 3 }]);
  });
});
