/**
 * vincent-petithory/dataurl v1.0.0's DecodeString, which Ignition uses to check `data:` URLs:
 * its lexer's states and its error texts, and the decoded bytes.
 */
import { decodeGoBase64 } from './base64';

const TSPECIAL = new Set([...'()<>@,;:\\"/[]?=']);
const isToken = (c: string) => c.length === 1 && c.charCodeAt(0) <= 0x7f && c.charCodeAt(0) > 0x20 && c.charCodeAt(0) !== 0x7f && !TSPECIAL.has(c);
const URL_EXCLUDED = new Set([...' <>#"{}|\\^[]`']);
const isUrlChar = (c: string) => c.length === 1 && c.charCodeAt(0) > 0x1f && c.charCodeAt(0) < 0x7f && !URL_EXCLUDED.has(c);
const isBase64Char = (c: string) => /^[A-Za-z0-9+/=\n]$/.test(c);
const DISCRETE = ['text', 'image', 'audio', 'video', 'application'];
const COMPOSITE = ['message', 'multipart'];

export type DataUrlResult = { ok: true; data: Uint8Array; mediaType: string } | { ok: false; error: string };

/** rfc2396 Unescape: %XX escapes over ASCII. */
function unescape(s: string): { bytes: number[] } | { error: string } {
  const out: number[] = [];
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c.codePointAt(0)! > 0x7f) return { error: 'rfc2396: non-ASCII char detected' };
    if (c !== '%') {
      out.push(c.charCodeAt(0));
      continue;
    }
    const h1 = chars[i + 1];
    const h0 = chars[i + 2];
    if (h1 === undefined) return { error: 'rfc2396: unexpected end of unescape sequence' };
    // The library names the '%' itself (0x25), not the bad digit.
    if (!/^[0-9a-fA-F]$/.test(h1)) return { error: 'rfc2396: invalid char 0x25 in unescape sequence' };
    if (h0 === undefined) return { error: 'rfc2396: unexpected end of unescape sequence' };
    if (!/^[0-9a-fA-F]$/.test(h0)) return { error: 'rfc2396: invalid char 0x25 in unescape sequence' };
    out.push(parseInt(h1 + h0, 16));
    i += 2;
  }
  return { bytes: out };
}

/** strconv.Unquote of a quoted parameter value; only its success matters. */
function unquoteOk(s: string): boolean {
  try {
    JSON.parse('"' + s + '"');
    return true;
  } catch {
    return /^(?:[^"\\\n]|\\[abfnrtv\\'"]|\\x[0-9a-fA-F]{2}|\\[0-7]{3}|\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8})*$/.test(s);
  }
}

export function decodeDataUrl(input: string): DataUrlResult {
  const fail = (error: string): DataUrlResult => ({ ok: false, error });
  if (!input.startsWith('data:')) return fail('missing data prefix');
  const chars = [...input];
  let pos = 5;
  let start = 5;
  const next = () => (pos < chars.length ? chars[pos++] : undefined);
  const word = () => chars.slice(start, pos).join('');
  let base64 = false;
  let mediaType = '';

  // Media type (optional).
  let c = next();
  if (c === undefined) return fail('missing comma before data');
  if (c !== ';' && c !== ',') {
    if (c !== 'x' && c !== 'X' && !isToken(c)) return fail('invalid character after data prefix');
    let xToken = false;
    // After an x the lexer consumes one more character before deciding, unchecked.
    if (c === 'x' || c === 'X') xToken = next() === '-';
    for (;;) {
      c = next();
      if (c === '/') break;
      if (c === undefined) return fail('missing media type slash');
      if (!isToken(c)) return fail('invalid character for media type');
    }
    const type = chars.slice(start, pos - 1).join('');
    if (!xToken && !DISCRETE.some((t) => type.startsWith(t)) && !COMPOSITE.some((t) => type.startsWith(t))) return fail('invalid media type');
    start = pos;
    for (;;) {
      c = next();
      if (c === ';' || c === ',') break;
      if (c === undefined) return fail('incomplete media type');
      if (!isToken(c)) return fail('invalid character for media subtype');
    }
    mediaType = type + '/' + chars.slice(start, pos - 1).join('');
  }
  // Parameters, then the comma.
  while (c === ';') {
    start = pos;
    c = next();
    if (c === undefined || c === '=' || c === ',') return fail('unterminated parameter sequence');
    if (!isToken(c)) return fail('invalid character for parameter attribute');
    for (;;) {
      c = next();
      if (c === '=') break;
      if (c === ',') {
        const v = chars.slice(start, pos - 1).join('');
        if (v !== 'base64') return fail(`expected base64, got ${v}`);
        base64 = true;
        break;
      }
      if (c === undefined) return fail('unterminated parameter sequence');
      if (!isToken(c)) return fail('invalid character for parameter attribute');
    }
    if (c === ',') break;
    // A value: quoted or a token.
    c = next();
    start = pos;
    if (c === '"') {
      for (;;) {
        c = next();
        if (c === undefined) return fail('unclosed quoted string');
        if (c === '\\') {
          const e = next();
          if (e === undefined) return fail('unexpected eof');
          if (e.codePointAt(0)! > 0x7f) return fail('invalid escaped character');
          continue;
        }
        if (c === '"') break;
        if (c.codePointAt(0)! > 0x7f) return fail('invalid character for parameter value');
      }
      if (!unquoteOk(chars.slice(start, pos - 1).join(''))) return fail('invalid syntax');
      c = next();
    } else {
      if (c === undefined) return fail('missing comma before data');
      if (!isToken(c)) return fail('invalid character for parameter value');
      start = pos - 1;
      for (;;) {
        c = next();
        if (c === ';' || c === ',') break;
        if (c === undefined) return fail('missing comma before data');
        if (!isToken(c)) return fail('invalid character for parameter value');
      }
      const un = unescape(chars.slice(start, pos - 1).join(''));
      if ('error' in un) return fail(un.error);
    }
    if (c === undefined) return fail('missing comma before data');
    if (c !== ';' && c !== ',') return fail('expected semicolon or comma');
  }
  if (c !== ',') return fail(c === undefined ? 'missing comma before data' : 'expected semicolon or comma');
  start = pos;
  for (;;) {
    c = next();
    if (c === undefined) break;
    if (!(base64 ? isBase64Char(c) : isUrlChar(c))) return fail('invalid data character');
  }
  const data = word();
  if (base64) {
    const r = decodeGoBase64(data);
    return 'error' in r ? fail(r.error) : { ok: true, data: r.bytes, mediaType };
  }
  const r = unescape(data);
  return 'error' in r ? fail(r.error) : { ok: true, data: Uint8Array.from(r.bytes), mediaType };
}
