/**
 * A port of libyaml's scanner (scanner.c), reduced to what error detection needs: it produces
 * the same token stream with the same marks and raises the same errors at the same places, but
 * builds no scalar, anchor or tag values except tag handles (the parser checks those against
 * %TAG directives). It consumes exactly the characters libyaml consumes, which is what makes
 * the marks of a later error come out the same.
 *
 * Function names follow libyaml's (`fetchValue` is yaml_parser_fetch_value, and so on) so the
 * two can be read side by side. Errors are thrown as `LibyamlFailure` and caught by the caller.
 */

/**
 * Whose behaviour to reproduce. 'go-yaml-v1' is libyaml 0.1.x as go-yaml ported it, with the
 * port's own small departures (escapes, version digits, some wording); 'libyaml-0.2.5' is the
 * libyaml of today's PyYAML, the oracle the differential test compares against; 'yaml-v3' is
 * gopkg.in/yaml.v3 (v3.0.1), go-yaml's later port, which Flatcar's coreos-cloudinit reads with.
 * Everything not listed in `DialectRules` behaves the same in all of them.
 */
import { blockScalarEnd, decodeUri, plainValue, quotedValue, spacesAt } from './values';

export type Dialect = 'go-yaml-v1' | 'libyaml-0.2.5' | 'yaml-v3';

interface DialectRules {
  /**
   * libyaml 0.1.x (and go-yaml v1, its port) rejects `:` followed by a non-blank inside a plain
   * scalar in a flow collection ("found unexpected ':'"), and ends such a scalar at `?` and `:`.
   * 0.2.x accepts `a:b` and `a?b` there and only rejects `:` before a flow indicator.
   */
  strictFlowColon: boolean;
  /**
   * yaml.v3 neither rejects nor ends at a `:` inside a plain scalar in a flow collection unless
   * a blank follows it, but still ends one at `?`.
   */
  v3FlowColon: boolean;
  /**
   * yaml.v3 keeps two tokens of lookahead (for its comments) and checks whether a simple key
   * has gone stale only when it decides the head token or meets the key's `:`, not before every
   * token as libyaml does: which error comes first, and where, follows from that.
   */
  v3SimpleKeys: boolean;
  /** 0.1.x lets `,`, `[` and `]` into any tag; 0.2.x only into verbatim `!<...>` tags. */
  flowCharsInTags: boolean;
  /** 0.2.x accepts `%YAML 1.2` as well as 1.1. */
  acceptsYaml12: boolean;
  /** The reader decodes its input in raw chunks of this many bytes (see `readerLimit`). */
  rawChunkBytes: number;
  tabInPlainScalar: string;
  /** The escape after '\\' that one accepts and the other does not: go-yaml takes \' and not \/, libyaml the reverse. */
  extraEscape: string;
  /** Digits allowed in each %YAML version number (go-yaml: 2, libyaml: 9). */
  maxVersionDigits: number;
  /** Contexts of the errors in a %TAG directive's handle: [missing first '!', missing last '!']. */
  tagHandleContexts: [string, string];
  /**
   * Whether the lone `!` tag is accepted: go-yaml v1 counts only what follows the `!` as its
   * URI, finds it empty and fails.
   */
  loneBangTag: boolean;
  /** go-yaml v1's helper for tag errors prints this problem whatever the error (a bug of that version). */
  tagErrorProblem?: string;
  /**
   * yaml.v3 gathers the comment lines that follow a comment (for its head and foot comments):
   * looking past blanks, tabs among them, and line breaks, it takes each next `#` line as part
   * of the same run, so a tab before such a `#` is never seen at the start of a line.
   */
  commentRuns?: boolean;
}

const DIALECTS: Record<Dialect, DialectRules> = {
  'go-yaml-v1': {
    strictFlowColon: true,
    v3FlowColon: false,
    v3SimpleKeys: false,
    flowCharsInTags: true,
    acceptsYaml12: false,
    rawChunkBytes: 512,
    tabInPlainScalar: 'found a tab character that violate indentation',
    extraEscape: "'",
    maxVersionDigits: 2,
    tagHandleContexts: ['while parsing a %TAG directive', 'while parsing a %TAG directive'],
    loneBangTag: false,
    tagErrorProblem: 'did not find URI escaped octet',
  },
  'yaml-v3': {
    strictFlowColon: false,
    v3FlowColon: true,
    v3SimpleKeys: true,
    flowCharsInTags: true,
    acceptsYaml12: false,
    rawChunkBytes: 512,
    tabInPlainScalar: 'found a tab character that violates indentation',
    extraEscape: "'",
    maxVersionDigits: 2,
    tagHandleContexts: ['while parsing a %TAG directive', 'while parsing a %TAG directive'],
    loneBangTag: true,
    commentRuns: true,
  },
  'libyaml-0.2.5': {
    strictFlowColon: false,
    v3FlowColon: false,
    v3SimpleKeys: false,
    flowCharsInTags: false,
    acceptsYaml12: true,
    rawChunkBytes: 16384,
    tabInPlainScalar: 'found a tab character that violates indentation',
    extraEscape: '/',
    maxVersionDigits: 9,
    tagHandleContexts: ['while scanning a tag directive', 'while parsing a tag directive'],
    loneBangTag: true,
  },
};

export function dialectRules(dialect: Dialect): DialectRules {
  return DIALECTS[dialect];
}

/** A position as libyaml counts it: `index` and `column` in characters, `offset` in UTF-16 units. */
export interface Mark {
  offset: number;
  index: number;
  line: number;
  column: number;
}

export class LibyamlFailure {
  constructor(
    readonly kind: 'scanner' | 'parser' | 'reader',
    readonly problem: string,
    readonly problemMark: Mark | undefined,
    readonly context?: string,
    readonly contextMark?: Mark,
  ) {}
}

export enum Tok {
  StreamStart,
  StreamEnd,
  VersionDirective,
  TagDirective,
  DocumentStart,
  DocumentEnd,
  BlockSequenceStart,
  BlockMappingStart,
  BlockEnd,
  FlowSequenceStart,
  FlowSequenceEnd,
  FlowMappingStart,
  FlowMappingEnd,
  BlockEntry,
  FlowEntry,
  Key,
  Value,
  Alias,
  Anchor,
  Tag,
  Scalar,
}

