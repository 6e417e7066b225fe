import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import { jsonPattern, SCHEMA_PATH, schemaFiles, schemaText } from '../scripts/write-schema';
import { jsonText } from '../scripts/schema/from-zod';
import { inputKind } from '../src/core/input-kind';
import { loadCases } from './conformance-cases';
import { loadIgnitionCases } from './conformance-ignition-cases';

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

describe('Ignition and Butane JSON Schemas', () => {
  const files = schemaFiles();
  const byName = (name: string) => {
    const f = files.find((x) => x.path.endsWith(`/${name}.schema.json`));
    if (!f) throw new Error(`no schema ${name}`);
    return JSON.parse(readFileSync(f.path, 'utf8'));
  };
  const acceptsAs = (name: string) => {
    const v = z.fromJSONSchema(byName(name));
    return (doc: unknown) => v.safeParse(doc).success;
  };

  it('writes one file per stable Ignition spec and Butane flatcar version', () => {
    expect(files.map((f) => f.path.split('/').pop())).toEqual([
      'cloud-config.schema.json',
      ...['3.0.0', '3.1.0', '3.2.0', '3.3.0', '3.4.0', '3.5.0'].map((v) => `ignition-${v}.schema.json`),
      'butane-flatcar-1.0.0.schema.json',
      'butane-flatcar-1.1.0.schema.json',
    ]);
  });

  it.each(files.map((f) => [f.path.split('/').pop()!, f] as const))('%s is current: npm run schema writes the same file', (_name, f) => {
    expect(readFileSync(f.path, 'utf8')).toBe(jsonText(f.schema()));
  });

  it('uses only draft-07 keywords, with valid patterns', () => {
    const keywords = new Set([...KEYWORDS, 'required', 'enum', 'const', 'minimum', 'maximum', 'maxLength']);
    for (const f of files.slice(1)) {
      const schema = JSON.parse(readFileSync(f.path, 'utf8'));
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      walk(schema, (n) => {
        for (const k of Object.keys(n)) expect(keywords.has(k), `${f.path}: ${k}`).toBe(true);
        if (typeof n.pattern === 'string') expect(() => new RegExp(n.pattern as string, 'u')).not.toThrow();
      });
    }
  });

  it('pins the spec version and checks what the reference checks', () => {
    const ign34 = acceptsAs('ignition-3.4.0');
    const config = (extra: object) => ({ ignition: { version: '3.4.0' }, ...extra });
    expect(ign34(config({}))).toBe(true);
    expect(ign34({ ignition: { version: '3.3.0' } })).toBe(false);
    expect(ign34({ ignition: {} })).toBe(false);
    expect(ign34(config({ storage: { files: [{ path: '/etc/motd', mode: 420, contents: { compression: null } }] } }))).toBe(true);
    expect(ign34(config({ storage: { files: [{ path: 'etc/motd' }] } }))).toBe(false);
    expect(ign34(config({ storage: { files: [{ path: '/a', mode: 0o10000 }] } }))).toBe(false);
    expect(ign34(config({ storage: { files: [{ path: '/a', contents: { compression: 'xz' } }] } }))).toBe(false);
    expect(ign34(config({ storage: { files: [null] } }))).toBe(false);
    expect(ign34(config({ systemd: { units: [{ name: 'web' }] } }))).toBe(false);
    expect(ign34(config({ systemd: { units: [{ name: 'web.service', enabled: true }] } }))).toBe(true);
    expect(ign34(config({ storage: { filesystems: [{ device: '/dev/sdb', format: 'ntfs' }] } }))).toBe(false);
    // Fields by spec: luks came in 3.2.0, kernelArguments in 3.3.0.
    expect(acceptsAs('ignition-3.1.0')({ ignition: { version: '3.1.0' }, storage: { luks: [] } })).toBe(false);
    expect(acceptsAs('ignition-3.2.0')({ ignition: { version: '3.2.0' }, storage: { luks: [] } })).toBe(true);
    expect(acceptsAs('ignition-3.2.0')({ ignition: { version: '3.2.0' }, kernelArguments: {} })).toBe(false);
  });

  it('reads Butane keys in snake_case, with Butane sugar by version and without Clevis', () => {
    const bu11 = acceptsAs('butane-flatcar-1.1.0');
    const bu10 = acceptsAs('butane-flatcar-1.0.0');
    const head = { variant: 'flatcar', version: '1.1.0' };
    expect(bu11({ ...head, storage: { files: [{ path: '/a', contents: { inline: 'hi' } }, { path: '/b', contents: { local: 'b' } }], trees: [{ local: 'tree' }] } })).toBe(true);
    expect(bu11({ ...head, storage: { filesystems: [{ device: '/dev/sdb', format: 'ext4', path: '/var', with_mount_unit: true }] } })).toBe(true);
    expect(bu11({ ...head, passwd: { users: [{ name: 'core', ssh_authorized_keys_local: ['id.pub'] }] } })).toBe(true);
    expect(bu11({ ...head, systemd: { units: [{ name: 'a.service', contents_local: 'a.service' }] } })).toBe(true);
    expect(bu10({ variant: 'flatcar', version: '1.0.0', systemd: { units: [{ name: 'a.service', contents_local: 'a.service' }] } })).toBe(false);
    expect(bu11({ ...head, storage: { files: [{ path: '/a', contents: { inline: 'hi' }, wipeTable: true }] } })).toBe(false);
    expect(bu11({ ...head, storage: { disks: [{ device: '/dev/sda', wipe_table: true }] } })).toBe(true);
    expect(bu11({ ...head, storage: { disks: [{ device: '/dev/sda', wipeTable: true }] } })).toBe(false);
    expect(bu11({ ...head, ignition: { version: '3.4.0' } })).toBe(false);
    expect(bu11({ ...head, storage: { luks: [{ name: 'data', device: '/dev/sdb', clevis: { tpm2: true } }] } })).toBe(false);
    // Butane's YAML decoder reads yes / off (quoted or not) into a bool field.
    expect(bu11({ ...head, systemd: { units: [{ name: 'a.service', enabled: 'yes', mask: 'off' }] } })).toBe(true);
    expect(bu11({ ...head, systemd: { units: [{ name: 'a.service', enabled: 'maybe' }] } })).toBe(false);
    expect(bu11({ ...head, storage: { filesystems: [{ device: '/dev/sdb', with_mount_unit: 'sometimes' }] } })).toBe(false);
    expect(bu11({ variant: 'fcos', version: '1.1.0' })).toBe(false);
    expect(bu11({ variant: 'flatcar', version: '1.0.0' })).toBe(false);
  });

  // The conformance corpus: clean configs pass, configs with unused keys fail.
  const cases = loadIgnitionCases().filter((c) => c.ext === 'ign' || /^variant:\s*flatcar\b/m.test(c.text));
  const schemaOf = (c: (typeof cases)[number], doc: unknown) => {
    if (c.ext === 'bu') return `butane-flatcar-${(doc as { version?: string }).version}`;
    return `ignition-${(doc as { ignition?: { version?: string } }).ignition?.version}`;
  };
  const parsed = cases.flatMap((c) => {
    try {
      const doc: unknown = c.ext === 'ign' ? JSON.parse(c.text) : parseYaml(c.text);
      return doc && typeof doc === 'object' && files.some((f) => f.path.endsWith(`/${schemaOf(c, doc)}.schema.json`)) ? [{ c, doc }] : [];
    } catch {
      return [];
    }
  });
  const clean = parsed.filter(({ c }) => c.expected.entries.length === 0);
  const unknownKeys = parsed.filter(({ c }) => c.expected.entries.some((e) => /^Unused key/.test(e.message)));

  it('the corpus has clean configs and configs with unknown keys to check', () => {
    expect(clean.filter(({ c }) => c.ext === 'ign').length).toBeGreaterThanOrEqual(10);
    expect(clean.filter(({ c }) => c.ext === 'bu').length).toBeGreaterThanOrEqual(2);
    expect(unknownKeys.filter(({ c }) => c.ext === 'ign').length).toBeGreaterThanOrEqual(2);
    expect(unknownKeys.filter(({ c }) => c.ext === 'bu').length).toBeGreaterThanOrEqual(2);
  });

  it.each(clean.map(({ c, doc }) => [c.name, c, doc] as const))('accepts %s', (_name, c, doc) => {
    expect(acceptsAs(schemaOf(c, doc))(doc)).toBe(true);
  });

  it.each(unknownKeys.map(({ c, doc }) => [c.name, c, doc] as const))('rejects %s (unknown key)', (_name, c, doc) => {
    expect(acceptsAs(schemaOf(c, doc))(doc)).toBe(false);
  });
});
