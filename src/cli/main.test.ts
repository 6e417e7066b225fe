import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { version } from '../../package.json';

// The CLI as users run it: the bin over the JavaScript built in lib/ (see test/build-lib.global-setup.ts).
const dir = mkdtempSync(join(tmpdir(), 'ccv-'));
const file = (name: string, text: string | Uint8Array) => {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return p;
};
const good = file('good.yaml', '#cloud-config\nhostname: node1\n');
const bad = file('bad.yaml', '#cloud-config\ncoreos:\n  update:\n    reboot-strategy: sometimes\n  bogus: 1\n');
const warnOnly = file('warn.yaml', '#cloud-config\nbogus: 1\nother: 2\n');

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['bin/cloud-config-validate.js', ...args], { input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cloud-config-validate', { timeout: 60_000 }, () => {
  it('prints FILE:LINE:COL: KIND: MESSAGE [rule] sorted by file, line and column, and a summary; exit 1 on errors', () => {
    const r = cli(['--rules', 'reference', '--target', 'coreos', good, bad]);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      `${bad}: cloud-config`,
      `${bad}:4:22: error: invalid value sometimes [invalid-value]`,
      `${bad}:5:3: warning: unrecognized key "bogus" [unknown-key]`,
      `${good}: cloud-config`,
      '2 files checked: 1 error, 1 warning, 0 infos',
      '',
    ]);
  });

  it('judges for Flatcar by default: its validator checks no value under a hyphenated key', () => {
    const r = cli(['--rules', 'reference', good, bad]);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toEqual([`${bad}: cloud-config`, `${bad}:5:3: warning: unrecognized key "bogus" [unknown-key]`, `${good}: cloud-config`, '2 files checked: 0 errors, 1 warning, 0 infos', '']);
    expect(cli(['--rules', 'reference', '--target=flatcar', good, bad]).stdout).toBe(r.stdout);
  });

  it('exits 0 without errors and reads standard input', () => {
    const r = cli(['-'], '#cloud-config\nhostname: a\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('-: cloud-config\n1 file checked: 0 errors, 0 warnings, 0 infos\n');
  });

  it('writes the JSON report, naming kind and target', () => {
    const r = cli(['--format=json', '--rules=reference', bad]);
    const json = JSON.parse(r.stdout);
    expect(json.files[0]).toMatchObject({ file: bad, kind: 'cloud-config', target: 'flatcar' });
    expect(json.files[0].entries).toContainEqual({ line: 5, column: 3, endLine: 5, endColumn: 8, kind: 'warning', message: 'unrecognized key "bogus"', rule: 'unknown-key', path: '$.coreos.bogus' });
    expect(JSON.parse(cli(['--format=json', '--target', 'coreos', bad]).stdout).files[0].target).toBe('coreos');
  });

  it('prints its version', () => {
    const r = cli(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`cloud-config-validate ${version}\n`);
  });

  it('refuses bad option values with a usage error and exit 2', () => {
    const cases: [string[], RegExp][] = [
      [['--rules', 'strict', good], /--rules must be reference or all, not "strict"/],
      [['--target', 'ubuntu', good], /--target must be flatcar or coreos, not "ubuntu"/],
      [['--format', 'xml', good], /--format must be text, json, sarif or coreos-json, not "xml"/],
      [['--max-warnings', '-1', good], /--max-warnings must be a whole number of warnings \(0 or more\), not "-1"/],
      [['--max-warnings', 'many', good], /--max-warnings must be a whole number/],
      [['--max-warnings'], /--max-warnings needs a value/],
      [['--format', 'coreos-json', '--rules', 'all', good], /coreos-json .* takes no --rules all or --target flatcar/],
      [['--bogus', good], /unknown option --bogus/],
      [[], /no input files/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr).toContain('usage: cloud-config-validate');
    }
  });

  it('--max-warnings N exits 1 only when there are more than N warnings', () => {
    expect(cli([warnOnly]).status).toBe(0);
    expect(cli(['--max-warnings', '2', warnOnly]).status).toBe(0);
    const over = cli(['--max-warnings=1', warnOnly]);
    expect(over.status).toBe(1);
    expect(over.stderr).toBe('cloud-config-validate: 2 warnings, more than --max-warnings 1\n');
    expect(cli(['--max-warnings', '0', good]).status).toBe(0);
  });

  it('says in plain words why a file cannot be read, in every format, and still reports the others', () => {
    const missing = join(dir, 'nope.yaml');
    const text = cli([missing, bad]);
    expect(text.status).toBe(2);
    expect(text.stderr).toBe(`cloud-config-validate: cannot read ${missing}: no such file\n`);
    expect(text.stdout).toContain(`${missing}: error: cannot read: no such file\n`);
    expect(text.stdout).toMatch(/unrecognized key "bogus"/);
    expect(text.stdout).toMatch(/^1 file checked, 1 unreadable: /m);

    const json = JSON.parse(cli(['--format', 'json', missing]).stdout);
    expect(json.files).toEqual([{ file: missing, error: 'no such file' }]);

    const sarif = JSON.parse(cli(['--format', 'sarif', missing, good]).stdout);
    expect(sarif.runs[0].invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          { level: 'error', message: { text: `cannot read ${missing}: no such file` }, locations: [{ physicalLocation: { artifactLocation: { uri: `file://${missing}` } } }] },
        ],
      },
    ]);
  });

  it('writes SARIF 2.1.0 with the tool version, its home and the target', () => {
    const r = cli(['--format', 'sarif', '--target', 'coreos', bad]);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'cloud-config-validate', version, semanticVersion: version, informationUri: expect.stringMatching(/^https:\/\//) });
    expect(run.properties).toEqual({ target: 'coreos' });
    expect(run.automationDetails).toEqual({ id: 'cloud-config-validate/coreos/' });
    expect(run.invocations[0].executionSuccessful).toBe(true);
    expect(run.results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['invalid-value', 'unknown-key']);
  });

  it('says what it did not check instead of passing it silently', () => {
    const script = file('boot.sh', '#!/bin/sh\necho hi\n');
    const empty = file('empty.yaml', '');
    const r = cli([script, empty]);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      `${script}: script, not checked (a script is run as it is at boot; its content is not checked)`,
      `${empty}: empty file, not checked (an empty file: the machine boots with no user-data)`,
      '2 files checked: 0 errors, 0 warnings, 0 infos',
      '',
    ]);
    expect(JSON.parse(cli(['--format', 'json', script]).stdout).files[0]).toMatchObject({ kind: 'script', notChecked: expect.stringContaining('not checked') });
  });

  it('searches directories for user-data files by name and by content', () => {
    const root = join(dir, 'tree');
    const taken = [
      file('tree/nodes/user-data', '#cloud-config\nhostname: a\n'),
      file('tree/nodes/worker.yaml', '#cloud-config\nbogus: 1\n'),
      file('tree/ign/boot.ign', '{"ignition": {"version": "3.3.0"}}'),
      file('tree/cloud_config.txt', '#cloud-config\n'),
    ];
    file('tree/k8s/deploy.yaml', 'apiVersion: v1\nkind: Pod\n');
    file('tree/README.md', '#cloud-config\n');
    file('tree/node_modules/x/user-data', '#cloud-config\n');
    file('tree/.git/user-data', '#cloud-config\n');
    const r = JSON.parse(cli(['--format', 'json', root]).stdout);
    expect(r.files.map((f: { file: string }) => f.file)).toEqual([...taken].sort());

    const emptyDir = join(dir, 'nothing');
    mkdirSync(emptyDir);
    const none = cli([emptyDir]);
    expect(none.status).toBe(2);
    expect(none.stderr).toBe(`cloud-config-validate: cannot read ${emptyDir}: no user-data files found in this directory\n`);
  });
});

