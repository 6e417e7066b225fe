/**
 * The values libyaml gives scalars, built from the source text of a token the scanner has
 * already accepted (so nothing here can fail): the line folding of plain and quoted scalars,
 * the escapes of double-quoted ones, and the decoding of URI escapes in tags.
 */

const TAB = 0x09, LF = 0x0a, CR = 0x0d, SP = 0x20, NEL = 0x85, LS = 0x2028, PS = 0x2029;
const SQUOTE = 0x27, BACKSLASH = 0x5c;

const isBreak = (ch: number) => ch === LF || ch === CR || ch === NEL || ch === LS || ch === PS;
const isBlank = (ch: number) => ch === SP || ch === TAB;

/** What READ_LINE appends for the line break at `i`: LS and PS stay, CR LF, CR, LF and NEL become LF. */
function breakText(s: string, i: number): string {
  const ch = s.charCodeAt(i);
  return ch === LS || ch === PS ? s[i] : '\n';
}

/** The offset after the line break at `i`. */
function afterBreak(s: string, i: number): number {
  return s.charCodeAt(i) === CR && s.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
}

/**
 * libyaml's join of two lines: a single LF becomes a space, more line breaks stay as they are
 * minus the first; an LS or PS as the first break is kept along with the rest.
 */
function join(leading: string, trailing: string): string {
  if (leading === '\n') return trailing === '' ? ' ' : trailing;
  return leading + trailing;
}

/** The value of a plain scalar spanning more than one line, [from, to) ending at a non-blank. */
export function plainValue(s: string, from: number, to: number): string {
  let out = '';
  let i = from;
  for (;;) {
    let j = i;
    while (j < to && !isBreak(s.charCodeAt(j))) j++;
    let k = j;
    while (k > i && isBlank(s.charCodeAt(k - 1))) k--;
    out += s.slice(i, k);
    if (j >= to) return out;
    const leading = breakText(s, j);
    j = afterBreak(s, j);
    let trailing = '';
    for (;;) {
      while (j < to && isBlank(s.charCodeAt(j))) j++;
      if (j < to && isBreak(s.charCodeAt(j))) {
        trailing += breakText(s, j);
        j = afterBreak(s, j);
      } else break;
    }
    out += join(leading, trailing);
    i = j;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', "'": "'", '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** The value of a quoted scalar whose text between the quotes is [from, to). */
export function quotedValue(s: string, from: number, to: number, single: boolean): string {
  let out = '';
  let i = from;
  for (;;) {
    let leadingBlanks = false;
    let run = i;
    while (i < to) {
      const ch = s.charCodeAt(i);
      if (isBlank(ch) || isBreak(ch)) break;
      if (single && ch === SQUOTE) {
        out += s.slice(run, i) + "'";
        i += 2;
        run = i;
      } else if (!single && ch === BACKSLASH) {
        out += s.slice(run, i);
        const next = s.charCodeAt(i + 1);
        if (isBreak(next)) {
          // An escaped line break joins the lines without a space.
          i = afterBreak(s, i + 1);
          run = i;
          leadingBlanks = true;
          break;
        }
        const e = s[i + 1];
        const n = HEX_LENGTH[e];
        if (n) {
          out += String.fromCodePoint(parseInt(s.slice(i + 2, i + 2 + n), 16));
          i += 2 + n;
        } else {
          out += SIMPLE_ESCAPES[e] ?? '';
          i += 2;
        }
        run = i;
      } else {
        i++;
      }
    }
    out += s.slice(run, i);
    if (i >= to) return out;

    let whitespace = '';
    let leading = '';
    let trailing = '';
    while (i < to) {
      const ch = s.charCodeAt(i);
      if (isBlank(ch)) {
        if (!leadingBlanks) whitespace += s[i];
        i++;
      } else if (isBreak(ch)) {
        if (!leadingBlanks) {
          whitespace = '';
          leading = breakText(s, i);
          leadingBlanks = true;
        } else {
          trailing += breakText(s, i);
        }
        i = afterBreak(s, i);
      } else break;
    }
    out += leadingBlanks ? join(leading, trailing) : whitespace;
  }
}

/** A tag URI with its %XX escapes decoded as UTF-8, as libyaml stores it. */
export function decodeUri(uri: string): string {
  if (!uri.includes('%')) return uri;
  return uri.replace(/(?:%[0-9a-fA-F]{2})+/g, (m) => {
    try {
      return decodeURIComponent(m);
    } catch {
      return m;
    }
  });
}

/** The number of spaces at `i`. */
export function spacesAt(s: string, i: number): number {
  let n = 0;
  while (s.charCodeAt(i + n) === SP) n++;
  return n;
}

/**
 * Where a block scalar's text ends, as the `yaml` package's lexer places it (which positions
 * found in it point at): after the line break of its last content line, or of the header when
 * it has none, plus the empty lines after it that hold more spaces than the first content line's
 * indentation; with the keep indicator `+`, plus every empty line libyaml read.
 */
export function blockScalarEnd(s: string, headerEnd: number, contentEnd: number, breaksEnd: number, firstIndent: number, keep: boolean): number {
  if (keep) return Math.max(breaksEnd, contentEnd, headerEnd);
  const base = contentEnd >= 0 ? contentEnd : headerEnd;
  const indent = contentEnd >= 0 ? firstIndent : spacesAt(s, breaksEnd);
  let end = base;
  let i = base;
  while (i < breaksEnd) {
    let j = i;
    while (j < breaksEnd && !isBreak(s.charCodeAt(j))) j++;
    if (j >= breaksEnd) break;
    const next = afterBreak(s, j);
    if (spacesAt(s, i) > indent) end = next;
    i = next;
  }
  return end;
}
