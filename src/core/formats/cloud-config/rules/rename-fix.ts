import type { Fix } from '../../../types';
import type { TreeNode } from '../../../yaml/tree';
import type { RuleContext } from './context';

/** The quick fix renaming a key token, keeping its quotes. */
export function renameFix(ctx: Pick<RuleContext, 'text'>, node: TreeNode, key: string): Fix {
  const [from, to] = node.keyRange!;
  const q = node.keyQuoted ? ctx.text[from] : '';
  return { title: `Rename to ${key}`, from, to, insert: `${q}${key}${q}` };
}
