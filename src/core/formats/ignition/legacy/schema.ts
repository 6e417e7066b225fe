/**
 * The config structures of Ignition spec 1 and 2.0.0 to 2.2.0, as the Ignition that CoreOS
 * Container Linux shipped decoded them (coreos/ignition at the commit the online validator
 * vendored). Same metadata as the 3.x schemas, so the Go decoder and the walkers read both.
 */
import { z } from 'zod';
import type { IgnitionFieldMeta } from '../schema';

/** A legacy spec: 1 (`ignitionVersion: 1`), or the minor of 2.x. */
export type LegacySpec = 1 | 20 | 21 | 22;

const withMeta = <T extends z.ZodType>(schema: T, meta: IgnitionFieldMeta): T =>
  schema.meta(meta as unknown as Record<string, unknown>) as T;
const str = (go = 'string') => withMeta(z.string(), { go, pointer: false });
const pstr = () => withMeta(z.string(), { go: 'string', pointer: true });
const int = (go = 'int') => withMeta(z.number().int(), { go, pointer: false });
const pint = (go = 'int') => withMeta(z.number().int(), { go, pointer: true });
const bool = () => withMeta(z.boolean(), { go: 'bool', pointer: false });
const pbool = () => withMeta(z.boolean(), { go: 'bool', pointer: true });
const list = <T extends z.ZodType>(element: T, go: string) => withMeta(z.array(element), { go, pointer: true });
const struct = <S extends z.ZodRawShape>(go: string, shape: S, pointer = false) =>
  withMeta(z.object(shape), { go: `types.${go}`, pointer });
const uint = (go: string) => withMeta(z.number().int(), { go, pointer: false, unsigned: true });
const puint = () => withMeta(z.number().int(), { go: 'uint', pointer: true, unsigned: true });

const strings = (go: string) => list(str(go), `[]types.${go}`);

function userCreate() {
  return struct('UserCreate', {
    uid: puint(), gecos: str(), homeDir: str(), noCreateHome: bool(), primaryGroup: str(), groups: list(str(), '[]string'),
    noUserGroup: bool(), system: bool(), noLogInit: bool(), shell: str(),
  }, true);
}

function unitsV1() {
  const dropin = struct('SystemdUnitDropIn', { name: str('types.SystemdUnitDropInName'), contents: str() });
  const unit = struct('SystemdUnit', { name: str('types.SystemdUnitName'), enable: bool(), mask: bool(), contents: str(), dropins: list(dropin, '[]types.SystemdUnitDropIn') });
  const networkd = struct('NetworkdUnit', { name: str('types.NetworkdUnitName'), contents: str() });
  return { unit, networkd };
}

/** Spec 1: files live under their filesystem; no `ignition` section. */
function spec1() {
  const path = () => str('types.Path');
  const partition = struct('Partition', { label: str('types.PartitionLabel'), number: int(), size: uint('types.PartitionDimension'), start: uint('types.PartitionDimension'), typeGuid: str('types.PartitionTypeGUID') });
  const disk = struct('Disk', { device: path(), wipeTable: bool(), partitions: list(partition, '[]types.Partition') });
  const raid = struct('Raid', { name: str(), level: str(), devices: list(path(), '[]types.Path'), spares: int() });
  const file = struct('File', { path: path(), contents: str(), mode: uint('types.FileMode'), uid: int(), gid: int() });
  const create = struct('FilesystemCreate', { force: bool(), options: strings('MkfsOptions') }, true);
  const filesystem = struct('Filesystem', { device: path(), format: str('types.FilesystemFormat'), create, files: list(file, '[]types.File') });
  const { unit, networkd } = unitsV1();
  const user = struct('User', { name: str(), passwordHash: str(), sshAuthorizedKeys: list(str(), '[]string'), create: userCreate() });
  const group = struct('Group', { name: str(), gid: puint(), passwordHash: str(), system: bool() });
  return struct('Config', {
    ignitionVersion: int(),
    storage: struct('Storage', { disks: list(disk, '[]types.Disk'), raid: list(raid, '[]types.Raid'), filesystems: list(filesystem, '[]types.Filesystem') }),
    systemd: struct('Systemd', { units: list(unit, '[]types.SystemdUnit') }),
    networkd: struct('Networkd', { units: list(networkd, '[]types.NetworkdUnit') }),
    passwd: struct('Passwd', { users: list(user, '[]types.User'), groups: list(group, '[]types.Group') }),
  });
}

