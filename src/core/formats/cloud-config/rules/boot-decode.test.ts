import { describe, expect, it } from 'vitest';
import { allFindingsOf, H } from './testing';

/** Wrong types as each target meets them at boot. */
const types = (text: string, target: 'flatcar' | 'coreos' = 'flatcar') => allFindingsOf(text, 'wrong-type', target);
const rejects = (cause: string, key: string) => `Flatcar rejects the whole file at boot: ${cause} (the value of "${key}")`;

describe('wrong types on Flatcar (yaml.v3 decoding at boot)', () => {
  it('are errors that reject the whole file, with yaml.v3\'s cause, at the value', () => {
    expect(types(`${H}hostname: [a]\n`)).toEqual([
      { kind: 'error', message: rejects('cannot unmarshal !!seq into string', 'hostname'), line: 2, column: 11, endLine: 2, endColumn: 14 },
    ]);
    expect(types(`${H}hostname: [a]\n`, 'coreos')).toEqual([
      { kind: 'warning', message: 'incorrect type for "hostname" (want string)', line: 2, column: 11, endLine: 2, endColumn: 14 },
    ]);
  });

  it('name the Go type the value was to fill', () => {
    expect(types(`${H}coreos:\n  fleet:\n    verbosity: loud\n`)).toEqual([
      { kind: 'error', message: rejects('cannot unmarshal !!str `loud` into int', 'verbosity'), line: 4, column: 16, endLine: 4, endColumn: 20 },
    ]);
    expect(types(`${H}users:\n  - core\n`)).toEqual([
      { kind: 'error', message: rejects('cannot unmarshal !!str `core` into config.User', 'users[0]'), line: 3, column: 5, endLine: 3, endColumn: 9 },
    ]);
    expect(types(`${H}ssh_authorized_keys:\n  - {a: 1}\n`)).toEqual([
      { kind: 'error', message: rejects('cannot unmarshal !!map into string', 'ssh_authorized_keys[0]'), line: 3, column: 5, endLine: 3, endColumn: 11 },
    ]);
    expect(types(`${H}manage_etc_hosts: [localhost]\n`)[0].message).toBe(rejects('cannot unmarshal !!seq into config.EtcHosts', 'manage_etc_hosts'));
    expect(types(`${H}coreos:\n  units: {name: a}\n`)[0].message).toBe(rejects('cannot unmarshal !!map into []config.Unit', 'units'));
  });

  it('shorten long values as yaml.v3 does', () => {
    expect(types(`${H}coreos:\n  fleet:\n    token_limit: unlimitedtokens\n`)[0].message).toBe(rejects('cannot unmarshal !!str `unlimit...` into int', 'token_limit'));
  });

  it('read yes/no/on/off as strings, so they reject a struct but fill a bool', () => {
    expect(types(`${H}coreos: yes\n`)).toEqual([
      { kind: 'error', message: rejects('cannot unmarshal !!str `yes` into config.CoreOS', 'coreos'), line: 2, column: 9, endLine: 2, endColumn: 12 },
    ]);
    expect(types(`${H}coreos:\n  units:\n    - name: a.service\n      enable: on\n`)).toEqual([]);
  });

  it('refuse a quoted "true" in a bool field, which CoreOS silently dropped', () => {
    const text = `${H}coreos:\n  units:\n    - name: a.service\n      enable: "true"\n`;
    expect(types(text)).toEqual([
      { kind: 'error', message: rejects('cannot unmarshal !!str `true` into bool', 'enable'), line: 5, column: 15, endLine: 5, endColumn: 21 },
    ]);
    expect(types(text, 'coreos')[0]).toMatchObject({ kind: 'warning', message: 'incorrect type for "enable" (want bool)', line: 5, column: 15 });
  });

  it('say what Flatcar reads where yaml.v3 accepts what the reference calls a wrong type', () => {
    expect(types(`${H}coreos:\n  units:\n    - name: a.service\n      enable: "yes"\n`)).toEqual([
      { kind: 'warning', message: 'incorrect type for "enable" (want bool); Flatcar accepts it at boot and reads true', line: 5, column: 15, endLine: 5, endColumn: 20 },
    ]);
    expect(types(`${H}coreos:\n  fleet:\n    token_limit: 2.5\n`)).toEqual([
      { kind: 'warning', message: 'incorrect type for "token_limit" (want int); Flatcar accepts it at boot and reads 2', line: 4, column: 18, endLine: 4, endColumn: 21 },
    ]);
  });

  it('take an empty value as unset', () => {
    expect(types(`${H}hostname:\ncoreos:\n`).map((f) => [f.line, f.kind, f.message])).toEqual([
      [2, 'warning', 'incorrect type for "hostname" (want string); Flatcar accepts it at boot and reads nothing: the key stays unset'],
      [3, 'warning', 'incorrect type for "coreos" (want struct); Flatcar accepts it at boot and reads nothing: the key stays unset'],
    ]);
  });

  it('ignore what the decoder never reads: unknown and hyphenated keys', () => {
    expect(types(`${H}extra:\n  hostname: [a]\n`)).toEqual([]);
    // The reference still maps drop-ins; Flatcar skips the key, which the hyphenated-key check reports.
    expect(types(`${H}coreos:\n  units:\n    - name: a.service\n      drop-ins: x\n`)).toEqual([]);
    expect(types(`${H}coreos:\n  units:\n    - name: a.service\n      drop-ins: x\n`, 'coreos')).toEqual([
      { kind: 'warning', message: 'incorrect type for "drop_ins" (want []struct)', line: 5, column: 17, endLine: 5, endColumn: 18 },
    ]);
  });
});
