import { describe, expect, it } from 'vitest';
import { validate } from '../../validate';

/** Bad input gets a finding, never a crash or a hang. */
describe('Ignition on hostile input', () => {
  // Time is measured by `npm run fuzz` and `npm run bench`, not here.
  const run = (text: string, rules: 'all' | 'reference' = 'all') => ({ entries: validate(text, { rules, format: 'ignition' }).entries });

  it('says an empty file is not a config', () => {
    expect(run('', 'reference').entries.map((e) => [e.line, e.message])).toEqual([[0, 'not a config (empty)']]);
  });

  it('refuses deep nesting with Go\'s error', () => {
    const { entries } = run('{"ignition":' + '['.repeat(200_000));
    expect(entries.map((e) => e.rule)).toEqual(['json-syntax']);
    expect(entries[0].message).toContain('exceeded max depth');
  });

  it('reads deep nesting within the limit where the schema has no such depth', () => {
    const deep = '{"ignition":{"version":"3.4.0"},"x":' + '['.repeat(5000) + ']'.repeat(5000) + '}';
    expect(run(deep).entries.map((e) => e.rule)).toEqual(['ignition-unknown-key']);
  });

  it('reads a large config whole', () => {
    const files = Array.from({ length: 20_000 }, (_, i) => `{"path":"/opt/f${i}","mode":420,"contents":{"source":"data:,x"}}`).join(',');
    const { entries } = run(`{"ignition":{"version":"3.4.0"},"storage":{"files":[${files}]}}`);
    expect(entries).toEqual([]);
  });

  it('reports binary garbage as a syntax error at its first byte', () => {
    const { entries } = run('\u0000\u0001\u00ff{', 'reference');
    expect(entries.map((e) => [e.line, e.column, e.message])).toEqual([[1, 2, "invalid character '\\x00' looking for beginning of value"]]);
  });

  it('marks JSON cut short at the end of the text, never past it', () => {
    const text = '{"ignition": {';
    expect(run(text).entries.map(({ line, column, from, to, rule }) => ({ line, column, from, to, rule }))).toEqual([
      { line: 1, column: 15, from: 14, to: 14, rule: 'json-syntax' },
    ]);
  });

  it('keeps long values out of messages', () => {
    const key = 'k'.repeat(100_000);
    const { entries } = run(`{"ignition":{"version":"3.4.0"},"${key}":1}`);
    expect(entries[0].message.length).toBeLessThan(200);
  });
});
