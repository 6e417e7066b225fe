/**
 * A Content-Type value as Go's mime.ParseMediaType reads it: `type/subtype` (lower-cased),
 * then `; name=value` parameters whose values are tokens or quoted strings.
 */

import { quoted } from '../../text/quote';

export type MediaType = { ok: true; type: string; params: Map<string, string> } | { ok: false; problem: string };

/** Token characters: visible ASCII but the tspecials ()<>@,;:\"/[]?= */
const TOKEN = /^[!#$%&'*+\-.^_`{|}~0-9A-Za-z]+$/;
const TOKEN_PREFIX = /^[!#$%&'*+\-.^_`{|}~0-9A-Za-z]+/;

/** A quoted string at the start of `s` (backslash escapes), or undefined when it does not close. */
function quotedString(s: string): { value: string; length: number } | undefined {
  let value = '';
  for (let i = 1; i < s.length; i++) {
    const c = s[i];
    if (c === '"') return { value, length: i + 1 };
    if (c === '\\' && i + 1 < s.length) value += s[++i];
    else if (c === '\r' || c === '\n') return undefined;
    else value += c;
  }
  return undefined;
}

export function parseMediaType(value: string): MediaType {
  const semi = value.indexOf(';');
  const type = (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase();
  if (!type) return { ok: false, problem: 'no media type' };
  const [main, sub, extra] = type.split('/');
  if (!TOKEN.test(main)) return { ok: false, problem: `${quoted(type)} is not a media type` };
  if (sub !== undefined && !TOKEN.test(sub)) return { ok: false, problem: `${quoted(type)} has no subtype after the slash` };
  if (extra !== undefined) return { ok: false, problem: `${quoted(type)} has more than one slash` };

  const params = new Map<string, string>();
  let rest = semi < 0 ? '' : value.slice(semi);
  for (;;) {
    rest = rest.trimStart();
    if (!rest) break;
    const m = /^;\s*/.exec(rest);
    const afterSemi = m ? rest.slice(m[0].length) : undefined;
    const key = afterSemi !== undefined ? TOKEN_PREFIX.exec(afterSemi)?.[0] : undefined;
    if (!key) {
      // A trailing semicolon is ignored.
      if (rest.trim() === ';') break;
      return { ok: false, problem: `invalid parameter at "${rest.slice(0, 30)}"` };
    }
    let s = afterSemi!.slice(key.length).trimStart();
    if (!s.startsWith('=')) return { ok: false, problem: `parameter ${quoted(key)} has no "=value"` };
    s = s.slice(1).trimStart();
    let v: string;
    if (s.startsWith('"')) {
      const q = quotedString(s);
      if (!q) return { ok: false, problem: `the quoted value of ${quoted(key)} does not end` };
      v = q.value;
      s = s.slice(q.length);
    } else {
      const t = TOKEN_PREFIX.exec(s)?.[0];
      if (!t) return { ok: false, problem: `parameter ${quoted(key)} has no value (a value with characters such as = or / must be quoted)` };
      v = t;
      s = s.slice(t.length);
      if (s && !/^\s*(;|$)/.test(s)) return { ok: false, problem: `the value of ${quoted(key)} must be quoted: it holds a character such as =, / or :` };
    }
    const name = key.toLowerCase();
    if (params.has(name)) return { ok: false, problem: `parameter ${quoted(name)} is given twice` };
    params.set(name, v);
    rest = s;
  }
  return { ok: true, type, params };
}
