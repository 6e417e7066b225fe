import type { RuleFinding } from '../../../findings';
import type { TreeNode } from '../../../yaml/tree';
import { childNamed, nodeAt, scalarText, type Rule, type RuleContext } from './context';
import { closest } from './edit-distance';
import { valueSpan, verbatimSpan } from './source';
import { isTemplated } from './template';
import { checkUrl, type UrlCheck } from './url';
import { clip, quoted } from '../../../text/quote';

/** One `name=URL` entry of etcd's initial_cluster, with its offset in the value. */
export interface ClusterEntry {
  name?: string;
  url: string;
  /** Offsets of the URL (or of the whole entry when it has no `=`) in the value. */
  from: number;
  to: number;
  check: UrlCheck;
}

const PEER_URL = { needPort: true, allowPath: false };
const PEER_EXAMPLE = 'http://10.0.0.1:2380';

/** Parses initial_cluster the way etcd does: comma-separated `name=URL`, empty entries skipped. */
export function parseInitialCluster(s: string): ClusterEntry[] {
  const out: ClusterEntry[] = [];
  let at = 0;
  for (const raw of s.split(',')) {
    const lead = raw.length - raw.trimStart().length;
    const entry = raw.trim();
    const from = at + lead;
    at += raw.length + 1;
    if (entry === '') continue;
    const eq = entry.indexOf('=');
    if (eq < 0) {
      out.push({ url: entry, from, to: from + entry.length, check: { ok: false, problem: `is not name=URL; write it as NAME=${PEER_EXAMPLE}` } });
      continue;
    }
    const url = entry.slice(eq + 1);
    out.push({ name: entry.slice(0, eq), url, from: from + eq + 1, to: from + entry.length, check: checkUrl(url.trim(), PEER_URL, PEER_EXAMPLE) });
  }
  return out;
}

export const etcd2Of = (ctx: RuleContext): TreeNode | undefined => nodeAt(ctx.tree.root, ['coreos', 'etcd2']);

/** Whether etcd2 runs as a proxy (proxy: on or readonly), which makes it no cluster member. */
export const isProxy = (etcd2: TreeNode | undefined): boolean => /^(on|readonly)$/i.test(scalarText(childNamed(etcd2, 'proxy')) ?? '');

/** The initial_cluster node and its entries, unless absent or templated. */
export function initialCluster(ctx: RuleContext): { node: TreeNode; entries: ClusterEntry[] } | undefined {
  const node = childNamed(etcd2Of(ctx), 'initial_cluster');
  const text = scalarText(node);
  if (!node || !text || isTemplated(text)) return undefined;
  return { node, entries: parseInitialCluster(text) };
}

/** A URL etcd would compare as written: an IP-address host (host names are resolved first). */
function literalPeerUrl(url: string): string | undefined {
  const u = url.trim().replace(/\/$/, '');
  const check = checkUrl(u, PEER_URL, PEER_EXAMPLE);
  return check.ok === true && check.url.hostKind !== 'name' && check.url.hostKind !== 'substitution' ? u : undefined;
}

/**
 * etcd refuses to start when this member's URLs in initial_cluster differ from its
 * initial_advertise_peer_urls. Compared only where every URL has an IP address as host.
 */
function advertisedMismatch(etcd2: TreeNode | undefined, name: string | undefined, entries: ClusterEntry[]): RuleFinding | undefined {
  const node = childNamed(etcd2, 'initial_advertise_peer_urls');
  const advertised = scalarText(node);
  if (!name || !node || !advertised || isTemplated(advertised) || isProxy(etcd2)) return undefined;
  const own = entries.filter((e) => e.name === name).map((e) => literalPeerUrl(e.url));
  const adv = advertised.split(',').filter((u) => u.trim() !== '').map(literalPeerUrl);
  if (own.length === 0 || adv.length === 0 || [...own, ...adv].some((u) => u === undefined)) return undefined;
  const same = own.length === adv.length && [...own].sort().every((u, i) => u === [...adv].sort()[i]);
  if (same) return undefined;
  return {
    kind: 'error',
    message: `initial_cluster lists member ${quoted(name)} at ${own.join(', ')}, but initial_advertise_peer_urls is ${adv.join(', ')}, so etcd refuses to start; make them the same`,
    rule: 'etcd-initial-cluster',
    node,
    target: 'value',
  };
}