export const enum Style {
  Plain,
  Quoted,
  Block,
}

/**
 * A token; libyaml's end marks are left out, as no error ever points at them. The fields from
 * `end` on are only filled in by a scanner made with `values` set.
 */
export interface Token {
  type: Tok;
  start: Mark;
  /** TAG: the handle ('' for a verbatim tag); TAG-DIRECTIVE: the declared handle. */
  handle?: string;
  /** VERSION-DIRECTIVE. */
  major?: number;
  minor?: number;
  /** UTF-16 offset just past the token (for a block scalar: where its text ends, see `blockScalarEnd`). */
  end?: number;
  /** SCALAR: the value; ANCHOR, ALIAS: the name; TAG: the suffix; TAG-DIRECTIVE: the prefix. */
  value?: string;
  style?: Style;
}

/** A position that may turn out to be a simple key (a key without '?') once a ':' follows. */
interface SimpleKey {
  /** The flow level it was saved at (libyaml keeps one slot per level). */
  level: number;
  /** In a block collection a key at its indentation column must be a key. */
  required: boolean;
  /** The number of the token the key would be inserted before. */
  tokenNumber: number;
  mark: Mark;
}

// Character codes.
const TAB = 0x09, LF = 0x0a, CR = 0x0d, SP = 0x20, NEL = 0x85, LS = 0x2028, PS = 0x2029, BOM = 0xfeff;
const c = (s: string) => s.charCodeAt(0);
const BANG = c('!'), DQUOTE = c('"'), HASH = c('#'), PERCENT = c('%'), AMP = c('&'), SQUOTE = c("'");
const STAR = c('*'), PLUS = c('+'), COMMA = c(','), DASH = c('-'), DOT = c('.'), COLON = c(':');
const LT = c('<'), GT = c('>'), QUESTION = c('?'), AT = c('@'), LBRACKET = c('['), BACKSLASH = c('\\');
const RBRACKET = c(']'), BACKTICK = c('`'), LBRACE = c('{'), PIPE = c('|'), RBRACE = c('}'), ZERO = c('0');

const isBreak = (ch: number) => ch === LF || ch === CR || ch === NEL || ch === LS || ch === PS;
const isBlank = (ch: number) => ch === SP || ch === TAB;
/** 0 stands for the end of the input (libyaml's buffer ends with a NUL; a real NUL never gets that far). */
const isBreakZ = (ch: number) => ch === 0 || isBreak(ch);
const isBlankZ = (ch: number) => ch === 0 || ch === SP || ch === TAB || isBreak(ch);
const isDigit = (ch: number) => ch >= 0x30 && ch <= 0x39;
const isHex = (ch: number) => isDigit(ch) || (ch >= 0x41 && ch <= 0x46) || (ch >= 0x61 && ch <= 0x66);
const asHex = (ch: number) => (ch <= 0x39 ? ch - 0x30 : (ch | 0x20) - 0x61 + 10);
/** libyaml's IS_ALPHA: ASCII letters, digits, '_' and '-'. */
const isAlpha = (ch: number) => isDigit(ch) || (ch >= 0x41 && ch <= 0x5a) || (ch >= 0x61 && ch <= 0x7a) || ch === 0x5f || ch === DASH;

/** Characters that may appear in a tag URI besides IS_ALPHA ones (and '%', handled as escapes). */
const URI_PUNCT = new Set(Array.from(";/?:@&=+$.!~*'()", c));
const URI_FLOW_PUNCT = new Set([COMMA, LBRACKET, RBRACKET]);

/**
 * The characters libyaml's reader accepts: TAB, LF, CR, printable ASCII, NEL, and the rest of
 * Unicode but surrogates, U+FFFE and U+FFFF. Lone surrogates are let through: a UTF-16 string
 * that holds one would reach the Go side as U+FFFD.
 */
const DISALLOWED = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ud800-\udfff\ue000-\ufffd]/;

function utf8Length(code: number, next: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) return 4;
  return 3;
}

/**
 * libyaml's reader decodes its input a raw chunk at a time and checks every character of a chunk
 * as soon as it decodes it, so a forbidden character makes reading fail once the scanner first
 * needs a character of its chunk. Returns the UTF-16 offset of that chunk's first character, or
 * Infinity when every character is allowed.
 */
export function readerLimit(text: string, chunkBytes: number): number {
  const bad = text.search(DISALLOWED);
  if (bad < 0) return Infinity;
  let firstByte = 0;
  for (let i = 0; i < bad; ) {
    const n = utf8Length(text.charCodeAt(i), text.charCodeAt(i + 1));
    firstByte += n;
    i += n === 4 ? 2 : 1;
  }
  // The chunk holding the forbidden character starts at this byte; a character straddling it
  // is decoded together with that chunk.
  const boundary = firstByte - (firstByte % chunkBytes);
  let byte = 0;
  for (let i = 0; i < bad; ) {
    const n = utf8Length(text.charCodeAt(i), text.charCodeAt(i + 1));
    if (byte + n > boundary) return i;
    byte += n;
    i += n === 4 ? 2 : 1;
  }
  return bad;
}

export class Scanner {
  private readonly s: string;
  private readonly rules: DialectRules;
  private readonly limit: number;

  // The current position (parser->mark and the buffer pointer).
  private pos = 0;
  private index = 0;
  private line = 0;
  private column = 0;

  private readonly tokens: Token[] = [];
  /** yaml.v3: the line where a comment is the last token's line comment (see fetchMoreTokensV3). */
  private lineCommentLine = -1;
  private head = 0;
  /** Tokens handed to the parser so far (parser->tokens_parsed). */
  tokensParsed = 0;
  private tokenAvailable = false;
  private streamStartProduced = false;
  streamEndProduced = false;

