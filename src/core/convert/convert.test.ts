import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { convertCloudConfig } from '.';
import type { Finding } from '../types';

/** The bytes a data URL holds (RFC 2397: percent-escaped or base64). */
function dataBytes(url: string): Buffer {
  const m = /^data:([^,]*),(.*)$/s.exec(url);
  if (!m) throw new Error(`not a data URL: ${url}`);
  if (m[1].endsWith(';base64')) return Buffer.from(m[2], 'base64');
  const bytes: number[] = [];
  for (let i = 0; i < m[2].length; i++) {
    if (m[2][i] === '%') {
      bytes.push(parseInt(m[2].slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(m[2].charCodeAt(i));
  }
  return Buffer.from(bytes);
}

type IgnFile = { path: string; mode?: number; overwrite?: boolean; user?: object; group?: object; contents: { source: string; compression?: string } };
type IgnUnit = { name: string; enabled?: boolean; mask?: boolean; contents?: string; dropins?: { name: string; contents: string }[] };

async function convert(text: string, platform?: 'ec2' | 'gce') {
  const out = await convertCloudConfig(text, { platform });
  expect(out.errors).toEqual([]);
  const ign = out.ignition as { storage?: { files: IgnFile[] }; systemd?: { units: IgnUnit[] }; passwd?: { users: Record<string, unknown>[] } };
  const files = ign.storage?.files ?? [];
  const file = (path: string) => files.find((f) => f.path === path);
  /** A file's bytes as Ignition writes them: decoded and, with compression gzip, decompressed. */
  const content = (path: string) => {
    const f = file(path)!;
    const bytes = dataBytes(f.contents.source);
    return f.contents.compression === 'gzip' ? gunzipSync(bytes) : bytes;
  };
  const unit = (name: string) => ign.systemd?.units.find((u) => u.name === name);
  return { out, ign, files, file, content, unit, users: ign.passwd?.users ?? [] };
}

/** Line and column (1-based) of the n-th occurrence of `token` in the text, and where it ends. */
function place(text: string, token: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(token, at + 1);
  if (at < 0) throw new Error(`${token} not in text`);
  const before = text.slice(0, at).split('\n');
  const line = before.length;
  const column = before.at(-1)!.length + 1;
  return { line, column, endLine: line, endColumn: column + token.length, from: at, to: at + token.length };
}

const noteAt = (notes: Finding[], rule: string, text: string, token: string, nth = 0) => {
  const p = place(text, token, nth);
  return notes.find((n) => n.rule === rule && n.from === p.from && n.to === p.to && n.line === p.line && n.column === p.column && n.endColumn === p.endColumn);
};

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEQApWEddF+Mxy/iIOuTjWORNDK0fPdD4oUv+xMWEq2a me@host';

describe('convertCloudConfig', () => {
  it('writes the host name to /etc/hostname and the top-level SSH keys to the core user', async () => {
    const c = await convert(`#cloud-config\nhostname: node1\nssh_authorized_keys:\n  - ${KEY}\n`);
    expect(c.content('/etc/hostname').toString()).toBe('node1\n');
    expect(c.file('/etc/hostname')).toMatchObject({ mode: 0o644, overwrite: true });
    expect(c.users).toEqual([{ name: 'core', sshAuthorizedKeys: [KEY] }]);
    expect(c.out.notes).toEqual([]);
  });

  it('carries a user: password hash, groups, primary group, gecos, home, shell, no_create_home, system, keys', async () => {
    const text = [
      '#cloud-config',
      'users:',
      '  - name: alice',
      "    passwd: '$6$salt$hash'",
      '    groups: [docker, wheel]',
      '    primary_group: staff',
      '    gecos: Alice A',
      '    homedir: /home/a',
      '    shell: /bin/zsh',
      '    no_create_home: true',
      '    system: true',
      `    ssh_authorized_keys: ['${KEY}']`,
      '    coreos_ssh_import_github: alice',
      '',
    ].join('\n');
    const c = await convert(text);
    expect(c.users).toEqual([
      {
        name: 'alice',
        passwordHash: '$6$salt$hash',
        sshAuthorizedKeys: [KEY],
        gecos: 'Alice A',
        homeDir: '/home/a',
        noCreateHome: true,
        primaryGroup: 'staff',
        groups: ['docker', 'wheel'],
        shell: '/bin/zsh',
        system: true,
      },
    ]);
    expect(c.out.notes).toHaveLength(1);
    expect(noteAt(c.out.notes, 'convert-ssh-import', text, 'coreos_ssh_import_github')).toMatchObject({ kind: 'warning', line: 13, column: 5 });
  });

  it('decodes write_files content by its encoding: base64 to text, gzip+base64 kept compressed', async () => {
    const gz = gzipSync(Buffer.from('compressed text\n'));
    // Escaped, each byte would take 3 characters; base64 takes 4 for 3 bytes.
    const binary = Buffer.from(Array.from({ length: 30 }, (_, i) => 255 - i));
    const text = [
      '#cloud-config',
      'write_files:',
      '  - path: /etc/b64',
      '    encoding: b64',
      `    content: ${Buffer.from('hello\n').toString('base64')}`,
      '  - path: /etc/gz',
      '    encoding: gzip+base64',
      `    content: ${gz.toString('base64')}`,
      '  - path: /etc/bin',
      '    encoding: base64',
      `    content: ${binary.toString('base64')}`,
      '',
    ].join('\n');
    const c = await convert(text);
    expect(c.content('/etc/b64').toString()).toBe('hello\n');
    expect(c.file('/etc/gz')!.contents.compression).toBe('gzip');
    expect(dataBytes(c.file('/etc/gz')!.contents.source).equals(gz)).toBe(true);
    expect(c.content('/etc/gz').toString()).toBe('compressed text\n');
    expect(c.content('/etc/bin').equals(binary)).toBe(true);
    expect(c.file('/etc/bin')!.contents.source).toBe(`data:;base64,${binary.toString('base64')}`);
    // Butane: text inline, the gzip stream as a compressed data source, binary as base64.
    expect(c.out.butane).toContain('    - path: /etc/b64\n      overwrite: true\n      mode: 0644\n      contents:\n        inline: |\n          hello\n');
    expect(c.out.butane).toContain(`      contents:\n        compression: gzip\n        source: "data:;base64,${gz.toString('base64')}"\n`);
  });

  it('writes short text URL-escaped and long repetitive text gzip-compressed', async () => {
    const long = 'all work and no play\n'.repeat(200);
    const text = `#cloud-config\nwrite_files:\n  - path: /etc/short\n    content: "a b=c\\n"\n  - path: /etc/long\n    content: |\n${long.replace(/^/gm, '      ').replace(/ +$/, '')}`;
    const c = await convert(text);
    expect(c.file('/etc/short')!.contents).toEqual({ source: 'data:,a%20b%3Dc%0A' });
    expect(c.file('/etc/long')!.contents.compression).toBe('gzip');
    expect(c.content('/etc/long').toString()).toBe(long);
  });

  it('maps permissions to mode and owner user:group to names or ids', async () => {
    const text = [
      '#cloud-config',
      'write_files:',
      '  - path: /etc/a',
      "    permissions: '0600'",
      '    owner: alice:docker',
      '  - path: /etc/b',
      '    permissions: 0755',
      '    owner: 1000:1001',
      '  - path: /etc/c',
      '    owner: bob',
      '',
    ].join('\n');
    const c = await convert(text);
    expect(c.file('/etc/a')).toMatchObject({ mode: 0o600, user: { name: 'alice' }, group: { name: 'docker' } });
    expect(c.file('/etc/b')).toMatchObject({ mode: 0o755, user: { id: 1000 }, group: { id: 1001 } });
    expect(c.file('/etc/c')).toMatchObject({ mode: 0o644, user: { name: 'bob' } });
    expect(c.file('/etc/c')!.group).toBeUndefined();
    expect(c.content('/etc/a').length).toBe(0);
    expect(c.out.butane).toContain('    - path: /etc/b\n      overwrite: true\n      mode: 0755\n      user:\n        id: 1000\n      group:\n        id: 1001\n');
  });

  it('keeps the last write of a path and notes the one it replaced', async () => {
    const text = '#cloud-config\nwrite_files:\n  - path: /etc/x\n    content: one\n  - path: /etc/x\n    content: two\n';
    const c = await convert(text);
    expect(c.files.filter((f) => f.path === '/etc/x')).toHaveLength(1);
    expect(c.content('/etc/x').toString()).toBe('two');
    const n = c.out.notes.find((x) => x.rule === 'convert-duplicate')!;
    expect(n).toMatchObject({ kind: 'warning', line: 3, column: 5 });
    expect(n.message).toContain('line 5');
  });

  it('carries units: content, enable, mask and drop-ins', async () => {
    const text = [
      '#cloud-config',
      'coreos:',
      '  units:',
      '    - name: app.service',
      '      enable: true',
      '      content: |',
      '        [Service]',
      '        ExecStart=/bin/true',
      '        [Install]',
      '        WantedBy=multi-user.target',
      '      drop_ins:',
      '        - name: 10-env.conf',
      '          content: |',
      '            [Service]',
      '            Environment=A=1',
      '    - name: bad.service',
      '      mask: true',
      '',
    ].join('\n');
    const c = await convert(text);
    expect(c.unit('app.service')).toEqual({
      name: 'app.service',
      enabled: true,
      contents: '[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\n',
      dropins: [{ name: '10-env.conf', contents: '[Service]\nEnvironment=A=1\n' }],
    });
    expect(c.unit('bad.service')).toEqual({ name: 'bad.service', mask: true });
    expect(c.out.notes).toEqual([]);
  });

  it('turns command: start into enabled: true, adding [Install] where the unit has none, and notes the other commands', async () => {
    const text = [
      '#cloud-config',
      'coreos:',
      '  units:',
      '    - name: once.service',
      '      command: start',
      '      runtime: true',
      '      content: |',
      '        [Service]',
      '        Type=oneshot',
      '        ExecStart=/bin/true',
      '    - name: tick.timer',
      '      command: restart',
      '      content: "[Timer]\\nOnCalendar=daily\\n"',
      '    - name: docker.service',
      '      command: start',
      '    - name: old.service',
      '      command: stop',
      '',
    ].join('\n');
    const c = await convert(text);
    expect(c.unit('once.service')).toEqual({
      name: 'once.service',
      enabled: true,
      contents: '[Service]\nType=oneshot\nExecStart=/bin/true\n\n[Install]\nWantedBy=multi-user.target\n',
    });
    expect(c.unit('tick.timer')!.contents).toBe('[Timer]\nOnCalendar=daily\n\n[Install]\nWantedBy=timers.target\n');
    expect(c.unit('docker.service')).toEqual({ name: 'docker.service', enabled: true });
    expect(c.unit('old.service')).toBeUndefined();
    expect(noteAt(c.out.notes, 'convert-unit-command', text, 'command', 0)?.kind).toBe('warning');
    expect(noteAt(c.out.notes, 'convert-unit-runtime', text, 'runtime')?.kind).toBe('warning');
    expect(noteAt(c.out.notes, 'convert-unit-command', text, 'command', 1)?.kind).toBe('warning');
    expect(noteAt(c.out.notes, 'convert-unit-command', text, 'command', 2)?.kind).toBe('info');
    expect(noteAt(c.out.notes, 'convert-unit-command', text, 'command', 3)?.message).toMatch(/^command: stop is not carried over/);
    expect(c.out.notes).toHaveLength(5);
    // Notes are comments on the unit they concern, or at the top when the unit is not written.
    expect(c.out.butane).toContain(`    # ${c.out.notes[1].message}\n    # ${c.out.notes[0].message}\n    - name: once.service\n`);
    expect(c.out.butane).toContain(`\n# line 17: ${c.out.notes[4].message}\n`);
  });

  it('writes networkd units as files under /etc/systemd/network', async () => {
    const text = '#cloud-config\ncoreos:\n  units:\n    - name: 00-eth0.network\n      content: "[Match]\\nName=eth0\\n"\n';
    const c = await convert(text);
    expect(c.content('/etc/systemd/network/00-eth0.network').toString()).toBe('[Match]\nName=eth0\n');
    expect(c.ign.systemd).toBeUndefined();
  });

  it('writes coreos.update and coreos.locksmith to /etc/flatcar/update.conf with the keys Flatcar reads', async () => {
    const text = [
      '#cloud-config',
      'coreos:',
      '  update:',
      '    reboot_strategy: etcd-lock',
      '    group: beta',
      '    server: https://nebraska.example/v1/update/',
      '  locksmith:',
      '    window_start: Sun 1:00',
      '    window_length: 2h',
      '    group: web',
      '    endpoint: https://10.0.0.1:2379',
      '    etcd_cafile: /etc/ssl/ca.pem',
      '    etcd_certfile: /etc/ssl/c.pem',
      '    etcd_keyfile: /etc/ssl/k.pem',
      '',
    ].join('\n');
    const c = await convert(text);
    expect(c.content('/etc/flatcar/update.conf').toString().split('\n')).toEqual([
      'REBOOT_STRATEGY=etcd-lock',
      'GROUP=beta',
      'SERVER=https://nebraska.example/v1/update/',
      'LOCKSMITHD_REBOOT_WINDOW_START=Sun 1:00',
      'LOCKSMITHD_REBOOT_WINDOW_LENGTH=2h',
      'LOCKSMITHD_GROUP=web',
      'LOCKSMITHD_ENDPOINT=https://10.0.0.1:2379',
      'LOCKSMITHD_ETCD_CAFILE=/etc/ssl/ca.pem',
      'LOCKSMITHD_ETCD_CERTFILE=/etc/ssl/c.pem',
      'LOCKSMITHD_ETCD_KEYFILE=/etc/ssl/k.pem',
      '',
    ]);
    expect(c.out.notes).toHaveLength(1);
    expect(noteAt(c.out.notes, 'convert-etcd-lock', text, 'etcd-lock')).toMatchObject({ kind: 'warning', line: 4, column: 22 });
  });

  it('replaces $private_ipv4 in units with the metadata variable and adds the drop-in that provides it', async () => {
    const text = [
      '#cloud-config',
      'coreos:',
      '  units:',
      '    - name: web.service',
      '      content: |',
      '        [Service]',
      '        Environment=IP=$public_ipv4',
      '        ExecStart=/bin/web --listen $private_ipv4:80 \\',
      '          --public $public_ipv4',
      'write_files:',
      '  - path: /etc/ip',
      '    content: $private_ipv4',
      '',
    ].join('\n');
    const c = await convert(text, 'gce');
    const u = c.unit('web.service')!;
    expect(u.contents).toBe('[Service]\nEnvironment=IP=${COREOS_GCE_IP_EXTERNAL_0}\nExecStart=/bin/web --listen ${COREOS_GCE_IP_LOCAL_0}:80 \\\n  --public ${COREOS_GCE_IP_EXTERNAL_0}\n');
    expect(u.dropins).toEqual([
      { name: '20-metadata.conf', contents: '[Unit]\nRequires=coreos-metadata.service\nAfter=coreos-metadata.service\n\n[Service]\nEnvironmentFile=/run/metadata/flatcar\n' },
    ]);
    expect(noteAt(c.out.notes, 'convert-substitution', text, '$public_ipv4', 0)).toMatchObject({ kind: 'warning', line: 7 });
    expect(noteAt(c.out.notes, 'convert-substitution', text, '$private_ipv4', 0)).toMatchObject({ kind: 'info', line: 8, column: 37 });
    expect(noteAt(c.out.notes, 'convert-substitution', text, '$public_ipv4', 1)).toMatchObject({ kind: 'info', line: 9 });
    expect(noteAt(c.out.notes, 'convert-substitution', text, '$private_ipv4', 1)).toMatchObject({ kind: 'warning', line: 12, column: 14 });
    expect(c.content('/etc/ip').toString()).toBe('$private_ipv4');
    expect(c.out.notes).toHaveLength(4);
  });

  it('writes /etc/hosts for manage_etc_hosts: localhost with the host name', async () => {
    const text = '#cloud-config\nhostname: db1\nmanage_etc_hosts: localhost\n';
    const c = await convert(text);
    expect(c.content('/etc/hosts').toString()).toBe('127.0.0.1 db1\n');
    expect(noteAt(c.out.notes, 'convert-etc-hosts', text, 'manage_etc_hosts')?.kind).toBe('info');
  });

  it('notes etcd2, fleet and oem, and every unknown key, at their keys', async () => {
    const text = [
      '#cloud-config',
      'coreos:',
      '  etcd2:',
      '    name: n1',
      '  fleet:',
      '    metadata: a=b',
      '  oem:',
      '    id: x',
      '  update:',
      '    group: stable',
      '    colour: red',
      'bogus: 1',
      '',
    ].join('\n');
    const out = await convertCloudConfig(text);
    expect(out.notes.map((n) => [n.rule, n.line, n.column, n.endColumn])).toEqual([
      ['convert-service-removed', 3, 3, 8],
      ['convert-service-removed', 5, 3, 8],
      ['convert-oem', 7, 3, 6],
      ['convert-not-carried', 11, 5, 11],
      ['convert-not-carried', 12, 1, 6],
    ]);
    expect(out.butane.split('\n').slice(0, 3)).toEqual([
      'Converted from cloud-config; its notes, by line of the cloud-config:',
      `line 3: ${out.notes[0].message}`,
      `line 5: ${out.notes[1].message}`,
    ].map((l) => `# ${l}`));
    expect(out.notes[0].message).toMatch(/^coreos\.etcd2 configured etcd2\.service, which Flatcar does not ship/);
  });

  it('converts nothing from a source with errors, and says why', async () => {
    const out = await convertCloudConfig('#cloud-config\nusers: 3\n');
    expect(out.butane).toBe('');
    expect(out.ignition).toBeNull();
    expect(out.errors.map((e) => [e.rule, e.line])).toEqual([['wrong-type', 2]]);
    const script = await convertCloudConfig('#!/bin/sh\necho hi\n');
    expect(script.errors.map((e) => e.rule)).toEqual(['convert-input']);
  });

  it('writes readable Butane: header, stable key order, block scalars with the right chomping', async () => {
    const text = '#cloud-config\nhostname: h\ncoreos:\n  units:\n    - name: a.service\n      mask: true\n      content: "[Unit]\\nDescription=no newline"\n';
    const out = await convertCloudConfig(text);
    expect(out.butane).toBe(
      [
        '# Converted from cloud-config.',
        'variant: flatcar',
        'version: 1.1.0',
        'storage:',
        '  files:',
        '    - path: /etc/hostname',
        '      overwrite: true',
        '      mode: 0644',
        '      contents:',
        '        inline: |',
        '          h',
        'systemd:',
        '  units:',
        '    - name: a.service',
        '      mask: true',
        '      contents: |-',
        '        [Unit]',
        '        Description=no newline',
        '',
      ].join('\n'),
    );
  });
});

describe('convertCloudConfig, update.conf written by write_files', () => {
  it('moves /etc/coreos paths to /etc/flatcar and sets the coreos.update keys in the written file, keeping its other lines', async () => {
    const text = [
      '#cloud-config',
      'write_files:',
      '  - path: /etc/coreos/update.conf',
      '    content: |',
      '      GROUP=alpha',
      '      MY_SETTING=1',
      'coreos:',
      '  update:',
      '    group: stable',
      '',
    ].join('\n');
    const c = await convert(text);
    expect(c.files.map((f) => f.path)).toEqual(['/etc/flatcar/update.conf']);
    expect(c.content('/etc/flatcar/update.conf').toString()).toBe('MY_SETTING=1\nGROUP=stable\n');
    expect(noteAt(c.out.notes, 'convert-path', text, '/etc/coreos/update.conf')).toMatchObject({ kind: 'info', line: 3, column: 11 });
    expect(c.out.notes).toHaveLength(1);
  });
});
