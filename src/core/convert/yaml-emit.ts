/**
 * A small YAML writer for the Butane output: block mappings and lists in the order given,
 * literal block scalars for multi-line text, comments before list items, and quoting only
 * where a plain scalar would read back as something else.
 */

/** An integer written in octal (file modes), as Butane's YAML reads `0644`. */
export class Octal {
  constructor(readonly value: number) {}
}

export type YScalar = string | number | boolean | Octal;
export interface YMap {
  entries: [string, YValue | undefined][];
  /** Comment lines written before the mapping when it is a list item. */
  comments?: string[];
}
export type YValue = YScalar | YMap | YValue[];

const isMap = (v: YValue): v is YMap => typeof v === 'object' && !Array.isArray(v) && !(v instanceof Octal);

/** Words and forms a YAML 1.1 or 1.2 reader would not take as a plain string. */
const SPECIAL = /^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|[-+]?\.(?:inf|nan)|0x[\da-f]+|0o[0-7]+|\d+:\d+.*)$/i;
const PLAIN = /^[A-Za-z0-9_/.][A-Za-z0-9_./@+=,()~-]*(?: [A-Za-z0-9_./@+=,()~-]+)*$/;

function quoted(s: string): string {
  return PLAIN.test(s) && !SPECIAL.test(s) ? s : JSON.stringify(s);
}

/** A scalar as this writer puts it after `key: `: plain where that reads back the same, quoted otherwise. */
export function scalarText(v: YScalar): string {
  if (v instanceof Octal) return `0${v.value.toString(8).padStart(3, '0')}`;
  if (typeof v === 'string') return quoted(v);
  return String(v);
}

/** Whether a literal block scalar gives this text back exactly. */
function blockable(s: string): boolean {
  if (!s.includes('\n') || /[\r\0-\x08\x0b-\x1f\x7f\u0085\u2028\u2029\ufeff]/.test(s)) return false;
  const lines = s.replace(/\n+$/, '').split('\n');
  // Lines of blanks alone would be read as empty lines; a tab first is not indentation.
  return lines.every((l) => l === '' || /\S/.test(l)) && lines[0] !== '' && !lines[0].startsWith('\t');
}

/** `|` header and body lines of a literal block scalar at `indent`. */
function block(s: string, indent: number): string[] {
  const trailing = /\n*$/.exec(s)![0].length;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const indicator = s.startsWith(' ') ? '2' : '';
  const pad = ' '.repeat(indent);
  const body = (trailing ? s.slice(0, -trailing) : s).split('\n').map((l) => (l === '' ? '' : pad + l));
  for (let i = 1; i < trailing; i++) body.push('');
  return [`|${indicator}${chomp}`, ...body];
}

function emitValue(prefix: string, v: YValue, indent: number, out: string[]): void {
  if (Array.isArray(v)) {
    out.push(prefix.trimEnd());
    for (const item of v) emitItem(item, indent + 2, out);
  } else if (isMap(v)) {
    out.push(prefix.trimEnd());
    emitEntries(v.entries, indent + 2, out, null);
  } else if (typeof v === 'string' && blockable(v)) {
    const [head, ...body] = block(v, indent + 2);
    out.push(prefix + head, ...body);
  } else {
    out.push(prefix + scalarText(v));
  }
}

const present = (v: YValue | undefined): v is YValue => v !== undefined && !(Array.isArray(v) && v.length === 0);

function emitEntries(entries: YMap['entries'], indent: number, out: string[], first: string | null): void {
  let i = 0;
  for (const [k, v] of entries) {
    if (!present(v)) continue;
    const lead = i++ === 0 && first !== null ? first : ' '.repeat(indent);
    emitValue(`${lead}${quoted(k)}: `, v, indent, out);
  }
}

function emitItem(item: YValue, indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  if (isMap(item)) {
    for (const c of item.comments ?? []) out.push(...commentLines(c, pad));
    emitEntries(item.entries, indent + 2, out, `${pad}- `);
  } else {
    emitValue(`${pad}- `, item, indent, out);
  }
}

/** A comment, one `#` line per line of text. */
export function commentLines(text: string, pad = ''): string[] {
  return text.split('\n').map((l) => `${pad}# ${l}`.trimEnd());
}

/** The document for a top-level mapping. */
export function emitYaml(doc: YMap): string {
  const out: string[] = [];
  for (const c of doc.comments ?? []) out.push(...commentLines(c));
  emitEntries(doc.entries, 0, out, null);
  return `${out.join('\n')}\n`;
}
