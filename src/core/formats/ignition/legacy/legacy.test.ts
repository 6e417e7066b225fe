import { describe, expect, it } from 'vitest';
import { validate, type RuleSetName, type Target } from '../../..';
import { readJson, type JsonNode } from '../json-reader';
import { legacyRoute } from './validate';

const run = (text: string, target: Target, rules: RuleSetName = 'all') =>
  validate(text, { rules, target, format: 'ignition' }).entries.map((e) => `${e.line}:${e.column}-${e.endLine}:${e.endColumn} ${e.kind}: ${e.message}`);
const root = (text: string) => (readJson(text) as { root: JsonNode }).root;
const routeOf = (text: string) => {
  const r = legacyRoute(root(text));
  return 'spec' in r ? r.spec : 'unknown' in r ? 'unknown' : 'silent';
};

const CONFIG_22 = `{
  "ignition": { "version": "2.2.0" },
  "storage": {
    "files": [{ "filesystem": "root", "path": "etc/motd", "contents": { "source": "data:,hi" } }],
    "links": [{ "filesystem": "data", "path": "/etc/l", "target": "rel" }]
  },
  "systemd": { "units": [{ "name": "web", "enabled": true, "contents": "[Service]\\nExecStart=/bin/true\\n" }, { "Name": "a.service" }] }
}
`;

const CONFIG_1 = `{
  "ignitionVersion": 1,
  "storage": { "filesystems": [{ "device": "/dev/sdb", "format": "ntfs", "files": [{ "path": "/etc/a", "mode": 9999 }] }] },
  "systemd": { "units": [{ "name": "a.timer", "enable": true }], "bogus": 1 }
}
`;

describe('which spec the online validator read a config as', () => {
  it('tries 2.2.0, 2.1.0, 2.0.0, then spec 1, each when the config is older or does not decode', () => {
    expect(routeOf('{"ignition":{"version":"2.2.0"}}')).toBe(22);
    expect(routeOf('{"ignition":{"version":"2.1.0"},"storage":{"files":[{"append":true}]}}')).toBe(21);
    expect(routeOf('{"ignition":{"version":"2.0.0"}}')).toBe(20);
    expect(routeOf('{"ignitionVersion":1}')).toBe(1);
  });

  it('calls a version it does not know unsupported, and lets a config that fits no spec through', () => {
    expect(routeOf('{"ignition":{"version":"2.2.0-rc"}}')).toBe('unknown');
    expect(routeOf('{"ignition":{"version":"2.0.1"}}')).toBe('unknown');
    expect(routeOf('{"ignition":{"version":"3.4.0"}}')).toBe('unknown');
    expect(routeOf('{}')).toBe('silent');
    expect(routeOf('{"ignitionVersion":"1"}')).toBe('silent');
    // A type error sends a 2.2.0 config down to spec 1, which ignores storage.files.
    expect(routeOf('{"ignition":{"version":"2.2.0"},"storage":{"files":[{"mode":"0644"}]}}')).toBe('silent');
  });
});

