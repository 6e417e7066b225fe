/**
 * The value tree built from the `yaml` package's document: the validator's earlier YAML front
 * end, kept as an independent oracle for the tree the libyaml port builds (see
 * src/core/yaml/libyaml/tree.test.ts). Not used by the validator.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Document, type Node as YamlNode } from 'yaml';
import { resolvePlain, type ScalarKind } from '../src/core/yaml/go-scalar';
import { goFloat, TreeError, type DuplicateKey, type Range, type Tree, type TreeNode, type ValueKind } from '../src/core/yaml/tree';

interface Ctx {
  doc: Document;
  budget: number;
  duplicates: DuplicateKey[];
}

/** Go `%s` of a non-string map key. */
function goKeyName(kind: ValueKind, value: unknown, text: string): string {
  switch (kind) {
    case 'str':
      return text;
    case 'int':
      return `%!s(int=${value})`;
    case 'float':
      return `%!s(float64=${goFloat(value as number)})`;
    case 'bool':
      return `%!s(bool=${value})`;
    default:
      return '%!s(<nil>)';
  }
}


/** The node's [start, valueEnd] — its own range array, not a copy (one less allocation per node). */
function rangeOf(node: YamlNode | null | undefined, fallback: Range): Range {
  return (node?.range as Range | undefined) ?? fallback;
}

const normalised = (rawName: string) => (rawName.includes('-') ? rawName.replace(/-/g, '_') : rawName);

function scalarOf(node: Scalar, isKey: boolean): { kind: ScalarKind; value: string | number | boolean | null; text: string; binary?: boolean } {
  const text = node.value == null ? '' : String(node.value);
  if (node.tag === 'tag:yaml.org,2002:str' || node.tag === '!!str') return { kind: 'str', value: text, text };
  if (node.value instanceof Uint8Array) {
    const bytes = Array.from(node.value, (b) => String.fromCharCode(b)).join('');
    return { kind: 'str', value: bytes, text: bytes, binary: true };
  }
  if (node.type === 'PLAIN' || node.type === undefined) {
    const r = resolvePlain(text, isKey);
    return { ...r, text };
  }
  return { kind: 'str', value: text, text };
}

type Base = Omit<TreeNode, 'kind' | 'value' | 'text' | 'children' | 'binary'>;

/** Every node is created here with the same fields in the same order (one hidden class). */
function node(base: Base, kind: ValueKind, value: TreeNode['value'], text: string): TreeNode {
  return {
    rawName: base.rawName,
    name: base.name,
    path: base.path,
    kind,
    value,
    text,
    children: [],
    keyRange: base.keyRange,
    valueRange: base.valueRange,
    keyIsString: base.keyIsString,
    keyQuoted: base.keyQuoted,
    binary: false,
  };
}

function spend(ctx: Ctx, range: Range) {
  if (--ctx.budget < 0) {
    throw new TreeError('the document expands to too many values (alias bomb?)', 'alias-budget', range);
  }
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
    const s = scalarOf(node, false);
    if (s.kind === 'null') return 'interface {}(nil)';
    if (s.kind === 'str') return JSON.stringify(s.value);
    if (s.kind === 'float') return goFloat(s.value as number);
    return String(s.value);
  }
  return 'interface {}(nil)';
}

function build(yamlNode: YamlNode | null, base: Base, ctx: Ctx, seen: number): TreeNode {
  spend(ctx, base.valueRange);
  if (isAlias(yamlNode)) {
    if (seen > 64) throw new TreeError('aliases nest more than 64 deep (a recursive alias?)', 'alias-budget', base.valueRange);
    const target = yamlNode.resolve(ctx.doc);
    return build((target as YamlNode) ?? null, base, ctx, seen + 1);
  }
  if (isMap(yamlNode)) {
    const out = node(base, 'map', null, '');
    const byKey = new Map<string, number>();
    const set = (child: TreeNode, keyId: string) => {
      const at = byKey.get(keyId);
      if (at === undefined) {
        byKey.set(keyId, out.children.length);
        out.children.push(child);
      } else {
        const prev = out.children[at];
        if (prev.keyRange && child.keyRange) {
          ctx.duplicates.push({ path: child.path, name: child.name, first: prev.keyRange, second: child.keyRange });
        }
        out.children[at] = child;
      }
    };
    const addEntries = (mapNode: YamlNode) => {
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
        const k = keyNode && isScalar(keyNode) ? scalarOf(keyNode, true) : { kind: 'null' as ScalarKind, value: null, text: '' };
        if (k.kind === 'merge') {
          const sources = isSeq(valueNode) ? valueNode.items : [valueNode];
          for (const src of sources) {
            let s = src as YamlNode | null;
            if (isAlias(s)) s = (s.resolve(ctx.doc) as YamlNode) ?? null;
            if (s) addEntries(s);
          }
          continue;
        }
        const kind = k.kind as ValueKind;
        const rawName = goKeyName(kind, k.value, k.text);
        const name = normalised(rawName);
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
        // Go map identity: a string key never equals a key of another type.
        set(child, kind === 'str' ? k.text : `\0${kind}:${String(k.value)}`);
      }
    };
    addEntries(yamlNode);
    return out;
  }
  if (isSeq(yamlNode)) {
    const out = node(base, 'seq', null, '');
    yamlNode.items.forEach((item, i) => {
      const itemNode = item as YamlNode | null;
      const rawName = `${base.rawName}[${i}]`;
      out.children.push(
        build(
          itemNode,
          {
            rawName,
            name: normalised(rawName),
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
    const s = scalarOf(yamlNode, false);
    const kind: ValueKind = s.kind === 'merge' ? 'str' : s.kind;
    const out = node(base, kind, s.value, s.text);
    if (s.binary) out.binary = true;
    return out;
  }
  return node(base, 'null', null, '');
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
