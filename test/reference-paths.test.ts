import { describe, expect, it } from 'vitest';
import { validate } from '../src/core';
import { loadIgnitionCases } from './conformance-ignition-cases';

/**
 * Where ignition-validate and butane name a path (`$.storage.files.0.path`), the finding that
 * matches theirs carries the same path, written with bracketed indexes (`$.storage.files[0].path`).
 */
const asVcontext = (path: string) => path.replace(/\[(\d+)\]/g, '.$1');

describe('paths of Ignition and Butane findings match the reference tools', () => {
  const cases = loadIgnitionCases();
  const withPaths = cases.filter((c) => c.expected.entries.some((e) => e.path !== null));

  it('finds cases with paths', () => expect(withPaths.length).toBeGreaterThanOrEqual(20));

  for (const c of withPaths) {
    it(`${c.name}.${c.ext}`, () => {
      const got = validate(c.text, { rules: 'reference', format: c.ext === 'ign' ? 'ignition' : 'butane' }).entries;
      const want = c.expected.entries.filter((e) => e.path !== null).map((e) => `${e.kind}@${e.line}: ${e.path}`);
      const have = got.filter((e) => e.path !== undefined).map((e) => `${e.kind}@${e.line}: ${asVcontext(e.path!)}`);
      for (const w of want) expect(have).toContain(w);
    });
  }
});
