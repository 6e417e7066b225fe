import { describe, expect, it } from 'vitest';
import { validate } from '../../validate';
import { butaneToIgnition } from '.';

const bu = (body: string, version = '1.1.0') => `variant: flatcar\nversion: ${version}\n${body}`;
const ref = (text: string) => validate(text, { rules: 'reference', format: 'butane' }).entries.map((e) => [e.line, e.column, e.kind, e.message, e.rule]);
/** 1-based line and column of the n-th occurrence of `token`. */
function at(text: string, token: string, n = 1): [number, number] {
  let i = -1;
  for (let k = 0; k < n; k++) i = text.indexOf(token, i + 1);
  if (i < 0) throw new Error(`${token} not in text`);
  const before = text.slice(0, i).split('\n');
  return [before.length, before[before.length - 1].length + 1];
}

describe('Butane: variant, version and YAML', () => {
  it('is detected by its top-level variant and version', () => {
    expect(validate(bu('')).kind).toBe('butane');
    expect(ref(bu(''))).toEqual([]);
    expect(ref(bu('', '1.0.0'))).toEqual([]);
  });
  it('names versions and variants it has no translator for, without a position', () => {
    expect(ref(bu('', '1.5.0'))).toEqual([[0, 0, 'error', 'No translator exists for variant flatcar with version 1.5.0', 'butane-version']]);
    expect(ref('variant: fcos\nversion: 1.4.0\n')[0][3]).toBe('No translator exists for variant fcos with version 1.4.0');
    const all = validate('variant: fcos\nversion: 1.4.0\n', { format: 'butane' }).entries[0];
    expect([all.line, all.column, all.message]).toEqual([1, 10, 'No translator exists for variant fcos with version 1.4.0; variant fcos is Butane\'s, but only flatcar is checked here']);
    expect(ref('variant: flatcar\nversion: one\n')[0][3]).toBe('error parsing version; must be a valid semver');
  });
  it('reads YAML as yaml.v3 does: its syntax, and its decoder errors without a line', () => {
    // go-yaml v1 refuses ':' inside a flow plain scalar; yaml.v3 reads `b:c` as a string.
    expect(ref(bu('x: [b:c]\n'))).toEqual([[3, 1, 'warning', 'Unused key x', 'ignition-unknown-key']]);
    expect(ref(bu('storage: *a\n'))).toEqual([[0, 0, 'error', "unknown anchor 'a' referenced", 'yaml-syntax']]);
    const all = validate(bu('storage: *a\n'), { format: 'butane' }).entries[0];
    expect([all.line, all.column, all.message]).toEqual([3, 10, "unknown anchor 'a' referenced"]);
  });
  it('refuses a list or mapping as a key as a structure does: a key must be a string', () => {
    expect(ref('variant: flatcar\n? {version: 1.0.0}\n: x\nversion: 1.1.0\n')).toEqual([[2, 3, 'error', 'cannot unmarshal !!map into string', 'butane-type']]);
    expect(ref(bu('? - a\n: x\n'))).toEqual([[3, 3, 'error', 'cannot unmarshal !!seq into string', 'butane-type']]);
  });
  it('reads variant and version first, as butane does: the top mapping must decode, and a null is no value', () => {
    expect(ref('variant: flatcar\nversion: 1.1.0\nvariant: x\n')).toEqual([[3, 1, 'error', 'mapping key "variant" already defined at line 1', 'butane-type']]);
    expect(ref('[]\n')).toEqual([[1, 1, 'error', 'cannot unmarshal !!seq into config.commonFields', 'butane-type']]);
    expect(ref('variant: [x]\nversion: 1.0.0\n')).toEqual([[1, 10, 'error', 'cannot unmarshal !!seq into string', 'butane-type']]);
    expect(ref('variant: ~\nversion: 1.0.0\n')).toEqual([[0, 0, 'error', 'error parsing variant; must be specified', 'butane-version']]);
    expect(ref('variant: flatcar\nversion: ~\n')).toEqual([[0, 0, 'error', 'error parsing version; must be a valid semver', 'butane-version']]);
    expect(ref('variant: rhcos\nversion: 0.1.0\n')).toEqual([[0, 0, 'error', 'rhcos variant has been removed; use openshift variant instead: https://coreos.github.io/butane/upgrading-openshift/', 'butane-version']]);
  });
  it('puts a YAML syntax error on the line yaml.v3 prints (its context mark, 0-based)', () => {
    const text = bu('storage:\n  files:\n    - path: /a\n     contents: x\n');
    expect(ref(text).map((e) => [e[0], e[3]])).toEqual([[4, "did not find expected '-' indicator"]]);
  });
  it('reads only YAML 1.1’s words as a bool, not a name Object.prototype has', () => {
    const text = bu('systemd:\n  units:\n    - name: a.service\n      enabled: constructor\n');
    expect(ref(text)).toEqual([[6, 16, 'error', 'cannot unmarshal !!str `constru...` into bool', 'butane-type']]);
  });
  it('refuses a key given twice, as yaml.v3 does', () => {
    const text = bu('storage:\n  files:\n    - path: /a\n      path: /b\n');
    expect(ref(text)).toEqual([[...at(text, 'path', 2), 'error', 'mapping key "path" already defined at line 5', 'butane-type']]);
  });
  it('reports every value of the wrong type, and accepts YAML 1.1 booleans in bool fields', () => {
    const text = bu('systemd:\n  units:\n    - name: a.service\n      enabled: maybe\n      mask: [x]\n    - name: b.service\n      enabled: "yes"\n');
    expect(ref(text)).toEqual([
      [...at(text, 'maybe'), 'error', 'cannot unmarshal !!str `maybe` into bool', 'butane-type'],
      [...at(text, '[x]'), 'error', 'cannot unmarshal !!seq into bool', 'butane-type'],
    ]);
    expect(ref(bu('systemd:\n  units:\n    - name: b.service\n      enabled: "yes"\n'))).toEqual([]);
  });
});

