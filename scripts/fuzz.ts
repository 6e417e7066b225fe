/**
 * Seeded mutation fuzzing of the validation core: corpus inputs (cloud-config, Ignition, Butane,
 * scripts, multipart MIME built around corpus configs), mutated the ways people and transports
 * break files, then validated with every rule set and target. Fails on an exception, an
 * `internal-error` finding, a finding outside the text, or a validation whose time is far out of
 * line with the input's size.
 *
 * Then the editor's quick estimate for an edit of a large cloud-config (`recheckEdit`): corpus
 * cloud-configs grown by a large block, edited as typing does (characters, lines, keys), one edit
 * or two on top of each other, the edit given as found or wider; wherever an estimate is given,
 * it must be the whole text's report. Failing inputs are written to test-results/fuzz/.
 *
 *   npm run fuzz -- [--count N] [--edits N] [--seed S]
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate, type Finding, type RuleSetName, type Target } from '../src/core';
import { recheckEdit } from '../src/core/formats/cloud-config/edit-recheck';
import { inputKind } from '../src/core/input-kind';
import { textEdit } from '../src/core/text/common-ends';
import { LineIndex } from '../src/core/text/line-index';
import { numberArg, seeded } from './seeded';

const COUNT = numberArg('count', 2000);
const EDITS = numberArg('edits', 1000);
const SEED = numberArg('seed', 1);
const RULES: RuleSetName[] = ['reference', 'all'];
const TARGETS: Target[] = ['flatcar', 'coreos'];
/**
 * Time allowed for one validation: a floor for pauses, plus a rate ~20x the benchmark's, plus a
 * little per finding, since a reference may print more lines than the input has (yaml.v3 reports
 * every pair of a key given n times: n² findings from a few KB).
 */
const allowedMs = (chars: number, findings: number) => 250 + (chars / 1024) * 2 + findings * 0.02;

const { random, int, pick } = seeded(SEED);

function corpus(): string[] {
  const texts: string[] = [];
  for (const dir of ['test/conformance/cases', 'test/conformance-ignition/cases', 'examples']) {
    for (const name of readdirSync(dir).sort()) texts.push(readFileSync(join(dir, name), 'utf8'));
  }
  if (texts.length < 300) throw new Error(`fuzz corpus incomplete: ${texts.length} inputs (test/conformance and test/conformance-ignition must be present)`);
  return texts;
}

/** A multipart MIME message around two corpus texts, as cloud providers send user-data. */
function multipart(a: string, b: string): string {
  const boundary = `==BOUNDARY${int(1e6)}==`;
  const nl = random() < 0.5 ? '\r\n' : '\n';
  const part = (type: string, body: string) => `--${boundary}${nl}Content-Type: ${type}; charset="us-ascii"${nl}${nl}${body}${nl}`;
  return `Content-Type: multipart/mixed; boundary="${boundary}"${nl}MIME-Version: 1.0${nl}${nl}${part('text/cloud-config', a)}${part(pick(['text/x-shellscript', 'text/cloud-config', 'text/plain']), b)}--${boundary}--${nl}`;
}

/** Characters that mean something to YAML, JSON, MIME or the line model. */
const SIGNIFICANT = [':', '-', ' ', '\n', '\r', '\r\n', '\t', '"', "'", '{', '}', '[', ']', ',', '&a', '*a', '!!str ', '!!int ', '|', '>', '#', '%', '@', '`', '<<: ', '\\', '\u0085', '\u2028', '\ufeff', '\u0000', '\ud800', 'é', '0644', 'off', '~', '--', '\n---\n', '\n...\n', '$private_ipv4', '{{ x }}'];

const MUTATIONS: ((t: string, other: string) => string)[] = [
  (t) => { const i = int(t.length + 1); return t.slice(0, i) + pick(SIGNIFICANT) + t.slice(i); },
  (t) => { const i = int(t.length); return t.slice(0, i) + t.slice(i + 1 + int(8)); },
  (t) => { const i = int(t.length); return t.slice(0, i) + String.fromCharCode(int(0x110)) + t.slice(i + 1); },
  (t) => { const lines = t.split('\n'); const i = int(lines.length); lines.splice(int(lines.length), 0, lines[i]); return lines.join('\n'); },
  (t) => { const lines = t.split('\n'); const i = int(lines.length); lines[i] = ' '.repeat(int(6)) + lines[i].trimStart(); return lines.join('\n'); },
  (t, other) => { const i = int(t.length); const j = int(other.length); return t.slice(0, i) + other.slice(j, j + int(400)); },
  (t) => { const i = int(t.length); const j = i + int(200); return t.slice(0, j) + t.slice(i, j).repeat(1 + int(50)) + t.slice(j); },
  (t) => t.replace(/\n/g, pick(['\r\n', '\r', '\n\n'])),
  (t) => t.slice(0, int(t.length + 1)),
  (t, other) => multipart(t, other),
  // A very long value or key, where messages quote and suggestions compare what they find.
  (t) => { const i = t.indexOf(': ', int(t.length)) + 2 || int(t.length + 1); return t.slice(0, i) + pick(['x', 'etcd-lock', '0', 'a b', '/']).repeat(2000 + int(40000)) + t.slice(i); },
];