export const memberNames = (entries: ClusterEntry[]): string[] => [...new Set(entries.flatMap((e) => (e.name !== undefined ? [e.name] : [])))];

export const etcdInitialCluster: Rule = {
  id: 'etcd-initial-cluster',
  check(ctx) {
    const cluster = initialCluster(ctx);
    if (!cluster) return [];
    const out: RuleFinding[] = [];
    for (const e of cluster.entries) {
      if (e.check.ok !== false) continue;
      const what = e.name === undefined ? `entry ${quoted(e.url)}` : `the URL of member ${quoted(e.name)}`;
      out.push({ kind: 'error', message: `initial_cluster: ${what} ${e.check.problem}`, rule: 'etcd-initial-cluster', node: cluster.node, range: valueSpan(ctx, cluster.node, e.from, e.to) });
    }
    const etcd2 = etcd2Of(ctx);
    const nameNode = childNamed(etcd2, 'name');
    const name = scalarText(nameNode);
    const members = memberNames(cluster.entries);
    if (name && !isTemplated(name) && !isProxy(etcd2) && members.length > 0 && !members.includes(name)) {
      out.push({
        kind: 'error',
        message: `name ${quoted(name)} is not a member in initial_cluster (${members.join(', ')}), so etcd refuses to start; use one of those names or add ${clip(name)}=${PEER_EXAMPLE} to initial_cluster`,
        rule: 'etcd-initial-cluster',
        node: nameNode,
        target: 'value',
      });
    }
    const mismatch = advertisedMismatch(etcd2, name, cluster.entries);
    if (mismatch) out.push(mismatch);
    // Without a name, etcd calls the member "default".
    if (!nameNode && !isProxy(etcd2) && members.length > 0 && !members.includes('default')) {
      out.push({
        kind: 'error',
        message: `name is not set, so etcd calls this member "default", which initial_cluster does not list (${members.join(', ')}), and refuses to start; add name: with this machine's member name`,
        rule: 'etcd-initial-cluster',
        node: cluster.node,
        target: 'key',
      });
    }
    return out;
  },
};

const STATES = ['new', 'existing'];

export const etcdClusterState: Rule = {
  id: 'etcd-cluster-state',
  check(ctx) {
    const node = childNamed(etcd2Of(ctx), 'initial_cluster_state');
    const state = scalarText(node);
    if (!node || !state || STATES.includes(state) || isTemplated(state)) return [];
    const meant = closest(state, STATES);
    const finding: RuleFinding = {
      kind: 'error',
      message: `initial_cluster_state must be "new" or "existing", not ${quoted(state)}${meant ? `; did you mean "${meant}"?` : ''}`,
      rule: 'etcd-cluster-state',
      node,
      target: 'value',
    };
    const span = meant ? verbatimSpan(ctx, node, 0, state.length) : undefined;
    if (span) finding.fixes = [{ title: `Change to ${meant}`, from: span[0], to: span[1], insert: meant! }];
    return [finding];
  },
};

/** Members that may fail while a majority (floor(n/2)+1) still stands. */
export const faultTolerance = (members: number): number => Math.floor((members - 1) / 2);

const failures = (n: number) => `${n} ${n === 1 ? 'failure' : 'failures'}`;

function sizeFinding(n: number): Omit<RuleFinding, 'rule' | 'node' | 'target'>[] {
  const out: Omit<RuleFinding, 'rule' | 'node' | 'target'>[] = [];
  if (n === 1) {
    out.push({ kind: 'info', message: 'a one-member etcd cluster has no fault tolerance: if that member fails, the cluster is down; use 3 or 5 members where availability matters' });
  } else if (n % 2 === 0) {
    out.push({
      kind: 'warning',
      message: `${n} members tolerate ${failures(faultTolerance(n))}, the same as ${n - 1}; use ${n - 1} or ${n + 1}`,
    });
  }
  if (n > 7) {
    out.push({ kind: 'info', message: `${n} members: every write must reach ${Math.floor(n / 2) + 1} of them, so writes slow down as members are added; etcd recommends at most 7` });
  }
  return out;
}

export const etcdClusterSize: Rule = {
  id: 'etcd-cluster-size',
  check(ctx) {
    const cluster = initialCluster(ctx);
    if (!cluster) return [];
    const n = memberNames(cluster.entries).length;
    if (n === 0) return [];
    return sizeFinding(n).map((f) => ({ ...f, rule: 'etcd-cluster-size', node: cluster.node, target: 'value' as const }));
  },
};
