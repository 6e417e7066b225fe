/**
 * Scalar resolution as the two reference YAML libraries do it, each following its resolve(tag,
 * text): go-yaml v1 (coreos/yaml, CoreOS; YAML 1.1 words) and gopkg.in/yaml.v3 (Flatcar; YAML
 * 1.2 words, timestamps). An explicit tag the value does not resolve to is refused with the
 * library's own message.
 */
import { goParseFloat, goParseInt, goParseUint } from '../go/strconv';

export { goParseFloat, goParseInt } from '../go/strconv';

export type ScalarKind = 'str' | 'int' | 'float' | 'bool' | 'null' | 'merge';
export type ScalarKindV3 = ScalarKind | 'timestamp';

export interface Resolved {
  kind: ScalarKind;
  value: string | number | boolean | null;
}

export interface ResolvedV3 {
  kind: ScalarKindV3;
  value: string | number | boolean | null;
  /** The library's short tag for the value: `!!str`, `!!int`, `!!timestamp`, ... */
  tag: string;
  /** An integer past int64 that fits uint64 (Go's uint64, not int). */
  uint64?: boolean;
}

/** What resolve(tag, text) fails with: the value does not resolve to its explicit tag. */
export interface Refused {
  refused: string;
}

type Table = Map<string, ResolvedV3>;
function table(rows: [string, Omit<ResolvedV3, 'uint64'>][]): Table {
  const t: Table = new Map();
  for (const [words, r] of rows) for (const w of words.split(' ')) t.set(w, r);
  return t;
}

const NULL = { kind: 'null', value: null, tag: '!!null' } as const;
const NAN = { kind: 'float', value: NaN, tag: '!!float' } as const;
const INF = { kind: 'float', value: Infinity, tag: '!!float' } as const;
const NEG_INF = { kind: 'float', value: -Infinity, tag: '!!float' } as const;
const MERGE = { kind: 'merge', value: '<<', tag: '!!merge' } as const;

/** coreos/yaml's resolveMap (the empty string is null too; it is looked up like any other). */
const V1_TABLE = table([
  ['y Y yes Yes YES true True TRUE on On ON', { kind: 'bool', value: true, tag: '!!bool' }],
  ['n N no No NO false False FALSE off Off OFF', { kind: 'bool', value: false, tag: '!!bool' }],
  [' ~ null Null NULL', NULL],
  ['.nan .NaN .NAN', NAN],
  ['.inf .Inf .INF +.inf +.Inf +.INF', INF],
  ['-.inf -.Inf -.INF', NEG_INF],
  ['<<', MERGE],
]);

/** yaml.v3's resolveMap: only true/false words are booleans. */
const V3_TABLE = table([
  ['true True TRUE', { kind: 'bool', value: true, tag: '!!bool' }],
  ['false False FALSE', { kind: 'bool', value: false, tag: '!!bool' }],
  [' ~ null Null NULL', NULL],
  ['.nan .NaN .NAN', NAN],
  ['.inf .Inf .INF +.inf +.Inf +.INF', INF],
  ['-.inf -.Inf -.INF', NEG_INF],
  ['<<', MERGE],
]);

/** The words yaml.v3 still turns into a bool, but only when decoding into a bool field. */
export const YAML11_BOOL_WORDS: ReadonlyMap<string, boolean> = new Map([
  ...'y Y yes Yes YES on On ON'.split(' ').map((w) => [w, true] as const),
  ...'n N no No NO off Off OFF'.split(' ').map((w) => [w, false] as const),
]);

/** resolveTable's hint for a first character: sign, digit, word of the table, or dot. */
function hint(text: string): 'S' | 'D' | 'M' | '.' | undefined {
  if (text === '') return 'M';
  const c = text[0];
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  if (c === '.') return '.';
  return undefined;
}

const str = (text: string): ResolvedV3 => ({ kind: 'str', value: text, tag: '!!str' });
const int = (value: number): ResolvedV3 => ({ kind: 'int', value, tag: '!!int' });
const float = (value: number): ResolvedV3 => ({ kind: 'float', value, tag: '!!float' });

/** coreos/yaml's resolution of a value it looks at (tag empty or one of the core scalar tags). */
function implicitV1(text: string): ResolvedV3 {
  const h = hint(text);
  if (!h) return str(text);
  const hit = V1_TABLE.get(text);
  if (hit) return hit;
  if (h === '.') {
    const f = goParseFloat(text);
    return f === undefined ? str(text) : float(f);
  }
  if (h === 'S' || h === 'D') {
    const plain = text.replace(/_/g, '');
    const i = goParseInt(plain);
    if (i !== undefined) return int(i);
    // Any float Go reads: 1e3, 08, 0x1p3, +Inf.
    const f = goParseFloat(plain);
    if (f !== undefined) return float(f);
    // (The 0b fallbacks after this are reached only by what ParseInt already read.)
  }
  return str(text);
}

