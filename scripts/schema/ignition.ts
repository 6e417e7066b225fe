/** JSON Schema of an Ignition 3.x config, one per stable spec version Flatcar accepts. */
import { schemaFor, type SpecMinor } from '../../src/core/formats/ignition/schema';
import { DRAFT_07, propertyAt, zodToJsonSchema, type Json } from './from-zod';

/** Stable specs with a schema file (3.6.0-experimental changes without notice). */
export const IGNITION_SCHEMA_VERSIONS = ['3.0.0', '3.1.0', '3.2.0', '3.3.0', '3.4.0', '3.5.0'] as const;

export function ignitionJsonSchema(version: (typeof IGNITION_SCHEMA_VERSIONS)[number]): Json {
  const minor = Number(version.split('.')[1]) as SpecMinor;
  const body = zodToJsonSchema(schemaFor(minor), { key: (field) => field });
  const v = propertyAt(body, 'ignition', 'version');
  v.description = `spec version of this schema: "${version}"`;
  v.const = version;
  delete v.type;
  // The top level is the config itself, never null.
  body.type = 'object';
  return {
    $schema: DRAFT_07,
    title: `Ignition config, spec ${version}`,
    description:
      `An Ignition config of spec ${version}: its keys, types and the checks of ignition-validate a schema can express.`,
    ...body,
  };
}
