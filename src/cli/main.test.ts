import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'ccv-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const good = file('good.yaml', '#cloud-config\nhostname: node1\n');
const bad = file('bad.yaml', '#cloud-config\ncoreos:\n  update:\n    reboot-strategy: sometimes\n  bogus: 1\n');

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['bin/cloud-config-validate.js', ...args], { input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Every test spawns the CLI (tsx compiles on start); on a loaded machine that takes seconds.
describe('cloud-config-validate', { timeout: 60_000 }, () => {
  it('prints FILE:LINE:COL: KIND: MESSAGE [rule] and a summary; exit 1 on errors', () => {
    const r = cli(['--rules', 'reference', good, bad]);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      `${good}: cloud-config`,
      `${bad}: cloud-config`,
      `${bad}:4:22: error: invalid value sometimes [invalid-value]`,
      `${bad}:5:3: warning: unrecognized key "bogus" [unknown-key]`,
      '2 files checked: 1 error, 1 warning, 0 infos',
      '',
    ]);
  });

  it('exits 0 without errors and reads standard input', () => {
    const r = cli(['-'], '#cloud-config\nhostname: a\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('-: cloud-config\n1 file checked: 0 errors, 0 warnings, 0 infos\n');
  });

  it('writes the JSON report', () => {
    const r = cli(['--format=json', '--rules=reference', bad]);
    const json = JSON.parse(r.stdout);
    expect(json.files[0]).toMatchObject({ file: bad, kind: 'cloud-config' });
    expect(json.files[0].entries).toContainEqual({ line: 5, column: 3, endLine: 5, endColumn: 8, kind: 'warning', message: 'unrecognized key "bogus"', rule: 'unknown-key' });
  });

  it('exits 2 on usage errors and unreadable files, still reporting the others', () => {
    const usage = cli(['--rules', 'strict', good]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--rules must be reference or all/);
    const missing = cli([join(dir, 'nope.yaml'), bad]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.yaml: ENOENT/);
    expect(missing.stdout).toMatch(/unrecognized key "bogus"/);
    expect(cli([]).status).toBe(2);
  });

  it('writes SARIF 2.1.0', () => {
    const r = cli(['--format', 'sarif', bad]);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
  });

  it('reads .ign files as Ignition in every output format', () => {
    const ign = file('node.ign', '{"ignition":{"version":"3.4.0"},"storage":{"files":[{"path":"etc/motd"}]}}\n');
    const text = cli(['--rules', 'reference', ign]);
    expect(text.status).toBe(1);
    expect(text.stdout.split('\n')).toEqual([`${ign}: Ignition config`, `${ign}:1:61: error: path not absolute [ignition-path]`, '1 file checked: 1 error, 0 warnings, 0 infos', '']);
    const json = JSON.parse(cli(['--format', 'json', '--rules', 'reference', ign]).stdout);
    expect(json.files[0]).toMatchObject({ file: ign, kind: 'ignition', entries: [{ line: 1, column: 61, message: 'path not absolute', rule: 'ignition-path' }] });
    const sarif = JSON.parse(cli(['--format', 'sarif', ign]).stdout);
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['ignition-path']);
    expect(sarif.runs[0].tool.driver.rules.some((r: { id: string }) => r.id === 'ignition-path')).toBe(true);
  });

  it('reads {} in a .ign file as a config without a version', () => {
    const empty = file('empty.ign', '{}');
    const r = cli(['--format', 'json', '--rules', 'reference', empty]);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).files[0].entries.map((e: { message: string }) => e.message)).toEqual(["invalid config version (couldn't parse)"]);
  });

  it('translates Butane with --to ignition: JSON on stdout, findings on stderr', () => {
    const good = file('node.bu', 'variant: flatcar\nversion: 1.0.0\nstorage:\n  files:\n    - path: /etc/motd\n      contents:\n        inline: hi\n');
    const r = cli(['--to', 'ignition', good]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ignition: { version: '3.3.0' }, storage: { files: [{ path: '/etc/motd', contents: { compression: '', source: 'data:,hi' } }] } });
    const bad = file('bad.bu', 'variant: flatcar\nversion: 1.0.0\nstorage:\n  files:\n    - path: etc/motd\n');
    const b = cli(['--to', 'ignition', bad]);
    expect(b.status).toBe(1);
    expect(b.stdout).toBe('');
    expect(b.stderr).toContain(`${bad}:5:13: error: path not absolute [ignition-path]`);
    expect(JSON.parse(cli(['--format', 'json', bad]).stdout).files[0].kind).toBe('butane');
  });
});
