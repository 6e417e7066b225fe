import type { RuleFinding } from '../../../findings';
import { readsTrue } from './boot-decode';
import { childNamed, mapItems, scalarText, type Rule, type RuleContext } from './context';
import { isTemplated } from './template';
import { sectionsOf, unitLinesOf } from './unit-file';
import { unitsOf, type Unit } from './units';
import { quoted } from '../../../text/quote';

const isTrue = (ctx: Pick<RuleContext, 'target'>, u: Unit, key: string) => readsTrue(ctx, childNamed(u.item, key));

export const unitEnableWithoutInstall: Rule = {
  id: 'unit-enable-without-install',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const u of unitsOf(ctx.tree.root)) {
      if (!u.content || !isTrue(ctx, u, 'enable')) continue;
      const contents = [u.content, ...u.dropIns.map((d) => d.content)].flatMap((c) => (c ? [c] : []));
      if (contents.some((c) => sectionsOf(unitLinesOf(c)).has('Install'))) continue;
      out.push({
        kind: 'warning',
        message: `enable: true has no effect: unit ${quoted(u.name ?? '')} has no [Install] section; add one (e.g. [Install] with WantedBy=multi-user.target) or use command: start`,
        rule: 'unit-enable-without-install',
        node: childNamed(u.item, 'enable'),
        target: 'key',
      });
    }
    return out;
  },
};

/** systemctl commands that start a unit, which fail on a masked one. */
const STARTING = new Set(['start', 'restart', 'reload-or-restart']);

export const unitMaskStart: Rule = {
  id: 'unit-mask-start',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const u of unitsOf(ctx.tree.root)) {
      const command = childNamed(u.item, 'command');
      const verb = scalarText(command);
      if (!isTrue(ctx, u, 'mask') || !verb || !STARTING.has(verb)) continue;
      out.push({
        kind: 'error',
        message: `command: ${verb} fails because the unit is also masked (mask: true); remove mask: true to run it, or remove the command to keep it masked`,
        rule: 'unit-mask-start',
        node: command,
        target: 'value',
      });
    }
    return out;
  },
};

/** Units Container Linux and Flatcar ship, which a config may act on without giving content. */
const SHIPPED = new Set([
  'etcd.service', 'etcd2.service', 'etcd-member.service', 'fleet.service', 'fleet.socket', 'flanneld.service', 'docker.service',
  'docker.socket', 'containerd.service', 'locksmithd.service', 'update-engine.service', 'sshd.socket', 'sshd.service', 'sshd@.service',
  'ntpd.service', 'chronyd.service', 'dbus.service', 'dbus.socket', 'polkit.service', 'iscsid.service', 'iscsid.socket',
  'rpcbind.service', 'rpcbind.socket', 'rpc-statd.service', 'nfs-server.service', 'nfs-client.target', 'rkt-gc.timer',
  'rkt-metadata.socket', 'rkt-api.service', 'tcsd.service', 'oem-cloudinit.service', 'user-cloudinit@.service',
  'coreos-metadata.service', 'coreos-metadata-sshkeys@.service', 'flatcar-metadata.service', 'afterburn.service',
  'afterburn-sshkeys@.service', 'tmp.mount', 'getty@.service', 'serial-getty@.service', 'motdgen.service',
  'multi-user.target', 'default.target', 'network.target', 'network-online.target', 'local-fs.target', 'remote-fs.target',
  'sockets.target', 'timers.target', 'paths.target', 'basic.target', 'sysinit.target', 'graphical.target', 'reboot.target',
  'poweroff.target', 'rescue.target', 'emergency.target', 'shutdown.target', 'getty.target', 'machines.target',
]);

/** Whether a unit name is one the OS ships (systemd's own units included). */
function isShipped(name: string): boolean {
  if (SHIPPED.has(name) || name.startsWith('systemd-')) return true;
  // Instances of shipped templates, e.g. getty@tty1.service.
  const at = name.indexOf('@');
  return at > 0 && SHIPPED.has(`${name.slice(0, at + 1)}${name.slice(name.lastIndexOf('.'))}`);
}

export const unitWithoutContent: Rule = {
  id: 'unit-without-content',
  check(ctx) {
    const written = new Set(mapItems(ctx.tree.root, ['write_files']).map((f) => scalarText(childNamed(f, 'path'))?.split('/').pop()));
    const out: RuleFinding[] = [];
    for (const u of unitsOf(ctx.tree.root)) {
      const acts = scalarText(childNamed(u.item, 'command')) !== undefined || isTrue(ctx, u, 'enable');
      if (!acts || isTrue(ctx, u, 'mask') || u.content || u.dropIns.length > 0 || !u.name || isShipped(u.name) || written.has(u.name) || isTemplated(u.name)) continue;
      out.push({
        kind: 'info',
        message: `unit ${quoted(u.name)} has no content here, no write_files entry writes it, and it is not a unit the OS ships; unless the machine has it already, add its content (content: |)`,
        rule: 'unit-without-content',
        node: u.nameNode,
        target: 'value',
      });
    }
    return out;
  },
};
