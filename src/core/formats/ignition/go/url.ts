/** Go's net/url Parse, as far as Ignition looks: whether it fails, the scheme, opaque part and query. */

export interface GoUrl {
  scheme: string;
  opaque: string;
  rawQuery: string;
}

const HEX = /^[0-9a-fA-F]{2}$/;

/** url.unescape's validity test for a mode: bad %-escapes, and in hosts, characters Go refuses. */
function unescapeOk(s: string, mode: 'host' | 'zone' | 'other'): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '%') {
      const hex = s.slice(i + 1, i + 3);
      if (!HEX.test(hex)) return false;
      // Hosts may escape only non-ASCII bytes (and %25 in zones).
      if (mode === 'host' && parseInt(hex, 16) < 0x80 && hex !== '25') return false;
      if (mode === 'zone' && parseInt(hex, 16) < 0x80 && hex !== '25' && !/[ -~]/.test(String.fromCharCode(parseInt(hex, 16)))) return false;
      i += 2;
    } else if ((mode === 'host' || mode === 'zone') && c.charCodeAt(0) < 0x80 && !/[A-Za-z0-9\-_.~!$&'()*+,;=:[\]<>"]/.test(c)) {
      return false;
    }
  }
  return true;
}

const validPort = (port: string) => port === '' || /^:[0-9]*$/.test(port);

function hostOk(host: string): boolean {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) return false;
    if (!validPort(host.slice(i + 1))) return false;
    const zone = host.slice(0, i).indexOf('%25');
    if (zone >= 0) return unescapeOk(host.slice(0, zone), 'host') && unescapeOk(host.slice(zone, i), 'zone');
  } else {
    const i = host.lastIndexOf(':');
    if (i >= 0 && !validPort(host.slice(i))) return false;
  }
  return unescapeOk(host, 'host');
}

function authorityOk(authority: string): boolean {
  const at = authority.lastIndexOf('@');
  if (!hostOk(at < 0 ? authority : authority.slice(at + 1))) return false;
  if (at < 0) return true;
  const userinfo = authority.slice(0, at);
  return /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo) && unescapeOk(userinfo, 'other');
}

/** url.Parse: the parts Ignition reads, or undefined where Go returns an error. */
export function parseGoUrl(raw: string): GoUrl | undefined {
  const hash = raw.indexOf('#');
  const [u, frag] = hash < 0 ? [raw, ''] : [raw.slice(0, hash), raw.slice(hash + 1)];
  if (!unescapeOk(frag, 'other')) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(u)) return undefined;
  let scheme = '';
  let rest = u;
  for (let i = 0; i < u.length; i++) {
    const c = u[i];
    if (/[A-Za-z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) break;
      continue;
    }
    if (c === ':') {
      if (i === 0) return undefined; // missing protocol scheme
      scheme = u.slice(0, i).toLowerCase();
      rest = u.slice(i + 1);
    }
    break;
  }
  let rawQuery = '';
  if (rest.endsWith('?') && rest.split('?').length === 2) {
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) {
      rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith('/')) {
    if (scheme !== '') return { scheme, opaque: rest, rawQuery };
    const segment = rest.split('/')[0];
    if (segment.includes(':')) return undefined;
  }
  if ((scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    const authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    if (!authorityOk(authority)) return undefined;
    rest = slash < 0 ? '' : rest.slice(slash);
  }
  if (!unescapeOk(rest, 'other')) return undefined;
  return { scheme, opaque: '', rawQuery };
}

/** url.Values from a raw query, as Query() reads it (pairs it cannot unescape are dropped). */
export function queryValues(rawQuery: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const pair of rawQuery.split('&')) {
    if (pair === '' || pair.includes(';')) continue;
    const eq = pair.indexOf('=');
    const [k, v] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    const key = queryUnescape(k);
    const value = queryUnescape(v);
    if (key === undefined || value === undefined) continue;
    out.set(key, [...(out.get(key) ?? []), value]);
  }
  return out;
}

function queryUnescape(s: string): string | undefined {
  if (!unescapeOk(s, 'other')) return undefined;
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    // Bytes that are not UTF-8: Go keeps them; the value only matters for emptiness.
    return s;
  }
}
