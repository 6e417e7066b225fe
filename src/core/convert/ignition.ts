import { dataUrl } from './data-url';
import { IGNITION_VERSION, type ButaneModel, type FileEntry, type Owner, type UnitEntry, type UserEntry } from './model';

/**
 * The Ignition config (spec 3.4.0, what Butane's flatcar 1.1.0 gives) for the model. It is the
 * one place that knows Ignition's field names, so a full Butane translator can replace it.
 */
export type IgnitionConfig = Record<string, unknown>;

/** Drops undefined fields, false flags and empty lists, as Butane leaves unset fields out. */
function compact(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === false || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out;
}

const owner = (o: Owner | undefined) => o && compact({ id: o.id, name: o.name });

async function file(f: FileEntry): Promise<Record<string, unknown>> {
  const { source, compression } = await dataUrl(f.contents.bytes, f.contents.gzip);
  return compact({
    path: f.path,
    overwrite: true,
    contents: compact({ compression, source }),
    mode: f.mode,
    user: owner(f.user),
    group: owner(f.group),
  });
}

const unit = (u: UnitEntry) =>
  compact({
    name: u.name,
    enabled: u.enabled,
    mask: u.mask,
    contents: u.contents,
    dropins: u.dropins.map((d) => ({ name: d.name, contents: d.contents })),
  });

const user = (u: UserEntry) =>
  compact({
    name: u.name,
    passwordHash: u.password_hash,
    sshAuthorizedKeys: u.ssh_authorized_keys,
    uid: u.uid,
    gecos: u.gecos,
    homeDir: u.home_dir,
    noCreateHome: u.no_create_home,
    primaryGroup: u.primary_group,
    groups: u.groups,
    noUserGroup: u.no_user_group,
    noLogInit: u.no_log_init,
    shell: u.shell,
    system: u.system,
  });

export async function toIgnition(model: ButaneModel): Promise<IgnitionConfig> {
  const config: IgnitionConfig = { ignition: { version: IGNITION_VERSION } };
  if (model.users.length) config.passwd = { users: model.users.map(user) };
  if (model.files.length) config.storage = { files: await Promise.all(model.files.map(file)) };
  if (model.units.length) config.systemd = { units: model.units.map(unit) };
  return config;
}
