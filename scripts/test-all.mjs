#!/usr/bin/env node
// Runs every suite (type check, unit + conformance, end-to-end) and ends with one plain
// summary line, `N passed, N failed`, summed over all suites.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: false }).status ?? 1;

// The browser tests drive Debian's Chromium; install it when missing and allowed to.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!process.argv.includes('--no-e2e') && !existsSync(CHROMIUM)) {
  if (process.getuid?.() === 0) {
    console.log('Chromium not found: installing the Debian package (apt-get install chromium)');
    run('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium']);
  }
  if (!existsSync(CHROMIUM)) console.error(`Chromium is needed at ${CHROMIUM} for the browser tests (apt-get install chromium, or set CHROMIUM_PATH).`);
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;

const typecheck = run('npx', ['tsc', '--noEmit', '-p', '.']);
if (typecheck === 0) passed++;
else failed++;
console.log(`typecheck: ${typecheck === 0 ? 'passed' : 'FAILED'}`);

const unitStatus = run('npx', ['vitest', 'run']);
if (existsSync('test-results/vitest.json')) {
  const r = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (unitStatus !== 0 && r.numFailedTests === 0 ? 1 : 0);
} else if (unitStatus !== 0) failed++;

if (!process.argv.includes('--no-e2e')) {
  const e2eStatus = run('npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/e2e.json' });
  if (existsSync('test-results/e2e.json')) {
    const r = JSON.parse(readFileSync('test-results/e2e.json', 'utf8'));
    passed += r.stats.expected + (r.stats.flaky ?? 0);
    failed += r.stats.unexpected;
    // A suite that could not start (its server, its browser) reports no test as failed.
    if (e2eStatus !== 0 && r.stats.unexpected === 0) failed++;
  } else if (e2eStatus !== 0) failed++;
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
