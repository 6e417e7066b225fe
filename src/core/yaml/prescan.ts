/**
 * Cheap checks that run before the YAML parser: characters YAML forbids, and nesting deeper
 * than any cloud-config needs (the value tree and the rules walk it recursively).
 */

export const MAX_DEPTH = 128;

/** YAML 1.1 printable set (what libyaml's reader accepts), plus surrogates for astral characters. */
const FORBIDDEN = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ud800-\udfff\ue000-\ufffd]/;

export function forbiddenCharacter(text: string): number {
  const m = FORBIDDEN.exec(text);
  return m ? m.index : -1;
}

const SPACE = 0x20, CR = 0x0d, HASH = 0x23;

/** JavaScript's `\s`: what `trim()` takes off a line's ends. */
function isSpace(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether [from, to) holds a character that can quote, comment, open a flow or start a block scalar. */
function hasSyntax(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    switch (text.charCodeAt(i)) {
      case 0x22: // "
      case 0x27: // '
      case 0x23: // #
      case 0x5b: // [
      case 0x5d: // ]
      case 0x7b: // {
      case 0x7d: // }
      case 0x7c: // |
      case 0x3e: // >
        return true;
    }
  }
  return false;
}

/** The `- ` and `? ` indicators that open the line [from, to) (each one more level). */
function leadingIndicators(text: string, from: number, to: number): number {
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  let n = 0;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c !== 0x2d && c !== 0x3f) break;
    if (i + 1 < to && !isSpace(text.charCodeAt(i + 1))) break;
    n++;
    i++;
    while (i < to && isSpace(text.charCodeAt(i))) i++;
  }
  return n;
}

/** A line as its structure reads: trimmed, each quoted string emptied, its comment taken out. */
export const lineCode = (line: string): string =>
  line
    .trim()
    .replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '""')
    .replace(/(^|\s)#.*$/, '');

/** Whether a line's code (see lineCode) ends in a block scalar's indicator (`key: |`, `- >-`). */
export const opensBlockScalar = (code: string): boolean => /(^|[\s:-])[|>][-+0-9]*\s*(#.*)?$/.test(code);

/**
 * Offset of the line where nesting first exceeds `limit`, or -1 (an upper bound, never low).
 * It reads the lines that hold YAML structure: block scalar bodies, blank lines and comments
 * are skipped. Plain lines (most of a large config) are read in place; only a line with quotes,
 * a comment, flow brackets or a block scalar indicator is copied to be read closely.
 */
export function excessiveNesting(text: string, limit = MAX_DEPTH): number {
  const indents: number[] = [];
  let flow = 0;
  let blockScalarIndent = -1;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let indent = 0;
    while (text.charCodeAt(start + indent) === SPACE) indent++;
    const first = start + indent < end ? text.charCodeAt(start + indent) : -1;
    const offset = start;
    start = end + 1;
    const blank = first === -1 || first === CR;
    if (blockScalarIndent >= 0) {
      if (blank || indent > blockScalarIndent) continue;
      blockScalarIndent = -1;
    }
    if (blank || first === HASH) continue;
    const lineEnd = text.charCodeAt(end - 1) === CR ? end - 1 : end;
    let flowMax = flow;
    if (hasSyntax(text, offset, lineEnd)) {
      const code = lineCode(text.slice(offset, lineEnd));
      for (let i = 0; i < code.length; i++) {
        const c = code[i];
        if (c === '[' || c === '{') flowMax = Math.max(flowMax, ++flow);
        else if ((c === ']' || c === '}') && flow > 0) flow--;
      }
      if (flow === 0 && opensBlockScalar(code)) blockScalarIndent = indent;
    }
    while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
    indents.push(indent);
    if (indents.length + leadingIndicators(text, offset, lineEnd) + flowMax > limit) return offset;
  }
  return -1;
}
