import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { convertCloudConfig } from '../src/core/convert';
import { butaneToIgnition } from '../src/core/formats/butane';
import { validate } from '../src/core/validate';
import { loadCases } from './conformance-cases';

type Contents = { source?: string; inline?: string; compression?: string };

/** A file's bytes from Ignition's or Butane's contents (data URL or inline text). */
function bytesOf(c: Contents): Buffer {
  if (c.inline !== undefined) return Buffer.from(c.inline, 'utf8');
  const m = /^data:([^,]*),(.*)$/s.exec(c.source!)!;
  const raw = m[1].endsWith(';base64') ? Buffer.from(m[2], 'base64') : Buffer.from(unescape(m[2]), 'latin1');
  return c.compression === 'gzip' ? gunzipSync(raw) : raw;
}

/**
 * What the Butane text says, read back by an independent YAML parser, in Ignition's terms: the
 * files' bytes, modes and owners, the units and the users must be the Ignition config's.
 */
function butaneMeaning(butane: string) {
  const doc = parse(butane, { version: '1.1' });
  type File = { path: string; mode: number; user?: object; group?: object; contents: Contents };
  return {
    files: ((doc.storage?.files ?? []) as File[]).map((f) => ({ path: f.path, mode: f.mode, user: f.user, group: f.group, bytes: bytesOf(f.contents).toString('base64') })),
    units: doc.systemd?.units ?? [],
    users: (doc.passwd?.users ?? []).map((u: Record<string, unknown>) => ({ name: u.name, keys: u.ssh_authorized_keys, hash: u.password_hash })),
  };
}

function ignitionMeaning(ign: Record<string, any>) {
  type File = { path: string; mode: number; user?: object; group?: object; contents: Contents };
  return {
    files: ((ign.storage?.files ?? []) as File[]).map((f) => ({ path: f.path, mode: f.mode, user: f.user, group: f.group, bytes: bytesOf(f.contents).toString('base64') })),
    units: ign.systemd?.units ?? [],
    users: (ign.passwd?.users ?? []).map((u: Record<string, unknown>) => ({ name: u.name, keys: u.sshAuthorizedKeys, hash: u.passwordHash })),
  };
}

/**
 * Every corpus config that has no errors converts; the Ignition it gives passes the project's
 * own Ignition checks, and the Butane its Butane checks, with no error, and the Butane
 * translates to the same files, units and users. The notes per rule id are printed.
 */

const convertible = loadCases()
  .map((c) => ({ name: c.name, text: new TextDecoder().decode(c.bytes) }))
  .filter((c) => {
    const r = validate(c.text, { rules: 'all' });
    return r.kind === 'cloud-config' && !r.entries.some((f) => f.kind === 'error');
  });

describe('conversion of the conformance corpus', () => {
  it('converts every config without errors into Ignition that validates', async () => {
    expect(convertible.length).toBeGreaterThan(50);
    const perRule = new Map<string, number>();
    const failures: string[] = [];
    for (const c of convertible) {
      const out = await convertCloudConfig(c.text);
      if (out.errors.length || !out.ignition) {
        failures.push(`${c.name}: ${out.errors.map((e) => e.message).join('; ')}`);
        continue;
      }
      expect(out.butane).toMatch(/^variant: flatcar\nversion: 1\.1\.0$/m);
      expect(butaneMeaning(out.butane), c.name).toEqual(ignitionMeaning(out.ignition));
      const report = validate(JSON.stringify(out.ignition), { format: 'ignition' });
      for (const e of report.entries.filter((f) => f.kind === 'error')) failures.push(`${c.name}: ignition ${e.rule}: ${e.message}`);
      // The Butane text passes the project's own Butane checks, and translates to the same Ignition.
      const butane = butaneToIgnition(out.butane);
      for (const e of butane.report.entries.filter((f) => f.kind === 'error')) failures.push(`${c.name}: butane ${e.rule} line ${e.line}: ${e.message}`);
      expect(butane.ignition, `${c.name}: Butane translates`).toBeDefined();
      expect(ignitionMeaning(butane.ignition!), `${c.name}: Butane's translation`).toEqual(ignitionMeaning(out.ignition));
      for (const n of out.notes) {
        expect(n.from! < n.to! && n.to! <= c.text.length, `${c.name}: note range ${n.rule}`).toBe(true);
        perRule.set(n.rule, (perRule.get(n.rule) ?? 0) + 1);
      }
    }
    const table = [...perRule].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `  ${rule}: ${n}`);
    console.log(`converted ${convertible.length - failures.length} of ${convertible.length} corpus configs; notes per rule:\n${table.join('\n')}`);
    expect(failures).toEqual([]);
  });
});
