import { documentPath, type PathStep } from '../document-path';
import type { TreeNode } from './tree';

/**
 * Document paths of a tree's nodes, keys as written (`reboot-strategy`, where `TreeNode.path`
 * holds the normalised `reboot_strategy`). A node is found by following its own `path` down
 * from the root, so a lookup costs the widths of the mappings on the way and the tree itself
 * is never indexed: a large document with a few findings pays for those few.
 */
export function nodePaths(root: TreeNode): (node: TreeNode) => string | undefined {
  return (node) => {
    const steps: PathStep[] = [];
    return descend(root, node, 0, steps) ? documentPath(steps) : undefined;
  };
}

/**
 * Whether `node` is `at` or below it along `node.path` from `depth`, the steps there pushed on
 * `steps`. Keys are matched by normalised name, which two keys of one mapping can share
 * (`a-b`, `a_b`), so each candidate is tried; a replaced duplicate (TreeNode.earlier) is in no
 * mapping and has no path.
 */
function descend(at: TreeNode, node: TreeNode, depth: number, steps: PathStep[]): boolean {
  if (at === node) return true;
  if (depth >= node.path.length) return false;
  const step = node.path[depth];
  if (at.kind === 'seq') {
    const item = typeof step === 'number' ? at.children[step] : undefined;
    if (!item) return false;
    steps.push(step);
    if (descend(item, node, depth + 1, steps)) return true;
    steps.pop();
    return false;
  }
  for (const child of at.children) {
    if (child.name !== step) continue;
    steps.push(child.rawName);
    if (descend(child, node, depth + 1, steps)) return true;
    steps.pop();
  }
  return false;
}