describe('--format coreos-json: the old online validator\'s response body', { timeout: 60_000 }, () => {
  it('is {"result":null} for a clean file, with no trailing newline', () => {
    expect(cli(['--format', 'coreos-json', good]).stdout).toBe('{"result":null}');
  });

  it('lists entries as Go marshalled its maps (sorted keys, HTML characters escaped), after removing every CR', () => {
    const crlf = file('crlf.yaml', '#cloud-config\r\ncoreos:\r\n  update:\r\n    reboot_strategy: "<b>&"\r\n  bogus: 1\r\n');
    const r = cli(['--format', 'coreos-json', crlf]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      '{"result":[{"kind":"error","line":4,"message":"invalid value \\u003cb\\u003e\\u0026"},{"kind":"warning","line":5,"message":"unrecognized key \\"bogus\\""}]}',
    );
  });

  it('answers "Failed to parse config" for input that is none of the formats, and one body per line for several files', () => {
    const other = file('other.txt', 'hello\n');
    expect(cli(['--format', 'coreos-json', other, good]).stdout).toBe(
      '{"result":null}\n{"result":[{"kind":"error","message":"Failed to parse config. Is this a valid Ignition Config, Cloud-Config, or script?"}]}',
    );
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

  it('with --format json, puts a Butane config’s Ignition and its findings in one object, as for a cloud-config', () => {
    const noted = file('noted.bu', 'variant: flatcar\nversion: 1.0.0\nstorage:\n  files:\n    - path: /etc/motd\n      mode: 644\n      contents:\n        inline: hi\n');
    const r = cli(['--to', 'ignition', '--format', 'json', noted]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const body = JSON.parse(r.stdout);
    expect(body).toMatchObject({ file: noted, to: 'ignition', output: { ignition: { version: '3.3.0' }, storage: { files: [{ path: '/etc/motd', mode: 644 }] } } });
    expect(body.notes.map((n: { line: number; column: number; kind: string; rule: string }) => [n.line, n.column, n.kind, n.rule])).toEqual([
      [6, 13, 'warning', 'butane-mode'],
      [6, 13, 'warning', 'ignition-mode'],
    ]);
    // A config with errors is not translated: the findings as text on stderr, nothing on stdout.
    const bad = file('bad-json.bu', 'variant: flatcar\nversion: 1.0.0\nstorage:\n  files:\n    - path: etc/motd\n');
    const b = cli(['--to', 'ignition', '--format', 'json', bad]);
    expect([b.status, b.stdout]).toEqual([1, '']);
    expect(b.stderr).toContain(`${bad}:5:13: error: path not absolute [ignition-path]`);
  });

  describe('--files-dir: Butane\'s files directory', () => {
    const files = join(dir, 'butane-files');
    file('butane-files/motd', 'hello\n');
    file('butane-files/tree/etc/issue', 'welcome\n');
    const local = file('local.bu', 'variant: flatcar\nversion: 1.1.0\nstorage:\n  files:\n    - path: /etc/motd\n      contents:\n        local: motd\n  trees:\n    - local: tree\n');
    const translated = {
      ignition: { version: '3.4.0' },
      storage: {
        files: [
          { path: '/etc/motd', contents: { compression: '', source: 'data:,hello%0A' } },
          { path: '/etc/issue', contents: { compression: '', source: 'data:,welcome%0A' }, mode: 420 },
        ],
      },
    };

    it('reads local files and trees from DIR for --to ignition (-d too)', () => {
      const r = cli(['--to', 'ignition', '--files-dir', files, local]);
      expect(r).toMatchObject({ status: 0, stderr: '' });
      expect(JSON.parse(r.stdout)).toEqual(translated);
      expect(JSON.parse(cli(['--to', 'ignition', '-d', files, local]).stdout)).toEqual(translated);
    });

    it('without it, refuses them with butane\'s message, at the value', () => {
      const r = cli(['--to', 'ignition', local]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`${local}:7:16: error: local file paths are relative to a files directory that must be specified with -d/--files-dir; none was given`);
      expect(r.stderr).toContain(`${local}:9:7: error: local file paths are relative to a files directory that must be specified with -d/--files-dir`);
    });

    it('validation reads them too, and reports what it cannot read as butane does', () => {
      expect(cli(['--rules', 'reference', '--files-dir', files, local])).toMatchObject({ status: 0 });
      const missing = file('missing.bu', 'variant: flatcar\nversion: 1.1.0\nstorage:\n  files:\n    - path: /a\n      contents:\n        local: nope\n    - path: /b\n      contents:\n        local: ../motd\n');
      const r = cli(['--rules', 'reference', '--format', 'json', '--files-dir', files, missing]);
      expect(r.status).toBe(1);
      expect(JSON.parse(r.stdout).files[0].entries.map((e: { line: number; column: number; message: string }) => [e.line, e.column, e.message])).toEqual([
        [7, 16, `open ${files}/nope: no such file or directory`],
        [10, 16, 'local file path traverses outside the files directory'],
      ]);
    });

    it('needs a directory name', () => {
      expect(cli(['--files-dir=', local])).toMatchObject({ status: 2 });
      expect(cli(['--files-dir=', local]).stderr).toMatch(/^cloud-config-validate: --files-dir needs a directory\n/);
      expect(cli([local, '--files-dir']).stderr).toMatch(/^cloud-config-validate: --files-dir needs a value\n/);
    });
  });
});
