import { documentPath, type PathStep } from '../document-path';
import type { TreeNode } from './tree';

/**
 * Document paths of a tree's nodes, keys as written (`reboot-strategy`, where `TreeNode.path`
 * holds the normalised `reboot_strategy`). The parent links are built on the first call, so a
 * document without findings costs nothing.
 */
export function nodePaths(root: TreeNode): (node: TreeNode) => string | undefined {
  let parents: Map<TreeNode, { parent: TreeNode; step: PathStep }> | undefined;
  const link = () => {
    const map = new Map<TreeNode, { parent: TreeNode; step: PathStep }>();
    const stack = [root];
    while (stack.length) {
      const n = stack.pop()!;
      n.children.forEach((c, i) => {
        // An alias expands to the same nodes: they keep the first place they are met at.
        if (map.has(c) || c === root) return;
        map.set(c, { parent: n, step: n.kind === 'seq' ? i : c.rawName });
        stack.push(c);
      });
    }
    return map;
  };
  return (node) => {
    parents ??= link();
    const steps: PathStep[] = [];
    for (let n = node; n !== root; ) {
      const up = parents.get(n);
      if (!up) return undefined;
      steps.push(up.step);
      n = up.parent;
    }
    return documentPath(steps.reverse());
  };
}
