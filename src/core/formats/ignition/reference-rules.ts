/**
 * Every semantic check ignition-validate (coreos/ignition v2.20.0) makes on a decoded config of
 * spec 3.0 to 3.6.0-experimental: the types' Validate methods, duplicate entries and unused
 * keys, with Ignition's own messages at its own JSON paths.
 */
import { z } from 'zod';
import type { RuleId } from '../../rule-table';
import type { Severity } from '../../types';
import { clean, ext, isAbs, join } from '../../go/path';
import { decodeDataUrl } from './go/dataurl';
import { deserializeUnit, type UnitOption } from './go/systemd-unit';
import { parseGoUrl, queryValues } from './go/url';
import { parseSemver } from './go/semver';
import { fieldMeta, shapeEntries, type SpecMinor } from './schema';
import { memberNamed, type JsonNode } from './json-reader';
import type { Decoded } from './go-decode';
import type { ValueFix } from '../value-fix';
import { closest } from '../cloud-config/rules/edit-distance';
import { clip } from '../../text/quote';

/** A path step: a field, a list index, or a key itself (vcontext's tree.Key, for unused keys). */
export type PathStep = string | number | { key: string };

export interface IgnitionEntry {
  kind: Severity;
  message: string;
  path: PathStep[];
  rule: RuleId;
  /** The all set's quick fix, where the right value is certain. */
  fix?: ValueFix;
}

type Obj = Record<string, unknown>;
type Add = (kind: Severity, path: PathStep[], message: string | undefined, rule: RuleId, fix?: ValueFix) => void;

const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const nilOrEmpty = (v: unknown) => v === undefined || v === '';
const notEmpty = (v: unknown) => typeof v === 'string' && v !== '';
const isTrue = (v: unknown) => v === true;
const isFalse = (v: unknown) => v === false;

export const ERR = {
  duplicate: 'duplicate entry defined',
  invalidVersion: 'invalid config version (couldn\'t parse)',
  unknownVersion: 'unsupported config version',
  noPath: 'path not specified',
  relative: 'path not absolute',
  dirty: 'path is not fully simplified',
  mode: 'illegal file mode',
  specialBits: 'setuid/setgid/sticky bits are not supported in spec versions older than 3.4.0',
  scheme: 'invalid url scheme',
  badUrl: 'unable to parse url',
  hashMalformed: 'malformed hash specifier',
  hashSize: 'incorrect size for hash sum',
  hashUnknown: 'unrecognized hash function',
  compression: 'invalid compression method',
  unitExt: 'invalid systemd unit extension',
  dropinExt: 'invalid systemd drop-in extension',
} as const;

/** validatePath: set, absolute and clean. */
function pathError(p: string): string | undefined {
  if (p === '') return ERR.noPath;
  if (!isAbs(p)) return ERR.relative;
  if (clean(p) !== p) return ERR.dirty;
  return undefined;
}

/**
 * The path validatePath accepts for a relative or unclean one: rooted and cleaned, as Ignition
 * writes every path from the root. Relative paths that mean something else are left alone: a
 * device (sda is /dev/sda, not /sda), a home (~/x), a variable ($HOME/x, {{...}}), a Windows
 * path.
 */