describe('Butane: its own checks', () => {
  it('unused keys at the key, sugar known per version', () => {
    const text = bu('storage:\n  filez: []\nsystemd:\n  units:\n    - name: a.service\n      contents_local: a\n', '1.0.0');
    expect(ref(text)).toEqual([
      [...at(text, 'filez'), 'warning', 'Unused key filez', 'ignition-unknown-key'],
      [...at(text, 'contents_local'), 'warning', 'Unused key contents_local', 'ignition-unknown-key'],
    ]);
    // 1.1.0 has contents_local: known, and refused without a files directory.
    const v11 = bu('systemd:\n  units:\n    - name: a.service\n      contents_local: a\n');
    // Line 6 is "      contents_local: a": the value is in column 23.
    expect(ref(v11).map((e) => [e[0], e[1], e[3]])).toEqual([[6, 23, 'local file paths are relative to a files directory that must be specified with -d/--files-dir']]);
  });
  it('one source of contents, named at the last one given', () => {
    const text = bu('storage:\n  files:\n    - path: /a\n      contents:\n        inline: hi\n        source: https://x/y\n');
    expect(ref(text)).toEqual([[...at(text, 'https'), 'error', 'only one of the following can be set: inline, local, source', 'butane-sources']]);
    expect(ref(bu('storage:\n  files:\n    - path: /a\n      contents:\n        inline: hi\n'))).toEqual([]);
  });
  it('decimal-looking modes, but not real decimal ones', () => {
    const text = bu('storage:\n  files:\n    - path: /a\n      mode: 644\n');
    expect(ref(text)).toEqual([[...at(text, '644'), 'warning', 'unreasonable mode would be reasonable if specified in octal; remember to add a leading zero', 'butane-mode']]);
    expect(ref(bu('storage:\n  files:\n    - path: /a\n      mode: 0644\n'))).toEqual([]);
    expect(ref(bu('storage:\n  files:\n    - path: /a\n      mode: 420\n'))).toEqual([]);
  });
  it('refuses clevis, which Flatcar\'s specs leave out', () => {
    const text = bu('storage:\n  luks:\n    - name: data\n      device: /dev/sdb\n      clevis:\n        tpm2: true\n');
    expect(ref(text)).toEqual([[...at(text, 'tpm2'), 'error', 'clevis is not supported in this spec version', 'butane-unsupported']]);
  });
});

