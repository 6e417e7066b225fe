import type { RuleFinding } from '../../../findings';
import { firstLibyamlError } from '../../../yaml/libyaml-errors';
import { buildTreeFromLibyaml } from '../../../yaml/libyaml/tree';
import { TreeError, type Range, type TreeNode } from '../../../yaml/tree';
import { orList } from './key-suggestions';
import { quoted } from '../../../text/quote';

/**
 * Configs for other provisioning tools often reach a CoreOS or Flatcar machine: Ignition JSON,
 * Butane YAML, Ubuntu cloud-init. Instead of a wall of unknown keys, say once what the file is.
 */

/** Top-level keys of Ubuntu cloud-init that coreos-cloudinit does not have (dashes as underscores). */
const CLOUD_INIT_KEYS = new Set(
  `apt apt_pipelining apt_preserve_sources_list apt_proxy apt_sources apt_update apt_upgrade apk_repos autoinstall bootcmd
  byobu_by_default ca_certs chef chpasswd cloud_config_modules cloud_final_modules cloud_init_modules create_hostname_file
  datasource device_aliases disable_ec2_metadata disable_root disable_root_opts disk_setup drivers fan final_message fqdn
  fs_setup groups growpart keyboard landscape locale locale_configfile lxd manage_resolv_conf mcollective mount_default_fields
  mounts no_ssh_fingerprints ntp output package_reboot_if_required package_update package_upgrade packages password phone_home
  power_state preserve_hostname prefer_fqdn_over_hostname puppet random_seed reporting resize_rootfs resolv_conf rh_subscription
  rsyslog runcmd salt_minion seed_random snap spacewalk ssh ssh_deletekeys ssh_fp_console_blacklist ssh_genkeytypes ssh_import_id
  ssh_key_console_blacklist ssh_keys ssh_publish_hostkeys ssh_pwauth ssh_quiet_keygen swap system_info timezone ubuntu_advantage
  ubuntu_pro updates user vendor_data wireguard yum_repos zypper`.split(/\s+/),
);

/** Keys of a cloud-init users entry that coreos-cloudinit's users entries do not have. */
const CLOUD_INIT_USER_KEYS = new Set(
  'lock_passwd plain_text_passwd hashed_passwd ssh_import_id ssh_redirect_user expiredate inactive selinux_user snapuser uid create_groups doas'.split(' '),
);

/** Top-level keys of Butane and of its predecessor, the Container Linux Config (ct). */
const BUTANE_KEYS = new Set(['variant', 'version', 'ignition', 'storage', 'systemd', 'networkd', 'passwd', 'kernel_arguments', 'boot_device', 'etcd', 'flannel', 'update', 'locksmith', 'docker']);
/** Sections that mark a Container Linux Config: mappings no cloud-config has at the top level. */
const CL_CONFIG_SECTIONS = new Set(['storage', 'systemd', 'networkd', 'passwd']);

const listKeys = (keys: string[]) => {
  const shown = keys.slice(0, 5);
  return keys.length > shown.length ? `${shown.join(', ')} and ${keys.length - shown.length} more` : orList(shown).replace(/ or /, ' and ');
};

function cloudInitMessage(keys: string[]): string {
  const are = keys.length === 1 ? 'is an Ubuntu cloud-init key' : 'are Ubuntu cloud-init keys';
  return `${listKeys(keys)} ${are}: this looks like Ubuntu cloud-init user-data, which coreos-cloudinit does not support, so ${keys.length === 1 ? 'it is' : 'they are'} ignored; on CoreOS and Flatcar, run software in containers started by systemd units (coreos.units) and write files with write_files`;
}

const butaneMessage = (variant: string) =>
  `this is a Butane config (variant: ${variant}), not cloud-config, and nothing in it is applied; convert it to Ignition JSON with "butane --strict" and pass that as user-data`;

const clConfigMessage =
  'this is a Container Linux Config (for the config transpiler ct, now Butane), not cloud-config, and nothing in it is applied; transpile it to Ignition JSON and pass that as user-data';

const ignitionYamlMessage =
  'this is an Ignition config written as YAML, not cloud-config, and nothing in it is applied; pass Ignition as JSON user-data (from Butane), or write cloud-config keys instead';

interface KeyAt {
  /** Normalised name (dashes as underscores). */
  name: string;
  rawName: string;
  /** Whether the key is in a users entry rather than at the top level. */
  inUser: boolean;
  value?: string;
  mapValue: boolean;
}

type Verdict = { message: string; members: number[] };

