import type { RuleFinding } from '../findings';
import type { Range } from '../yaml/tree';
import { nodeAt, type Rule } from './context';

const within = (r: Range, outer: Range) => r[0] >= outer[0] && r[1] <= outer[1];

export const duplicateKey: Rule = {
  id: 'duplicate-key',
  title: 'Duplicate key',
  help: 'When a mapping has the same key twice, coreos-cloudinit keeps only the last value and drops the first without a word (a second coreos: replaces the whole first one). Merge the two. Keys that override a merged <<: *anchor are not duplicates.',
  check(ctx) {
    const seen = new Set<string>();
    const out: RuleFinding[] = [];
    for (const d of ctx.tree.duplicates) {
      const parent = nodeAt(ctx.tree.root, d.path.slice(0, -1));
      // Keys brought in by a merge (<<) live elsewhere; overriding them is what merges are for.
      if (!parent || !within(d.first, parent.valueRange) || !within(d.second, parent.valueRange)) continue;
      // An aliased mapping is expanded at each use; report its duplicate once.
      const id = `${d.first[0]}:${d.second[0]}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const written = ctx.text.slice(d.second[0], d.second[1]);
      const key = /^["']/.test(written) ? written : `"${written}"`;
      out.push({
        kind: 'warning',
        message: `duplicate key ${key}: the first value, at line ${ctx.lines.lineOf(d.first[0])}, is silently lost; merge the two into one`,
        rule: 'duplicate-key',
        range: d.second,
      });
    }
    return out;
  },
};
