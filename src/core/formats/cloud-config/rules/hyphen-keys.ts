import type { RuleFinding } from '../../../findings';
import { rootShape, type Shape } from '../schema/shape';
import type { TreeNode } from '../../../yaml/tree';
import type { Rule, RuleContext } from './context';
import { renameFix } from './rename-fix';
import { quoted } from '../../../text/quote';

/**
 * A key written with `-` whose `_` spelling is a known key at that place. CoreOS's
 * coreos-cloudinit read every `-` in a key as `_`; Flatcar's reads keys as written (since
 * 3975.2.0), while its validator still maps them, so these keys pass validation and are
 * ignored at boot.
 */
const isHyphenated = (n: TreeNode) => n.keyRange !== undefined && n.keyIsString && n.rawName !== n.name;

/** The hyphenated known keys, outermost ones only (what is under one is ignored with it). */
export function ignoredHyphenKeys(ctx: Pick<RuleContext, 'tree'>): { parent: TreeNode; key: TreeNode }[] {
  const out: { parent: TreeNode; key: TreeNode }[] = [];
  // Down the known keys only, each with its shape.
  const visit = (n: TreeNode, shape: Shape) => {
    const fields = shape.goType === 'struct' ? shape.fields : undefined;
    for (const c of n.children) {
      const field = fields ? fields.get(c.name) : shape.element;
      if (!field) continue;
      if (fields && isHyphenated(c)) out.push({ parent: n, key: c });
      else if (c.children.length > 0) visit(c, field);
    }
  };
  visit(ctx.tree.root, rootShape);
  return out;
}

function findingFor(ctx: RuleContext, parent: TreeNode, n: TreeNode): RuleFinding {
  const under = n.kind === 'map' || n.kind === 'seq' ? ' and everything under it' : '';
  const message = `Flatcar ignores ${quoted(n.rawName)}${under}: since 3975.2.0 keys are read as written; write ${quoted(n.name)}`;
  const twin = parent.children.find((c) => c !== n && c.keyIsString && c.rawName === n.name);
  if (twin) {
    // Renaming would make a duplicate key, which Flatcar refuses outright.
    const line = ctx.lines.lineOf(twin.keyRange![0]);
    return {
      kind: 'error',
      message: `${message}, and merge it with the ${quoted(n.name)} at line ${line}, the one Flatcar reads`,
      rule: 'hyphenated-key',
      node: n,
      target: 'key',
      related: { range: twin.keyRange!, message: `the ${quoted(n.name)} Flatcar reads` },
    };
  }
  return { kind: 'error', message, rule: 'hyphenated-key', node: n, target: 'key', fixes: [renameFix(ctx, n, n.name)] };
}

export const hyphenatedKey: Rule = {
  id: 'hyphenated-key',
  check(ctx) {
    if (ctx.target !== 'flatcar') return [];
    return ignoredHyphenKeys(ctx).map(({ parent, key }) => findingFor(ctx, parent, key));
  },
};
