import { EditorView } from '@codemirror/view';

/** Selects [from, to) of the text (clamped to it), scrolls it into view and focuses the editor. */
export function selectRange(view: EditorView, from: number, to: number): void {
  const length = view.state.doc.length;
  const anchor = Math.min(from, length);
  const head = Math.min(Math.max(to, from), length);
  view.dispatch({ selection: { anchor, head }, effects: EditorView.scrollIntoView(anchor, { y: 'nearest', yMargin: 60 }) });
  view.focus();
}