describe('Butane: Ignition\'s checks on the translation, at the YAML they came from', () => {
  it('paths, duplicates and unit names', () => {
    const text = bu('storage:\n  files:\n    - path: etc/a\n    - path: /b\n    - path: /b\nsystemd:\n  units:\n    - name: a\n');
    expect(ref(text)).toEqual([
      [...at(text, 'etc/a'), 'error', 'path not absolute', 'ignition-path'],
      // The later entry, at its first key as yaml.v3 marks a mapping.
      [...at(text, 'path: /b', 2), 'error', 'duplicate entry defined', 'ignition-duplicate'],
      [10, 13, 'error', 'invalid systemd unit extension', 'ignition-unit-name'],
    ]);
  });
  it('a bad data source in inline contents points at inline', () => {
    const text = bu('storage:\n  files:\n    - path: /a\n      contents:\n        source: ftp://x\n');
    expect(ref(text)).toEqual([[...at(text, 'ftp'), 'error', 'invalid url scheme', 'ignition-url']]);
  });
});

describe('Butane: translation to Ignition', () => {
  it('writes inline contents as data URLs, in butane\'s field order, leaving empty values out', () => {
    const { ignition, report } = butaneToIgnition(bu('storage:\n  files:\n    - path: /opt/run.sh\n      mode: 0755\n      contents:\n        inline: "#!/bin/sh\\necho hi\\n"\n'), { rules: 'reference' });
    expect(report.entries).toEqual([]);
    expect(JSON.stringify(ignition)).toBe(
      '{"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"/opt/run.sh","contents":{"compression":"","source":"data:,%23!%2Fbin%2Fsh%0Aecho%20hi%0A"},"mode":493}]}}',
    );
  });
  it('writes nothing when butane would refuse the config', () => {
    expect(butaneToIgnition(bu('storage:\n  files:\n    - path: a\n')).ignition).toBeUndefined();
  });
});