describe('Ignition under --target coreos', () => {
  // Go's column: bytes before a value's end, plus one after the first line.
  it('gives spec 2.2.0 checks the reference way: a value at its end, a missing field at its parent\'s end', () => {
    expect(run(CONFIG_22, 'coreos', 'reference')).toEqual([
      '4:57-4:57 error: path not absolute',
      '4:97-4:97 warning: permissions unset, defaulting to 0000',
      '5:72-5:72 error: path not absolute',
      '7:41-7:41 error: invalid systemd unit extension',
      '7:106-7:106 warning: unit "web" is enabled, but has no install section so enable does nothing',
      '7:118-7:118 warning: Config has unrecognized key: Name',
      '7:118-7:118 info: Did you mean name instead of Name',
      '8:2-8:2 warning: Link "/etc/l" references nonexistent filesystem "data". (This is ok if it is defined in a referenced config)',
    ]);
  });

  it('puts the same findings on their tokens in the all set', () => {
    expect(run(CONFIG_22, 'coreos')).toEqual([
      '1:1-1:2 warning: Link "/etc/l" references nonexistent filesystem "data". (This is ok if it is defined in a referenced config)',
      '4:15-4:16 warning: permissions unset, defaulting to 0000',
      '4:47-4:57 error: path not absolute',
      '5:67-5:72 error: path not absolute',
      '7:36-7:41 error: invalid systemd unit extension',
      '7:72-7:106 warning: unit "web" is enabled, but has no install section so enable does nothing',
      '7:112-7:118 warning: Config has unrecognized key: Name',
      '7:112-7:118 info: Did you mean name instead of Name',
    ]);
  });

  it('reads spec 1 (ignitionVersion: 1) with its own structures, and calls the format deprecated', () => {
    expect(run(CONFIG_1, 'coreos', 'reference')).toEqual([
      '3:72-3:72 error: invalid filesystem format',
      '3:116-3:116 error: illegal file mode',
      '4:73-4:73 warning: Config has unrecognized key: bogus',
      '0:0-0:0 warning: config format deprecated',
    ]);
    expect(run(CONFIG_1, 'coreos')[0]).toBe('1:1-1:2 warning: config format deprecated');
  });

  it('says nothing of a config that fits no spec in the reference set, and names the type error in the all set', () => {
    const text = '{"ignition":{"version":"2.2.0"},"storage":{"files":[{"filesystem":"root","path":"/a","mode":"0644"}]}}';
    expect(run(text, 'coreos', 'reference')).toEqual([]);
    expect(run(text, 'coreos')).toEqual([
      '1:93-1:99 error: wrong type: $.storage.files.0.mode is a string, but Ignition expects a whole number (Go type int); the config is not read',
    ]);
  });

  it('gives a version it did not read a finding at the version token', () => {
    expect(run('{"ignition":{"version":"3.4.0"}}', 'coreos', 'reference')).toEqual([
      '0:0-0:0 error: Failed to parse config. Is this a valid Ignition Config, Cloud-Config, or script?',
    ]);
    expect(run('{"ignition":{"version":"3.4.0"}}', 'coreos')).toEqual([
      '1:24-1:31 error: unsupported config version: spec "3.4.0" is read by Flatcar\'s Ignition (--target flatcar), not by CoreOS Container Linux\'s (supported: spec 1 (ignitionVersion: 1), 2.0.0, 2.1.0 or 2.2.0)',
    ]);
    expect(run('{"ignition":{"version":"2.3.0"}}', 'coreos')).toEqual([
      '1:24-1:31 error: unsupported config version: spec "2.3.0" is not one CoreOS Container Linux\'s Ignition reads (supported: spec 1 (ignitionVersion: 1), 2.0.0, 2.1.0 or 2.2.0)',
    ]);
    expect(run('{"ignition":{"version":"2.2"}}', 'coreos')).toEqual([
      '1:24-1:29 error: unsupported config version: "2.2" is not a version (x.y.z) (supported: spec 1 (ignitionVersion: 1), 2.0.0, 2.1.0 or 2.2.0)',
    ]);
    expect(run('{"ignitionVersion":2}', 'coreos')).toEqual([
      '1:20-1:21 error: unsupported config version: ignitionVersion 2 is not one CoreOS Container Linux\'s Ignition reads (supported: spec 1 (ignitionVersion: 1), 2.0.0, 2.1.0 or 2.2.0)',
    ]);
  });

  it('checks the partition table: on the partitions list from 2.1.0, on the disk before', () => {
    const disks = '"storage":{"disks":[{"device":"/dev/sda","partitions":[{"number":1,"start":2048,"size":4096},{"number":1,"start":4096,"size":10},{"label":"x","start":100}]}]}}';
    const layout = ['partition numbers collide', 'partitions overlap', 'partitions misaligned'];
    expect(run(`{"ignition":{"version":"2.2.0"},${disks}`, 'coreos')).toEqual(layout.map((m) => `1:87-1:88 error: ${m}`));
    expect(run(`{"ignition":{"version":"2.0.0"},${disks}`, 'coreos')).toEqual(layout.map((m) => `1:53-1:54 error: ${m}`));
    expect(run(`{"ignition":{"version":"2.0.0"},${disks}`, 'coreos', 'reference')).toEqual(layout.map((m) => `1:188-1:188 error: ${m}`));
    expect(run('{"ignition":{"version":"2.2.0"},"storage":{"disks":[{"device":"/dev/sda","partitions":[{"number":1,"start":2048,"size":2048},{"number":2,"start":4096}]}]}}', 'coreos')).toEqual([]);
  });

  it('reads a 2.1.0 config with 2.1.0\'s fields: append is unknown there', () => {
    const text = '{"ignition":{"version":"2.1.0"},"storage":{"files":[{"filesystem":"root","path":"/a","append":true}]}}';
    expect(run(text, 'coreos', 'reference')).toEqual(['1:93-1:94 warning: Config has unrecognized key: append']);
  });
});

