import { ensureSyntaxTree, foldable, getIndentation, HighlightStyle, indentUnit } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { highlightTree, tags } from '@lezer/highlight';
import { describe, expect, it } from 'vitest';
import { yamlSupport } from './yaml-language';

const state = (doc: string) => EditorState.create({ doc, extensions: yamlSupport() });

/** The folded range from a line, as [first folded line, last folded line], or null. */
function foldFrom(doc: string, lineNumber: number): [number, number] | null {
  const s = state(doc);
  const line = s.doc.line(lineNumber);
  const range = foldable(s, line.from, line.to);
  return range ? [s.doc.lineAt(range.from).number, s.doc.lineAt(range.to).number] : null;
}

describe('YAML folding', () => {
  const doc = [
    '#cloud-config', //        1
    'coreos:', //              2
    '  units:', //             3
    '    - name: a.service', // 4
    '      command: start', //  5
    '', //                     6
    '    - name: b.service', // 7
    'write_files:', //         8
    '- path: /etc/x', //       9
    '  content: hi', //        10
    'hostname: h', //          11
  ].join('\n');

  it('folds a key over the lines indented deeper, blank lines among them', () => {
    expect(foldFrom(doc, 2)).toEqual([2, 7]);
    expect(foldFrom(doc, 3)).toEqual([3, 7]);
    expect(foldFrom(doc, 4)).toEqual([4, 5]);
  });

  it('folds a block that runs to the end of the text, with a tab among its blanks', () => {
    expect(foldFrom('a:\n  b: 1\n\t\n  c: 2', 1)).toEqual([1, 4]);
    expect(foldFrom('a:\n  b: 1\n\t\n  c: 2', 4)).toBeNull();
  });

  it('folds a key over a list written at its own indentation', () => {
    expect(foldFrom(doc, 8)).toEqual([8, 10]);
  });

  it('has nothing to fold on a line with nothing deeper after it', () => {
    expect(foldFrom(doc, 5)).toBeNull();
    expect(foldFrom(doc, 7)).toBeNull();
    expect(foldFrom(doc, 11)).toBeNull();
    expect(foldFrom(doc, 6)).toBeNull();
  });
});

describe('YAML colours', () => {
  it('marks keys as property names, comments and strings as such', () => {
    const s = state('# note\nhostname: "h"\n');
    const tree = ensureSyntaxTree(s, s.doc.length, 1000)!;
    const style = HighlightStyle.define([
      { tag: tags.propertyName, class: 'key' },
      { tag: tags.comment, class: 'comment' },
      { tag: tags.string, class: 'string' },
    ]);
    const spans: [string, string][] = [];
    highlightTree(tree, style, (from, to, cls) => spans.push([s.sliceDoc(from, to), cls]));
    expect(spans).toEqual([
      ['# note', 'comment'],
      ['hostname', 'key'],
      ['"h"', 'string'],
    ]);
  });
});

describe('YAML indentation of a new line', () => {
  /** The indentation a line added after `doc` gets. */
  const next = (doc: string) => {
    const s = EditorState.create({ doc: `${doc}\n`, extensions: [yamlSupport(), indentUnit.of('  ')] });
    return getIndentation(s, s.doc.length);
  };

  it('lines up with the content of the line before, after a list item’s dash', () => {
    expect(next('hostname: a')).toBe(0);
    expect(next('storage:\n  files:\n    - path: /etc/motd')).toBe(6);
    expect(next('- - a')).toBe(4);
    expect(next('    mode: 0644 # comment')).toBe(4);
  });

  it('goes one step deeper after a line that opens a block', () => {
    expect(next('coreos:')).toBe(2);
    expect(next('    - name: a.service\n      content: |')).toBe(8);
    expect(next('  - path: /x\n    content: >- # folded')).toBe(6);
    expect(next('  units: # all of them')).toBe(4);
  });

  it('looks past blank lines to the last line with content', () => {
    expect(next('coreos:\n  etcd2:\n\n')).toBe(4);
  });
});
