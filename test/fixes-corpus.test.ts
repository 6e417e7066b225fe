import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validate, type DeclaredFormat, type Target } from '../src/core';
import { loadIgnitionCases } from './conformance-ignition-cases';

/**
 * Over every Ignition and Butane config the tests hold (the conformance corpus, the goldens, the
 * examples), each quick fix of the `all` set applies cleanly: the finding it is for goes away and
 * the text still reads (no syntax or type error comes), and the `reference` set has no fixes.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const configs: { name: string; text: string; format: DeclaredFormat; target: Target }[] = loadIgnitionCases().map((c) => ({
  name: c.name,
  text: c.text,
  format: c.ext === 'ign' ? 'ignition' : 'butane',
  target: 'flatcar',
}));
for (const dir of ['test/golden/ignition', 'test/golden/butane', 'examples']) {
  for (const f of readdirSync(join(ROOT, dir)).filter((x) => /\.(ign|bu)$/.test(x))) {
    configs.push({ name: f, text: readFileSync(join(ROOT, dir, f), 'utf8'), format: f.endsWith('.ign') ? 'ignition' : 'butane', target: f.includes('.coreos.') ? 'coreos' : 'flatcar' });
  }
}
const UNREADABLE = new Set(['json-syntax', 'yaml-syntax', 'ignition-type', 'butane-type']);

describe('quick fixes over the Ignition and Butane configs', () => {
  it('has fixes to try', () => {
    const count = configs.reduce((n, c) => n + validate(c.text, { rules: 'all', format: c.format, target: c.target }).entries.filter((f) => f.fixes).length, 0);
    expect(count).toBeGreaterThanOrEqual(15);
  });
  for (const c of configs) {
    it(`${c.name}: each fix removes its finding and keeps the text readable`, () => {
      const read = (text: string) => validate(text, { rules: 'all', format: c.format, target: c.target }).entries;
      const before = read(c.text);
      const unreadable = before.filter((e) => UNREADABLE.has(e.rule)).length;
      for (const f of before) {
        for (const fix of f.fixes ?? []) {
          const after = read(c.text.slice(0, fix.from) + fix.insert + c.text.slice(fix.to));
          expect(after.filter((e) => e.rule === f.rule && e.path === f.path && e.message === f.message), fix.title).toEqual([]);
          expect(after.filter((e) => UNREADABLE.has(e.rule)).length, fix.title).toBeLessThanOrEqual(unreadable);
        }
      }
      for (const f of validate(c.text, { rules: 'reference', format: c.format, target: c.target }).entries) expect(f.fixes).toBeUndefined();
    });
  }
});
