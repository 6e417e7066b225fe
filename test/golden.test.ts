import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validate, type DeclaredFormat, type RuleSetName } from '../src/core';

/**
 * Golden tests: each input under test/golden/<format>/ sits beside its expected findings,
 * NAME.all.out and NAME.reference.out, one `LINE:COL: KIND: MESSAGE [rule]` per line. An input
 * named NAME.coreos.EXT is validated for the coreos target, others for the default one.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const FORMATS: Record<string, { ext: string; format: DeclaredFormat }> = {
  ignition: { ext: '.ign', format: 'ignition' },
  butane: { ext: '.bu', format: 'butane' },
};

for (const [dir, { ext, format }] of Object.entries(FORMATS)) {
  const inputs = readdirSync(join(ROOT, dir)).filter((f) => f.endsWith(ext));
  describe(`golden ${dir} configs`, () => {
    it('has inputs', () => expect(inputs.length).toBeGreaterThanOrEqual(5));
    for (const input of inputs) {
      for (const rules of ['all', 'reference'] as RuleSetName[]) {
        it(`${input} (${rules})`, () => {
          const out = join(ROOT, dir, `${input.slice(0, -ext.length)}.${rules}.out`);
          expect(existsSync(out), `${out} is missing`).toBe(true);
          const text = readFileSync(join(ROOT, dir, input), 'utf8');
          const target = input.endsWith(`.coreos${ext}`) ? 'coreos' : undefined;
          const got = validate(text, { rules, format, target }).entries.map((e) => `${e.line}:${e.column}: ${e.kind}: ${e.message} [${e.rule}]`);
          expect(got).toEqual(readFileSync(out, 'utf8').split('\n').filter((l) => l !== ''));
        });
      }
    }
  });
}
