import { describe, expect, it } from 'vitest';
import { compareIgnitionCase, loadIgnitionCases, MIN_IGN_CASES } from './conformance-ignition-cases';

const cases = loadIgnitionCases().filter((c) => c.ext === 'ign');

describe('conformance with ignition-validate v2.20.0 over the Ignition corpus (reference rule set)', () => {
  it('finds the corpus', () => {
    expect(cases.length).toBeGreaterThanOrEqual(MIN_IGN_CASES);
  });
  for (const c of cases) {
    it(c.name, () => {
      const r = compareIgnitionCase(c);
      expect({ missing: r.missing, extra: r.extra }).toEqual({ missing: [], extra: [] });
    });
  }
});
