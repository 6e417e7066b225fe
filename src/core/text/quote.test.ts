import { describe, expect, it } from 'vitest';
import { clip, QUOTE_LIMIT, quoted } from './quote';

describe('quoting values in messages', () => {
  it('keeps short values whole', () => {
    expect(quoted('node-1')).toBe('"node-1"');
    expect(clip('x'.repeat(QUOTE_LIMIT))).toBe('x'.repeat(100));
  });

  it('cuts long values after 100 characters, with an ellipsis', () => {
    expect(clip('x'.repeat(101))).toBe('x'.repeat(100) + '…');
    const big = 'abcdefghij'.repeat(20_000);
    expect(quoted(big)).toBe(`"${'abcdefghij'.repeat(10)}…"`);
  });

  it('does not split a character made of two UTF-16 units', () => {
    const value = 'x'.repeat(99) + '😀' + 'y'.repeat(10);
    expect(clip(value)).toBe('x'.repeat(99) + '…');
  });
});