/** Which of these keys (by index) belong to another tool's format, and what to say about them. */
function classify(keys: KeyAt[]): Verdict | undefined {
  const top = keys.map((k, i) => ({ k, i })).filter(({ k }) => !k.inUser);
  const butane = top.filter(({ k }) => BUTANE_KEYS.has(k.name)).map(({ i }) => i);
  const variant = top.find(({ k }) => k.name === 'variant');
  if (variant && top.some(({ k }) => k.name === 'version')) return { message: butaneMessage(variant.k.value ?? ''), members: butane };
  if (top.some(({ k }) => k.name === 'ignition')) return { message: ignitionYamlMessage, members: butane };
  if (top.some(({ k }) => CL_CONFIG_SECTIONS.has(k.name) && k.mapValue)) return { message: clConfigMessage, members: butane };
  const members = keys.flatMap((k, i) => ((k.inUser ? CLOUD_INIT_USER_KEYS : CLOUD_INIT_KEYS).has(k.name) ? [i] : []));
  if (members.length === 0) return undefined;
  const names = [...new Set(members.map((i) => keys[i].rawName))];
  return { message: cloudInitMessage(names), members };
}

const isUsersEntryKey = (n: TreeNode) => n.path.length === 3 && n.path[0] === 'users';

/**
 * For a cloud-config: the unknown-key findings that belong to another format, collapsed into
 * one finding on the first of them, and the findings it replaces.
 */
export function collapseDialect(unknown: RuleFinding[]): { note: RuleFinding; replaced: Set<RuleFinding> } | undefined {
  const candidates = unknown
    .filter((f) => f.node && (f.node.path.length === 1 || isUsersEntryKey(f.node)))
    .sort((a, b) => a.node!.keyRange![0] - b.node!.keyRange![0]);
  const verdict = classify(
    candidates.map((f) => ({ name: f.node!.name, rawName: f.node!.rawName, inUser: f.node!.path.length > 1, value: f.node!.text, mapValue: f.node!.kind === 'map' })),
  );
  if (!verdict) return undefined;
  const first = candidates[verdict.members[0]];
  return {
    note: { kind: 'warning', message: verdict.message, rule: 'foreign-dialect', node: first.node, target: 'key' },
    replaced: new Set(verdict.members.map((i) => candidates[i])),
  };
}

/** The first line of cloud-init's other user-data formats, which coreos-cloudinit does not read. */
const CLOUD_INIT_PARTS = /^(#include(-once)?|#cloud-boothook|#upstart-job|#part-handler|#cloud-config-archive|#cloud-config-jsonp|## template: jinja)\s*$/;

function ignitionJsonNote(text: string): RuleFinding | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof doc !== 'object' || doc === null || !Object.keys(doc).some((k) => k.toLowerCase() === 'ignition')) return undefined;
  const at = text.search(/"ignition"/i);
  return {
    kind: 'info',
    message: 'this looks like an Ignition config, but its "ignition": {"version": "..."} is missing or not a string, so it is read neither as Ignition nor as cloud-config; set ignition.version (e.g. "3.4.0")',
    rule: 'foreign-dialect',
    range: [at, at + '"ignition"'.length],
  };
}

/**
 * Top-level and users-entry keys of a YAML mapping, with their source ranges, read with the
 * same libyaml port as cloud-config (a text it cannot read gets no note).
 */
function yamlKeys(text: string): (KeyAt & { range: Range })[] {
  if (firstLibyamlError(text)) return [];
  const root = buildTreeFromLibyaml(text, 100_000 + text.length).root;
  if (root.kind !== 'map') return [];
  const keyAt = (n: TreeNode, inUser: boolean) => ({
    name: n.name,
    rawName: n.rawName,
    inUser,
    value: n.kind === 'map' || n.kind === 'seq' ? undefined : n.text,
    mapValue: n.kind === 'map',
    range: n.keyRange!,
  });
  const out: (KeyAt & { range: Range })[] = [];
  for (const entry of root.children) {
    if (!entry.keyIsString || !entry.keyRange) continue;
    out.push(keyAt(entry, false));
    if (entry.rawName !== 'users' || entry.kind !== 'seq') continue;
    for (const user of entry.children) if (user.kind === 'map') for (const k of user.children) if (k.keyIsString && k.keyRange) out.push(keyAt(k, true));
  }
  return out;
}

/** Parsing stops being worth it for a note past this size. */
const MAX_YAML = 1 << 20;

/** For input that is not cloud-config: a note saying what it is instead, when that is clear. */
export function dialectNote(text: string): RuleFinding | undefined {
  const firstLine = text.split(/\r?\n/, 1)[0];
  const part = CLOUD_INIT_PARTS.exec(firstLine);
  if (part) {
    return {
      kind: 'info',
      message: `${quoted(part[1])} user-data is a cloud-init format that coreos-cloudinit does not read; write cloud-config (first line #cloud-config) or a shell script (#!)`,
      rule: 'foreign-dialect',
      range: [0, firstLine.length],
    };
  }
  const ignition = ignitionJsonNote(text);
  if (ignition || text.length > MAX_YAML) return ignition;
  let keys: (KeyAt & { range: Range })[];
  try {
    keys = yamlKeys(text);
  } catch (e) {
    // A document go-yaml cannot decode gets no note; anything else is a bug.
    if (!(e instanceof TreeError)) throw e;
    return undefined;
  }
  const verdict = classify(keys);
  return verdict && { kind: 'info', message: verdict.message, rule: 'foreign-dialect', range: keys[verdict.members[0]].range };
}