/** Spec 2.0.0. */
function spec20() {
  const path = () => str('types.Path');
  const verification = struct('Verification', { hash: withMeta(z.string(), { go: 'types.Hash', pointer: true }) });
  const configReference = struct('ConfigReference', { source: str('types.Url'), verification });
  const partition = struct('Partition', { label: str('types.PartitionLabel'), number: int(), size: uint('types.PartitionDimension'), start: uint('types.PartitionDimension'), typeGuid: str('types.PartitionTypeGUID') });
  const disk = struct('Disk', { device: path(), wipeTable: bool(), partitions: list(partition, '[]types.Partition') });
  const raid = struct('Raid', { name: str(), level: str(), devices: list(path(), '[]types.Path'), spares: int() });
  const create = struct('FilesystemCreate', { force: bool(), options: strings('MkfsOptions') }, true);
  const mount = struct('FilesystemMount', { device: path(), format: str('types.FilesystemFormat'), create }, true);
  const filesystem = struct('Filesystem', { name: str(), mount, path: withMeta(z.string(), { go: 'types.Path', pointer: true }) });
  const contents = struct('FileContents', { compression: str('types.Compression'), source: str('types.Url'), verification });
  const file = struct('File', {
    filesystem: str(), path: path(), contents, mode: uint('types.FileMode'),
    user: struct('FileUser', { id: int() }), group: struct('FileGroup', { id: int() }),
  });
  const { unit, networkd } = unitsV1();
  const user = struct('User', { name: str(), passwordHash: str(), sshAuthorizedKeys: list(str(), '[]string'), create: userCreate() });
  const group = struct('Group', { name: str(), gid: puint(), passwordHash: str(), system: bool() });
  return struct('Config', {
    ignition: struct('Ignition', {
      version: str('types.IgnitionVersion'),
      config: struct('IgnitionConfig', { append: list(configReference, '[]types.ConfigReference'), replace: withMeta(configReference.clone(), { go: 'types.ConfigReference', pointer: true }) }),
    }),
    storage: struct('Storage', { disks: list(disk, '[]types.Disk'), raid: list(raid, '[]types.Raid'), filesystems: list(filesystem, '[]types.Filesystem'), files: list(file, '[]types.File') }),
    systemd: struct('Systemd', { units: list(unit, '[]types.SystemdUnit') }),
    networkd: struct('Networkd', { units: list(networkd, '[]types.NetworkdUnit') }),
    passwd: struct('Passwd', { users: list(user, '[]types.User'), groups: list(group, '[]types.Group') }),
  });
}

