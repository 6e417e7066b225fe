#!/usr/bin/env node
// The command line, from the JavaScript built ahead of time (lib/, made by `npm ci` or
// `npm run build:lib`): no TypeScript is compiled at start-up, and V8's code cache of the
// script (lib/cli.cjs.cache) spares compiling it too.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Script } from 'node:vm';

const file = new URL('../lib/cli.cjs', import.meta.url);
const cacheFile = new URL('../lib/cli.cjs.cache', import.meta.url);
if (!existsSync(file)) {
  process.stderr.write('cloud-config-validate: lib/cli.cjs is missing; build it with `npm run build:lib` (npm ci does this)\n');
  process.exit(2);
}
// `--write-code-cache FILE` (the build's own use): run once on FILE, then store the cache.
const writeCache = process.argv[2] === '--write-code-cache';
const source = readFileSync(file, 'utf8');
const script = new Script(`(function (exports, require, module) {${source}\n})`, {
  filename: file.pathname,
  cachedData: !writeCache && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined,
});
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module);
if (writeCache) {
  const quiet = { write: () => true };
  await module.exports.main(process.argv.slice(3), quiet, quiet);
  writeFileSync(cacheFile, script.createCachedData());
} else {
  process.exitCode = await module.exports.main(process.argv.slice(2));
}
