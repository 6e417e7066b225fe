/**
 * Butane's sugar to Ignition (base v0_4 / v0_5's ToIgn3_xUnvalidated): inline and local
 * contents become data URLs, contents_local and ssh_authorized_keys_local are read in,
 * with_mount_unit adds mount and swap units, trees add files and links. Also how a path of
 * the result leads back to the YAML it came from.
 */
import { z } from 'zod';
import type { RuleId } from '../../rule-table';
import type { Severity } from '../../types';
import { fieldMeta, shapeEntries } from '../ignition/schema';
import type { PathStep } from '../ignition/reference-rules';
import { makeDataUrl, type Gzip } from './data-url';
import { ERR_NO_FILES_DIR, readLocalFile, type LocalFiles } from './local-files';
import { isRemote, mergeUnits, mountUnitFor, type UnitOrigin } from './mount-units';
import { addTrees, type TreeOrigin } from './trees';
import { snake } from './snake';

type Obj = Record<string, unknown>;

export interface TranslateOptions {
  /** The files directory; without it, local files are refused as butane refuses them without -d. */
  files?: LocalFiles;
  /** Compresses contents where gzip makes the data URL shorter, as butane does. */
  gzip?: Gzip;
}

export interface TranslationEntry {
  kind: Severity;
  message: string;
  rule: RuleId;
  /** YAML path (Butane keys). */
  path: PathStep[];
}

export interface Translation {
  ignition: Obj;
  errors: TranslationEntry[];
  /** The YAML path (Butane keys) a path of the result came from. */
  origin(path: PathStep[]): PathStep[];
}

const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const notEmpty = (v: unknown) => typeof v === 'string' && v !== '';
const utf8 = (s: string) => new TextEncoder().encode(s);
/** Go's string(bytes) as its JSON encoder writes it: invalid UTF-8 becomes U+FFFD. */
const text = (b: Uint8Array) => new TextDecoder().decode(b);

const localError = (message: string, path: PathStep[]): TranslationEntry => ({ kind: 'error', message, rule: 'butane-local', path });

export function translate(config: Obj, schema: z.ZodObject, options: TranslateOptions): Translation {
  const errors: TranslationEntry[] = [];
  const { files, gzip } = options;

  const resource = (o: Obj, out: Obj, path: PathStep[]) => {
    // butane reads local before inline, and stops at the first failure.
    for (const key of ['local', 'inline'] as const) {
      if (typeof o[key] !== 'string') continue;
      const bytes = key === 'local' ? readLocalFile(files, o.local as string) : utf8(o.inline as string);
      if ('error' in bytes) {
        errors.push(localError(bytes.error, [...path, key]));
        return;
      }
      const url = makeDataUrl(bytes, out.compression as string | undefined, gzip);
      out.source = url.source;
      if (url.compression !== undefined) out.compression = url.compression;
    }
  };

  const contentsLocal = (o: Obj, out: Obj, path: PathStep[]) => {
    if (!notEmpty(o.contents_local)) return;
    const bytes = readLocalFile(files, o.contents_local as string);
    if ('error' in bytes) errors.push(localError(bytes.error, [...path, 'contents_local']));
    else out.contents = text(bytes);
  };

  const sshKeysLocal = (o: Obj, out: Obj, path: PathStep[]) => {
    const local = arr(o.ssh_authorized_keys_local);
    if (!local.length) return;
    const at: PathStep[] = [...path, 'ssh_authorized_keys_local'];
    if (!files) {
      errors.push(localError(ERR_NO_FILES_DIR, at));
      return;
    }
    const keys = [...arr(out.sshAuthorizedKeys)];
    local.forEach((name, i) => {
      const bytes = readLocalFile(files, String(name ?? ''));
      if ('error' in bytes) errors.push(localError(bytes.error, [...at, i]));
      else keys.push(...text(bytes).split(/\r?\n/).filter((line) => line !== ''));
    });
    if (keys.length) out.sshAuthorizedKeys = keys;
  };

  const walk = (v: unknown, path: PathStep[], s: z.ZodType): unknown => {
    if (s instanceof z.ZodArray) return Array.isArray(v) ? v.map((x, i) => walk(x, [...path, i], s.element as z.ZodType)) : v;
    if (!(s instanceof z.ZodObject) || !v || typeof v !== 'object') return v;
    const o = v as Obj;
    const out: Obj = {};
    for (const [k, child] of shapeEntries(s)) if (o[k] !== undefined) out[k] = walk(o[k], [...path, snake(k)], child);
    const go = fieldMeta(s)?.go;
    if (go === 'types.Resource') resource(o, out, path);
    if (go === 'types.Unit' || go === 'types.Dropin') contentsLocal(o, out, path);
    if (go === 'types.PasswdUser') sshKeysLocal(o, out, path);
    return out;
  };
  const ignition = walk(config, [], schema) as Obj;

  const unitOrigins = addMountUnits(config, ignition);
  const storage = obj(config.storage);
  const trees = addTrees((ignition.storage ??= {}) as Obj, arr(storage.trees).map(obj), files, gzip);
  for (const e of trees.errors) errors.push(localError(e.message, e.path));
  if (!Object.keys(ignition.storage as Obj).length) delete ignition.storage;

  return { ignition, errors, origin: (path) => originOf(path, config, ignition, unitOrigins, trees.origins) };
}

