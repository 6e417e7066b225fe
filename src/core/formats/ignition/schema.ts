/**
 * The Ignition 3.x config structures, one builder for every spec version: what versions share
 * is written once, and each difference names the version that brought it. Field metadata in
 * zod's registry carries the Go type (for the decoder's messages), pointer-ness (a Go pointer
 * is absent until given; a plain value has a zero value) and a short description.
 */
import { z } from 'zod';

export interface IgnitionFieldMeta {
  /** Go type as encoding/json names it in its messages, e.g. `int`, `types.Device`, `[]types.File`. */
  go: string;
  /** A Go pointer (or slice): JSON null clears it; absent means nil. */
  pointer: boolean;
  description?: string;
  /** An unsigned Go integer (uint, os.FileMode...): a negative number is a type error. */
  unsigned?: boolean;
  /** What else an editor's JSON Schema can say of the value (see scripts/schema). */
  json?: JsonHints;
}

/** Constraints the reference checks that JSON Schema can express; `required`: missing is an error. */
export interface JsonHints {
  enum?: string[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  required?: boolean;
}

/**
 * Read once per schema: zod's registry copies a schema's metadata down its chain of clones on
 * every read, and the decoders and rules read it for every value of a config (at 1 MB of
 * Ignition, a third of the run). A schema's metadata does not change once it is built.
 */
const metaOf = new WeakMap<z.ZodType, IgnitionFieldMeta | undefined>();

export function fieldMeta(schema: z.ZodType): IgnitionFieldMeta | undefined {
  if (metaOf.has(schema)) return metaOf.get(schema);
  const meta = z.globalRegistry.get(schema) as IgnitionFieldMeta | undefined;
  metaOf.set(schema, meta);
  return meta;
}

const entriesOf = new WeakMap<z.ZodObject, readonly (readonly [string, z.ZodType])[]>();

/** A struct schema's fields in order, listed once per schema (the walks visit them for every value). */
export function shapeEntries(schema: z.ZodObject): readonly (readonly [string, z.ZodType])[] {
  let fields = entriesOf.get(schema);
  if (!fields) entriesOf.set(schema, (fields = Object.entries(schema.shape as Record<string, z.ZodType>)));
  return fields;
}

const withMeta = <T extends z.ZodType>(schema: T, meta: IgnitionFieldMeta): T =>
  schema.meta(meta as unknown as Record<string, unknown>) as T;

/** The same field with JSON Schema hints added to its metadata. */
const hint = <T extends z.ZodType>(schema: T, json: JsonHints): T => withMeta(schema, { ...fieldMeta(schema)!, json });

const ABSOLUTE = '^/';
const GUID = '^([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})?$';
const UNIT_NAME = '\\.(service|socket|device|mount|automount|swap|target|path|timer|snapshot|slice|scope)$';

const str = (go = 'string', description?: string) => withMeta(z.string(), { go, pointer: false, description });
const pstr = (description?: string, go = 'string') => withMeta(z.string(), { go, pointer: true, description });
const int = (description?: string) => withMeta(z.number().int(), { go: 'int', pointer: false, description });
const pint = (description?: string) => withMeta(z.number().int(), { go: 'int', pointer: true, description });
const pbool = (description?: string) => withMeta(z.boolean(), { go: 'bool', pointer: true, description });
const list = <T extends z.ZodType>(element: T, go: string, description?: string) =>
  withMeta(z.array(element), { go, pointer: true, description });
const struct = <S extends z.ZodRawShape>(go: string, shape: S, description?: string) =>
  withMeta(z.object(shape), { go: `types.${go}`, pointer: false, description });

const PINS = ['tpm2', 'tang', 'sss'];

/** The supported spec versions: the minor of 3.x (6 is 3.6.0-experimental). */
export type SpecMinor = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** The zod schema of one spec version. */
export function ignitionSchema(v: SpecMinor) {
  const compression = () => hint(pstr('"gzip" or empty'), { enum: ['', 'gzip'] });
  const verification = struct('Verification', {
    hash: hint(pstr('hash of the contents, "sha512-<hex>"' + (v >= 1 ? ' or "sha256-<hex>"' : '')), {
      pattern: v >= 1 ? '^(sha512-[0-9A-Fa-f]{128}|sha256-[0-9A-Fa-f]{64})$' : '^sha512-[0-9A-Fa-f]{128}$',
    }),
  });
  const header = struct('HTTPHeader', { name: hint(str('string', 'header name'), { required: true }), value: pstr('header value') });
  const resource =
    v >= 1
      ? struct('Resource', {
          compression: compression(),
          httpHeaders: list(header, 'types.HTTPHeaders', 'HTTP headers sent with the request (http and https sources)'),
          source: pstr('URL of the contents: http, https, tftp, s3, data' + (v >= 2 ? ', gs' : '') + (v >= 4 ? ', arn' : '')),
          verification,
        })
      : undefined;
  const fileContents =
    resource ?? struct('FileContents', { compression: compression(), source: pstr('URL of the contents'), verification });
  const configReference = resource ?? struct('ConfigReference', { source: pstr('URL of the config'), verification });
  const caReference = resource ?? struct('CaReference', { source: str('string', 'URL of the certificate bundle'), verification });

  const nodeUser = struct('NodeUser', { id: pint('owner uid'), name: pstr('owner user name') });
  const nodeGroup = struct('NodeGroup', { id: pint('owner gid'), name: pstr('owner group name') });
  const node = {
    group: nodeGroup,
    overwrite: pbool('replace what is already at the path'),
    path: hint(str('string', 'absolute path'), { required: true, pattern: ABSOLUTE }),
    user: nodeUser,
  };
  const mode = hint(pint('permission bits as a decimal number (420 is 0644)'), { minimum: 0, maximum: 0o7777 });
  const file = struct('File', {
    ...node,
    append: list(fileContents, `[]types.${v >= 1 ? 'Resource' : 'FileContents'}`, 'contents appended to the file'),
    contents: fileContents,
    mode,
  });
  const directory = struct('Directory', { ...node, mode });
  const link = struct('Link', {
    ...node,
    hard: pbool('a hard link instead of a symbolic one'),
    target: v >= 3 ? hint(pstr('what the link points to'), { required: true }) : str('string', 'what the link points to'),
  });
  const partition = struct('Partition', {
    guid: hint(pstr('partition GUID'), { pattern: GUID }),
    label: hint(pstr('partition label (at most 36 characters)'), { maxLength: 36 }),
    number: int('partition number (0: next free)'),
    ...(v >= 2 ? { resize: pbool('grow an existing partition') } : {}),
    shouldExist: pbool('whether the partition should exist'),
    sizeMiB: pint('size in MiB (0: fill)'),
    startMiB: pint('start in MiB (0: default)'),
    typeGuid: hint(pstr('partition type GUID'), { pattern: GUID }),
    wipePartitionEntry: pbool('wipe a mismatching partition entry'),
  });
  const disk = struct('Disk', {
    device: hint(str('string', 'absolute path of the disk device'), { required: true, pattern: ABSOLUTE }),
    partitions: list(partition, '[]types.Partition'),
    wipeTable: pbool('wipe the partition table'),
  });
  const filesystem = struct('Filesystem', {
    device: hint(str('string', 'absolute path of the device'), { required: true, pattern: ABSOLUTE }),
    format: hint(pstr('ext4, btrfs, xfs, swap, vfat' + (v >= 3 ? ', none' : '')), { enum: ['', 'ext4', 'btrfs', 'xfs', 'swap', 'vfat', ...(v >= 3 ? ['none'] : [])] }),
    label: pstr('filesystem label'),
    ...(v >= 1 ? { mountOptions: list(str('types.MountOption'), '[]types.MountOption', 'mount options') } : {}),
    options: list(str('types.FilesystemOption'), '[]types.FilesystemOption', 'mkfs options'),
    path: hint(pstr('where to mount it while provisioning'), { pattern: '^(/|$)' }),
    uuid: pstr('filesystem UUID'),
    wipeFilesystem: pbool('wipe an existing filesystem'),
  });
  const raid = struct('Raid', {
    devices: hint(list(str('types.Device'), '[]types.Device', 'member devices'), { required: true }),
    level: hint(v >= 3 ? pstr('raid level') : str('string', 'raid level'), {
      required: v >= 3,
      enum: ['linear', 'raid0', '0', 'stripe', 'raid1', '1', 'mirror', 'raid4', '4', 'raid5', '5', 'raid6', '6', 'raid10', '10'],
    }),
    name: hint(str('string', 'array name'), { required: true }),
    options: list(str('types.RaidOption'), '[]types.RaidOption', 'mdadm options'),
    spares: pint('number of spares'),
  });
  const tang = struct('Tang', {
    ...(v >= 4 ? { advertisement: pstr('the Tang server advertisement (JSON)') } : {}),
    thumbprint: hint(pstr('Tang server key thumbprint'), { required: true }),
    url: hint(str('string', 'Tang server URL'), { required: true, pattern: '^https?:' }),
  });
  const custom =
    v >= 3
      ? struct('ClevisCustom', { config: pstr('clevis config'), needsNetwork: pbool('needs the network'), pin: hint(pstr('tpm2, tang or sss'), { enum: ['', ...PINS] }) })
      : struct('Custom', { config: hint(str('string', 'clevis config'), { required: true }), needsNetwork: pbool('needs the network'), pin: hint(str('string', 'tpm2, tang or sss'), { required: true, enum: PINS }) });
  const clevis = struct('Clevis', {
    custom: v === 2 ? withMeta(custom, { go: 'types.Custom', pointer: true }) : custom,
    tang: list(tang, '[]types.Tang'),
    threshold: pint('how many pins must succeed'),
    tpm2: pbool('bind to the TPM2'),
  });
  const luks = struct('Luks', {
    ...(v >= 5 ? { cex: struct('Cex', { enabled: pbool('use an IBM Crypto Express card') }) } : {}),
    clevis: v === 2 ? withMeta(clevis, { go: 'types.Clevis', pointer: true }) : clevis,
    device: hint(pstr('absolute path of the device'), { required: true, pattern: ABSOLUTE }),
    ...(v >= 4 ? { discard: pbool('allow discards') } : {}),
    keyFile: fileContents,
    label: hint(pstr('LUKS label (at most 47 characters)'), { maxLength: 47 }),
    name: hint(str('string', 'device-mapper name'), { required: true, pattern: '^[^/]*$' }),
    ...(v >= 4 ? { openOptions: list(str('types.OpenOption'), '[]types.OpenOption', 'cryptsetup open options') } : {}),
    options: list(str('types.LuksOption'), '[]types.LuksOption', 'cryptsetup luksFormat options'),
    uuid: pstr('LUKS UUID'),
    wipeVolume: pbool('wipe an existing volume'),
  });
  const storage = struct('Storage', {
    directories: list(directory, '[]types.Directory'),
    disks: list(disk, '[]types.Disk'),
    files: list(file, '[]types.File'),
    filesystems: list(filesystem, '[]types.Filesystem'),
    links: list(link, '[]types.Link'),
    ...(v >= 2 ? { luks: list(luks, '[]types.Luks') } : {}),
    raid: list(raid, '[]types.Raid'),
  });
  const dropin = struct('Dropin', { contents: pstr('drop-in file contents'), name: hint(str('string', 'file name, ending in .conf'), { required: true, pattern: '\\.conf$' }) });
  const unit = struct('Unit', {
    contents: pstr('unit file contents'),
    dropins: list(dropin, '[]types.Dropin'),
    enabled: pbool('enable the unit (needs an [Install] section)'),
    mask: pbool('mask the unit'),
    name: hint(str('string', 'unit name with its type suffix'), { required: true, pattern: UNIT_NAME }),
  });
  const systemd = struct('Systemd', { units: list(unit, '[]types.Unit') });
  const user = struct('PasswdUser', {
    gecos: pstr('GECOS field'),
    groups: list(str('types.Group'), '[]types.Group', 'supplementary groups'),
    homeDir: pstr('home directory'),
    name: str('string', 'user name'),
    noCreateHome: pbool('do not create the home directory'),
    noLogInit: pbool('do not add to lastlog/faillog'),
    noUserGroup: pbool('do not create a group of the same name'),
    passwordHash: pstr('crypt(3) password hash'),
    primaryGroup: pstr('primary group'),
    sshAuthorizedKeys: list(str('types.SSHAuthorizedKey'), '[]types.SSHAuthorizedKey', 'SSH public keys'),
    shell: pstr('login shell'),
    ...(v >= 2 ? { shouldExist: pbool('whether the user should exist') } : {}),
    system: pbool('a system account'),
    uid: pint('user id'),
  });
  const group = struct('PasswdGroup', {
    gid: pint('group id'),
    name: str('string', 'group name'),
    passwordHash: pstr('crypt(3) password hash'),
    ...(v >= 2 ? { shouldExist: pbool('whether the group should exist') } : {}),
    system: pbool('a system group'),
  });
  const passwd = struct('Passwd', { groups: list(group, '[]types.PasswdGroup'), users: list(user, '[]types.PasswdUser') });
  const ignition = struct('Ignition', {
    config: struct('IgnitionConfig', {
      merge: list(configReference, `[]types.${v >= 1 ? 'Resource' : 'ConfigReference'}`, 'configs merged into this one'),
      replace: configReference,
    }),
    ...(v >= 1
      ? {
          proxy: struct('Proxy', {
            httpProxy: hint(pstr('proxy for http requests'), { pattern: '^(https?://|$)' }),
            httpsProxy: hint(pstr('proxy for https requests'), { pattern: '^(https?://|$)' }),
            noProxy: list(str('types.NoProxyItem'), '[]types.NoProxyItem', 'hosts reached without proxy'),
          }),
        }
      : {}),
    security: struct('Security', {
      tls: struct('TLS', { certificateAuthorities: list(caReference, `[]types.${v >= 1 ? 'Resource' : 'CaReference'}`, 'extra CA certificates') }),
    }),
    timeouts: struct('Timeouts', { httpResponseHeaders: pint('seconds to wait for response headers'), httpTotal: pint('seconds for a whole request') }),
    version: hint(str('string', 'spec version, e.g. "3.4.0"'), { required: true }),
  });
  return struct('Config', {
    ignition: hint(ignition, { required: true }),
    ...(v >= 3
      ? { kernelArguments: struct('KernelArguments', { shouldExist: list(str('types.KernelArgument'), '[]types.KernelArgument'), shouldNotExist: list(str('types.KernelArgument'), '[]types.KernelArgument') }) }
      : {}),
    passwd,
    storage,
    systemd,
  });
}

export type IgnitionSchema = ReturnType<typeof ignitionSchema>;

const cache = new Map<SpecMinor, z.ZodObject>();
/** The schema of a version, built once. */
export function schemaFor(v: SpecMinor): z.ZodObject {
  let s = cache.get(v);
  if (!s) cache.set(v, (s = ignitionSchema(v) as unknown as z.ZodObject));
  return s;
}
