import { describe, expect, it } from 'vitest';
import { applyTextEdit, commonEnd, commonStart, editedSlice, textEdit } from './common-ends';

describe('textEdit', () => {
  it('finds the one replacement between two texts, across the chunks it compares whole', () => {
    const base = Array.from({ length: 3000 }, (_, i) => `line ${i}\n`).join('');
    let seed = 5;
    const random = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) % n);
    for (let i = 0; i < 300; i++) {
      const from = random(base.length + 1);
      const to = Math.min(base.length, from + random(i % 3 === 0 ? 9000 : 5));
      const after = base.slice(0, from) + ['', 'x', 'line 7\n', 'é'.repeat(random(5000))][random(4)] + base.slice(to);
      const edit = textEdit(base, after);
      expect(applyTextEdit(base, edit)).toBe(after);
      // The smallest such replacement: what differs, and nothing the two share at either end.
      expect(edit.from).toBe(commonStart(base, after));
      expect(base.length - edit.to).toBe(commonEnd(base, after, Math.min(base.length, after.length) - edit.from));
    }
  });

  it('reads an insertion, a deletion and an unchanged text as such', () => {
    expect(textEdit('abcdef', 'abXcdef')).toEqual({ from: 2, to: 2, insert: 'X' });
    expect(textEdit('abcdef', 'abef')).toEqual({ from: 2, to: 4, insert: '' });
    expect(textEdit('aaaa', 'aaa')).toEqual({ from: 3, to: 4, insert: '' });
    expect(textEdit('same', 'same')).toEqual({ from: 4, to: 4, insert: '' });
  });
});

describe('editedSlice', () => {
  it('reads any part of the edited text from the text before and the edit', () => {
    const text = 'abcdefghij';
    for (const edit of [
      { from: 3, to: 6, insert: 'XY' },
      { from: 0, to: 0, insert: 'XYZ' },
      { from: 10, to: 10, insert: 'Q' },
      { from: 2, to: 9, insert: '' },
    ]) {
      const after = applyTextEdit(text, edit);
      for (let from = 0; from <= after.length; from++) {
        for (let to = from; to <= after.length; to++) expect(editedSlice(text, edit, from, to)).toBe(after.slice(from, to));
      }
    }
  });
});
