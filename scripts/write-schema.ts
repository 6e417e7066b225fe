/**
 * Writes the JSON Schemas under public/, for editors: cloud-config, Ignition (one per stable
 * spec 3.x) and Butane variant flatcar (one per version), each from the zod schema the
 * validator uses. `npm run schema`; test/schema.test.ts checks the files are current.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUTANE_SCHEMA_VERSIONS, butaneJsonSchema, type ButaneVersion } from './schema/butane';
import { cloudConfigJsonSchema } from './schema/cloud-config';
import { jsonText, type Json } from './schema/from-zod';
import { IGNITION_SCHEMA_VERSIONS, ignitionJsonSchema } from './schema/ignition';

export { jsonPattern } from './schema/cloud-config';

const PUBLIC = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');

export const SCHEMA_PATH = join(PUBLIC, 'cloud-config.schema.json');
export const schemaText = () => jsonText(cloudConfigJsonSchema());

/** Every schema file: its path and what it holds. */
export function schemaFiles(): { path: string; schema: () => Json }[] {
  return [
    { path: SCHEMA_PATH, schema: cloudConfigJsonSchema },
    ...IGNITION_SCHEMA_VERSIONS.map((v) => ({ path: join(PUBLIC, `ignition-${v}.schema.json`), schema: () => ignitionJsonSchema(v) })),
    ...(Object.keys(BUTANE_SCHEMA_VERSIONS) as ButaneVersion[]).map((v) => ({
      path: join(PUBLIC, `butane-flatcar-${v}.schema.json`),
      schema: () => butaneJsonSchema(v),
    })),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const f of schemaFiles()) {
    writeFileSync(f.path, jsonText(f.schema()));
    console.log(`wrote ${f.path}`);
  }
}