/** with_mount_unit: the generated units, merged with the config's own. */
function addMountUnits(config: Obj, ignition: Obj): UnitOrigin[] | undefined {
  const storage = obj(config.storage);
  const luks = arr(storage.luks).map(obj);
  const generated = arr(storage.filesystems)
    .map((fs, i) => ({ fs: obj(fs), i }))
    .filter(({ fs }) => fs.with_mount_unit === true)
    .map(({ fs, i }) => {
      const device = typeof fs.device === 'string' ? fs.device : '';
      const mountOptions = arr(fs.mountOptions).map(String);
      const unit = mountUnitFor({ device, format: String(fs.format), path: fs.path as string | undefined, mountOptions }, isRemote(device, luks));
      return { unit: unit as Obj, filesystem: i };
    });
  if (!generated.length) return undefined;
  const systemd = (ignition.systemd ??= {}) as Obj;
  const { units, origins } = mergeUnits(generated, arr(systemd.units).map(obj));
  systemd.units = units;
  return origins;
}

/** A path of the result as the YAML path it came from. */
function originOf(path: PathStep[], config: Obj, ignition: Obj, units: UnitOrigin[] | undefined, trees: TreeOrigin[]): PathStep[] {
  let ign = path;
  if (units && path[0] === 'systemd' && path[1] === 'units' && typeof path[2] === 'number' && units[path[2]]) {
    // The merge keeps where a value came from only for values that are set; for the others
    // butane falls back to the same path in the YAML, whatever unit is there.
    if (!isSet(valueAt(ignition, path), path[path.length - 1])) return butanePath(path, config);
    const o = units[path[2]];
    const field = path[3];
    const configUnit = 'config' in o ? o.config : o.override;
    const fromConfig = configUnit !== undefined && ('config' in o || field === undefined || (typeof field === 'string' && obj(arr(obj(config.systemd).units)[configUnit])[field] !== undefined));
    if (!fromConfig) return ['storage', 'filesystems', (o as { generated: number }).generated, 'with_mount_unit'];
    ign = ['systemd', 'units', configUnit, ...path.slice(3)];
  }
  let best: TreeOrigin | undefined;
  for (const t of trees) {
    if (t.ignition.length <= path.length && t.ignition.every((s, i) => s === path[i]) && (!best || t.ignition.length > best.ignition.length)) best = t;
  }
  if (best) return best.tree;
  return butanePath(ign, config);
}

const valueAt = (root: unknown, path: PathStep[]): unknown =>
  path.reduce<unknown>((v, step) => (v && typeof v === 'object' && typeof step !== 'object' ? (v as Obj)[step as string] : undefined), root);

/**
 * Whether Ignition's merge records a value: a set pointer, a plain string (a name) that is not
 * empty, a structure or list with such a value inside.
 */
function isSet(v: unknown, key: PathStep | undefined): boolean {
  if (v === undefined) return false;
  if (key === 'name' && v === '') return false;
  if (Array.isArray(v)) return v.some((x) => isSet(x, undefined));
  if (typeof v === 'object' && v !== null) return Object.entries(v).some(([k, x]) => isSet(x, k));
  return true;
}

/** An Ignition path of the translated config, in Butane's keys (inline and local for a source). */
function butanePath(ign: PathStep[], config: Obj): PathStep[] {
  const out: PathStep[] = [];
  let value: unknown = config;
  for (const step of ign) {
    if (typeof step === 'object') {
      out.push(step);
      continue;
    }
    if (step === 'source' && value && typeof value === 'object') {
      const v = value as Obj;
      out.push(v.inline !== undefined ? 'inline' : v.local !== undefined ? 'local' : 'source');
    } else out.push(typeof step === 'number' ? step : snake(step));
    value = value && typeof value === 'object' ? (value as Obj)[step as string] : undefined;
  }
  return out;
}
