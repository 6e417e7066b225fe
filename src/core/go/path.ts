/** Go's `path` package: slash-separated paths, lexically (for coreos-cloudinit's and Ignition's checks). */

/** path.Clean: the shortest equivalent path. */
export function clean(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return '/' + joined;
  return joined === '' ? '.' : joined;
}

export const isAbs = (p: string) => p.startsWith('/');

/** path.Ext: the suffix from the last dot of the last element. */
export function ext(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) if (p[i] === '.') return p.slice(i);
  return '';
}

export function join(...parts: string[]): string {
  const nonEmpty = parts.filter((x) => x !== '');
  return nonEmpty.length ? clean(nonEmpty.join('/')) : '';
}

/** path.Dir: all but the last element, cleaned. */
export const dir = (p: string): string => clean(p.slice(0, p.lastIndexOf('/') + 1));
