import type { TreeNode } from '../yaml/tree';
import type { ConvertContext } from './context';

/**
 * Nothing is dropped in silence: every entry no mapping read gets a note, once, at the highest
 * node that holds nothing that was read.
 */
export function noteLeftovers(ctx: ConvertContext, root: TreeNode): void {
  const reached = new Map<TreeNode, boolean>();
  const anyTaken = (n: TreeNode): boolean => {
    let r = reached.get(n);
    if (r === undefined) {
      r = ctx.handled.has(n) || n.children.some(anyTaken);
      reached.set(n, r);
    }
    return r;
  };
  const visit = (n: TreeNode): void => {
    for (const c of n.children) {
      if (ctx.handled.has(c)) continue;
      // The coreos section only groups others: point into it.
      if (anyTaken(c) || (c.kind === 'map' && c.path.length === 1 && c.name === 'coreos')) {
        visit(c);
        continue;
      }
      if (c.kind === 'null' && c.keyRange) continue;
      const what = c.keyRange ? `${c.rawName}` : `this ${c.kind === 'map' ? 'entry' : 'item'} of ${n.rawName}`;
      ctx.note('convert-not-carried', 'warning', `${what} is not carried over: the converter knows no Butane equivalent`, c, 'key');
    }
  };
  if (root.kind === 'map') visit(root);
}
