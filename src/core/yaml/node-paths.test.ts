import { describe, expect, it } from 'vitest';
import { documentPath, type PathStep } from '../document-path';
import { buildTreeFromLibyaml } from './libyaml/tree';
import { nodePaths } from './node-paths';
import type { YamlFlavour } from './flavour';
import type { TreeNode } from './tree';

/** Every node of the tree with the steps that reach it, by walking down from the root. */
function everyNode(root: TreeNode): [TreeNode, string][] {
  const out: [TreeNode, string][] = [];
  const walk = (n: TreeNode, steps: PathStep[]) => {
    out.push([n, documentPath(steps)]);
    n.children.forEach((c, i) => walk(c, [...steps, n.kind === 'seq' ? i : c.rawName]));
  };
  walk(root, []);
  return out;
}

const tree = (text: string, flavour: YamlFlavour = 'go-yaml-v1') => buildTreeFromLibyaml(text, 100_000, flavour).root;

describe('nodePaths', () => {
  it('gives each node the keys as written and the indices that lead to it', () => {
    const root = tree('coreos:\n  units:\n    - name: a.service\n      drop-ins:\n        - name: x.conf\nwrite_files:\n  - path: /a\n');
    const pathOf = nodePaths(root);
    const unit = root.children[0].children[0].children[0];
    expect(pathOf(unit.children[1].children[0].children[0])).toBe('$.coreos.units[0].drop-ins[0].name');
    expect(pathOf(root.children[1].children[0].children[0])).toBe('$.write_files[0].path');
    expect(pathOf(root)).toBe('$');
  });

  it('tells apart keys that normalise to the same name', () => {
    const root = tree('a-b: 1\na_b: 2\nc:\n  x-y: {k: 1}\n  x_y: {k: 2}\n');
    const pathOf = nodePaths(root);
    const [first, second] = root.children;
    expect([pathOf(first), pathOf(second)]).toEqual(['$.a-b', '$.a_b']);
    const c = root.children[2];
    expect(pathOf(c.children[1].children[0])).toBe('$.c.x_y.k');
    expect(pathOf(c.children[0].children[0])).toBe('$.c.x-y.k');
  });

  it('places values that aliases and merges bring in where they are used', () => {
    const text = 'base: &b {k: 1, l: [2, 3]}\nuse: *b\nmerged:\n  <<: *b\n  own: 4\nlist: [*b, *b]\n';
    for (const flavour of ['go-yaml-v1', 'yaml-v3'] as const) {
      const root = tree(text, flavour);
      const pathOf = nodePaths(root);
      for (const [node, path] of everyNode(root)) expect(pathOf(node), path).toBe(path);
      expect(everyNode(root).map(([, p]) => p)).toContain('$.list[1].l[0]');
    }
  });

  it('gives every node of a larger document its walk path, and none to a replaced duplicate key', () => {
    const text = 'a:\n  - [1, [2, {"q.r": x}]]\n  - {"": 1, ? 7 : y}\nd: 1\nd: 2\n"key with spaces": {n: null}\n';
    const root = tree(text);
    const pathOf = nodePaths(root);
    for (const [node, path] of everyNode(root)) expect(pathOf(node), path).toBe(path);
    const d = root.children.find((c) => c.name === 'd')!;
    expect(pathOf(d)).toBe('$.d');
    expect(d.earlier).toBeDefined();
    expect(pathOf(d.earlier!)).toBeUndefined();
  });
});
