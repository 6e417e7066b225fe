import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { filesDir, gzipBest } from './files-dir';

const dir = mkdtempSync(join(tmpdir(), 'ccv-files-'));
mkdirSync(join(dir, 'tree/sub'), { recursive: true });
writeFileSync(join(dir, 'motd'), 'hello\n');
writeFileSync(join(dir, 'tree/run.sh'), '#!/bin/sh\n');
chmodSync(join(dir, 'tree/run.sh'), 0o755);
writeFileSync(join(dir, 'tree/sub/b'), 'b');
writeFileSync(join(dir, 'tree/sub/a'), 'a');
symlinkSync('../run.sh', join(dir, 'tree/sub/link'));
const bytes = (s: string) => new Uint8Array(Buffer.from(s));

describe('filesDir: the files directory on disk', () => {
  const files = filesDir(dir);
  it('has the absolute directory as its root', () => {
    expect(files.root).toBe(dir);
  });
  it('reads files, and words errors as Go\'s os package does, with the path joined to the directory as given', () => {
    expect(files.readFile('motd')).toEqual(bytes('hello\n'));
    expect(files.readFile('missing')).toEqual({ error: `open ${dir}/missing: no such file or directory` });
    expect(files.readFile('tree')).toEqual({ error: `read ${dir}/tree: is a directory` });
    expect(files.readFile('motd/x')).toEqual({ error: `open ${dir}/motd/x: not a directory` });
  });
  it('walks a tree as filepath.Walk does: the root first, names in order, links not followed, the executable bit kept', () => {
    expect(files.walkTree('tree')).toEqual([
      { kind: 'dir', path: '.' },
      { kind: 'file', path: 'run.sh', executable: true, bytes: bytes('#!/bin/sh\n') },
      { kind: 'dir', path: 'sub' },
      { kind: 'file', path: 'sub/a', executable: false, bytes: bytes('a') },
      { kind: 'file', path: 'sub/b', executable: false, bytes: bytes('b') },
      { kind: 'symlink', path: 'sub/link', target: '../run.sh' },
    ]);
    expect(files.walkTree('motd')).toBe('not-directory');
    expect(files.walkTree('nope')).toEqual({ error: `stat ${dir}/nope: no such file or directory` });
  });
});

describe('gzipBest', () => {
  it('writes a gzip stream with Go\'s header (no time, best compression, OS unknown)', () => {
    const out = gzipBest(bytes('hello hello hello hello\n'));
    expect([...out.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 0xff]);
    expect(gunzipSync(out).toString()).toBe('hello hello hello hello\n');
  });
});
