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
  /** Flow brackets open before this line, and the most open at any point of it. */
  flowBefore: number;
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
    const flowBefore = flow;
    let flowMax = flow;
    for (let i = 0; i < code.length; i++) {
      const c = code[i];
      if (c === '[' || c === '{') flowMax = Math.max(flowMax, ++flow);
      else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    yield { offset, text: line, indent, flowBefore, flowMax };
    if (flow === 0 && /(^|[\s:-])[|>][-+0-9]*\s*(#.*)?$/.test(code)) blockScalarIndent = indent;
  }
}

export interface Prescan {
  /** Offset of the line where nesting first exceeds MAX_DEPTH, or -1 (an upper bound, never low). */
  tooDeep: number;
  /**
   * Offset of the first tab libyaml refuses, or -1: in block context it reads a tab as the start
   * of a token at the beginning of a line and right after `- `, `? ` or `key:`. Other parsers
   * accept these, so the machine would fail at boot where a generic YAML linter says nothing.
   */
  rejectedTab: number;
}

export function prescan(text: string, limit = MAX_DEPTH): Prescan {
  const out: Prescan = { tooDeep: -1, rejectedTab: -1 };
  const indents: number[] = [];
  for (const l of structuralLines(text)) {
    if (out.tooDeep < 0) {
      while (indents.length && indents[indents.length - 1] >= l.indent) indents.pop();
      indents.push(l.indent);
      const dashes = (/^(?:[-?](?:\s+|$))*/.exec(l.text.trim())![0].match(/[-?]/g) ?? []).length;
      if (indents.length + dashes + l.flowMax > limit) out.tooDeep = l.offset;
    }
    if (out.rejectedTab < 0 && l.flowBefore === 0 && l.text.includes('\t')) {
      const m = /^( *(?:[-?] +)*)\t/.exec(l.text) ?? /^( *(?:[-?] +)*[^\s#'"{[][^#]*?: *)\t/.exec(l.text);
      if (m) out.rejectedTab = l.offset + m[1].length;
    }
    if (out.tooDeep >= 0 && out.rejectedTab >= 0) break;
  }
  return out;
}
