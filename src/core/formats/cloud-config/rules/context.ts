import type { RuleFinding } from '../../../findings';
import type { RuleId } from '../../../rule-table';
import type { LineIndex } from '../../../text/line-index';
import type { Target } from '../../../types';
import { childNamed, type Tree, type TreeNode } from '../../../yaml/tree';
import type { BootDecode } from './boot-decode';

export { childNamed };

/** What a check of the `all` rule set gets: the source, its line index, the value tree and the target. */
export interface RuleContext {
  text: string;
  lines: LineIndex;
  tree: Tree;
  target: Target;
}

/** What an enrichment gets: the rule context, and for Flatcar how its boot reads the document. */
export interface EnrichContext extends RuleContext {
  boot?: BootDecode;
}

/**
 * The all set's rewriting of one reference finding (said better, with a fix), kept beside the
 * code that knows its subject and registered by rule id in ./index.ts.
 */
export type Enrich = (f: RuleFinding, ctx: EnrichContext) => RuleFinding;

/** A check beyond the reference. Pure: it reads the context and returns findings. */
export interface Rule {
  /** Its entry in the rule table, where its title and help text live. */
  id: RuleId;
  check(ctx: RuleContext): RuleFinding[];
}


/** The node at a path of normalised keys and indices. */
export function nodeAt(root: TreeNode, path: readonly (string | number)[]): TreeNode | undefined {
  let n: TreeNode | undefined = root;
  for (const step of path) {
    if (!n) return undefined;
    n = typeof step === 'number' ? (n.kind === 'seq' ? n.children[step] : undefined) : childNamed(n, step);
  }
  return n;
}

/** The mapping items of a list at `path` (other items and non-lists give nothing). */
export function mapItems(root: TreeNode, path: readonly string[]): TreeNode[] {
  const list = nodeAt(root, path);
  return list?.kind === 'seq' ? list.children.filter((c) => c.kind === 'map') : [];
}

/** A scalar child's text, or undefined when it is absent, empty or not a scalar. */
export function scalarText(n: TreeNode | undefined): string | undefined {
  if (!n || n.kind === 'map' || n.kind === 'seq' || n.kind === 'null') return undefined;
  return n.text;
}

/** The first key of a mapping item: where to point at an entry that lacks a key. */
export const firstKey = (item: TreeNode): TreeNode => item.children[0] ?? item;
