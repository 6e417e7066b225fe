/**
 * `--files-dir DIR`: the Butane files directory read from the disk, with the errors worded as
 * butane (Go's os package) words them, and Node's gzip in place of Go's.
 */
import { lstatSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import type { LocalFiles, TreeEntry } from '../core';

/** Go's syscall texts for the errors a files directory gives. */
const GO_ERRNO: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
};

const goError = (op: string, path: string, e: unknown): string => {
  const err = e as NodeJS.ErrnoException;
  return `${op} ${path}: ${(err.code && GO_ERRNO[err.code]) ?? err.message}`;
};

/** The directory as the core reads it; `dir` as given, for the paths in messages (butane joins them the same way). */
export function filesDir(dir: string): LocalFiles {
  // Go's filepath.Join of the directory and a config's path, cleaned.
  const shown = (rel: string) => join(dir, rel).replace(/(.)\/$/, '$1');
  return {
    root: resolve(dir).split(sep).join('/'),
    readFile(rel) {
      const path = shown(rel);
      let isDir = false;
      try {
        isDir = statSync(path).isDirectory();
      } catch (e) {
        return { error: goError('open', path, e) };
      }
      // os.ReadFile opens a directory fine and fails reading it.
      if (isDir) return { error: `read ${path}: is a directory` };
      try {
        return new Uint8Array(readFileSync(path));
      } catch (e) {
        return { error: goError('open', path, e) };
      }
    },
    walkTree(rel) {
      const base = shown(rel);
      try {
        if (!statSync(base).isDirectory()) return 'not-directory';
      } catch (e) {
        return { error: goError('stat', base, e) };
      }
      const entries: TreeEntry[] = [];
      walk(base, '.', entries);
      return entries;
    },
  };
}

/** filepath.Walk: the entry itself, then a directory's entries by name, symbolic links not followed. */
function walk(path: string, rel: string, out: TreeEntry[]): void {
  let info;
  try {
    info = lstatSync(path);
  } catch (e) {
    out.push({ kind: 'error', path: rel, error: goError('lstat', path, e) });
    return;
  }
  if (info.isDirectory()) {
    out.push({ kind: 'dir', path: rel });
    let names: string[];
    try {
      names = readdirSync(path).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    } catch (e) {
      out.push({ kind: 'error', path: rel, error: goError('open', path, e) });
      return;
    }
    for (const name of names) walk(join(path, name), rel === '.' ? name : `${rel}/${name}`, out);
  } else if (info.isFile()) {
    try {
      out.push({ kind: 'file', path: rel, executable: (info.mode & 0o111) !== 0, bytes: new Uint8Array(readFileSync(path)) });
    } catch (e) {
      out.push({ kind: 'error', path: rel, error: goError('open', path, e) });
    }
  } else if (info.isSymbolicLink()) {
    try {
      out.push({ kind: 'symlink', path: rel, target: readlinkSync(path).split(sep).join('/') });
    } catch (e) {
      out.push({ kind: 'error', path: rel, error: goError('readlink', path, e) });
    }
  } else out.push({ kind: 'other', path: rel });
}

/** gzip at the best compression, with the header Go's compress/gzip writes (no time, OS unknown). */
export function gzipBest(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }));
  out[9] = 0xff;
  return out;
}
