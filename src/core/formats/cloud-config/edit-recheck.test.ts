import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validate } from '../../validate';
import type { Finding } from '../../types';
import { recheckEdit, RECHECK_MAX_CHARS } from './edit-recheck';

const entries = (text: string): Finding[] => validate(text, { rules: 'all', target: 'flatcar' }).entries;
const checked = (text: string) => ({ text, entries: entries(text) });
/** The quick report, with every document it validated again. */
function recheck(before: string, after: string) {
  const documents: string[] = [];
  const report = recheckEdit(checked(before), after, (document) => {
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
    declined(base, edit(base, '#cloud-config\n', '- a list\n')); // a top level that is no plain key
    declined(edit(base, 'reboot_strategy: etcd-lock', '\n bad: ['), base); // the report before is a syntax error
    declined(base, edit(base, 'manage_etc_hosts: localhost', 'x'.repeat(RECHECK_MAX_CHARS))); // too much to recheck
    declined(base, base);
  });

  it('leaves to the caller a document it cannot check', () => {
    expect(recheckEdit(checked(base), edit(base, 'reboot_strategy: etcd-lock', 'x'), () => undefined)).toBeUndefined();
  });
});
