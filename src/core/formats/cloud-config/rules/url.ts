import { closest } from './edit-distance';
import { isShellVariable, isSubstitution, SUBSTITUTIONS } from './template';
import { quoted } from '../../../text/quote';

/**
 * Endpoint syntax as etcd and its clients read it: `scheme://host:port`, in comma-separated
 * lists. Hosts may be coreos-cloudinit substitution variables ($private_ipv4, ...).
 */

export interface UrlRules {
  /** etcd's own URL flags need a port and no path; clients also take a URL without a port. */
  needPort: boolean;
  allowPath: boolean;
}

export type HostKind = 'ip' | 'name' | 'substitution' | 'unspecified' | 'loopback';

export interface ParsedUrl {
  host: string;
  hostKind: HostKind;
}

export type UrlCheck = { ok: true; url: ParsedUrl } | { ok: false; problem: string } | { ok: 'unknown' };

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

const isIPv4 = (s: string) => IPV4.test(s);

export function isIPv6(s: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(s) || s.split('::').length > 2) return false;
  const parts = s.split(':');
  const v4Tail = parts.length > 0 && isIPv4(parts[parts.length - 1]);
  const groups = parts.filter((p) => p !== '').length + (v4Tail ? 1 : 0);
  const fieldsOk = parts.every((p, i) => p === '' || /^[0-9A-Fa-f]{1,4}$/.test(p) || (i === parts.length - 1 && v4Tail));
  return fieldsOk && (s.includes('::') ? groups < 8 : groups === 8);
}

/** RFC 1123 host name: labels of letters, digits and inner hyphens, at most 63 each, 253 in all. */
export function isHostName(s: string): boolean {
  const name = s.endsWith('.') ? s.slice(0, -1) : s;
  return name.length > 0 && name.length <= 253 && name.split('.').every((l) => LABEL.test(l));
}

function hostKind(host: string): HostKind | undefined {
  if (isSubstitution(host)) return 'substitution';
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : undefined;
  if (bare !== undefined) {
    if (isSubstitution(bare) && bare.endsWith('6')) return 'substitution';
    if (!isIPv6(bare)) return undefined;
    if (/^[0:]+$/.test(bare)) return 'unspecified';
    return /^[0:]+1$/.test(bare) ? 'loopback' : 'ip';
  }
  if (isIPv4(host)) {
    if (host === '0.0.0.0') return 'unspecified';
    return host.startsWith('127.') ? 'loopback' : 'ip';
  }
  if (/^\d+(\.\d+)*$/.test(host)) return undefined;
  if (host.toLowerCase() === 'localhost') return 'loopback';
  return isHostName(host) ? 'name' : undefined;
}

/** Splits `host:port`, `[v6]:port` or a bare host. */
function splitHostPort(hostPort: string): { host: string; port?: string } {
  const m = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(hostPort);
  if (!m) return { host: hostPort };
  return { host: m[1], port: m[2] };
}

function checkHostPort(hostPort: string, needPort: boolean, example: string): UrlCheck {
  if (!hostPort.startsWith('[') && hostPort.split(':').length > 2) {
    return { ok: false, problem: 'has an IPv6 address without brackets; write it as [ADDRESS]:PORT' };
  }
  const { host, port } = splitHostPort(hostPort);
  if (isSubstitution(host) && host.endsWith('6')) {
    return { ok: false, problem: `has ${host}, which becomes an IPv6 address, and a URL needs that in brackets; write [${host}]` };
  }
  if (isShellVariable(host)) {
    const meant = closest(host, SUBSTITUTIONS);
    return meant ? { ok: false, problem: `has ${quoted(host)}, which coreos-cloudinit does not substitute; did you mean ${meant}?` } : { ok: 'unknown' };
  }
  if (host === '') return { ok: false, problem: `has no host; write it as ${example}` };
  const kind = hostKind(host);
  if (!kind) return { ok: false, problem: `has an invalid host ${quoted(host)}; write a host name or an IP address` };
  if (port === undefined) {
    return needPort ? { ok: false, problem: `has no port; add one, e.g. ${example}` } : { ok: true, url: { host, hostKind: kind } };
  }
  if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
    return { ok: false, problem: `has an invalid port ${quoted(port)}; use a number from 1 to 65535` };
  }
  return { ok: true, url: { host, hostKind: kind } };
}

/** Checks one URL of a list. `example` shows the expected form in messages. */
export function checkUrl(url: string, rules: UrlRules, example: string): UrlCheck {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)(.*)$/.exec(url);
  if (!m) {
    if (/^[^/:]+:\d+$/.test(url)) return { ok: false, problem: `has no scheme; write http://${url} (or https://)` };
    return { ok: false, problem: `is not a URL; write it as ${example}` };
  }
  const [, scheme, authority, rest] = m;
  if (/^unixs?$/i.test(scheme)) return { ok: 'unknown' };
  if (!/^https?$/i.test(scheme)) return { ok: false, problem: `has scheme ${quoted(scheme)}; use http or https` };
  if (authority.includes('@')) return { ok: false, problem: 'has user information (user@); remove it' };
  if (!rules.allowPath && rest !== '') return { ok: false, problem: `has a path ${quoted(rest)}, which etcd refuses; remove it (scheme://host:port only)` };
  return checkHostPort(authority, rules.needPort, example);
}

/** Checks an etcd 0.4 address (addr, peer_addr, peers): host[:port], a scheme allowed. */
export const checkAddress = (address: string, example: string): UrlCheck =>
  address.includes('://') ? checkUrl(address, { needPort: false, allowPath: false }, example) : checkHostPort(address, false, example);

/** A comma-separated list split into items with their offsets in the string. */
export function splitList(s: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let at = 0;
  for (const part of s.split(',')) {
    out.push({ text: part, at });
    at += part.length + 1;
  }
  return out;
}
