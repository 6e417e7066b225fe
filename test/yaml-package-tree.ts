/**
 * The value tree built from the `yaml` package's document: the validator's earlier YAML front
 * end, kept as an independent oracle for the tree the libyaml port builds (see
 * src/core/yaml/libyaml/tree.test.ts). Not used by the validator.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Document, type Node as YamlNode } from 'yaml';
import { resolvePlain, type ScalarKind } from '../src/core/yaml/go-scalar';
import { goFloat, goKeyName, mappingEntries, normalisedName, spendBudget, treeNode, TreeError, type DuplicateKey, type NodeBase, type Range, type Tree, type TreeNode, type ValueKind } from '../src/core/yaml/tree';

interface Ctx {
  doc: Document;
  budget: number;
  duplicates: DuplicateKey[];
}



/** The node's [start, valueEnd] — its own range array, not a copy (one less allocation per node). */
function rangeOf(node: YamlNode | null | undefined, fallback: Range): Range {
  return (node?.range as Range | undefined) ?? fallback;
}


function scalarOf(node: Scalar): { kind: ScalarKind; value: string | number | boolean | null; text: string; binary?: boolean } {
  const text = node.value == null ? '' : String(node.value);
  if (node.tag === 'tag:yaml.org,2002:str' || node.tag === '!!str') return { kind: 'str', value: text, text };
  if (node.value instanceof Uint8Array) {
    const bytes = Array.from(node.value, (b) => String.fromCharCode(b)).join('');
    return { kind: 'str', value: bytes, text: bytes, binary: true };
  }
  if (node.type === 'PLAIN' || node.type === undefined) {
    const r = resolvePlain(text);
    return { ...r, text };
  }
  return { kind: 'str', value: text, text };
}




/** Go's %#v of a decoded value, for the reference's "invalid map key" message. */
function goSyntax(node: YamlNode | null, ctx: Ctx, depth = 0): string {
  if (depth > 20) return '...';
  if (isAlias(node)) return goSyntax(node.resolve(ctx.doc) ?? null, ctx, depth + 1);
  if (isMap(node)) {
    const parts = node.items.map((p) => `${goSyntax(p.key as YamlNode, ctx, depth + 1)}:${goSyntax(p.value as YamlNode, ctx, depth + 1)}`);
    return `map[interface {}]interface {}{${parts.sort().join(', ')}}`;
  }
  if (isSeq(node)) return `[]interface {}{${node.items.map((i) => goSyntax(i as YamlNode, ctx, depth + 1)).join(', ')}}`;
  if (isScalar(node)) {
    const s = scalarOf(node);
    if (s.kind === 'null') return 'interface {}(nil)';
    if (s.kind === 'str') return JSON.stringify(s.value);
    if (s.kind === 'float') return goFloat(s.value as number);
    return String(s.value);
  }
  return 'interface {}(nil)';
}

function build(yamlNode: YamlNode | null, base: NodeBase, ctx: Ctx, seen: number): TreeNode {
  spendBudget(ctx, base.valueRange);
  if (isAlias(yamlNode)) {
    if (seen > 64) throw new TreeError('aliases nest more than 64 deep (a recursive alias?)', 'alias-budget', base.valueRange);
    const target = yamlNode.resolve(ctx.doc);
    return build((target as YamlNode) ?? null, base, ctx, seen + 1);
  }
  if (isMap(yamlNode)) {
    const out = treeNode(base, 'map', null, '');
    const add = mappingEntries(out, ctx.duplicates);
    const addEntries = (mapNode: YamlNode, fromMerge = false) => {
      if (!isMap(mapNode)) return;
      for (const pair of mapNode.items) {
        if (!isPair(pair)) continue;
        let keyNode = pair.key as YamlNode | null;
        if (isAlias(keyNode)) keyNode = (keyNode.resolve(ctx.doc) as YamlNode) ?? null;
        const keyRange = rangeOf(pair.key as YamlNode, base.valueRange);
        const valueNode = pair.value as YamlNode | null;
        const valueRange = rangeOf(valueNode, [keyRange[1], keyRange[1]]);
        if (keyNode && (isMap(keyNode) || isSeq(keyNode))) {
          throw new TreeError(`invalid map key: ${goSyntax(keyNode, ctx)}`, 'collection-key', keyRange);
        }
        const k = keyNode && isScalar(keyNode) ? scalarOf(keyNode) : { kind: 'null' as ScalarKind, value: null, text: '' };
        if (k.kind === 'merge') {
          // A merged list applies from its last map back, as go-yaml does.
          const sources = isSeq(valueNode) ? [...valueNode.items].reverse() : [valueNode];
          for (const src of sources) {
            let s = src as YamlNode | null;
            if (isAlias(s)) s = (s.resolve(ctx.doc) as YamlNode) ?? null;
            if (s) addEntries(s, true);
          }
          continue;
        }
        const kind = k.kind as ValueKind;
        const rawName = goKeyName(kind, k.value, k.text);
        const name = normalisedName(rawName);
        const child = build(
          valueNode,
          {
            rawName,
            name,
            path: [...base.path, name],
            keyRange,
            valueRange,
            keyIsString: kind === 'str',
            keyQuoted: isScalar(pair.key) && pair.key.type !== 'PLAIN',
          },
          ctx,
          seen,
        );
        add(child, kind, k.value, k.text, fromMerge);
      }
    };
    addEntries(yamlNode);
    return out;
  }
  if (isSeq(yamlNode)) {
    const out = treeNode(base, 'seq', null, '');
    yamlNode.items.forEach((item, i) => {
      const itemNode = item as YamlNode | null;
      const rawName = `${base.rawName}[${i}]`;
      out.children.push(
        build(
          itemNode,
          {
            rawName,
            name: normalisedName(rawName),
            path: [...base.path, i],
            valueRange: rangeOf(itemNode, base.valueRange),
            keyIsString: true,
          },
          ctx,
          seen,
        ),
      );
    });
    return out;
  }
  if (isScalar(yamlNode)) {
    const s = scalarOf(yamlNode);
    const kind: ValueKind = s.kind === 'merge' ? 'str' : s.kind;
    const out = treeNode(base, kind, s.value, s.text);
    if (s.binary) out.binary = true;
    return out;
  }
  return treeNode(base, 'null', null, '');
}

/** Builds the value tree of a parsed document; throws TreeError where go-yaml would fail. */
export function buildTree(doc: Document, budget: number): Tree {
  const ctx: Ctx = { doc, budget, duplicates: [] };
  const contents = doc.contents as YamlNode | null;
  const root = build(
    contents,
    { rawName: '', name: '', path: [], valueRange: rangeOf(contents, [0, 0]), keyIsString: true },
    ctx,
    0,
  );
  return { root, duplicates: ctx.duplicates };
}
