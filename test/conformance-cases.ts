import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validate } from '../src/core';
import type { Target } from '../src/core/types';

/**
 * The cloud-config conformance corpus kept in the repository (test/conformance: real configs and
 * the reference validators' reports; `npm run corpus:refresh` updates it from its upstream copy).
 */
export const CORPUS_DIR = resolve(process.env.CONFORMANCE_DIR ?? join(dirname(fileURLToPath(import.meta.url)), 'conformance'));

export interface ExpectedEntry {
  line: number;
  kind: string;
  message: string;
}

export interface ExpectedReport {
  entries: ExpectedEntry[];
  fatal: string | null;
}

export interface Case {
  name: string;
  bytes: Buffer;
  /** The CoreOS reference report (expected/coreos). */
  expected: ExpectedReport;
  /** Each target's reference report (expected/coreos, expected/flatcar). */
  reports: Record<Target, ExpectedReport>;
}

export const TARGETS: readonly Target[] = ['coreos', 'flatcar'];

/** Fewer cases than this means a damaged copy of the corpus, never a pass. */
const MIN_CASES = 306;

/** Every case of the corpus; throws, saying what is missing, when the corpus is not there whole. */
export function loadCases(): Case[] {
  const casesDir = join(CORPUS_DIR, 'cases');
  if (!existsSync(casesDir)) {
    throw new Error(`conformance corpus not found: ${casesDir} does not exist (it is part of the repository; restore test/conformance, or set CONFORMANCE_DIR)`);
  }
  const files = readdirSync(casesDir).filter((f) => f.endsWith('.yaml'));
  if (files.length < MIN_CASES) {
    throw new Error(`conformance corpus incomplete: ${casesDir} holds ${files.length} cases, expected at least ${MIN_CASES}`);
  }
  return files
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.yaml'.length);
      const report = (target: Target): ExpectedReport => {
        const file = join(CORPUS_DIR, 'expected', target, `${name}.json`);
        if (!existsSync(file)) throw new Error(`conformance corpus incomplete: ${file} is missing`);
        return JSON.parse(readFileSync(file, 'utf8'));
      };
      const reports = { coreos: report('coreos'), flatcar: report('flatcar') };
      return { name, bytes: readFileSync(join(casesDir, f)), expected: reports.coreos, reports };
    });
}

/** A Go panic of the reference validator itself, recovered into its error (not scored). */
const GO_PANIC = /^(reflect[:.]|toNode\(\)|checkNode\w*\(\)|isCompatible\(\)|runtime error|invalid kind)/;

/**
 * The entries a conforming report must hold for a target, or undefined when the case is not
 * scored (see test/conformance/README.md). CoreOS: cases with a fatal are not scored. Flatcar:
 * a fatal adds entries: `yaml: unmarshal errors:` one error per `line N: MSG` line; any other
 * string (a panic excepted) one error at line 1.
 */
export function scoredEntries(c: Case, target: Target): ExpectedEntry[] | undefined {
  const report = c.reports[target];
  if (report.fatal === null) return report.entries;
  if (target === 'coreos' || GO_PANIC.test(report.fatal)) return undefined;
  const extra: ExpectedEntry[] = [];
  const unmarshal = /^yaml: unmarshal errors:\n/.exec(report.fatal);
  if (unmarshal) {
    // One error a line, though a quoted value may itself hold a line break.
    for (const line of report.fatal.slice(unmarshal[0].length).split(/\n(?= {2}line \d+: )/)) {
      const m = /^ {2}line (\d+): ([^]*)$/.exec(line);
      if (!m) throw new Error(`${c.name}: unreadable unmarshal error line ${JSON.stringify(line)}`);
      extra.push({ line: Number(m[1]), kind: 'error', message: m[2] });
    }
  } else {
    extra.push({ line: 1, kind: 'error', message: report.fatal });
  }
  return [...report.entries, ...extra];
}

/** Rule messages the reference words itself; any other message comes from its YAML parser. */
export const RULE_MESSAGE =
  /^(must be "#cloud-config"|discovery URL is not valid$|content cannot be decoded as |incorrect type for |deprecated key |unrecognized key |invalid value |file cannot be written to a read-only filesystem$|write_files doesn't belong under coreos$)/;

/** Messages of Flatcar's fatal errors, compared exactly like rule messages. */
export const FATAL_MESSAGE = /^(cannot unmarshal |couldn't parse yaml error$)/;

/** A comparable key per entry: parser messages compare by line and kind only. */
export function entryKey(e: ExpectedEntry): string {
  const message = RULE_MESSAGE.test(e.message) || FATAL_MESSAGE.test(e.message) ? e.message : '<yaml>';
  return `${e.line}|${e.kind}|${message}`;
}

/** Compares our reference report for a target with the expected one (the case must be scored). */
export function compareCase(c: Case, target: Target = 'coreos'): { ok: boolean; missing: string[]; extra: string[] } {
  const text = new TextDecoder().decode(c.bytes);
  const got = validate(text, { rules: 'reference', target }).entries.map(entryKey);
  const want = (scoredEntries(c, target) ?? []).map(entryKey);
  const extra = [...got];
  const missing: string[] = [];
  for (const w of want) {
    const i = extra.indexOf(w);
    if (i >= 0) extra.splice(i, 1);
    else missing.push(w);
  }
  return { ok: missing.length === 0 && extra.length === 0, missing, extra };
}
