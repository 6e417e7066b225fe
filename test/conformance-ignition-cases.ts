import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { validate, type Finding } from '../src/core';
import { translateButane } from '../src/core/formats/butane/validate';
import { decodeDataUrl } from '../src/core/formats/ignition/go/dataurl';
import { LineIndex } from '../src/core/text/line-index';

/**
 * The Ignition / Butane conformance corpus (test/conformance-ignition): configs and the reports
 * of ignition-validate v2.20.0 and butane v0.22.0. Its README defines the scoring used here.
 */
export const IGNITION_CORPUS_DIR = resolve(
  process.env.CONFORMANCE_IGNITION_DIR ?? join(dirname(fileURLToPath(import.meta.url)), 'conformance-ignition'),
);

export interface ExpectedIgnitionEntry {
  kind: string;
  line: number | null;
  column: number | null;
  path: string | null;
  message: string;
  strict: boolean;
}

export interface IgnitionCase {
  name: string;
  ext: 'ign' | 'bu';
  text: string;
  expected: { entries: ExpectedIgnitionEntry[]; ignition?: unknown };
}

/** Fewer cases than these means a damaged copy of the corpus, never a pass. */
export const MIN_IGN_CASES = 81;
export const MIN_BU_CASES = 28;

export function loadIgnitionCases(): IgnitionCase[] {
  const casesDir = join(IGNITION_CORPUS_DIR, 'cases');
  if (!existsSync(casesDir)) {
    throw new Error(`Ignition conformance corpus not found: ${casesDir} does not exist (restore test/conformance-ignition, or set CONFORMANCE_IGNITION_DIR)`);
  }
  const files = readdirSync(casesDir).filter((f) => /\.(ign|bu)$/.test(f)).sort();
  const ign = files.filter((f) => f.endsWith('.ign')).length;
  if (ign < MIN_IGN_CASES) throw new Error(`Ignition conformance corpus incomplete: ${casesDir} holds ${ign} .ign cases, expected at least ${MIN_IGN_CASES}`);
  const bu = files.length - ign;
  if (bu < MIN_BU_CASES) throw new Error(`Ignition conformance corpus incomplete: ${casesDir} holds ${bu} .bu cases, expected at least ${MIN_BU_CASES}`);
  return files.map((f) => {
    const ext = f.endsWith('.ign') ? 'ign' : 'bu';
    const name = f.slice(0, -(ext.length + 1));
    const expectedFile = join(IGNITION_CORPUS_DIR, 'expected', `${name}.json`);
    if (!existsSync(expectedFile)) throw new Error(`Ignition conformance corpus: ${expectedFile} is missing`);
    return { name, ext, text: readFileSync(join(casesDir, f), 'utf8'), expected: JSON.parse(readFileSync(expectedFile, 'utf8')) };
  });
}

const show = (e: { kind: string; line: number | null; message: string }) => `${e.kind}@${e.line ?? '*'}: ${e.message}`;

/** The README's rule: a multiset match, strict entries by message and line, others by line. */
export function compareIgnitionCase(c: IgnitionCase, got: Finding[] = validate(c.text, { rules: 'reference', format: c.ext === 'ign' ? 'ignition' : 'butane' }).entries) {
  const extra = [...got];
  const missing: string[] = [];
  for (const want of c.expected.entries) {
    const i = extra.findIndex(
      (e) => e.kind === want.kind && (want.line === null || e.line === want.line) && (!want.strict || e.message === want.message),
    );
    if (i >= 0) extra.splice(i, 1);
    else missing.push(show(want));
  }
  return { ok: missing.length === 0 && extra.length === 0, missing, extra: extra.map((e) => show(e)) };
}

/** A data URL source (with its compression) as the bytes it decodes to, everywhere in a config. */
function dataUrlsAsBytes(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dataUrlsAsBytes);
  if (!v || typeof v !== 'object') return v;
  const o = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, dataUrlsAsBytes(x)]));
  if (typeof o.source === 'string' && o.source.startsWith('data:')) {
    const r = decodeDataUrl(o.source);
    if (r.ok) {
      const bytes = o.compression === 'gzip' ? gunzipSync(r.data) : Buffer.from(r.data);
      o.source = `bytes:${Buffer.from(bytes).toString('base64')}`;
      delete o.compression;
    }
  }
  return o;
}

/** The README's translation rule: equal as JSON, data URLs compared by their bytes. */
export function compareTranslation(c: IgnitionCase): { ok: boolean; got: unknown; want: unknown } {
  const r = translateButane({ kind: 'butane', text: c.text, lines: new LineIndex(c.text), rules: 'reference', target: 'flatcar', declared: true });
  const got = dataUrlsAsBytes(r.ignition ?? null);
  const want = dataUrlsAsBytes(c.expected.ignition ?? null);
  return { ok: JSON.stringify(got) === JSON.stringify(want), got, want };
}
