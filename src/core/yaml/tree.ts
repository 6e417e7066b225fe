import { goParseIntExact, goParseUintExact } from '../go/strconv';
/** [from, to) offsets into the source text. */
export type Range = readonly [number, number];

export type ValueKind = 'map' | 'seq' | 'str' | 'int' | 'float' | 'bool' | 'null';

/**
 * One value of the document as the reference reads it (go-yaml into map[interface{}]interface{}):
 * scalars resolved with YAML 1.1 rules, aliases expanded, merge keys applied, duplicate keys
 * collapsed to the last one. Positions stay attached so any finding can point at its token.
 */
export interface TreeNode {
  /** How Go's `%s` prints the key, or `parent[i]` for list items; before `-` becomes `_`. */
  rawName: string;
  /** rawName with `-` replaced by `_`: the name the reference checks and prints. */
  name: string;
  /** Keys and indices from the root, keys normalised. */
  path: readonly (string | number)[];
  kind: ValueKind;
  value: string | number | boolean | null;
  /** For scalars: the text go-yaml puts in a string field (plain scalars stay as written). */
  text: string;
  children: TreeNode[];
  /** Range of the key token, for mapping entries. */
  keyRange?: Range;
  /** Range of the value; for an absent value, the end of the key. */
  valueRange: Range;
  /** Whether the key was a plain or quoted string (non-string keys print as `%!s(...)`). */
  keyIsString: boolean;
  /** Whether the key text was quoted in the source. */
  keyQuoted?: boolean;
  /** A `!!binary` scalar: `text` holds its bytes, one char per byte. */
  binary: boolean;
  /** yaml.v3 trees only: the 1-based line of the node's event, as yaml.v3 prints it. */
  line?: number;
  /** yaml.v3 trees only: the node's short tag (`!!str`, `!!map`, ...), as yaml.v3 prints it. */
  tag?: string;
  /** yaml.v3 trees only: an integer past int64 (a Go uint64). */
  uint64?: boolean;
  /** yaml.v3 trees only: a `!!binary` scalar's text as written (yaml.v3 prints it in errors). */
  source?: string;
  /** yaml.v3 trees only: a plain scalar yaml.v3 reads as a timestamp (a time.Time, not a string). */
  timestamp?: boolean;
  /**
   * Lazily decoded trees only (see FlavourRules.decodeLazily): why decoding this node fails. For a
   * mapping, its merge, which fails after its own keys are decoded; for others, at once.
   */
  fault?: TreeError;
  /** Lazily decoded trees only: why decoding this entry's key fails. */
  keyFault?: TreeError;
  /**
   * Lazily decoded trees only: the node an alias stands for (the YAML node tree, which Butane's
   * context tree is made of, has a leaf there), or an entry a `<<` merge brought in (not there at
   * all; the `<<` entry itself is, as a key like any other).
   */
  aliased?: boolean;
  merged?: boolean;
  /**
   * The value of the same key given before in this mapping, which this one replaced. go-yaml v1
   * decodes every occurrence into a structure's field in turn (a list appends to the list before).
   */
  earlier?: TreeNode;
  /** Lazily decoded trees only: an alias key's name, which that node tree names the entry by (rawName is what it stands for). */
  contextKey?: string;
}

export interface DuplicateKey {
  path: readonly (string | number)[];
  name: string;
  first: Range;
  second: Range;
}

export interface Tree {
  root: TreeNode;
  duplicates: DuplicateKey[];
  /**
   * yaml.v3 trees only: the unmarshal errors of reading the document into a generic map (its
   * duplicate keys, a top level that is not a mapping), as `line N: MESSAGE`.
   */
  typeErrors?: string[];
}

/** The child of a mapping node with the given (normalised) name, as the reference's `Child` finds it. */
export const childNamed = (n: TreeNode | undefined, name: string): TreeNode | undefined => n?.children.find((c) => c.name === name);

/** Why the reference's decoder would give up on the document. */
export class TreeError extends Error {
  constructor(
    message: string,
    readonly code: 'collection-key' | 'alias-budget' | 'unknown-anchor' | 'recursive-alias' | 'bad-merge' | 'bad-scalar' | 'refused-tag',
    readonly range: Range,
  ) {
    super(message);
  }
}

/**
 * Go's %v for float64 (strconv's 'g' with the shortest digits): an exponent when the decimal
 * exponent of those digits is below -4 or at least 6 (1e+06, 1.234567e+06), else plain digits.
 */