describe('spec 2.x under --target flatcar', () => {
  it('keeps ignition-validate\'s answer in the reference set', () => {
    expect(run('{"ignition":{"version":"2.2.0"},"networkd":{"units":[{"name":"a.network"}]}}', 'flatcar', 'reference')).toEqual([
      '0:0-0:0 error: unsupported config version',
    ]);
  });

  it('adds, in the all set, what Flatcar\'s translation of 2.x at boot refuses', () => {
    const text = `{"ignition":{"version":"2.2.0"},
 "storage":{"files":[{"filesystem":"root","path":"/etc/a","mode":420},{"filesystem":"root","path":"/etc/a/b","mode":420}],
  "links":[{"filesystem":"root","path":"/etc/a","target":"/x"}]},
 "systemd":{"units":[{"name":"a.service"},{"name":"a.service","dropins":[{"name":"x.conf"},{"name":"x.conf"}]}]}}`;
    expect(run(text, 'flatcar').slice(1)).toEqual([
      '2:99-2:109 error: Flatcar cannot translate this 2.x config: File: /etc/a/b uses link defined in config "/etc/a". Please use a link not defined in Storage:Links',
      '3:40-3:48 error: Flatcar cannot translate this 2.x config: Config has conflicting inodes: "File: /etc/a" and "Link: /etc/a".  All files, directories and links must specify a unique `path`.',
      '4:51-4:62 error: Flatcar cannot translate this 2.x config: Config has duplicate unit name "a.service".  All units must specify a unique `name`.',
      '4:100-4:108 error: Flatcar cannot translate this 2.x config: Config has duplicate dropin name "x.conf" in unit "a.service".  All dropins must specify a unique `name`.',
    ]);
    const fs = '{"ignition":{"version":"2.1.0"},"networkd":{"units":[{"name":"a.network"}]},"storage":{"filesystems":[{"name":"data","mount":{"device":"/dev/sdb","format":"ext4"}}]}}';
    expect(run(fs, 'flatcar').slice(1)).toEqual([
      '1:54-1:55 error: Flatcar cannot translate this 2.x config: config includes deprecated networkd section - use Files instead',
      '1:111-1:117 error: Flatcar cannot translate this 2.x config: Config defined filesystem "data" but no mapping was defined.Please specify a path to be used as the filesystem mountpoint.',
    ]);
  });

  it('still rejects spec 1, which Flatcar does not read', () => {
    expect(run('{"ignitionVersion":1}', 'flatcar')).toEqual([
      '1:2-1:21 error: Ignition spec 1 config (ignitionVersion): Flatcar\'s Ignition does not read spec 1; rewrite it as spec 3 ({"ignition": {"version": "3.4.0"}})',
    ]);
  });
});

describe('legacy specs: unknown keys', () => {
  it('takes a key named like an Object.prototype member for the unknown key it is', () => {
    expect(run('{"ignition":{"version":"2.2.0"},"constructor":1}', 'coreos', 'reference')).toEqual(['1:45-1:46 warning: Config has unrecognized key: constructor']);
  });
});
