// The JavaScript and CSS a first visit loads, gzip-compressed, from a build in dist/ (or the
// folder given): index.html's scripts, module preloads and style sheets. Then the validation
// worker the page starts at once, and what it fetches the first time it meets each format.
// Fails past the budget: npm run size [-- dir]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chunkClosure, validationWorker, workerFormats } from './chunk-graph';

const BUDGET_KB = 250;
const dir = process.argv[2] ?? 'dist';
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const files = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="\.?\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const kb = (file: string) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length / 1024;
let js = 0;
for (const file of files) {
  const size = kb(file);
  if (file.endsWith('.js')) js += size;
  console.log(`${size.toFixed(2).padStart(8)} KB  ${file}`);
}
console.log(`first-load JS: ${js.toFixed(2)} KB gzip (budget ${BUDGET_KB} KB)`);

const sum = (chunks: Iterable<string>) => [...chunks].reduce((total, f) => total + kb(f), 0);

const entry = validationWorker(dir);
if (entry) {
  const started = chunkClosure(dir, entry);
  console.log(`validation worker, started with the page: ${sum(started).toFixed(2)} KB gzip (${entry})`);
  // Each format's code, fetched the first time the worker meets a text of it: alone, and after
  // cloud-config's (what the page's own example loads).
  const formats = workerFormats(dir, entry);
  const cloudConfig = formats.find((f) => f.name === 'cloud-config');
  const afterCloudConfig = new Set([...started, ...(cloudConfig ? chunkClosure(dir, cloudConfig.file) : [])]);
  for (const { file, name } of formats) {
    const alone = sum([...chunkClosure(dir, file)].filter((f) => !started.has(f)));
    const after = sum([...chunkClosure(dir, file)].filter((f) => !afterCloudConfig.has(f)));
    console.log(`  + ${name.padEnd(12)} ${alone.toFixed(2).padStart(6)} KB gzip on first use${name === 'cloud-config' ? '' : `, ${after.toFixed(2)} KB after cloud-config`}`);
  }
}
if (js > BUDGET_KB) {
  console.error(`first-load JS is over its ${BUDGET_KB} KB budget`);
  process.exit(1);
}
