/**
 * Shared by the Ignition and Butane JSON Schemas: turns one of the core's Ignition zod schemas
 * into draft-07 JSON Schema, with what its field metadata says (description, enum, pattern,
 * bounds, required) and unknown keys rejected. Each format names its keys and adds its own.
 */
import { z } from 'zod';
import { fieldMeta } from '../../src/core/formats/ignition/schema';

export type Json = Record<string, unknown>;

export const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

export interface ZodToJsonOptions {
  /** The key a field of a Go struct is written as (Ignition: as is; Butane: snake_case). */
  key: (field: string) => string;
  /** Fields to leave out, by Go struct type and field name. */
  omit?: (goType: string, field: string) => boolean;
  /** Keys a format adds to a Go struct type, as JSON Schema properties. */
  extra?: (goType: string) => Record<string, Json>;
  /** Adjusts a leaf (string, integer or boolean field) after it is built. */
  leaf?: (node: Json) => void;
  /** Replaces a field's description (by Go struct type and field name). */
  describe?: (goType: string, field: string) => string | undefined;
}

/** JSON Schema types of a zod leaf; null too, since Go's decoders leave a field alone on null. */
function leafType(s: z.ZodType): string {
  if (s instanceof z.ZodString) return 'string';
  if (s instanceof z.ZodBoolean) return 'boolean';
  if (s instanceof z.ZodNumber) return 'integer';
  throw new Error(`no JSON Schema type for ${s.constructor.name}`);
}

export function zodToJsonSchema(schema: z.ZodType, opts: ZodToJsonOptions): Json {
  const meta = fieldMeta(schema);
  const out: Json = {};
  if (meta?.description) out.description = meta.description;
  if (schema instanceof z.ZodObject) {
    const go = meta?.go ?? '';
    const properties: Record<string, Json> = {};
    const required: string[] = [];
    for (const [field, child] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      if (opts.omit?.(go, field)) continue;
      const key = opts.key(field);
      properties[key] = zodToJsonSchema(child, opts);
      const description = opts.describe?.(go, field);
      if (description) properties[key].description = description;
      if (fieldMeta(child)?.json?.required) required.push(key);
    }
    Object.assign(properties, opts.extra?.(go));
    return { ...out, type: ['object', 'null'], properties, ...(required.length ? { required } : {}), additionalProperties: false };
  }
  if (schema instanceof z.ZodArray) {
    // A null entry would decode to an empty struct and fail the checks: items are never null.
    const items = zodToJsonSchema(schema.element as z.ZodType, opts);
    items.type = (items.type as string[]).filter((t) => t !== 'null');
    if (Array.isArray(items.enum)) items.enum = items.enum.filter((e) => e !== null);
    return { ...out, type: ['array', 'null'], items };
  }
  const hints = meta?.json ?? {};
  Object.assign(out, { type: [leafType(schema), 'null'] });
  if (hints.enum) out.enum = [...hints.enum, null];
  if (hints.pattern) out.pattern = hints.pattern;
  if (hints.maxLength !== undefined) out.maxLength = hints.maxLength;
  if (hints.minimum !== undefined) out.minimum = hints.minimum;
  if (hints.maximum !== undefined) out.maximum = hints.maximum;
  opts.leaf?.(out);
  return out;
}

/** A property's schema by path (keys), for a format to adjust one field. */
export function propertyAt(root: Json, ...keys: string[]): Json {
  let n = root;
  for (const k of keys) n = (n.properties as Record<string, Json>)[k];
  return n;
}

/** Pretty JSON with a final newline, as the files are committed. */
export const jsonText = (schema: Json) => JSON.stringify(schema, null, 2) + '\n';
