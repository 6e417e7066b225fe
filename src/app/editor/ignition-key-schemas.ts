import { z } from 'zod';
import { snake } from '../../core/formats/butane/snake';
import { fieldMeta, schemaFor, type SpecMinor } from '../../core/formats/ignition/schema';
import type { GoType } from '../../core/formats/cloud-config/schema/fields';
import type { DocShape, KeySchema } from './key-schemas';

/**
 * Ignition's keys (from the Ignition schema's field metadata) and Butane's (Ignition's keys in
 * snake_case, plus Butane's own additions), for hover docs and completion.
 */

/** What the containers are for, where the schema's metadata has no description. */
const CONTAINER_DOCS: Record<string, string> = {
  ignition: 'about this config itself: its spec version, configs to merge or replace it with, proxies, TLS and timeouts',
  config: 'other configs to merge into this one, or to replace it',
  proxy: 'proxies for the requests Ignition makes',
  security: 'TLS settings for the requests Ignition makes',
  tls: 'TLS settings',
  timeouts: 'how long Ignition waits for HTTP requests',
  kernelArguments: 'kernel arguments that must be present, or absent',
  kernel_arguments: 'kernel arguments that must be present, or absent',
  shouldExist: 'kernel arguments to add',
  should_exist: 'kernel arguments to add',
  shouldNotExist: 'kernel arguments to remove',
  should_not_exist: 'kernel arguments to remove',
  passwd: 'users and groups to create or change',
  users: 'users to create or change',
  groups: 'groups to create or change',
  storage: 'disks, RAID arrays, LUKS volumes, filesystems, and the files, directories and links written on them',
  disks: 'partition tables to write',
  partitions: 'partitions of the disk',
  raid: 'software RAID arrays to create',
  luks: 'LUKS encrypted volumes to create',
  filesystems: 'filesystems to create (and, while provisioning, mount)',
  files: 'files to write',
  directories: 'directories to create',
  links: 'links to create',
  systemd: 'systemd units to write, enable or mask',
  units: 'systemd units',
  dropins: 'drop-in files for the unit (in <unit>.d/)',
  contents: 'where the contents come from',
  append: 'contents to append to the file',
  verification: 'a hash the contents must match',
  httpHeaders: 'HTTP headers sent with the request',
  http_headers: 'HTTP headers sent with the request',
  user: 'the owner',
  group: 'the owning group',
  clevis: 'clevis bindings that unlock the volume',
  tang: 'Tang servers',
  custom: 'a custom clevis pin',
  cex: 'an IBM Crypto Express card',
  merge: 'configs merged into this one',
  replace: 'a config that replaces this one',
};

type Sugar = Record<string, [string, DocShape][]>;

const scalar = (goType: GoType, typeLabel: string, description: string, values?: readonly string[]): DocShape => ({
  goType,
  typeLabel,
  meta: { goType, description, ...(values ? { values } : {}) },
});

function typeLabelOf(schema: z.ZodType): string {
  if (schema instanceof z.ZodObject) return 'object';
  if (schema instanceof z.ZodArray) return `list of ${schema.element instanceof z.ZodObject ? 'objects' : 'strings'}`;
  if (schema instanceof z.ZodBoolean) return 'boolean';
  if (schema instanceof z.ZodNumber) return 'integer';
  return 'string';
}

function toDocShape(schema: z.ZodType, name: string, keyOf: (key: string) => string, sugar: Sugar, overrides: Record<string, string>): DocShape {
  const meta = fieldMeta(schema);
  const description = overrides[name] ?? meta?.description ?? CONTAINER_DOCS[name] ?? '';
  const typeLabel = typeLabelOf(schema);
  if (schema instanceof z.ZodObject) {
    const fields = new Map<string, DocShape>();
    for (const [key, child] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      fields.set(keyOf(key), toDocShape(child, keyOf(key), keyOf, sugar, overrides));
    }
    for (const [key, shape] of sugar[meta?.go ?? ''] ?? []) fields.set(key, shape);
    return { goType: 'struct', typeLabel, meta: { goType: 'struct', description }, fields };
  }
  if (schema instanceof z.ZodArray) {
    const element = toDocShape(schema.element as z.ZodType, name, keyOf, sugar, overrides);
    const goType: GoType = element.goType === 'struct' ? '[]struct' : '[]string';
    return { goType, typeLabel, meta: { goType, description }, element };
  }
  const goType: GoType = schema instanceof z.ZodBoolean ? 'bool' : schema instanceof z.ZodNumber ? 'int' : 'string';
  return scalar(goType, typeLabel, description);
}

const LOCAL_DOC = 'a file in the files directory given to butane (-d DIR), embedded in the config; a browser cannot read it, so inline the contents instead';

/** Butane's additions to Ignition's structures, by Go type. */
function butaneSugar(minor: SpecMinor): Sugar {
  const tree: DocShape = {
    goType: 'struct',
    typeLabel: 'object',
    meta: { goType: 'struct', description: 'a directory tree to copy' },
    fields: new Map([
      ['local', scalar('string', 'string', 'the directory, relative to the files directory (-d DIR)')],
      ['path', scalar('string', 'string', 'where to copy it (default: /)')],
    ]),
  };
  const contentsLocal: [string, DocShape] = ['contents_local', scalar('string', 'string', `the unit's contents from ${LOCAL_DOC}`)];
  return {
    'types.Resource': [
      ['inline', scalar('string', 'string', 'the contents, as text: butane writes them as a data URL')],
      ['local', scalar('string', 'string', `the contents from ${LOCAL_DOC}`)],
    ],
    'types.Storage': [['trees', { goType: '[]struct', typeLabel: 'list of objects', meta: { goType: '[]struct', description: 'directory trees from the files directory (-d DIR) to copy into the config' }, element: tree }]],
    'types.Filesystem': [['with_mount_unit', scalar('bool', 'boolean', 'also write a systemd mount unit for the filesystem')]],
    ...(minor >= 4 ? { 'types.Unit': [contentsLocal], 'types.Dropin': [contentsLocal] } : {}),
    'types.Config': [
      ['variant', scalar('string', 'string', 'the operating system the config is for', ['flatcar'])],
      ['version', scalar('string', 'string', 'the Butane spec version: 1.0.0 translates to Ignition 3.3.0, 1.1.0 to 3.4.0', ['1.1.0', '1.0.0'])],
    ],
  };
}

const BUTANE_OVERRIDES: Record<string, string> = {
  mode: 'permission bits; write them in octal with a leading zero, e.g. 0644',
};

const cache = new Map<string, KeySchema>();
const once = (key: string, make: () => KeySchema) => cache.get(key) ?? (cache.set(key, make()), cache.get(key)!);
const noNotes = () => [];

export const ignitionKeys = (minor: SpecMinor): KeySchema =>
  once(`ignition-${minor}`, () => ({
    format: 'Ignition',
    root: toDocShape(schemaFor(minor), '', (k) => k, {}, {}),
    unknownKey: `Not an Ignition ${'3.' + minor + '.0'} key at this place: Ignition ignores it and warns.`,
    notes: noNotes,
  }));

export const butaneKeys = (minor: SpecMinor): KeySchema =>
  once(`butane-${minor}`, () => ({
    format: 'Butane',
    root: toDocShape(schemaFor(minor), '', snake, butaneSugar(minor), BUTANE_OVERRIDES),
    unknownKey: 'Not a Butane key at this place: Butane ignores it and warns (butane --strict refuses it).',
    notes: noNotes,
  }));

