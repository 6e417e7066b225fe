import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validate } from '../src/core';

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

export interface Case {
  name: string;
  bytes: Buffer;
  expected: { entries: ExpectedEntry[]; fatal: string | null };
}

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
      return {
        name,
        bytes: readFileSync(join(casesDir, f)),
        expected: JSON.parse(readFileSync(join(CORPUS_DIR, 'expected', 'coreos', `${name}.json`), 'utf8')),
      };
    });
}

/** Rule messages the reference words itself; any other message comes from its YAML parser. */
export const RULE_MESSAGE =
  /^(must be "#cloud-config"|discovery URL is not valid$|content cannot be decoded as |incorrect type for |deprecated key |unrecognized key |invalid value |file cannot be written to a read-only filesystem$|write_files doesn't belong under coreos$)/;

/** A comparable key per entry: parser messages compare by line and kind only. */
export function entryKey(e: ExpectedEntry): string {
  const message = RULE_MESSAGE.test(e.message) ? e.message : '<yaml>';
  return `${e.line}|${e.kind}|${message}`;
}

export function compareCase(c: Case): { ok: boolean; missing: string[]; extra: string[] } {
  const text = new TextDecoder().decode(c.bytes);
  const got = validate(text, { rules: 'reference' }).entries.map(entryKey);
  const want = c.expected.entries.map(entryKey);
  const extra = [...got];
  const missing: string[] = [];
  for (const w of want) {
    const i = extra.indexOf(w);
    if (i >= 0) extra.splice(i, 1);
    else missing.push(w);
  }
  return { ok: missing.length === 0 && extra.length === 0, missing, extra };
}
