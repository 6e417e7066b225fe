import type { RuleFinding } from '../../../findings';
import { childNamed, scalarText, type Rule } from './context';
import { etcd2Of, isProxy } from './etcd-cluster';
import { isTemplated } from './template';

/** The ways an etcd2 member finds its cluster; etcd accepts only one. */
const BOOTSTRAP = ['initial_cluster', 'discovery', 'discovery_srv'];

/** Settings only a cluster member reads; a proxy ignores them. */
const MEMBER_ONLY = [
  'listen_peer_urls', 'initial_advertise_peer_urls', 'initial_cluster_state', 'initial_cluster_token', 'snapshot_count',
  'heartbeat_interval', 'election_timeout', 'force_new_cluster', 'max_snapshots', 'max_wals', 'wal_dir', 'strict_reconfig_check',
];

export const etcdProxy: Rule = {
  id: 'etcd-proxy',
  check(ctx) {
    const etcd2 = etcd2Of(ctx);
    if (!isProxy(etcd2)) return [];
    const proxy = childNamed(etcd2, 'proxy')!;
    const out: RuleFinding[] = [];
    if (!BOOTSTRAP.some((k) => scalarText(childNamed(etcd2, k)))) {
      out.push({
        kind: 'error',
        message: `proxy: ${proxy.text} needs the cluster to forward to; add initial_cluster (name=URL of each member) or discovery`,
        rule: 'etcd-proxy',
        node: proxy,
        target: 'value',
      });
    }
    for (const key of MEMBER_ONLY) {
      const n = childNamed(etcd2, key);
      if (!n || n.kind === 'null') continue;
      out.push({
        kind: 'warning',
        message: `${n.rawName} has no effect in proxy mode (proxy: ${proxy.text}): a proxy is not a cluster member; remove it, or turn proxy off`,
        rule: 'etcd-proxy',
        node: n,
        target: 'key',
      });
    }
    return out;
  },
};

export const etcdBootstrapConflict: Rule = {
  id: 'etcd-bootstrap-conflict',
  check(ctx) {
    const etcd2 = etcd2Of(ctx);
    const set = BOOTSTRAP.map((k) => childNamed(etcd2, k)).filter((n) => n && scalarText(n));
    // A template often sets one of them to an empty value when rendered.
    if (set.length < 2 || set.some((n) => isTemplated(n!.text))) return [];
    set.sort((a, b) => a!.keyRange![0] - b!.keyRange![0]);
    const [first, ...rest] = set;
    return rest.map((n) => ({
      kind: 'error' as const,
      message: `${n!.rawName} and ${first!.rawName} are both set, and etcd refuses to start with more than one way to bootstrap; keep only one of them`,
      rule: 'etcd-bootstrap-conflict',
      node: n,
      target: 'key' as const,
    }));
  },
};
