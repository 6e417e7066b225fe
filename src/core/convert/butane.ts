import { base64, utf8Text } from './data-url';
import { BUTANE_VARIANT, BUTANE_VERSION, type ButaneModel, type FileEntry, type Owner, type UnitEntry, type UserEntry } from './model';
import { emitYaml, Octal, type YMap, type YValue } from './yaml-emit';

const owner = (o: Owner | undefined): YMap | undefined => o && { entries: [o.id !== undefined ? ['id', o.id] : ['name', o.name!]] };

/** Inline text where the bytes are text; otherwise a base64 data URL (gzip streams keep their compression). */
function contents(f: FileEntry): YMap {
  const text = f.contents.gzip ? undefined : utf8Text(f.contents.bytes);
  if (text !== undefined) return { entries: [['inline', text]] };
  return {
    entries: [
      ['compression', f.contents.gzip ? 'gzip' : undefined],
      ['source', `data:;base64,${base64(f.contents.bytes)}`],
    ],
  };
}

const file = (f: FileEntry): YMap => ({
  comments: f.comments,
  entries: [
    ['path', f.path],
    ['overwrite', true],
    ['mode', new Octal(f.mode)],
    ['user', owner(f.user)],
    ['group', owner(f.group)],
    ['contents', contents(f)],
  ],
});

const unit = (u: UnitEntry): YMap => ({
  comments: u.comments,
  entries: [
    ['name', u.name],
    ['enabled', u.enabled],
    ['mask', u.mask],
    ['contents', u.contents],
    ['dropins', u.dropins.map((d): YValue => ({ entries: [['name', d.name], ['contents', d.contents]] }))],
  ],
});

const user = (u: UserEntry): YMap => ({
  comments: u.comments,
  entries: [
    ['name', u.name],
    ['password_hash', u.password_hash],
    ['ssh_authorized_keys', u.ssh_authorized_keys],
    ['uid', u.uid],
    ['gecos', u.gecos],
    ['home_dir', u.home_dir],
    ['no_create_home', u.no_create_home],
    ['primary_group', u.primary_group],
    ['groups', u.groups],
    ['no_user_group', u.no_user_group],
    ['no_log_init', u.no_log_init],
    ['shell', u.shell],
    ['system', u.system],
  ],
});

const section = (key: string, items: YValue[]): YMap | undefined => (items.length ? { entries: [[key, items]] } : undefined);

/** The Butane config (variant flatcar) for the model, with its notes as comments. */
export function emitButane(model: ButaneModel): string {
  return emitYaml({
    comments: [model.comments.length ? 'Converted from cloud-config; its notes, by line of the cloud-config:' : 'Converted from cloud-config.', ...model.comments],
    entries: [
      ['variant', BUTANE_VARIANT],
      ['version', BUTANE_VERSION],
      ['passwd', section('users', model.users.map(user))],
      ['storage', section('files', model.files.map(file))],
      ['systemd', section('units', model.units.map(unit))],
    ],
  });
}