describe('Butane: yaml.v3\'s decoding into Butane\'s structures', () => {
  it('refuses keys given twice only in mappings it decodes, each pair once, with the other type errors', () => {
    const text = bu('storage:\n  files:\n    - path: /a\n      unknown:\n        x: 1\n        x: 2\n    - path: /b\n      path: /c\n      mode: 0644\n      mode: 0600\n      mode: 0700\nsystemd:\n  units:\n    - name: a.service\n      enabled: maybe\n');
    expect(ref(text)).toEqual([
      [10, 7, 'error', 'mapping key "path" already defined at line 9', 'butane-type'],
      [12, 7, 'error', 'mapping key "mode" already defined at line 11', 'butane-type'],
      [13, 7, 'error', 'mapping key "mode" already defined at line 11', 'butane-type'],
      [13, 7, 'error', 'mapping key "mode" already defined at line 12', 'butane-type'],
      [17, 16, 'error', 'cannot unmarshal !!str `maybe` into bool', 'butane-type'],
    ]);
    // The all set says each extra occurrence once, against the first: n - 1 findings, not n².
    const all = validate(text, { format: 'butane' }).entries.filter((e) => e.message.includes('already defined'));
    expect(all.map((e) => [e.line, e.message])).toEqual([
      [10, 'mapping key "path" already defined at line 9'],
      [12, 'mapping key "mode" already defined at line 11'],
      [13, 'mapping key "mode" already defined at line 11'],
    ]);
  });
  it('names Butane\'s Go types and shortens long values in type errors', () => {
    const text = bu('storage:\n  files: {path: /a}\n  filesystems:\n    - device: /dev/sda\n      wipe_filesystem: https://example.com\n', '1.0.0');
    expect(ref(text)).toEqual([
      [4, 10, 'error', 'cannot unmarshal !!map into []v0_4.File', 'butane-type'],
      [7, 24, 'error', 'cannot unmarshal !!str `https:/...` into bool', 'butane-type'],
    ]);
  });
  it('prints a value\'s tag as yaml.v3 does: explicit, else resolved (timestamps too), and !!binary as written', () => {
    const text = bu('storage:\n  files:\n    - path: /a\n      mode: 2001-12-14\n      overwrite: !!binary aGk=\n    - path: /b\n      mode: !foo x\n', '1.0.0');
    expect(ref(text)).toEqual([
      [...at(text, '2001'), 'error', 'cannot unmarshal !!timestamp `2001-12-14` into int', 'butane-type'],
      // At the value, after its tag.
      [...at(text, 'aGk='), 'error', 'cannot unmarshal !!binary `aGk=` into bool', 'butane-type'],
      [...at(text, 'x\n'), 'error', 'cannot unmarshal !foo `x` into int', 'butane-type'],
    ]);
  });
  it('truncates a float into an int field', () => {
    const { ignition } = butaneToIgnition(bu('passwd:\n  users:\n    - name: core\n      uid: 1.5e3\n', '1.0.0'), { rules: 'reference' });
    expect(ignition).toEqual({ ignition: { version: '3.3.0' }, passwd: { users: [{ name: 'core', uid: 1500 }] } });
  });
  it('takes a float past int64\'s low end (and 2^63 itself) as the lowest int64, as Go converts it; NaN is refused', () => {
    const { ignition } = butaneToIgnition(bu('passwd:\n  users:\n    - name: core\n      uid: -1e19\n', '1.0.0'), { rules: 'reference' });
    expect(ignition).toEqual({ ignition: { version: '3.3.0' }, passwd: { users: [{ name: 'core', uid: -(2 ** 63) }] } });
    const inf = bu('storage:\n  files:\n    - path: /a\n      mode: -.Inf\n');
    expect(ref(inf)).toEqual([[...at(inf, '-.Inf'), 'error', 'illegal file mode', 'ignition-mode']]);
    const nan = bu('storage:\n  files:\n    - path: /a\n      mode: .nan\n');
    expect(ref(nan)).toEqual([[...at(nan, '.nan'), 'error', 'cannot unmarshal !!float `.nan` into int', 'butane-type']]);
  });
  it('reads a plain 0o644 as an int, but refuses a quoted one for an int field', () => {
    expect(butaneToIgnition(bu('storage:\n  files:\n    - path: /a\n      mode: 0o644\n', '1.0.0'), { rules: 'reference' }).ignition).toEqual({
      ignition: { version: '3.3.0' },
      storage: { files: [{ path: '/a', mode: 420 }] },
    });
    const quoted = bu('storage:\n  files:\n    - path: /a\n      mode: "0o644"\n');
    expect(ref(quoted)).toEqual([[...at(quoted, '"0o644"'), 'error', 'cannot unmarshal !!str `0o644` into int', 'butane-type']]);
  });
  it('leaves null list items out, so later items are checked at the positions of earlier ones, as butane does', () => {
    const text = bu('storage:\n  files:\n    -\n    - path: /a\n      contents: ~\n    - path: b\n  trees:\n    -\n  luks:\n    - name: x\n      device: /dev/sda\n      key_file:\nignition:\npasswd:\n  users: [~, {name: u, bogus: 1}]\n');
    const mismatch = (at: string) => `context tree does not match content tree at ${at}. Line and column reporting may be inconsistent. Unused keys may not be reported.`;
    expect(ref(text)).toEqual([
      [5, 6, 'warning', mismatch('$.storage.files.0'), 'ignition-unknown-key'],
      // files.1 of the decoded list ("b") is checked where the YAML's files.1 ("/a") is.
      [6, 13, 'error', 'path not absolute', 'ignition-path'],
      [7, 17, 'warning', mismatch('$.storage.files.1.contents'), 'ignition-unknown-key'],
      [14, 16, 'warning', mismatch('$.storage.luks.0.key_file'), 'ignition-unknown-key'],
      [15, 10, 'warning', mismatch('$.ignition'), 'ignition-unknown-key'],
      [17, 11, 'warning', mismatch('$.passwd.users.0'), 'ignition-unknown-key'],
    ]);
  });
  it('never decodes the value of a key no structure field takes: what is wrong inside it goes unreported', () => {
    // A refused tag under a key Butane has no field for: only the unused key.
    const tagged = bu('storage:\n  files:\n    - path: /a\n      contents:\n        path: !!int x\n');
    expect(ref(tagged)).toEqual([[...at(tagged, 'path', 2), 'warning', 'Unused key path', 'ignition-unknown-key']]);
    // A list as a key inside a mapping under such a key.
    const listKey = bu('storage:\n  dirs:\n    ? - path: /a\n', '1.0.0');
    expect(ref(listKey)).toEqual([[...at(listKey, 'dirs'), 'warning', 'Unused key dirs', 'ignition-unknown-key']]);
  });
  it('stops at a value it cannot resolve where it decodes it, dropping the type errors met before', () => {
    expect(ref(bu('storage:\n  files:\n    - path: !!int x\n'))).toEqual([[0, 0, 'error', 'cannot decode !!str `x` as a !!int', 'yaml-syntax']]);
    expect(ref(bu('storage:\n  ? - a\n  : x\n  files:\n    - path: !!int x\n'))).toEqual([[0, 0, 'error', 'cannot decode !!str `x` as a !!int', 'yaml-syntax']]);
    // A key is decoded (into a string) before its field is looked for, so its tag counts even where no field takes it.
    expect(ref(bu('!!int x: 1\n'))).toEqual([[0, 0, 'error', 'cannot decode !!str `x` as a !!int', 'yaml-syntax']]);
    // A merge is decoded after the mapping's own keys.
    expect(ref(bu('storage:\n  files:\n    - path: /a\n      <<: x\n      mode: [x]\n'))).toEqual([[0, 0, 'error', 'map merge requires map or sequence of maps as the value', 'yaml-syntax']]);
  });
  it('reports a list as a structure\'s key with the other type errors, at the key', () => {
    const text = bu('storage:\n  ? - a\n  : x\n  files:\n    - path: [x]\n');
    expect(ref(text)).toEqual([
      [4, 5, 'error', 'cannot unmarshal !!seq into string', 'butane-type'],
      [...at(text, '[x]'), 'error', 'cannot unmarshal !!seq into string', 'butane-type'],
    ]);
  });
  it('names an unused key by its text, as butane\'s context tree does, an empty one too', () => {
    const text = bu('? \n~: 1\n0x1F: 2\n');
    expect(ref(text).map((e) => [e[0], e[3]])).toEqual([
      [3, 'Unused key '],
      [4, 'Unused key ~'],
      [5, 'Unused key 0x1F'],
    ]);
  });
  it('checks unused keys on the YAML as written: an alias is a leaf there, and `<<` a key like any other', () => {
    const mismatch = (at: string) => `context tree does not match content tree at ${at}. Line and column reporting may be inconsistent. Unused keys may not be reported.`;
    const aliased = bu('x: &s\n  files:\n    - path: /a\nstorage: *s\n', '1.0.0');
    expect(ref(aliased)).toEqual([
      [3, 1, 'warning', 'Unused key x', 'ignition-unknown-key'],
      [...at(aliased, '*s'), 'warning', mismatch('$.storage'), 'ignition-unknown-key'],
    ]);
    // What a merge brings in is decoded (the relative path) but is not in the YAML: findings on it point at the mapping.
    const merged = bu('x: &p {path: etc/a, y: 1}\nstorage:\n  files:\n    - <<: *p\n', '1.0.0');
    expect(ref(merged)).toEqual([
      [3, 1, 'warning', 'Unused key x', 'ignition-unknown-key'],
      [...at(merged, '<<'), 'warning', 'Unused key <<', 'ignition-unknown-key'],
      [...at(merged, '<<'), 'error', 'path not absolute', 'ignition-path'],
    ]);
  });
  it('follows an anchor through a second alias inside its own expansion, as yaml.v3 tracks alias nodes, not names', () => {
    // storage: *a decodes a; its files item (another alias of a) is decoded as a File, which has no
    // field `files`, so the third expansion never happens.
    const text = bu('x: &a\n  files: [*a]\nstorage: *a\n', '1.0.0');
    expect(ref(text).map((e) => [e[0], e[3]])).toEqual([
      [3, 'Unused key x'],
      [5, 'context tree does not match content tree at $.storage. Line and column reporting may be inconsistent. Unused keys may not be reported.'],
      [5, 'path not specified'],
    ]);
  });
  it('decodes an alias key as what it stands for, but butane\'s context tree names it by the alias', () => {
    const text = bu('x: &k storage\n*k : {files: [{path: a}]}\n', '1.0.0');
    expect(ref(text).map((e) => [e[0], e[3]])).toEqual([
      // Not in the context tree under `storage`: placed at the root, as butane does.
      [1, 'path not absolute'],
      [3, 'Unused key x'],
      [4, 'Unused key k'],
    ]);
  });
  it('refuses a mapping with a key given twice before looking at the type it is decoded into', () => {
    const text = bu('systemd:\n  units:\n      enabled: true\n      contents: a\n      contents: b\n', '1.0.0');
    expect(ref(text)).toEqual([[...at(text, 'contents', 2), 'error', 'mapping key "contents" already defined at line 6', 'butane-type']]);
    // The first reading too, for variant and version.
    expect(ref('variant: {a: 1, a: 2}\nversion: 1.0.0\n')).toEqual([[1, 17, 'error', 'mapping key "a" already defined at line 1', 'butane-type']]);
  });
  it('refuses a merged mapping\'s key given twice', () => {
    const text = bu('storage:\n  files:\n    - path: /a\n      <<: {mode: 1, mode: 2}\n', '1.0.0');
    expect(ref(text)).toEqual([[...at(text, 'mode', 2), 'error', 'mapping key "mode" already defined at line 6', 'butane-type']]);
  });
  it('merges after a mapping\'s own keys, never over one, the maps of a list in order, the first winning', () => {
    const { ignition } = butaneToIgnition(bu('storage:\n  files:\n    - <<: [{path: /b, mode: 0644}, {mode: 0600, user: {id: 1}}]\n      path: /a\n', '1.0.0'), { rules: 'reference' });
    expect(ignition).toEqual({ ignition: { version: '3.3.0' }, storage: { files: [{ path: '/a', user: { id: 1 }, mode: 420 }] } });
  });
  it('ignition.version is not Butane\'s: an unused key', () => {
    const text = bu('ignition:\n  version: 3.4.0\n');
    expect(ref(text)).toEqual([[...at(text, 'version', 2), 'warning', 'Unused key version', 'ignition-unknown-key']]);
  });
  it('after generated mount units, a value the merge does not track is placed by its index in the YAML', () => {
    const text = bu('storage:\n  filesystems:\n    - device: /dev/sdb\n      format: ext4\n      path: /var/data\n      with_mount_unit: true\nsystemd:\n  units:\n    - name: a.service\n      dropins:\n        - contents: "[Service]"\n    - name: b.service\n');
    // The drop-in without a name is in units.1 of the result (after the mount unit): the YAML's units.1, b.service.
    expect(ref(text)).toEqual([[14, 7, 'error', 'invalid systemd drop-in extension', 'ignition-unit-name']]);
  });
});

