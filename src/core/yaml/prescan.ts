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

interface StructuralLine {
  offset: number;
  text: string;
  indent: number;
  /** The most flow brackets open at any point of this line. */
  flowMax: number;
}

/**
 * Lines that hold YAML structure; block scalar bodies, blank lines and comments are skipped
 * without being copied, since they are most of a large config.
 */
function* structuralLines(text: string): Generator<StructuralLine> {
  let flow = 0;
  let blockScalarIndent = -1;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let indent = 0;
    while (text.charCodeAt(start + indent) === 32) indent++;
    const first = start + indent < end ? text[start + indent] : '';
    const offset = start;
    start = end + 1;
    const blank = first === '' || first === '\r';
    if (blockScalarIndent >= 0) {
      if (blank || indent > blockScalarIndent) continue;
      blockScalarIndent = -1;
    }
    if (blank || first === '#') continue;
    const line = text.slice(offset, text[end - 1] === '\r' ? end - 1 : end);
    const code = line.trim().replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '""').replace(/(^|\s)#.*$/, '');
    let flowMax = flow;
    for (let i = 0; i < code.length; i++) {
      const c = code[i];
      if (c === '[' || c === '{') flowMax = Math.max(flowMax, ++flow);
      else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    yield { offset, text: line, indent, flowMax };
    if (flow === 0 && /(^|[\s:-])[|>][-+0-9]*\s*(#.*)?$/.test(code)) blockScalarIndent = indent;
  }
}

/** Offset of the line where nesting first exceeds `limit`, or -1 (an upper bound, never low). */
export function excessiveNesting(text: string, limit = MAX_DEPTH): number {
  const indents: number[] = [];
  for (const l of structuralLines(text)) {
    while (indents.length && indents[indents.length - 1] >= l.indent) indents.pop();
    indents.push(l.indent);
    const dashes = (/^(?:[-?](?:\s+|$))*/.exec(l.text.trim())![0].match(/[-?]/g) ?? []).length;
    if (indents.length + dashes + l.flowMax > limit) return l.offset;
  }
  return -1;
}