/**
 * Whether a finding lies outside the text. In the `all` set line:column must be the start of its
 * range; the reference set prints the reference tool's own numbers (libyaml also counts NEL, LS
 * and PS as line breaks; ignition-validate counts a JSON syntax error's column after the
 * character), so there only the range is held to the text.
 */
function outsideText(f: Finding, text: string, lines: LineIndex, rules: RuleSetName): string | undefined {
  if (f.line === 0) return f.from === undefined ? undefined : 'line 0 with offsets';
  if (f.from === undefined || f.to === undefined) return 'no offsets';
  if (f.from < 0 || f.to > text.length || f.from > f.to) return `offsets ${f.from}-${f.to} outside 0-${text.length}`;
  if (rules === 'reference') return undefined;
  if (f.line > lines.lineCount || f.endLine > lines.lineCount || f.column < 1 || f.endColumn < 1) return `position ${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;
  const at = lines.position(f.from);
  if (at.line !== f.line || at.column !== f.column) return `line:column ${f.line}:${f.column} is not offset ${f.from} (${at.line}:${at.column})`;
  return undefined;
}

function main() {
  const seeds = corpus();
  const failures: string[] = [];
  const started = performance.now();
  let validations = 0;
  let slowest = { ms: 0, chars: 0, n: -1 };
  mkdirSync('test-results/fuzz', { recursive: true });
  for (let n = 0; n < COUNT && failures.length < 20; n++) {
    let text = pick(seeds);
    for (let k = 1 + int(4); k > 0; k--) text = pick(MUTATIONS)(text, pick(seeds));
    const lines = new LineIndex(text);
    for (const rules of RULES) {
      for (const target of TARGETS) {
        const problem = check(text, lines, rules, target);
        validations++;
        if (problem.ms > slowest.ms) slowest = { ms: problem.ms, chars: text.length, n };
        if (!problem.failure) continue;
        const file = `test-results/fuzz/seed${SEED}-${n}.txt`;
        writeFileSync(file, text);
        failures.push(`#${n} ${rules}/${target}: ${problem.failure} (input: ${file})`);
      }
    }
  }
  const secs = (performance.now() - started) / 1000;
  console.log(`fuzz: ${COUNT} inputs, seed ${SEED}, ${validations} validations in ${secs.toFixed(1)} s; slowest ${slowest.ms.toFixed(0)} ms for ${slowest.chars} chars (#${slowest.n})`);
  fuzzRecheck(seeds, failures);
  if (failures.length) {
    console.error(`${failures.length} failure(s):\n${failures.join('\n')}`);
    process.exit(1);
  }
  console.log('fuzz: no failures');
}

/** What typing puts into a config: characters, line breaks, indentation, keys, list items, values. */
const TYPED = ['x', 'e', '1', '\n', '\r', '\r\n', ' ', '  ', ':', '- ', '"', "'", '#', 'true', 'off', '0644', '.service', 'hostname: a\n', '\n  update:\n    reboot-strategy: off', '\nusers:\n  - name: core\n', '\n  - path: /etc/x\n', '\n    - name: a.service\n      command: start', '\n    enable: yes'];

/** A corpus cloud-config with a block far over the recheck's small-block size after it, or undefined. */
function grown(text: string, n: number): string | undefined {
  if (inputKind(text) !== 'cloud-config') return undefined;
  const body = text.trimEnd() + '\n';
  if (!/^write_files:/m.test(body)) {
    let files = 'write_files:\n';
    // A few findings in it, which an edit before the block must move.
    for (let i = 0; i < 300; i++) files += `  - path: /etc/app/conf.d/${n}-${i}.conf\n    permissions: '${i % 60 === 7 ? '0999' : '0644'}'\n    ${i % 90 === 11 ? 'contents' : 'content'}: |\n      setting_${i}=on\n`;
    return body + files;
  }
  if (!/^users:/m.test(body)) {
    let users = 'users:\n';
    for (let i = 0; i < 300; i++) users += `  - name: user${i}\n    ${i % 70 === 5 ? 'home' : 'homedir'}: /home/user${i}\n`;
    return body + users;
  }
  return undefined;
}

