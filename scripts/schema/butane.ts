/**
 * JSON Schema of a Butane config of variant flatcar: the Ignition spec it translates to, with
 * snake_case keys, without ignition.version (Butane writes it), without Clevis (butane refuses
 * it for flatcar), plus Butane's own keys.
 */
import { schemaFor, type SpecMinor } from '../../src/core/formats/ignition/schema';
import { YAML11_BOOL } from '../../src/core/formats/butane/validate';
import { snake } from '../../src/core/formats/butane/snake';
import { DRAFT_07, zodToJsonSchema, type Json } from './from-zod';

/** Butane flatcar versions and the Ignition spec each translates to. */
export const BUTANE_SCHEMA_VERSIONS = { '1.0.0': 3, '1.1.0': 4 } as const satisfies Record<string, SpecMinor>;
export type ButaneVersion = keyof typeof BUTANE_SCHEMA_VERSIONS;

const str = (description: string): Json => ({ description, type: ['string', 'null'] });
const bool = (description: string): Json => {
  const node: Json = { description, type: ['boolean', 'null'] };
  yamlBool(node);
  return node;
};

/** Butane's keys beyond Ignition's, by the Go type they join (1.1.0 added the *_local ones). */
function sugar(version: ButaneVersion): Record<string, Record<string, Json>> {
  const v11 = version === '1.1.0';
  const local = (what: string) => str(`path of a file under the files directory (butane --files-dir) whose contents become ${what}`);
  return {
    'types.Resource': {
      inline: str('the contents, written here; Butane embeds them as a data URL (instead of source or local)'),
      local: local('the contents (instead of source or inline)'),
    },
    'types.Storage': {
      trees: {
        description: 'directory trees under the files directory, copied in as files and links',
        type: ['array', 'null'],
        items: {
          type: 'object',
          properties: {
            local: str('the tree, relative to the files directory'),
            path: str('where it goes (default: /)'),
          },
          required: ['local'],
          additionalProperties: false,
        },
      },
    },
    'types.Filesystem': { with_mount_unit: bool('also write a systemd mount unit for it (needs path)') },
    ...(v11
      ? {
          'types.Unit': { contents_local: local('the unit (instead of contents)') },
          'types.Dropin': { contents_local: local('the drop-in (instead of contents)') },
          'types.PasswdUser': {
            ssh_authorized_keys_local: {
              description: 'files under the files directory holding SSH public keys, one a line',
              type: ['array', 'null'],
              items: { type: 'string' },
            },
          },
        }
      : {}),
  };
}

/** A bool field also takes the YAML 1.1 words (yes, off...), quoted or not, as Butane's decoder does. */
function yamlBool(node: Json) {
  const types = node.type as string[];
  if (!types.includes('boolean')) return;
  node.type = ['boolean', 'string', 'null'];
  node.pattern = `^(${Object.keys(YAML11_BOOL).join('|')})$`;
}

export function butaneJsonSchema(version: ButaneVersion): Json {
  const extras = sugar(version);
  const body = zodToJsonSchema(schemaFor(BUTANE_SCHEMA_VERSIONS[version]), {
    key: snake,
    omit: (go, field) => (go === 'types.Ignition' && field === 'version') || (go === 'types.Luks' && field === 'clevis'),
    extra: (go) => extras[go] ?? {},
    leaf: yamlBool,
    describe: (_go, field) =>
      field === 'mode' ? 'permission bits, in octal with a leading 0 (0644); a decimal-looking 644 is another mode' : undefined,
  });
  const props = body.properties as Record<string, Json>;
  body.type = 'object';
  body.properties = {
    variant: { description: 'the Butane variant: "flatcar"', const: 'flatcar' },
    version: { description: `the Butane version of this schema: "${version}"`, const: version },
    ...props,
  };
  body.required = ['variant', 'version'];
  return {
    $schema: DRAFT_07,
    title: `Butane config, variant flatcar ${version}`,
    description: `A Butane config for Flatcar (version ${version}, translating to Ignition 3.${BUTANE_SCHEMA_VERSIONS[version]}.0).`,
    ...body,
  };
}