export function goFloat(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const [mant, exp] = v.toExponential().split('e');
  const n = Number(exp);
  if (n >= -4 && n < 6) return String(v);
  return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
}

/**
 * Go decoding semantics shared by the tree builders: how a key prints, which keys are the same
 * map key, and the node record itself.
 */

/** A node's fields that come from where it sits (its key or index). */
export type NodeBase = Omit<TreeNode, 'kind' | 'value' | 'text' | 'children' | 'binary'>;

/**
 * The children of every scalar: one shared empty list, where a fresh one per value was most of a
 * leaf's allocation. Only a mapping's or a list's children are ever added to (mappingEntries and
 * the list builders); a test checks that this one stays empty.
 */
export const NO_CHILDREN: TreeNode[] = [];

/** Every node is created here with the same fields in the same order (one hidden class). */
export function treeNode(base: NodeBase, kind: ValueKind, value: TreeNode['value'], text: string): TreeNode {
  return {
    rawName: base.rawName,
    name: base.name,
    path: base.path,
    kind,
    value,
    text,
    children: kind === 'map' || kind === 'seq' ? [] : NO_CHILDREN,
    keyRange: base.keyRange,
    valueRange: base.valueRange,
    keyIsString: base.keyIsString,
    keyQuoted: base.keyQuoted,
    binary: false,
  };
}

/** Go's `%s` of a map key: strings as they are, other types the way fmt flags them. */
export function goKeyName(kind: ValueKind, value: unknown, text: string, uint64 = false): string {
  switch (kind) {
    case 'str':
      return text;
    case 'int': {
      // The digits Go prints, also past 2^53 where the number has lost some; yaml.v3 reads an
      // integer past int64 as a uint64.
      const plain = text.replace(/_/g, '');
      if (uint64) return `%!s(uint64=${goParseUintExact(plain) ?? value})`;
      const exact = Number.isSafeInteger(value) ? undefined : goParseIntExact(plain);
      return `%!s(int=${exact ?? value})`;
    }
    case 'float':
      return `%!s(float64=${goFloat(value as number)})`;
    case 'bool':
      return `%!s(bool=${value})`;
    default:
      return '%!s(<nil>)';
  }
}

/** The reference's name for a key: `-` read as `_`. */
export const normalisedName = (rawName: string): string => (rawName.includes('-') ? rawName.replace(/-/g, '_') : rawName);

/**
 * Adds entries to a mapping node with Go map semantics: a later equal key replaces the earlier
 * one in place; a string key never equals a key of another type. A replacement between two
 * written entries is recorded as a duplicate; one involving a merged (`<<`) entry is what
 * merging is for, and is not.
 */
export function mappingEntries(out: TreeNode, duplicates: DuplicateKey[]) {
  // Key ids by child index; most mappings have a few keys, so they are searched, and indexed only
  // past INDEX_FROM. Which children came from a merge is kept only once one has.
  const ids: string[] = [];
  let byKey: Map<string, number> | undefined;
  let merged: Set<number> | undefined;
  return (child: TreeNode, kind: ValueKind, keyValue: unknown, keyText: string, fromMerge = false) => {
    const id = kind === 'str' ? keyText : `\0${kind}:${String(keyValue)}`;
    let at = byKey ? byKey.get(id) : undefined;
    if (!byKey) for (let i = 0; i < ids.length && at === undefined; i++) if (ids[i] === id) at = i;
    if (at === undefined) {
      at = out.children.length;
      if (byKey) byKey.set(id, at);
      else if (ids.push(id) > INDEX_FROM) byKey = new Map(ids.map((k, i) => [k, i]));
      out.children.push(child);
    } else {
      const prev = out.children[at];
      if (!fromMerge && !merged?.has(at) && prev.keyRange && child.keyRange) {
        duplicates.push({ path: child.path, name: child.name, first: prev.keyRange, second: child.keyRange });
      }
      child.earlier = prev;
      out.children[at] = child;
    }
    if (fromMerge) (merged ??= new Set()).add(at);
    else merged?.delete(at);
  };
}

/** A mapping with more keys than this gets an index of them (see mappingEntries). */
const INDEX_FROM = 16;

/** Counts nodes as aliases expand them; past the budget the document is refused. */
export function spendBudget(ctx: { budget: number }, range: Range): void {
  if (--ctx.budget < 0) throw new TreeError('the document expands to too many values (alias bomb?)', 'alias-budget', range);
}
