/**
 * Offsets to 1-based line/column: the one line model of every finding the all set places, in the
 * core, the CLI and the app. Lines end at \r\n, \r and \n, as in editors (CodeMirror, VS Code);
 * NEL, LS and PS do not end a line here. The reference set keeps the line numbers its validator
 * prints, which count otherwise: libyaml marks count NEL, LS and PS too (../yaml/libyaml-errors.ts),
 * and coreos-cloudinit finds keys by splitting on \n (../reference/line-scan.ts).
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    const starts = this.starts;
    // Without a match object per line: a megabyte has tens of thousands of them.
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) starts.push(i + 1);
      else if (c === 0x0d) {
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line of an offset. */
  lineOf(offset: number): number {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  position(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(o);
    return { line, column: o - this.starts[line - 1] + 1 };
  }

  /** [from, to) offsets of a 1-based line, without its line end. */
  lineRange(line: number): [number, number] {
    const from = this.starts[line - 1] ?? this.text.length;
    let to = line < this.starts.length ? this.starts[line] : this.text.length;
    while (to > from && (this.text[to - 1] === '\n' || this.text[to - 1] === '\r')) to--;
    return [from, to];
  }

  /**
   * A finding's place for offsets [from, to): kept inside the text (an error at its very end,
   * input cut short, has no character of its own) and at least one character long where there
   * is one.
   */
  span(from: number, to: number): { line: number; column: number; endLine: number; endColumn: number; from: number; to: number } {
    const f = Math.max(0, Math.min(from, this.text.length));
    const t = Math.min(Math.max(to, f + 1), this.text.length);
    const a = this.position(f);
    const b = this.position(t);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, from: f, to: t };
  }
}
