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
