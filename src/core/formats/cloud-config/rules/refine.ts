import type { RuleFinding } from '../../../findings';
import type { TreeNode } from '../../../yaml/tree';
import type { RuleContext } from './context';
import { collapseDialect } from './dialect';
import { bootDecode, rejectedMessage } from './boot-decode';
import { enrichments } from './index';
import { ignoredHyphenKeys } from './hyphen-keys';
import { isTemplated } from './template';

/** Whether a node (its key, or its value) lies inside one of the ranges. */
function isUnder(n: TreeNode, ranges: readonly (readonly [number, number])[]): boolean {
  const from = (n.keyRange ?? n.valueRange)[0];
  return ranges.some(([a, b]) => from >= a && from < b);
}

/** The reference's checks of a value's content, which say nothing useful about a template placeholder. */
const VALUE_CHECKS = new Set(['invalid-value', 'discovery-url', 'content-encoding']);

/**
 * The `all` rule set's pass over the reference's findings: each is said better by the
 * enrichment its rule registers (./index.ts: a did-you-mean for an unknown key, the allowed
 * values of an invalid one, ...). What spans findings stays here: one note for a foreign dialect
 * instead of a wall of unknown keys, value checks of templated values dropped (unknown until
 * rendered), what Flatcar's boot refuses. The reference rule set never sees this pass.
 */
export function refineForAll(findings: RuleFinding[], ctx: RuleContext): RuleFinding[] {
  const dialect = collapseDialect(findings.filter((f) => f.rule === 'unknown-key'));
  const boot = ctx.target === 'flatcar' ? bootDecode(ctx) : undefined;
  const ignored = boot ? ignoredHyphenKeys(ctx).map(({ key }) => [key.keyRange![0], key.valueRange[1]] as const) : undefined;
  const enrichContext = { ...ctx, boot };
  const typed = new Set<TreeNode>();
  const out: RuleFinding[] = [];
  for (const f of findings) {
    if (VALUE_CHECKS.has(f.rule) && f.node && isTemplated(f.node.text)) continue;
    // Flatcar ignores a hyphenated key and all under it; the hyphenated-key check says so, once.
    if (ignored && f.node && isUnder(f.node, ignored)) continue;
    if (dialect?.replaced.has(f)) {
      if (f.node === dialect.note.node) out.push(dialect.note);
      continue;
    }
    if (f.rule === 'wrong-type' && f.node) typed.add(f.node);
    const enrich = enrichments[f.rule];
    out.push(enrich ? enrich(f, enrichContext) : f);
  }
  // Values the reference's looser type check lets through but yaml.v3 refuses.
  for (const [node, cause] of boot?.rejected ?? []) {
    if (!typed.has(node)) out.push({ kind: 'error', message: rejectedMessage(cause, node), rule: 'wrong-type', node, target: 'value' });
  }
  return out;
}
