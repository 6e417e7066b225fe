import type { Shape } from '../schema/shape';
import type { TreeNode, ValueKind } from '../../../yaml/tree';

/**
 * The reference reads the document twice: loosely (every scalar typed by YAML 1.1 rules) and
 * into its Go structs, then keeps the struct's value where the two agree on a kind. The visible
 * effect: a scalar in a string field becomes its source text (`off` stays "off", `0644` stays
 * "0644"), while a number in a bool field stays a number (and is then reported).
 */

export type GoKind = 'map' | 'slice' | 'string' | 'int' | 'float64' | 'bool' | 'struct' | 'invalid';

/** A value as decoded into the reference's Go structs (the "strong" reading). */
export interface Strong {
  kind: GoKind;
  value: string | number | boolean | null;
  fields?: Map<string, Strong>;
  items?: Strong[];
}

export interface Coerced {
  kind: GoKind;
  value: string | number | boolean | null;
}

const WEAK_KIND: Record<ValueKind, GoKind> = {
  map: 'map',
  seq: 'slice',
  str: 'string',
  int: 'int',
  float: 'float64',
  bool: 'bool',
  null: 'invalid',
};

/** The Go kind of a value read loosely; yaml.v3 reads a timestamp as a time.Time, a struct. */
export const weakKind = (n: TreeNode): GoKind => (n.timestamp ? 'struct' : WEAK_KIND[n.kind]);

/** The reference's isCompatible(n, g). */
export function isCompatible(n: GoKind, g: GoKind): boolean {
  switch (g) {
    case 'string':
      return n === 'string' || n === 'int' || n === 'float64' || n === 'bool';
    case 'struct':
      return n === 'struct' || n === 'map';
    case 'float64':
      return n === 'float64' || n === 'int';
    default:
      return n === g;
  }
}

export function shapeKind(shape: Shape): GoKind {
  switch (shape.goType) {
    case '[]string':
    case '[]struct':
      return 'slice';
    default:
      return shape.goType;
  }
}

export function zero(shape: Shape): Strong {
  if (shape.fields) {
    const fields = new Map<string, Strong>();
    for (const [k, s] of shape.fields) fields.set(k, zero(s));
    if (shape.goType === 'struct') return { kind: 'struct', value: null, fields };
  }
  switch (shape.goType) {
    case '[]string':
    case '[]struct':
      return { kind: 'slice', value: null, items: [] };
    case 'string':
      return { kind: 'string', value: '' };
    case 'bool':
      return { kind: 'bool', value: false };
    default:
      return { kind: shape.goType as GoKind, value: 0 };
  }
}

/** A mapping entry's occurrences, the first given first (see TreeNode.earlier). */
function occurrences(n: TreeNode): TreeNode[] {
  const out = [n];
  for (let e = n.earlier; e; e = e.earlier) out.unshift(e);
  return out;
}

/**
 * go-yaml v1 decoding of one value into a field of the given shape, over what the field holds
 * (`into`): a mapping sets the fields it has, a list appends; undefined = mismatch, which
 * leaves the field as it was.
 */
function decode(w: TreeNode, shape: Shape, into?: Strong): Strong | undefined {
  if (w.kind === 'null') return zero(shape);
  switch (shape.goType) {
    case 'struct': {
      if (w.kind !== 'map') return undefined;
      const out = into?.fields ? into : zero(shape);
      for (const child of w.children) {
        const fieldShape = shape.fields!.get(child.name);
        if (!fieldShape) continue;
        // A key given twice is decoded into the field each time.
        let value = out.fields!.get(child.name);
        for (const occurrence of child.earlier ? occurrences(child) : [child]) value = decode(occurrence, fieldShape, value) ?? value;
        if (value) out.fields!.set(child.name, value);
      }
      return out;
    }
    case '[]string':
    case '[]struct': {
      if (w.kind !== 'seq') return undefined;
      const items: Strong[] = into?.items ? [...into.items] : [];
      for (const child of w.children) {
        const v = decode(child, shape.element!);
        if (v) items.push(v);
      }
      return { kind: 'slice', value: null, items };
    }
    case 'string':
      return w.kind === 'map' || w.kind === 'seq' ? undefined : { kind: 'string', value: w.text };
    case 'bool':
      return w.kind === 'bool' ? { kind: 'bool', value: w.value } : undefined;
    case 'int':
      if (w.kind === 'int') return { kind: 'int', value: w.value };
      if (w.kind === 'float') return { kind: 'int', value: Math.trunc(w.value as number) };
      return undefined;
    case 'float64':
      return w.kind === 'int' || w.kind === 'float' ? { kind: 'float64', value: w.value } : undefined;
  }
}

const hasChildren = (s: Strong) => (s.fields ? s.fields.size > 0 : (s.items?.length ?? 0) > 0);

function childOf(s: Strong | undefined, w: TreeNode): Strong | undefined {
  if (!s) return undefined;
  const last = w.path[w.path.length - 1];
  if (typeof last === 'number') return s.items?.[last];
  return s.fields?.get(w.name);
}

/**
 * The value the reference's rules see for each leaf of the tree. `strong` is the struct
 * reading (go-yaml v1's by default; Flatcar's target passes yaml.v3's).
 */
export function coerce(root: TreeNode, rootShape: Shape, strong?: Strong): Map<TreeNode, Coerced> {
  const out = new Map<TreeNode, Coerced>();
  const walk = (w: TreeNode, s: Strong | undefined) => {
    if (w.children.length === 0 && s && !hasChildren(s) && w.kind !== 'null' && isCompatible(weakKind(w), s.kind)) {
      out.set(w, { kind: s.kind, value: s.value });
    }
    for (const child of w.children) walk(child, childOf(s, child));
  };
  walk(root, strong ?? decode(root, rootShape) ?? zero(rootShape));
  return out;
}

/** The value as the rules see it: coerced where the reference coerces, else the loose one. */
export function seen(n: TreeNode, coerced: Map<TreeNode, Coerced>): Coerced {
  return coerced.get(n) ?? { kind: weakKind(n), value: n.value };
}
