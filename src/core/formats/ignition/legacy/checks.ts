/**
 * The checks CoreOS Container Linux's Ignition made on a decoded spec 1 or 2.0.0-2.2.0 config
 * (its types' Validate methods at the commit the online validator vendored), with its messages.
 * Each entry carries the JSON path of the value the check belongs to; the validator reported
 * it at that value, or at the nearest enclosing one the config has. A structure whose own check
 * fails is not looked into further, as there.
 */
import type { RuleId } from '../../../rule-table';
import type { Severity } from '../../../types';
import { ext, isAbs } from '../../../go/path';
import { decodeDataUrl } from '../go/dataurl';
import { deserializeUnit, type UnitOption } from '../go/systemd-unit';
import { parseGoUrl } from '../go/url';
import type { PathStep } from '../reference-rules';
import type { LegacySpec } from './schema';

export interface LegacyEntry {
  kind: Severity;
  message: string;
  path: PathStep[];
  rule: RuleId;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const s = (v: unknown): string => (typeof v === 'string' ? v : '');

const UNIT_EXTS = ['.service', '.socket', '.device', '.mount', '.automount', '.swap', '.target', '.path', '.timer', '.snapshot', '.slice', '.scope'];
const NETWORKD_EXTS = ['.link', '.netdev', '.network'];
const GUID = /^(|[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})$/;
/** Label limits by filesystem format (2.1 and later). */
const LABEL_LIMITS: Record<string, number> = { ext4: 16, btrfs: 256, xfs: 12, swap: 15, vfat: 11 };

/** The disk's partition table problems: numbers given twice, overlaps, starts off 2048 sectors. */
function partitionLayout(parts: Obj[]): string[] {
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  const out: string[] = [];
  const numbers = parts.map((x) => num(x.number)).filter((n) => n !== 0);
  if (new Set(numbers).size !== numbers.length) out.push('partition numbers collide');
  const end = (x: Obj) => (num(x.size) === 0 ? num(x.start) : num(x.start) + num(x.size) - 1);
  // Go compares the structs by value: an identical partition counts as itself.
  const same = (a: Obj, b: Obj) => ['guid', 'label', 'number', 'size', 'start', 'typeGuid'].every((k) => (a[k] ?? '') === (b[k] ?? ''));
  const overlap = parts.some((a) =>
    num(a.start) !== 0 &&
    parts.some((o) => {
      if (same(a, o) || num(o.start) === 0) return false;
      const [as, ae, os, oe] = [num(a.start), end(a), num(o.start), end(o)];
      return (as >= os && as <= oe) || (ae >= os && ae <= oe) || (as < os && ae > oe);
    }),
  );
  if (overlap) out.push('partitions overlap');
  if (parts.some((x) => num(x.start) % 2048 !== 0)) out.push('partitions misaligned');
  return out;
}

export function legacyChecks(config: Obj, spec: LegacySpec): LegacyEntry[] {
  const out: LegacyEntry[] = [];
  const add = (kind: Severity, path: PathStep[], message: string | undefined, rule: RuleId) => {
    if (message !== undefined) out.push({ kind, message, path, rule });
  };
  const relative = (p: string) => (isAbs(p) ? undefined : 'path not absolute');

  const urlError = (u: string): string | undefined => {
    if (u === '') return undefined;
    const parsed = parseGoUrl(u);
    if (!parsed) return 'unable to parse url';
    const schemes = spec === 20 ? ['http', 'https', 'oem'] : ['http', 'https', 'oem', 'tftp', 's3'];
    if (schemes.includes(parsed.scheme)) return undefined;
    if (parsed.scheme === 'data') {
      const r = decodeDataUrl(u);
      return r.ok ? undefined : r.error;
    }
    return 'invalid url scheme';
  };
  const hashError = (h: unknown): string | undefined => {
    if (typeof h !== 'string') return undefined;
    const dash = h.indexOf('-');
    if (dash < 0) return 'malformed hash specifier';
    if (h.slice(0, dash) !== 'sha512') return 'unrecognized hash function';
    return h.length - dash - 1 === 128 ? undefined : 'incorrect size for hash sum';
  };
  const resource = (r: Obj, p: PathStep[], compression: boolean) => {
    if (compression && !['', 'gzip'].includes(s(r.compression))) add('error', [...p, 'compression'], 'invalid compression method', 'ignition-compression');
    add('error', [...p, 'source'], urlError(s(r.source)), 'ignition-url');
    add('error', [...p, 'verification', 'hash'], hashError(obj(r.verification).hash), 'ignition-hash');
  };
  const unitContents = (contents: string, p: PathStep[]): UnitOption[] | undefined => {
    const r = deserializeUnit(contents);
    if ('error' in r) {
      add('error', p, `invalid unit content: ${r.error}`, 'ignition-unit-contents');
      return undefined;
    }
    return r.options;
  };
  const installSection = (name: string, enabled: boolean, contents: string, opts: UnitOption[] | undefined, p: PathStep[]) => {
    if (!enabled || contents === '' || !opts || opts.some((o) => o.section === 'Install')) return;
    add('warning', p, `unit ${JSON.stringify(name)} is enabled, but has no install section so enable does nothing`, 'ignition-install');
  };
  const mode = (m: unknown, p: PathStep[], unsetWarning: boolean) => {
    if (typeof m === 'number' && (m < 0 || m > 0o7777)) add('error', p, 'illegal file mode', 'ignition-mode');
    if (unsetWarning && m === undefined) add('warning', p, 'permissions unset, defaulting to 0000', 'ignition-mode');
  };

  // Units: 2.1 and later check contents and name in separate methods; spec 1 and 2.0 per type.
  arr(obj(config.systemd).units).forEach((u0, i) => {
    const u = obj(u0);
    const p: PathStep[] = ['systemd', 'units', i];
    const enabled = u.enable === true || u.enabled === true;
    // Spec 1 did not read unit contents.
    const opts = spec === 1 ? [] : unitContents(s(u.contents), spec >= 21 ? [...p, 'contents'] : p);
    if (spec >= 20) installSection(s(u.name), enabled, s(u.contents), opts, spec >= 21 ? [...p, 'contents'] : p);
    // Spec 1 and 2.0 checked contents on the unit itself.
    if (spec <= 20 && !opts) return;
    if (!UNIT_EXTS.includes(ext(s(u.name)))) add('error', [...p, 'name'], 'invalid systemd unit extension', 'ignition-unit-name');
    arr(u.dropins).forEach((d0, j) => {
      const d = obj(d0);
      const dp: PathStep[] = [...p, 'dropins', j];
      if (spec >= 20) unitContents(s(d.contents), dp);
      if (ext(s(d.name)) !== '.conf') add('error', spec >= 21 ? dp : [...dp, 'name'], 'invalid systemd drop-in extension', 'ignition-unit-name');
    });
  });
  arr(obj(config.networkd).units).forEach((u0, i) => {
    const u = obj(u0);
    const p: PathStep[] = ['networkd', 'units', i];
    const contentsOk = spec < 21 || unitContents(s(u.contents), p) !== undefined;
    const nameOk = NETWORKD_EXTS.includes(ext(s(u.name)));
    if (!nameOk) add('error', spec >= 21 ? p : [...p, 'name'], 'invalid networkd unit extension', 'ignition-unit-name');
    // 2.1 and later check the unit as a whole: its drop-ins only when it passes.
    if (!(contentsOk && nameOk)) return;
    arr(u.dropins).forEach((d0, j) => {
      const d = obj(d0);
      unitContents(s(d.contents), [...p, 'dropins', j]);
      if (ext(s(d.name)) !== '.conf') add('error', [...p, 'dropins', j], 'invalid networkd drop-in extension', 'ignition-unit-name');
    });
  });

  const storage = obj(config.storage);
  // Spec 1 keeps files under their filesystem.
  const fileLists: [PathStep[], unknown[]][] =
    spec === 1 ? arr(storage.filesystems).map((f, i) => [['storage', 'filesystems', i, 'files'], arr(obj(f).files)]) : [[['storage', 'files'], arr(storage.files)]];
  for (const [base, files] of fileLists) {
    files.forEach((f0, i) => {
      const f = obj(f0);
      const p: PathStep[] = [...base, i];
      if (spec === 20 && s(f.filesystem) === '') return add('error', p, 'no filesystem specified', 'ignition-storage');
      if (spec === 22 && f.overwrite === true && f.append === true) return add('error', p, 'cannot set both append and overwrite to true', 'ignition-storage');
      add('error', [...p, 'path'], relative(s(f.path)), 'ignition-path');
      mode(f.mode, [...p, 'mode'], spec === 22);
      if (spec >= 20) resource(obj(f.contents), [...p, 'contents'], true);
    });
  }
  if (spec >= 21) {
    const filesystems = new Set(['root', ...arr(storage.filesystems).map((f) => s(obj(f).name))]);
    for (const [kind, label] of [['files', 'File'], ['directories', 'Directory'], ['links', 'Link']] as const) {
      arr(storage[kind]).forEach((n0, i) => {
        const n = obj(n0);
        const p: PathStep[] = ['storage', kind, i];
        if (s(n.filesystem) === '') add('error', [...p, 'filesystem'], 'no filesystem specified', 'ignition-storage');
        else if (!filesystems.has(s(n.filesystem))) {
          add('warning', [], `${label} ${JSON.stringify(s(n.path))} references nonexistent filesystem ${JSON.stringify(s(n.filesystem))}. (This is ok if it is defined in a referenced config)`, 'ignition-storage');
        }
        if (kind !== 'files') add('error', [...p, 'path'], relative(s(n.path)), 'ignition-path');
        for (const who of ['user', 'group'] as const) {
          const o = obj(n[who]);
          if (o.id !== undefined && s(o.name) !== '') add('error', [...p, who], 'cannot set both id and name', 'ignition-storage');
        }
        if (kind === 'directories') mode(n.mode, [...p, 'mode'], spec === 22);
        if (kind === 'links' && n.hard !== true) add('error', [...p, 'target'], relative(s(n.target)), 'ignition-path');
      });
    }
    const seen = new Set(['root']);
    for (const f of arr(storage.filesystems)) {
      const name = s(obj(f).name);
      if (seen.has(name)) add('warning', [], `Filesystem ${JSON.stringify(name)} shadows exising filesystem definition`, 'ignition-storage');
      seen.add(name);
    }
  }

  arr(storage.filesystems).forEach((f0, i) => {
    const f = obj(f0);
    const p: PathStep[] = ['storage', 'filesystems', i];
    if (spec === 1) {
      add('error', [...p, 'device'], relative(s(f.device)), 'ignition-path');
      if (!['ext4', 'btrfs', 'xfs'].includes(s(f.format))) add('error', [...p, 'format'], 'invalid filesystem format', 'ignition-storage');
      return;
    }
    if (f.mount === undefined && f.path === undefined) return add('error', p, 'filesystem is missing mount or path', 'ignition-storage');
    const m = obj(f.mount);
    if (f.mount !== undefined && spec >= 21) {
      const before = out.length;
      if (f.path !== undefined) add('error', p, 'filesystem has both mount and path defined', 'ignition-storage');
      if (m.create !== undefined) {
        if (m.wipeFilesystem === true) add('error', p, 'cannot use both create object and wipeFilesystem field', 'ignition-storage');
        if (arr(m.options).length > 0) add('error', p, 'cannot use both create object and mount-level options field', 'ignition-storage');
        const fatal = out.length > before;
        add('warning', p, 'the create object has been deprecated in favor of mount-level options', 'ignition-storage');
        if (fatal) return;
      } else if (out.length > before) return;
    }
    if (f.path !== undefined) add('error', [...p, 'path'], relative(s(f.path)), 'ignition-path');
    if (f.mount === undefined) return;
    if (spec === 20 && f.path !== undefined) add('error', p, 'filesystem has both mount and path defined', 'ignition-storage');
    const mp: PathStep[] = [...p, 'mount'];
    const formats = spec === 20 ? ['ext4', 'btrfs', 'xfs'] : ['ext4', 'btrfs', 'xfs', 'swap', 'vfat'];
    if (!formats.includes(s(m.format))) {
      add('error', spec === 20 ? [...mp, 'format'] : mp, 'invalid filesystem format', 'ignition-storage');
      if (spec >= 21) return;
    }
    add('error', [...mp, 'device'], relative(s(m.device)), 'ignition-path');
    if (spec >= 21) {
      const limit = LABEL_LIMITS[s(m.format)];
      if (typeof m.label === 'string' && limit && new TextEncoder().encode(m.label).length > limit) {
        add('error', [...mp, 'label'], `filesystem labels cannot be longer than ${limit} characters when using ${s(m.format)}`, 'ignition-storage');
      }
    }
  });

  arr(storage.disks).forEach((d0, i) => {
    const d = obj(d0);
    const p: PathStep[] = ['storage', 'disks', i];
    const layout = partitionLayout(arr(d.partitions).map(obj));
    if (spec <= 20) {
      // Checked on the disk itself, which then is not looked into.
      const errors = [...(s(d.device) === '' ? ['disk device is required'] : []), ...layout];
      for (const m of errors) add('error', p, m, 'ignition-storage');
      if (errors.length) return;
      add('error', [...p, 'device'], relative(s(d.device)), 'ignition-path');
    } else {
      if (s(d.device) === '') add('error', [...p, 'device'], 'disk device is required', 'ignition-storage');
      else add('error', [...p, 'device'], relative(s(d.device)), 'ignition-path');
      for (const m of layout) add('error', [...p, 'partitions'], m, 'ignition-storage');
    }
    arr(d.partitions).forEach((x0, j) => {
      const x = obj(x0);
      const pp: PathStep[] = [...p, 'partitions', j];
      const label = s(x.label);
      if (new TextEncoder().encode(label).length > 36) add('error', [...pp, 'label'], 'partition labels may not exceed 36 characters', 'ignition-storage');
      else if (spec >= 21 && label.includes(':')) add('warning', [...pp, 'label'], 'partition label will be truncated to text before the colon', 'ignition-storage');
      for (const k of spec >= 21 ? ['typeGuid', 'guid'] : ['typeGuid']) {
        if (!GUID.test(s(x[k]))) add('error', [...pp, k], 'doesn\'t match the form "01234567-89AB-CDEF-EDCB-A98765432101"', 'ignition-storage');
      }
    });
  });

  arr(storage.raid).forEach((r0, i) => {
    const r = obj(r0);
    const p: PathStep[] = ['storage', 'raid', i];
    const level = s(r.level);
    let e: string | undefined;
    if (['linear', 'raid0', '0', 'stripe'].includes(level)) e = r.spares ? 'spares unsupported for arrays with a level greater than 0' : undefined;
    else if (!['raid1', '1', 'mirror', 'raid4', '4', 'raid5', '5', 'raid6', '6', 'raid10', '10'].includes(level)) e = 'unrecognized raid level';
    add('error', spec >= 21 ? [...p, 'level'] : p, e, 'ignition-storage');
    arr(r.devices).forEach((dev, j) => add('error', spec >= 21 ? [...p, 'devices'] : [...p, 'devices', j], relative(s(dev)), 'ignition-path'));
  });

  if (spec >= 20) {
    const ic = obj(obj(config.ignition).config);
    arr(ic.append).forEach((c, i) => resource(obj(c), ['ignition', 'config', 'append', i], false));
    if (ic.replace !== undefined) resource(obj(ic.replace), ['ignition', 'config', 'replace'], false);
    arr(obj(obj(obj(config.ignition).security).tls).certificateAuthorities).forEach((c, i) =>
      resource(obj(c), ['ignition', 'security', 'tls', 'certificateAuthorities', i], false),
    );
  }

  if (spec >= 21) {
    arr(obj(config.passwd).users).forEach((u0, i) => {
      const u = obj(u0);
      if (u.create === undefined) return;
      const p: PathStep[] = ['passwd', 'users', i];
      add('warning', p, 'the create object has been deprecated in favor of user-level options', 'ignition-passwd-create');
      const set: [string, boolean][] = [
        ['gecos', s(u.gecos) !== ''], ['groups', arr(u.groups).length > 0], ['homeDir', s(u.homeDir) !== ''], ['noCreateHome', u.noCreateHome === true],
        ['noLogInit', u.noLogInit === true], ['noUserGroup', u.noUserGroup === true], ['primaryGroup', s(u.primaryGroup) !== ''], ['shell', s(u.shell) !== ''],
        ['system', u.system === true], ['uid', u.uid !== undefined],
      ];
      for (const [field, given] of set) {
        if (given) add('error', p, `cannot use both the create object and the user-level ${field} field`, 'ignition-passwd-create');
      }
    });
  }
  return out;
}
