/**
 * go-systemd v22.5.0's unit.Deserialize as Ignition calls it: the sections of a unit file, or
 * the error it stops at. Its line-length guard depends on how much a bufio.Reader (4096 bytes)
 * holds at each step, so the reader is simulated byte for byte.
 */

const BUFFER = 4096;
const LINE_MAX = 2048;

export interface UnitOption {
  section: string;
  name: string;
  value: string;
}

class GoReader {
  private buf = 0; // source offset of buffer start
  private r = 0;
  private w = 0;
  private eof = false;
  private lastRune = -1;
  constructor(private readonly src: Uint8Array) {}

  get buffered(): number {
    return this.w - this.r;
  }

  private fill(): void {
    if (this.r > 0) {
      this.buf += this.r;
      this.w -= this.r;
      this.r = 0;
    }
    const n = Math.min(BUFFER - this.w, this.src.length - (this.buf + this.w));
    if (n <= 0) this.eof = true;
    else this.w += n;
  }

  private at(i: number): number {
    return this.src[this.buf + i];
  }

  peekHasNewline(n: number): boolean {
    while (this.w - this.r < n && this.w - this.r < BUFFER && !this.eof) this.fill();
    const end = Math.min(this.r + n, this.w);
    for (let i = this.r; i < end; i++) if (this.at(i) === 0x0a || this.at(i) === 0x0d) return true;
    return false;
  }

  /** A rune (code point, U+FFFD for bad UTF-8), or undefined at the end. */
  readRune(): number | undefined {
    while (this.r + 4 > this.w && !this.fullRune() && !this.eof && this.w - this.r < BUFFER) this.fill();
    this.lastRune = -1;
    if (this.r === this.w) return undefined;
    const [rune, size] = decodeRune(this.src, this.buf + this.r, this.buf + this.w);
    this.r += size;
    this.lastRune = size;
    return rune;
  }

  unreadRune(): void {
    if (this.lastRune > 0) this.r -= this.lastRune;
    this.lastRune = -1;
  }

  private fullRune(): boolean {
    const avail = this.w - this.r;
    if (avail === 0) return false;
    const b = this.at(this.r);
    const need = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    return avail >= need || b < 0xc0;
  }

  /** ReadBytes(delim): the bytes up to and including delim; `found` false at the end. */
  readBytes(delim: number): { bytes: number[]; found: boolean } {
    const out: number[] = [];
    this.lastRune = -1;
    for (;;) {
      for (let i = this.r; i < this.w; i++) {
        if (this.at(i) === delim) {
          for (let k = this.r; k <= i; k++) out.push(this.at(k));
          this.r = i + 1;
          return { bytes: out, found: true };
        }
      }
      if (this.eof) {
        for (let k = this.r; k < this.w; k++) out.push(this.at(k));
        this.r = this.w;
        return { bytes: out, found: false };
      }
      if (this.w - this.r >= BUFFER) {
        for (let k = this.r; k < this.w; k++) out.push(this.at(k));
        this.r = this.w;
      }
      this.fill();
    }
  }
}

function decodeRune(b: Uint8Array, i: number, end: number): [number, number] {
  const c = b[i];
  if (c < 0x80) return [c, 1];
  const need = c >= 0xf0 && c < 0xf8 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
  if (need === 0 || i + need > end) return [0xfffd, 1];
  let cp = c & (need === 2 ? 0x1f : need === 3 ? 0x0f : 0x07);
  for (let k = 1; k < need; k++) {
    const x = b[i + k];
    if ((x & 0xc0) !== 0x80) return [0xfffd, 1];
    cp = (cp << 6) | (x & 0x3f);
  }
  if ((need === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (need === 4 && (cp < 0x10000 || cp > 0x10ffff))) return [0xfffd, 1];
  return [cp, need];
}

const utf8 = new TextDecoder();
const text = (bytes: number[]) => utf8.decode(Uint8Array.from(bytes));
/** Go's unicode.IsSpace. */
const isSpace = (r: number) => r === 0x20 || (r >= 0x09 && r <= 0x0d) || r === 0x85 || r === 0xa0 || r === 0x1680 || (r >= 0x2000 && r <= 0x200a) || r === 0x2028 || r === 0x2029 || r === 0x202f || r === 0x205f || r === 0x3000;
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const TRIM = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'g');
/** Go's strings.TrimSpace. */
const trimAsciiSpace = (s: string) => s.replace(TRIM, '');

