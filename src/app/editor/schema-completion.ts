import { insertCompletionText, startCompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import type { EditorView } from '@codemirror/view';
import { completionSpotAt, type YamlPath } from '../yaml-path';
import { schemaKind } from './config-kind';
import { jsonKeySpotAt } from './json-path';
import { allowedValues, renderKeyDocs } from './key-docs';
import { keySchemaFor, shapeIn, type DocShape, type KeySchema } from './key-schemas';
import { yamlSliceAround } from './yaml-slice';

const HEAD_CHARS = 64 * 1024;

/** Completion options for the keys of the mapping at `parent` that it does not have yet. */
function keyOptions(
  schema: KeySchema,
  parent: YamlPath,
  present: string[],
  renaming: boolean,
  insertText: (key: string, shape: DocShape) => string,
): Completion[] {
  const shape = shapeIn(schema.root, parent);
  if (!shape?.fields) return [];
  // Keys the mapping already has are not offered again (a second one would replace the first).
  return [...shape.fields].filter(([key]) => !present.includes(key)).map(([key, field]) => ({
    label: key,
    type: 'property',
    detail: field.meta?.deprecatedReason ? `${field.typeLabel ?? field.goType}, deprecated` : (field.typeLabel ?? field.goType),
    boost: field.meta?.deprecatedReason ? -1 : 0,
    info: () => renderKeyDocs([...parent, key], field, schema),
    apply(view: EditorView, _completion: Completion, applyFrom: number, applyTo: number) {
      view.dispatch(insertCompletionText(view.state, insertText(key, field), applyFrom, applyTo));
      // A key with a fixed set of values goes straight on to offering them.
      if (!renaming && allowedValues(field).length) startCompletion(view);
    },
  }));
}

/** Ignition (JSON): the keys valid in the object at the cursor, quoted. */
function jsonCompletion(context: CompletionContext, schema: KeySchema): CompletionResult | null {
  const spot = jsonKeySpotAt(context.state, context.pos, context.explicit);
  if (!spot) return null;
  const restOfLine = context.state.sliceDoc(spot.to, context.state.doc.lineAt(spot.to).to);
  const renaming = restOfLine.trimStart().startsWith(':');
  const open = spot.quoted ? '' : '"';
  const options = keyOptions(schema, spot.parent, spot.present, renaming, (key) => (renaming ? `${open}${key}"` : `${open}${key}": `));
  return options.length ? { from: spot.from, to: spot.to, validFor: /^[\w$-]*$/, options } : null;
}

/** Completes the keys valid at the cursor's place in the structure, and allowed values. */
export async function schemaCompletion(context: CompletionContext): Promise<CompletionResult | null> {
  const kind = schemaKind(context.state);
  const schema = await keySchemaFor(kind, context.state.sliceDoc(0, HEAD_CHARS));
  if (kind === 'ignition') return jsonCompletion(context, schema);

  const slice = yamlSliceAround(context.state, context.pos);
  if (!slice) return null;
  const spot = completionSpotAt(slice.text, context.pos - slice.offset);
  if (!spot) return null;
  const from = slice.offset + spot.from;
  const to = slice.offset + spot.to;

  if (spot.kind === 'value') {
    const values = allowedValues(shapeIn(schema.root, spot.path));
    if (!values.length) return null;
    // Boosts keep the schema's order (most common first) instead of the alphabet.
    const options = values.map((v, i) => ({ label: v, type: 'enum', boost: values.length - i }));
    return { from, to, validFor: /^[\w.-]*$/, options };
  }

  // Offer keys unprompted only once a word is begun; Ctrl-Space asks on an empty line.
  if (from === context.pos && !context.explicit) return null;
  const restOfLine = context.state.doc.sliceString(to, context.state.doc.lineAt(to).to);
  const renaming = restOfLine.trimStart().startsWith(':');
  // Renaming an existing key keeps its colon; a new one gets its own.
  const options = keyOptions(schema, spot.parent, spot.present, renaming, (key, shape) => (renaming ? key : !shape.fields && !shape.element ? `${key}: ` : `${key}:`));
  return options.length ? { from, to, validFor: /^[\w-]*$/, options } : null;
}
