#!/usr/bin/env node
// The JavaScript and CSS a first visit loads, gzip-compressed, from a build in dist/ (or the
// folder given): index.html's scripts, module preloads and style sheets, and the validation
// worker the page starts at once. Fails past the budget: node scripts/first-load-size.mjs [dir]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 250;
const dir = process.argv[2] ?? 'dist';
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const files = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="\.?\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const kb = (file) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length / 1024;
let js = 0;
for (const file of files) {
  const size = kb(file);
  if (file.endsWith('.js')) js += size;
  console.log(`${size.toFixed(2).padStart(8)} KB  ${file}`);
}
const worker = readdirSync(join(dir, 'assets')).find((f) => f.startsWith('validate.worker-'));
console.log(`first-load JS: ${js.toFixed(2)} KB gzip (budget ${BUDGET_KB} KB)`);
if (worker) console.log(`validation worker, started with the page: ${kb(join('assets', worker)).toFixed(2)} KB gzip (assets/${worker})`);
if (js > BUDGET_KB) {
  console.error(`first-load JS is over its ${BUDGET_KB} KB budget`);
  process.exit(1);
}
