import type { RuleFinding } from '../../../findings';
import type { Target } from '../../../types';
import type { Enrich } from './context';

/**
 * The coreos sections that configure a service through a drop-in, and what became of those
 * services. coreos-cloudinit writes `20-cloudinit.conf` for etcd.service, etcd2.service or
 * fleet.service whatever the OS ships. Container Linux dropped etcd (v0.4), etcd2 and fleet
 * in 2017-2018, so a config for an older release is right as written there (a note). Flatcar
 * ships none of the three: it runs etcd v3 as etcd-member.service (a container started by
 * etcd-wrapper), so on Flatcar these sections configure a unit that does not exist.
 * flannel (flanneld.service reads /run/flannel/options.env) and locksmith (locksmithd.service)
 * are still shipped by Flatcar, and their sections work as they did.
 */
const GONE: Record<string, { unit: string; instead: string }> = {
  etcd: { unit: 'etcd.service', instead: 'Flatcar runs etcd v3 as etcd-member.service: configure it with a drop-in for etcd-member.service in coreos.units, or with Butane' },
  etcd2: { unit: 'etcd2.service', instead: 'Flatcar runs etcd v3 as etcd-member.service: configure it with a drop-in for etcd-member.service in coreos.units, or with Butane' },
  fleet: { unit: 'fleet.service', instead: 'run the workloads as systemd units in coreos.units' },
};

/** A deprecation of a service that left the OS, said for the target. */
export function serviceNote(f: RuleFinding, target: Target): RuleFinding {
  const path = f.node?.path;
  const gone = path && path.length === 2 && path[0] === 'coreos' ? GONE[String(path[1])] : undefined;
  if (!gone) return f;
  const name = String(path![1]);
  if (target === 'coreos') return { ...f, kind: 'info', message: `${f.message}; it works on releases that still ship ${name}` };
  return {
    ...f,
    kind: 'warning',
    message: `deprecated key "${name}": Flatcar does not ship ${name}; coreos-cloudinit writes this section as a drop-in for ${gone.unit}, a unit Flatcar does not have, so nothing runs; ${gone.instead}`,
  };
}

/** The reference's deprecated-key finding, said for the target. */
export const deprecatedService: Enrich = (f, ctx) => serviceNote(f, ctx.target);
