import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { butaneToIgnition, validate, type DeclaredFormat, type RuleSetName } from '../src/core';
import { filesDir, gzipBest } from '../src/cli/files-dir';

/**
 * Golden tests: each input under test/golden/<format>/ sits beside its expected findings,
 * NAME.all.out and NAME.reference.out, one `LINE:COL: KIND: MESSAGE [rule]` per line. An input
 * named NAME.coreos.EXT is validated for the coreos target, others for the default one. A Butane
 * input may have its translation beside it too, NAME.ign.json, made with the files directory
 * NAME.files/ when there is one.
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
      const translation = join(ROOT, dir, `${input.slice(0, -ext.length)}.ign.json`);
      if (format === 'butane' && existsSync(translation)) {
        it(`${input} translates to ${input.slice(0, -ext.length)}.ign.json`, () => {
          const dirOfFiles = join(ROOT, dir, `${input.slice(0, -ext.length)}.files`);
          const text = readFileSync(join(ROOT, dir, input), 'utf8');
          const r = butaneToIgnition(text, { files: existsSync(dirOfFiles) ? filesDir(dirOfFiles) : undefined, gzip: gzipBest });
          expect(r.report.entries.filter((e) => e.kind === 'error')).toEqual([]);
          expect(r.ignition).toEqual(JSON.parse(readFileSync(translation, 'utf8')));
        });
      }
    }
  });
}