describe('unknown keys that a later version has', () => {
  const unknown = (text: string) => validate(text, { format: 'butane' }).entries.filter((e) => e.rule === 'ignition-unknown-key');
  it('name the version that has them, with no near miss to rename them to', () => {
    const text = bu('systemd:\n  units:\n    - name: a.service\n      contents_local: a.service\n', '1.0.0');
    expect(unknown(text).map((e) => [e.line, e.column, e.endColumn, e.message, e.fixes])).toEqual([
      [6, 7, 21, 'unknown key "contents_local": Butane ignores it in version 1.0.0; it came with version 1.1.0: set version: 1.1.0 to use it', undefined],
    ]);
  });
  it('say when only the experimental version has them', () => {
    const text = bu('storage:\n  luks:\n    - name: d\n      device: /dev/vdb\n      cex:\n        enabled: true\n', '1.1.0');
    expect(unknown(text).map((e) => [e.line, e.column, e.message])).toEqual([
      [7, 7, 'unknown key "cex": Butane ignores it in version 1.1.0; only version 1.2.0-experimental has it'],
    ]);
  });
  it('leave the near miss to keys no version has', () => {
    const text = bu('systemd:\n  units:\n    - name: a.service\n      contents_locl: a.service\n', '1.1.0');
    expect(unknown(text).map((e) => e.message)).toEqual(['unknown key "contents_locl": Butane ignores it; did you mean "contents_local"?']);
  });
});

