#!/usr/bin/env node
// Refreshes the conformance corpora kept in test/ from their upstream copies, which sit beside
// the repository in a workspace (../shared) or wherever `--from DIR` points. Each corpus is
// replaced whole, so cases removed upstream go too; the script prints what changed.
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const i = process.argv.indexOf('--from');
const from = resolve(i >= 0 ? process.argv[i + 1] : join(root, '..', 'shared'));
const CORPORA = ['conformance', 'conformance-ignition'];

const count = (dir) => (existsSync(join(dir, 'cases')) ? readdirSync(join(dir, 'cases')).length : 0);
let status = 0;
for (const name of CORPORA) {
  const src = join(from, name);
  const dst = join(root, 'test', name);
  if (!existsSync(join(src, 'README.md')) || count(src) === 0) {
    console.error(`${src}: no corpus there (README.md and cases/ expected); test/${name} left as it is`);
    status = 1;
    continue;
  }
  const before = count(dst);
  rmSync(dst, { recursive: true, force: true });
  cpSync(src, dst, { recursive: true });
  console.log(`test/${name}: ${before} -> ${count(dst)} cases from ${src}`);
}
process.exit(status);
