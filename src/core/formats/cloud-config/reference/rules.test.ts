import { describe, expect, it } from 'vitest';
import { shapeAt } from '../schema/shape';
import type { Target } from '../../../types';
import { validate } from '../../../validate';
import { ignoredDashedField } from './v3-decode';

const H = '#cloud-config\n';
/** Reference findings as [line, kind, message, rule], sorted (the reference's own order is random). */
const ref = (body: string, target: Target = 'coreos') =>
  validate(H + body, { rules: 'reference', target })
    .entries.map((e) => [e.line, e.kind, e.message, e.rule] as const)
    .sort((a, b) => a[0] - b[0] || a[2].localeCompare(b[2]));
const all = (body: string) => validate(H + body, { rules: 'all' }).entries;

describe('reference rules: exact wording, severity and the reference line', () => {
  it('unknown keys, with "-" read as "_"', () => {
    expect(ref('coreos:\n  update:\n    reboot-strategy: etcd-lock\n    bogus-key: 1\n')).toEqual([
      [5, 'warning', 'unrecognized key "bogus_key"', 'unknown-key'],
    ]);
  });

  it('wrong types, named with list indices', () => {
    expect(ref('ssh_authorized_keys:\n  - {a: 1}\nhostname: [x]\ncoreos:\n  units:\n    - enable: "yes"\n')).toEqual([
      [3, 'warning', 'incorrect type for "ssh_authorized_keys[0]" (want string)', 'wrong-type'],
      [4, 'warning', 'incorrect type for "hostname" (want string)', 'wrong-type'],
      [7, 'warning', 'incorrect type for "enable" (want bool)', 'wrong-type'],
    ]);
  });

  it('deprecated keys with their reason', () => {
    expect(ref('users:\n  - name: core\n    coreos-ssh-import-github: octocat\n')).toEqual([
      [4, 'warning', 'deprecated key "coreos_ssh_import_github" (trying to fetch from a remote endpoint introduces too many intermittent errors)', 'deprecated-key'],
    ]);
  });

  it('invalid values read as the source text (off stays off, false is reported)', () => {
    expect(ref('coreos:\n  update:\n    reboot-strategy: off\n')).toEqual([]);
    expect(ref('coreos:\n  update:\n    reboot-strategy: false\n')).toEqual([[4, 'error', 'invalid value false', 'invalid-value']]);
    expect(ref('write_files:\n  - path: /etc/x\n    permissions: 0644\n  - path: /etc/y\n    permissions: 0999\n')).toEqual([
      [6, 'error', 'invalid value 0999', 'invalid-value'],
    ]);
  });

  it('content that cannot be decoded, and the line 0 of a missing content', () => {
    expect(ref('write_files:\n  - encoding: base64\n    content: "not base64!"\n')).toEqual([
      [4, 'error', 'content cannot be decoded as "base64"', 'content-encoding'],
    ]);
    expect(ref('write_files:\n  - encoding: base64\n    path: /etc/x\n')).toEqual([
      [0, 'error', 'content cannot be decoded as "base64"', 'content-encoding'],
    ]);
  });

  it('discovery URL of etcd (not etcd2)', () => {
    expect(ref('coreos:\n  etcd:\n    discovery: "${DISCOVERY}"\n')).toEqual([
      [3, 'warning', 'deprecated key "etcd" (etcd is no longer shipped in Container Linux)', 'deprecated-key'],
      [4, 'warning', 'discovery URL is not valid', 'discovery-url'],
    ]);
    expect(ref('coreos:\n  etcd2:\n    discovery: "${DISCOVERY}"\n')).toEqual([
      [3, 'warning', 'deprecated key "etcd2" (etcd2 is no longer shipped in Container Linux)', 'deprecated-key'],
    ]);
  });

  it('paths under /usr and write_files under coreos', () => {
    expect(ref('write_files:\n  - path: /usr/share/oem/x\ncoreos:\n  write_files:\n    - path: /etc/x\n')).toEqual([
      [3, 'error', 'file cannot be written to a read-only filesystem', 'read-only-path'],
      [5, 'warning', 'unrecognized key "write_files"', 'unknown-key'],
      [5, 'info', "write_files doesn't belong under coreos", 'write-files-under-coreos'],
    ]);
  });

  it('attributes lines by scanning the text, as the reference does', () => {
    // A key inside a flow mapping cannot be found by the scan: line 0.
    expect(ref('coreos: {bogus: 1}\n')).toEqual([[0, 'warning', 'unrecognized key "bogus"', 'unknown-key']]);
    // A key is searched from its parent's line: a block scalar line that looks like the key matches first.
    expect(ref('coreos:\n  units:\n    - content: |\n        bogus: inside\n  bogus: 1\n')).toEqual([
      [5, 'warning', 'unrecognized key "bogus"', 'unknown-key'],
    ]);
    // Non-string keys print the Go way and are never found.
    expect(ref('1: a\nyes: b\n')).toEqual(
      expect.arrayContaining([
        [0, 'warning', 'unrecognized key "%!s(int=1)"', 'unknown-key'],
        [0, 'warning', 'unrecognized key "%!s(bool=true)"', 'unknown-key'],
      ]),
    );
  });

  it('keeps the last of duplicate keys, at the first matching line', () => {
    expect(ref('hostname: a\nhostname: [b]\n')).toEqual([[2, 'warning', 'incorrect type for "hostname" (want string)', 'wrong-type']]);
  });

  it('follows merge keys and aliases', () => {
    // The merged key is searched from its parent's line on; its definition is above: line 0.
    expect(ref('base: &b\n  reboot-strategy: sometimes\ncoreos:\n  update:\n    <<: *b\n')).toEqual([
      [0, 'error', 'invalid value sometimes', 'invalid-value'],
      [2, 'warning', 'unrecognized key "base"', 'unknown-key'],
    ]);
  });
});

