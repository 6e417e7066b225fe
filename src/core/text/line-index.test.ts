import { describe, expect, it } from 'vitest';
import { validate } from '../validate';
import { LineIndex } from './line-index';

describe('LineIndex.span', () => {
  const lines = new LineIndex('ab\ncd');

  it('gives a range its line and column at both ends', () => {
    expect(lines.span(1, 4)).toEqual({ line: 1, column: 2, endLine: 2, endColumn: 2, from: 1, to: 4 });
  });

  it('widens an empty range to the character it stands on', () => {
    expect(lines.span(3, 3)).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 2, from: 3, to: 4 });
  });

  it('keeps a range at or past the end inside the text', () => {
    expect(lines.span(5, 6)).toEqual({ line: 2, column: 3, endLine: 2, endColumn: 3, from: 5, to: 5 });
    expect(lines.span(9, 12)).toEqual({ line: 2, column: 3, endLine: 2, endColumn: 3, from: 5, to: 5 });
  });
});

describe('LineIndex lines', () => {
  /** Where lines start, read with a pattern: what the index must agree with. */
  const startsByPattern = (text: string) => [0, ...[...text.matchAll(/\r\n?|\n/g)].map((m) => m.index + m[0].length)];

  it('ends lines at \\r\\n, \\r and \\n, in texts with and without \\r', () => {
    let seed = 7;
    const pick = (n: number) => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) % n;
    for (let run = 0; run < 300; run++) {
      const text = Array.from({ length: pick(40) }, () => ['a', 'b', '\n', '\r', '\r\n', '\n\r', ' '][pick(run % 2 ? 7 : 3)]).join('');
      const lines = new LineIndex(text);
      const starts = startsByPattern(text);
      expect(lines.lineCount).toBe(starts.length);
      for (let i = 0; i <= text.length; i++) expect(lines.lineOf(i), JSON.stringify({ text, i })).toBe(starts.filter((s) => s <= i).length);
    }
  });
});

describe('a syntax error where the input is cut short', () => {
  it('is marked at the end of a Butane config, never past it', () => {
    const text = 'variant: flatcar\nversion: 1.0.0\nsystemd:\n  units:\n    - name: a\n      contents: |\n        x\n    y';
    const [syntax] = validate(text, { rules: 'all' }).entries.filter((e) => e.rule === 'yaml-syntax');
    expect(syntax).toMatchObject({ from: text.length, to: text.length, line: 8, column: 6 });
  });
});

describe('one line model', () => {
  // NEL, LS and PS end a line for libyaml (and so for the reference's messages), but not for
  // editors: the all set places findings at the editor's lines, the reference set keeps its own.
  for (const [name, br] of [['LS', '\u2028'], ['PS', '\u2029'], ['NEL', '\u0085']]) {
    const text = `#cloud-config\nhostname: "a${br}${br}b"\nc: d: e\n`;

    it(`counts ${name} as the editor does in the all set`, () => {
      expect(new LineIndex(text).lineCount).toBe(4);
      for (const target of ['coreos', 'flatcar'] as const) {
        const [syntax] = validate(text, { rules: 'all', target }).entries;
        expect(syntax).toMatchObject({ rule: 'yaml-syntax', line: 3, column: 5 });
      }
    });

    it(`counts ${name} as libyaml does in the reference set`, () => {
      // Two more lines before `c: d: e` (0-based line 4 for libyaml); yaml.v3 prints it 1-based.
      expect(validate(text, { rules: 'reference', target: 'coreos' }).entries[0]).toMatchObject({ rule: 'yaml-syntax', line: 4 });
      expect(validate(text, { rules: 'reference', target: 'flatcar' }).entries[0]).toMatchObject({ rule: 'yaml-syntax', line: 5 });
    });
  }
});
