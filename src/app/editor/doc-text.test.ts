import { describe, expect, it } from 'vitest';
import { EditorState, Text } from '@codemirror/state';
import { applyTextEdit } from '../../core/text/common-ends';
import { DocText } from './doc-text';

describe('DocText', () => {
  it('follows edits by applying them to the string before, and reads any other document whole', () => {
    const docText = new DocText();
    const start = EditorState.create({ doc: 'line one\nline two\nline three' });
    expect(docText.of(start.doc)).toBe('line one\nline two\nline three');
    const first = start.update({ changes: [{ from: 0, to: 4, insert: 'LINE' }, { from: 9, insert: 'new\n' }] });
    const second = first.state.update({ changes: { from: first.state.doc.length - 5, to: first.state.doc.length } });
    const trs = [first, second];
    const toString = Text.prototype.toString;
    const other = EditorState.create({ doc: 'x' }).update({ changes: { from: 1, insert: 'y' } });
    const documents = [first.state.doc, second.state.doc, other.state.doc];
    let wholeReads = 0;
    Text.prototype.toString = function (this: Text) {
      if (documents.includes(this)) wholeReads++;
      return toString.call(this);
    };
    try {
      expect(docText.of(second.state.doc, trs)).toBe(second.state.doc.sliceString(0));
      expect(docText.of(second.state.doc)).toBe('LINE one\nnew\nline two\nline ');
      expect(wholeReads).toBe(0);
      // Transactions that do not start from the text it holds: read whole.
      expect(docText.of(other.state.doc, [other])).toBe('xy');
      expect(wholeReads).toBe(1);
    } finally {
      Text.prototype.toString = toString;
    }
  });

  it('gives the edit between any recent version and the current one, however the edits came', () => {
    const docText = new DocText();
    let state = EditorState.create({ doc: Array.from({ length: 3000 }, (_, i) => `line ${i}`).join('\n') });
    const texts = new Map<number, string>([[docText.version + 1, docText.of(state.doc)]]);
    let seed = 7;
    const random = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) % n);
    const change = (length: number) => {
      const from = random(length + 1);
      // Now and then a big deletion or paste, which takes the text past the base it is joined from.
      const insert = i % 50 === 25 ? 'pasted\n'.repeat(3000) : ['', 'x', 'é\n', 'new line\n'][random(4)];
      return { from, to: Math.min(length, from + random(i % 50 === 0 ? 20_000 : 4)), insert };
    };
    let i = 0;
    for (; i < 600; i++) {
      // One transaction of one or two changes, or two transactions at once, as the editor can send them.
      const length = state.doc.length;
      const half = Math.floor(length / 2);
      const first = state.update({ changes: random(3) === 0 ? [change(half - 1), { from: half + 1, to: half + 3, insert: 'y' }] : change(length) });
      const trs = random(4) === 0 ? [first, first.state.update({ changes: change(first.state.doc.length) })] : [first];
      state = trs[trs.length - 1].state;
      const text = docText.of(state.doc, trs);
      expect(text).toBe(state.doc.toString());
      texts.set(docText.version, text);
      for (const back of [1, 2, 17, 300]) {
        const edit = docText.edit(docText.version - back, docText.version);
        const earlier = texts.get(docText.version - back);
        if (earlier === undefined) continue;
        expect(applyTextEdit(earlier, edit!)).toBe(text);
      }
    }
    // Only between a recent version and the current one.
    expect(docText.edit(docText.version - 512, docText.version)).toBeDefined();
    expect(docText.edit(docText.version - 513, docText.version)).toBeUndefined();
    expect(docText.edit(docText.version - 2, docText.version - 1)).toBeUndefined();
    expect(docText.edit(docText.version, docText.version)).toEqual({ from: 0, to: 0, insert: '' });
    // A text that is no edit of the one before: no edit leads to it from an earlier version.
    docText.of(Text.of(['other']));
    expect(docText.edit(docText.version - 1, docText.version)).toBeUndefined();
  });
});
