/**
 * What Flatcar's Ignition refuses when it translates a spec 2.x config at boot: it reads the
 * config with the 2.x parser, then ign-converter (v24tov31) with no filesystem mapping, which
 * stops at the first of these (messages as ign-converter words them; all are listed here).
 */
import type { PathStep } from '../reference-rules';
import { join } from '../../../go/path';
import type { LegacyEntry } from './checks';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const s = (v: unknown): string => (typeof v === 'string' ? v : '');

export function converterChecks(config: Obj): LegacyEntry[] {
  const out: LegacyEntry[] = [];
  const refuse = (path: PathStep[], message: string) => out.push({ kind: 'error', message: `Flatcar cannot translate this 2.x config: ${message}`, path, rule: 'ignition-storage' });
  arr(obj(config.networkd).units).forEach((_, i) => refuse(['networkd', 'units', i], 'config includes deprecated networkd section - use Files instead'));
  const storage = obj(config.storage);
  arr(storage.filesystems).forEach((f, i) => {
    const name = s(obj(f).name);
    if (name !== 'root') refuse(['storage', 'filesystems', i, 'name'], `Config defined filesystem ${JSON.stringify(name)} but no mapping was defined.Please specify a path to be used as the filesystem mountpoint.`);
  });
  // Paths on the root filesystem; nodes on another one are refused above.
  const seen = new Map<string, string>();
  const links = arr(storage.links).map((l) => join('/', s(obj(l).path)));
  for (const [kind, label] of [['files', 'File'], ['directories', 'Directory'], ['links', 'Link']] as const) {
    arr(storage[kind]).forEach((n, i) => {
      const p = join('/', s(obj(n).path));
      const name = `${label}: ${p}`;
      const old = seen.get(p);
      if (old !== undefined) refuse(['storage', kind, i, 'path'], `Config has conflicting inodes: ${JSON.stringify(old)} and ${JSON.stringify(name)}.  All files, directories and links must specify a unique \`path\`.`);
      seen.set(p, name);
      // A plain prefix test, as ign-converter's: /etc/ab is "under" a link /etc/a.
      const link = links.find((l) => p.startsWith(l) && p !== l);
      if (link !== undefined) refuse(['storage', kind, i, 'path'], `${name} uses link defined in config ${JSON.stringify(link)}. Please use a link not defined in Storage:Links`);
    });
  }
  const units = new Set<string>();
  arr(obj(config.systemd).units).forEach((u0, i) => {
    const u = obj(u0);
    if (units.has(s(u.name))) refuse(['systemd', 'units', i, 'name'], `Config has duplicate unit name ${JSON.stringify(s(u.name))}.  All units must specify a unique \`name\`.`);
    units.add(s(u.name));
    const dropins = new Set<string>();
    arr(u.dropins).forEach((d, j) => {
      const name = s(obj(d).name);
      if (dropins.has(name)) refuse(['systemd', 'units', i, 'dropins', j, 'name'], `Config has duplicate dropin name ${JSON.stringify(name)} in unit ${JSON.stringify(s(u.name))}.  All dropins must specify a unique \`name\`.`);
      dropins.add(name);
    });
  });
  return out;
}
