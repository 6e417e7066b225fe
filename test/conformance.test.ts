import { describe, expect, it } from 'vitest';
import { compareCase, loadCases } from './conformance-cases';

const cases = loadCases();

describe('conformance with coreos-cloudinit over the corpus (reference rule set)', () => {
  it('finds the corpus', () => {
    expect(cases.length).toBeGreaterThanOrEqual(306);
  });
  for (const c of cases.filter((c) => c.expected.fatal === null)) {
    it(c.name, () => {
      const r = compareCase(c);
      expect({ missing: r.missing, extra: r.extra }).toEqual({ missing: [], extra: [] });
    });
  }
});
