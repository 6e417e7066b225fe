import { childNamed, type TreeNode } from '../yaml/tree';
import { scalar, scalarList, type ConvertContext } from './context';
import type { UserEntry } from './model';
import { clip, quoted } from '../text/quote';

/** The user that top-level ssh_authorized_keys belong to. */
export const CORE_USER = 'core';

const STRINGS: readonly (readonly [string, 'password_hash' | 'gecos' | 'home_dir' | 'primary_group' | 'shell'])[] = [
  ['passwd', 'password_hash'],
  ['gecos', 'gecos'],
  ['homedir', 'home_dir'],
  ['primary_group', 'primary_group'],
  ['shell', 'shell'],
];
const FLAGS = ['no_create_home', 'system', 'no_user_group', 'no_log_init'] as const;
const IMPORTS = ['coreos_ssh_import_github', 'coreos_ssh_import_github_users', 'coreos_ssh_import_url'];

function userEntry(ctx: ConvertContext, name: string): UserEntry {
  let u = ctx.model.users.find((x) => x.name === name);
  if (!u) {
    u = { name, ssh_authorized_keys: [], groups: [], comments: [] };
    ctx.model.users.push(u);
  }
  return u;
}

const addUnique = (to: string[], items: string[]) => {
  for (const i of items) if (!to.includes(i)) to.push(i);
};

/** ssh_authorized_keys → the core user's keys. */
export function convertSshKeys(ctx: ConvertContext, root: TreeNode): void {
  const node = childNamed(root, 'ssh_authorized_keys');
  const keys = scalarList(node);
  if (!keys) return;
  ctx.take(node);
  if (keys.length) addUnique(userEntry(ctx, CORE_USER).ssh_authorized_keys, keys);
}

/** users → passwd.users; a name given twice is one account, as coreos-cloudinit's second pass modified the first. */
export function convertUsers(ctx: ConvertContext, root: TreeNode): void {
  for (const { item, id: name } of ctx.identifiedEntries(childNamed(root, 'users'), 'name', 'user')) {
    const u = userEntry(ctx, name);
    for (const [key, field] of STRINGS) {
      const n = childNamed(item, key);
      ctx.take(n);
      const v = scalar(n);
      if (v) u[field] = v;
    }
    for (const key of FLAGS) {
      const n = childNamed(item, key);
      ctx.take(n);
      if (ctx.isTrue(n)) u[key] = true;
    }
    const groups = childNamed(item, 'groups');
    ctx.take(groups);
    addUnique(u.groups, scalarList(groups) ?? []);
    const keys = childNamed(item, 'ssh_authorized_keys');
    ctx.take(keys);
    addUnique(u.ssh_authorized_keys, scalarList(keys) ?? []);
    for (const key of IMPORTS) {
      const n = childNamed(item, key);
      if (!n) continue;
      ctx.take(n);
      const what = key === 'coreos_ssh_import_url' ? `the keys at ${scalar(n) ?? 'that URL'}` : `the GitHub keys (https://github.com/USER.keys)`;
      const msg = `${key} is not carried over: Ignition does not fetch SSH keys; paste ${what} into ssh_authorized_keys of ${name}`;
      ctx.noteOn(u, 'convert-ssh-import', 'warning', msg, n, 'key');
    }
    const sudo = childNamed(item, 'sudo');
    if (sudo) {
      ctx.take(sudo);
      const rule = scalar(sudo);
      if (rule) ctx.note('convert-not-carried', 'warning', `sudo is not carried over: Butane has no such field; write the rule as a file, e.g. /etc/sudoers.d/${clip(name)} containing ${quoted(`${name} ${rule}`)}`, sudo, 'key');
    }
  }
}
