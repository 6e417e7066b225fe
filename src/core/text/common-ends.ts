/**
 * How much two texts share at their start and at their end: what lies between is the edit that
 * turns one into the other. Compared a chunk at a time (a native comparison) and then by
 * character within the chunk that differs, so a megabyte with one edit costs well under a
 * millisecond.
 */
const CHUNK = 4096;

export function commonStart(a: string, b: string): number {
  const most = Math.min(a.length, b.length);
  let n = 0;
  while (n + CHUNK <= most && a.slice(n, n + CHUNK) === b.slice(n, n + CHUNK)) n += CHUNK;
  while (n < most && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** The length of the common end of `a` and `b`, at most `most`. */
export function commonEnd(a: string, b: string, most: number): number {
  let n = 0;
  while (n + CHUNK <= most && a.slice(a.length - n - CHUNK, a.length - n) === b.slice(b.length - n - CHUNK, b.length - n)) n += CHUNK;
  while (n < most && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}

/** One replacement that turns `before` into `after`: [from, to) of `before` becomes `insert`. */
export interface TextEdit {
  from: number;
  to: number;
  insert: string;
}

export function textEdit(before: string, after: string): TextEdit {
  const from = commonStart(before, after);
  const end = commonEnd(before, after, Math.min(before.length, after.length) - from);
  return { from, to: before.length - end, insert: after.slice(from, after.length - end) };
}

export const applyTextEdit = (text: string, { from, to, insert }: TextEdit): string => text.slice(0, from) + insert + text.slice(to);

/**
 * Characters [from, to) of the text that `edit` makes of `text`, read from `text` and the edit
 * without making that text: a big edited text need never be joined into one string to be read.
 */
export function editedSlice(text: string, edit: TextEdit, from: number, to: number): string {
  const insertEnd = edit.from + edit.insert.length;
  let out = '';
  if (from < edit.from) out += text.slice(from, Math.min(to, edit.from));
  if (to > edit.from && from < insertEnd) out += edit.insert.slice(Math.max(from, edit.from) - edit.from, Math.min(to, insertEnd) - edit.from);
  if (to > insertEnd) out += text.slice(Math.max(from, insertEnd) - insertEnd + edit.to, to - insertEnd + edit.to);
  return out;
}
