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

describe('a syntax error where the input is cut short', () => {
  it('is marked at the end of a Butane config, never past it', () => {
    const text = 'variant: flatcar\nversion: 1.0.0\nsystemd:\n  units:\n    - name: a\n      contents: |\n        x\n    y';
    const [syntax] = validate(text, { rules: 'all' }).entries.filter((e) => e.rule === 'yaml-syntax');
    expect(syntax).toMatchObject({ from: text.length, to: text.length, line: 8, column: 6 });
  });
});
