import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { takenByName } from '../src/cli/inputs';

interface Step {
  id?: string;
  run?: string;
  env?: Record<string, string>;
}

const action = parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, { default: string }>; runs: { using: string; steps: Step[] } };
const check = action.runs.steps.find((s) => s.id === 'check')!;

/** Runs the action's check step as the runner would: bash, with its env (inputs filled in) and GITHUB_OUTPUT. */
function runCheck(inputs: Record<string, string>, cwd: string) {
  const value = (name: string) => inputs[name] ?? action.inputs[name].default;
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(check.env!)) {
    env[k] = v.replace(/\$\{\{ github\.action_path \}\}/g, resolve('.')).replace(/\$\{\{ inputs\.([\w-]+) \}\}/g, (_, n: string) => value(n));
  }
  const output = join(cwd, 'github-output');
  writeFileSync(output, '');
  const r = spawnSync('bash', ['-e', '-c', check.run!], { cwd, env: { ...process.env, ...env, GITHUB_OUTPUT: output }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, output: readFileSync(output, 'utf8') };
}

describe('GitHub Action (action.yml)', { timeout: 60_000 }, () => {
  const repo = mkdtempSync(join(tmpdir(), 'ccv-action-'));
  mkdirSync(join(repo, 'nodes'));
  writeFileSync(join(repo, 'nodes', 'user-data'), '#cloud-config\ncoreos:\n  update:\n    reboot_strategy: sometimes\n');
  writeFileSync(join(repo, 'ok.yaml'), '#cloud-config\nhostname: a\n');

  it('is a composite action', () => expect(action.runs.using).toBe('composite'));

  it('fails the step on errors, searching the paths given', () => {
    const r = runCheck({ paths: 'nodes ok.yaml' }, repo);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('nodes/user-data:4:22: error: invalid value sometimes');
    expect(r.stdout).toContain('2 files checked');
  });

  it('passes on a clean file and writes SARIF when asked', () => {
    const r = runCheck({ paths: 'ok.yaml', sarif: 'results.sarif', target: 'coreos' }, repo);
    expect(r.status).toBe(0);
    expect(r.output).toBe('sarif=results.sarif\n');
    const sarif = JSON.parse(readFileSync(join(repo, 'results.sarif'), 'utf8'));
    expect(sarif.runs[0].properties.target).toBe('coreos');
  });
});

describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  const [hook] = parse(readFileSync('.pre-commit-hooks.yaml', 'utf8')) as { id: string; entry: string; language: string; files: string }[];
  const files = new RegExp(hook.files);

  it('runs the package\'s own command', () => {
    expect(hook).toMatchObject({ id: 'cloud-config-validate', entry: 'cloud-config-validate', language: 'node' });
    expect(JSON.parse(readFileSync('package.json', 'utf8')).bin[hook.entry]).toBeDefined();
  });

  it('takes the same file names as the CLI\'s directory search', () => {
    const names = ['user-data', 'user_data', 'userdata.yml', 'cloud-config.yaml', 'cloud_config', 'boot.ign', 'node.bu', 'deploy.yaml', 'README.md', 'user-data-notes.md', 'x.bun'];
    for (const name of names) {
      expect(files.test(`nodes/${name}`), name).toBe(takenByName(name));
    }
    expect(names.filter(takenByName)).toEqual(['user-data', 'user_data', 'userdata.yml', 'cloud-config.yaml', 'cloud_config', 'boot.ign', 'node.bu']);
  });
});
