/**
 * Differential testing against the reference tools themselves: mutates the conformance corpora,
 * runs each mutant through the real validators and through our `reference` rule set, and scores
 * them the way the corpus READMEs do. Prints every case that differs (shortest first) and writes
 * them to test-results/differential/ with both reports, ready to become conformance cases.
 *
 * The reference tools are Go programs built from their sources (not part of this repository):
 *   ORACLE_COREOS    prints coreos-cloudinit f1f0405's validate.Validate report, as JSON, for each
 *                    file argument: [{"file", "entries": [{kind, line, message}], "fatal"}]
 *   ORACLE_FLATCAR   the same for flatcar/coreos-cloudinit
 *   IGNITION_VALIDATE  ignition-validate from coreos/ignition v2.20.0
 *   BUTANE           butane from coreos/butane v0.22.0
 * Any of them may be left out; its format is then skipped.
 *
 *   npx tsx scripts/differential.ts [--count N] [--seed S] [--only cloud-config|ignition|butane]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Target } from '../src/core';
import { numberArg, seeded } from './seeded';
import { compareCase, loadCases, scoredEntries, type Case, type ExpectedReport } from '../test/conformance-cases';
import { compareIgnitionCase, compareTranslation, loadIgnitionCases, type ExpectedIgnitionEntry, type IgnitionCase } from '../test/conformance-ignition-cases';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const COUNT = numberArg('count', 300);
const SEED = numberArg('seed', 1);
const ONLY = arg('only', '');
const OUT = 'test-results/differential';
/**
 * Configs that use what the corpora do not (disks, RAID, LUKS, the ignition section, users and
 * groups, other spec versions, YAML anchors; multipart MIME, a byte order mark with CRLF, flow
 * style): each is compared as written, then mutated with the corpus configs of its format.
 */
const SEEDS = new URL('./differential-seeds/', import.meta.url);
const seeds = (ext: string) =>
  readdirSync(SEEDS)
    .filter((f) => f.endsWith(`.${ext}`))
    .sort()
    .map((f) => readFileSync(new URL(f, SEEDS), 'utf8'));

const { random, int, pick } = seeded(SEED);

// ---------------------------------------------------------------------------------------------
// Mutations of YAML text, line by line: what people get wrong in a cloud-config or Butane file.

const YAML_VALUES = [
  'yes', 'no', 'on', 'off', 'y', 'N', '~', 'null', 'true', 'False', '0644', '644', "'0644'", '420', '0o644', '0x1F', '1e3', '1.5',
  '.inf', '-.Inf', '.NaN', '-1', '+12', '1_000', '190:20:30', '2001-12-14', '2001-12-14t21:59:43.10-05:00', '""', "''", '[]', '{}',
  '[a, b]', '{a: 1}', '!!int 3', '!!str 3', '!!bool yes', '!!float 1', '!!int x', '!!float x', '!!binary aGk=', '!!null ""',
  '!!map {}', '!!seq []', '!foo x', '!!timestamp 2001-01-01', '&a x', '*a', '|\n  x\n  y', '>-\n  x', 'http://example.com/x',
  'https://discovery.etcd.io/abc', 'etcd-lock', 'reboot', 'best-effort', 'start', 'stop', 'base64', 'gzip+base64', 'b64',
  '/etc/x', 'etc/x', '/usr/x', 'core', 'root:root', '"a b"', 'a b', 'x.service', 'foo', '12345678901234567890', '-', '?',
];

/** Characters that carry meaning in YAML syntax, for slips of the keyboard (see mutateYaml). */
const YAML_SYNTAX_CHARS = ['"', "'", '{', '}', '[', ']', ':', ',', '#', '&', '*', '!', '|', '>', '%', '@', '`', '\t', '-', '?', ' ', '\\', '\r'];

function yamlKeys(texts: string[]): string[] {
  const keys = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(/^ *-? ?([A-Za-z_][\w-]*):/gm)) keys.add(m[1]);
  return [...keys];
}

