/** Whether Go's url.ParseRequestURI accepts the string (the reference's discovery URL check). */

const HEX = /^[0-9a-fA-F]{2}$/;
const HOST_OK = /[A-Za-z0-9\-_.~!$&'()*+,;=:[\]<>"]/;
const USERINFO_OK = /^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/;

function unescapeOk(s: string, host: boolean): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '%') {
      const hex = s.slice(i + 1, i + 3);
      if (!HEX.test(hex)) return false;
      if (host && parseInt(hex[0], 16) < 8 && hex !== '25') return false;
      i += 2;
    } else if (host && c.charCodeAt(0) < 0x80 && !HOST_OK.test(c)) {
      return false;
    }
  }
  return true;
}

function validOptionalPort(port: string): boolean {
  return port === '' || /^:[0-9]*$/.test(port);
}

function hostOk(host: string): boolean {
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0 || !validOptionalPort(host.slice(i + 1))) return false;
  } else {
    const i = host.lastIndexOf(':');
    if (i >= 0 && !validOptionalPort(host.slice(i))) return false;
  }
  return unescapeOk(host, true);
}

function authorityOk(authority: string): boolean {
  const at = authority.lastIndexOf('@');
  if (!hostOk(at < 0 ? authority : authority.slice(at + 1))) return false;
  if (at < 0) return true;
  const userinfo = authority.slice(0, at);
  return USERINFO_OK.test(userinfo) && unescapeOk(userinfo, false);
}

function splitScheme(raw: string): [string, string] | undefined {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (/[A-Za-z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === ':') return i === 0 ? undefined : [raw.slice(0, i), raw.slice(i + 1)];
    return ['', raw];
  }
  return ['', raw];
}

export function goParseRequestURIOk(raw: string): boolean {
  if (/[\x00-\x1f\x7f]/.test(raw) || raw === '') return false;
  if (raw === '*') return true;
  const split = splitScheme(raw);
  if (!split) return false;
  const [scheme] = split;
  let rest = split[1];
  if (rest.endsWith('?') && rest.split('?').length === 2) rest = rest.slice(0, -1);
  else rest = rest.split('?')[0];
  if (!rest.startsWith('/')) return scheme !== '';
  if (scheme !== '' && rest.startsWith('//')) {
    let authority = rest.slice(2);
    const slash = authority.indexOf('/');
    rest = slash >= 0 ? authority.slice(slash) : '';
    if (slash >= 0) authority = authority.slice(0, slash);
    if (!authorityOk(authority)) return false;
  }
  return unescapeOk(rest, false);
}