describe("Flatcar's reference (yaml.v3): where it differs from CoreOS's", () => {
  const flat = (body: string) => ref(body, 'flatcar');

  it('checks no value of a hyphenated key: yaml.v3 fills no field from it', () => {
    expect(flat('coreos:\n  update:\n    reboot-strategy: etcd-lock\n    bogus-key: 1\n')).toEqual([
      [5, 'warning', 'unrecognized key "bogus_key"', 'unknown-key'],
    ]);
    expect(flat('coreos:\n  update:\n    reboot-strategy: sometimes\n')).toEqual([]);
    expect(ref('coreos:\n  update:\n    reboot-strategy: sometimes\n')).toEqual([[4, 'error', 'invalid value sometimes', 'invalid-value']]);
    expect(flat('coreos:\n  update:\n    reboot_strategy: sometimes\n')).toEqual([[4, 'error', 'invalid value sometimes', 'invalid-value']]);
  });

  it('fails on wrong types with yaml.v3 unmarshal errors, one per line', () => {
    expect(flat('ssh_authorized_keys:\n  - {a: 1}\nhostname: [x]\ncoreos:\n  units:\n    - enable: "yes"\n')).toEqual([
      [3, 'error', 'cannot unmarshal !!map into string', 'wrong-type'],
      [4, 'error', 'cannot unmarshal !!seq into string', 'wrong-type'],
    ]);
    expect(flat('coreos:\n  units:\n    - enable: 4\n')).toEqual([[4, 'error', 'cannot unmarshal !!int `4` into bool', 'wrong-type']]);
    expect(flat('coreos: true\n')).toEqual([[2, 'error', 'cannot unmarshal !!bool `true` into config.CoreOS', 'wrong-type']]);
    expect(flat('users:\n  - bad\n')).toEqual([[3, 'error', 'cannot unmarshal !!str `bad` into config.User', 'wrong-type']]);
    // Long values are cut to 7 bytes; the line is the node's (a block mapping starts at its first key).
    expect(flat('ssh_authorized_keys: ssh-rsa AAAA\ncoreos:\n  etcd2:\n    debug:\n      x: 1\n')).toEqual([
      [2, 'error', 'cannot unmarshal !!str `ssh-rsa...` into []string', 'wrong-type'],
      [6, 'error', 'cannot unmarshal !!map into bool', 'wrong-type'],
    ]);
  });

  it('reads yes/no/on/off as strings, except into a bool field', () => {
    expect(flat('coreos:\n  update:\n    reboot_strategy: off\n')).toEqual([]);
    expect(flat('coreos:\n  update:\n    reboot_strategy: false\n')).toEqual([[4, 'error', 'invalid value false', 'invalid-value']]);
    // A bool field takes the YAML 1.1 word, but the loose reading keeps a string, so the type check still warns.
    expect(flat('coreos:\n  units:\n    - name: a.service\n      enable: yes\n')).toEqual([[5, 'warning', 'incorrect type for "enable" (want bool)', 'wrong-type']]);
    expect(ref('coreos:\n  units:\n    - name: a.service\n      enable: yes\n')).toEqual([]);
    expect(flat('coreos:\n  units:\n    - enable: bad\n')).toEqual([[4, 'error', 'cannot unmarshal !!str `bad` into bool', 'wrong-type']]);
    // Non-string keys: `yes` is a string now.
    expect(flat('1: a\nyes: b\n')).toEqual([
      [0, 'warning', 'unrecognized key "%!s(int=1)"', 'unknown-key'],
      [3, 'warning', 'unrecognized key "yes"', 'unknown-key'],
    ]);
  });

  it('fails on a duplicate key without a report', () => {
    expect(flat('hostname: a\nhostname: [b]\n')).toEqual([[1, 'error', "couldn't parse yaml error", 'yaml-syntax']]);
    // Quoting does not make a key different.
    expect(flat('hostname: a\n"hostname": b\n')).toEqual([[1, 'error', "couldn't parse yaml error", 'yaml-syntax']]);
  });

  it('CoreOS decodes a key given twice into its field twice: a list appends, so the loose reading\'s items meet the first list\'s values', () => {
    // The loose reading keeps the second list (b, c); the struct's is a, b, c, and the values are paired by index.
    const body = 'coreos:\n  units:\n    - name: a.service\n      command: bogus\n  units:\n    - name: b.service\n      command: start\n    - name: c.service\n      command: nope\n';
    expect(ref(body)).toEqual([[5, 'error', 'invalid value bogus', 'invalid-value']]);
  });

  it('Flatcar (yaml.v3) takes comment lines after a comment as one run, a tab before their `#` included', () => {
    expect(flat('\t#x\n')).toEqual([]);
    expect(flat('hostname: a\n# c\n\n\t# d\n')).toEqual([]);
    expect(flat('users:\n  - # c\n\t# d\n    name: a\n')).toEqual([]);
    // A comment on a token's line is that token's own: the run does not start there.
    expect(flat('hostname: a # c\n\t# d\n')).toEqual([
      [0, 'warning', 'incorrect type for "" (want struct)', 'wrong-type'],
      [3, 'error', 'found character that cannot start any token', 'yaml-syntax'],
    ]);
    // CoreOS (go-yaml v1) never gathers comments (it prints the line before the tab's, as for any scanner error).
    expect(ref('hostname: a\n# c\n\t# d\n')).toEqual([
      [0, 'warning', 'incorrect type for "" (want struct)', 'wrong-type'],
      [3, 'error', 'found character that cannot start any token', 'yaml-syntax'],
    ]);
  });

  it('gives up with its bare message when the decoder\'s error spans lines (a multi-line scalar quoted in it)', () => {
    const body = 'hostname: !!int 3\n\n  x\n';
    expect(ref(body)).toEqual([[1, 'error', "couldn't parse yaml error", 'yaml-syntax']]);
    expect(flat(body)).toEqual([[1, 'error', "couldn't parse yaml error", 'yaml-syntax']]);
    // On one line it is placed as usual.
    expect(flat('hostname: !!int 3 x\n')).toEqual([
      [0, 'warning', 'incorrect type for "" (want struct)', 'wrong-type'],
      [1, 'error', 'cannot decode !!str `3 x` as a !!int', 'yaml-syntax'],
    ]);
  });

  it('CoreOS never reads the items of a top-level list, so nothing in them is an error', () => {
    // go-yaml v1 refuses a list for the document's mapping without decoding it (yaml.v3 meets
    // an unknown anchor while parsing, before any decoding).
    expect(ref('- path: /hi\n  shell: *a\n')).toEqual([]);
    expect(ref('- !!int x\n')).toEqual([]);
  });

  it('leaves out a mapping key whose own keys repeat, rather than refusing it as a map key', () => {
    // yaml.v3 does not decode a mapping with a repeated key, so it never sees the map it would refuse.
    expect(flat('? {a: 1, a: 2}\n: x\n')).toEqual([[1, 'error', "couldn't parse yaml error", 'yaml-syntax']]);
    expect(flat('? {a: 1}\n: x\n')).toEqual([
      [0, 'warning', 'incorrect type for "" (want struct)', 'wrong-type'],
      [1, 'error', 'invalid map key: map[string]interface {}{"a":1}', 'yaml-syntax'],
    ]);
  });

  it('merges after the own keys, which win wherever they stand', () => {
    const text = 'a: &a {reboot_strategy: sometimes}\ncoreos:\n  update:\n    reboot_strategy: reboot\n    <<: *a\n';
    expect(flat(text)).toEqual([[2, 'warning', 'unrecognized key "a"', 'unknown-key']]);
    expect(ref(text)).toEqual([
      [2, 'warning', 'unrecognized key "a"', 'unknown-key'],
      [5, 'error', 'invalid value sometimes', 'invalid-value'],
    ]);
    expect(flat('base: &b\n  reboot-strategy: sometimes\ncoreos:\n  update:\n    <<: *b\n')).toEqual([[2, 'warning', 'unrecognized key "base"', 'unknown-key']]);
  });

  it('reads a timestamp as a time.Time, not a string', () => {
    expect(flat('hostname: 2024-01-02\n')).toEqual([[2, 'warning', 'incorrect type for "hostname" (want string)', 'wrong-type']]);
    expect(ref('hostname: 2024-01-02\n')).toEqual([]);
    expect(flat('hostname: 2024-02-30\n')).toEqual([]);
  });
});

