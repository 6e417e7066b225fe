import type { RuleFinding } from '../../../findings';
import type { Range, TreeNode } from '../../../yaml/tree';
import { nodeAt, scalarText, type Rule, type RuleContext } from './context';
import { etcd2Of, initialCluster, isProxy, memberNames } from './etcd-cluster';
import { valueSpan, verbatimSpan } from './source';
import { isTemplated } from './template';
import { checkAddress, checkUrl, splitList, type UrlCheck, type UrlRules } from './url';
import { quoted } from '../../../text/quote';

/** A key holding endpoints, and how its values are read. */
interface EndpointKey {
  path: string[];
  list: boolean;
  /** How a URL is read, or `address` for etcd 0.4's host:port. */
  rules: UrlRules | 'address';
  example: string;
  /** Told to other machines, so it must be reachable from them. */
  advertised?: 'peers' | 'clients';
  /** etcd binds to it: an IP address (or localhost), not a host name. */
  bind?: boolean;
}

const ETCD_URL = { needPort: true, allowPath: false };
const CLIENT_URL = { needPort: false, allowPath: true };

const KEYS: EndpointKey[] = [
  { path: ['coreos', 'etcd2', 'listen_client_urls'], list: true, rules: ETCD_URL, example: 'http://0.0.0.0:2379', bind: true },
  { path: ['coreos', 'etcd2', 'listen_peer_urls'], list: true, rules: ETCD_URL, example: 'http://$private_ipv4:2380', bind: true },
  { path: ['coreos', 'etcd2', 'advertise_client_urls'], list: true, rules: ETCD_URL, example: 'http://$private_ipv4:2379', advertised: 'clients' },
  { path: ['coreos', 'etcd2', 'initial_advertise_peer_urls'], list: true, rules: ETCD_URL, example: 'http://$private_ipv4:2380', advertised: 'peers' },
  { path: ['coreos', 'etcd2', 'discovery'], list: false, rules: CLIENT_URL, example: 'https://discovery.etcd.io/TOKEN' },
  { path: ['coreos', 'etcd', 'addr'], list: false, rules: 'address', example: '$private_ipv4:4001', advertised: 'clients' },
  { path: ['coreos', 'etcd', 'peer_addr'], list: false, rules: 'address', example: '$private_ipv4:7001', advertised: 'peers' },
  { path: ['coreos', 'etcd', 'bind_addr'], list: false, rules: 'address', example: '0.0.0.0:4001' },
  { path: ['coreos', 'etcd', 'peer_bind_addr'], list: false, rules: 'address', example: '0.0.0.0:7001' },
  { path: ['coreos', 'etcd', 'peers'], list: true, rules: 'address', example: '10.0.0.2:7001' },
  { path: ['coreos', 'fleet', 'etcd_servers'], list: true, rules: CLIENT_URL, example: 'http://$private_ipv4:2379' },
  { path: ['coreos', 'flannel', 'etcd_endpoints'], list: true, rules: CLIENT_URL, example: 'http://$private_ipv4:2379' },
  { path: ['coreos', 'locksmith', 'endpoint'], list: true, rules: CLIENT_URL, example: 'http://$private_ipv4:2379' },
];

interface Endpoint {
  key: EndpointKey;
  node: TreeNode;
  text: string;
  range: Range;
  check: UrlCheck;
  /** Where the stray comma of an empty list item is written, for its quick fix. */
  strayComma?: Range;
}

const checkEndpoint = (key: EndpointKey, text: string): UrlCheck =>
  key.rules === 'address' ? checkAddress(text, key.example) : checkUrl(text, key.rules, key.example);

/** Every endpoint written in the config, each with its own source range. */
function endpoints(ctx: RuleContext): Endpoint[] {
  const out: Endpoint[] = [];
  for (const key of KEYS) {
    const node = nodeAt(ctx.tree.root, key.path);
    const value = scalarText(node);
    if (!node || !value || isTemplated(value)) continue;
    const items = key.list ? splitList(value) : [{ text: value, at: 0 }];
    items.forEach((item, i) => {
      const text = item.text.trim();
      const from = item.at + item.text.indexOf(text);
      if (text === '') {
        // A stray comma: before the item, or after it when the list starts with one.
        const comma = i > 0 ? item.at - 1 : item.at + item.text.length;
        const strayComma = verbatimSpan(ctx, node, comma, comma + 1);
        out.push({ key, node, text, range: strayComma ?? node.valueRange, check: { ok: false, problem: 'is empty; remove the stray comma' }, strayComma });
        return;
      }
      out.push({ key, node, text, range: valueSpan(ctx, node, from, from + text.length), check: checkEndpoint(key, text) });
    });
  }
  return out;
}

export const endpointUrl: Rule = {
  id: 'endpoint-url',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const e of endpoints(ctx)) {
      const name = e.node.rawName;
      if (e.check.ok === false) {
        const what = e.text === '' ? 'an entry' : quoted(e.text);
        const finding: RuleFinding = { kind: 'error', message: `${name}: ${what} ${e.check.problem}`, rule: 'endpoint-url', node: e.node, range: e.range };
        if (e.strayComma) finding.fixes = [{ title: 'Remove the stray comma', from: e.strayComma[0], to: e.strayComma[1], insert: '' }];
        out.push(finding);
      } else if (e.check.ok === true && e.key.bind && e.check.url.hostKind === 'name') {
        out.push({
          kind: 'error',
          message: `${name}: ${quoted(e.text)} names host ${quoted(e.check.url.host)}, but etcd binds only to IP addresses (or localhost); use the IP, e.g. ${e.key.example}`,
          rule: 'endpoint-url',
          node: e.node,
          range: e.range,
        });
      }
    }
    return out;
  },
};

/** Where etcd would tell others to connect, from initial_cluster, when it lists more than one member. */
function clusterEndpoints(ctx: RuleContext): { host: string; kind: string; node: TreeNode; range: Range }[] {
  const cluster = initialCluster(ctx);
  if (!cluster) return [];
  return cluster.entries.flatMap((e) =>
    e.check.ok === true ? [{ host: e.check.url.host, kind: e.check.url.hostKind, node: cluster.node, range: valueSpan(ctx, cluster.node, e.from, e.to) }] : [],
  );
}

export const advertiseAddress: Rule = {
  id: 'advertise-address',
  check(ctx) {
    const cluster = initialCluster(ctx);
    const singleMember = cluster !== undefined && memberNames(cluster.entries).length === 1;
    const flagged = (kind: string) => kind === 'unspecified' || (kind === 'loopback' && !singleMember);
    // A proxy joins no cluster, so it tells no one its own URLs.
    const proxy = isProxy(etcd2Of(ctx));
    const out: RuleFinding[] = [];
    for (const e of endpoints(ctx)) {
      if (e.check.ok !== true || !e.key.advertised || !flagged(e.check.url.hostKind)) continue;
      if (proxy && e.key.path[1] === 'etcd2') continue;
      out.push({
        kind: 'warning',
        message: `${e.node.rawName} advertises ${e.check.url.host} to ${e.key.advertised}, which other machines cannot connect to; advertise this machine's address, e.g. ${e.key.example}`,
        rule: 'advertise-address',
        node: e.node,
        range: e.range,
      });
    }
    for (const c of clusterEndpoints(ctx)) {
      if (!flagged(c.kind)) continue;
      out.push({
        kind: 'warning',
        message: `initial_cluster gives a member the peer address ${c.host}, which other members cannot connect to; use each member's own address`,
        rule: 'advertise-address',
        node: c.node,
        range: c.range,
      });
    }
    return out;
  },
};
