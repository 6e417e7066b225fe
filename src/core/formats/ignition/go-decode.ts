/**
 * encoding/json's Unmarshal of a read JSON tree into a config structure: the decoded value and
 * its first UnmarshalTypeError, worded and placed as Go reports it (fields matched exactly or
 * case-insensitively, unknown fields ignored, null leaving plain values alone).
 */
import { z } from 'zod';
import { fieldMeta } from './schema';
import type { JsonNode } from './json-reader';

export interface GoTypeError {
  message: string;
  /** What was found (`number`, `string`, `number 1.5`...), the Go type wanted, and the JSON path. */
  value: string;
  type: string;
  path: string;
  /** The same path as steps. */
  steps: (string | number)[];
  /** Go's UnmarshalTypeError.Offset (characters): after a literal, or just inside a bracket. */
  goOffset: number;
  /** The JSON value refused. */
  node: JsonNode;
}

export type Decoded = Record<string, unknown>;

/**
 * Where the decoder is: the innermost structure's name and the steps down to here, each a link
 * to its parent, so that going down costs nothing; the paths are spelled out only for an error.
 */
interface Context {
  struct: string;
  parent: Context | undefined;
  /** The field (a name) or list index taken from the parent; undefined at the root. */
  step: string | number | undefined;
}

/** The steps from the root: Go's field stack has the names only, the JSON path the indices too. */
function stepsOf(ctx: Context): (string | number)[] {
  const steps: (string | number)[] = [];
  for (let c: Context | undefined = ctx; c && c.step !== undefined; c = c.parent) steps.push(c.step);
  return steps.reverse();
}

/** A structure's field names and its Go name (as its errors print it), read once per schema. */
const structOf = new WeakMap<z.ZodObject, { keys: string[]; name: string }>();
function structInfo(schema: z.ZodObject): { keys: string[]; name: string } {
  let info = structOf.get(schema);
  if (!info) {
    info = { keys: Object.keys(schema.shape), name: goTypeOf(schema).replace(/^types\./, '').replace(/^util\./, '') };
    structOf.set(schema, info);
  }
  return info;
}

class Stop {
  constructor(readonly error: GoTypeError) {}
}

function jsonKind(node: JsonNode): string {
  return node.type === 'bool' ? 'bool' : node.type;
}

function goTypeOf(schema: z.ZodType): string {
  const meta = fieldMeta(schema);
  if (meta) return meta.go;
  if (schema instanceof z.ZodObject) return 'struct';
  if (schema instanceof z.ZodArray) return `[]${goTypeOf(schema.element as z.ZodType)}`;
  if (schema instanceof z.ZodNumber) return 'int';
  if (schema instanceof z.ZodBoolean) return 'bool';
  return 'string';
}

function typeError(node: JsonNode, schema: z.ZodType, ctx: Context, value = jsonKind(node)): never {
  const type = goTypeOf(schema);
  const steps = stepsOf(ctx);
  const fields = steps.filter((step) => typeof step === 'string');
  const where = fields.length ? `Go struct field ${ctx.struct}.${fields.join('.')}` : 'Go value';
  const goOffset = node.type === 'object' || node.type === 'array' ? node.start + 1 : node.end;
  const path = ['$', ...steps].join('.');
  throw new Stop({ message: `json: cannot unmarshal ${value} into ${where} of type ${type}`, value, type, path, steps, goOffset, node });
}

const INT64 = /^-?(0|[1-9][0-9]*)$/;
/** Whether an integer literal (INT64's form) is outside int64; one of up to 18 digits never is. */
const outsideInt64 = (raw: string) => raw.length > 18 && (BigInt(raw) > 9223372036854775807n || BigInt(raw) < -9223372036854775808n);

function decode(node: JsonNode, schema: z.ZodType, ctx: Context, existing: unknown): unknown {
  const pointer = fieldMeta(schema)?.pointer ?? false;
  if (node.type === 'null') return pointer ? undefined : existing;
  if (schema instanceof z.ZodObject) {
    if (node.type !== 'object') typeError(node, schema, ctx);
    const shape = schema.shape as Record<string, z.ZodType>;
    const { keys, name } = structInfo(schema);
    const out: Decoded = (existing as Decoded | undefined) ?? {};
    for (const m of node.members) {
      const key = keys.includes(m.key) ? m.key : keys.find((k) => k.toLowerCase() === m.key.toLowerCase());
      if (key === undefined) continue;
      out[key] = decode(m.value, shape[key], { struct: name, parent: ctx, step: key }, out[key]);
    }
    return out;
  }
  if (schema instanceof z.ZodArray) {
    if (node.type !== 'array') typeError(node, schema, ctx);
    return node.items.map((item, i) => decode(item, schema.element as z.ZodType, { struct: ctx.struct, parent: ctx, step: i }, undefined));
  }
  if (node.type === 'object' || node.type === 'array') typeError(node, schema, ctx);
  if (schema instanceof z.ZodNumber) {
    if (node.type !== 'number') typeError(node, schema, ctx);
    const raw = (node as { raw: string }).raw;
    if (!INT64.test(raw) || outsideInt64(raw)) typeError(node, schema, ctx, `number ${raw}`);
    if (fieldMeta(schema)?.unsigned && raw.startsWith('-')) typeError(node, schema, ctx, `number ${raw}`);
    return Number(raw);
  }
  if (schema instanceof z.ZodBoolean) {
    if (node.type !== 'bool') typeError(node, schema, ctx);
    return node.value;
  }
  if (node.type !== 'string') typeError(node, schema, ctx);
  return node.value;
}

/** Decodes `root` into `schema`: the value, or Go's first type error. */
export function goUnmarshal(root: JsonNode, schema: z.ZodType): { value: Decoded } | { error: GoTypeError } {
  try {
    return { value: (decode(root, schema, { struct: '', parent: undefined, step: undefined }, undefined) ?? {}) as Decoded };
  } catch (e) {
    if (e instanceof Stop) return { error: e.error };
    throw e;
  }
}

/** The version stub Ignition decodes first (util.versionStub). */
export const versionStub = z.object({ ignition: z.object({ version: z.string() }).meta({ go: 'struct { Version string }', pointer: false }) }).meta({ go: 'util.versionStub', pointer: false });
