/** Prints the conformance score of the reference rule set over the corpus in test/conformance. */
import { compareCase, loadCases } from '../test/conformance-cases';

const cases = loadCases().filter((c) => c.expected.fatal === null);
let pass = 0;
for (const c of cases) {
  const r = compareCase(c);
  if (r.ok) pass++;
  else if (process.argv.includes('-v')) console.log(`FAIL ${c.name}\n  missing: ${r.missing.join(' ; ')}\n  extra:   ${r.extra.join(' ; ')}`);
}
console.log(`conformance: ${pass}/${cases.length} cases match the reference`);
