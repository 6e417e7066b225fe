import { describe, expect, it } from 'vitest';
import { EditorState, Text } from '@codemirror/state';
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
});
