import { describe, expect, it } from 'vitest';
import { validate } from '../../../validate';
import { findingsOf, H } from './testing';

const UBUNTU =
  'packages and runcmd are Ubuntu cloud-init keys: this looks like Ubuntu cloud-init user-data, which coreos-cloudinit does not support, so they are ignored; on CoreOS and Flatcar, run software in containers started by systemd units (coreos.units) and write files with write_files';

describe('foreign-dialect in a cloud-config', () => {
  it('says nothing about a plain cloud-config', () => {
    expect(findingsOf(`${H}hostname: a\ncoreos:\n  bogus: 1\n`, 'foreign-dialect')).toEqual([]);
  });

  it('collapses Ubuntu cloud-init keys into one warning on the first, and keeps other unknown keys', () => {
    const text = `${H}hostname: a\npackages:\n  - nginx\nruncmd:\n  - [systemctl, start, nginx]\nbogus: 1\n`;
    expect(findingsOf(text, 'foreign-dialect')).toEqual([{ kind: 'warning', message: UBUNTU, line: 3, column: 1, endLine: 3, endColumn: 9 }]);
    expect(validate(text, { rules: 'all' }).entries.filter((e) => e.rule === 'unknown-key').map((e) => e.message)).toEqual(['unrecognized key "bogus"']);
  });

  it('counts the cloud-init keys of a users entry', () => {
    expect(findingsOf(`${H}users:\n  - name: bob\n    lock-passwd: true\n`, 'foreign-dialect').map((f) => [f.line, f.message.slice(0, 45)])).toEqual([
      [4, 'lock-passwd is an Ubuntu cloud-init key: this'],
    ]);
  });

  it('recognises Butane and the Container Linux Config', () => {
    expect(findingsOf(`${H}variant: flatcar\nversion: 1.0.0\nstorage:\n  files: []\n`, 'foreign-dialect')).toEqual([
      {
        kind: 'warning',
        message: 'this is a Butane config (variant: flatcar), not cloud-config, and nothing in it is applied; convert it to Ignition JSON with "butane --strict" and pass that as user-data',
        line: 2, column: 1, endLine: 2, endColumn: 8,
      },
    ]);
    const cl = `${H}passwd:\n  users:\n    - name: core\netcd:\n  name: a\nsystemd:\n  units: []\n`;
    expect(findingsOf(cl, 'foreign-dialect').map((f) => [f.line, f.message.slice(0, 50)])).toEqual([[2, 'this is a Container Linux Config (for the config t']]);
    expect(validate(cl, { rules: 'all' }).entries.filter((e) => e.rule === 'unknown-key')).toEqual([]);
  });

  it('does not take a stray passwd string for a Container Linux Config', () => {
    expect(findingsOf(`${H}passwd: "$6$x$y"\n`, 'foreign-dialect')).toEqual([]);
  });
});

describe('foreign-dialect for input that is not cloud-config', () => {
  it('names cloud-init formats coreos-cloudinit does not read', () => {
    expect(findingsOf('#include\nhttps://example.com/config\n', 'foreign-dialect')).toEqual([
      {
        kind: 'info',
        message: '"#include" user-data is a cloud-init format that coreos-cloudinit does not read; write cloud-config (first line #cloud-config) or a shell script (#!)',
        line: 1, column: 1, endLine: 1, endColumn: 9,
      },
    ]);
  });

  it('leaves an Ignition config whose version is unusable to the Ignition checks', () => {
    expect(findingsOf('{\n  "ignition": {"version": 3}\n}\n', 'foreign-dialect')).toEqual([]);
    expect(validate('{\n  "ignition": {"version": 3}\n}\n').entries.map((f) => [f.line, f.column, f.rule])).toEqual([[2, 27, 'ignition-type']]);
  });

  it('spots Butane and Ubuntu cloud-init YAML without a header', () => {
    // Top-level variant: and version: make it a Butane config, checked as butane checks it.
    expect(validate('# a butane file\nvariant: fcos\nversion: 1.4.0\n').entries.map((f) => [f.line, f.column, f.rule])).toEqual([[2, 10, 'butane-version']]);
    expect(findingsOf('# a butane file\nvariant: fcos\nversion: 1.4.0\n', 'foreign-dialect')).toEqual([]);
    expect(findingsOf('packages: [nginx]\nruncmd: [ls]\n', 'foreign-dialect')).toEqual([{ kind: 'info', message: UBUNTU, line: 1, column: 1, endLine: 1, endColumn: 9 }]);
  });

  it('says nothing when the format is unclear', () => {
    expect(findingsOf('hello world\n', 'foreign-dialect')).toEqual([]);
    expect(findingsOf('{"a": 1}', 'foreign-dialect')).toEqual([]);
    expect(findingsOf('hostname: a\n', 'foreign-dialect')).toEqual([]);
  });
});
