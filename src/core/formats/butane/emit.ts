/**
 * The Ignition JSON butane writes: fields in the Go structs' order, empty values left out as
 * its JSON encoder leaves them out (nil pointers, empty lists, empty structs, zero numbers),
 * plain strings kept.
 */
import { z } from 'zod';
import { fieldMeta } from '../ignition/schema';

type Obj = Record<string, unknown>;

function emit(value: unknown, schema: z.ZodType): unknown {
  if (value === undefined) return undefined;
  if (schema instanceof z.ZodArray) {
    if (!Array.isArray(value) || value.length === 0) return undefined;
    return value.map((v) => emit(v, schema.element as z.ZodType) ?? {});
  }
  if (schema instanceof z.ZodObject) {
    const out: Obj = {};
    for (const [k, child] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      let v = emit((value as Obj)[k], child);
      // Plain (non-pointer) strings without omitempty: the node path, names, devices.
      if (v === undefined && child instanceof z.ZodString && !fieldMeta(child)?.pointer && ['path', 'name', 'device'].includes(k)) v = '';
      if (v !== undefined) out[k] = v;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (schema instanceof z.ZodNumber && !fieldMeta(schema)?.pointer && value === 0) return undefined;
  return value;
}

/** The config as butane's JSON output orders and trims it. */
export function ignitionJson(config: Obj, schema: z.ZodObject): Obj {
  const out = (emit(config, schema) ?? {}) as Obj;
  return { ignition: out.ignition ?? {}, ...out };
}
