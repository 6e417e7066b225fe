#!/usr/bin/env node
// The command line, from the JavaScript built ahead of time (lib/, made by `npm ci` or
// `npm run build:lib`): no TypeScript is compiled at start-up.
import { existsSync } from 'node:fs';

const cli = new URL('../lib/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('cloud-config-validate: lib/cli.js is missing; build it with `npm run build:lib` (npm ci does this)\n');
  process.exit(2);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
