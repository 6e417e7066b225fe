import { insertCompletionText, startCompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { keysOf, shapeAt } from '../../core/schema/shape';
import { completionSpotAt } from '../yaml-path';
import { allowedValues, renderKeyDocs } from './key-docs';
import { yamlSliceAround } from './yaml-slice';

/** Completes the keys valid at the cursor's place in the structure, and allowed values. */
export function schemaCompletion(context: CompletionContext): CompletionResult | null {
  const slice = yamlSliceAround(context.state, context.pos);
  if (!slice) return null;
  const spot = completionSpotAt(slice.text, context.pos - slice.offset);
  if (!spot) return null;
  const from = slice.offset + spot.from;
  const to = slice.offset + spot.to;

  if (spot.kind === 'value') {
    const values = allowedValues(shapeAt(spot.path));
    if (!values.length) return null;
    // Boosts keep the schema's order (most common first) instead of the alphabet.
    const options = values.map((v, i) => ({ label: v, type: 'enum', boost: values.length - i }));
    return { from, to, validFor: /^[\w-]*$/, options };
  }

  // Offer keys unprompted only once a word is begun; Ctrl-Space asks on an empty line.
  if (from === context.pos && !context.explicit) return null;
  const parent = shapeAt(spot.parent);
  const restOfLine = context.state.doc.sliceString(to, context.state.doc.lineAt(to).to);
  const renaming = restOfLine.trimStart().startsWith(':');
  // Keys the mapping already has are not offered again (a second one would replace the first).
  const options: Completion[] = keysOf(parent).filter((key) => !spot.present.includes(key)).map((key) => {
    const shape = parent!.fields!.get(key)!;
    const scalar = !shape.fields && !shape.element;
    // Renaming an existing key keeps its colon; a new one gets its own.
    const text = renaming ? key : scalar ? `${key}: ` : `${key}:`;
    return {
      label: key,
      type: 'property',
      detail: shape.meta?.deprecatedReason ? `${shape.goType}, deprecated` : shape.goType,
      boost: shape.meta?.deprecatedReason ? -1 : 0,
      info: () => renderKeyDocs([...spot.parent, key], shape),
      apply(view, _completion, applyFrom, applyTo) {
        view.dispatch(insertCompletionText(view.state, text, applyFrom, applyTo));
        // A key with a fixed set of values goes straight on to offering them.
        if (!renaming && allowedValues(shape).length) startCompletion(view);
      },
    };
  });
  return options.length ? { from, to, validFor: /^[\w-]*$/, options } : null;
}
