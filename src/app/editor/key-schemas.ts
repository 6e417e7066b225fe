import type { InputKind } from '../../core';
import type { SpecMinor } from '../../core/formats/ignition/schema';
import { rootShape, type Shape } from '../../core/formats/cloud-config/schema/shape';
import { targetNotes } from '../../core/formats/cloud-config/schema/target-notes';

/**
 * The keys hover docs and completion know, for each format: cloud-config's schema here;
 * Ignition's and Butane's (ignition-key-schemas.ts) load the first time such a config is seen.
 */

/** A schema node with the type as the format's documentation names it. */
export interface DocShape extends Shape {
  typeLabel?: string;
  fields?: ReadonlyMap<string, DocShape>;
  element?: DocShape;
}

export interface KeySchema {
  /** "Ignition", "Butane", "cloud-config": whose key it is. */
  format: string;
  root: DocShape;
  /** What is said of a key that is not in the schema at its place. */
  unknownKey: string;
  /** Extra notes on a key (cloud-config's differences between CoreOS and Flatcar). */
  notes(shape: Shape, key: string | undefined): string[];
}

/** The shape at a path of keys and list indices, or undefined where a key is unknown. */
export function shapeIn(root: DocShape, path: readonly (string | number)[]): DocShape | undefined {
  let shape: DocShape | undefined = root;
  for (const step of path) {
    if (!shape) return undefined;
    shape = typeof step === 'number' ? shape.element : shape.fields?.get(step);
  }
  return shape;
}

/** Ignition's spec minor named by a config's `"version": "3.x.0"`; 3.4.0 (Flatcar's) when none is. */
export function ignitionMinor(text: string): SpecMinor {
  const m = /"version"\s*:\s*"3\.([0-6])\./.exec(text.slice(0, 64 * 1024));
  return m ? (Number(m[1]) as SpecMinor) : 4;
}

/** The Ignition spec a Butane config translates to (variant flatcar), by its `version:`. */
export function butaneMinor(text: string): SpecMinor {
  const m = /^version:[ \t]*["']?([\w.-]+)/m.exec(text.slice(0, 64 * 1024));
  return m?.[1] === '1.0.0' ? 3 : m?.[1]?.startsWith('1.2.0') ? 5 : 4;
}

export const cloudConfigKeys: KeySchema = {
  format: 'cloud-config',
  root: rootShape,
  unknownKey: 'Not a cloud-config key at this place: coreos-cloudinit ignores it.',
  notes: (shape, key) => targetNotes(shape, key),
};

/** The keys of a text of this kind: Ignition and Butane by their spec version, cloud-config for the rest. */
export async function keySchemaFor(kind: InputKind | undefined, text: string): Promise<KeySchema> {
  if (kind !== 'ignition' && kind !== 'butane') return cloudConfigKeys;
  const { butaneKeys, ignitionKeys } = await import('./ignition-key-schemas');
  return kind === 'ignition' ? ignitionKeys(ignitionMinor(text)) : butaneKeys(butaneMinor(text));
}
