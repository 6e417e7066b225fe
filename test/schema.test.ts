import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { jsonPattern, SCHEMA_PATH, schemaText } from '../scripts/write-schema';
import { inputKind } from '../src/core/input-kind';
import { loadCases } from './conformance-cases';

const written = readFileSync(SCHEMA_PATH, 'utf8');
const schema = JSON.parse(written);
// zod reads JSON Schema back into a validator of its own: the file is checked as editors get it.
const accepts = (doc: unknown) => z.fromJSONSchema(schema).safeParse(doc).success;

/** JSON values for what YAML adds (binary data, timestamps), as an editor would show them. */
function plain(v: unknown): unknown {
  if (v instanceof Uint8Array) return String.fromCharCode(...v);
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

/** A YAML document as JSON, read with YAML 1.1 rules like coreos-cloudinit (yes/no, 0644 octal). */
const asJson = (text: string): unknown =>
  plain(parseDocument(text, { version: '1.1', uniqueKeys: false, merge: true }).toJS({ maxAliasCount: -1 }));

const KEYWORDS = new Set([
  '$schema', 'title', 'type', 'properties', 'additionalProperties', 'items', 'pattern', 'description', 'examples',
  'deprecated', 'deprecationMessage',
]);

function walk(node: Record<string, unknown>, visit: (n: Record<string, unknown>) => void) {
  visit(node);
  for (const child of Object.values((node.properties as Record<string, Record<string, unknown>>) ?? {})) walk(child, visit);
  if (node.items) walk(node.items as Record<string, unknown>, visit);
}

describe('cloud-config JSON Schema', () => {
  it('is current: npm run schema writes the same file', () => {
    expect(written).toBe(schemaText());
  });

  it('uses only draft-07 keywords (plus the editor hints deprecated and deprecationMessage), with valid patterns', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    walk(schema, (n) => {
      for (const k of Object.keys(n)) expect(KEYWORDS.has(k), k).toBe(true);
      if (typeof n.pattern === 'string') expect(() => new RegExp(n.pattern as string, 'u')).not.toThrow();
    });
  });

  it('accepts dashed spellings, marked deprecated, and rejects unknown keys and bad values', () => {
    expect(accepts({ coreos: { update: { 'reboot-strategy': 'off' } } })).toBe(true);
    expect(schema.properties.coreos.properties.update.properties['reboot-strategy'].deprecated).toBe(true);
    expect(accepts({ coreos: { update: { reboot_strategy: 'sometimes' } } })).toBe(false);
    expect(accepts({ coreos: { update: { reboot_stratgy: 'off' } } })).toBe(false);
    expect(accepts({ bogus: 1 })).toBe(false);
  });

  it('accepts what coreos-cloudinit accepts: scalars in string fields, empty values, case-insensitive days', () => {
    expect(accepts({ write_files: [{ path: '/a', permissions: 420 }] })).toBe(true);
    expect(accepts({ coreos: { etcd2: { proxy: true }, update: { reboot_strategy: '' } } })).toBe(true);
    expect(accepts({ coreos: { locksmith: { window_start: 'Sun 1:00' } }, hostname: null })).toBe(true);
    expect(accepts({ coreos: { units: [{ name: 'a.service', enable: 'yes' }] } })).toBe(false);
  });

  it('spells out case-insensitive patterns and lets empty values pass', () => {
    expect(jsonPattern(/^(on|off)$/)).toBe('^$|(?:^(on|off)$)');
    expect(jsonPattern(/^a\.b$/i)).toBe('^$|(?:^[aA]\\.[bB]$)');
    expect(() => jsonPattern(/^[a-z]$/i)).toThrow();
  });

  // Clean cloud-configs whose top level is a mapping (or empty): the reference says nothing
  // about a top level that is a plain string, which the schema (rightly) rejects.
  const clean = loadCases().filter((c) => {
    const text = new TextDecoder().decode(c.bytes);
    if (c.expected.fatal !== null || c.expected.entries.length > 0 || inputKind(text) !== 'cloud-config') return false;
    const doc = asJson(text);
    return doc === null || (typeof doc === 'object' && !Array.isArray(doc));
  });

  it('the corpus has clean cloud-configs to check', () => {
    expect(clean.length).toBeGreaterThan(30);
  });

  it.each(clean.map((c) => [c.name, c] as const))('accepts %s', (_name, c) => {
    expect(accepts(asJson(new TextDecoder().decode(c.bytes)))).toBe(true);
  });
});
