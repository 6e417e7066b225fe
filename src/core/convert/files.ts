import { decodeBase64, gzipHeaderOk } from '../formats/cloud-config/reference/decode-content';
import { childNamed, type TreeNode } from '../yaml/tree';
import { scalar, type ConvertContext } from './context';
import type { FileContents, Owner } from './model';
import { quoted } from '../text/quote';

/** CoreOS's configuration directory; Flatcar keeps a compatibility link to /etc/flatcar there. */
const LEGACY_DIR = '/etc/coreos';

/** coreos-cloudinit's mode for a file without `permissions`. */
export const DEFAULT_MODE = 0o644;

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Go string bytes of a scalar: UTF-8, or a `!!binary` value's bytes. */
const bytesOf = (n: TreeNode): Uint8Array => (n.binary ? Uint8Array.from(n.text, (c) => c.charCodeAt(0)) : utf8(n.text));

/** The file's bytes as coreos-cloudinit decodes them (config.DecodeContent); undefined when they do not decode. */
export function decodeContent(content: TreeNode | undefined, encoding: string): FileContents | undefined {
  const raw = content ? (scalar(content) === undefined ? new Uint8Array() : bytesOf(content)) : new Uint8Array();
  const text = content && scalar(content) !== undefined ? content.text : '';
  switch (encoding) {
    case '':
      return { bytes: raw, gzip: false };
    case 'b64':
    case 'base64': {
      const bytes = decodeBase64(text);
      return bytes && { bytes, gzip: false };
    }
    case 'gz':
    case 'gzip':
      return gzipHeaderOk(raw) ? { bytes: raw, gzip: true } : undefined;
    case 'gz+base64':
    case 'gzip+base64':
    case 'gz+b64':
    case 'gzip+b64': {
      const bytes = decodeBase64(text);
      return bytes && gzipHeaderOk(bytes) ? { bytes, gzip: true } : undefined;
    }
    default:
      return undefined;
  }
}

/** `user`, `user:group` or `uid:gid`: numbers are ids, anything else names. */
export function parseOwner(owner: string): { user?: Owner; group?: Owner } {
  const part = (s: string | undefined): Owner | undefined => {
    if (!s) return undefined;
    return /^\d+$/.test(s) ? { id: Number(s) } : { name: s };
  };
  const [u, g] = owner.split(/:(.*)/s);
  return { user: part(u), group: part(g) };
}

export function convertWriteFiles(ctx: ConvertContext, root: TreeNode): void {
  for (const { item, id, idNode: pathNode } of ctx.identifiedEntries(childNamed(root, 'write_files'), 'path', 'write_files entry')) {
    let path = id;
    if (!path.startsWith('/')) {
      ctx.note('convert-path', 'info', `relative path written as /${path}`, pathNode, 'value');
      path = `/${path}`;
    }
    if (path.startsWith(`${LEGACY_DIR}/`)) {
      const moved = `/etc/flatcar/${path.slice(LEGACY_DIR.length + 1)}`;
      ctx.note('convert-path', 'info', `written as ${moved}: on Flatcar ${LEGACY_DIR} is only a link to /etc/flatcar, which Ignition would not follow`, pathNode, 'value');
      path = moved;
    }
    const comments: string[] = [];
    const encodingNode = childNamed(item, 'encoding');
    const encoding = scalar(encodingNode) ?? '';
    const contentNode = childNamed(item, 'content');
    ctx.take(encodingNode, contentNode);
    const contents = decodeContent(contentNode, encoding);
    if (!contents) {
      ctx.take(...item.children);
      ctx.note('convert-not-carried', 'warning', `the content of ${path} does not decode as ${encoding}; the file is left out`, contentNode ?? item, contentNode ? 'value' : 'key');
      continue;
    }
    let mode = DEFAULT_MODE;
    const permNode = childNamed(item, 'permissions');
    const perm = scalar(permNode);
    if (perm !== undefined && perm !== '') {
      if (/^[0-7]+$/.test(perm)) {
        mode = parseInt(perm, 8);
        ctx.take(permNode);
      } else {
        ctx.note('convert-not-carried', 'warning', `permissions ${perm} is not an octal mode; the file gets mode 0644`, permNode!, 'value');
        ctx.take(permNode);
      }
    } else ctx.take(permNode);
    const ownerNode = childNamed(item, 'owner');
    const owner = scalar(ownerNode);
    ctx.take(ownerNode);
    const { user, group } = owner ? parseOwner(owner) : {};
    ctx.addFile({ path, contents, mode, user, group, comments }, item);
  }
}

/** hostname → /etc/hostname, as hostnamectl writes it. */
export function convertHostname(ctx: ConvertContext, root: TreeNode): string | undefined {
  const node = childNamed(root, 'hostname');
  const name = scalar(node);
  ctx.take(node);
  if (!name) return undefined;
  ctx.addFile({ path: '/etc/hostname', contents: { bytes: utf8(`${name}\n`), gzip: false }, mode: DEFAULT_MODE, comments: [] }, node);
  return name;
}

/** The unit that writes /etc/hosts at boot when the host name is not in the config. */
export const ETC_HOSTS_UNIT = {
  name: 'etc-hosts.service',
  contents: [
    '[Unit]',
    'Description=Write /etc/hosts for this host name (was manage_etc_hosts: localhost)',
    'After=network-online.target',
    'Wants=network-online.target',
    '',
    '[Service]',
    'Type=oneshot',
    'ExecStart=/bin/sh -c \'echo "127.0.0.1 $(hostname)" > /etc/hosts\'',
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n'),
};

/** manage_etc_hosts: localhost → /etc/hosts with coreos-cloudinit's one line. */
export function convertEtcHosts(ctx: ConvertContext, root: TreeNode, hostname: string | undefined): void {
  const node = childNamed(root, 'manage_etc_hosts');
  const value = scalar(node);
  ctx.take(node);
  if (value === undefined || value === '') return;
  if (value !== 'localhost') {
    ctx.note('convert-not-carried', 'warning', `manage_etc_hosts: ${value} did nothing (only localhost is known); left out`, node!, 'value');
    return;
  }
  if (hostname) {
    const line = `127.0.0.1 ${hostname}`;
    ctx.note('convert-etc-hosts', 'info', `/etc/hosts is written with ${quoted(line)}`, node!, 'key');
    ctx.addFile({ path: '/etc/hosts', contents: { bytes: utf8(`${line}\n`), gzip: false }, mode: DEFAULT_MODE, comments: ['from manage_etc_hosts: localhost'] }, undefined);
    return;
  }
  ctx.note('convert-etc-hosts', 'info', `the config sets no hostname, so ${ETC_HOSTS_UNIT.name} writes "127.0.0.1 HOSTNAME" to /etc/hosts at boot`, node!, 'key');
  ctx.model.units.push({ name: ETC_HOSTS_UNIT.name, enabled: true, contents: ETC_HOSTS_UNIT.contents, dropins: [], comments: ['from manage_etc_hosts: localhost'] });
}
