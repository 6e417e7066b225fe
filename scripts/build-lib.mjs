#!/usr/bin/env node
// Builds the package's JavaScript ahead of time, so the CLI starts without compiling
// TypeScript: lib/index.js (the core's public API, an ES module) and lib/cli.cjs (the command
// line, with its code cache), each with its dependencies inlined, plus type declarations in
// lib/types/.
// `npm ci` runs it (prepare); so do `npm test` and `npm pack`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'lib');
rmSync(out, { recursive: true, force: true });

/** One bundle for Node: an entry with zod and yaml inlined, so there is one file to load and nothing to install beside it. */
const bundle = (name, entry, format) =>
  build({
    root,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir: out,
      emptyOutDir: false,
      ssr: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      rollupOptions: { input: { [name]: join(root, entry) }, output: { format, entryFileNames: `[name].${format === 'cjs' ? 'cjs' : 'js'}` } },
    },
    ssr: { noExternal: true },
  });

await bundle('index', 'src/core/index.ts', 'es');
// The command line as one CommonJS script, with V8's code cache beside it: the bin runs it
// through node:vm with that cache, so start-up skips compiling half a megabyte of JavaScript
// (a cache made by another Node version is refused by V8, and then it compiles).
await bundle('cli', 'src/cli/main.ts', 'cjs');
const cache = spawnSync(process.execPath, [join(root, 'bin/cloud-config-validate.js'), '--write-code-cache', join(root, 'examples/etcd-cluster-node.yaml')], { stdio: 'inherit' });
if (cache.status !== 0) process.exit(cache.status ?? 1);

// Declarations for `import { validate } from 'cloud-config-validator'`.
const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.lib.json')], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

// Node's ES module resolution wants explicit file names in the declarations' relative imports.
const typesDir = join(out, 'types');
const withExtension = (file, spec) => {
  const target = resolve(dirname(file), spec);
  if (existsSync(`${target}.d.ts`)) return `${spec}.js`;
  if (existsSync(join(target, 'index.d.ts'))) return `${spec}/index.js`;
  return spec;
};
const walk = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
for (const file of walk(typesDir).filter((f) => f.endsWith('.d.ts'))) {
  const text = readFileSync(file, 'utf8');
  const fixed = text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]*)\2/g, (_, lead, q, spec) => `${lead}${q}${withExtension(file, spec)}${q}`);
  if (fixed !== text) writeFileSync(file, fixed);
}
