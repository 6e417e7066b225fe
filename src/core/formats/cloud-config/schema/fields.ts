import { z } from 'zod';

/**
 * Metadata every cloud-config key carries. It lives in zod's registry (`.meta()`), so the
 * JSON Schema export, the hover docs and the checks all read the same record.
 */
export interface FieldMeta {
  description: string;
  /** Allowed-value pattern, exactly as the reference validator's `valid` tag (JS syntax). */
  valid?: RegExp;
  /** Human list of allowed values for hover and completion. */
  values?: readonly string[];
  /** Reason text of the reference's `deprecated` tag. */
  deprecatedReason?: string;
  /** Go type name the reference prints in "incorrect type" messages. */
  goType: GoType;
}

export type GoType = 'string' | 'int' | 'float64' | 'bool' | 'struct' | '[]string' | '[]struct';

type Extra = Partial<Pick<FieldMeta, 'valid' | 'values' | 'deprecatedReason'>>;

function withMeta<T extends z.ZodType>(schema: T, goType: GoType, description: string, extra: Extra = {}): T {
  const meta: FieldMeta & { deprecated?: boolean } = { description, goType, ...extra };
  if (extra.deprecatedReason) meta.deprecated = true;
  return schema.meta(meta as unknown as Record<string, unknown>) as T;
}

export function str(description: string, extra: Extra = {}) {
  const base = extra.valid ? z.string().regex(extra.valid) : z.string();
  return withMeta(base, 'string', description, extra);
}
export const int = (description: string, extra: Extra = {}) => withMeta(z.number().int(), 'int', description, extra);
export const float = (description: string, extra: Extra = {}) => withMeta(z.number(), 'float64', description, extra);
export const bool = (description: string, extra: Extra = {}) => withMeta(z.boolean(), 'bool', description, extra);
export const strList = (description: string, extra: Extra = {}) => withMeta(z.array(z.string()), '[]string', description, extra);

export function struct<S extends z.ZodRawShape>(description: string, shape: S, extra: Extra = {}) {
  return withMeta(z.object(shape), 'struct', description, extra);
}
export function structList<S extends z.ZodRawShape>(description: string, shape: S, extra: Extra = {}) {
  return withMeta(z.array(z.object(shape)), '[]struct', description, extra);
}
