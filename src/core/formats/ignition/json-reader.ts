/**
 * A strict JSON reader that keeps positions: the syntax errors of Go's encoding/json (its
 * scanner's wording, at its offset) and a tree whose markers are those of coreos/go-json, the
 * reader behind ignition-validate's line and column numbers.
 */

export type JsonNode = JsonObject | JsonArray | JsonScalar;

interface Base {
  /** Offset of the first character (the bracket of an object or array). */
  start: number;
  /** Offset just past the value. */
  end: number;
}

export interface JsonMember {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}

export interface JsonObject extends Base {
  type: 'object';
  /** Every member in document order, duplicates included (Go's decoder reads them all). */
  members: JsonMember[];
}

export interface JsonArray extends Base {
  type: 'array';
  items: JsonNode[];
}

export interface JsonScalar extends Base {
  type: 'string' | 'number' | 'bool' | 'null';
  value: string | number | boolean | null;
  /** The literal as written (numbers keep their spelling for Go's error messages). */
  raw: string;
}

export interface JsonSyntaxError {
  message: string;
  /** Offset of the character the scanner refused (the text length at the end of input). */
  at: number;
  /** Go's SyntaxError.Offset in characters: one past the refused character. */
  goOffset: number;
}

/** Go's encoding/json refuses deeper nesting. */
export const MAX_JSON_DEPTH = 10000;

/** Go's quoteChar: a byte as the scanner names it. */
function quoteChar(ch: string): string {
  if (ch === "'") return "'\\''";
  if (ch === '"') return '\'"\'';
  let c = ch.codePointAt(0)!;
  // The scanner reads bytes: a multi-byte character is named by its first byte.
  if (c > 0x7f) c = new TextEncoder().encode(ch)[0];
  const named: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 0x5c: '\\\\' };
  if (named[c]) return `'${named[c]}'`;
  if (c < 0x20 || c === 0x7f) return `'\\x${c.toString(16).padStart(2, '0')}'`;
  if (c >= 0x80 && c < 0xa0) return `'\\u${c.toString(16).padStart(4, '0')}'`;
  if (c === 0xad) return "'\\u00ad'";
  return `'${String.fromCharCode(c)}'`;
}

class SyntaxFailure {
  constructor(readonly error: JsonSyntaxError) {}
}

const LITERALS = [
  ['true', true],
  ['false', false],
  ['null', null],
] as const;