function mutateYaml(text: string, keys: string[], donors: string[]): string {
  const lines = text.split('\n');
  const steps = 1 + int(2);
  for (let s = 0; s < steps; s++) {
    const i = 1 + int(Math.max(1, lines.length - 1));
    const line = lines[i] ?? '';
    const kv = /^( *(?:- )?)([^:#\n]+):( ?)(.*)$/.exec(line);
    switch (int(12)) {
      case 0:
      case 1:
      case 2:
        if (kv) lines[i] = `${kv[1]}${kv[2]}: ${pick(YAML_VALUES).replace(/\n/g, `\n${' '.repeat(kv[1].length + 2)}`)}`;
        break;
      case 3:
        if (kv) lines[i] = `${kv[1]}${pick([pick(keys), kv[2].replace(/_/g, '-'), kv[2].toUpperCase(), `${kv[2]}s`, pick(keys)])}:${kv[3]}${kv[4]}`;
        break;
      case 4:
        lines.splice(i, 1);
        break;
      case 5:
        lines.splice(i, 0, line);
        break;
      case 6:
        lines[i] = random() < 0.5 ? `  ${line}` : line.replace(/^ {2}/, '');
        break;
      case 7: {
        const donor = pick(donors).split('\n');
        const from = 1 + int(Math.max(1, donor.length - 1));
        lines.splice(i, 0, ...donor.slice(from, from + 1 + int(4)));
        break;
      }
      case 8:
        if (kv) lines.splice(i + 1, 0, `${' '.repeat(kv[1].length)}${pick(keys)}: ${pick(YAML_VALUES)}`);
        break;
      case 10:
      case 11: {
        // A slip of the keyboard: one syntax character typed, dropped or mistyped, where the
        // parsers' error paths (messages and their lines) are exercised.
        const at = int(line.length + 1);
        const how = int(3);
        lines[i] = line.slice(0, at) + (how === 1 ? '' : pick(YAML_SYNTAX_CHARS)) + line.slice(how === 0 ? at : at + 1);
        break;
      }
      default:
        lines[i] = line.replace(/^( *)/, (m) => pick([m, `${m}\t`, `${m}# `, `${m}- `, `${m}? `]));
    }
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Mutations of Ignition JSON: a value, a key, an entry, or the version.

const JSON_STRINGS = [
  'etc/x', '/etc/x', '/a/../b', '/a//b', '/usr/x', '/', '', 'http://example.com/x', 'https://x/y', 'tftp://x/y', 's3://b/k',
  'gs://b/o', 'arn:aws:s3:::b/k', 'data:,x', 'data:;base64,aGk=', 'data:;base64,!!', 'data:text/plain,%zz', 'sha512-abc',
  'sha512-' + 'a'.repeat(128), 'sha256-' + 'b'.repeat(64), 'gzip', 'xz', 'foo.service', 'foo.conf', 'foo', 'ext4', 'xfs', 'swap',
  'none', 'raid1', 'linear', '/dev/sda', 'dev/sda', 'core', 'root', '$6$salt$hash', 'ssh-rsa AAAA x', 'a'.repeat(40),
];
const JSON_SYNTAX_CHARS = ['{', '}', '[', ']', ':', ',', '"', '\\', ' ', '\n', '\t', '0', '-', '.', 'e', 't', 'n', '\u00e9', '\ufeff'];
const JSON_NUMBERS = [420, 644, 493, 0, 4095, 7777, 1023, 2048, -1, 1.5, 1e20, 0o4755];
const VERSIONS = ['3.0.0', '3.1.0', '3.2.0', '3.3.0', '3.4.0', '3.5.0', '3.6.0-experimental', '3.5.0-experimental', '2.2.0', '2.3.0', '3.4', 'x'];
const JSON_KEYS = ['path', 'mode', 'overwrite', 'contents', 'source', 'compression', 'name', 'enabled', 'mask', 'dropins', 'user', 'group', 'target', 'hard', 'device', 'format', 'wipeFilesystem', 'label', 'verification', 'hash', 'append', 'links', 'directories', 'files', 'units', 'filesystems', 'raid', 'luks', 'disks', 'partitions', 'kernelArguments', 'shouldExist', 'shouldNotExist', 'passwd', 'users', 'groups', 'sshAuthorizedKeys', 'passwordHash', 'httpHeaders', 'tls', 'proxy', 'config', 'merge', 'replace', 'timeouts', 'security', 'certificateAuthorities', 'extra'];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function randomJsonValue(): Json {
  switch (int(7)) {
    case 0:
    case 1:
    case 2:
      return pick(JSON_STRINGS);
    case 3:
      return pick(JSON_NUMBERS);
    case 4:
      return random() < 0.5;
    case 5:
      return null;
    default:
      return pick([[], {}, [pick(JSON_STRINGS)], { [pick(JSON_KEYS)]: pick(JSON_STRINGS) }]);
  }
}

function mutateJson(value: Json): Json {
  const copy = structuredClone(value) as Json;
  const containers: { parent: Json[] | { [k: string]: Json }; key: string | number }[] = [];
  const walk = (v: Json) => {
    if (Array.isArray(v)) v.forEach((x, i) => (containers.push({ parent: v, key: i }), walk(x)));
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) containers.push({ parent: v, key: k }), walk(v[k]);
  };
  walk(copy);
  const steps = 1 + int(2);
  for (let s = 0; s < steps && containers.length; s++) {
    const { parent, key } = pick(containers);
    const at = parent as Record<string | number, Json>;
    switch (int(6)) {
      case 0:
      case 1:
        at[key] = key === 'version' ? pick(VERSIONS) : randomJsonValue();
        break;
      case 2:
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete at[key];
        break;
      case 3:
        if (Array.isArray(parent)) parent.push(structuredClone(parent[key as number]));
        else at[pick(JSON_KEYS)] = randomJsonValue();
        break;
      case 4: {
        const v = at[key];
        if (v && typeof v === 'object' && !Array.isArray(v)) v[pick(JSON_KEYS)] = randomJsonValue();
        else at[key] = typeof v === 'number' ? pick(JSON_NUMBERS) : pick(JSON_STRINGS);
        break;
      }
      default:
        if (!Array.isArray(parent)) {
          const v = at[key];
          delete at[key];
          at[pick(JSON_KEYS)] = v;
        }
    }
  }
  return copy;
}

// ---------------------------------------------------------------------------------------------
// Running the tools, and reading their reports as the corpus records them.

/** Messages that come from Go's JSON or YAML decoders; the README scores them by line only. */
const DECODER_MESSAGE = /^(json: |invalid character|unexpected end of JSON|yaml: |cannot unmarshal|cannot decode|unknown anchor|anchor |did not find expected|found |mapping values|could not find expected|block sequence|while )/;

function toolEntries(output: string): ExpectedIgnitionEntry[] {
  const entries: ExpectedIgnitionEntry[] = [];
  const decoder = (line: number, message: string) => entries.push({ kind: 'error', path: null, line, column: null, message, strict: false });
  // yaml.v3's unmarshal errors come last, each as "  line N: ..."; a value quoted in one may
  // span lines, which then belong to that message.
  let unmarshalErrors = false;
  for (const raw of output.replace(/\n$/, '').split('\n')) {
    const item = /^ {2}line (\d+): (.*)$/.exec(raw);
    if (unmarshalErrors && !item && entries.length) {
      entries[entries.length - 1].message += `\n${raw}`;
      continue;
    }
    // Only leading blanks go: a message may end in one (butane's "Unused key " for an empty key).
    const line = raw.replace(/^\s+|\r$/g, '');
    if (!line.trim() || /^Error translating config: (config generated was|source config is) invalid$/.test(line)) continue;
    if (/^Error translating config: (Error unmarshaling yaml: )?yaml: unmarshal errors:$/.test(line)) {
      unmarshalErrors = true;
      continue;
    }
    const y = /^(?:Error translating config: Error unmarshaling yaml: yaml: )?line (\d+): (.*)$/.exec(line);
    if (y) {
      decoder(Number(y[1]), y[2]);
      continue;
    }
    // A path holds keys as written, blanks and all (a tab, a byte order mark).
    let m: RegExpExecArray | null = /^(error|warning|info) at (\$.*?), line (\d+) col (\d+): (.*)$/.exec(line);
    if (m) {
      entries.push({ kind: m[1], path: m[2], line: Number(m[3]), column: Number(m[4]), message: m[5], strict: !DECODER_MESSAGE.test(m[5]) });
      continue;
    }
    m = /^(error|warning|info) at line (\d+) col (\d+): (.*)$/.exec(line);
    if (m) {
      entries.push({ kind: m[1], path: null, line: Number(m[2]), column: Number(m[3]), message: m[4], strict: !DECODER_MESSAGE.test(m[4]) });
      continue;
    }
    m = /^(?:couldn't parse config|Error translating config|Error parsing config): (?:Error unmarshaling yaml: yaml: )?(.*)$/.exec(line);
    const message = m ? m[1] : line;
    entries.push({ kind: 'error', path: null, line: null, column: null, message, strict: !DECODER_MESSAGE.test(message) });
  }
  return entries;
}

interface Difference {
  format: string;
  text: string;
  missing: string[];
  extra: string[];
}

function cloudConfigDifferences(work: string): Difference[] {
  const oracles: Partial<Record<Target, string>> = { coreos: process.env.ORACLE_COREOS, flatcar: process.env.ORACLE_FLATCAR };
  const cases = loadCases();
  const seedTexts = seeds('yaml');
  const texts = [...cases.map((c) => new TextDecoder().decode(c.bytes)), ...seedTexts];
  const keys = yamlKeys(texts);
  const mutants = [...seedTexts];
  for (let i = 0; i < COUNT; i++) mutants.push(mutateYaml(pick(texts), keys, texts));
  const files = mutants.map((t, i) => {
    const file = join(work, `cc-${i}.yaml`);
    writeFileSync(file, t);
    return file;
  });
  const out: Difference[] = [];
  for (const target of ['coreos', 'flatcar'] as const) {
    const oracle = oracles[target];
    if (!oracle) continue;
    const reports: (ExpectedReport & { file: string })[] = [];
    for (let i = 0; i < files.length; i += 100) {
      reports.push(...JSON.parse(execFileSync(oracle, files.slice(i, i + 100), { maxBuffer: 1 << 28, encoding: 'utf8' })));
    }
    reports.forEach((report, i) => {
      const other = { entries: [], fatal: null };
      const c: Case = { name: `cc-${i}`, bytes: Buffer.from(mutants[i]), expected: report, reports: { coreos: target === 'coreos' ? report : other, flatcar: target === 'flatcar' ? report : other } };
      if (scoredEntries(c, target) === undefined) return; // not scored (see the corpus README)
      const r = compareCase(c, target);
      if (!r.ok) out.push({ format: `cloud-config/${target}`, text: mutants[i], missing: r.missing, extra: r.extra });
    });
  }
  return out;
}

function ignitionDifferences(work: string): Difference[] {
  const tool = process.env.IGNITION_VALIDATE;
  if (!tool) return [];
  const seedTexts = seeds('ign');
  const sources = [...loadIgnitionCases().filter((c) => c.ext === 'ign').map((c) => c.text), ...seedTexts].flatMap((text) => {
    try {
      return [JSON.parse(text) as Json];
    } catch {
      return [];
    }
  });
  const out: Difference[] = [];
  for (let i = 0; i < seedTexts.length + COUNT; i++) {
    let text = seedTexts[i];
    if (text === undefined) {
      const value = mutateJson(pick(sources));
      const json = random() < 0.7 ? JSON.stringify(value, null, 2) : JSON.stringify(value);
      // Now and then a slip of the keyboard in the text, so that the decoder's errors are compared too.
      const at = int(json.length + 1);
      text = random() < 0.15 ? json.slice(0, at) + pick(JSON_SYNTAX_CHARS) + json.slice(at + int(2)) : json;
    }
    const file = join(work, `ign-${i}.ign`);
    writeFileSync(file, text);
    const run = spawnSync(tool, [file], { encoding: 'utf8' });
    const c: IgnitionCase = { name: `ign-${i}`, ext: 'ign', text, expected: { entries: toolEntries(run.stdout + run.stderr) } };
    const r = compareIgnitionCase(c);
    if (!r.ok) out.push({ format: 'ignition', text, missing: r.missing, extra: r.extra });
  }
  return out;
}

function butaneDifferences(): Difference[] {
  const tool = process.env.BUTANE;
  if (!tool) return [];
  const seedTexts = seeds('bu');
  const texts = [
    ...loadIgnitionCases()
      .filter((c) => c.ext === 'bu')
      .map((c) => c.text),
    ...seedTexts,
  ];
  const keys = yamlKeys(texts);
  const out: Difference[] = [];
  for (let i = 0; i < seedTexts.length + COUNT; i++) {
    const text = seedTexts[i] ?? mutateYaml(pick(texts), keys, texts);
    const run = spawnSync(tool, [], { input: text, encoding: 'utf8' });
    const ok = run.status === 0 && run.stdout.trim().startsWith('{');
    const c: IgnitionCase = { name: `bu-${i}`, ext: 'bu', text, expected: { entries: toolEntries(run.stderr), ignition: ok ? JSON.parse(run.stdout) : null } };
    const r = compareIgnitionCase(c);
    const t = compareTranslation(c);
    if (!r.ok || !t.ok) {
      const translation = t.ok ? [] : [`translation differs: got ${JSON.stringify(t.got)?.slice(0, 300)}, want ${JSON.stringify(t.want)?.slice(0, 300)}`];
      out.push({ format: 'butane', text, missing: r.missing, extra: [...r.extra, ...translation] });
    }
  }
  return out;
}

const work = mkdtempSync(join(tmpdir(), 'differential-'));
try {
  const differences = [
    ...(!ONLY || ONLY === 'cloud-config' ? cloudConfigDifferences(work) : []),
    ...(!ONLY || ONLY === 'ignition' ? ignitionDifferences(work) : []),
    ...(!ONLY || ONLY === 'butane' ? butaneDifferences() : []),
  ].sort((a, b) => a.text.length - b.text.length);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  differences.forEach((d, i) => writeFileSync(join(OUT, `${String(i).padStart(4, '0')}-${d.format.replace('/', '-')}.json`), JSON.stringify(d, null, 1)));
  const byFormat = new Map<string, number>();
  for (const d of differences) byFormat.set(d.format, (byFormat.get(d.format) ?? 0) + 1);
  for (const d of differences.slice(0, 40)) {
    console.log(`--- ${d.format}\n${d.text.slice(0, 600)}\n  missing: ${JSON.stringify(d.missing)}\n  extra:   ${JSON.stringify(d.extra)}`);
  }
  console.log(`\n${COUNT} mutants per format (seed ${SEED}); differing: ${[...byFormat].map(([f, n]) => `${f} ${n}`).join(', ') || 'none'}`);
  console.log(`All of them: ${OUT}/ (${readdirSync(OUT).length} files)`);
  if (differences.length) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
