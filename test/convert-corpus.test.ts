import { describe, expect, it } from 'vitest';
import { convertCloudConfig } from '../src/core/convert';
import { validate } from '../src/core/validate';
import { loadCases } from './conformance-cases';

/**
 * Every corpus config that has no errors converts, and the Ignition it gives passes the
 * project's own Ignition checks with no error. The notes per rule id are printed.
 */

const convertible = loadCases()
  .map((c) => ({ name: c.name, text: new TextDecoder().decode(c.bytes) }))
  .filter((c) => {
    const r = validate(c.text, { rules: 'all' });
    return r.kind === 'cloud-config' && !r.entries.some((f) => f.kind === 'error');
  });

describe('conversion of the conformance corpus', () => {
  it('converts every config without errors into Ignition that validates', async () => {
    expect(convertible.length).toBeGreaterThan(50);
    const perRule = new Map<string, number>();
    const failures: string[] = [];
    for (const c of convertible) {
      const out = await convertCloudConfig(c.text);
      if (out.errors.length || !out.ignition) {
        failures.push(`${c.name}: ${out.errors.map((e) => e.message).join('; ')}`);
        continue;
      }
      expect(out.butane).toMatch(/^variant: flatcar\nversion: 1\.1\.0$/m);
      const report = validate(JSON.stringify(out.ignition), { format: 'ignition' });
      for (const e of report.entries.filter((f) => f.kind === 'error')) failures.push(`${c.name}: ignition ${e.rule}: ${e.message}`);
      for (const n of out.notes) {
        expect(n.from! < n.to! && n.to! <= c.text.length, `${c.name}: note range ${n.rule}`).toBe(true);
        perRule.set(n.rule, (perRule.get(n.rule) ?? 0) + 1);
      }
    }
    const table = [...perRule].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `  ${rule}: ${n}`);
    console.log(`converted ${convertible.length - failures.length} of ${convertible.length} corpus configs; notes per rule:\n${table.join('\n')}`);
    expect(failures).toEqual([]);
  });
});
