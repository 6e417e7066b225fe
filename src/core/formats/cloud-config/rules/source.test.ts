import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../../text/line-index';
import { buildTreeFromLibyaml } from '../../../yaml/libyaml/tree';
import { nodeAt, type RuleContext } from './context';
import { valueLines, valueSpan, verbatimSpan } from './source';

function ctxOf(text: string): RuleContext {
  return { text, lines: new LineIndex(text), tree: buildTreeFromLibyaml(text, 1000), target: 'flatcar' };
}

const at = (text: string, key: string) => {
  const ctx = ctxOf(text);
  return { ctx, node: nodeAt(ctx.tree.root, [key])! };
};

describe('source positions of a value', () => {
  it('maps a plain or quoted single-line value', () => {
    const { ctx, node } = at('a: hello world\nb: "x y"\n', 'a');
    expect(verbatimSpan(ctx, node, 6, 11)).toEqual([9, 14]);
    const b = nodeAt(ctx.tree.root, ['b'])!;
    expect(ctx.text.slice(...verbatimSpan(ctx, b, 2, 3)!)).toBe('y');
  });

  it('maps each line of a literal block, more-indented lines too', () => {
    const text = 'a: |\n  one\n    two\n\n  three\nb: 1\n';
    const { ctx, node } = at(text, 'a');
    expect(valueLines(ctx, node).map((l) => (l.at === undefined ? undefined : text.slice(l.at, l.at + l.text.length)))).toEqual(['one', '  two', '', 'three', undefined]);
    expect(text.slice(...valueSpan(ctx, node, 'one\n  two\n\n'.length, 'one\n  two\n\nthree'.length))).toBe('three');
  });

  it('maps literal blocks with CRLF line ends, a chomping or an indentation indicator', () => {
    for (const text of ['a: |-\r\n    w\r\n\r\n    x yz\r\n', 'a: |2\n    x yz\n', 'a: |+\n  w\n  x yz\n\n']) {
      const { ctx, node } = at(text, 'a');
      const from = node.text.indexOf('yz');
      expect(text.slice(...verbatimSpan(ctx, node, from, from + 2)!), JSON.stringify(text)).toBe('yz');
    }
  });

  it('falls back to the whole value where it is not written verbatim', () => {
    for (const text of ['a: "x\\ty"\n', 'a: >\n  x\n  y\n', 'a: x\n  y\n', "a: 'it''s'\n"]) {
      const { ctx, node } = at(text, 'a');
      expect(verbatimSpan(ctx, node, 0, 1), text).toBeUndefined();
      expect(valueSpan(ctx, node, 0, 1)).toEqual(node.valueRange);
    }
  });
});
