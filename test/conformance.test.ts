import { describe, expect, it } from 'vitest';
import { compareCase, loadCases, scoredEntries, TARGETS } from './conformance-cases';

const cases = loadCases();

it('finds the corpus', () => {
  expect(cases.length).toBeGreaterThanOrEqual(306);
});

for (const target of TARGETS) {
  describe(`conformance with ${target}'s coreos-cloudinit over the corpus (reference rule set)`, () => {
    for (const c of cases.filter((c) => scoredEntries(c, target) !== undefined)) {
      it(c.name, () => {
        const r = compareCase(c, target);
        expect({ missing: r.missing, extra: r.extra }).toEqual({ missing: [], extra: [] });
      });
    }
  });
}
