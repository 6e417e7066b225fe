import type { RuleId } from './rule-table';
import type { Fix, Severity } from './types';
import type { Range, TreeNode } from './yaml/tree';

/**
 * What a rule says, before it is placed: rules speak of tree nodes (or raw ranges), and one
 * placement step turns that into line/column, either the reference's way or at the real token.
 */
export interface RuleFinding {
  kind: Severity;
  message: string;
  rule: RuleId;
  /** The node the finding is about; `target` picks its key or its value. */
  node?: TreeNode;
  target?: 'key' | 'value';
  /** An explicit range (e.g. a line inside a unit file's content). */
  range?: Range;
  /** Reference-mode line when there is no node (the reference's own number). */
  refLine?: number;
  fixes?: Fix[];
  /** Another place the finding speaks of, which its message cites by its line (see Finding.related). */
  related?: { range: Range; message: string };
}
