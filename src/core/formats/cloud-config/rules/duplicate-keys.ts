import type { RuleFinding } from '../../../findings';
import type { Range } from '../../../yaml/tree';
import { goQuote } from '../reference/go-format';
import { bootDecode, rejectedMessage } from './boot-decode';
import { nodeAt, type Rule } from './context';

const within = (r: Range, outer: Range) => r[0] >= outer[0] && r[1] <= outer[1];

export const duplicateKey: Rule = {
  id: 'duplicate-key',
  check(ctx) {
    const seen = new Set<string>();
    const out: RuleFinding[] = [];
    const written = ctx.tree.duplicates.flatMap((d) => {
      const parent = nodeAt(ctx.tree.root, d.path.slice(0, -1));
      if (!parent) return [];
      // A key brought in by a merge (<<) lives elsewhere; overriding it is what merges are for.
      // Both keys elsewhere: the mapping is an alias's expansion, the same duplicate again.
      return within(d.first, parent.valueRange) === within(d.second, parent.valueRange) ? [{ d, parent, id: `${d.first[0]}:${d.second[0]}` }] : [];
    });
    // Flatcar's decoder fails on a duplicate in any mapping it reads, an aliased one included.
    const visited = ctx.target === 'flatcar' ? bootDecode(ctx).visited : undefined;
    const refused = new Set(written.filter((w) => visited?.has(w.parent)).map((w) => w.id));
    for (const { d, parent, id } of written) {
      // An aliased mapping is expanded at each use; report its duplicate once.
      if (seen.has(id)) continue;
      seen.add(id);
      const firstLine = ctx.lines.lineOf(d.first[0]);
      // The entry that stands: the second key replaced the first.
      const node = parent.children.find((c) => c.keyRange?.[0] === d.second[0]);
      if (refused.has(id)) {
        const raw = node?.rawName ?? d.name;
        out.push({
          kind: 'error',
          message: `${rejectedMessage(`mapping key ${goQuote(raw)} already defined at line ${firstLine}`)}; merge the two into one`,
          rule: 'duplicate-key',
          node,
          range: d.second,
          related: { range: d.first, message: 'the key given first' },
        });
        continue;
      }
      const token = ctx.text.slice(d.second[0], d.second[1]);
      const key = /^["']/.test(token) ? token : `"${token}"`;
      out.push({
        kind: 'warning',
        message: `duplicate key ${key}: the first value, at line ${firstLine}, is silently lost; merge the two into one`,
        rule: 'duplicate-key',
        node,
        range: d.second,
        related: { range: d.first, message: 'the key given first, whose value is lost' },
      });
    }
    return out;
  },
};
