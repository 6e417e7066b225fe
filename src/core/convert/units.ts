import { parseUnitFile, sectionsOf } from '../formats/cloud-config/rules/unit-file';
import { childNamed, type TreeNode } from '../yaml/tree';
import { scalar, type ConvertContext } from './context';
import { DEFAULT_MODE } from './files';
import type { DropIn, UnitEntry } from './model';
import { METADATA_DROPIN, substituteInUnit } from './substitutions';

/** systemd-networkd files, which coreos-cloudinit wrote under systemd/network instead of systemd/system. */
const NETWORKD = /\.(network|netdev|link)$/;

/** Commands whose effect at first boot is the unit running: enabling it gives that at every boot. */
const STARTING = new Set(['start', 'restart', 'reload-or-restart']);

/** The target an enabled unit of each type is wanted by. */
function wantedBy(name: string): string {
  if (name.endsWith('.socket')) return 'sockets.target';
  if (name.endsWith('.timer')) return 'timers.target';
  if (name.endsWith('.path')) return 'paths.target';
  return 'multi-user.target';
}

const hasInstall = (texts: (string | undefined)[]) => texts.some((t) => t !== undefined && sectionsOf(parseUnitFile(t)).has('Install'));

const utf8 = (s: string) => new TextEncoder().encode(s);

export function convertUnits(ctx: ConvertContext, root: TreeNode): void {
  for (const { item, id: name } of ctx.identifiedEntries(childNamed(childNamed(root, 'coreos'), 'units'), 'name', 'unit')) {
    if (NETWORKD.test(name)) networkdFile(ctx, item, name);
    else unit(ctx, item, name);
  }
}

function dropInsOf(ctx: ConvertContext, item: TreeNode, unitName: string, substitute = true): { dropins: DropIn[]; nodes: TreeNode[]; used: boolean } {
  const out: DropIn[] = [];
  const nodes: TreeNode[] = [];
  let used = false;
  const list = childNamed(item, 'drop_ins');
  if (list?.kind !== 'seq') return { dropins: out, nodes, used };
  for (const d of list.children) {
    if (d.kind !== 'map') continue;
    const nameNode = childNamed(d, 'name');
    const contentNode = childNamed(d, 'content');
    const name = scalar(nameNode);
    ctx.take(nameNode, contentNode);
    if (!name) {
      ctx.note('convert-not-carried', 'warning', `a drop-in of ${unitName} has no name and is left out`, d.children[0] ?? d, 'key');
      continue;
    }
    let contents = scalar(contentNode) ?? '';
    if (contentNode && substitute) {
      const s = substituteInUnit(ctx, contentNode, contents);
      contents = s.text;
      used ||= s.used;
    }
    const prev = out.findIndex((x) => x.name === name);
    if (prev >= 0) {
      ctx.note('convert-duplicate', 'warning', `drop-in ${name} of ${unitName} is given again later, which wins; this one is left out`, nodes[prev], 'value');
      out.splice(prev, 1);
      nodes.splice(prev, 1);
    }
    out.push({ name, contents });
    nodes.push(d);
  }
  return { dropins: out, nodes, used };
}

