import { describe, expect, it } from 'vitest';
import type { RuleId } from './rule-table';
import type { ValidateOptions } from './types';
import { convertCloudConfig } from './convert';
import { validate } from './validate';

/** A 200 KB value: what a pasted binary or a runaway template can put in a config. */
const BIG = 'abcdefghij'.repeat(20_000);
const SHOWN = `${BIG.slice(0, 100)}…`;

const messages = (text: string, rule: RuleId, options: ValidateOptions = {}) =>
  validate(text, options).entries.filter((e) => e.rule === rule).map((e) => e.message);

describe('messages quote at most 100 characters of a value', () => {
  it('in the all set, for the checks of its own', () => {
    expect(messages(`#cloud-config\nhostname: ${BIG}\n`, 'hostname')).toEqual([
      `hostname "${SHOWN}" is 200000 characters long; the limit is 253, so it is not a valid host name and systemd rejects or rewrites it; use letters, digits and hyphens`,
    ]);
    expect(messages(`#cloud-config\nwrite_files:\n  - path: ${BIG}\n`, 'file-path')).toEqual([
      `path "${SHOWN}" is not absolute; coreos-cloudinit writes it as "/${BIG.slice(0, 99)}…": write that`,
    ]);
  });

  it('in the all set, for the reference checks, whose messages the reference set keeps whole', () => {
    // A key past 1024 characters must be an explicit one (`? key`).
    const text = `#cloud-config\ncoreos:\n  update:\n    reboot_strategy: ${BIG}\n  ? ${BIG}\n  : 1\n`;
    expect(messages(text, 'invalid-value', { target: 'coreos' })[0]).toMatch(new RegExp(`^invalid value ${SHOWN}; reboot_strategy takes`));
    expect(messages(text, 'unknown-key', { target: 'coreos' })).toEqual([`unrecognized key "${SHOWN}"`]);
    expect(messages(text, 'invalid-value', { rules: 'reference', target: 'coreos' })).toEqual([`invalid value ${BIG}`]);
    expect(messages(text, 'unknown-key', { rules: 'reference', target: 'coreos' })).toEqual([`unrecognized key "${BIG}"`]);
  });

  it('in Ignition and Butane messages', () => {
    const ignition = JSON.stringify({ ignition: { version: '3.4.0' }, [BIG]: 1 });
    expect(messages(ignition, 'ignition-unknown-key', { format: 'ignition' })).toEqual([`unknown key "${SHOWN}": Ignition ignores it`]);
    expect(messages(ignition, 'ignition-unknown-key', { format: 'ignition', rules: 'reference' })).toEqual([`Unused key ${BIG}`]);
    expect(messages(JSON.stringify({ ignition: { version: BIG } }), 'ignition-version', { format: 'ignition' })).toEqual([
      `invalid config version (couldn't parse): "${SHOWN}" is not a version (x.y.z) (supported: 3.0.0 to 3.5.0, or 3.6.0-experimental)`,
    ]);
    expect(messages(`variant: flatcar\nversion: 1.1.0\n? ${BIG}\n: 1\n`, 'ignition-unknown-key', { format: 'butane' })).toEqual([`unknown key "${SHOWN}": Butane ignores it`]);
  });

  it('in the notes of the converter', async () => {
    const { notes } = await convertCloudConfig(`#cloud-config\nhostname: ${BIG}\nmanage_etc_hosts: localhost\n`);
    expect(notes.filter((n) => n.rule === 'convert-etc-hosts').map((n) => n.message)).toEqual([`/etc/hosts is written with "127.0.0.1 ${BIG.slice(0, 90)}…"`]);
  });
});
