/**
 * Cheap checks that run before the YAML parser, for inputs that would make it (or the
 * reference's own parser) misbehave: characters YAML forbids, tabs where libyaml (the
 * reference's parser) refuses them, and nesting deep enough to overflow a parser's stack.
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
  /** Flow brackets open before this line. */
  flowBefore: number;
  flowAfter: number;
}

/** Lines that hold YAML structure: block scalar bodies, blank lines and comments are skipped. */
function* structuralLines(text: string): Generator<StructuralLine> {
  let flow = 0;
  let blockScalarIndent = -1;
  let offset = 0;
  for (const raw of text.split('\n')) {
    const lineOffset = offset;
    offset += raw.length + 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const indent = line.length - line.replace(/^ +/, '').length;
    const body = line.trim();
    if (blockScalarIndent >= 0) {
      if (body === '' || indent > blockScalarIndent) continue;
      blockScalarIndent = -1;
    }
    if (body === '' && !line.includes('\t')) continue;
    if (body.startsWith('#')) continue;
    const code = body.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '""').replace(/(^|\s)#.*$/, '');
    const flowBefore = flow;
    for (const c of code) {
      if (c === '[' || c === '{') flow++;
      else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    yield { offset: lineOffset, text: line, indent, flowBefore, flowAfter: flow };
    if (flow === 0 && /(^|[\s:-])[|>][-+0-9]*\s*(#.*)?$/.test(code)) blockScalarIndent = indent;
  }
}

/** Offset of the line where nesting first exceeds `limit`, or -1. An upper bound, never low. */
export function excessiveNesting(text: string, limit = MAX_DEPTH): number {
  const indents: number[] = [];
  for (const l of structuralLines(text)) {
    while (indents.length && indents[indents.length - 1] >= l.indent) indents.pop();
    indents.push(l.indent);
    const dashes = (/^(?:[-?](?:\s+|$))*/.exec(l.text.trim())![0].match(/[-?]/g) ?? []).length;
    if (indents.length + dashes + Math.max(l.flowBefore, l.flowAfter) > limit) return l.offset;
  }
  return -1;
}

/**
 * Offset of the first tab libyaml refuses: in block context it reads a tab as the start of a
 * token at the beginning of a line and right after `- `, `? ` or `key:`. Other parsers accept
 * these, so the machine would fail at boot where a generic YAML linter says nothing.
 */
export function rejectedTab(text: string): number {
  for (const l of structuralLines(text)) {
    if (l.flowBefore > 0) continue;
    const m = /^( *(?:[-?] +)*)\t/.exec(l.text) ?? /^( *(?:[-?] +)*[^\s#'"{[][^#]*?: *)\t/.exec(l.text);
    if (m) return l.offset + m[1].length;
  }
  return -1;
}