describe('the all rule set places the same findings on their tokens', () => {
  it('never uses line 0 and points at the key or the value', () => {
    const [unknown] = all('coreos: {bogus: 1}\n');
    expect(unknown).toMatchObject({ line: 2, column: 10, endColumn: 15, rule: 'unknown-key' });
    const [invalid] = all('coreos:\n  update:\n    reboot_strategy: sometimes\n');
    expect(invalid).toMatchObject({ line: 4, column: 22, endLine: 4, endColumn: 31, rule: 'invalid-value' });
  });

  it('puts a content error without content on the encoding', () => {
    const [e] = all('write_files:\n  - encoding: base64\n    path: /etc/x\n').filter((f) => f.rule === 'content-encoding');
    expect(e).toMatchObject({ line: 3, column: 15 });
  });
});

describe('the field a dashed key stands for, which Flatcar ignores', () => {
  it('names it for a dashed spelling of a field of the parent, at any depth', () => {
    expect(ignoredDashedField('reboot-strategy', shapeAt(['coreos', 'update']))).toBe('reboot_strategy');
    expect(ignoredDashedField('drop-ins', shapeAt(['coreos', 'units', 0]))).toBe('drop_ins');
    expect(ignoredDashedField('write-files', shapeAt([]))).toBe('write_files');
  });

  it('nothing for an underscore key, an unknown one, or under no known parent', () => {
    expect(ignoredDashedField('reboot_strategy', shapeAt(['coreos', 'update']))).toBeUndefined();
    expect(ignoredDashedField('bogus-key', shapeAt(['coreos', 'update']))).toBeUndefined();
    expect(ignoredDashedField('reboot-strategy', undefined)).toBeUndefined();
  });
});