/** Edits of large cloud-configs: where the recheck gives an estimate, the whole text's report. */
function fuzzRecheck(seeds: string[], failures: string[]): void {
  const bases = seeds.flatMap((t, n) => grown(t, n) ?? []);
  let estimated = 0;
  const started = performance.now();
  for (let n = 0; n < EDITS && failures.length < 20; n++) {
    const base = pick(bases);
    const options = { rules: 'all', target: pick(TARGETS) } as const;
    const before = { text: base, entries: validate(base, options).entries };
    // Mostly where people edit, before the large block; now and then anywhere.
    const grownFrom = Math.max(base.indexOf('\nwrite_files:\n  - path: /etc/app/conf.d/'), base.lastIndexOf('\nusers:\n  - name: user0\n'));
    let text = base;
    for (let k = random() < 0.3 ? 2 : 1; k > 0; k--) {
      const at = random() < 0.9 ? int(Math.max(1, grownFrom)) : int(text.length + 1);
      text = text.slice(0, at) + (random() < 0.85 ? pick(TYPED) : '') + text.slice(at + (random() < 0.3 ? int(6) : 0));
    }
    // Now and then the edit as the editor can give it: wider than it is, over unchanged text.
    let edit = textEdit(base, text);
    if (random() < 0.3) {
      const left = Math.min(edit.from, int(40));
      const right = Math.min(base.length - edit.to, int(40));
      edit = { from: edit.from - left, to: edit.to + right, insert: text.slice(edit.from - left, edit.from + edit.insert.length + right) };
    }
    let estimate: Finding[] | undefined;
    try {
      estimate = recheckEdit(before, edit, (document) => validate(document, options).entries);
    } catch (e) {
      failures.push(`recheck #${n} threw ${(e as Error).stack ?? e} (input: ${writeInput(`recheck${n}`, base, text)})`);
      continue;
    }
    if (!estimate) continue;
    estimated++;
    const whole = validate(text, options).entries;
    if (JSON.stringify(estimate) !== JSON.stringify(whole)) {
      failures.push(`recheck #${n} (${options.target}): the estimate is not the whole text's report (input: ${writeInput(`recheck${n}`, base, text)})`);
    }
  }
  const secs = (performance.now() - started) / 1000;
  console.log(`fuzz: ${EDITS} edits of ${bases.length} large cloud-configs in ${secs.toFixed(1)} s; ${estimated} estimated, each compared with the whole text's report`);
}

/** Writes a failing edit's text before and after it; returns where. */
function writeInput(name: string, before: string, after: string): string {
  const file = `test-results/fuzz/seed${SEED}-${name}`;
  writeFileSync(`${file}.before.yaml`, before);
  writeFileSync(`${file}.after.yaml`, after);
  return `${file}.{before,after}.yaml`;
}

function check(text: string, lines: LineIndex, rules: RuleSetName, target: Target): { ms: number; failure?: string } {
  const time = () => {
    const t = performance.now();
    const report = validate(text, { rules, target });
    return { report, ms: performance.now() - t };
  };
  let run: ReturnType<typeof time>;
  try {
    run = time();
  } catch (e) {
    return { ms: 0, failure: `threw ${(e as Error).stack ?? e}` };
  }
  // A slow run is timed again before it counts: the machine may have been busy.
  if (run.ms > allowedMs(text.length, run.report.entries.length)) {
    const again = time();
    if (again.ms > allowedMs(text.length, again.report.entries.length)) {
      return { ms: again.ms, failure: `took ${again.ms.toFixed(0)} ms for ${text.length} chars (${again.report.entries.length} findings)` };
    }
    run = again;
  }
  const internal = run.report.entries.find((f) => f.rule === 'internal-error');
  if (internal) return { ms: run.ms, failure: `internal error: ${internal.message}` };
  for (const f of run.report.entries) {
    const where = outsideText(f, text, lines, rules);
    if (where) return { ms: run.ms, failure: `${f.rule} finding: ${where}` };
  }
  return { ms: run.ms };
}

main();
