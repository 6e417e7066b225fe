/** Go's path.Clean and path.Dir, for the reference's "/usr is read-only" check. */

export function goClean(p: string): string {
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
  return joined || '.';
}

export function goDir(p: string): string {
  return goClean(p.slice(0, p.lastIndexOf('/') + 1));
}
