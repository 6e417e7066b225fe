import type { TreeNode } from '../../../yaml/tree';

/**
 * The reference's line attribution: it never asks the YAML parser where a key is, it scans the
 * text. A key is the first line at or after its parent's line that reads `KEY:` (after spaces and
 * an optional `- `); a list item is the next line starting with `-` after the previous item.
 * Not found means line 0, and everything below it is then 0 too. Lookups go through an index,
 * so the scan costs O(n log n) instead of the reference's quadratic walk.
 */
export function referenceLines(text: string, root: TreeNode): Map<TreeNode, number> {
  const lines = text.replace(/\r/g, '').split('\n');
  const keyLines = new Map<string, number[]>();
  const itemLines: number[] = [];
  const keyPattern = /^ *-? ?([^\n]*?):/;
  lines.forEach((line, i) => {
    const n = i + 1;
    const m = keyPattern.exec(line);
    if (m) {
      const list = keyLines.get(m[1]);
      if (list) list.push(n);
      else keyLines.set(m[1], [n]);
    }
    if (/^ *-/.test(line)) itemLines.push(n);
  });

  const firstAtOrAfter = (list: number[] | undefined, from: number): number => {
    if (!list || from === Infinity) return 0;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < list.length ? list[lo] : 0;
  };

  const out = new Map<TreeNode, number>();
  const walk = (node: TreeNode, from: number) => {
    if (node.kind === 'map') {
      for (const child of node.children) {
        const line = firstAtOrAfter(keyLines.get(child.rawName), from);
        out.set(child, line);
        walk(child, line || Infinity);
      }
    } else if (node.kind === 'seq') {
      let at = from;
      for (const child of node.children) {
        const line = firstAtOrAfter(itemLines, at);
        out.set(child, line);
        walk(child, line || Infinity);
        at = line ? line + 1 : Infinity;
      }
    }
  };
  out.set(root, 0);
  walk(root, 1);
  return out;
}
