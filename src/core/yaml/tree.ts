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
}

/** Why the reference's decoder would give up on the document. */
export class TreeError extends Error {
  constructor(
    message: string,
    readonly code: 'collection-key' | 'alias-budget',
    readonly range: Range,
  ) {
    super(message);
  }
}

/** Go's %v for float64: shortest representation, exponent outside [1e-4, 1e21). */
export function goFloat(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const abs = Math.abs(v);
  if (abs >= 1e-4 && abs < 1e21) return String(v);
  const [mant, exp] = v.toExponential().split('e');
  const n = Number(exp);
  return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
}
