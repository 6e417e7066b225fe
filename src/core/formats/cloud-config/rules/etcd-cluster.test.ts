import { describe, expect, it } from 'vitest';
import { faultTolerance, parseInitialCluster } from './etcd-cluster';
import { applyFix, findingsOf, fullFindingsOf, H } from './testing';

const etcd2 = (body: string) => `${H}coreos:\n  etcd2:\n${body}`;

describe('etcd-initial-cluster', () => {
  it('accepts name=URL pairs, repeated names, $private_ipv4 and templates', () => {
    expect(findingsOf(etcd2('    name: a\n    initial_cluster: a=http://$private_ipv4:2380,a=http://10.0.0.1:7001,b=https://[fd00::1]:2380\n'), 'etcd-initial-cluster')).toEqual([]);
    expect(findingsOf(etcd2('    name: x\n    initial_cluster: ${cluster}\n'), 'etcd-initial-cluster')).toEqual([]);
    expect(findingsOf(etcd2('    initial-cluster: "{{ .Cluster }}"\n'), 'etcd-initial-cluster')).toEqual([]);
  });

  it('reports an entry without "=" at the entry', () => {
    expect(findingsOf(etcd2('    name: a\n    initial_cluster: a=http://10.0.0.1:2380,http://10.0.0.2:2380\n'), 'etcd-initial-cluster')).toEqual([
      {
        kind: 'error',
        message: 'initial_cluster: entry "http://10.0.0.2:2380" is not name=URL; write it as NAME=http://10.0.0.1:2380',
        line: 5, column: 45, endLine: 5, endColumn: 65,
      },
    ]);
  });

  it('reports a bad peer URL at the URL, with what is wrong', () => {
    expect(findingsOf(etcd2('    initial_cluster: "a=10.0.0.1:2380,b=http://10.0.0.2"\n'), 'etcd-initial-cluster')).toEqual([
      {
        kind: 'error',
        message: 'name is not set, so etcd calls this member "default", which initial_cluster does not list (a, b), and refuses to start; add name: with this machine\'s member name',
        line: 4, column: 5, endLine: 4, endColumn: 20,
      },
      { kind: 'error', message: 'initial_cluster: the URL of member "a" has no scheme; write http://10.0.0.1:2380 (or https://)', line: 4, column: 25, endLine: 4, endColumn: 38 },
      { kind: 'error', message: 'initial_cluster: the URL of member "b" has no port; add one, e.g. http://10.0.0.1:2380', line: 4, column: 41, endLine: 4, endColumn: 56 },
    ]);
  });

  it('reports a name that is not a member, unless etcd2 is a proxy', () => {
    const text = etcd2('    name: node-4\n    initial_cluster: node-1=http://10.0.0.1:2380,node-2=http://10.0.0.2:2380,node-3=http://10.0.0.3:2380\n');
    expect(findingsOf(text, 'etcd-initial-cluster')).toEqual([
      {
        kind: 'error',
        message: 'name "node-4" is not a member in initial_cluster (node-1, node-2, node-3), so etcd refuses to start; use one of those names or add node-4=http://10.0.0.1:2380 to initial_cluster',
        line: 4, column: 11, endLine: 4, endColumn: 17,
      },
    ]);
    expect(findingsOf(text.replace('    name:', '    proxy: on\n    name:'), 'etcd-initial-cluster')).toEqual([]);
  });

  it('reports a missing name, which etcd takes as "default"', () => {
    const text = etcd2('    initial_cluster: node-1=http://10.0.0.1:2380,node-2=http://10.0.0.2:2380\n');
    expect(findingsOf(text, 'etcd-initial-cluster')).toEqual([
      {
        kind: 'error',
        message: 'name is not set, so etcd calls this member "default", which initial_cluster does not list (node-1, node-2), and refuses to start; add name: with this machine\'s member name',
        line: 4, column: 5, endLine: 4, endColumn: 20,
      },
    ]);
    expect(findingsOf(etcd2('    initial_cluster: default=http://10.0.0.1:2380\n'), 'etcd-initial-cluster')).toEqual([]);
    expect(findingsOf(etcd2('    proxy: on\n    initial_cluster: node-1=http://10.0.0.1:2380\n'), 'etcd-initial-cluster')).toEqual([]);
  });
});