const V1_RESOLVABLE = new Set(['', '!!str', '!!bool', '!!int', '!!float', '!!null']);

/**
 * coreos/yaml's resolve(tag, text), `tag` in short form ('' for none). Any other tag (`!`, a
 * local tag, `!!timestamp`, `!!map` on a scalar) keeps the text as a string; `!!binary` is
 * the caller's.
 */
export function resolveV1(tag: string, text: string): ResolvedV3 | Refused {
  if (!V1_RESOLVABLE.has(tag)) return { kind: tag === '!!merge' && text === '<<' ? 'merge' : 'str', value: text, tag };
  const r = tag === '!!str' ? str(text) : implicitV1(text);
  if (tag === '' || tag === '!!str' || tag === r.tag) return r;
  return { refused: `cannot decode ${r.tag} \`${text}\` as a ${tag}` };
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const TIMESTAMP =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:([Tt])|( ))(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Whether Go's time.Parse accepts `s` in one of the layouts yaml.v3 tries. */
export function isGoTimestamp(s: string): boolean {
  const m = TIMESTAMP.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return false;
  if (m[6] === undefined) return true;
  // "T" layouts take a zone ("Z07:00"), the space layout none.
  if (m[4] !== undefined ? m[9] === undefined : m[9] !== undefined) return false;
  return Number(m[6]) < 24 && Number(m[7]) < 60 && Number(m[8]) < 60;
}

/** yaml.v3's resolution of a value it looks at; timestamps only when `timestamps` (no tag, or !!timestamp). */
function implicitV3(text: string, timestamps: boolean): ResolvedV3 {
  const h = hint(text);
  if (!h) return str(text);
  const hit = V3_TABLE.get(text);
  if (hit) return hit;
  if (h === '.') {
    const f = goParseFloat(text);
    return f === undefined ? str(text) : float(f);
  }
  if (h === 'S' || h === 'D') {
    if (timestamps && isGoTimestamp(text)) return { kind: 'timestamp', value: text, tag: '!!timestamp' };
    const plain = text.replace(/_/g, '');
    const i = goParseInt(plain);
    if (i !== undefined) return int(i);
    const u = goParseUint(plain);
    if (u !== undefined) return { ...int(u), uint64: true };
    // Only YAML's own float syntax: no hex floats, no inf/infinity words.
    if (YAML_STYLE_FLOAT.test(plain)) {
      const f = goParseFloat(plain);
      if (f !== undefined) return float(f);
    }
    // (The 0b/0o fallbacks after this are reached only by what ParseInt already read.)
  }
  return str(text);
}

const V3_RESOLVABLE = new Set(['', '!!str', '!!bool', '!!int', '!!float', '!!null', '!!timestamp']);

/**
 * yaml.v3's resolve(tag, text), `tag` in short form ('' for none). `!!float` also takes an
 * int (not one past int64); any other tag keeps the text as a string.
 */
export function resolveV3(tag: string, text: string): ResolvedV3 | Refused {
  if (!V3_RESOLVABLE.has(tag)) return { kind: tag === '!!merge' && text === '<<' ? 'merge' : 'str', value: text, tag };
  const r = tag === '!!str' ? str(text) : implicitV3(text, tag === '' || tag === '!!timestamp');
  if (tag === '' || tag === '!!str' || tag === r.tag) return r;
  if (tag === '!!float' && r.kind === 'int' && !r.uint64) return float(r.value as number);
  return { refused: `cannot decode ${r.tag} \`${text}\` as a ${tag}` };
}

const settled = (r: ResolvedV3 | Refused): ResolvedV3 => {
  if ('refused' in r) throw new Error(r.refused);
  return r;
};

/**
 * go-yaml v1's reading of a plain scalar without a tag. A plain `<<` is its merge key (resolve()
 * itself leaves it a string: '<' has no hint).
 */
export function resolvePlain(text: string): Resolved {
  const { kind, value } = text === '<<' ? MERGE : settled(resolveV1('', text));
  return { kind: kind as ScalarKind, value };
}

/** yaml.v3's reading of a plain scalar without a tag; its parser tags a plain `<<` !!merge. */
export function resolvePlainV3(text: string): ResolvedV3 {
  return text === '<<' ? { ...MERGE } : settled(resolveV3('', text));
}
