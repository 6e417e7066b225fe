import { describe, expect, it } from 'vitest';
import { applyFix, findingsOf, fullFindingsOf, H } from './testing';

const coreos = (body: string) => `${H}coreos:\n${body}`;

describe('endpoint-url', () => {
  it('accepts URL lists, substitution variables, IPv6 and templates', () => {
    const text = coreos(
      '  etcd2:\n' +
        '    listen_client_urls: http://0.0.0.0:2379,http://[::]:4001\n' +
        '    listen-peer-urls: "http://$private_ipv4:2380, http://$private_ipv4:7001"\n' +
        '    advertise_client_urls: https://$public_ipv4:2379\n' +
        '    initial_advertise_peer_urls: http://${ip}:2380\n' +
        '    discovery: https://discovery.etcd.io/<token>\n' +
        '  etcd:\n    addr: $private_ipv4:4001\n    peers: 10.0.0.2:7001,10.0.0.3:7001\n' +
        '  fleet:\n    etcd_servers: http://localhost:2379\n' +
        '  flannel:\n    etcd_endpoints: "{{ .Endpoints }}"\n' +
        '  locksmith:\n    endpoint: https://etcd.example.com\n',
    );
    expect(findingsOf(text, 'endpoint-url')).toEqual([]);
  });

  it('reports each bad URL at the URL, with the fix', () => {
    const text = coreos(
      '  etcd2:\n' +
        '    listen_client_urls: http://0.0.0.0:2379/,ftp://10.0.0.1:2379\n' +
        '    listen_peer_urls: http://node-1:2380\n' +
        '    advertise_client_urls: http://$privat_ipv4:2379,http://10.0.0.1\n' +
        '  flannel:\n    etcd_endpoints: 10.0.0.1:2379\n',
    );
    expect(findingsOf(text, 'endpoint-url')).toEqual([
      { kind: 'error', message: 'listen_client_urls: "http://0.0.0.0:2379/" has a path "/", which etcd refuses; remove it (scheme://host:port only)', line: 4, column: 25, endLine: 4, endColumn: 45 },
      { kind: 'error', message: 'listen_client_urls: "ftp://10.0.0.1:2379" has scheme "ftp"; use http or https', line: 4, column: 46, endLine: 4, endColumn: 65 },
      {
        kind: 'error',
        message: 'listen_peer_urls: "http://node-1:2380" names host "node-1", but etcd binds only to IP addresses (or localhost); use the IP, e.g. http://$private_ipv4:2380',
        line: 5, column: 23, endLine: 5, endColumn: 41,
      },
      {
        kind: 'error',
        message: 'advertise_client_urls: "http://$privat_ipv4:2379" has "$privat_ipv4", which coreos-cloudinit does not substitute; did you mean $private_ipv4?',
        line: 6, column: 28, endLine: 6, endColumn: 52,
      },
      { kind: 'error', message: 'advertise_client_urls: "http://10.0.0.1" has no port; add one, e.g. http://$private_ipv4:2379', line: 6, column: 53, endLine: 6, endColumn: 68 },
      { kind: 'error', message: 'etcd_endpoints: "10.0.0.1:2379" has no scheme; write http://10.0.0.1:2379 (or https://)', line: 8, column: 21, endLine: 8, endColumn: 34 },
    ]);
  });

  it('removes a stray comma', () => {
    const text = coreos('  locksmith:\n    endpoint: http://10.0.0.1:2379,\n');
    expect(findingsOf(text, 'endpoint-url')).toEqual([
      { kind: 'error', message: 'endpoint: an entry is empty; remove the stray comma', line: 4, column: 35, endLine: 4, endColumn: 36 },
    ]);
    expect(applyFix(text, fullFindingsOf(text, 'endpoint-url')[0])).toBe(coreos('  locksmith:\n    endpoint: http://10.0.0.1:2379\n'));
  });

  it('points at the whole value when it is folded over lines', () => {
    const text = coreos('  fleet:\n    etcd_servers: >\n      http://10.0.0.1:2379,\n      10.0.0.2:2379\n');
    expect(findingsOf(text, 'endpoint-url')).toEqual([
      { kind: 'error', message: 'etcd_servers: "10.0.0.2:2379" has no scheme; write http://10.0.0.2:2379 (or https://)', line: 4, column: 19, endLine: 7, endColumn: 1 },
    ]);
  });
});

describe('advertise-address', () => {
  it('accepts real addresses, loopback in a one-member cluster, and a proxy', () => {
    expect(findingsOf(coreos('  etcd2:\n    advertise_client_urls: http://$private_ipv4:2379\n    initial_advertise_peer_urls: http://10.0.0.1:2380\n'), 'advertise-address')).toEqual([]);
    expect(
      findingsOf(coreos('  etcd2:\n    advertise_client_urls: http://localhost:2379\n    initial_cluster: default=http://127.0.0.1:2380\n'), 'advertise-address'),
    ).toEqual([]);
    expect(findingsOf(coreos('  etcd2:\n    proxy: on\n    advertise_client_urls: http://0.0.0.0:2379\n'), 'advertise-address')).toEqual([]);
  });

  it('warns about 0.0.0.0 and loopback told to others', () => {
    const text = coreos(
      '  etcd2:\n' +
        '    advertise_client_urls: http://0.0.0.0:2379,http://$public_ipv4:2379\n' +
        '    initial_advertise_peer_urls: http://127.0.0.1:2380\n' +
        '    initial_cluster: a=http://127.0.0.1:2380,b=http://10.0.0.2:2380,c=http://10.0.0.3:2380\n' +
        '  etcd:\n    peer_addr: "0.0.0.0:7001"\n',
    );
    expect(findingsOf(text, 'advertise-address')).toEqual([
      {
        kind: 'warning',
        message: "advertise_client_urls advertises 0.0.0.0 to clients, which other machines cannot connect to; advertise this machine's address, e.g. http://$private_ipv4:2379",
        line: 4, column: 28, endLine: 4, endColumn: 47,
      },
      {
        kind: 'warning',
        message: "initial_advertise_peer_urls advertises 127.0.0.1 to peers, which other machines cannot connect to; advertise this machine's address, e.g. http://$private_ipv4:2380",
        line: 5, column: 34, endLine: 5, endColumn: 55,
      },
      {
        kind: 'warning',
        message: "initial_cluster gives a member the peer address 127.0.0.1, which other members cannot connect to; use each member's own address",
        line: 6, column: 24, endLine: 6, endColumn: 45,
      },
      {
        kind: 'warning',
        message: "peer_addr advertises 0.0.0.0 to peers, which other machines cannot connect to; advertise this machine's address, e.g. $private_ipv4:7001",
        line: 8, column: 17, endLine: 8, endColumn: 29,
      },
    ]);
  });
});

describe('IPv6 substitutions', () => {
  it('need brackets in a URL, as the address they become does', () => {
    const text = `${H}coreos:\n  etcd2:\n    advertise_client_urls: http://$public_ipv6:2379\n    listen_client_urls: http://[$private_ipv6]:2379\n`;
    const found = fullFindingsOf(text, 'endpoint-url');
    expect(found.map((f) => [f.line, f.message])).toEqual([
      [4, 'advertise_client_urls: "http://$public_ipv6:2379" has $public_ipv6, which becomes an IPv6 address, and a URL needs that in brackets; write [$public_ipv6]'],
    ]);
  });
});