describe('etcd-cluster-state', () => {
  it('accepts new and existing', () => {
    expect(findingsOf(etcd2('    initial_cluster_state: new\n'), 'etcd-cluster-state')).toEqual([]);
    expect(findingsOf(etcd2('    initial-cluster-state: existing\n'), 'etcd-cluster-state')).toEqual([]);
  });

  it('reports any other value, with a fix for a near miss', () => {
    const text = etcd2('    initial_cluster_state: exisitng\n');
    expect(findingsOf(text, 'etcd-cluster-state')).toEqual([
      { kind: 'error', message: 'initial_cluster_state must be "new" or "existing", not "exisitng"; did you mean "existing"?', line: 4, column: 28, endLine: 4, endColumn: 36 },
    ]);
    expect(applyFix(text, fullFindingsOf(text, 'etcd-cluster-state')[0])).toBe(etcd2('    initial_cluster_state: existing\n'));
    expect(findingsOf(etcd2('    initial_cluster_state: rejoin\n'), 'etcd-cluster-state')[0].message).toBe('initial_cluster_state must be "new" or "existing", not "rejoin"');
  });
});

describe('etcd-cluster-size', () => {
  const cluster = (n: number) => etcd2(`    initial_cluster: ${Array.from({ length: n }, (_, i) => `m${i}=http://10.0.0.${i + 1}:2380`).join(',')}\n`);

  it('tolerates floor((n-1)/2) failures', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(faultTolerance)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it('says nothing for 3, 5 or 7 members', () => {
    for (const n of [3, 5, 7]) expect(findingsOf(cluster(n), 'etcd-cluster-size')).toEqual([]);
  });

  it('warns about an even member count', () => {
    expect(findingsOf(cluster(4), 'etcd-cluster-size')).toEqual([
      { kind: 'warning', message: '4 members tolerate 1 failure, the same as 3; use 3 or 5', line: 4, column: 22, endLine: 4, endColumn: 117 },
    ]);
    expect(findingsOf(cluster(2), 'etcd-cluster-size')[0].message).toBe('2 members tolerate 0 failures, the same as 1; use 1 or 3');
  });

  it('notes a single member and a cluster past 7', () => {
    expect(findingsOf(cluster(1), 'etcd-cluster-size')).toEqual([
      {
        kind: 'info',
        message: 'a one-member etcd cluster has no fault tolerance: if that member fails, the cluster is down; use 3 or 5 members where availability matters',
        line: 4, column: 22, endLine: 4, endColumn: 45,
      },
    ]);
    expect(findingsOf(cluster(9), 'etcd-cluster-size').map((f) => [f.kind, f.message])).toEqual([
      ['info', '9 members: every write must reach 5 of them, so writes slow down as members are added; etcd recommends at most 7'],
    ]);
    expect(findingsOf(cluster(8), 'etcd-cluster-size').map((f) => f.kind)).toEqual(['warning', 'info']);
  });
});

describe('parseInitialCluster', () => {
  it('skips empty entries as etcd does, and keeps offsets', () => {
    expect(parseInitialCluster('a=http://h:1,,b=http://h:2').map((e) => [e.name, e.url, e.from, e.to])).toEqual([
      ['a', 'http://h:1', 2, 12],
      ['b', 'http://h:2', 16, 26],
    ]);
  });
});

describe('etcd-initial-cluster: the member\'s own URLs', () => {
  const cluster = 'initial_cluster: a=http://10.0.0.1:2380,b=http://10.0.0.2:2380';
  it('must equal initial_advertise_peer_urls', () => {
    expect(findingsOf(etcd2(`    name: a\n    ${cluster}\n    initial_advertise_peer_urls: http://10.0.0.9:2380\n`), 'etcd-initial-cluster')).toEqual([
      {
        kind: 'error',
        message: 'initial_cluster lists member "a" at http://10.0.0.1:2380, but initial_advertise_peer_urls is http://10.0.0.9:2380, so etcd refuses to start; make them the same',
        line: 6, column: 34, endLine: 6, endColumn: 54,
      },
    ]);
  });

  it('are not compared where a host is a name or a substitution, which etcd resolves first', () => {
    expect(findingsOf(etcd2(`    name: a\n    ${cluster}\n    initial_advertise_peer_urls: http://10.0.0.1:2380/\n`), 'etcd-initial-cluster')).toEqual([]);
    expect(findingsOf(etcd2(`    name: a\n    ${cluster}\n    initial_advertise_peer_urls: http://$private_ipv4:2380\n`), 'etcd-initial-cluster')).toEqual([]);
    expect(findingsOf(etcd2(`    name: a\n    ${cluster}\n    initial_advertise_peer_urls: http://node-a:2380\n`), 'etcd-initial-cluster')).toEqual([]);
  });
});
