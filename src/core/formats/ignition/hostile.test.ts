import { describe, expect, it } from 'vitest';
import { validate } from '../../validate';

/** Bad input gets a finding, never a crash or a hang. */
describe('Ignition on hostile input', () => {
  const run = (text: string, rules: 'all' | 'reference' = 'all') => {
    const t0 = performance.now();
    const r = validate(text, { rules, format: 'ignition' });
    return { entries: r.entries, ms: performance.now() - t0 };
  };

  it('says an empty file is not a config', () => {
    expect(run('', 'reference').entries.map((e) => [e.line, e.message])).toEqual([[0, 'not a config (empty)']]);
  });

  it('refuses deep nesting with Go\'s error, quickly', () => {
    const { entries, ms } = run('{"ignition":' + '['.repeat(200_000));
    expect(entries.map((e) => e.rule)).toEqual(['json-syntax']);
    expect(entries[0].message).toContain('exceeded max depth');
    expect(ms).toBeLessThan(2000);
  });

  it('reads deep nesting within the limit where the schema has no such depth', () => {
    const deep = '{"ignition":{"version":"3.4.0"},"x":' + '['.repeat(5000) + ']'.repeat(5000) + '}';
    expect(run(deep).entries.map((e) => e.rule)).toEqual(['ignition-unknown-key']);
  });

  it('handles large configs in linear time', { timeout: 60_000 }, () => {
    const config = (n: number) =>
      `{"ignition":{"version":"3.4.0"},"storage":{"files":[${Array.from({ length: n }, (_, i) => `{"path":"/opt/f${i}","mode":420,"contents":{"source":"data:,x"}}`).join(',')}]}}`;
    const best = (n: number) => Math.min(...[0, 1, 2, 3].map(() => run(config(n)).ms));
    expect(run(config(100)).entries).toEqual([]);
    // Four times the input: about four times the time (a quadratic step would take sixteen);
    // the margin is for a loaded machine.
    expect(best(4000) / best(1000)).toBeLessThan(12);
  });

  it('reports binary garbage as a syntax error at its first byte', () => {
    const { entries } = run('\u0000\u0001\u00ff{', 'reference');
    expect(entries.map((e) => [e.line, e.column, e.message])).toEqual([[1, 2, "invalid character '\\x00' looking for beginning of value"]]);
  });

  it('keeps long values out of messages', () => {
    const key = 'k'.repeat(100_000);
    const { entries, ms } = run(`{"ignition":{"version":"3.4.0"},"${key}":1}`);
    expect(entries[0].message.length).toBeLessThan(200);
    expect(ms).toBeLessThan(2000);
  });
});
