import { json } from '@codemirror/lang-json';
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { jsonKeyAt, jsonKeySpotAt } from './json-path';

/** A JSON editor state, and the offset of `|` in the text (removed). */
function at(textWithCursor: string): { state: EditorState; pos: number } {
  const pos = textWithCursor.indexOf('|');
  const state = EditorState.create({ doc: textWithCursor.replace('|', ''), extensions: [json()] });
  ensureSyntaxTree(state, state.doc.length, 5000);
  return { state, pos };
}

describe('jsonKeyAt', () => {
  it('finds the key path under the cursor, through lists, on a key or its value', () => {
    const text = '{"storage": {"files": [{"path": "/a"}, {"path": "e|tc", "mode": 420}]}}';
    const { state, pos } = at(text);
    expect(jsonKeyAt(state, pos)).toMatchObject({ path: ['storage', 'files', 1, 'path'], onKey: false });
    const onKey = at('{"storage": {"files": [{"path": "/a"}, {"path": "etc", "mo|de": 420}]}}');
    const hit = jsonKeyAt(onKey.state, onKey.pos)!;
    expect(hit).toMatchObject({ path: ['storage', 'files', 1, 'mode'], onKey: true });
    expect(onKey.state.sliceDoc(hit.from, hit.to)).toBe('"mode"');
  });

  it('finds nothing on punctuation and white space', () => {
    const { state, pos } = at('{"storage": { | }}');
    expect(jsonKeyAt(state, pos)).toBeUndefined();
  });
});

describe('jsonKeySpotAt', () => {
  it('is a key being typed in an object, with the keys the object has', () => {
    const { state, pos } = at('{"ignition": {"version": "3.4.0"}, "storage": {"files": [{"path": "/a", "ov|}]}}');
    const spot = jsonKeySpotAt(state, pos, false)!;
    expect(spot).toMatchObject({ parent: ['storage', 'files', 0], present: ['path'] });
    expect(state.sliceDoc(spot.from, spot.to)).toBe('ov');
    expect(spot.quoted).toBe(true);
  });

  it('is found in a half-typed config, whose syntax tree has nothing after the open string', () => {
    const text = '{\n  "ignition": { "version": "3.4.0" },\n  "storage": {\n    "files": [\n      { "path": "a", "contents": { "source": "data:,x" }, "overw| }\n    ]\n  }\n}\n';
    const { state, pos } = at(text);
    const spot = jsonKeySpotAt(state, pos, false)!;
    expect(spot).toMatchObject({ parent: ['storage', 'files', 0], present: ['path', 'contents'] });
    expect(state.sliceDoc(spot.from, spot.to)).toBe('overw');
    // Strings with escaped quotes and brackets do not confuse it.
    const tricky = at('{"a\\"{[": 1, "storage": {"links": [{}, {"target": "x\\"]}", "h|');
    expect(jsonKeySpotAt(tricky.state, tricky.pos, false)).toMatchObject({ parent: ['storage', 'links', 1], present: ['target'] });
  });

  it('is a place for a key only after { or , and, unprompted, only once a quote is typed', () => {
    const empty = at('{"storage": {\n  |\n}}');
    expect(jsonKeySpotAt(empty.state, empty.pos, false)).toBeUndefined();
    expect(jsonKeySpotAt(empty.state, empty.pos, true)).toMatchObject({ parent: ['storage'], present: [], quoted: false });
    const value = at('{"storage": "|"}');
    expect(jsonKeySpotAt(value.state, value.pos, true)).toBeUndefined();
  });
});
