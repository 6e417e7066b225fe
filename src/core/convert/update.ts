import { childNamed, type TreeNode } from '../yaml/tree';
import { scalar, type ConvertContext } from './context';
import { utf8Text } from './data-url';
import { DEFAULT_MODE } from './files';

/** Where Flatcar's update_engine and locksmithd (EnvironmentFile=) read their settings. */
export const UPDATE_CONF = '/etc/flatcar/update.conf';

/** cloud-config keys and the update.conf variables they become, in the order they are written. */
const UPDATE_KEYS: readonly (readonly [string, string])[] = [
  ['reboot_strategy', 'REBOOT_STRATEGY'],
  ['group', 'GROUP'],
  ['server', 'SERVER'],
];
const LOCKSMITH_KEYS: readonly (readonly [string, string])[] = [
  ['window_start', 'LOCKSMITHD_REBOOT_WINDOW_START'],
  ['window_length', 'LOCKSMITHD_REBOOT_WINDOW_LENGTH'],
  ['group', 'LOCKSMITHD_GROUP'],
  ['endpoint', 'LOCKSMITHD_ENDPOINT'],
  ['etcd_cafile', 'LOCKSMITHD_ETCD_CAFILE'],
  ['etcd_certfile', 'LOCKSMITHD_ETCD_CERTFILE'],
  ['etcd_keyfile', 'LOCKSMITHD_ETCD_KEYFILE'],
  ['etcd_username', 'LOCKSMITHD_ETCD_USERNAME'],
  ['etcd_password', 'LOCKSMITHD_ETCD_PASSWORD'],
];

function read(ctx: ConvertContext, section: TreeNode | undefined, keys: readonly (readonly [string, string])[], out: string[]): void {
  if (section?.kind !== 'map') return;
  for (const [key, variable] of keys) {
    const n = childNamed(section, key);
    if (!n) continue;
    ctx.take(n);
    const v = scalar(n);
    if (v) out.push(`${variable}=${v}`);
  }
}

/** coreos.update and coreos.locksmith → /etc/flatcar/update.conf. */
export function convertUpdate(ctx: ConvertContext, root: TreeNode): void {
  const coreos = childNamed(root, 'coreos');
  const update = childNamed(coreos, 'update');
  const locksmith = childNamed(coreos, 'locksmith');
  const lines: string[] = [];
  read(ctx, update, UPDATE_KEYS, lines);
  read(ctx, locksmith, LOCKSMITH_KEYS, lines);
  const strategy = childNamed(update, 'reboot_strategy');
  if (scalar(strategy) === 'etcd-lock') {
    ctx.note(
      'convert-etcd-lock',
      'warning',
      'reboot_strategy: etcd-lock makes locksmith take its reboot lock in etcd: run etcd (etcd-member.service) or set locksmith\'s endpoint to a cluster, or locksmith cannot reboot the machine',
      strategy!,
      'value',
    );
  }
  if (!lines.length) return;
  // coreos-cloudinit updated the keys of an existing update.conf and kept its other lines.
  const written = ctx.model.files.find((f) => f.path === UPDATE_CONF && !f.contents.gzip);
  const old = written && utf8Text(written.contents.bytes);
  if (written && old !== undefined) {
    const keyOf = (l: string) => l.split('=', 1)[0];
    const set = new Map(lines.map((l) => [keyOf(l), l]));
    const kept = old.split('\n').filter((l) => l !== '' && !set.has(keyOf(l)));
    written.contents = { bytes: new TextEncoder().encode(`${[...kept, ...lines].join('\n')}\n`), gzip: false };
    written.comments.push('with the keys of coreos.update and coreos.locksmith');
    return;
  }
  ctx.addFile(
    { path: UPDATE_CONF, contents: { bytes: new TextEncoder().encode(`${lines.join('\n')}\n`), gzip: false }, mode: DEFAULT_MODE, comments: ['from coreos.update and coreos.locksmith'] },
    undefined,
  );
}
