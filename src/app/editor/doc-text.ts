import type { Text, Transaction } from '@codemirror/state';

/**
 * The editor's text as one string, kept in step with its edits. `Text.toString()` walks every
 * line and leaves a string of as many pieces, which its first reader must join: at 1 MB that is
 * several milliseconds a keystroke. An edit is applied to the string before it instead.
 */
export class DocText {
  private doc: Text | undefined;
  private text = '';

  /** The text of `doc`; `trs` are the transactions that led to it, when known. */
  of(doc: Text, trs: readonly Transaction[] = []): string {
    if (doc === this.doc) return this.text;
    const from = trs[0]?.startState.doc;
    this.text = from && from === this.doc && trs[trs.length - 1].newDoc === doc ? trs.reduce((text, tr) => applied(text, tr), this.text) : doc.toString();
    this.doc = doc;
    return this.text;
  }
}

/**
 * `text` with the transaction's changes. Joined with `+`, which copies nothing now: the string
 * is copied into one piece (a megabyte takes milliseconds) when it is first read, by whoever
 * needs it next, not inside the keystroke's task.
 */
function applied(text: string, tr: Transaction): string {
  if (!tr.docChanged) return text;
  let out = '';
  let at = 0;
  tr.changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
    out += text.slice(at, fromA) + inserted.toString();
    at = toA;
  });
  return out + text.slice(at);
}