/** Go's %q of a byte slice (strconv.Quote). */
function goQuoteBytes(bytes: number[]): string {
  let out = '"';
  const s = utf8.decode(Uint8Array.from(bytes));
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (cp === 0xfffd) out += '\\ufffd';
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else if (cp === 7) out += '\\a';
    else if (cp === 8) out += '\\b';
    else if (cp === 9) out += '\\t';
    else if (cp === 10) out += '\\n';
    else if (cp === 11) out += '\\v';
    else if (cp === 12) out += '\\f';
    else if (cp === 13) out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (/[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch)) out += ch;
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + '"';
}

type Step = () => Step | null;

/** The options of a unit file, or the deserializer's error (without Ignition's prefix). */
export function deserializeUnit(contents: string): { options: UnitOption[] } | { error: string } {
  const rd = new GoReader(new TextEncoder().encode(contents));
  const options: UnitOption[] = [];
  let failure: string | undefined;
  const fail = (m: string): null => {
    failure = m;
    return null;
  };
  const toEOL = (): { line: number[]; eof: boolean } => {
    const { bytes, found } = rd.readBytes(0x0a);
    let line = bytes;
    // go-systemd trims a CR before the LF, so "a\r\n" keeps its CR.
    if (line[line.length - 1] === 0x0d) line = line.slice(0, -1);
    if (line[line.length - 1] === 0x0a) line = line.slice(0, -1);
    return { line, eof: !found };
  };
  const isComment = (r: number) => r === 0x23 || r === 0x3b;

  const ignoreLine = (next: Step): Step => () => {
    for (;;) {
      let { line } = toEOL();
      while (line[line.length - 1] === 0x20) line = line.slice(0, -1);
      if (line[line.length - 1] !== 0x5c) break;
    }
    return next;
  };
  const nextSection: Step = () => {
    const r = rd.readRune();
    if (r === undefined) return null;
    if (r === 0x5b) return sectionName;
    if (isComment(r)) return ignoreLine(nextSection);
    return nextSection;
  };
  const sectionName: Step = () => {
    const { bytes, found } = rd.readBytes(0x5d);
    if (!found) return fail('unable to find end of section');
    const section = text(bytes.slice(0, -1));
    return () => {
      const { line } = toEOL();
      const garbage = trimAsciiSpace(text(line));
      // go-systemd names the lexer's section field here, which it never sets.
      if (garbage.length > 0) return fail(`found garbage after section name : ${goQuoteBytes([...new TextEncoder().encode(garbage)])}`);
      return sectionOrOption(section);
    };
  };
  const sectionOrOption = (section: string): Step => () => {
    const r = rd.readRune();
    if (r === undefined) return null;
    if (isSpace(r)) return sectionOrOption(section);
    if (r === 0x5b) return sectionName;
    if (isComment(r)) return ignoreLine(sectionOrOption(section));
    rd.unreadRune();
    return optionName(section);
  };
  const optionName = (section: string): Step => () => {
    const name: number[] = [];
    for (;;) {
      const r = rd.readRune();
      if (r === undefined) return fail('EOF');
      if (r === 0x0a || r === 0x0d) return fail('unexpected newline encountered while parsing option name');
      if (r === 0x3d) break;
      name.push(...new TextEncoder().encode(String.fromCodePoint(r)));
    }
    return optionValue(section, trimAsciiSpace(text(name)), []);
  };
  const optionValue = (section: string, name: string, partial: number[]): Step => () => {
    for (;;) {
      const { line, eof } = toEOL();
      if (trimAsciiSpace(text(line)).length === 0) break;
      partial.push(...line);
      const idx = line.lastIndexOf(0x5c);
      if (idx === -1 || idx !== line.length - 1) break;
      if (!eof) partial.push(0x0a);
      return optionValue(section, name, partial);
    }
    const raw = text(partial);
    const value = raw.endsWith('\n') ? trimAsciiSpace(raw) + '\n' : trimAsciiSpace(raw);
    options.push({ section, name, value });
    return sectionOrOption(section);
  };

  let step: Step | null = nextSection;
  while (step) {
    if (rd.buffered >= LINE_MAX && !rd.peekHasNewline(LINE_MAX)) return { error: `line too long (max ${LINE_MAX} bytes)` };
    step = step();
  }
  return failure === undefined ? { options } : { error: failure };
}
