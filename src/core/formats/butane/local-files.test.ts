import { describe, expect, it } from 'vitest';
import { readLocalFile, withinFilesDir, type LocalFiles } from './local-files';

describe('withinFilesDir (butane\'s EnsurePathWithinFilesDir)', () => {
  it('joins and cleans the path; it must stay in the directory', () => {
    expect(withinFilesDir('/work/files', 'a/b')).toBe('a/b');
    expect(withinFilesDir('/work/files', '/etc/motd')).toBe('etc/motd');
    expect(withinFilesDir('/work/files', 'a/../b')).toBe('b');
    expect(withinFilesDir('/work/files', '')).toBe('.');
    expect(withinFilesDir('/work/files', './')).toBe('.');
    expect(withinFilesDir('/work/files', '../motd')).toBeUndefined();
    expect(withinFilesDir('/work/files', 'a/../../motd')).toBeUndefined();
    expect(withinFilesDir('/work/files', '../files2/x')).toBeUndefined();
  });
  it('judges .. from the directory\'s own name, as the absolute paths do', () => {
    expect(withinFilesDir('/work/files', '../files/x')).toBe('x');
    expect(withinFilesDir('/', '../../x')).toBe('x');
  });
});

describe('readLocalFile', () => {
  const files: LocalFiles = { root: '/f', readFile: (p) => (p === 'a' ? new Uint8Array([1]) : { error: `open f/${p}: no such file or directory` }), walkTree: () => [] };
  it('refuses without a files directory, and paths leading out of it, with butane\'s messages', () => {
    expect(readLocalFile(undefined, 'a')).toEqual({ error: 'local file paths are relative to a files directory that must be specified with -d/--files-dir' });
    expect(readLocalFile(files, '../a')).toEqual({ error: 'local file path traverses outside the files directory' });
  });
  it('reads through the reader, relative to the directory', () => {
    expect(readLocalFile(files, './a')).toEqual(new Uint8Array([1]));
    expect(readLocalFile(files, 'b')).toEqual({ error: 'open f/b: no such file or directory' });
  });
});