  private indent = -1;
  private readonly indents: number[] = [];
  private simpleKeyAllowed = false;
  /**
   * The possible simple keys, oldest first, at most one per flow level. libyaml keeps a slot for
   * every flow level and walks them all for each token; only the possible ones carry any
   * information, and as only the innermost level can save a key, they lie in the order they
   * were saved (by position, by token number, by level). So the stale check and the "may a key
   * claim the head token" check only look at the oldest keys, and the list stays short (keys
   * go stale at the end of their line), however deep the nesting.
   */
  private readonly keys: SimpleKey[] = [];
  private keysHead = 0;
  private flowLevel = 0;

  /** Whether tokens carry their values and ends (see `Token`). */
  private readonly values: boolean;
  /** The end of the last token handed to the parser that has one (values mode). */
  lastEnd = 0;
  /** The line breaks a block scalar's empty lines add (values mode). */
  private breaks = '';
  /** Where the last line break read by `scanBlockScalarBreaks` ends. */
  private breaksEnd = 0;

  constructor(text: string, dialect: Dialect, values = false) {
    this.values = values;
    this.s = text;
    this.rules = DIALECTS[dialect];
    this.limit = readerLimit(text, this.rules.rawChunkBytes);
    // The reader drops a UTF-8 byte order mark at the very start without counting it.
    if (text.charCodeAt(0) === BOM) this.pos = 1;
  }

  // ---------------------------------------------------------------------------------------------
  // Characters

  /** The character `k` places ahead (k > 0 only follows ASCII characters, so it is `pos + k`). */
  private ch(k = 0): number {
    const i = this.pos + k;
    if (i >= this.limit) this.readerFail();
    return this.s.charCodeAt(i) | 0;
  }

  private readerFail(): never {
    throw new LibyamlFailure('reader', 'control characters are not allowed', undefined);
  }

  private mark(): Mark {
    return { offset: this.pos, index: this.index, line: this.line, column: this.column };
  }

