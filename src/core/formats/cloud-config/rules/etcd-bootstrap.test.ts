import { describe, expect, it } from 'vitest';
import { findingsOf, H } from './testing';

const etcd2 = (body: string) => `${H}coreos:\n  etcd2:\n${body}`;

describe('etcd-proxy', () => {
  it('accepts a proxy that knows its cluster, and members with member settings', () => {
    expect(findingsOf(etcd2('    proxy: on\n    discovery: https://discovery.etcd.io/abc\n    listen_client_urls: http://0.0.0.0:2379\n'), 'etcd-proxy')).toEqual([]);
    expect(findingsOf(etcd2('    proxy: readonly\n    initial_cluster: ${cluster}\n'), 'etcd-proxy')).toEqual([]);
    expect(findingsOf(etcd2('    proxy: off\n    listen_peer_urls: http://10.0.0.1:2380\n'), 'etcd-proxy')).toEqual([]);
  });

  it('reports a proxy with no cluster to forward to, and member-only settings', () => {
    expect(findingsOf(etcd2('    proxy: on\n    listen_peer_urls: http://10.0.0.1:2380\n    initial-cluster-token: x\n'), 'etcd-proxy')).toEqual([
      { kind: 'error', message: 'proxy: on needs the cluster to forward to; add initial_cluster (name=URL of each member) or discovery', line: 4, column: 12, endLine: 4, endColumn: 14 },
      {
        kind: 'warning',
        message: 'listen_peer_urls has no effect in proxy mode (proxy: on): a proxy is not a cluster member; remove it, or turn proxy off',
        line: 5, column: 5, endLine: 5, endColumn: 21,
      },
      {
        kind: 'warning',
        message: 'initial-cluster-token has no effect in proxy mode (proxy: on): a proxy is not a cluster member; remove it, or turn proxy off',
        line: 6, column: 5, endLine: 6, endColumn: 26,
      },
    ]);
  });
});

describe('etcd-bootstrap-conflict', () => {
  it('accepts one way to bootstrap, and templates that may render all but one empty', () => {
    expect(findingsOf(etcd2('    discovery: https://discovery.etcd.io/abc\n    initial_cluster:\n'), 'etcd-bootstrap-conflict')).toEqual([]);
    expect(findingsOf(etcd2('    discovery_srv: example.com\n'), 'etcd-bootstrap-conflict')).toEqual([]);
    expect(findingsOf(etcd2('    discovery: ${url}\n    initial_cluster: ${cluster}\n'), 'etcd-bootstrap-conflict')).toEqual([]);
  });

  it('reports every way after the first', () => {
    expect(findingsOf(etcd2('    discovery: https://discovery.etcd.io/abc\n    initial_cluster: a=http://10.0.0.1:2380\n    discovery_srv: example.com\n'), 'etcd-bootstrap-conflict')).toEqual([
      {
        kind: 'error',
        message: 'initial_cluster and discovery are both set, and etcd refuses to start with more than one way to bootstrap; keep only one of them',
        line: 5, column: 5, endLine: 5, endColumn: 20,
      },
      {
        kind: 'error',
        message: 'discovery_srv and discovery are both set, and etcd refuses to start with more than one way to bootstrap; keep only one of them',
        line: 6, column: 5, endLine: 6, endColumn: 18,
      },
    ]);
  });
});
