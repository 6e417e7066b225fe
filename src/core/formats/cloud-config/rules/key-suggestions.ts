import { keysOf, rootShape, shapeAt, type Shape } from '../schema/shape';
import type { Enrich } from './context';
import { closest } from './edit-distance';
import { renameFix } from './rename-fix';

/** How messages name a place in the config: "coreos.update", "entries of write_files", "the top level". */
export type Place = string;

function collectPlaces(shape: Shape, path: string[], listItem: boolean, out: Map<string, Place[]>) {
  const place = path.length === 0 ? 'the top level' : listItem ? `entries of ${path.join('.')}` : path.join('.');
  for (const [key, field] of shape.fields ?? []) {
    out.set(key, [...(out.get(key) ?? []), place]);
    const struct = field.goType === '[]struct' ? field.element : field.goType === 'struct' ? field : undefined;
    if (struct) collectPlaces(struct, [...path, key], field.goType === '[]struct', out);
  }
}

/** Every key of the schema, with the places where it is valid. */
const PLACES = (() => {
  const out = new Map<string, Place[]>();
  collectPlaces(rootShape, [], false, out);
  return out;
})();

/** More places than this and naming them stops helping. */
const MAX_PLACES = 3;

export type KeySuggestion = { kind: 'rename'; key: string } | { kind: 'move'; places: Place[] };

/**
 * What an unknown key (normalised name) under `parentPath` was probably meant to be: a key valid
 * elsewhere that was put in the wrong place, or else a typo of a key valid here.
 */
export function suggestKey(name: string, parentPath: readonly (string | number)[]): KeySuggestion | undefined {
  const places = PLACES.get(name);
  if (places && places.length <= MAX_PLACES) return { kind: 'move', places };
  const here = closest(name, keysOf(shapeAt(parentPath)));
  return here ? { kind: 'rename', key: here } : undefined;
}

/** "a", "a or b", "a, b or c". */
export const orList = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

/** An unknown-key finding with what the key was probably meant to be. */
export const suggestForUnknownKey: Enrich = (f, ctx) => {
  const node = f.node;
  if (!node?.keyRange || !node.keyIsString) return f;
  const s = suggestKey(node.name, node.path.slice(0, -1));
  if (!s) return f;
  if (s.kind === 'rename') return { ...f, message: `${f.message}; did you mean "${s.key}"?`, fixes: [renameFix(ctx, node, s.key)] };
  const where = s.places.map((p) => (p === 'the top level' ? 'at the top level' : `under ${p}`));
  return { ...f, message: `${f.message}; it belongs ${orList(where)}` };
};
