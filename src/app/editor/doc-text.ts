import type { Text, Transaction } from '@codemirror/state';
import type { TextEdit } from '../../core/text/common-ends';
import type { TextHistory } from '../validation-client';

/** A replacement: [from, to) of a text became `length` characters. */
interface Span {
  from: number;
  to: number;
  length: number;
}

/** The one span that replacing `a` and then `b` (in the text `a` made) replaces, in the text before both. */
function composed(a: Span, b: Span): Span {
  const aEnd = a.from + a.length;
  const from = Math.min(a.from, b.from);
  const end = Math.max(aEnd, b.to); // in the text between the two
  return { from, to: end - aEnd + a.to, length: end + b.length - (b.to - b.from) - from };
}

/** The span a transaction's changes replace: from its first change to the end of its last. */
function spanOf(tr: Transaction): Span | undefined {
  let span: Span | undefined;
  tr.changes.iterChangedRanges((fromA, toA, fromB, toB) => {
    span = span ? { from: span.from, to: toA, length: toB - span.from } : { from: fromA, to: toA, length: toB - fromB };
  });
  return span;
}

/** How many edits back an edit can be asked for (see `edit`). */
const HISTORY = 512;
/** Once the text differs from its base by more than this, the text becomes the base. */
const REBASE_CHARS = 64 * 1024;

/**
 * The editor's text as one string, kept in step with its edits, and versioned: each edit makes a
 * new version, and the edit between two recent versions can be had without comparing them.
 *
 * A megabyte of text must never be made one string again on a keystroke: `Text.toString()` walks
 * every line, and reading a string that was joined from pieces makes V8 copy it into one piece
 * first (milliseconds a megabyte). So the text is joined from slices of a base string, which
 * cost nothing, and the part the edits since the base replaced, read from the editor's document.
 * Whoever reads the text pays for the copy then: the page reads a big text whole only once per
 * run of the validation worker, and an edit between versions not at all (see `edit`).
 */
export class DocText implements TextHistory {
  private doc: Text | undefined;
  private text = '';
  private base = '';
  /** How the text differs from the base; undefined when it is the base. */
  private sinceBase: Span | undefined;
  private current = 0;
  /** The span each recent version replaced in the one before it, the current version's last. */
  private spans: Span[] = [];

  /** The version of the text `of` returned last. */
  get version(): number {
    return this.current;
  }

  /** The text of `doc`; `trs` are the transactions that led to it, when known. */
  of(doc: Text, trs: readonly Transaction[] = []): string {
    if (doc === this.doc) return this.text;
    this.current++;
    const from = trs[0]?.startState.doc;
    let span: Span | undefined;
    if (from && from === this.doc && trs[trs.length - 1].newDoc === doc) {
      for (const tr of trs) {
        const next = tr.docChanged ? spanOf(tr) : undefined;
        if (next) span = span ? composed(span, next) : next;
      }
    }
    this.doc = doc;
    if (!span) {
      // Not an edit of the text before: no edit leads here from an earlier version.
      this.spans = [];
      this.sinceBase = undefined;
      this.text = this.base = doc.toString();
      return this.text;
    }
    this.spans.push(span);
    if (this.spans.length > HISTORY) this.spans.shift();
    const since = (this.sinceBase = this.sinceBase ? composed(this.sinceBase, span) : span);
    if (since.length + since.to - since.from > REBASE_CHARS) {
      this.text = this.base = doc.toString();
      this.sinceBase = undefined;
    } else {
      this.text = this.base.slice(0, since.from) + doc.sliceString(since.from, since.from + since.length) + this.base.slice(since.to);
    }
    return this.text;
  }

  /**
   * The edit that turns the text of version `from` into that of version `to`, which must be the
   * current one; undefined when that is not so, or `from` is no longer known. Read from the
   * editor's document: neither text is read whole.
   */
  edit(from: number, to: number): TextEdit | undefined {
    const back = this.current - from;
    if (to !== this.current || !this.doc || back < 0 || back > this.spans.length) return undefined;
    if (back === 0) return { from: 0, to: 0, insert: '' };
    let span = this.spans[this.spans.length - back];
    for (let i = this.spans.length - back + 1; i < this.spans.length; i++) span = composed(span, this.spans[i]);
    return { from: span.from, to: span.to, insert: this.doc.sliceString(span.from, span.from + span.length) };
  }
}