describe('the all set: what still breaks a machine at first boot, on the Ignition a config becomes', () => {
  const all = (text: string) => validate(text, { format: 'butane' }).entries.filter((e) => e.rule !== 'butane-mode');
  const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA4hrVnzg3xv2hgK0etcI0WBpdf/lo0junH1kkD4lyuv me@host';
  it('checks users as Ignition configs are checked, with Butane\'s field names', () => {
    const text = bu(`passwd:\n  users:\n    - name: core\n      password_hash: hunter2\n      home_dir: /var/home/core\n      ssh_authorized_keys:\n        - ${KEY}\n        - ssh-rsa AAAAB3NzaC1yc2E me@host\n        - "ssh-rsa AAAAB3NzaC1yc2E other@host"\n`);
    expect(all(text).map((e) => [e.line, e.column, e.endColumn, e.rule, e.message])).toEqual([
      [...at(text, 'hunter2'), at(text, 'hunter2')[1] + 7, 'ignition-password-hash', 'password_hash is not a crypt(3) hash (it looks like a plain password), so it cannot be used to log in; put a hash from "mkpasswd --method=SHA-512" or "openssl passwd -6" here'],
      [...at(text, '/var/home/core'), at(text, '/var/home/core')[1] + 14, 'ignition-core-user', 'the "core" user already exists on Flatcar with home_dir "/home/core"; setting "/var/home/core" here makes Ignition modify the image\'s own user (usermod), which can lock you out; use another user name, or leave home_dir out'],
      // The key data's own range, in a plain scalar and in a quoted one.
      [...at(text, 'AAAAB3NzaC1yc2E'), at(text, 'AAAAB3NzaC1yc2E')[1] + 15, 'ignition-ssh-key', 'the ssh-rsa key data is not valid base64 (truncated or edited?); paste the whole line from the .pub file again'],
      [...at(text, 'AAAAB3NzaC1yc2E', 2), at(text, 'AAAAB3NzaC1yc2E', 2)[1] + 15, 'ignition-ssh-key', 'the ssh-rsa key data is not valid base64 (truncated or edited?); paste the whole line from the .pub file again'],
    ]);
  });
  it('finds unit syntax on its line of a literal block, and at the value where escapes stand between', () => {
    const text = bu('systemd:\n  units:\n    - name: a.service\n      contents: |\n        [Unit]\n        [Servce]\n        bad line\n      dropins:\n        - name: x.conf\n          contents: "[Service]\\nnope\\n"\n');
    expect(all(text).filter((e) => e.rule === 'ignition-unit-syntax').map((e) => [e.line, e.column, e.endColumn])).toEqual([
      [...at(text, '[Servce]'), at(text, '[Servce]')[1] + 8],
      [...at(text, 'bad line'), at(text, 'bad line')[1] + 8],
      [...at(text, '"[Service]'), at(text, '"[Service]')[1] + '"[Service]\\nnope\\n"'.length],
    ]);
  });
  it('places a finding in what came from the files directory on the file name, never inside it', () => {
    const name = 'keys-of-the-operations-team.pub';
    const pub = new TextEncoder().encode('ssh-rsa AAAAB3NzaC1yc2E ops@host\n');
    const files = { root: '/f', readFile: (p: string) => (p === name ? pub : { error: `open /f/${p}: no such file or directory` }), walkTree: () => [] };
    const text = bu(`passwd:\n  users:\n    - name: app\n      ssh_authorized_keys_local: [${name}]\n`);
    const found = butaneToIgnition(text, { files }).report.entries.filter((e) => e.rule === 'ignition-ssh-key');
    // The key data's offsets would fall inside the file's name: the finding goes where the
    // translation says the key came from, the user's entry (at its first key).
    expect(found.map((e) => [e.line, e.column, e.endColumn])).toEqual([[...at(text, 'name: app'), at(text, 'name: app')[1] + 4]]);
  });
  it('checks files: under /usr, and scripts without an execute bit, with the fix in octal', () => {
    const text = bu('storage:\n  files:\n    - path: /usr/local/bin/x\n      contents:\n        inline: x\n    - path: /opt/bin/a.sh\n      mode: 0644\n      contents:\n        inline: |\n          #!/bin/sh\n');
    const found = all(text);
    expect(found.map((e) => [e.line, e.column, e.rule])).toEqual([
      [...at(text, '/usr/local/bin/x'), 'ignition-read-only'],
      [...at(text, '0644'), 'ignition-script-exec'],
    ]);
    expect(found[1].message).toBe('/opt/bin/a.sh starts with "#!" but its mode (0644) has no execute bit, so it cannot be run; set mode: 0755');
    const from = text.indexOf('0644');
    expect(found[1].fixes).toEqual([{ title: 'Write 0755', from, to: from + 4, insert: '0755' }]);
  });
  it('leaves the translation as butane writes it, and the reference set as butane reports', () => {
    const text = bu('passwd:\n  users:\n    - name: app\n      password_hash: hunter2\n');
    expect(all(text).map((e) => e.rule)).toEqual(['ignition-password-hash']);
    expect(butaneToIgnition(text).ignition).toEqual({ ignition: { version: '3.4.0' }, passwd: { users: [{ name: 'app', passwordHash: 'hunter2' }] } });
    expect(ref(text)).toEqual([]);
  });
  it('is quiet on a config that boots', () => {
    const text = bu(`passwd:\n  users:\n    - name: core\n      ssh_authorized_keys: [${JSON.stringify(KEY)}]\nstorage:\n  files:\n    - path: /opt/bin/a.sh\n      mode: 0755\n      contents:\n        inline: |\n          #!/bin/sh\nsystemd:\n  units:\n    - name: a.service\n      enabled: true\n      contents: |\n        [Service]\n        ExecStart=/opt/bin/a.sh\n        [Install]\n        WantedBy=multi-user.target\n`);
    expect(validate(text, { format: 'butane' }).entries).toEqual([]);
  });
});
