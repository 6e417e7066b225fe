import { describe, expect, it } from 'vitest';
import type { RuleId } from './rule-table';
import type { ValidateOptions } from './types';
import { validate } from './validate';

/** Each finding as `rule path` (`-` where it has no path), in report order. */
const paths = (text: string, options: ValidateOptions = {}) => validate(text, options).entries.map((e) => `${e.rule} ${e.path ?? '-'}`);
const pathOf = (text: string, rule: RuleId, options: ValidateOptions = {}) => validate(text, options).entries.filter((e) => e.rule === rule).map((e) => e.path);

describe('document paths of cloud-config findings', () => {
  const text = `#cloud-config
hostname: "bad_host"
coreos:
  update:
    reboot-strategy: sometimes
  units:
    - name: a.service
      command: strat
      content: "[Unit]\\nDescription=x\\n[Bogus]\\n"
      "a.b": 1
write_files:
  - path: /usr/x
users:
  - name: core
    ssh_authorized_keys: [ "nope" ]
`;

  it('gives each finding the path of its value, keys as written', () => {
    expect(paths(text, { target: 'coreos' })).toEqual([
      'hostname $.hostname',
      'invalid-value $.coreos.update.reboot-strategy',
      'invalid-value $.coreos.units[0].command',
      'unit-section $.coreos.units[0].content',
      'unknown-key $.coreos.units[0]["a.b"]',
      'read-only-path $.write_files[0].path',
      'ssh-key $.users[0].ssh_authorized_keys[0]',
    ]);
  });

  it('gives them in the reference set too, for both targets', () => {
    expect(paths(text, { rules: 'reference', target: 'coreos' })).toEqual([
      'invalid-value $.coreos.update.reboot-strategy',
      'invalid-value $.coreos.units[0].command',
      'read-only-path $.write_files[0].path',
      'unknown-key $.coreos.units[0]["a.b"]',
    ]);
    expect(paths(text, { rules: 'reference', target: 'flatcar' })).toEqual([
      'invalid-value $.coreos.units[0].command',
      'read-only-path $.write_files[0].path',
      'unknown-key $.coreos.units[0]["a.b"]',
    ]);
  });

  it('names the key that stands for a duplicate, and the node of a Flatcar type error', () => {
    expect(pathOf('#cloud-config\ncoreos:\n  etcd2:\n    name: a\n    name: b\n', 'duplicate-key', { target: 'coreos' })).toEqual(['$.coreos.etcd2.name']);
    expect(pathOf('#cloud-config\nwrite_files:\n  - path: /etc/a\n    permissions: [1]\n', 'wrong-type', { rules: 'reference', target: 'flatcar' })).toEqual(['$.write_files[0].permissions']);
  });

  it('gives the root as $, and no path to findings about no value', () => {
    expect(paths('#cloud-config\n- a\n')).toEqual(['wrong-type $']);
    expect(paths('#cloud-config\nkey: [\n')).toEqual(['yaml-syntax -']);
    expect(paths('hostname: a\n')).toEqual(['header -']);
  });
});

describe('document paths of Ignition findings', () => {
  const config = JSON.stringify({
    ignition: { version: '3.4.0' },
    storage: { files: [{ path: 'etc/x', mode: 644 }] },
    passwd: { users: [{ name: 'core', sshAuthorizedKeys: ['nope'] }] },
    bogus: 1,
  });

  it('are the JSON paths ignition-validate reports, with list indexes in brackets', () => {
    expect(paths(config, { format: 'ignition' })).toEqual([
      'ignition-path $.storage.files[0].path',
      'ignition-mode-octal $.storage.files[0].mode',
      'ignition-ssh-key $.passwd.users[0].sshAuthorizedKeys[0]',
      'ignition-unknown-key $.bogus',
    ]);
    expect(paths(config, { format: 'ignition', rules: 'reference' })).toEqual(['ignition-path $.storage.files[0].path', 'ignition-unknown-key $.bogus']);
  });

  it('place type and version errors, and none on a syntax error', () => {
    expect(paths('{"ignition":{"version":"3.4.0"},"systemd":{"units":[{"name":"a.service","enabled":"yes"}]}}', { format: 'ignition' })).toEqual([
      'ignition-type $.systemd.units[0].enabled',
    ]);
    expect(paths('{"ignition":{"version":"2.2.0"}}', { format: 'ignition' })).toEqual(['ignition-version $.ignition.version']);
    expect(paths('{"ignition":', { format: 'ignition' })).toEqual(['json-syntax -']);
  });
});

describe('document paths of Butane findings', () => {
  it('are Butane paths, in its snake_case keys', () => {
    const config = `variant: flatcar
version: 1.1.0
storage:
  files:
    - path: /etc/x
      mode: 644
      contents:
        inline: hi
        source: https://example.com/x
  filez: []
`;
    expect(paths(config, { format: 'butane' })).toEqual([
      'butane-mode $.storage.files[0].mode',
      'butane-sources $.storage.files[0].contents.source',
      'ignition-unknown-key $.storage.filez',
    ]);
  });

  it('place type errors at their node and version errors at their key', () => {
    expect(paths('variant: flatcar\nversion: 1.1.0\nsystemd:\n  units:\n    - name: a.service\n      enabled: [1]\n', { format: 'butane' })).toEqual([
      'butane-type $.systemd.units[0].enabled',
    ]);
    expect(paths('variant: flatcar\nversion: 9.0.0\n', { format: 'butane' })).toEqual(['butane-version $.version']);
    expect(paths('variant: flatcar\nversion: 9.0.0\n', { format: 'butane', rules: 'reference' })).toEqual(['butane-version -']);
  });
});
