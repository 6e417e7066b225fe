import type { RuleFinding } from '../findings';
import type { LineIndex } from '../text/line-index';
import type { Tree, TreeNode } from '../yaml/tree';

/** What a check of the `all` rule set gets: the source, its line index and the value tree. */
export interface RuleContext {
  text: string;
  lines: LineIndex;
  tree: Tree;
}

/** A check beyond the reference. Pure: it reads the context and returns findings. */
export interface Rule {
  id: string;
  /** One-paragraph help text shown in the app and linked from each finding. */
  help: string;
  check(ctx: RuleContext): RuleFinding[];
}

export const childNamed = (n: TreeNode | undefined, name: string): TreeNode | undefined =>
  n?.children.find((c) => c.name === name);

/** The node at a path of normalised keys and indices. */
export function nodeAt(root: TreeNode, path: readonly (string | number)[]): TreeNode | undefined {
  let n: TreeNode | undefined = root;
  for (const step of path) {
    if (!n) return undefined;
    n = typeof step === 'number' ? (n.kind === 'seq' ? n.children[step] : undefined) : childNamed(n, step);
  }
  return n;
}
