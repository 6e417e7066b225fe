import { headerNamed, readHeaderBlock, type Header } from './headers';
import { parseMediaType } from './media-type';

/**
 * Multipart MIME user-data read the way Flatcar's coreos-cloudinit reads it (net/mail for the
 * message, mime/multipart for the parts): offsets into the text for every header and body,
 * and every structural problem at the line where the reading stops. Pure: no decoding here.
 */

export interface Part {
  /** [from, to) of the boundary line that opens the part (no line end). */
  opens: readonly [number, number];
  headers: Header[];
  /** [from, to) of the body: after the empty line that ends the headers, before the line end of the next boundary. */
  body: readonly [number, number];
}

export interface Problem {
  message: string;
  from: number;
  to: number;
}

export interface Multipart {
  /** The message's own headers. */
  headers: Header[];
  boundary?: string;
  parts: Part[];
  /** Structural problems; at boot each one fails the whole user-data. */
  problems: Problem[];
}

/** Whether the text is multipart MIME to Flatcar (config.IsMultipartMime): headers, one of them Content-Type holding "multipart/mixed". */
export function isMultipartMime(text: string): boolean {
  const block = readHeaderBlock(text, 0);
  return block.ok && (headerNamed(block.headers, 'content-type')?.value.includes('multipart/mixed') ?? false);
}

/** The line starting at `at`, its line end included (`ended` false when the input ends first). */
function rawLine(text: string, at: number): { line: string; ended: boolean } {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? { line: text.slice(at), ended: false } : { line: text.slice(at, nl + 1), ended: true };
}

const skipBlanks = (s: string) => s.replace(/^[ \t]+/, '');

/** [from, to) of the line holding `at`, without its line end. */
function lineSpan(text: string, at: number): [number, number] {
  const from = text.lastIndexOf('\n', at - 1) + 1;
  let to = text.indexOf('\n', from);
  if (to < 0) to = text.length;
  if (to > from && text[to - 1] === '\r') to--;
  return [from, to];
}

/** Reads the message at `text` (the whole user-data, or a nested multipart part). */
export function readMultipart(text: string): Multipart {
  const out: Multipart = { headers: [], parts: [], problems: [] };
  const problem = (message: string, [from, to]: readonly [number, number]) => out.problems.push({ message, from, to });

  const top = readHeaderBlock(text, 0);
  if (!top.ok) {
    problem(`the MIME headers cannot be read: ${top.problem}`, [top.from, top.to]);
    return out;
  }
  out.headers = top.headers;
  const ct = headerNamed(top.headers, 'content-type');
  if (!ct) {
    problem('the message has no Content-Type header', lineSpan(text, 0));
    return out;
  }
  const media = parseMediaType(ct.value);
  if (!media.ok) {
    problem(`the Content-Type cannot be read: ${media.problem}`, [ct.from, ct.to]);
    return out;
  }
  if (media.type !== 'multipart/mixed') {
    problem(`the Content-Type must be multipart/mixed, not ${media.type}`, [ct.from, ct.to]);
    return out;
  }
  const boundary = media.params.get('boundary');
  if (boundary === undefined) {
    problem('the Content-Type has no boundary parameter (boundary="...", the line that separates the parts), so the parts cannot be told apart', [ct.from, ct.to]);
    return out;
  }
  if (boundary === '') {
    problem('the boundary parameter is empty', [ct.from, ct.to]);
    return out;
  }
  out.boundary = boundary;

  const dash = `--${boundary}`;
  const dashDash = `${dash}--`;
  let nl = '\r\n';
  const isFinal = (line: string) => {
    if (!line.startsWith(dashDash)) return false;
    const rest = skipBlanks(line.slice(dashDash.length));
    return rest === '' || rest === nl;
  };
  const isDelimiter = (line: string, first: boolean) => {
    if (!line.startsWith(dash)) return false;
    const rest = skipBlanks(line.slice(dash.length));
    // The first boundary line decides: LF line ends instead of CRLF, as in practice.
    if (first && rest === '\n') nl = '\n';
    return rest === nl;
  };
  /** Whether a boundary at `at` (just after "--boundary") really is one: followed by "--", a blank, a line end or the end. */
  const boundaryEnds = (at: number) => {
    if (at >= text.length) return true;
    const c = text[at];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') return true;
    return c === '-' && text[at + 1] === '-';
  };

  let at = top.end;
  let expectPart = false;
  for (;;) {
    if (at >= text.length) {
      if (out.parts.length === 0) problem(`the body has no boundary line "${dash}", so it has no parts`, [ct.from, ct.to]);
      else problem(`the multipart body does not end with the closing boundary line "${dashDash}"`, lineSpan(text, text.length));
      return out;
    }
    const { line, ended } = rawLine(text, at);
    const span = lineSpan(text, at);
    if (isFinal(line)) return out;
    if (!ended) {
      problem(`the multipart body does not end with the closing boundary line "${dashDash}"`, span);
      return out;
    }
    if (isDelimiter(line, out.parts.length === 0)) {
      const opens = span;
      const block = readHeaderBlock(text, at + line.length);
      if (!block.ok) {
        if (at + line.length >= text.length) problem(`the multipart body does not end with the closing boundary line "${dashDash}": this "${dash}" opens a part with nothing in it`, opens);
        else problem(`the headers of this part cannot be read: ${block.problem}`, block.from < text.length ? [block.from, block.to] : opens);
        return out;
      }
      const from = block.end;
      let to = -1;
      if (text.startsWith(dash, from) && boundaryEnds(from + dash.length)) {
        to = from; // an empty part, its boundary right after the headers
      } else {
        const sep = nl + dash;
        for (let i = text.indexOf(sep, from); i >= 0; i = text.indexOf(sep, i + 1)) {
          if (boundaryEnds(i + sep.length)) {
            to = i;
            break;
          }
        }
      }
      if (to < 0) {
        const lfOnly = nl === '\r\n' && text.indexOf(`\n${dash}`, from) >= 0;
        problem(
          lfOnly
            ? `this part is never terminated: the first boundary line ends in CRLF, so the next one must too, but it ends in LF only`
            : `this part is never terminated: no boundary line "${dash}" or "${dashDash}" follows it`,
          opens,
        );
        return out;
      }
      out.parts.push({ opens, headers: block.headers, body: [from, to] });
      at = to;
      expectPart = false;
      continue;
    }
    if (expectPart) {
      problem(`a boundary line "${dash}" or "${dashDash}" must follow the part here`, span);
      return out;
    }
    if (out.parts.length > 0) {
      if (line !== nl) {
        problem(`unexpected line after a part; a boundary line "${dash}" must follow it`, span);
        return out;
      }
      expectPart = true;
    }
    // Before the first boundary: a preamble, which is skipped.
    at += line.length;
  }
}
