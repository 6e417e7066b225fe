/**
 * Counts the `all` rule set's findings over the corpus in test/conformance, by rule id.
 * `--show RULE` prints that rule's findings with the source line they point at.
 */
import { loadCases } from '../test/conformance-cases';
import { validate } from '../src/core/validate';
import { RULES, type RuleId } from '../src/core/rule-table';

const show = process.argv.includes('--show') ? process.argv[process.argv.indexOf('--show') + 1] : undefined;
const counts = new Map<RuleId, number>();
for (const c of loadCases()) {
  const text = new TextDecoder().decode(c.bytes);
  const lines = text.split(/\r\n|\r|\n/);
  for (const f of validate(text, { rules: 'all' }).entries) {
    counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
    if (f.rule !== show) continue;
    console.log(`${c.name}:${f.line}:${f.column} ${f.kind} ${f.message}`);
    console.log(`    ${lines[f.line - 1]?.trim()}`);
  }
}
if (!show) {
  const rows = [...counts].sort((a, b) => b[1] - a[1]);
  for (const [rule, n] of rows) console.log(`${String(n).padStart(5)}  ${rule}${RULES[rule].reference ? ' (reference)' : ''}`);
}
