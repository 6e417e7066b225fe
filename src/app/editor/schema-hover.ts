import type { EditorView, Tooltip } from '@codemirror/view';
import { keyAt } from '../yaml-path';
import { schemaKind } from './config-kind';
import { jsonKeyAt } from './json-path';
import { renderKeyDocs } from './key-docs';
import { keySchemaFor, shapeIn } from './key-schemas';
import { yamlSliceAround } from './yaml-slice';

/** Where the format's version is read from (Ignition's `"version"`, Butane's `version:`). */
const HEAD_CHARS = 64 * 1024;

/** Hovering a key (or its value) shows what the key is for, its type and its allowed values. */
export async function keyDocsTooltip(view: EditorView, pos: number): Promise<Tooltip | null> {
  const schema = await keySchemaFor(schemaKind(view.state), view.state.sliceDoc(0, HEAD_CHARS));
  // The text as it is now: it may have changed while the schema loaded.
  const { state } = view;
  const kind = schemaKind(state);
  if (pos > state.doc.length) return null;
  let hit: { path: (string | number)[]; from: number; to: number; onKey: boolean } | undefined;
  if (kind === 'ignition') hit = jsonKeyAt(state, pos);
  else {
    const slice = yamlSliceAround(state, pos);
    const inSlice = slice && keyAt(slice.text, pos - slice.offset);
    if (slice && inSlice) hit = { ...inSlice, from: slice.offset + inSlice.from, to: slice.offset + inSlice.to };
  }
  // Inside a subtree that is itself unknown there is nothing to say about each key.
  if (!hit || !shapeIn(schema.root, hit.path.slice(0, -1))) return null;
  const shape = shapeIn(schema.root, hit.path);
  const path = hit.path;
  return {
    pos: hit.onKey ? hit.from : pos,
    end: hit.onKey ? hit.to : pos,
    above: true,
    create: () => ({ dom: renderKeyDocs(path, shape, schema) }),
  };
}
