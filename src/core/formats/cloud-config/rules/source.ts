import type { Range, TreeNode } from '../../../yaml/tree';
import type { RuleContext } from './context';

/**
 * Where the characters of a scalar's value sit in the source. Only values written verbatim can
 * be mapped: a single-line plain or quoted scalar without escapes, or a literal block (`|`),
 * whose value line i is source line i after the header. Anything else (folded blocks, escapes,
 * multi-line flow scalars, aliases) maps to the whole value token instead.
 */

/** The source and its lines: all the mapping reads of a rule's context (a Butane config has them too). */
type Source = Pick<RuleContext, 'text' | 'lines'>;

export interface ValueLine {
  text: string;
  /** Offset of the value line's first character in the source; undefined when not verbatim. */
  at?: number;
}

function literalBlockLines(ctx: Source, node: TreeNode, values: string[]): ValueLine[] {
  const header = ctx.lines.lineOf(node.valueRange[0]);
  return values.map((text, i) => {
    const [from, to] = ctx.lines.lineRange(header + 1 + i);
    const at = to - text.length;
    const verbatim = at >= from && ctx.text.slice(at, to) === text && /^[ \t]*$/.test(ctx.text.slice(from, at));
    return verbatim ? { text, at } : { text };
  });
}

function inlineStart(ctx: Source, node: TreeNode): number | undefined {
  const start = node.valueRange[0];
  const quoted = ctx.text[start] === '"' || ctx.text[start] === "'";
  const at = quoted ? start + 1 : start;
  return ctx.text.slice(at, at + node.text.length) === node.text ? at : undefined;
}

/** The lines of a scalar's value, each with its source offset where it is written verbatim. */
export function valueLines(ctx: Source, node: TreeNode): ValueLine[] {
  const values = node.text.split('\n');
  if (ctx.text[node.valueRange[0]] === '|') return literalBlockLines(ctx, node, values);
  if (values.length === 1) {
    const at = inlineStart(ctx, node);
    return [at === undefined ? { text: node.text } : { text: node.text, at }];
  }
  return values.map((text) => ({ text }));
}

/** Source range of value characters [from, to) of a scalar, where they are written verbatim. */
export function verbatimSpan(ctx: Source, node: TreeNode, from: number, to: number): Range | undefined {
  let lineStart = 0;
  for (const line of valueLines(ctx, node)) {
    const lineEnd = lineStart + line.text.length;
    if (from >= lineStart && to <= lineEnd) return line.at === undefined ? undefined : [line.at + from - lineStart, line.at + to - lineStart];
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** Source range of value characters [from, to); the whole value token when they are not verbatim. */
export const valueSpan = (ctx: Source, node: TreeNode, from: number, to: number): Range =>
  verbatimSpan(ctx, node, from, to) ?? node.valueRange;
