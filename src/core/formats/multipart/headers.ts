/**
 * MIME header blocks as Go's net/textproto reads them (ReadMIMEHeader), which is how
 * Flatcar's coreos-cloudinit reads the headers of multipart user-data and of each part:
 * lines end in LF or CRLF, a line starting with a space or tab continues the previous one,
 * and an empty line ends the block.
 */

export interface Header {
  /** Lower-case name. */
  name: string;
  /** The value, continuation lines joined with a space, trimmed. */
  value: string;
  /** [from, to) of the header's first line, without its line end. */
  from: number;
  to: number;
}

export type HeaderBlock =
  | { ok: true; headers: Header[]; /** Offset just past the empty line. */ end: number }
  | { ok: false; problem: string; from: number; to: number };

/** RFC 7230 token characters, which a header name must consist of. */
const NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** One line from `at`: its content (no line end) and where the next line starts, or undefined at the end. */
function lineAt(text: string, at: number): { from: number; to: number; next: number; ended: boolean } | undefined {
  if (at >= text.length) return undefined;
  const nl = text.indexOf('\n', at);
  if (nl < 0) return { from: at, to: text.length, next: text.length, ended: false };
  return { from: at, to: nl > at && text[nl - 1] === '\r' ? nl - 1 : nl, next: nl + 1, ended: true };
}

/** Reads the header block that starts at `start`. */
export function readHeaderBlock(text: string, start: number): HeaderBlock {
  const headers: Header[] = [];
  let line = lineAt(text, start);
  if (line && line.to > line.from && (text[line.from] === ' ' || text[line.from] === '\t')) {
    return { ok: false, problem: 'the first header line starts with white space', from: line.from, to: line.to };
  }
  for (;;) {
    if (!line) return { ok: false, problem: 'the headers are not followed by an empty line', from: text.length, to: text.length };
    if (line.to === line.from) {
      // An empty line without its line end is the end of the input, not of the headers.
      if (!line.ended) return { ok: false, problem: 'the headers are not followed by an empty line', from: line.from, to: line.to };
      return { ok: true, headers, end: line.next };
    }
    let value = text.slice(line.from, line.to);
    const first = line;
    line = lineAt(text, line.next);
    while (line && line.to > line.from && (text[line.from] === ' ' || text[line.from] === '\t')) {
      value += ' ' + text.slice(line.from, line.to).trim();
      line = lineAt(text, line.next);
    }
    const colon = value.indexOf(':');
    const name = colon < 0 ? '' : value.slice(0, colon);
    if (!NAME.test(name)) return { ok: false, problem: 'malformed header line (a header is "Name: value")', from: first.from, to: first.to };
    headers.push({ name: name.toLowerCase(), value: value.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, ''), from: first.from, to: first.to });
  }
}

/** The first header with this (lower-case) name, as Go's Header.Get finds it. */
export const headerNamed = (headers: readonly Header[], name: string): Header | undefined => headers.find((h) => h.name === name);
