import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './args';

// The CLI as users run it: the bin over the JavaScript built in lib/ (see test/build-lib.global-setup.ts).
const dir = mkdtempSync(join(tmpdir(), 'ccv-to-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const source = '#cloud-config\nhostname: node1\ncoreos:\n  units:\n    - name: app.service\n      command: stop\n';
const good = file('good.yaml', source);
const bad = file('bad.yaml', '#cloud-config\nusers: 3\n');

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['bin/cloud-config-validate.js', ...args], { input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('--to', { timeout: 60_000 }, () => {
  it('butane: the Butane config on stdout, each note on stderr at its place', () => {
    const r = cli(['--to', 'butane', good]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^variant: flatcar\nversion: 1\.1\.0\n/m);
    expect(r.stdout).toContain('    - path: /etc/hostname\n');
    expect(r.stderr).toBe(`${good}:6:7: warning: command: stop is not carried over: Ignition only writes, enables and masks units before they run; to keep the unit from running, mask it [convert-unit-command]\n`);
  });

  it('ignition: the Ignition JSON on stdout, from standard input too', () => {
    const r = cli(['--to', 'ignition', '-'], source);
    expect(r.status).toBe(0);
    const ign = JSON.parse(r.stdout);
    expect(ign.ignition.version).toBe('3.4.0');
    expect(ign.storage.files).toEqual([{ path: '/etc/hostname', overwrite: true, contents: { source: 'data:,node1%0A' }, mode: 0o644 }]);
    expect(r.stderr).toMatch(/^-:6:7: warning: command: stop/);
  });

  it('--format json keeps the notes in one JSON object with the output', () => {
    const r = cli(['--to', 'butane', '--format', 'json', good]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const body = JSON.parse(r.stdout);
    expect(body.file).toBe(good);
    expect(body.to).toBe('butane');
    expect(body.output).toMatch(/^variant: flatcar$/m);
    expect(body.notes).toEqual([
      { line: 6, column: 7, endLine: 6, endColumn: 14, kind: 'warning', rule: 'convert-unit-command', message: expect.stringMatching(/^command: stop/) },
    ]);
  });

  it('a source with errors: status 1, the errors on stderr, nothing on stdout', () => {
    for (const to of ['butane', 'ignition']) {
      const r = cli(['--to', to, bad]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`${bad}:2:8: error: `);
      expect(r.stderr).toContain(`${bad}: 1 error: not converted`);
    }
  });

  it('an input that is not a cloud-config: status 2', () => {
    const r = cli(['--to', 'butane', '-'], '#!/bin/sh\necho hi\n');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/cannot convert - --to butane: only a cloud-config converts to Butane; this input is script/);
  });

  it('bad values and combinations are usage errors: status 2', () => {
    for (const args of [['--to', 'yaml', good], ['--to'], ['--to', 'butane', '--format', 'sarif', good], ['--to', 'butane', good, good], ['--platform', 'ec2', good]]) {
      const r = cli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^cloud-config-validate: .*\nusage:/);
    }
    expect(cli(['--to', 'butane', dir])).toMatchObject({ status: 2, stdout: '', stderr: `cloud-config-validate: --to converts one file; ${dir} is a directory\n` });
    expect(cli(['--to', 'butane', join(dir, 'missing.yaml')])).toMatchObject({ status: 2, stdout: '', stderr: `cloud-config-validate: cannot read ${join(dir, 'missing.yaml')}: no such file\n` });
    expect(cli(['--to', 'yaml', good]).stderr).toMatch(/^cloud-config-validate: --to must be butane or ignition, not "yaml"\n/);
  });
});

describe('parseArgs --to', () => {
  it('reads --to, --format and --platform into a convert command', () => {
    expect(parseArgs(['--to', 'ignition', '--platform=gce', '--format', 'json', 'a.yaml'])).toEqual({
      kind: 'convert',
      args: { to: 'ignition', format: 'json', platform: 'gce', input: 'a.yaml' },
    });
    expect(parseArgs(['--to=butane', '-'])).toEqual({ kind: 'convert', args: { to: 'butane', format: 'text', platform: undefined, input: '-' } });
  });

  it('reads --files-dir (or -d) for Butane, with --to or without', () => {
    expect(parseArgs(['--to', 'ignition', '-d', 'files', 'a.bu'])).toEqual({ kind: 'convert', args: { to: 'ignition', format: 'text', platform: undefined, filesDir: 'files', input: 'a.bu' } });
    expect(parseArgs(['--files-dir=files', 'a.bu'])).toEqual({ kind: 'validate', args: { rules: 'all', target: 'flatcar', format: 'text', maxWarnings: undefined, filesDir: 'files', inputs: ['a.bu'] } });
  });

  it('refuses what --to cannot take', () => {
    const error = (argv: string[]) => {
      try {
        parseArgs(argv);
      } catch (e) {
        if (e instanceof UsageError) return e.message;
        throw e;
      }
      return undefined;
    };
    expect(error(['--to', 'butane', '--platform', 'mars', 'a'])).toBe('--platform must be ec2, gce, azure, digitalocean, packet, openstack or custom, not "mars"');
    expect(error(['--to', 'butane', '--target', 'coreos', 'a'])).toBe('--to converts for Flatcar with every check; it takes no --rules, --target or --max-warnings');
    expect(error(['--to', 'butane', 'a', 'b'])).toBe('--to converts one file, not 2');
    expect(error(['--to', 'ignition', '--format', 'coreos-json', 'a'])).toBe('--to writes text or json, not --format coreos-json');
  });
});
