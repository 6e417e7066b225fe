import type { YAMLError } from 'yaml';

/**
 * YAML syntax errors as the reference reports them. It prints the first error of its parser
 * (libyaml) at libyaml's 0-based mark line, so usually the line before the problem, and at
 * line 1 when that is 0. libyaml marks some errors elsewhere than eemeli/yaml does, and words
 * them its own way; this module maps one onto the other for the common cases.
 */

export const TAB_MESSAGE = 'found character that cannot start any token';

const LIBYAML_WORDING: Record<string, string> = {
  BAD_SCALAR_START: 'found character that cannot start any token',
  TAB_AS_INDENT: TAB_MESSAGE,
  MULTILINE_IMPLICIT_KEY: 'mapping values are not allowed in this context',
  BLOCK_AS_IMPLICIT_KEY: 'mapping values are not allowed in this context',
};

/** eemeli/yaml errors that libyaml does not raise (it reads `#` after a token as a comment). */
const NOT_IN_LIBYAML = (e: YAMLError) => e.code === 'MISSING_CHAR' && /^Comments must be separated/.test(e.message);

const IMPLICIT_KEY_WITHOUT_VALUE = (e: YAMLError) => e.code === 'MISSING_CHAR' && /^Implicit map keys need/.test(e.message);

function firstSyntaxError(errors: readonly YAMLError[]): YAMLError | undefined {
  const relevant = errors.filter((e) => !NOT_IN_LIBYAML(e));
  const pool = relevant.length ? relevant : errors;
  let first: YAMLError | undefined;
  for (const e of pool) if (!first || e.pos[0] < first.pos[0]) first = e;
  return first;
}

/** libyaml's 0-based line at `offset`; at the end of input it has moved to a fresh line. */
function libyamlLine(text: string, offset: number): number {
  const before = text.slice(0, Math.min(offset, text.length));
  let line = (before.match(/\r\n|\r|\n|\u0085|\u2028|\u2029/g) ?? []).length;
  if (offset >= text.length && text.length > 0 && !/[\r\n]$/.test(text)) line++;
  return line || 1;
}

/** Where libyaml's scanner stands after a token ending at `offset`: the next token, or the end. */
function nextTokenOffset(text: string, offset: number): number {
  const re = /(?:[ \t]+|\r?\n|\r|#[^\r\n]*)*/y;
  re.lastIndex = offset;
  re.exec(text);
  return re.lastIndex;
}

export interface ReferenceSyntaxError {
  message: string;
  line: number;
  offset: number;
}

export function referenceSyntaxError(text: string, errors: readonly YAMLError[], tabOffset: number): ReferenceSyntaxError | undefined {
  let e = firstSyntaxError(errors);
  if (tabOffset >= 0 && (!e || tabOffset <= e.pos[0])) {
    return { message: TAB_MESSAGE, line: libyamlLine(text, tabOffset), offset: tabOffset };
  }
  if (!e) return undefined;
  const first = e;
  // A key without ':' is what libyaml trips over, even where eemeli/yaml first sees bad indentation.
  const missingColon = errors.find((x) => IMPLICIT_KEY_WITHOUT_VALUE(x) && x.pos[0] >= first.pos[0] && !/[\r\n]/.test(text.slice(first.pos[0], x.pos[0])));
  if (missingColon) e = missingColon;
  let mark = e.pos[0];
  let message = LIBYAML_WORDING[e.code] ?? plainMessage(e);
  if (e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'MULTILINE_IMPLICIT_KEY') {
    // A plain scalar ran over a line end into `key:`; libyaml stops at that colon.
    const multi = errors.find((x) => x.code === 'MULTILINE_IMPLICIT_KEY' && x.pos[0] === e.pos[0]);
    if (multi) mark = multi.pos[1];
  } else if (IMPLICIT_KEY_WITHOUT_VALUE(e)) {
    // libyaml notices the missing ':' only when it reaches the next token.
    message = "could not find expected ':'";
    mark = nextTokenOffset(text, e.pos[1]);
  }
  return { message, line: libyamlLine(text, mark), offset: e.pos[0] };
}

/** The parser's message without its source excerpt. */
export function plainMessage(e: YAMLError): string {
  return e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
