import type { RuleFinding } from '../../../findings';
import type { Range, TreeNode } from '../../../yaml/tree';
import { childNamed, mapItems, scalarText, type Rule, type RuleContext } from './context';
import { isTemplated } from './template';
import { unitsOf } from './units';
import { quoted } from '../../../text/quote';

interface Entry {
  /** What makes two entries the same; undefined for entries that cannot clash. */
  key?: string;
  node?: TreeNode;
}

/** Later entries whose key repeats an earlier one's, each with the earlier entry's value and its line. */
function repeats(ctx: RuleContext, entries: Entry[]): { node: TreeNode; first: Range; firstLine: number }[] {
  const seen = new Map<string, TreeNode>();
  const out: { node: TreeNode; first: Range; firstLine: number }[] = [];
  for (const { key, node } of entries) {
    if (key === undefined || !node || isTemplated(key)) continue;
    const first = seen.get(key);
    if (first) out.push({ node, first: first.valueRange, firstLine: ctx.lines.lineOf(first.valueRange[0]) });
    else seen.set(key, node);
  }
  return out;
}

export const duplicateUnit: Rule = {
  id: 'duplicate-unit',
  check(ctx) {
    // Only entries that write the unit: listing one twice just to act on it (stop, then restart) is fine.
    const units = unitsOf(ctx.tree.root).map((u) => ({ key: u.content ? u.name : undefined, node: u.nameNode }));
    return repeats(ctx, units).map(({ node, first, firstLine }): RuleFinding => ({
      kind: 'warning',
      message: `unit ${quoted(node.text)} already gets content at line ${firstLine}; this later content replaces it: merge the two entries`,
      rule: 'duplicate-unit',
      node,
      target: 'value',
      related: { range: first, message: 'the first entry for this unit' },
    }));
  },
};

/** A path as the file system resolves it: no doubled slashes, `.` segments or trailing slash. */
const normalPath = (p: string) => p.replace(/\/+/g, '/').replace(/\/(\.\/)+/g, '/').replace(/(.)\/$/, '$1');

export const duplicateFilePath: Rule = {
  id: 'duplicate-file-path',
  check(ctx) {
    const files = mapItems(ctx.tree.root, ['write_files']).map((f) => {
      const node = childNamed(f, 'path');
      const path = scalarText(node);
      return { key: path === undefined ? undefined : normalPath(path), node };
    });
    return repeats(ctx, files).map(({ node, first, firstLine }): RuleFinding => ({
      kind: 'warning',
      message: `path ${quoted(node.text)} names the file already written at line ${firstLine}; this later entry replaces it: keep one entry per path`,
      rule: 'duplicate-file-path',
      node,
      target: 'value',
      related: { range: first, message: 'the first entry for this file' },
    }));
  },
};
