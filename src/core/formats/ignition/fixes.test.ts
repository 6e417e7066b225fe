import { describe, expect, it } from 'vitest';
import type { Finding } from '../../types';
import { validate } from '../../validate';
import { expectFix, expectNoFix } from '../cloud-config/rules/testing';

const config = (body: string, version = '3.4.0') => `{"ignition":{"version":"${version}"}${body ? ',' + body : ''}}`;
const files = (...f: string[]) => `"storage":{"files":[${f.join(',')}]}`;
const all = (text: string) => validate(text, { rules: 'all', format: 'ignition' }).entries;
const of = (text: string, rule: string, message?: string): Finding[] => all(text).filter((e) => e.rule === rule && (message === undefined || e.message.startsWith(message)));
const fixed = (text: string, rule: string, token: string, title: string, insert: string, message?: string) => expectFix((t) => of(t, rule, message), text, token, title, insert);
const noFix = (text: string, rule: string) => expectNoFix((t) => of(t, rule), text);

describe('Ignition quick fixes', () => {
  it('renames an unknown key to the near miss the message names, keeping the quotes', () => {
    fixed(config('"systemd":{"units":[{"name":"a.service","enabld":true}]}'), 'ignition-unknown-key', '"enabld"', 'Rename to enabled', '"enabled"');
    fixed(config('"pasword":{}'), 'ignition-unknown-key', '"pasword"', 'Rename to passwd', '"passwd"');
  });
  it('does not rename onto a key the object already has, nor without a near miss', () => {
    noFix(config('"systemd":{"units":[{"name":"a.service","enabld":true,"enabled":false}]}'), 'ignition-unknown-key');
    noFix(config('"systemd":{"units":[{"name":"a.service","enabld":true,"enabld":false}]}'), 'ignition-unknown-key');
    noFix(config('"colour":{}'), 'ignition-unknown-key');
  });
  it('renames only when the value fits the near-miss field: no type error, no key it lacks', () => {
    // A list of paths under "dirs" is not "disks" (whose entries have a device).
    noFix(config('"storage":{"dirs":[{"path":"/a"}]}'), 'ignition-unknown-key');
    noFix(config('"systemd":{"units":[{"name":"a.service","enabld":"yes"}]}'), 'ignition-unknown-key');
    fixed(config('"storage":{"filez":[{"path":"/a","mode":420}]}'), 'ignition-unknown-key', '"filez"', 'Rename to files', '"files"');
  });
  it('renames a key written in other capitals, which Go would read but Ignition reports', () => {
    fixed(config('"systemd":{"units":[{"name":"a.service","Enabled":true}]}'), 'ignition-unknown-key', '"Enabled"', 'Rename to enabled', '"enabled"');
    noFix(config('"systemd":{"units":[{"name":"a.service","Enabled":true,"enabled":false}]}'), 'ignition-unknown-key');
  });
  it('makes a relative path absolute, and cleans an unclean one as path.Clean does', () => {
    fixed(config(files('{"path":"etc/hosts"}')), 'ignition-path', '"etc/hosts"', 'Make the path absolute', '"/etc/hosts"');
    fixed(config(files('{"path":"etc/./x"}')), 'ignition-path', '"etc/./x"', 'Change to /etc/x', '"/etc/x"', 'path not absolute');
    fixed(config(files('{"path":"/etc//x/./y/"}')), 'ignition-path', '"/etc//x/./y/"', 'Change to /etc/x/y', '"/etc/x/y"');
    fixed(config('"storage":{"directories":[{"path":"/var/a/../b"}]}'), 'ignition-path', '"/var/a/../b"', 'Change to /var/b', '"/var/b"');
    fixed(config('"storage":{"filesystems":[{"device":"/dev/sda","format":"ext4","path":"var"}]}'), 'ignition-path', '"var"', 'Make the path absolute', '"/var"');
  });
  it('does not root a relative path that means something else: a home, a variable, a Windows path', () => {
    for (const p of ['~/x', '$HOME/x', '{{dir}}/x', 'C:\\\\x']) noFix(config(files(`{"path":"${p}"}`)), 'ignition-path');
  });
  it('rewrites an escaped path as plain JSON', () => {
    fixed(config(files('{"path":"etc\\/hosts"}')), 'ignition-path', '"etc\\/hosts"', 'Make the path absolute', '"/etc/hosts"');
  });
  it('cleans a device path, but does not root a relative device (sda is /dev/sda)', () => {
    fixed(config('"storage":{"disks":[{"device":"/dev//sda"}]}'), 'ignition-path', '"/dev//sda"', 'Change to /dev/sda', '"/dev/sda"');
    noFix(config('"storage":{"disks":[{"device":"sda"}]}'), 'ignition-path');
  });
  it('writes the decimal value of a mode written as octal digits', () => {
    const text = config(files('{"path":"/a","mode":644}'), '3.3.0');
    // 644 is 0o1204, whose sticky bit 3.3.0 also warns about; the fix ends both.
    expect(of(text, 'ignition-mode').length).toBe(1);
    const after = fixed(text, 'ignition-mode-octal', '644', 'Write 420 (0644)', '420');
    expect(of(after, 'ignition-mode')).toEqual([]);
    fixed(config('"storage":{"directories":[{"path":"/d","mode":755}]}'), 'ignition-mode-octal', '755', 'Write 493 (0755)', '493');
  });
  it('adds the execute bit where read is allowed to a script, when the mode is written', () => {
    const script = (mode: string) => config(files(`{"path":"/opt/run","contents":{"source":"data:,%23!%2Fbin%2Fsh%0Aecho"},"mode":${mode}}`));
    fixed(script('420'), 'ignition-script-exec', '420', 'Write 493 (0755)', '493');
    fixed(script('384'), 'ignition-script-exec', '384', 'Write 448 (0700)', '448');
    expect(of(script('384'), 'ignition-script-exec')[0].message).toMatch(/set "mode": 448 \(0700\)$/);
  });
  it('gives a script no fix without a mode token, or with a mode that is odd already', () => {
    noFix(config(files('{"path":"/opt/run","contents":{"source":"data:,%23!%2Fbin%2Fsh%0Aecho"}}')), 'ignition-script-exec');
    // 644 is 0o1204: the mode-octal fix comes first.
    noFix(config(files('{"path":"/opt/run","contents":{"source":"data:,%23!%2Fbin%2Fsh%0Aecho"},"mode":644}')), 'ignition-script-exec');
  });
  it('corrects a compression that can only mean gzip, and no other format', () => {
    const text = (c: string) => config(files(`{"path":"/a","contents":{"source":"https://example.com/a","compression":"${c}"}}`));
    fixed(text('gz'), 'ignition-compression', '"gz"', 'Change to gzip', '"gzip"');
    fixed(text('GZIP'), 'ignition-compression', '"GZIP"', 'Change to gzip', '"gzip"');
    fixed(text('gzp'), 'ignition-compression', '"gzp"', 'Change to gzip', '"gzip"');
    for (const other of ['bzip2', 'zip', 'xz', 'lzip']) noFix(text(other), 'ignition-compression');
  });
  it('corrects a misspelt filesystem format, but not the name of another filesystem', () => {
    const text = (f: string) => config(`"storage":{"filesystems":[{"device":"/dev/sda","format":"${f}"}]}`);
    fixed(text('btfrs'), 'ignition-storage', '"btfrs"', 'Change to btrfs', '"btrfs"');
    fixed(text('ext5'), 'ignition-storage', '"ext5"', 'Change to ext4', '"ext4"');
    fixed(text('XFS'), 'ignition-storage', '"XFS"', 'Change to xfs', '"xfs"');
    for (const other of ['ext3', 'zfs', 'exfat', 'ntfs', 'gfs2', 'nfs', 'vxfs', 'ext4dev']) noFix(text(other), 'ignition-storage');
  });
  it('names the function of a bare digest of its length, and lowers a function in capitals', () => {
    const text = (hash: string, v = '3.4.0') => config(files(`{"path":"/a","contents":{"source":"https://example.com/a","verification":{"hash":"${hash}"}}}`), v);
    const [d512, d256] = ['ab'.repeat(64), 'cd'.repeat(32)];
    fixed(text(d512), 'ignition-hash', `"${d512}"`, 'Prefix with sha512-', `"sha512-${d512}"`);
    fixed(text(d256), 'ignition-hash', `"${d256}"`, 'Prefix with sha256-', `"sha256-${d256}"`);
    fixed(text(`SHA512-${d512}`), 'ignition-hash', `"SHA512-${d512}"`, 'Change to sha512-', `"sha512-${d512}"`);
    // 3.0 has no sha256; a digest of no function's length, or not hex, is no certain hash.
    noFix(text(d256, '3.0.0'), 'ignition-hash');
    noFix(text('ab'.repeat(10)), 'ignition-hash');
    noFix(text(`sha512-${d512.slice(2)}`), 'ignition-hash');
  });
  it('corrects a misspelt unit suffix and appends .conf to a drop-in without one', () => {
    fixed(config('"systemd":{"units":[{"name":"web.servce"}]}'), 'ignition-unit-name', '"web.servce"', 'Change the suffix to .service', '"web.service"');
    fixed(config('"systemd":{"units":[{"name":"a.service","dropins":[{"name":"10-opts"}]}]}'), 'ignition-unit-name', '"10-opts"', 'Append .conf', '"10-opts.conf"');
  });
  it('leaves a unit without any suffix, and a drop-in with another one, without a fix: the meant name is not certain', () => {
    noFix(config('"systemd":{"units":[{"name":"web"}]}'), 'ignition-unit-name');
    noFix(config('"systemd":{"units":[{"name":"a.service","dropins":[{"name":"10-opts.cfg"}]}]}'), 'ignition-unit-name');
  });
  it('gives fixes in the all set only: the reference set reproduces ignition-validate', () => {
    const text = config(
      '"storage":{"files":[{"path":"etc/a","mode":644,"contents":{"compression":"gz","source":"https://example.com/a","verification":{"hash":"' + 'ab'.repeat(64) + '"}}}],' +
        '"filesystems":[{"device":"/dev/sda","format":"btfrs"}]},"systemd":{"units":[{"name":"a.servce","enabld":true}]}',
    );
    expect(all(text).filter((e) => e.fixes).map((e) => e.rule).sort()).toEqual(
      ['ignition-compression', 'ignition-hash', 'ignition-mode-octal', 'ignition-path', 'ignition-storage', 'ignition-unit-name', 'ignition-unknown-key'].sort(),
    );
    const reference = validate(text, { rules: 'reference', format: 'ignition' }).entries;
    expect(reference.length).toBeGreaterThan(5);
    for (const f of reference) expect(f.fixes).toBeUndefined();
  });
});