function unit(ctx: ConvertContext, item: TreeNode, name: string): void {
  const entry: UnitEntry = { name, dropins: [], comments: [] };
  const contentNode = childNamed(item, 'content');
  ctx.take(contentNode);
  let used = false;
  if (scalar(contentNode) !== undefined) {
    const s = substituteInUnit(ctx, contentNode!, contentNode!.text);
    entry.contents = s.text;
    used = s.used;
  }
  const d = dropInsOf(ctx, item, name);
  entry.dropins = d.dropins;
  used ||= d.used;
  if (used && !entry.dropins.some((x) => x.name === METADATA_DROPIN.name)) entry.dropins.push({ ...METADATA_DROPIN });

  const enable = childNamed(item, 'enable');
  const mask = childNamed(item, 'mask');
  ctx.take(enable, mask);
  if (ctx.isTrue(enable)) entry.enabled = true;
  if (ctx.isTrue(mask)) entry.mask = true;

  const runtime = childNamed(item, 'runtime');
  ctx.take(runtime);
  if (ctx.isTrue(runtime)) {
    const msg = 'runtime: true is not carried over: Ignition writes the unit under /etc, where it persists across reboots';
    ctx.noteOn(entry, 'convert-unit-runtime', 'warning', msg, runtime!, 'key');
  }

  const commandNode = childNamed(item, 'command');
  const command = scalar(commandNode);
  ctx.take(commandNode);
  if (command && STARTING.has(command) && !entry.mask) {
    entry.enabled = true;
    const texts = [entry.contents, ...entry.dropins.map((x) => x.contents)];
    if (entry.contents !== undefined && !hasInstall(texts)) {
      const target = wantedBy(name);
      entry.contents = `${entry.contents.replace(/\n*$/, '\n')}\n[Install]\nWantedBy=${target}\n`;
      const msg = `command: ${command} becomes enabled: true (Ignition enables units, systemd starts them at boot); [Install] WantedBy=${target} was added to the unit for that`;
      ctx.noteOn(entry, 'convert-unit-command', 'warning', msg, commandNode!, 'key');
    } else {
      const msg =
        entry.contents === undefined
          ? `command: ${command} becomes enabled: true (Ignition enables units, systemd starts them at boot); this needs the installed unit to have an [Install] section`
          : `command: ${command} becomes enabled: true (Ignition enables units, systemd starts them at boot)`;
      ctx.noteOn(entry, 'convert-unit-command', 'info', msg, commandNode!, 'key');
    }
  } else if (command === 'stop' && entry.mask) {
    ctx.noteOn(entry, 'convert-unit-command', 'info', 'command: stop is not needed: the unit is masked, so it does not run', commandNode!, 'key');
  } else if (command) {
    const msg = `command: ${command} is not carried over: Ignition only writes, enables and masks units before they run${command === 'stop' ? '; to keep the unit from running, mask it' : ''}`;
    ctx.noteOn(entry, 'convert-unit-command', 'warning', msg, commandNode!, 'key');
  }

  if (entry.contents === undefined && !entry.dropins.length && !entry.enabled && !entry.mask) return;
  const units = ctx.model.units;
  const prev = units.findIndex((u) => u.name === name);
  if (prev >= 0) {
    // coreos-cloudinit wrote both in order: the later content replaces the unit file, drop-ins add up.
    const old = units[prev];
    entry.contents ??= old.contents;
    entry.enabled ||= old.enabled;
    entry.mask ||= old.mask;
    entry.dropins = [...old.dropins.filter((x) => !entry.dropins.some((y) => y.name === x.name)), ...entry.dropins];
    entry.comments = [...old.comments, ...entry.comments];
    units.splice(prev, 1);
  }
  units.push(entry);
}

/** A networkd file (and its drop-ins) as files under /etc/systemd/network. */
function networkdFile(ctx: ConvertContext, item: TreeNode, name: string): void {
  const contentNode = childNamed(item, 'content');
  ctx.take(contentNode);
  const dir = '/etc/systemd/network';
  const comment = `was the coreos.units entry ${name}`;
  const content = scalar(contentNode);
  if (content !== undefined) {
    ctx.addFile({ path: `${dir}/${name}`, contents: { bytes: utf8(content), gzip: false }, mode: DEFAULT_MODE, comments: [comment] }, item);
  }
  // networkd expands no variables, so substitutions stay as written (and get their notes later).
  const d = dropInsOf(ctx, item, name, false);
  d.dropins.forEach((x, i) =>
    ctx.addFile({ path: `${dir}/${name}.d/${x.name}`, contents: { bytes: utf8(x.contents), gzip: false }, mode: DEFAULT_MODE, comments: [comment] }, d.nodes[i]),
  );
  for (const key of ['enable', 'mask', 'runtime', 'command']) {
    const n = childNamed(item, key);
    if (!n) continue;
    ctx.take(n);
    if (key === 'command' || ctx.isTrue(n)) {
      ctx.note('convert-not-carried', 'info', `${key} is not needed: systemd-networkd reads ${name} from ${dir} when it starts`, n, 'key');
    }
  }
}
