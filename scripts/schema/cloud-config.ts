/**
 * The cloud-config schema as JSON Schema (draft-07, the
 * draft yaml-language-server and most editors read), for a `# yaml-language-server: $schema=`
 * modeline. Generated from the same zod schema the validator uses, then adjusted to accept what
 * coreos-cloudinit accepts:
 *  - a string field also takes a number or boolean scalar (the config gets its source text, so
 *    unquoted `permissions: 0644` or `proxy: on` are fine); any field may be empty (null);
 *  - unknown keys are rejected (additionalProperties: false), as the validator warns about them;
 *  - each key with `_` also has its dashed spelling (`reboot-strategy`), which coreos-cloudinit
 *    reads as the same key: a copy of the underscore entry (no $ref, which some tools cannot
 *    follow), marked deprecated, since Flatcar no longer maps dashed keys;
 *  - allowed-value patterns match as the validator's do: case-insensitive ones spelled out, and an
 *    empty value passes;
 *  - deprecated keys carry `deprecated` and a `deprecationMessage` with the reason; the allowed
 *    values of a key are listed as `examples` for completion.
 */
import { z } from 'zod';
import { cloudConfigSchema } from '../../src/core/formats/cloud-config/schema/cloud-config';
import type { FieldMeta } from '../../src/core/formats/cloud-config/schema/fields';
import type { Shape } from '../../src/core/formats/cloud-config/schema/shape';
import { targetNotes } from '../../src/core/formats/cloud-config/schema/target-notes';
import type { Json } from './from-zod';

/** JSON types coreos-cloudinit accepts for a field of each JSON Schema type. */
const ACCEPTED: Record<string, string[]> = {
  string: ['string', 'number', 'boolean', 'null'],
  integer: ['integer', 'null'],
  number: ['number', 'null'],
  boolean: ['boolean', 'null'],
  object: ['object', 'null'],
  array: ['array', 'null'],
};

/** A JSON Schema pattern (no flags) for an allowed-value regex; empty values pass, as in the reference. */
export function jsonPattern(re: RegExp): string {
  if (/[^i]/.test(re.flags)) throw new Error(`cannot express the flags of ${re} in JSON Schema`);
  let source = re.source;
  if (re.flags.includes('i')) {
    if (/\[[^\]]*[A-Za-z]/.test(source)) throw new Error(`cannot case-fold ${re}: letters inside a character class`);
    source = source.replace(/\\.|[A-Za-z]/g, (c) => (c.length === 1 ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c));
  }
  return `^$|(?:${source})`;
}

/** Turns one generated node (zod's copy of our metadata included) into what editors should see. */
function adjust(node: Json, meta: Partial<FieldMeta> | undefined, isListItem: boolean) {
  for (const k of ['goType', 'valid', 'values', 'deprecatedReason', 'required', 'minimum', 'maximum']) delete node[k];
  const type = node.type as string;
  if (ACCEPTED[type] && !isListItem) node.type = ACCEPTED[type];
  if (type === 'object') node.additionalProperties = false;
  if (meta?.valid) node.pattern = jsonPattern(meta.valid);
  if (meta?.values) node.examples = [...meta.values];
  if (meta?.goType) {
    // Where Flatcar and CoreOS read the key differently.
    const notes = targetNotes({ goType: meta.goType, meta: meta as FieldMeta } as Shape);
    if (notes.length) node.description = [node.description, ...notes].filter(Boolean).join(' ');
  }
  if (meta?.deprecatedReason) {
    node.deprecated = true;
    node.deprecationMessage = `Deprecated: ${meta.deprecatedReason}.`;
  }
}

/** Adds the dashed spelling of each key: a copy of the underscore entry, marked deprecated. */
function addDashedAliases(node: Json) {
  const props = node.properties as Record<string, Json> | undefined;
  if (props) {
    for (const key of Object.keys(props)) {
      addDashedAliases(props[key]);
      if (!key.includes('_')) continue;
      props[key.replace(/_/g, '-')] = {
        ...structuredClone(props[key]),
        description: `Dashed spelling of ${key}, read as ${key} by coreos-cloudinit but no longer by Flatcar: write ${key}.`,
        deprecated: true,
        deprecationMessage: `Write ${key}: Flatcar no longer maps dashed keys.`,
      };
    }
  }
  if (node.items) addDashedAliases(node.items as Json);
}

export function cloudConfigJsonSchema(): Json {
  const schema = z.toJSONSchema(cloudConfigSchema, {
    target: 'draft-7',
    override: ({ zodSchema, jsonSchema, path }) => {
      const meta = z.globalRegistry.get(zodSchema) as Partial<FieldMeta> | undefined;
      adjust(jsonSchema as Json, meta, path[path.length - 1] === 'items');
    },
  }) as Json;
  addDashedAliases(schema);
  return {
    $schema: schema.$schema,
    title: 'CoreOS / Flatcar cloud-config',
    description:
      "Flatcar's coreos-cloudinit rejects the whole file at boot when a value has the wrong type or a key is written twice; CoreOS's dropped only that value.",
    ...schema,
  };
}
