/**
 * Differential test of src/core/yaml/libyaml-errors.ts against libyaml itself (PyYAML's C
 * bindings, through scripts/libyaml-diff.py): mutates the conformance cases, asks both for the
 * first syntax error, and compares the problem text, the problem mark's line and the context
 * mark's line.
 *
 *   npx tsx scripts/libyaml-diff.ts [--count 3000] [--seed 1] [--show 20] [--mutations 1] [--short]
 *                                   [--dialect libyaml-0.2.5] [--fixture test/fixtures/libyaml-errors.json]
 *
 * --mutations N applies up to N mutations to each text; --short mutates windows of a few lines
 * instead of whole files (errors then sit near the end of the text more often); --synthetic
 * mutates a few built-in inputs full of flow collections, tags, anchors and directives instead
 * of the corpus.
 *
 * The oracle is libyaml 0.2.x, so the module runs in its 'libyaml-0.2.5' dialect here unless
 * --dialect says otherwise. With --fixture it also writes a golden file of short cases (windows
 * of a few lines, mutated) with the oracle's answers, for the unit test that runs without PyYAML.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { firstLibyamlError, type Dialect, type LibyamlError } from '../src/core/yaml/libyaml-errors';

const here = dirname(fileURLToPath(import.meta.url));
const corpusDir = resolve(process.env.CONFORMANCE_DIR ?? join(here, '..', 'test', 'conformance'));

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const count = Number(arg('count', '3000'));
const seed = Number(arg('seed', '1'));
const show = Number(arg('show', '20'));
const dialect = arg('dialect', 'libyaml-0.2.5') as Dialect;
const fixturePath = arg('fixture', '');
const fixtureCount = Number(arg('fixture-count', '400'));
const maxMutations = Number(arg('mutations', '1'));
const short = process.argv.includes('--short');
const synthetic = process.argv.includes('--synthetic');

/** mulberry32: a small seeded PRNG, so runs are repeatable. */
function prng(s: number): () => number {
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(seed);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const int = (n: number) => Math.floor(rand() * n);

const INSERTS = [
  ':', '-', '\t', '"', "'", '[', '{', '}', ']', '#', '&', '*', '!', '|', '>', '%', '@', '`', ': ', '- ', '? ', ',',
  '...', '---', '\\', '!!', '!a!', '!<', '&a ', '*a', '|2', '>-', '%YAML 1.1\n', '%TAG !a! x\n', '\r', '\r\n', '\u00e9', '\u{1F600}',
];

function mutate(text: string): { text: string; how: string } {
  const lines = text.split('\n');
  switch (int(4)) {
    case 0: {
      if (!text.length) return { text: ':', how: 'insert' };
      const at = int(text.length);
      return { text: text.slice(0, at) + text.slice(at + 1), how: `delete ${JSON.stringify(text[at])} at ${at}` };
    }
    case 1: {
      const at = int(text.length + 1);
      const s = pick(INSERTS);
      return { text: text.slice(0, at) + s + text.slice(at), how: `insert ${JSON.stringify(s)} at ${at}` };
    }
    case 2: {
      const at = int(text.length + 1);
      const s = '\n' + ' '.repeat(int(9));
      return { text: text.slice(0, at) + s + text.slice(at), how: `insert ${JSON.stringify(s)} at ${at}` };
    }
    default: {
      const i = int(lines.length);
      const body = lines[i].replace(/^[ \t]*/, '');
      const copy = (rand() < 0.15 ? '\t' : '') + ' '.repeat(int(9)) + body;
      const out = [...lines.slice(0, i + 1), copy, ...lines.slice(i + 1)];
      return { text: out.join('\n'), how: `duplicate line ${i + 1} as ${JSON.stringify(copy.slice(0, 20))}` };
    }
  }
}

/** Inputs with the constructs the corpus rarely has (flow collections, tags, anchors, directives, escapes). */
const SYNTHETIC = [
  '%YAML 1.1\n%TAG !e! tag:example.com,2000:\n--- !e!thing\na: [1, 2, {b: c, d: [e]}]\n? complex\n: value\n...\n',
  'a: &anchor {x: 1, y: "two\\n\\x41\\u00e9", z: \'it\'\'s\'}\nb: *anchor\nc: !!str 3\nd: !<tag:yaml.org,2002:int> 4\n',
  '- [a, b, c]\n- {a: b}\n- [a: b, c: d]\n- ? x\n  : y\n- "multi\n  line"\n- \'single\n\n  folded\'\n',
  'key: |+2\n    kept\n\n  \nother: >-\n  folded\n  text\n\n# comment\nlast: plain\n  continued\n  # not a comment? \n',
  '---\nfirst: doc\n---\nsecond: doc\n...\n---\nthird\n',
  '{a: 1, b: [2, 3], c: {d: e}}\n',
  '[\n  one,\n  two: 2,\n  {three: 3},\n]\n',
  'a:\n- b\n- c:\n  - d\n  e: f\n',
  'write_files:\n  - path: /etc/x\n    content: "{{ value }}"\n    other: {{ template }}\n    list: [ {{ a }}, b ]\n',
  '"quoted key": value\n\'single\': [x, y]\n? [complex, key]\n: {v: 1}\n&a k: *a\n!t k2: v\n',
];

/** A window of a few lines, for the short fixture texts. */
function window(text: string): string {
  const lines = text.split('\n');
  const n = 2 + int(8);
  const from = int(Math.max(1, lines.length - n));
  let out = lines.slice(from, from + n).join('\n');
  if (rand() < 0.7) out += '\n';
  return out;
}

interface Oracle {
  kind: string;
  problem: string;
  problemMark?: { line: number; column: number } | null;
  context?: string | null;
  contextMark?: { line: number; column: number } | null;
}

interface Compared {
  problem: string | null;
  problemLine: number | null;
  contextLine: number | null;
}

const fromOracle = (e: Oracle | null): Compared =>
  e ? { problem: e.problem, problemLine: e.problemMark?.line ?? null, contextLine: e.contextMark?.line ?? null } : { problem: null, problemLine: null, contextLine: null };

const fromModule = (e: LibyamlError | undefined): Compared =>
  e ? { problem: e.problem, problemLine: e.problemMark?.line ?? null, contextLine: e.contextMark?.line ?? null } : { problem: null, problemLine: null, contextLine: null };

const same = (a: Compared, b: Compared) => a.problem === b.problem && a.problemLine === b.problemLine && a.contextLine === b.contextLine;

async function askOracle(texts: string[]): Promise<(Oracle | null)[]> {
  const child = spawn('python3', [join(here, 'libyaml-diff.py')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const answers: (Oracle | null)[] = [];
  const lines = createInterface({ input: child.stdout });
  const done = new Promise<void>((resolveDone, reject) => {
    lines.on('line', (line) => answers.push((JSON.parse(line) as { error: Oracle | null }).error));
    lines.on('close', () => resolveDone());
    child.on('error', reject);
  });
  for (const text of texts) child.stdin.write(JSON.stringify({ text }) + '\n');
  child.stdin.end();
  await done;
  if (answers.length !== texts.length) throw new Error(`oracle answered ${answers.length} of ${texts.length}`);
  return answers;
}

async function main() {
  const casesDir = join(corpusDir, 'cases');
  const sources = readdirSync(casesDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => readFileSync(join(casesDir, f), 'utf8'));
  if (synthetic) sources.splice(0, sources.length, ...SYNTHETIC);

  const samples: { text: string; how: string }[] = [];
  for (let i = 0; i < count; i++) {
    let sample = { text: short ? window(pick(sources)) : pick(sources), how: '' };
    const n = 1 + int(maxMutations);
    const hows: string[] = [];
    for (let k = 0; k < n; k++) {
      sample = mutate(sample.text);
      hows.push(sample.how);
    }
    samples.push({ text: sample.text, how: hows.join('; ') });
  }
  const shorts: string[] = [];
  if (fixturePath) {
    for (let i = 0; i < fixtureCount * 4; i++) {
      let w = window(rand() < 0.3 ? pick(SYNTHETIC) : pick(sources));
      const n = rand() < 0.15 ? 0 : 1 + int(2);
      for (let k = 0; k < n; k++) w = mutate(w).text;
      shorts.push(w);
    }
  }

  const answers = await askOracle([...samples.map((s) => s.text), ...shorts]);
  let agree = 0;
  let agreeWithColumns = 0;
  let agreeWithContext = 0;
  let errors = 0;
  const byProblem = new Map<string, { n: number; ok: number }>();
  const misses: string[] = [];
  samples.forEach((sample, i) => {
    const oracle = answers[i];
    const mine = firstLibyamlError(sample.text, { dialect });
    const a = fromOracle(oracle);
    const b = fromModule(mine);
    if (oracle) errors++;
    const key = a.problem ?? '(no error)';
    const stat = byProblem.get(key) ?? { n: 0, ok: 0 };
    stat.n++;
    if (same(a, b)) {
      agree++;
      stat.ok++;
      const colsOk = (oracle?.problemMark?.column ?? null) === (mine?.problemMark?.column ?? null) &&
        (oracle?.contextMark?.column ?? null) === (mine?.contextMark?.column ?? null);
      if (colsOk) agreeWithColumns++;
      if ((oracle?.context ?? null) === (mine?.context ?? null)) agreeWithContext++;
    } else if (misses.length < show) {
      misses.push(`#${i} ${sample.how}\n  libyaml: ${JSON.stringify(a)}\n  module:  ${JSON.stringify(b)}\n  text: ${JSON.stringify(sample.text.slice(0, 300))}`);
    }
    byProblem.set(key, stat);
  });

  console.log(`dialect ${dialect}, seed ${seed}: ${count} mutations, ${errors} with a libyaml error`);
  console.log(`agreement (problem + problem line + context line): ${agree}/${count} = ${((100 * agree) / count).toFixed(2)}%`);
  console.log(`  also the same columns: ${agreeWithColumns}/${count}; the same context text: ${agreeWithContext}/${count}`);
  for (const [problem, s] of [...byProblem].sort((x, y) => y[1].n - x[1].n)) {
    console.log(`  ${String(s.ok).padStart(5)}/${String(s.n).padEnd(5)} ${problem}`);
  }
  if (misses.length) console.log(`\nfirst disagreements:\n${misses.join('\n')}`);

  if (fixturePath) {
    // Short, distinct texts; a few of each problem so every kind of error is covered.
    const seen = new Set<string>();
    const perProblem = new Map<string, number>();
    const fixture: (Compared & { text: string })[] = [];
    shorts.forEach((text, j) => {
      const oracle = answers[samples.length + j];
      if (seen.has(text) || text.length > 400) return;
      const expected = fromOracle(oracle);
      const key = expected.problem ?? '(no error)';
      const n = perProblem.get(key) ?? 0;
      if (n >= Math.max(8, fixtureCount / 10)) return;
      seen.add(text);
      perProblem.set(key, n + 1);
      fixture.push({ text, ...expected });
    });
    const out = fixture.slice(0, fixtureCount);
    writeFileSync(fixturePath, JSON.stringify(out, null, 1) + '\n');
    const wrong = out.filter((f) => !same(f, fromModule(firstLibyamlError(f.text, { dialect: 'libyaml-0.2.5' }))));
    console.log(`\nwrote ${out.length} fixture cases to ${fixturePath} (${wrong.length} the module gets wrong)`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
