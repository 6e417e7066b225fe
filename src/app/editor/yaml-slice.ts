import type { EditorState } from '@codemirror/state';
import { topLevelEntryAround } from '../yaml-path';

/**
 * Hover and completion parse only the top-level entry around the cursor, and none longer than
 * this: parsing 64 KB of YAML takes a few milliseconds, a whole 5 MB document seconds.
 */
const MAX_SLICE_CHARS = 64 * 1024;

export interface YamlSlice {
  text: string;
  /** Document offset of the slice's first character. */
  offset: number;
}

export function yamlSliceAround(state: EditorState, pos: number): YamlSlice | undefined {
  const { doc } = state;
  const range = topLevelEntryAround((n) => doc.line(n).text, doc.lines, doc.lineAt(pos).number, MAX_SLICE_CHARS);
  if (!range) return undefined;
  const from = doc.line(range.first).from;
  return { text: doc.sliceString(from, doc.line(range.last).to), offset: from };
}