  /** SKIP: move past one character. */
  private skip(): void {
    const code = this.s.charCodeAt(this.pos);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = this.s.charCodeAt(this.pos + 1);
      this.pos += next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    } else {
      this.pos++;
    }
    this.index++;
    this.column++;
  }

  /** SKIP_LINE / READ_LINE: move past a line break (CR LF counts as one break of two characters). */
  private skipLine(): void {
    const ch = this.ch();
    if (ch === CR && this.ch(1) === LF) {
      this.pos += 2;
      this.index += 2;
    } else if (isBreak(ch)) {
      this.pos++;
      this.index++;
    } else {
      return;
    }
    this.column = 0;
    this.line++;
  }

  private scannerError(context: string | undefined, contextMark: Mark, problem: string): never {
    const here = this.mark();
    throw new LibyamlFailure('scanner', problem, here, context, context === undefined ? undefined : contextMark);
  }

  // ---------------------------------------------------------------------------------------------
  // The token queue, as the parser sees it

  /** PEEK_TOKEN. */
  peekToken(): Token {
    if (!this.tokenAvailable) this.fetchMoreTokens();
    return this.tokens[this.head];
  }

  /** SKIP_TOKEN. */
  skipToken(): void {
    const token = this.tokens[this.head];
    this.tokenAvailable = false;
    this.tokensParsed++;
    this.streamEndProduced = token.type === Tok.StreamEnd;
    if (token.end !== undefined) this.lastEnd = token.end;
    this.head++;
    // Drop consumed tokens now and then so a long input does not keep all of them alive.
    if (this.head > 4096 && this.head * 2 > this.tokens.length) {
      this.tokens.splice(0, this.head);
      this.head = 0;
    }
  }

  private enqueue(type: Tok, start: Mark): Token {
    const token: Token = { type, start };
    if (this.values) token.end = this.pos;
    this.tokens.push(token);
    return token;
  }

  /** QUEUE_INSERT at `number - tokensParsed` places after the head. */
  private insertToken(number: number, token: Token): void {
    this.tokens.splice(this.head + number - this.tokensParsed, 0, token);
  }

  // ---------------------------------------------------------------------------------------------
  // yaml_parser_fetch_more_tokens and the simple key bookkeeping

  private fetchMoreTokens(): void {
    if (this.rules.v3SimpleKeys) return this.fetchMoreTokensV3();
    for (;;) {
      let needMore = false;
      if (this.head === this.tokens.length) {
        needMore = true;
      } else {
        this.staleSimpleKeys();
        // A possible simple key may still turn the head token into a KEY: fetch on until it is decided.
        if (this.keysHead < this.keys.length && this.keys[this.keysHead].tokenNumber === this.tokensParsed) needMore = true;
      }
      if (!needMore) break;
      this.fetchNextToken();
    }
    this.tokenAvailable = true;
  }

  /** yaml.v3's yaml_parser_fetch_more_tokens: keep three tokens queued, more while the head may become a KEY. */
  private fetchMoreTokensV3(): void {
    const keys = this.keys;
    for (;;) {
      if (this.head < this.tokens.length - 2) {
        // Keys of tokens already handed out can no longer be keys.
        while (this.keysHead < keys.length && keys[this.keysHead].tokenNumber < this.tokensParsed) this.keysHead++;
        if (this.keysHead === keys.length && this.keysHead) keys.length = this.keysHead = 0;
        const key = this.keysHead < keys.length ? keys[this.keysHead] : undefined;
        if (!key || key.tokenNumber !== this.tokensParsed || !this.keyStillValid(key)) break;
      }
      this.fetchNextToken();
      // yaml.v3 takes a comment on the line of the token just fetched as that token's own line
      // comment, which starts no comment run; a `-` or the stream's start takes none.
      const last = this.tokens[this.tokens.length - 1];
      this.lineCommentLine = last && last.type !== Tok.BlockEntry && last.type !== Tok.StreamStart ? last.start.line : -1;
    }
    this.tokenAvailable = true;
  }

  /** yaml.v3's yaml_simple_key_is_valid: a stale key is an error if required, else forgotten. */
  private keyStillValid(key: SimpleKey): boolean {
    if (key.mark.line >= this.line && key.mark.index + 1024 >= this.index) return true;
    if (key.required) this.scannerError('while scanning a simple key', key.mark, "could not find expected ':'");
    const at = this.keys.lastIndexOf(key);
    if (at >= this.keysHead) this.keys.splice(at, 1);
    return false;
  }

  /** A simple key must fit on one line and in 1024 characters; forget keys that no longer can. */
  private staleSimpleKeys(): void {
    const keys = this.keys;
    while (this.keysHead < keys.length) {
      const key = keys[this.keysHead];
      if (key.mark.line >= this.line && key.mark.index + 1024 >= this.index) break; // newer keys are not stale either
      if (key.required) this.scannerError('while scanning a simple key', key.mark, "could not find expected ':'");
      this.keysHead++;
    }
    if (this.keysHead === keys.length) {
      if (this.keysHead) {
        keys.length = 0;
        this.keysHead = 0;
      }
    } else if (this.keysHead > 1024 && this.keysHead * 2 > keys.length) {
      keys.splice(0, this.keysHead);
      this.keysHead = 0;
    }
  }

  /** The possible simple key of the current flow level, if any. */
  private currentKey(): SimpleKey | undefined {
    const key = this.keys.length > this.keysHead ? this.keys[this.keys.length - 1] : undefined;
    return key && key.level === this.flowLevel ? key : undefined;
  }

  private saveSimpleKey(): void {
    if (this.simpleKeyAllowed) {
      const key: SimpleKey = {
        level: this.flowLevel,
        required: this.flowLevel === 0 && this.indent === this.column,
        tokenNumber: this.tokensParsed + (this.tokens.length - this.head),
        mark: this.mark(),
      };
      this.removeSimpleKey();
      this.keys.push(key);
    }
  }

  private removeSimpleKey(): void {
    const key = this.currentKey();
    if (!key) return;
    if (key.required) this.scannerError('while scanning a simple key', key.mark, "could not find expected ':'");
    this.keys.pop();
  }

  private increaseFlowLevel(): void {
    this.flowLevel++;
  }

  private decreaseFlowLevel(): void {
    if (this.flowLevel) {
      if (this.currentKey()) this.keys.pop();
      this.flowLevel--;
    }
  }

  /** Open a block collection at `column` if it is deeper than the current one. */
  private rollIndent(column: number, number: number, type: Tok, mark: Mark): void {
    if (this.flowLevel) return;
    if (this.indent < column) {
      this.indents.push(this.indent);
      this.indent = column;
      const token: Token = { type, start: mark };
      if (number === -1) this.tokens.push(token);
      else this.insertToken(number, token);
    }
  }

  /** Close every block collection deeper than `column`. */
  private unrollIndent(column: number): void {
    if (this.flowLevel) return;
    while (this.indent > column) {
      this.enqueue(Tok.BlockEnd, this.mark());
      this.indent = this.indents.pop() ?? -1;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // yaml_parser_fetch_next_token

  private fetchNextToken(): void {
    if (!this.streamStartProduced) return this.fetchStreamStart();
    this.scanToNextToken();
    if (!this.rules.v3SimpleKeys) this.staleSimpleKeys();
    this.unrollIndent(this.column);

    const ch = this.ch();
    if (ch === 0) return this.fetchStreamEnd();
    if (this.column === 0 && ch === PERCENT) return this.fetchDirective();
    if (this.column === 0 && ch === DASH && this.ch(1) === DASH && this.ch(2) === DASH && isBlankZ(this.ch(3))) {
      return this.fetchDocumentIndicator(Tok.DocumentStart);
    }
    if (this.column === 0 && ch === DOT && this.ch(1) === DOT && this.ch(2) === DOT && isBlankZ(this.ch(3))) {
      return this.fetchDocumentIndicator(Tok.DocumentEnd);
    }
    if (ch === LBRACKET) return this.fetchFlowCollectionStart(Tok.FlowSequenceStart);
    if (ch === LBRACE) return this.fetchFlowCollectionStart(Tok.FlowMappingStart);
    if (ch === RBRACKET) return this.fetchFlowCollectionEnd(Tok.FlowSequenceEnd);
    if (ch === RBRACE) return this.fetchFlowCollectionEnd(Tok.FlowMappingEnd);
    if (ch === COMMA) return this.fetchFlowEntry();
    if (ch === DASH && isBlankZ(this.ch(1))) return this.fetchBlockEntry();
    if (ch === QUESTION && (this.flowLevel || isBlankZ(this.ch(1)))) return this.fetchKey();
    if (ch === COLON && (this.flowLevel || isBlankZ(this.ch(1)))) return this.fetchValue();
    if (ch === STAR) return this.fetchAnchor(Tok.Alias);
    if (ch === AMP) return this.fetchAnchor(Tok.Anchor);
    if (ch === BANG) return this.fetchTag();
    if (ch === PIPE && !this.flowLevel) return this.fetchBlockScalar();
    if (ch === GT && !this.flowLevel) return this.fetchBlockScalar();
    if (ch === SQUOTE) return this.fetchFlowScalar(true);
    if (ch === DQUOTE) return this.fetchFlowScalar(false);

    // A plain scalar starts with any non-blank character but an indicator; '-' also when a
    // non-blank follows, and in the block context '?' and ':' too when a non-blank follows.
    const indicator =
      ch === DASH || ch === QUESTION || ch === COLON || ch === COMMA || ch === LBRACKET || ch === RBRACKET ||
      ch === LBRACE || ch === RBRACE || ch === HASH || ch === AMP || ch === STAR || ch === BANG || ch === PIPE ||
      ch === GT || ch === SQUOTE || ch === DQUOTE || ch === PERCENT || ch === AT || ch === BACKTICK;
    if (
      !(isBlankZ(ch) || indicator) ||
      (ch === DASH && !isBlank(this.ch(1))) ||
      (!this.flowLevel && (ch === QUESTION || ch === COLON) && !isBlankZ(this.ch(1)))
    ) {
      return this.fetchPlainScalar();
    }
    const here = this.mark();
    this.scannerError('while scanning for the next token', here, 'found character that cannot start any token');
  }

  private fetchStreamStart(): void {
    this.indent = -1;
    this.simpleKeyAllowed = true;
    this.streamStartProduced = true;
    this.enqueue(Tok.StreamStart, this.mark());
  }

  private fetchStreamEnd(): void {
    // The stream ends on a line of its own: a last line without a break counts as ended.
    if (this.column !== 0) {
      this.column = 0;
      this.line++;
    }
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.enqueue(Tok.StreamEnd, this.mark());
  }

  private fetchDirective(): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    this.scanDirective();
  }

  private fetchDocumentIndicator(type: Tok): void {
    this.unrollIndent(-1);
    this.removeSimpleKey();
    this.simpleKeyAllowed = false;
    const start = this.mark();
    this.skip();
    this.skip();
    this.skip();
    this.enqueue(type, start);
  }

  private fetchFlowCollectionStart(type: Tok): void {
    this.saveSimpleKey();
    this.increaseFlowLevel();
    this.simpleKeyAllowed = true;
    const start = this.mark();
    this.skip();
    this.enqueue(type, start);
  }

  private fetchFlowCollectionEnd(type: Tok): void {
    this.removeSimpleKey();
    this.decreaseFlowLevel();
    this.simpleKeyAllowed = false;
    const start = this.mark();
    this.skip();
    this.enqueue(type, start);
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.mark();
    this.skip();
    this.enqueue(Tok.FlowEntry, start);
  }

  private fetchBlockEntry(): void {
    if (!this.flowLevel) {
      if (!this.simpleKeyAllowed) {
        this.scannerError(undefined, this.mark(), 'block sequence entries are not allowed in this context');
      }
      this.rollIndent(this.column, -1, Tok.BlockSequenceStart, this.mark());
    }
    // In a flow collection '-' is an error too, but the parser reports it, with more context.
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    const start = this.mark();
    this.skip();
    this.enqueue(Tok.BlockEntry, start);
  }

  private fetchKey(): void {
    if (!this.flowLevel) {
      if (!this.simpleKeyAllowed) {
        this.scannerError(undefined, this.mark(), 'mapping keys are not allowed in this context');
      }
      this.rollIndent(this.column, -1, Tok.BlockMappingStart, this.mark());
    }
    this.removeSimpleKey();
    this.simpleKeyAllowed = !this.flowLevel;
    const start = this.mark();
    this.skip();
    this.enqueue(Tok.Key, start);
  }

  private fetchValue(): void {
    let key = this.currentKey();
    if (key && this.rules.v3SimpleKeys && !this.keyStillValid(key)) key = undefined;
    if (key) {
      // The saved position was a simple key after all: insert KEY (and maybe BLOCK-MAPPING-START) there.
      this.insertToken(key.tokenNumber, { type: Tok.Key, start: key.mark });
      this.rollIndent(key.mark.column, key.tokenNumber, Tok.BlockMappingStart, key.mark);
      this.keys.pop();
      this.simpleKeyAllowed = false;
    } else {
      // The value of a complex key ('?'), or of an empty key.
      if (!this.flowLevel) {
        if (!this.simpleKeyAllowed) {
          this.scannerError(undefined, this.mark(), 'mapping values are not allowed in this context');
        }
        this.rollIndent(this.column, -1, Tok.BlockMappingStart, this.mark());
      }
      this.simpleKeyAllowed = !this.flowLevel;
    }
    const start = this.mark();
    this.skip();
    this.enqueue(Tok.Value, start);
  }

  private fetchAnchor(type: Tok): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.scanAnchor(type);
  }

  private fetchTag(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.scanTag();
  }

  private fetchBlockScalar(): void {
    this.removeSimpleKey();
    this.simpleKeyAllowed = true;
    this.scanBlockScalar();
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.scanFlowScalar(single);
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey();
    this.simpleKeyAllowed = false;
    this.scanPlainScalar();
  }

  // ---------------------------------------------------------------------------------------------
  // Token scanners

  /** Skip blanks, comments and line breaks up to the next token. */
  private scanToNextToken(): void {
    for (;;) {
      if (this.column === 0 && this.ch() === BOM) this.skip();
      // Tabs separate tokens only in flow collections and after a token on the same line
      // (where no simple key may start); at the start of a block line they are not skipped,
      // and then "cannot start any token".
      for (;;) {
        const ch = this.ch();
        if (ch === SP || (ch === TAB && (this.flowLevel || !this.simpleKeyAllowed))) this.skip();
        else break;
      }
      if (this.ch() === HASH) {
        while (!isBreakZ(this.ch())) this.skip();
        if (this.rules.commentRuns && this.line !== this.lineCommentLine) this.skipCommentRun();
      }
      if (isBreak(this.ch())) {
        this.skipLine();
        if (!this.flowLevel) this.simpleKeyAllowed = true;
      } else {
        break;
      }
    }
  }

  /**
   * After a comment, yaml.v3's comment run (see DialectRules.commentRuns): the next comment
   * found within 512 characters of blanks and line breaks is skipped too, up to its line's end.
   */
  private skipCommentRun(): void {
    for (;;) {
      let k = 0;
      for (let c = this.ch(); k < 512 && (c === SP || c === TAB || c === LF || c === CR); c = this.ch(++k));
      if (k >= 512 || this.ch(k) !== HASH) return;
      while (this.ch() !== HASH) {
        if (isBreak(this.ch())) this.skipLine();
        else this.skip();
      }
      while (!isBreakZ(this.ch())) this.skip();
    }
  }

  /** The rest of a directive line: blanks, a comment, then a line break or the end. */
  private finishDirectiveLine(start: Mark): void {
    while (isBlank(this.ch())) this.skip();
    if (this.ch() === HASH) {
      while (!isBreakZ(this.ch())) this.skip();
    }
    if (!isBreakZ(this.ch())) {
      this.scannerError('while scanning a directive', start, 'did not find expected comment or line break');
    }
    if (isBreak(this.ch())) this.skipLine();
  }

  private scanDirective(): void {
    const start = this.mark();
    this.skip();
    const name = this.scanDirectiveName(start);
    let token: Token;
    if (name === 'YAML') {
      const [major, minor] = this.scanVersionDirectiveValue(start);
      token = { type: Tok.VersionDirective, start, major, minor };
    } else if (name === 'TAG') {
      const handle = this.scanTagDirectiveValue(start);
      token = { type: Tok.TagDirective, start, handle };
      if (this.values) token.value = this.uri;
    } else {
      this.scannerError('while scanning a directive', start, 'found unknown directive name');
    }
    this.finishDirectiveLine(start);
    this.tokens.push(token);
  }

  private scanDirectiveName(start: Mark): string {
    const from = this.pos;
    while (isAlpha(this.ch())) this.skip();
    if (this.pos === from) this.scannerError('while scanning a directive', start, 'could not find expected directive name');
    if (!isBlankZ(this.ch())) {
      this.scannerError('while scanning a directive', start, 'found unexpected non-alphabetical character');
    }
    return this.s.slice(from, this.pos);
  }

  private scanVersionDirectiveValue(start: Mark): [number, number] {
    while (isBlank(this.ch())) this.skip();
    const major = this.scanVersionDirectiveNumber(start);
    if (this.ch() !== DOT) {
      this.scannerError('while scanning a %YAML directive', start, "did not find expected digit or '.' character");
    }
    this.skip();
    const minor = this.scanVersionDirectiveNumber(start);
    return [major, minor];
  }

  private scanVersionDirectiveNumber(start: Mark): number {
    let value = 0;
    let length = 0;
    while (isDigit(this.ch())) {
      if (++length > this.rules.maxVersionDigits) this.scannerError('while scanning a %YAML directive', start, 'found extremely long version number');
      value = value * 10 + (this.ch() - ZERO);
      this.skip();
    }
    if (!length) this.scannerError('while scanning a %YAML directive', start, 'did not find expected version number');
    return value;
  }

  private scanTagDirectiveValue(start: Mark): string {
    while (isBlank(this.ch())) this.skip();
    const handle = this.scanTagHandle(true, start);
    if (!isBlank(this.ch())) this.scannerError('while scanning a %TAG directive', start, 'did not find expected whitespace');
    while (isBlank(this.ch())) this.skip();
    const from = this.pos;
    this.scanTagUri(true, true, 0, start);
    if (this.values) this.uri = decodeUri(this.s.slice(from, this.pos));
    if (!isBlankZ(this.ch())) {
      this.scannerError('while scanning a %TAG directive', start, 'did not find expected whitespace or line break');
    }
    return handle;
  }

  /** The last tag URI or %TAG prefix read, decoded (values mode). */
  private uri = '';

  private scanAnchor(type: Tok): void {
    const start = this.mark();
    this.skip();
    let length = 0;
    while (isAlpha(this.ch())) {
      this.skip();
      length++;
    }
    const ch = this.ch();
    // An anchor name is followed by a blank or one of the indicators that may follow a node.
    if (
      !length ||
      !(isBlankZ(ch) || ch === QUESTION || ch === COLON || ch === COMMA || ch === RBRACKET || ch === RBRACE ||
        ch === PERCENT || ch === AT || ch === BACKTICK)
    ) {
      this.scannerError(
        type === Tok.Anchor ? 'while scanning an anchor' : 'while scanning an alias',
        start,
        'did not find expected alphabetic or numeric character',
      );
    }
    const token = this.enqueue(type, start);
    if (this.values) token.value = this.s.slice(start.offset + 1, this.pos);
  }

  private scanTag(): void {
    const start = this.mark();
    let handle: string;
    if (this.ch(1) === LT) {
      // Verbatim: !<uri>
      handle = '';
      this.skip();
      this.skip();
      const from = this.pos;
      this.scanTagUri(true, false, 0, start);
      if (this.values) this.uri = decodeUri(this.s.slice(from, this.pos));
      if (this.ch() !== GT) this.scannerError('while scanning a tag', start, "did not find the expected '>'");
      this.skip();
    } else {
      handle = this.scanTagHandle(false, start);
      const from = this.pos;
      if (handle.length > 1 && handle.endsWith('!')) {
        // !handle!suffix
        this.scanTagUri(false, false, 0, start);
        if (this.values) this.uri = decodeUri(this.s.slice(from, this.pos));
      } else {
        // !suffix, or the lone '!' tag: what looked like a handle is the start of the suffix.
        this.scanTagUri(false, false, this.rules.loneBangTag ? handle.length : handle.length - 1, start);
        if (this.values) this.uri = decodeUri(this.s.slice(start.offset + 1, this.pos));
        handle = '!';
      }
    }
    const ch = this.ch();
    if (!isBlankZ(ch) && (this.rules.flowCharsInTags || !this.flowLevel || ch !== COMMA)) {
      this.scannerError('while scanning a tag', start, 'did not find expected whitespace or line break');
    }
    const token = this.enqueue(Tok.Tag, start);
    token.handle = handle;
    if (this.values) token.value = this.uri;
  }

  private scanTagHandle(directive: boolean, start: Mark): string {
    if (this.ch() !== BANG) {
      // Only a %TAG directive gets here without a '!'.
      this.tagError(this.rules.tagHandleContexts[0], start, "did not find expected '!'");
    }
    const from = this.pos;
    this.skip();
    while (isAlpha(this.ch())) this.skip();
    if (this.ch() === BANG) {
      this.skip();
    } else if (directive && this.pos - from !== 1) {
      // In a %TAG directive the handle must be '!', '!!' or '!name!'.
      this.tagError(this.rules.tagHandleContexts[1], start, "did not find expected '!'");
    }
    return this.s.slice(from, this.pos);
  }

  /**
   * The URI part of a tag. `headLength` counts characters already read as a would-be handle,
   * which make the URI non-empty. `verbatim` is true inside `!<...>` and in %TAG prefixes.
   */
  private scanTagUri(verbatim: boolean, directive: boolean, headLength: number, start: Mark): void {
    let length = headLength;
    const flowChars = this.rules.flowCharsInTags || verbatim;
    for (;;) {
      const ch = this.ch();
      if (ch === PERCENT) {
        this.scanUriEscapes(directive, start);
      } else if (isAlpha(ch) || URI_PUNCT.has(ch) || (flowChars && URI_FLOW_PUNCT.has(ch))) {
        this.skip();
      } else {
        break;
      }
      length++;
    }
    if (!length) {
      this.tagError(directive ? 'while parsing a %TAG directive' : 'while parsing a tag', start, 'did not find expected tag URI');
    }
  }

  /** An error of a tag's handle or URI (libyaml's yaml_parser_set_scanner_tag_error). */
  private tagError(context: string, start: Mark, problem: string): never {
    return this.scannerError(context, start, this.rules.tagErrorProblem ?? problem);
  }

  private scanUriEscapes(directive: boolean, start: Mark): void {
    const context = directive ? 'while parsing a %TAG directive' : 'while parsing a tag';
    let width = 0;
    do {
      if (!(this.ch() === PERCENT && isHex(this.ch(1)) && isHex(this.ch(2)))) {
        this.tagError(context, start, 'did not find URI escaped octet');
      }
      const octet = (asHex(this.ch(1)) << 4) + asHex(this.ch(2));
      if (!width) {
        width = (octet & 0x80) === 0 ? 1 : (octet & 0xe0) === 0xc0 ? 2 : (octet & 0xf0) === 0xe0 ? 3 : (octet & 0xf8) === 0xf0 ? 4 : 0;
        if (!width) this.tagError(context, start, 'found an incorrect leading UTF-8 octet');
      } else if ((octet & 0xc0) !== 0x80) {
        this.tagError(context, start, 'found an incorrect trailing UTF-8 octet');
      }
      this.skip();
      this.skip();
      this.skip();
    } while (--width);
  }

  private scanBlockScalar(): void {
    const start = this.mark();
    const literal = this.ch() === PIPE;
    this.skip(); // '|' or '>'

    // Chomping and indentation indicators, in either order.
    let increment = 0;
    let chomping = 0;
    if (this.ch() === PLUS || this.ch() === DASH) {
      chomping = this.ch() === PLUS ? 1 : -1;
      this.skip();
      if (isDigit(this.ch())) {
        if (this.ch() === ZERO) this.scannerError('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
        increment = this.ch() - ZERO;
        this.skip();
      }
    } else if (isDigit(this.ch())) {
      if (this.ch() === ZERO) this.scannerError('while scanning a block scalar', start, 'found an indentation indicator equal to 0');
      increment = this.ch() - ZERO;
      this.skip();
      if (this.ch() === PLUS || this.ch() === DASH) {
        chomping = this.ch() === PLUS ? 1 : -1;
        this.skip();
      }
    }

    while (isBlank(this.ch())) this.skip();
    if (this.ch() === HASH) {
      while (!isBreakZ(this.ch())) this.skip();
    }
    if (!isBreakZ(this.ch())) {
      this.scannerError('while scanning a block scalar', start, 'did not find expected comment or line break');
    }
    if (isBreak(this.ch())) this.skipLine();

    const values = this.values;
    const headerEnd = this.pos;
    let value = '';
    let leadingBreak = '';
    let leadingBlank = false;
    let contentEnd = -1;
    let firstIndent = -1;
    this.breaks = '';
    this.breaksEnd = this.pos;

    let indent = increment ? (this.indent >= 0 ? this.indent + increment : increment) : 0;
    indent = this.scanBlockScalarBreaks(indent, start);

    // Content lines: each starts at exactly `indent`; a shorter indentation ends the scalar.
    while (this.column === indent && this.ch() !== 0) {
      const s = this.s;
      let i = this.pos;
      if (values) {
        const trailingBlank = isBlank(this.ch());
        if (!literal && leadingBreak === '\n' && !leadingBlank && !trailingBlank) {
          if (this.breaks === '') value += ' ';
        } else {
          value += leadingBreak;
        }
        leadingBreak = '';
        value += this.breaks;
        this.breaks = '';
        leadingBlank = trailingBlank;
        if (firstIndent < 0) firstIndent = this.column + spacesAt(s, i);
      }
      // Consume the rest of the line; what it holds does not matter.
      for (;;) {
        if (i >= this.limit) {
          this.advanceTo(i);
          this.readerFail();
        }
        const code = s.charCodeAt(i);
        if (i >= s.length || isBreak(code)) break;
        i++;
      }
      if (values) value += s.slice(this.pos, i);
      this.advanceTo(i);
      if (values) leadingBreak = this.breakText();
      this.skipLine();
      if (values) {
        contentEnd = this.pos;
        this.breaksEnd = this.pos;
      }
      indent = this.scanBlockScalarBreaks(indent, start);
    }
    const token = this.enqueue(Tok.Scalar, start);
    if (values) {
      if (chomping !== -1) value += leadingBreak;
      if (chomping === 1) value += this.breaks;
      token.value = value;
      token.style = Style.Block;
      token.end = blockScalarEnd(this.s, headerEnd, contentEnd, this.breaksEnd, firstIndent, chomping === 1);
    }
  }

  /** The text libyaml's READ_LINE appends for the line break here: LS and PS stay, the others become LF. */
  private breakText(): string {
    const ch = this.s.charCodeAt(this.pos);
    if (ch === LS || ch === PS) return String.fromCharCode(ch);
    return isBreak(ch) ? '\n' : '';
  }

  /** Move to offset `to` on the current line, counting characters (surrogate pairs as one). */
  private advanceTo(to: number): void {
    const s = this.s;
    let chars = 0;
    for (let i = this.pos; i < to; i++) {
      const code = s.charCodeAt(i);
      if (code >= 0xdc00 && code <= 0xdfff && i > this.pos) {
        const prev = s.charCodeAt(i - 1);
        if (prev >= 0xd800 && prev <= 0xdbff) continue;
      }
      chars++;
    }
    this.pos = to;
    this.index += chars;
    this.column += chars;
  }

  /**
   * Indentation and empty lines of a block scalar; fixes the indentation from the first
   * non-empty line when no indicator gave it, and returns it.
   */
  private scanBlockScalarBreaks(indent: number, start: Mark): number {
    let maxIndent = 0;
    for (;;) {
      while ((!indent || this.column < indent) && this.ch() === SP) this.skip();
      if (this.column > maxIndent) maxIndent = this.column;
      if ((!indent || this.column < indent) && this.ch() === TAB) {
        this.scannerError('while scanning a block scalar', start, 'found a tab character where an indentation space is expected');
      }
      if (!isBreak(this.ch())) break;
      if (this.values) this.breaks += this.breakText();
      this.skipLine();
      this.breaksEnd = this.pos;
    }
    if (!indent) {
      indent = maxIndent;
      if (indent < this.indent + 1) indent = this.indent + 1;
      if (indent < 1) indent = 1;
    }
    return indent;
  }

  private scanFlowScalar(single: boolean): void {
    const start = this.mark();
    const quote = single ? SQUOTE : DQUOTE;
    this.skip();
    for (;;) {
      if (this.column === 0 && this.atDocumentIndicator()) {
        this.scannerError('while scanning a quoted scalar', start, 'found unexpected document indicator');
      }
      if (this.ch() === 0) this.scannerError('while scanning a quoted scalar', start, 'found unexpected end of stream');

      // Non-blank characters.
      for (;;) {
        const ch = this.ch();
        if (isBlankZ(ch)) break;
        if (single && ch === SQUOTE && this.ch(1) === SQUOTE) {
          this.skip();
          this.skip();
        } else if (ch === quote) {
          break;
        } else if (!single && ch === BACKSLASH && isBreak(this.ch(1))) {
          // An escaped line break: the line continues without a space.
          this.skip();
          this.skipLine();
          break;
        } else if (!single && ch === BACKSLASH) {
          this.scanEscape(start);
        } else {
          this.skip();
        }
      }
      if (this.ch() === quote) break;

      // Blanks and line breaks.
      for (;;) {
        const ch = this.ch();
        if (isBlank(ch)) this.skip();
        else if (isBreak(ch)) this.skipLine();
        else break;
      }
    }
    this.skip(); // the closing quote
    const token = this.enqueue(Tok.Scalar, start);
    if (this.values) {
      token.value = quotedValue(this.s, start.offset + 1, this.pos - 1, single);
      token.style = Style.Quoted;
    }
  }

  private scanEscape(start: Mark): void {
    let codeLength = 0;
    const escape = String.fromCharCode(this.ch(1));
    switch (escape) {
      case '0': case 'a': case 'b': case 't': case '\t': case 'n': case 'v': case 'f': case 'r': case 'e':
      case ' ': case '"': case '\\': case 'N': case '_': case 'L': case 'P':
        break;
      case 'x':
        codeLength = 2;
        break;
      case 'u':
        codeLength = 4;
        break;
      case 'U':
        codeLength = 8;
        break;
      default:
        if (escape !== this.rules.extraEscape) this.scannerError('while parsing a quoted scalar', start, 'found unknown escape character');
    }
    this.skip();
    this.skip();
    if (codeLength) {
      let value = 0;
      for (let k = 0; k < codeLength; k++) {
        const ch = this.ch(k);
        if (!isHex(ch)) this.scannerError('while parsing a quoted scalar', start, 'did not find expected hexdecimal number');
        value = value * 16 + asHex(ch);
      }
      if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
        this.scannerError('while parsing a quoted scalar', start, 'found invalid Unicode character escape code');
      }
      for (let k = 0; k < codeLength; k++) this.skip();
    }
  }

  /** '---' or '...' followed by a blank or the end (the caller checks for column 0). */
  private atDocumentIndicator(): boolean {
    const ch = this.ch();
    return (
      (ch === DASH || ch === DOT) && this.ch(1) === ch && this.ch(2) === ch && isBlankZ(this.ch(3))
    );
  }

  private scanPlainScalar(): void {
    const start = this.mark();
    let leadingBlanks = false;
    const indent = this.indent + 1;
    const strictColon = this.rules.strictFlowColon;
    const v3Colon = this.rules.v3FlowColon;
    let end = this.pos;
    let folded = false;
    for (;;) {
      if (this.column === 0 && this.atDocumentIndicator()) break;
      if (this.ch() === HASH) break;

      // Non-blank characters.
      for (;;) {
        const ch = this.ch();
        if (isBlankZ(ch)) break;
        if (this.flowLevel) {
          if (ch === COLON) {
            const next = this.ch(1);
            if (v3Colon ? false : strictColon ? !isBlankZ(next) : next === COMMA || next === QUESTION || next === LBRACKET || next === RBRACKET || next === LBRACE || next === RBRACE) {
              this.scannerError('while scanning a plain scalar', start, "found unexpected ':'");
            }
          }
          if (ch === COMMA || ch === LBRACKET || ch === RBRACKET || ch === LBRACE || ch === RBRACE) break;
          if (strictColon && (ch === COLON || ch === QUESTION)) break;
          if (v3Colon && ch === QUESTION) break;
        }
        if (ch === COLON && isBlankZ(this.ch(1))) break;
        // Joining the text after a line break ends the "leading blanks" of the new line.
        leadingBlanks = false;
        this.skip();
        end = this.pos;
      }

      // Is it the end?
      if (!(isBlank(this.ch()) || isBreak(this.ch()))) break;

      // Blanks and line breaks; a tab may not stand in for the indentation of a continuation line.
      for (;;) {
        const ch = this.ch();
        if (isBlank(ch)) {
          if (leadingBlanks && this.column < indent && ch === TAB) {
            this.scannerError('while scanning a plain scalar', start, this.rules.tabInPlainScalar);
          }
          this.skip();
        } else if (isBreak(ch)) {
          leadingBlanks = true;
          folded = true;
          this.skipLine();
        } else break;
      }
      // A continuation line must be indented more than the enclosing block collection.
      if (!this.flowLevel && this.column < indent) break;
    }
    const token = this.enqueue(Tok.Scalar, start);
    if (this.values) {
      token.end = end;
      token.value = folded ? plainValue(this.s, start.offset, end) : this.s.slice(start.offset, end);
      token.style = Style.Plain;
    }
    // A plain scalar that ran over a line break leaves the scanner at the start of a new line.
    if (leadingBlanks) this.simpleKeyAllowed = true;
  }
}
