import { childNamed, type TreeNode } from '../yaml/tree';
import type { ConvertContext } from './context';
import { coverSubstitutions } from './substitutions';

/** Sections of `coreos` that configured services Flatcar does not ship, with what Flatcar documents instead. */
const REMOVED: Record<string, string> = {
  etcd: 'coreos.etcd configured etcd v0.4, which Flatcar does not ship; run etcd v3 as etcd-member.service (a container) and put its settings in a drop-in as Environment="ETCD_NAME=value" lines',
  etcd2: 'coreos.etcd2 configured etcd2.service, which Flatcar does not ship; run etcd v3 as etcd-member.service (a container) and put these settings in a drop-in as Environment="ETCD_NAME=value" lines (e.g. ETCD_ADVERTISE_CLIENT_URLS)',
  fleet: 'coreos.fleet configured fleet, which Flatcar does not ship and which has no successor; run the workloads as systemd units (or on Kubernetes)',
  flannel: 'coreos.flannel is not carried over: Flatcar does not read these settings; run flannel as a container (e.g. a systemd unit running the flannel image, or its Kubernetes DaemonSet) with these options as FLANNELD_* environment variables',
};

export function convertServices(ctx: ConvertContext, root: TreeNode): void {
  const coreos = childNamed(root, 'coreos');
  if (coreos?.kind !== 'map') return;
  for (const [key, message] of Object.entries(REMOVED)) {
    const n = childNamed(coreos, key);
    if (!n) continue;
    ctx.take(n);
    if (n.kind === 'null') continue;
    coverSubstitutions(ctx, n);
    ctx.note('convert-service-removed', 'warning', message, n, 'key');
  }
  const oem = childNamed(coreos, 'oem');
  if (oem) {
    ctx.take(oem);
    if (oem.kind !== 'null') ctx.note('convert-oem', 'info', 'coreos.oem is not carried over: the Flatcar image of each platform carries its own OEM settings; write /etc/oem-release as a file if you need it', oem, 'key');
  }
}