function pathFix(p: string, relativeOk: boolean): ValueFix | undefined {
  if (p === '' || (!isAbs(p) && (!relativeOk || /^~|\$|\{\{|\\|^[A-Za-z]:/.test(p)))) return undefined;
  const fixed = clean(isAbs(p) ? p : `/${p}`);
  if (fixed === p) return undefined;
  return { title: !isAbs(p) && fixed === `/${p}` ? 'Make the path absolute' : `Change to ${clip(fixed)}`, value: fixed, was: p };
}

const checkPath = (p: string, path: PathStep[], add: Add, relativeOk: boolean) => add('error', path, pathError(p), 'ignition-path', pathFix(p, relativeOk));

/**
 * A near miss of the one value allowed, unless it is the name of something else (bzip2 is no
 * typo of gzip, nor xfs of zfs): writing the near value would change what the config means.
 */
function nearMiss(value: string, allowed: readonly string[], others: readonly string[]): ValueFix | undefined {
  if (others.includes(value.toLowerCase())) return undefined;
  const meant = closest(value, allowed);
  return meant === undefined ? undefined : { title: `Change to ${meant}`, value: meant, was: value };
}

/** Compression names Ignition does not read (gzip is its only one). */
const OTHER_COMPRESSIONS = ['zip', 'bzip', 'bzip2', 'bz2', 'xz', 'lz', 'lz4', 'lzip', 'lzma', 'lzo', 'lzop', 'zstd', 'zst', 'zlib', 'brotli'];
/** Filesystems Ignition cannot make, many a typo away from one it can (xfs from gfs, nfs, vxfs...). */
const OTHER_FILESYSTEMS = [
  'ext2', 'ext3', 'ext4dev', 'exfat', 'zfs', 'jfs', 'f2fs', 'ntfs', 'ntfs3', 'fat', 'fat12', 'fat16', 'fat32', 'msdos', 'hfs', 'hfsplus', 'apfs', 'ufs', 'nfs', 'nfs4',
  'cifs', 'smbfs', 'gfs', 'gfs2', 'ocfs2', 'vxfs', 'sfs', 'tmpfs', 'ramfs', 'squashfs', 'erofs', 'bcachefs', 'reiserfs', 'nilfs2', 'udf', 'iso9660',
];

/** validateURL of the spec version. */
function urlError(s: string, v: SpecMinor): string | undefined {
  const u = parseGoUrl(s);
  if (!u) return ERR.badUrl;
  const versionIdBad = () => {
    const ids = queryValues(u.rawQuery).get('versionId');
    return ids !== undefined && (ids.length === 0 || ids[0] === '') ? 'invalid S3 object VersionId' : undefined;
  };
  switch (u.scheme) {
    case 'http':
    case 'https':
    case 'tftp':
      return undefined;
    case 'gs':
      return v >= 2 ? undefined : ERR.scheme;
    case 's3':
      return versionIdBad();
    case 'arn': {
      if (v < 4) return ERR.scheme;
      const full = `arn:${u.opaque}`;
      if ((full.match(/:/g) ?? []).length < 5) return 'invalid S3 ARN format';
      const sections = full.split(':');
      const service = sections[2];
      const resource = sections.slice(5).join(':');
      if (service !== 's3') return 'invalid S3 ARN format';
      const parts = full.split('/').length;
      if (resource.startsWith('accesspoint/') ? parts < 3 : parts < 2) return 'invalid S3 ARN format';
      return versionIdBad();
    }
    case 'data': {
      const r = decodeDataUrl(s);
      return r.ok ? undefined : r.error;
    }
    default:
      return ERR.scheme;
  }
}

const urlNilOk = (s: unknown, v: SpecMinor) => (nilOrEmpty(s) ? undefined : urlError(s as string, v));

function modeErrors(m: unknown, path: PathStep[], v: SpecMinor, add: Add): void {
  if (typeof m !== 'number') return;
  if (m < 0 || m > 0o7777) add('error', path, ERR.mode, 'ignition-mode');
  // uint32(mode) & 07000: a negative mode wraps around and has them all.
  if (v < 4 && ((m >>> 0) & 0o7000) !== 0) add('warning', path, ERR.specialBits, 'ignition-mode');
}

/**
 * A hash Ignition refuses whose meaning is certain: a bare hex digest of SHA-512's (or, from
 * 3.1, SHA-256's) length lacks its function's name; a function named in capitals is that one.
 */
function hashFix(hash: string, v: SpecMinor): ValueFix | undefined {
  const dash = hash.indexOf('-');
  const digest = dash < 0 ? hash : hash.slice(dash + 1);
  if (!/^[0-9a-fA-F]+$/.test(digest)) return undefined;
  const fn = digest.length === 128 ? 'sha512' : digest.length === 64 && v >= 1 ? 'sha256' : undefined;
  if (!fn || (dash >= 0 && hash.slice(0, dash).toLowerCase() !== fn)) return undefined;
  const value = `${fn}-${digest}`;
  return { title: dash < 0 ? `Prefix with ${fn}-` : `Change to ${fn}-`, value, was: hash };
}

function hashError(hash: unknown, v: SpecMinor): string | undefined {
  if (typeof hash !== 'string') return undefined;
  const dash = hash.indexOf('-');
  if (dash < 0) return ERR.hashMalformed;
  const fn = hash.slice(0, dash);
  const sum = hash.slice(dash + 1);
  const size = fn === 'sha512' ? 128 : fn === 'sha256' && v >= 1 ? 64 : 0;
  if (!size) return ERR.hashUnknown;
  // Go compares the byte length of the hex string.
  return new TextEncoder().encode(sum).length !== size ? ERR.hashSize : undefined;
}

/** ParseUnitContents: the options, or Ignition's error text. */
export function parseUnitContents(contents: unknown): { options: UnitOption[] } | { error: string } {
  if (typeof contents !== 'string') return { options: [] };
  const r = deserializeUnit(contents);
  return 'error' in r ? { error: `invalid unit content: ${r.error}` } : r;
}

const UNIT_EXTS = new Set(['.service', '.socket', '.device', '.mount', '.automount', '.swap', '.target', '.path', '.timer', '.snapshot', '.slice', '.scope']);
const UNIT_TYPES = [...UNIT_EXTS].map((e) => e.slice(1));

/** Type-specific Validate methods, by Go type name. */
type Validator = (value: Obj, path: PathStep[], add: Add, v: SpecMinor) => void;

const resourceChecks = (requireSource: boolean): Validator => (r, p, add, v) => {
  if (r.compression !== undefined && r.compression !== '' && r.compression !== 'gzip') {
    const c = str(r.compression) ?? '';
    // gz, the file extension, means gzip too.
    const fix = c.toLowerCase() === 'gz' ? { title: 'Change to gzip', value: 'gzip', was: c } : nearMiss(c, ['gzip'], OTHER_COMPRESSIONS);
    add('error', [...p, 'compression'], ERR.compression, 'ignition-compression', fix);
  }
  if (obj(r.verification).hash !== undefined && r.source === undefined) {
    add('error', [...p, 'verification', 'hash'], 'source must be specified if verification is specified', 'ignition-hash');
  }
  add('error', [...p, 'source'], urlNilOk(r.source, v), 'ignition-url');
  if (requireSource && arr(r.httpHeaders).length > 0) {
    let e: string | undefined;
    if (nilOrEmpty(r.source)) e = ERR.badUrl;
    else {
      const u = parseGoUrl(r.source as string);
      if (!u) e = ERR.badUrl;
      else if (u.scheme !== 'http' && u.scheme !== 'https') e = 'cannot use HTTP headers with this source scheme';
    }
    add('error', [...p, 'httpHeaders'], e, 'ignition-url');
  }
};

const requiredSource = (r: unknown, v: SpecMinor) => (nilOrEmpty(obj(r).source) ? 'source is required' : urlError(obj(r).source as string, v));

const nodeChecks: Validator = (n, p, add) => checkPath(str(n.path) ?? '', [...p, 'path'], add, true);
const idOrName: Validator = (n, p, add) => {
  if (n.id !== undefined && notEmpty(n.name)) add('error', p, 'cannot set both id and name', 'ignition-owner');
};

function proxyUrl(s: unknown, p: PathStep[], add: Add, httpOk: boolean): void {
  if (typeof s !== 'string') return;
  const u = parseGoUrl(s);
  if (!u) return add('error', p, ERR.badUrl, 'ignition-proxy');
  if (u.scheme !== 'https' && u.scheme !== 'http') return add('error', p, 'proxies must be http(s)', 'ignition-proxy');
  if (u.scheme === 'http' && !httpOk) add('warning', p, 'insecure plaintext HTTP proxy specified for HTTPS resources', 'ignition-proxy');
}

const GUID = /^(|[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})$/;
const byteLength = (s: string) => new TextEncoder().encode(s).length;

function diskChecks(d: Obj, p: PathStep[], add: Add): void {
  const device = str(d.device) ?? '';
  if (device === '') return add('error', [...p, 'device'], 'disk device is required', 'ignition-storage');
  checkPath(device, [...p, 'device'], add, false);
  const parts = arr(d.partitions).map(obj);
  const num = (x: Obj) => (typeof x.number === 'number' ? x.number : 0);
  // partitionNumbersCollide: Go ranges over a map, so with several collisions any may be named.
  const byNumber = new Map<number, number[]>();
  parts.forEach((x, i) => num(x) !== 0 && byNumber.set(num(x), [...(byNumber.get(num(x)) ?? []), i]));
  const collision = [...byNumber.values()].find((l) => l.length > 1);
  if (collision) add('error', [...p, 'partitions', collision[1]], 'partition numbers collide', 'ignition-storage');
  const overlap = partitionsOverlap(parts);
  if (overlap !== undefined) add('error', [...p, 'partitions', overlap], 'partitions overlap', 'ignition-storage');
  if (parts.some((x) => num(x) === 0) && parts.some((x) => isFalse(x.shouldExist))) {
    add('error', [...p, 'partitions'], 'shouldExist is false for a partition and other partition(s) has start or size 0', 'ignition-storage');
  }
  const labels = new Set<string>();
  for (let i = 0; i < parts.length; i++) {
    const label = parts[i].label;
    if (typeof label !== 'string') continue;
    if (labels.has(label)) {
      add('error', [...p, 'partitions', i], 'cannot use the same partition label twice', 'ignition-storage');
      break;
    }
    labels.add(label);
  }
}

function partitionsOverlap(parts: Obj[]): number | undefined {
  const end = (x: Obj) => ((x.sizeMiB as number) === 0 ? (x.startMiB as number) : (x.startMiB as number) + (x.sizeMiB as number) - 1);
  const placed = (x: Obj) => typeof x.startMiB === 'number' && typeof x.sizeMiB === 'number' && x.startMiB !== 0;
  for (const a of parts) {
    if (!placed(a)) continue;
    for (let i = 0; i < parts.length; i++) {
      const o = parts[i];
      // Go compares the structs by value: an identical partition counts as itself.
      if (!placed(o) || JSON.stringify(a) === JSON.stringify(o)) continue;
      const [as, ae, os, oe] = [a.startMiB as number, end(a), o.startMiB as number, end(o)];
      if ((as >= os && as <= oe) || (ae >= os && ae <= oe) || (as < os && ae > oe)) return i;
    }
  }
  return undefined;
}

const LABEL_LIMITS: Record<string, [number, string]> = {
  ext4: [16, 'ext4'],
  btrfs: [256, 'btrfs'],
  xfs: [12, 'xfs'],
  swap: [15, 'swap'],
  vfat: [11, 'vfat'],
};

function filesystemChecks(f: Obj, p: PathStep[], add: Add, v: SpecMinor): void {
  if (!nilOrEmpty(f.path)) checkPath(f.path as string, [...p, 'path'], add, true);
  checkPath(str(f.device) ?? '', [...p, 'device'], add, false);
  const formats = ['ext4', 'btrfs', 'xfs', 'swap', 'vfat', ...(v >= 3 ? ['none'] : [])];
  let formatError: string | undefined;
  if (nilOrEmpty(f.format)) {
    if (notEmpty(f.path) || notEmpty(f.label) || notEmpty(f.uuid) || isTrue(f.wipeFilesystem) || arr(f.mountOptions).length || arr(f.options).length) {
      formatError = 'format cannot be empty when path, label, uuid, wipeFilesystem, options, or mountOptions is specified';
    }
  } else if (!formats.includes(f.format as string)) formatError = 'invalid filesystem format';
  const formatFix = formatError && !nilOrEmpty(f.format) ? nearMiss(f.format as string, formats, OTHER_FILESYSTEMS) : undefined;
  add('error', [...p, 'format'], formatError, 'ignition-storage', formatFix);
  if (nilOrEmpty(f.label)) return;
  if (nilOrEmpty(f.format)) return add('error', [...p, 'label'], 'filesystem must specify format if label is specified', 'ignition-storage');
  const limit = LABEL_LIMITS[f.format as string];
  if (limit && byteLength(f.label as string) > limit[0]) {
    add('error', [...p, 'label'], `filesystem labels cannot be longer than ${limit[0]} characters when using ${limit[1]}`, 'ignition-storage');
  }
}

function luksChecks(l: Obj, p: PathStep[], add: Add, v: SpecMinor): void {
  if ((str(l.name) ?? '').includes('/')) add('error', [...p, 'name'], 'device names cannot contain slashes', 'ignition-storage');
  if (notEmpty(l.label) && byteLength(l.label as string) > 47) add('error', [...p, 'label'], 'luks device labels cannot be longer than 47 characters', 'ignition-storage');
  if (nilOrEmpty(l.device)) add('error', [...p, 'device'], 'disk device is required', 'ignition-storage');
  else checkPath(l.device as string, [...p, 'device'], add, false);
  const clevis = l.clevis === undefined ? undefined : obj(l.clevis);
  const others = (c: Obj) => arr(c.tang).length > 0 || isTrue(c.tpm2) || (typeof c.threshold === 'number' && c.threshold !== 0);
  if (clevis) {
    const custom = v === 2 ? clevis.custom !== undefined : notEmpty(obj(clevis.custom).pin);
    if (custom && others(clevis)) add('error', [...p, 'clevis'], 'cannot use custom clevis config with tpm2, tang, or threshold', 'ignition-storage');
  }
  if (urlNilOk(obj(l.keyFile).source, v) !== undefined) add('error', [...p, 'keys'], 'invalid key-file source', 'ignition-storage');
  if (v >= 5) {
    const c = obj(l.clevis);
    const clevisPresent = notEmpty(obj(c.custom).pin) || others(c);
    const cex = isTrue(obj(l.cex).enabled);
    if (clevisPresent && cex) add('error', [...p, 'cex'], 'cannot use cex with clevis', 'ignition-storage');
    if (cex && notEmpty(obj(l.keyFile).source)) add('error', [...p, 'cex'], 'cannot use key file with cex', 'ignition-storage');
  }
}

function raidChecks(r: Obj, p: PathStep[], add: Add, v: SpecMinor): void {
  let e: string | undefined;
  const level = r.level;
  if (v >= 3 && nilOrEmpty(level)) e = 'raid level is required';
  else {
    switch (str(level) ?? '') {
      case 'linear':
      case 'raid0':
      case '0':
      case 'stripe':
        if (typeof r.spares === 'number' && r.spares !== 0) e = 'spares unsupported for linear and raid0 arrays';
        break;
      case 'raid1': case '1': case 'mirror': case 'raid4': case '4': case 'raid5': case '5': case 'raid6': case '6': case 'raid10': case '10':
        break;
      default:
        e = 'unrecognized raid level';
    }
  }
  add('error', [...p, 'level'], e, 'ignition-storage');
  if (arr(r.devices).length === 0) add('error', [...p, 'devices'], 'raid devices required', 'ignition-storage');
}

function partitionChecks(x: Obj, p: PathStep[], add: Add): void {
  if (isFalse(x.shouldExist) && (x.label !== undefined || notEmpty(x.typeGuid) || notEmpty(x.guid) || x.startMiB !== undefined || x.sizeMiB !== undefined)) {
    add('error', p, 'shouldExist specified false with other options also specified', 'ignition-storage');
  }
  if ((x.number ?? 0) === 0 && x.label === undefined) add('error', p, 'a partition number >= 1 or a label must be specified', 'ignition-storage');
  if (typeof x.label === 'string') {
    if (byteLength(x.label) > 36) add('error', [...p, 'label'], 'partition labels may not exceed 36 characters', 'ignition-storage');
    else if (x.label.includes(':')) add('error', [...p, 'label'], 'partition label will be truncated to text before the colon', 'ignition-storage');
  }
  for (const k of ['guid', 'typeGuid'] as const) {
    if (typeof x[k] === 'string' && !GUID.test(x[k] as string)) add('error', [...p, k], 'doesn\'t match the form "01234567-89AB-CDEF-EDCB-A98765432101"', 'ignition-storage');
  }
}

function storageChecks(s: Obj, p: PathStep[], add: Add, v: SpecMinor): void {
  const links = arr(s.links).map(obj);
  const under = (x: Obj, l: Obj) => (str(x.path) ?? '').startsWith((str(l.path) ?? '') + '/');
  arr(s.directories).map(obj).forEach((d, i) => links.forEach((l) => under(d, l) && add('error', [...p, 'directories', i], 'directory path includes link in config', 'ignition-storage')));
  arr(s.files).map(obj).forEach((f, i) => links.forEach((l) => under(f, l) && add('error', [...p, 'files', i], 'file path includes link in config', 'ignition-storage')));
  links.forEach((l1, i) => {
    links.forEach((l2) => under(l1, l2) && add('error', [...p, 'links', i], 'link path includes link in config', 'ignition-storage'));
    // A link's target became optional in the schema, and required by this check, in 3.3.0.
    if (v >= 3 && nilOrEmpty(l1.target)) {
      add('error', [...p, 'links', i, 'target'], 'link target is required', 'ignition-storage');
      return;
    }
    if (!isTrue(l1.hard)) return;
    const written = str(l1.target) ?? '';
    let target = clean(written);
    if (!isAbs(target)) target = join(str(l1.path) ?? '', written);
    for (const d of arr(s.directories).map(obj)) if (target === d.path) add('error', [...p, 'links', i], 'hard link target is a directory', 'ignition-storage');
    for (const [who, field] of [['user', 'id'], ['user', 'name'], ['group', 'id'], ['group', 'name']] as const) {
      if (obj(l1[who])[field] !== undefined) add('warning', [...p, 'links', i, who, field], 'user/group ignored for hard link', 'ignition-storage');
    }
  });
  const disks = new Map(arr(s.disks).map(obj).map((d) => [str(d.device) ?? '', d]));
  arr(s.filesystems).map(obj).forEach((f, i) => {
    const disk = disks.get(str(f.device) ?? '');
    if (!disk) return;
    if (arr(disk.partitions).length > 0) add('warning', [...p, 'filesystems', i, 'device'], 'filesystem overwrites partitioned device', 'ignition-storage');
    else if (!isTrue(f.wipeFilesystem) && isTrue(disk.wipeTable)) {
      add('warning', [...p, 'filesystems', i, 'device'], 'device matches disk with wipeTable enabled; filesystem will be wiped', 'ignition-storage');
    }
  });
}

/**
 * A unit name whose suffix is a near miss of a unit type (web.servce) gets that type. A name
 * without one is left alone: which type it is meant to be is not certain.
 */
function unitNameFix(name: string): ValueFix | undefined {
  const suffix = ext(name).slice(1);
  const meant = suffix ? closest(suffix, UNIT_TYPES) : undefined;
  return meant === undefined ? undefined : { title: `Change the suffix to .${meant}`, value: `${name.slice(0, -suffix.length)}${meant}`, was: name };
}

function unitChecks(u: Obj, p: PathStep[], add: Add): void {
  const name = str(u.name) ?? '';
  if (!UNIT_EXTS.has(ext(name))) add('error', [...p, 'name'], ERR.unitExt, 'ignition-unit-name', unitNameFix(name));
  const parsed = parseUnitContents(u.contents);
  if ('error' in parsed) return add('error', [...p, 'contents'], parsed.error, 'ignition-unit-contents');
  if (isTrue(u.enabled) && !nilOrEmpty(u.contents) && !parsed.options.some((o) => o.section === 'Install')) {
    add('warning', [...p, 'contents'], `unit ${JSON.stringify(u.name ?? '')} is enabled, but has no install section so enable does nothing`, 'ignition-install');
  }
}

function systemdChecks(s: Obj, p: PathStep[], add: Add): void {
  const units = new Map(arr(s.units).map(obj).map((u) => [str(u.name) ?? '', u]));
  arr(s.units).map(obj).forEach((u, i) => {
    const m = /^(.+?)@(.+?)\.service$/.exec(str(u.name) ?? '');
    if (!m || !isTrue(u.enabled)) return;
    const template = `${m[1]}@.service`;
    const t = units.get(template);
    if (!t || !notEmpty(t.contents)) return;
    const parsed = parseUnitContents(t.contents);
    if ('error' in parsed) return;
    if (!parsed.options.some((o) => o.section === 'Install')) {
      add('warning', [...p, 'units', i, 'contents'], `template unit ${JSON.stringify(template)} for ${JSON.stringify(u.name)} doesn't have Install section`, 'ignition-install');
    }
  });
}

function configChecks(c: Obj, p: PathStep[], add: Add): void {
  const unitPaths = new Set<string>();
  for (const u of arr(obj(c.systemd).units).map(obj)) {
    if (!nilOrEmpty(u.contents)) unitPaths.add(`/etc/systemd/system/${str(u.name) ?? ''}`);
    for (const d of arr(u.dropins).map(obj)) if (!nilOrEmpty(d.contents)) unitPaths.add(`/etc/systemd/system/${str(u.name) ?? ''}.d/${str(d.name) ?? ''}`);
  }
  const storage = obj(c.storage);
  for (const kind of ['files', 'directories', 'links'] as const) {
    arr(storage[kind]).map(obj).forEach((n, i) => {
      if (unitPaths.has(str(n.path) ?? '')) add('error', [...p, 'storage', kind, i, 'path'], 'path conflicts with systemd unit or dropin', 'ignition-path');
    });
  }
}

function tangChecks(t: Obj, p: PathStep[], add: Add): void {
  const u = parseGoUrl(str(t.url) ?? '');
  add('error', [...p, 'url'], !u ? ERR.badUrl : u.scheme === 'http' || u.scheme === 'https' ? undefined : ERR.scheme, 'ignition-url');
  if (nilOrEmpty(t.thumbprint)) add('error', [...p, 'thumbprint'], 'thumbprint is required', 'ignition-storage');
  if (notEmpty(t.advertisement)) {
    try {
      JSON.parse(t.advertisement as string);
    } catch {
      add('error', [...p, 'advertisement'], 'advertisement is not valid JSON', 'ignition-storage');
    }
  }
}

function customChecks(cu: Obj, p: PathStep[], add: Add, v: SpecMinor): void {
  if (v === 2) {
    if ((cu.pin ?? '') === '' && (cu.config ?? '') === '') return;
    if (!['tpm2', 'tang', 'sss'].includes(cu.pin as string)) add('error', [...p, 'pin'], 'unsupported clevis pin', 'ignition-storage');
    if ((cu.config ?? '') === '') add('error', [...p, 'config'], 'missing required custom clevis config', 'ignition-storage');
    return;
  }
  if (nilOrEmpty(cu.pin) && nilOrEmpty(cu.config) && !isTrue(cu.needsNetwork)) return;
  if (notEmpty(cu.pin)) {
    if (!['tpm2', 'tang', 'sss'].includes(cu.pin as string)) add('error', [...p, 'pin'], 'unsupported clevis pin', 'ignition-storage');
  } else add('error', [...p, 'pin'], 'missing required custom clevis pin', 'ignition-storage');
  if (nilOrEmpty(cu.config)) add('error', [...p, 'config'], 'missing required custom clevis config', 'ignition-storage');
}

function validatorsFor(v: SpecMinor): Record<string, Validator> {
  return {
    'types.Config': (c, p, add) => configChecks(c, p, add),
    'types.Ignition': (ig, p, add) => {
      const sv = parseSemver(str(ig.version) ?? '');
      if (!sv) return add('error', [...p, 'version'], ERR.invalidVersion, 'ignition-version');
      if (!(sv.major === 3 && sv.minor === Math.min(v, 6) && sv.patch === 0 && sv.preRelease === (v === 6 ? 'experimental' : '') && sv.metadata === '')) {
        add('error', [...p, 'version'], ERR.unknownVersion, 'ignition-version');
      }
    },
    'types.IgnitionConfig': (ic, p, add) => {
      if (v >= 1) arr(ic.merge).forEach((m, i) => add('error', [...p, 'merge', i], requiredSource(m, v), 'ignition-url'));
    },
    'types.ConfigReference': (r, p, add) => add('error', [...p, 'source'], urlNilOk(r.source, v), 'ignition-url'),
    'types.CaReference': (r, p, add) => add('error', [...p, 'source'], urlError(str(r.source) ?? '', v), 'ignition-url'),
    'types.FileContents': resourceChecks(false),
    'types.Resource': resourceChecks(true),
    'types.TLS': (t, p, add) => {
      // 3.0's CaReference checks its own source instead.
      if (v >= 1) arr(t.certificateAuthorities).forEach((ca, i) => add('error', [...p, 'certificateAuthorities', i], requiredSource(ca, v), 'ignition-url'));
    },
    'types.Proxy': (x, p, add) => {
      proxyUrl(x.httpProxy, [...p, 'httpProxy'], add, true);
      proxyUrl(x.httpsProxy, [...p, 'httpsProxy'], add, false);
    },
    'types.HTTPHeader': (h, p, add) => {
      if ((h.name ?? '') === '') add('error', [...p, 'name'], "HTTP header name can't be empty", 'ignition-url');
      if (h.value === '') add('error', [...p, 'value'], 'unable to parse HTTP header', 'ignition-url');
    },
    'types.Verification': (x, p, add) => {
      const e = hashError(x.hash, v);
      add('error', [...p, 'hash'], e, 'ignition-hash', e ? hashFix(x.hash as string, v) : undefined);
    },
    'types.File': (f, p, add) => {
      nodeChecks(f, p, add, v);
      modeErrors(f.mode, [...p, 'mode'], v, add);
      if (isTrue(f.overwrite) && obj(f.contents).source === undefined) add('error', [...p, 'overwrite'], 'overwrite must be false if source is unspecified', 'ignition-storage');
    },
    'types.Directory': (d, p, add) => {
      nodeChecks(d, p, add, v);
      modeErrors(d.mode, [...p, 'mode'], v, add);
    },
    'types.Link': nodeChecks,
    'types.NodeUser': idOrName,
    'types.NodeGroup': idOrName,
    'types.Device': () => undefined,
    'types.Disk': (d, p, add) => diskChecks(d, p, add),
    'types.Partition': (x, p, add) => partitionChecks(x, p, add),
    'types.Filesystem': (f, p, add) => filesystemChecks(f, p, add, v),
    'types.Raid': (r, p, add) => raidChecks(r, p, add, v),
    'types.Luks': (l, p, add) => luksChecks(l, p, add, v),
    'types.Tang': (t, p, add) => tangChecks(t, p, add),
    'types.Custom': (c, p, add) => customChecks(c, p, add, v),
    'types.ClevisCustom': (c, p, add) => customChecks(c, p, add, v),
    'types.Storage': (s, p, add) => storageChecks(s, p, add, v),
    'types.Systemd': (s, p, add) => systemdChecks(s, p, add),
    'types.Unit': (u, p, add) => unitChecks(u, p, add),
    'types.Dropin': (d, p, add) => {
      const parsed = parseUnitContents(d.contents);
      if ('error' in parsed) add('error', [...p, 'contents'], parsed.error, 'ignition-unit-contents');
      const name = str(d.name) ?? '';
      // A name without any suffix lacks .conf; one with another suffix may mean to replace it or keep it.
      const fix = name !== '' && ext(name) === '' ? { title: 'Append .conf', value: `${name}.conf`, was: name } : undefined;
      if (ext(name) !== '.conf') add('error', [...p, 'name'], ERR.dropinExt, 'ignition-unit-name', fix);
    },
  };
}

/** Slice fields whose duplicates Ignition ignores, and lists checked together, per struct. */
const IGNORED_DUPS: Record<string, string[]> = {
  'types.File': ['append'],
  'types.Filesystem': ['options', 'mountOptions'],
  'types.Luks': ['options'],
  'types.Raid': ['options'],
};
const MERGED_DUPS: Record<string, Record<string, string>> = {
  'types.Storage': { directories: 'Node', files: 'Node', links: 'Node' },
  'types.KernelArguments': { shouldExist: 'KernelArgument', shouldNotExist: 'KernelArgument' },
};

/** Key() of a list element, as ValidateDups compares them. */
function keyOf(element: unknown, go: string): string {
  if (typeof element === 'string') return element;
  const e = obj(element);
  switch (go) {
    case 'types.Partition':
      if (typeof e.number === 'number' && e.number !== 0) return `number:${e.number}`;
      return typeof e.label === 'string' ? `label:${e.label}` : '';
    case 'types.Resource':
    case 'types.ConfigReference':
    case 'types.CaReference':
    case 'types.FileContents':
      return str(e.source) ?? '';
    case 'types.Disk':
    case 'types.Filesystem':
      return str(e.device) ?? '';
    case 'types.Tang':
      return str(e.url) ?? '';
    case 'types.File':
    case 'types.Directory':
    case 'types.Link':
      return str(e.path) ?? '';
    default:
      return str(e.name) ?? '';
  }
}

/** The JSON node at a path of exact keys and indices, if there is one. */
export function nodeAt(root: JsonNode, path: PathStep[]): JsonNode | undefined {
  let n: JsonNode | undefined = root;
  for (const step of path) {
    if (!n) return undefined;
    if (typeof step === 'number') n = n.type === 'array' ? n.items[step] : undefined;
    else if (typeof step === 'string') n = n.type === 'object' ? memberNamed(n, step)?.value : undefined;
    else return undefined;
  }
  return n;
}

/** Runs every check over a decoded config of spec 3.`v`. */
export function referenceChecks(config: Decoded, schema: z.ZodObject, v: SpecMinor, root: JsonNode): IgnitionEntry[] {
  const out: IgnitionEntry[] = [];
  const add: Add = (kind, path, message, rule, fix) => {
    if (message !== undefined) out.push({ kind, path, message, rule, ...(fix ? { fix } : {}) });
  };
  const validators = validatorsFor(v);

  const walk = (schema: z.ZodType, value: unknown, path: PathStep[]): void => {
    const meta = fieldMeta(schema);
    if (schema instanceof z.ZodArray) {
      arr(value).forEach((item, i) => walk(schema.element as z.ZodType, item, [...path, i]));
      return;
    }
    if (schema instanceof z.ZodObject) {
      // A nil pointer to a struct is not visited; a plain struct always is.
      if (meta?.pointer && value === undefined) return;
      const o = obj(value);
      validators[meta?.go ?? '']?.(o, path, add, v);
      const fields = shapeEntries(schema);
      duplicates(meta?.go ?? '', fields, o, path);
      unusedKeys(schema.shape as Record<string, z.ZodType>, path);
      for (const [k, child] of fields) {
        // An absent list or value has nothing to check; an absent plain struct is visited as empty.
        if (o[k] === undefined && !(child instanceof z.ZodObject)) continue;
        walk(child, o[k], [...path, k]);
      }
      return;
    }
    // A list's null device stays Go's zero value, the empty string: no path.
    if (meta?.go === 'types.Device' && (typeof value === 'string' || value === undefined)) checkPath(value ?? '', path, add, false);
  };

  const duplicates = (go: string, fields: ReturnType<typeof shapeEntries>, o: Obj, path: PathStep[]) => {
    const seen = new Map<string, Set<string>>();
    for (const [k, child] of fields) {
      if (!(child instanceof z.ZodArray) || IGNORED_DUPS[go]?.includes(k)) continue;
      const list = MERGED_DUPS[go]?.[k] ?? k;
      const keys = seen.get(list) ?? new Set<string>();
      seen.set(list, keys);
      const elementGo = fieldMeta(child.element as z.ZodType)?.go ?? '';
      arr(o[k]).forEach((e, i) => {
        const key = keyOf(e, elementGo);
        if (keys.has(key)) add('error', [...path, k, i], ERR.duplicate, 'ignition-duplicate');
        keys.add(key);
      });
    }
  };

  const unusedKeys = (shape: Record<string, z.ZodType>, path: PathStep[]) => {
    const node = nodeAt(root, path);
    if (!node) return;
    if (node.type !== 'object') {
      const where = ['$', ...path].join('.');
      add('warning', path, `context tree does not match content tree at ${where}. Line and column reporting may be inconsistent. Unused keys may not be reported.`, 'ignition-unknown-key');
      return;
    }
    const seen = new Set<string>();
    for (const m of node.members) {
      if (seen.has(m.key)) continue;
      seen.add(m.key);
      if (!Object.hasOwn(shape, m.key)) add('warning', [...path, { key: m.key }], `Unused key ${m.key}`, 'ignition-unknown-key');
    }
  };

  walk(schema, config, []);
  return out;
}

/** vcontext's Correlate: the deepest node of the path that the JSON has, and where its marker starts. */
export function correlate(root: JsonNode, path: PathStep[]): { offset: number; node: JsonNode; key?: boolean } {
  for (let len = path.length; len >= 0; len--) {
    const prefix = path.slice(0, len);
    const last = prefix[prefix.length - 1];
    if (last !== undefined && typeof last === 'object') {
      const parent = nodeAt(root, prefix.slice(0, -1));
      const m = parent?.type === 'object' ? memberNamed(parent, last.key) : undefined;
      if (m) return { offset: m.keyStart, node: m.value, key: true };
      continue;
    }
    const n = nodeAt(root, prefix);
    if (n) return { offset: n.type === 'object' || n.type === 'array' ? n.start + 1 : n.start, node: n };
  }
  return { offset: root.start, node: root };
}
