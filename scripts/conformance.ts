/** Prints the conformance score of the reference rule set over the corpus in test/conformance, per target. */
import { compareCase, loadCases, scoredEntries, TARGETS } from '../test/conformance-cases';

const all = loadCases();
for (const target of TARGETS) {
  const cases = all.filter((c) => scoredEntries(c, target) !== undefined);
  let pass = 0;
  for (const c of cases) {
    const r = compareCase(c, target);
    if (r.ok) pass++;
    else if (process.argv.includes('-v')) console.log(`FAIL ${target} ${c.name}\n  missing: ${r.missing.join(' ; ')}\n  extra:   ${r.extra.join(' ; ')}`);
  }
  console.log(`conformance (${target}): ${pass}/${cases.length} cases match the reference`);
}
// Ignition: the .ign cases of test/conformance-ignition, scored as its README says.
{
  const { compareIgnitionCase, loadIgnitionCases } = await import('../test/conformance-ignition-cases');
  const ign = loadIgnitionCases().filter((c) => c.ext === 'ign');
  let ok = 0;
  for (const c of ign) {
    const r = compareIgnitionCase(c);
    if (r.ok) ok++;
    else if (process.argv.includes('-v')) console.log(`FAIL ${c.name}\n  missing: ${r.missing.join(' ; ')}\n  extra:   ${r.extra.join(' ; ')}`);
  }
  console.log(`conformance (Ignition): ${ok}/${ign.length} cases match ignition-validate`);
}

// Butane: the .bu cases, findings and translation.
{
  const { compareIgnitionCase, compareTranslation, loadIgnitionCases } = await import('../test/conformance-ignition-cases');
  const bu = loadIgnitionCases().filter((c) => c.ext === 'bu');
  let findings = 0;
  let translation = 0;
  for (const c of bu) {
    const r = compareIgnitionCase(c);
    if (r.ok) findings++;
    else if (process.argv.includes('-v')) console.log(`FAIL ${c.name}\n  missing: ${r.missing.join(' ; ')}\n  extra:   ${r.extra.join(' ; ')}`);
    if (compareTranslation(c).ok) translation++;
    else if (process.argv.includes('-v')) console.log(`FAIL ${c.name}: translation differs`);
  }
  console.log(`conformance (Butane): ${findings}/${bu.length} cases match butane's findings, ${translation}/${bu.length} its translation`);
}