/** Specs 2.1.0 and 2.2.0 (generated from one schema upstream; 2.2 added a few fields). */
function spec2x(v: 21 | 22) {
  const v22 = v === 22;
  const verification = struct('Verification', { hash: pstr() });
  const reference = (go: string) => struct(go, { source: str(), verification });
  const configReference = reference('ConfigReference');
  const idName = (go: string) => struct(go, { id: pint(), name: str() }, v22);
  const node = {
    filesystem: str(),
    group: idName('NodeGroup'),
    ...(v22 ? { overwrite: pbool() } : {}),
    path: str(),
    user: idName('NodeUser'),
  };
  const mode = v22 ? pint() : int();
  const contents = struct('FileContents', { compression: str(), source: str(), verification });
  const file = struct('File', { ...node, ...(v22 ? { append: bool() } : {}), contents, mode });
  const directory = struct('Directory', { ...node, mode });
  const link = struct('Link', { ...node, hard: bool(), target: str() });
  const partition = struct('Partition', { guid: str(), label: str(), number: int(), size: int(), start: int(), typeGuid: str() });
  const disk = struct('Disk', { device: str(), partitions: list(partition, '[]types.Partition'), wipeTable: bool() });
  const create = struct('Create', { force: bool(), options: strings('CreateOption') }, true);
  const mount = struct('Mount', {
    create, device: str(), format: str(), label: pstr(), options: strings('MountOption'), uuid: pstr(), wipeFilesystem: bool(),
  }, true);
  const filesystem = struct('Filesystem', { mount, name: str(), path: pstr() });
  const raid = struct('Raid', { devices: strings('Device'), level: str(), name: str(), ...(v22 ? { options: strings('RaidOption') } : {}), spares: int() });
  const dropin = struct(v22 ? 'SystemdDropin' : 'Dropin', { contents: str(), name: str() });
  const unit = struct('Unit', { contents: str(), dropins: list(dropin, `[]types.${v22 ? 'SystemdDropin' : 'Dropin'}`), enable: bool(), enabled: pbool(), mask: bool(), name: str() });
  const networkdUnit = struct('Networkdunit', {
    contents: str(),
    ...(v22 ? { dropins: list(struct('NetworkdDropin', { contents: str(), name: str() }), '[]types.NetworkdDropin') } : {}),
    name: str(),
  });
  const create2 = struct('Usercreate', {
    gecos: str(), groups: strings('UsercreateGroup'), homeDir: str(), noCreateHome: bool(), noLogInit: bool(), noUserGroup: bool(),
    primaryGroup: str(), shell: str(), system: bool(), uid: pint(),
  }, true);
  const user = struct('PasswdUser', {
    create: create2, gecos: str(), groups: strings(v22 ? 'Group' : 'PasswdUserGroup'), homeDir: str(), name: str(), noCreateHome: bool(),
    noLogInit: bool(), noUserGroup: bool(), passwordHash: pstr(), primaryGroup: str(), sshAuthorizedKeys: strings('SSHAuthorizedKey'),
    shell: str(), system: bool(), uid: pint(),
  });
  const group = struct('PasswdGroup', { gid: pint(), name: str(), passwordHash: str(), system: bool() });
  return struct('Config', {
    ignition: struct('Ignition', {
      config: struct('IgnitionConfig', { append: list(configReference, '[]types.ConfigReference'), replace: withMeta(configReference.clone(), { go: 'types.ConfigReference', pointer: true }) }),
      ...(v22 ? { security: struct('Security', { tls: struct('TLS', { certificateAuthorities: list(reference('CaReference'), '[]types.CaReference') }) }) } : {}),
      timeouts: struct('Timeouts', { httpResponseHeaders: pint(), httpTotal: pint() }),
      version: str(),
    }),
    networkd: struct('Networkd', { units: list(networkdUnit, '[]types.Networkdunit') }),
    passwd: struct('Passwd', { groups: list(group, '[]types.PasswdGroup'), users: list(user, '[]types.PasswdUser') }),
    storage: struct('Storage', {
      directories: list(directory, '[]types.Directory'), disks: list(disk, '[]types.Disk'), files: list(file, '[]types.File'),
      filesystems: list(filesystem, '[]types.Filesystem'), links: list(link, '[]types.Link'), raid: list(raid, '[]types.Raid'),
    }),
    systemd: struct('Systemd', { units: list(unit, '[]types.Unit') }),
  });
}

const cache = new Map<LegacySpec, z.ZodObject>();
export function legacySchema(spec: LegacySpec): z.ZodObject {
  let s = cache.get(spec);
  if (!s) cache.set(spec, (s = (spec === 1 ? spec1() : spec === 20 ? spec20() : spec2x(spec)) as unknown as z.ZodObject));
  return s;
}