// eslint-disable-next-line no-control-regex
const PLAIN = /[^"\\\x00-\x1f]*/y;
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isHex = (c: string | undefined) => c !== undefined && /[0-9a-fA-F]/.test(c);

interface Frame {
  node: JsonObject | JsonArray;
  /** The member whose value is being read (objects): its key and where the key stands. */
  key: string;
  keyStart: number;
  keyEnd: number;
}

/** Reads `text` as Go's decoder does: the first syntax error, or the value tree. */
export function readJson(text: string): { ok: true; root: JsonNode } | { ok: false; error: JsonSyntaxError } {
  try {
    return { ok: true, root: new Reader(text).document() };
  } catch (e) {
    if (e instanceof SyntaxFailure) return { ok: false, error: e.error };
    throw e;
  }
}

class Reader {
  private i = 0;
  constructor(private readonly s: string) {}

  private fail(context: string, at = this.i): never {
    if (at >= this.s.length) throw new SyntaxFailure({ message: 'unexpected end of JSON input', at: this.s.length, goOffset: this.s.length });
    const ch = String.fromCodePoint(this.s.codePointAt(at)!);
    throw new SyntaxFailure({ message: `invalid character ${quoteChar(ch)} ${context}`, at, goOffset: at + 1 });
  }

  private skipSpace(): void {
    const s = this.s;
    let i = this.i;
    for (let c = s.charCodeAt(i); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = s.charCodeAt(++i));
    this.i = i;
  }

  document(): JsonNode {
    const stack: Frame[] = [];
    let root: JsonNode | undefined;
    const attach = (node: JsonNode) => {
      const top = stack[stack.length - 1];
      if (!top) root = node;
      else if (top.node.type === 'array') top.node.items.push(node);
      else top.node.members.push({ key: top.key, keyStart: top.keyStart, keyEnd: top.keyEnd, value: node });
    };
    // What the scanner expects next.
    let state: 'value' | 'first-item' | 'first-key' | 'key' | 'after-value' = 'value';
    for (;;) {
      this.skipSpace();
      const c = this.s[this.i];
      if (state === 'first-key' || state === 'key') {
        const obj = stack[stack.length - 1].node as JsonObject;
        if (state === 'first-key' && c === '}') {
          this.i++;
          obj.end = this.i;
          stack.pop();
          attach(obj);
          state = 'after-value';
          continue;
        }
        if (c !== '"') this.fail('looking for beginning of object key string');
        const keyStart = this.i;
        const key = this.string();
        const keyEnd = this.i;
        this.skipSpace();
        if (this.s[this.i] !== ':') this.fail('after object key');
        this.i++;
        const frame = stack[stack.length - 1];
        frame.key = key;
        frame.keyStart = keyStart;
        frame.keyEnd = keyEnd;
        state = 'value';
        continue;
      }
      if (state === 'first-item' && c === ']') {
        const arr = stack.pop()!.node as JsonArray;
        this.i++;
        arr.end = this.i;
        attach(arr);
        state = 'after-value';
        continue;
      }
      if (state === 'value' || state === 'first-item') {
        if (c === '{' || c === '[') {
          if (stack.length >= MAX_JSON_DEPTH) throw new SyntaxFailure({ message: 'exceeded max depth', at: this.i, goOffset: this.i + 1 });
          const start = this.i++;
          const node: JsonObject | JsonArray =
            c === '{' ? { type: 'object', start, end: start, members: [] } : { type: 'array', start, end: start, items: [] };
          stack.push({ node, key: '', keyStart: -1, keyEnd: -1 });
          state = c === '{' ? 'first-key' : 'first-item';
          continue;
        }
        attach(this.scalar());
        state = 'after-value';
        continue;
      }
      // after-value
      const top = stack[stack.length - 1];
      if (!top) {
        if (this.i < this.s.length) this.fail('after top-level value');
        return root!;
      }
      if (top.node.type === 'object') {
        if (c === ',') {
          this.i++;
          state = 'key';
        } else if (c === '}') {
          this.i++;
          top.node.end = this.i;
          stack.pop();
          attach(top.node);
        } else this.fail('after object key:value pair');
      } else if (c === ',') {
        this.i++;
        state = 'value';
      } else if (c === ']') {
        this.i++;
        top.node.end = this.i;
        stack.pop();
        attach(top.node);
      } else this.fail('after array element');
    }
  }

  private scalar(): JsonScalar {
    const start = this.i;
    const c = this.s[this.i];
    if (c === '"') {
      const value = this.string();
      return { type: 'string', value, start, end: this.i, raw: this.s.slice(start, this.i) };
    }
    if (c === '-' || isDigit(c)) {
      this.number();
      const raw = this.s.slice(start, this.i);
      return { type: 'number', value: Number(raw), start, end: this.i, raw };
    }
    for (const [word, value] of LITERALS) {
      if (c !== word[0]) continue;
      this.i++;
      for (let k = 1; k < word.length; k++, this.i++) {
        if (this.s[this.i] !== word[k]) this.fail(`in literal ${word} (expecting '${word[k]}')`);
      }
      return { type: value === null ? 'null' : 'bool', value, start, end: this.i, raw: word };
    }
    return this.fail('looking for beginning of value');
  }

  private number(): void {
    if (this.s[this.i] === '-') {
      this.i++;
      if (!isDigit(this.s[this.i])) this.fail('in numeric literal');
    }
    if (this.s[this.i] === '0') this.i++;
    else while (isDigit(this.s[this.i])) this.i++;
    if (this.s[this.i] === '.') {
      this.i++;
      if (!isDigit(this.s[this.i])) this.fail('after decimal point in numeric literal');
      while (isDigit(this.s[this.i])) this.i++;
    }
    if (this.s[this.i] === 'e' || this.s[this.i] === 'E') {
      this.i++;
      if (this.s[this.i] === '+' || this.s[this.i] === '-') this.i++;
      if (!isDigit(this.s[this.i])) this.fail('in exponent of numeric literal');
      while (isDigit(this.s[this.i])) this.i++;
    }
  }

  /** A string literal from its opening quote; returns its value. */
  private string(): string {
    this.i++;
    let out = '';
    let run = this.i;
    for (;;) {
      // Plain characters in one step.
      PLAIN.lastIndex = this.i;
      PLAIN.test(this.s);
      this.i = PLAIN.lastIndex;
      const c = this.s[this.i];
      if (c === undefined) this.fail('');
      if (c === '"') {
        out += this.s.slice(run, this.i);
        this.i++;
        return out;
      }
      if (c < ' ') this.fail('in string literal');
      if (c !== '\\') {
        this.i++;
        continue;
      }
      out += this.s.slice(run, this.i);
      this.i++;
      const e = this.s[this.i];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e !== undefined && e in simple) {
        out += simple[e];
        this.i++;
      } else if (e === 'u') {
        this.i++;
        for (let k = 0; k < 4; k++) if (!isHex(this.s[this.i + k])) this.fail('in \\u hexadecimal character escape', this.i + k);
        out += String.fromCharCode(parseInt(this.s.slice(this.i, this.i + 4), 16));
        this.i += 4;
      } else this.fail('in string escape code');
      run = this.i;
    }
  }
}

/** Offset where coreos/go-json's marker for a node starts: containers just past their bracket. */
export const markerOffset = (node: JsonNode): number => (node.type === 'object' || node.type === 'array' ? node.start + 1 : node.start);

const memberIndex = new WeakMap<JsonObject, Map<string, JsonMember>>();
/** Up to this many members an object is scanned; a larger one gets an index, built on first use. */
const SCANNED_MEMBERS = 16;

/** The last member named exactly `key` (vcontext's tree keeps the last of duplicates). */
export function memberNamed(node: JsonObject, key: string): JsonMember | undefined {
  const members = node.members;
  if (members.length <= SCANNED_MEMBERS) {
    for (let i = members.length - 1; i >= 0; i--) if (members[i].key === key) return members[i];
    return undefined;
  }
  let index = memberIndex.get(node);
  if (!index) {
    index = new Map(members.map((m) => [m.key, m]));
    memberIndex.set(node, index);
  }
  return index.get(key);
}
