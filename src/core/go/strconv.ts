/**
 * Go's strconv parsers as the YAML resolvers call them: ParseInt and ParseUint with base 0
 * (sign, 0x/0o/0b prefixes in either case, a leading 0 for octal) and ParseFloat (decimal and
 * hexadecimal, inf/infinity/nan, underscores between digits). Each returns undefined where Go
 * returns an error, out of range included.
 */

const INT_MAX = 2n ** 63n - 1n;
const INT_MIN = -(2n ** 63n);
const UINT_MAX = 2n ** 64n - 1n;

/** The unsigned value of a base-0 integer without sign or underscores, or undefined. */
function parseUnsignedBase0(s: string): bigint | undefined {
  const m = /^(?:0[xX]([0-9a-fA-F]+)|0[bB]([01]+)|0[oO]([0-7]+)|0([0-7]*)|([1-9][0-9]*))$/.exec(s);
  if (!m) return undefined;
  if (m[1] !== undefined) return BigInt('0x' + m[1]);
  if (m[2] !== undefined) return BigInt('0b' + m[2]);
  if (m[3] !== undefined) return BigInt('0o' + m[3]);
  if (m[4] !== undefined) return m[4] === '' ? 0n : BigInt('0o' + m[4]);
  return BigInt(m[5]);
}

/**
 * Whether Go accepts the underscores in a number (its underscoreOK): each stands between two
 * digits, or between a base prefix and a digit.
 */
function underscoresOk(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s[0] === '+' || s[0] === '-') s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && /[bBoOxX]/.test(s[1])) {
    i = 2;
    saw = '0';
    hex = /[xX]/.test(s[1]);
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
    } else if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}

/** strconv.ParseInt(s, 0, 64), exactly (past 2^53 a number loses digits). */
export function goParseIntExact(s: string): bigint | undefined {
  const neg = s[0] === '-';
  const body = s[0] === '+' || s[0] === '-' ? s.slice(1) : s;
  const u = parseUnsignedBase0(body);
  if (u === undefined) return undefined;
  const v = neg ? -u : u;
  return v > INT_MAX || v < INT_MIN ? undefined : v;
}

/** strconv.ParseInt(s, 0, 64). Underscores are left to the caller (both resolvers strip them first). */
export function goParseInt(s: string): number | undefined {
  const v = goParseIntExact(s);
  return v === undefined ? undefined : Number(v);
}

/** strconv.ParseUint(s, 0, 64), exactly: no sign at all. */
export function goParseUintExact(s: string): bigint | undefined {
  const u = parseUnsignedBase0(s);
  return u === undefined || u > UINT_MAX ? undefined : u;
}

/** strconv.ParseUint(s, 0, 64). */
export function goParseUint(s: string): number | undefined {
  const u = goParseUintExact(s);
  return u === undefined ? undefined : Number(u);
}

const DECIMAL = /^[+-]?(?:[0-9_]+(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][+-]?[0-9][0-9_]*)?$/;
const HEX = /^([+-]?)0[xX]((?:[0-9a-fA-F_]+(?:\.[0-9a-fA-F_]*)?|\.[0-9a-fA-F_]+))[pP]([+-]?[0-9][0-9_]*)$/;

/** m × 2^e, in steps so that no power of two on the way leaves float64's range before the product would. */
function scaleByPowerOfTwo(m: number, e: number): number {
  if (m === 0) return 0;
  if (e > 2200) return Infinity;
  if (e < -2300) return 0;
  let v = m;
  for (; e > 1000; e -= 1000) v *= 2 ** 1000;
  for (; e < -1000; e += 1000) v *= 2 ** -1000;
  return v * 2 ** e;
}

/** strconv.ParseFloat(s, 64). */
export function goParseFloat(s: string): number | undefined {
  if (/^[+-]?(?:inf|infinity)$/i.test(s)) return s[0] === '-' ? -Infinity : Infinity;
  if (/^nan$/i.test(s)) return NaN;
  if (s.includes('_') && !underscoresOk(s)) return undefined;
  const plain = s.replace(/_/g, '');
  let v: number;
  if (DECIMAL.test(s)) {
    // A mantissa needs a digit: "._" or "_" alone is no number.
    if (!/[0-9]/.test(plain.replace(/[eE].*$/, ''))) return undefined;
    v = Number(plain);
  } else {
    const m = HEX.exec(plain);
    if (!m || !/[0-9a-fA-F]/.test(m[2])) return undefined;
    const [whole, frac = ''] = m[2].split('.');
    const exp = Number(m[3]) - 4 * frac.length;
    v = scaleByPowerOfTwo(Number(BigInt('0x' + (whole + frac || '0'))), exp);
    if (m[1] === '-') v = -v;
  }
  // Go reports a value past float64's range as an error (ErrRange); JavaScript gives Infinity.
  return Number.isFinite(v) ? v : undefined;
}
