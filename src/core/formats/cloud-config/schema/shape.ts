import { z } from 'zod';
import { cloudConfigSchema } from './cloud-config';
import type { FieldMeta, GoType } from './fields';

/** A walkable view of the zod schema: what the checks, hover and completion consult. */
export interface Shape {
  goType: GoType;
  meta?: FieldMeta;
  /** Fields of a struct, or of the struct elements of a `[]struct`. */
  fields?: ReadonlyMap<string, Shape>;
  /** Element shape of a slice. */
  element?: Shape;
}

function metaOf(schema: z.ZodType): FieldMeta | undefined {
  return z.globalRegistry.get(schema) as FieldMeta | undefined;
}

function toShape(schema: z.ZodType, meta = metaOf(schema)): Shape {
  if (schema instanceof z.ZodObject) {
    const fields = new Map<string, Shape>();
    for (const [key, child] of Object.entries(schema.shape)) fields.set(key, toShape(child as z.ZodType));
    return { goType: 'struct', meta, fields };
  }
  if (schema instanceof z.ZodArray) {
    const element = toShape(schema.element as z.ZodType, undefined);
    return { goType: element.goType === 'struct' ? '[]struct' : '[]string', meta, element };
  }
  if (schema instanceof z.ZodBoolean) return { goType: 'bool', meta };
  if (schema instanceof z.ZodNumber) return { goType: meta?.goType ?? 'float64', meta };
  return { goType: 'string', meta };
}

export const rootShape: Shape = toShape(cloudConfigSchema);

/** The shape at a path of keys (list indices skipped), or undefined where the key is unknown. */
export function shapeAt(path: readonly (string | number)[]): Shape | undefined {
  let shape: Shape | undefined = rootShape;
  for (const step of path) {
    if (!shape) return undefined;
    shape = typeof step === 'number' ? shape.element : shape.fields?.get(step);
  }
  return shape;
}

/** Keys valid in the struct at `shape` (for did-you-mean and completion). */
export function keysOf(shape: Shape | undefined): string[] {
  return shape?.fields ? [...shape.fields.keys()] : [];
}
