import { describe, expect, it } from 'vitest';
import { checkAddress, checkUrl, isHostName, isIPv6, splitList } from './url';

const ETCD = { needPort: true, allowPath: false };
const CLIENT = { needPort: false, allowPath: true };

describe('checkUrl', () => {
  it('accepts http(s)://host:port with IPs, names and substitution variables', () => {
    expect(checkUrl('http://10.0.0.1:2379', ETCD, '')).toEqual({ ok: true, url: { host: '10.0.0.1', hostKind: 'ip' } });
    expect(checkUrl('https://[fd00::1]:2380', ETCD, '')).toEqual({ ok: true, url: { host: '[fd00::1]', hostKind: 'ip' } });
    expect(checkUrl('http://$private_ipv4:2380', ETCD, '')).toEqual({ ok: true, url: { host: '$private_ipv4', hostKind: 'substitution' } });
    expect(checkUrl('http://0.0.0.0:2379', ETCD, '')).toMatchObject({ url: { hostKind: 'unspecified' } });
    expect(checkUrl('http://localhost:2379', ETCD, '')).toMatchObject({ url: { hostKind: 'loopback' } });
    expect(checkUrl('http://etcd.example.com/v2', CLIENT, '')).toMatchObject({ url: { hostKind: 'name' } });
  });

  it('treats other tools\' variables and unix sockets as unknown', () => {
    expect(checkUrl('http://$ETCD_IP:2379', ETCD, '')).toEqual({ ok: 'unknown' });
    expect(checkUrl('unix:///run/etcd.sock', ETCD, '')).toEqual({ ok: 'unknown' });
  });

  it('says what is wrong', () => {
    const problem = (u: string, rules = ETCD) => (checkUrl(u, rules, 'http://h:1') as { problem: string }).problem;
    expect(problem('10.0.0.1:2379')).toBe('has no scheme; write http://10.0.0.1:2379 (or https://)');
    expect(problem('just-text')).toBe('is not a URL; write it as http://h:1');
    expect(problem('http://10.0.0.1')).toBe('has no port; add one, e.g. http://h:1');
    expect(problem('http://10.0.0.1:0')).toBe('has an invalid port "0"; use a number from 1 to 65535');
    expect(problem('http://300.1.1.1:1')).toBe('has an invalid host "300.1.1.1"; write a host name or an IP address');
    expect(problem('http://fd00::1:1')).toBe('has an IPv6 address without brackets; write it as [ADDRESS]:PORT');
    expect(problem('http://u@h:1')).toBe('has user information (user@); remove it');
    expect(problem('http://:1')).toBe('has no host; write it as http://h:1');
    expect(problem('http://$private_ip:1')).toBe('has "$private_ip", which coreos-cloudinit does not substitute; did you mean $private_ipv4?');
  });
});

describe('checkAddress', () => {
  it('reads host:port, a host alone, or a URL', () => {
    expect(checkAddress('$public_ipv4:4001', '')).toMatchObject({ ok: true });
    expect(checkAddress('10.0.0.1', '')).toMatchObject({ ok: true });
    expect(checkAddress('http://10.0.0.1:4001', '')).toMatchObject({ ok: true });
    expect(checkAddress('10.0.0.1:x', '')).toEqual({ ok: false, problem: 'has an invalid port "x"; use a number from 1 to 65535' });
  });
});

describe('host syntax', () => {
  it('knows IPv6 and host names', () => {
    expect(['::', '::1', 'fd00::1', '1:2:3:4:5:6:7:8', '::ffff:10.0.0.1'].every(isIPv6)).toBe(true);
    expect(['1:2:3', '1::2::3', 'g::1', '1:2:3:4:5:6:7:8:9'].some(isIPv6)).toBe(false);
    expect(isHostName('a-b.example.com')).toBe(true);
    expect(isHostName('a_b')).toBe(false);
  });
});

describe('splitList', () => {
  it('keeps each item\'s offset', () => {
    expect(splitList('a,bc,,d')).toEqual([
      { text: 'a', at: 0 },
      { text: 'bc', at: 2 },
      { text: '', at: 5 },
      { text: 'd', at: 6 },
    ]);
  });
});
