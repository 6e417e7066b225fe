import { describe, expect, it } from 'vitest';
import type { Finding } from '../../types';
import { validate } from '../../validate';
import { expectFix, expectNoFix } from '../cloud-config/rules/testing';

const bu = (body: string, version = '1.1.0') => `variant: flatcar\nversion: ${version}\n${body}`;
const all = (text: string) => validate(text, { rules: 'all', format: 'butane' }).entries;
const of = (text: string, rule: string): Finding[] => all(text).filter((e) => e.rule === rule);
const fixed = (text: string, rule: string, token: string, title: string, insert: string, n = 1) => expectFix((t) => of(t, rule), text, token, title, insert, n);
const noFix = (text: string, rule: string) => expectNoFix((t) => of(t, rule), text);
const file = (lines: string) => bu(`storage:\n  files:\n    - ${lines.split('\n').join('\n      ')}\n`);

describe('Butane quick fixes, on the Butane text', () => {
  it('renames an unknown key to the near miss the message names, keeping its quotes', () => {
    fixed(file('path: /a\ncontnts:\n  inline: x'), 'ignition-unknown-key', 'contnts', 'Rename to contents', 'contents');
    fixed(file('path: /a\n"contnts":\n  inline: x'), 'ignition-unknown-key', '"contnts"', 'Rename to contents', '"contents"');
  });
  it('renames only when the value fits the near-miss field: no type error, no key it lacks', () => {
    // A list of paths under "dirs" is not "disks" (whose entries have a device).
    noFix(bu('storage:\n  dirs:\n    - path: /etc/motd\n'), 'ignition-unknown-key');
    noFix(bu('systemd:\n  units:\n    - name: a.service\n      enabld: [1]\n'), 'ignition-unknown-key');
    fixed(bu('systemd:\n  units:\n    - name: a.service\n      enabld: true\n'), 'ignition-unknown-key', 'enabld', 'Rename to enabled', 'enabled');
    // contents_local is Butane 1.1.0's: 1.0.0 has no such field to rename to.
    fixed(bu('systemd:\n  units:\n    - name: a.service\n      contents_lcal: a\n'), 'ignition-unknown-key', 'contents_lcal', 'Rename to contents_local', 'contents_local');
    noFix(bu('systemd:\n  units:\n    - name: a.service\n      contents_lcal: a\n', '1.0.0'), 'ignition-unknown-key');
  });
  it('does not rename onto a key the mapping already has', () => {
    noFix(file('path: /a\ncontnts:\n  inline: x\ncontents:\n  inline: y'), 'ignition-unknown-key');
  });
  it('makes a relative path absolute and cleans an unclean one, in the path\'s own quoting', () => {
    fixed(file('path: etc/hosts'), 'ignition-path', 'etc/hosts', 'Make the path absolute', '/etc/hosts');
    fixed(file("path: 'etc/hosts'"), 'ignition-path', "'etc/hosts'", 'Make the path absolute', "'/etc/hosts'");
    fixed(file('path: "/etc//x/"'), 'ignition-path', '"/etc//x/"', 'Change to /etc/x', '"/etc/x"');
    fixed(bu('storage:\n  files: [{path: "etc/a,b"}, {path: /b}]\n'), 'ignition-path', '"etc/a,b"', 'Make the path absolute', '"/etc/a,b"');
  });
  it('writes a plain value plain, unless it has a comma, which would end it in a flow mapping', () => {
    fixed(bu('storage:\n  files: [{path: /etc//a}]\n'), 'ignition-path', '/etc//a', 'Change to /etc/a', '/etc/a');
    fixed(bu('storage:\n  directories:\n    - path: etc/x y\n'), 'ignition-path', 'etc/x y', 'Make the path absolute', '/etc/x y');
    fixed(file('path: etc/a,b'), 'ignition-path', 'etc/a,b', 'Make the path absolute', '"/etc/a,b"');
  });
  it('leaves a value it cannot rewrite in one piece without a fix: a block scalar, an alias', () => {
    noFix(file('path: |-\n  etc/hosts'), 'ignition-path');
    noFix(bu('x: &p etc/hosts\nstorage:\n  files:\n    - path: *p\n'), 'ignition-path');
  });
  it('adds the leading zero to a decimal-looking mode', () => {
    fixed(file('path: /a\nmode: 644'), 'butane-mode', '644', 'Write 0644', '0644');
    fixed(bu('storage:\n  directories:\n    - path: /d\n      mode: 755\n'), 'butane-mode', '755', 'Write 0755', '0755');
  });
  it('corrects a compression that can only mean gzip', () => {
    fixed(file('path: /a\ncontents:\n  source: https://example.com/a\n  compression: gz'), 'ignition-compression', 'gz', 'Change to gzip', 'gzip');
  });
  it('corrects a misspelt filesystem format and unit suffix, and appends .conf to a drop-in', () => {
    fixed(bu('storage:\n  filesystems:\n    - device: /dev/sda\n      format: btfrs\n'), 'ignition-storage', 'btfrs', 'Change to btrfs', 'btrfs');
    fixed(bu('systemd:\n  units:\n    - name: web.servce\n'), 'ignition-unit-name', 'web.servce', 'Change the suffix to .service', 'web.service');
    fixed(bu('systemd:\n  units:\n    - name: web.service\n      dropins:\n        - name: 10-opts\n'), 'ignition-unit-name', '10-opts', 'Append .conf', '10-opts.conf');
  });
  it('fixes the path of a filesystem with a mount unit at the path, not in the unit made from it', () => {
    const text = bu('storage:\n  filesystems:\n    - device: /dev/sda\n      format: ext4\n      path: var//lib\n      with_mount_unit: true\n');
    const found = of(text, 'ignition-path');
    expect(found.map((f) => [f.message, f.fixes?.map((x) => x.insert)])).toEqual([['path not absolute', ['/var/lib']]]);
  });
  it('gives fixes in the all set only: the reference set reproduces butane', () => {
    const text = file('path: etc/a\nmode: 644\ncontnts:\n  inline: x');
    expect(all(text).filter((e) => e.fixes).map((e) => e.rule).sort()).toEqual(['butane-mode', 'ignition-path', 'ignition-unknown-key']);
    const reference = validate(text, { rules: 'reference', format: 'butane' }).entries;
    expect(reference.length).toBe(3);
    for (const f of reference) expect(f.fixes).toBeUndefined();
  });
});
