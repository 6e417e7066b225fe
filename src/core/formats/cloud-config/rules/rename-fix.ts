import type { Fix } from '../../../types';
import type { TreeNode } from '../../../yaml/tree';
import type { RuleContext } from './context';

/** The quick fix renaming the key token [from, to), written between its quotes `q` (none: ''). */
export const renameKeyFix = (from: number, to: number, q: string, key: string): Fix => ({ title: `Rename to ${key}`, from, to, insert: `${q}${key}${q}` });

/** The quick fix renaming a key token, keeping its quotes. */
export function renameFix(ctx: Pick<RuleContext, 'text'>, node: TreeNode, key: string): Fix {
  const [from, to] = node.keyRange!;
  return renameKeyFix(from, to, node.keyQuoted ? ctx.text[from] : '', key);
}
