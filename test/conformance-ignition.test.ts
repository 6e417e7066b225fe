import { describe, expect, it } from 'vitest';
import { compareIgnitionCase, compareTranslation, loadIgnitionCases, MIN_BU_CASES, MIN_IGN_CASES } from './conformance-ignition-cases';

const all = loadIgnitionCases();
const cases = all.filter((c) => c.ext === 'ign');
const butane = all.filter((c) => c.ext === 'bu');

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

describe('conformance with butane v0.22.0 over the Butane corpus (reference rule set, translation)', () => {
  it('finds the corpus', () => {
    expect(butane.length).toBeGreaterThanOrEqual(MIN_BU_CASES);
  });
  for (const c of butane) {
    it(c.name, () => {
      const r = compareIgnitionCase(c);
      expect({ missing: r.missing, extra: r.extra }).toEqual({ missing: [], extra: [] });
      const t = compareTranslation(c);
      expect(t.got).toEqual(t.want);
    });
  }
});
