#!/usr/bin/env node
// Cold start of the CLI: wall time of `node bin/cloud-config-validate.js FILE` on one small
// file against a bare `node -e ''`, run alternately so that machine load hits both alike.
// Target: at most 2x the bare start. Part of `npm run bench`; needs lib/ (npm ci builds it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 31;
const FILE = 'examples/etcd-cluster-node.yaml';
if (!existsSync('lib/cli.cjs')) {
  console.error('lib/cli.cjs is missing: run `npm run build:lib` first');
  process.exit(2);
}

const wall = (args) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const bare = [];
const cli = [];
wall(['-e', '']);
wall(['bin/cloud-config-validate.js', FILE]);
for (let i = 0; i < RUNS; i++) {
  bare.push(wall(['-e', '']));
  cli.push(wall(['bin/cloud-config-validate.js', FILE]));
}
const ratio = median(cli) / median(bare);
console.log(`cold start, median of ${RUNS}: node -e '' ${median(bare).toFixed(0)} ms; cloud-config-validate ${FILE} ${median(cli).toFixed(0)} ms; ${ratio.toFixed(2)}x (target <= 2x: ${ratio <= 2 ? 'met' : 'MISSED'})`);
