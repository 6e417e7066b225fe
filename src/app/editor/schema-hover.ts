import type { EditorView, Tooltip } from '@codemirror/view';
import { shapeAt } from '../../core/schema/shape';
import { keyAt } from '../yaml-path';
import { renderKeyDocs } from './key-docs';
import { yamlSliceAround } from './yaml-slice';

/** Hovering a key (or its value) shows what the key is for, its type and its allowed values. */
export function keyDocsTooltip(view: EditorView, pos: number): Tooltip | null {
  const slice = yamlSliceAround(view.state, pos);
  if (!slice) return null;
  const hit = keyAt(slice.text, pos - slice.offset);
  // Inside a subtree that is itself unknown there is nothing to say about each key.
  if (!hit || !shapeAt(hit.path.slice(0, -1))) return null;
  const shape = shapeAt(hit.path);
  return {
    pos: hit.onKey ? slice.offset + hit.from : pos,
    end: hit.onKey ? slice.offset + hit.to : pos,
    above: true,
    create: () => ({ dom: renderKeyDocs(hit.path, shape) }),
  };
}
