/**
 * Plain-scalar resolution as the reference's YAML library (go-yaml v1, YAML 1.1 rules) does it:
 * `on`/`off`/`yes`/`no`/`y`/`n` are booleans, `0744` is octal, `1_000` is an int, `.5` a float.
 * Keys keep `y`/`n` as strings, as go-yaml did.
 */

export type ScalarKind = 'str' | 'int' | 'float' | 'bool' | 'null' | 'merge';

export interface Resolved {
  kind: ScalarKind;
  value: string | number | boolean | null;
}

const TABLE = new Map<string, Resolved>();
function put(words: string, resolved: Resolved) {
  for (const w of words.split(' ')) TABLE.set(w, resolved);
}
put('y Y yes Yes YES true True TRUE on On ON', { kind: 'bool', value: true });
put('n N no No NO false False FALSE off Off OFF', { kind: 'bool', value: false });
put('~ null Null NULL', { kind: 'null', value: null });
put('.nan .NaN .NAN', { kind: 'float', value: NaN });
put('.inf .Inf .INF +.inf +.Inf +.INF', { kind: 'float', value: Infinity });
put('-.inf -.Inf -.INF', { kind: 'float', value: -Infinity });
put('<<', { kind: 'merge', value: '<<' });

const KEY_ONLY_STRINGS = new Set(['y', 'Y', 'n', 'N']);
const HINTED = /^[-+0-9yYnNtTfFoO~.<]/;

const INT_MAX = 2n ** 63n - 1n;
const INT_MIN = -(2n ** 63n);

/** Go's strconv.ParseInt(s, 0, 64), or undefined when it fails. */
export function goParseInt(s: string): number | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  let body = m[2];
  let big: bigint;
  if (/^0[oO]/.test(body)) big = BigInt('0o' + body.slice(2));
  else if (/^0[0-7]+$/.test(body)) big = BigInt('0o' + body.slice(1));
  else big = BigInt(body);
  if (m[1] === '-') big = -big;
  if (big > INT_MAX || big < INT_MIN) return undefined;
  return Number(big);
}

/** Go's strconv.ParseFloat(s, 64), or undefined when it fails (including out of range). */
export function goParseFloat(s: string): number | undefined {
  if (/^[+-]?(inf|infinity)$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(s)) return NaN;
  // One way to match each digit run: `[0-9]+\.?[0-9]*` backtracks quadratically on long digit runs.
  if (/^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(s)) {
    const v = Number(s);
    return Number.isFinite(v) ? v : undefined;
  }
  return undefined;
}

export function resolvePlain(text: string, isKey: boolean): Resolved {
  if (text === '') return { kind: 'null', value: null };
  if (!HINTED.test(text)) return { kind: 'str', value: text };
  const hit = TABLE.get(text);
  if (hit && !(isKey && KEY_ONLY_STRINGS.has(text))) return hit;
  const c = text[0];
  if (c === '.') {
    const f = goParseFloat(text);
    return f === undefined ? { kind: 'str', value: text } : { kind: 'float', value: f };
  }
  if (c === '+' || c === '-' || (c >= '0' && c <= '9')) {
    const plain = text.replace(/_/g, '');
    const i = goParseInt(plain);
    if (i !== undefined) return { kind: 'int', value: i };
    const f = goParseFloat(plain);
    if (f !== undefined) return { kind: 'float', value: f };
  }
  return { kind: 'str', value: text };
}

// ---------------------------------------------------------------------------------------------
// gopkg.in/yaml.v3 (Flatcar's coreos-cloudinit): YAML 1.2 words for booleans, timestamps kept
// apart, and the tag each scalar is given (printed in its "cannot unmarshal" errors).

export type ScalarKindV3 = ScalarKind | 'timestamp';

export interface ResolvedV3 {
  kind: ScalarKindV3;
  value: string | number | boolean | null;
  /** yaml.v3's short tag for the value: `!!str`, `!!int`, `!!timestamp`, ... */
  tag: string;
  /** An integer past int64 that fits uint64 (Go's uint64, not int). */
  uint64?: boolean;
}

const V3_TABLE = new Map<string, ResolvedV3>();
function putV3(words: string, resolved: ResolvedV3) {
  for (const w of words.split(' ')) V3_TABLE.set(w, resolved);
}
putV3('true True TRUE', { kind: 'bool', value: true, tag: '!!bool' });
putV3('false False FALSE', { kind: 'bool', value: false, tag: '!!bool' });
putV3('~ null Null NULL', { kind: 'null', value: null, tag: '!!null' });
putV3('.nan .NaN .NAN', { kind: 'float', value: NaN, tag: '!!float' });
putV3('.inf .Inf .INF +.inf +.Inf +.INF', { kind: 'float', value: Infinity, tag: '!!float' });
putV3('-.inf -.Inf -.INF', { kind: 'float', value: -Infinity, tag: '!!float' });
putV3('<<', { kind: 'merge', value: '<<', tag: '!!merge' });

/** The words yaml.v3 still turns into a bool, but only when decoding into a bool field. */
export const YAML11_BOOL_WORDS: ReadonlyMap<string, boolean> = new Map([
  ...'y Y yes Yes YES on On ON'.split(' ').map((w) => [w, true] as const),
  ...'n N no No NO off Off OFF'.split(' ').map((w) => [w, false] as const),
]);

const V3_HINTED = /^[-+0-9yYnNtTfFoO~.]/;
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const UINT_MAX = 2n ** 64n - 1n;

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

/** Go's strconv.ParseUint(s, 0, 64) for values past int64, or undefined. */
function goParseBigUint(s: string): number | undefined {
  const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const body = m[1];
  const big = /^0[0-7]+$/.test(body) ? BigInt('0o' + body.slice(1)) : /^0[oO]/.test(body) ? BigInt('0o' + body.slice(2)) : BigInt(body);
  return big <= UINT_MAX ? Number(big) : undefined;
}

/** yaml.v3's resolve("", text) for a plain scalar. */
export function resolvePlainV3(text: string): ResolvedV3 {
  if (text === '') return { kind: 'null', value: null, tag: '!!null' };
  // Not resolve's doing: yaml.v3's parser tags a plain `<<` as a merge key itself.
  if (text === '<<') return V3_TABLE.get(text)!;
  if (!V3_HINTED.test(text)) return { kind: 'str', value: text, tag: '!!str' };
  const hit = V3_TABLE.get(text);
  if (hit) return hit;
  const c = text[0];
  if (c === '.') {
    const f = goParseFloat(text);
    if (f !== undefined && !/^[.]?(inf|infinity|nan)$/i.test(text)) return { kind: 'float', value: f, tag: '!!float' };
    return { kind: 'str', value: text, tag: '!!str' };
  }
  if (c === '+' || c === '-' || (c >= '0' && c <= '9')) {
    if (isGoTimestamp(text)) return { kind: 'timestamp', value: text, tag: '!!timestamp' };
    const plain = text.replace(/_/g, '');
    const i = goParseInt(plain);
    if (i !== undefined) return { kind: 'int', value: i, tag: '!!int' };
    const u = goParseBigUint(plain);
    if (u !== undefined) return { kind: 'int', value: u, tag: '!!int', uint64: true };
    if (YAML_STYLE_FLOAT.test(plain)) {
      const f = Number(plain);
      if (Number.isFinite(f)) return { kind: 'float', value: f, tag: '!!float' };
    }
  }
  return { kind: 'str', value: text, tag: '!!str' };
}
