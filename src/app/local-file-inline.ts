/**
 * Butane's `local:` and `contents_local:` name files in a directory given to butane (-d DIR);
 * a browser cannot read them. These helpers put a chosen file's contents in their place:
 * `local: x` becomes `inline: |` with the text (or `source:` with a data URL for binary files),
 * `contents_local: x` becomes `contents: |`.
 */

export interface LocalReference {
  key: 'local' | 'contents_local';
  /** From the key to the end of its line. */
  from: number;
  to: number;
  /** A comment after the value (with the space before it), kept after the new value. */
  comment: string;
  /** Column of the key: the inlined lines go two spaces deeper. */
  column: number;
}

const KEY_LINE = /^(\s*(?:-\s+)?)(local|contents_local)(\s*:)[ \t]*(.*)$/;
const indentOf = (line: string) => /^\s*/.exec(line)![0].length;
const blank = (line: string) => /^\s*(#.*)?$/.test(line);

/** The `local:` or `contents_local:` key on the line at `offset`, unless it is a tree's (a directory). */
export function localReferenceAt(text: string, offset: number): LocalReference | undefined {
  const lines = text.split('\n');
  let start = 0;
  let n = 0;
  while (n < lines.length - 1 && start + lines[n].length < offset) start += lines[n++].length + 1;
  const m = KEY_LINE.exec(lines[n]);
  if (!m) return undefined;
  const key = m[2] as LocalReference['key'];
  const column = m[1].length;
  // A tree's `local` is a directory: find the sequence the entry is in and what holds it.
  if (key === 'local') {
    let limit = indentOf(lines[n]);
    let dashed = /^\s*-\s/.test(lines[n]);
    for (let i = n - 1; i >= 0; i--) {
      if (blank(lines[i]) || indentOf(lines[i]) >= limit) continue;
      // The entry's own dash; other entries of the sequence are as deep as it, or deeper.
      if (/^\s*-\s/.test(lines[i]) && !dashed) {
        dashed = true;
        limit = indentOf(lines[i]);
        continue;
      }
      if (/^\s*trees\s*:/.test(lines[i])) return undefined;
      break;
    }
  }
  const comment = /\s+#.*$/.exec(m[4])?.[0] ?? '';
  return { key, from: start + column, to: start + lines[n].length, column, comment };
}

/** A YAML block scalar holding `text` exactly, or a double-quoted string where a block cannot. */
function yamlText(text: string, indent: string, comment: string): string {
  // Block scalars cannot start with a space-indented line (without an indicator) or hold
  // carriage returns or control characters; JSON string escapes are YAML's too.
  if (text === '' || /^[ \t]/.test(text) || /^\n/.test(text) || /[\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufeff]/.test(text)) return JSON.stringify(text) + comment;
  const chomp = text.endsWith('\n\n') ? '+' : text.endsWith('\n') ? '' : '-';
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  return `|${chomp}${comment}\n${body
    .split('\n')
    .map((line) => (line ? indent + line : ''))
    .join('\n')}`;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export interface InlineEdit {
  from: number;
  to: number;
  insert: string;
}

/**
 * The edit that replaces the reference with a file's contents, or a reason it cannot: a
 * unit's contents must be text.
 */
export function inlineEdit(ref: LocalReference, bytes: Uint8Array): InlineEdit | { refused: string } {
  let text: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    text = undefined;
  }
  const indent = ' '.repeat(ref.column + 2);
  if (ref.key === 'contents_local') {
    if (text === undefined) return { refused: 'a unit file must be UTF-8 text' };
    return { from: ref.from, to: ref.to, insert: `contents: ${yamlText(text, indent, ref.comment)}` };
  }
  const insert =
    text === undefined ? `source: ${JSON.stringify(`data:;base64,${base64(bytes)}`)}${ref.comment}` : `inline: ${yamlText(text, indent, ref.comment)}`;
  return { from: ref.from, to: ref.to, insert };
}
