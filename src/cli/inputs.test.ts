import { describe, expect, it } from 'vitest';
import { readErrorMessage } from './inputs';

const errno = (code: string, message = `${code}: raw message`) => Object.assign(new Error(message), { code });

describe('readErrorMessage', () => {
  it('puts the errors a user can fix in plain words', () => {
    expect(readErrorMessage(errno('ENOENT'))).toBe('no such file');
    expect(readErrorMessage(errno('EISDIR'))).toBe('is a directory');
    expect(readErrorMessage(errno('EACCES'))).toBe('permission denied');
    expect(readErrorMessage(errno('EPERM'))).toBe('permission denied');
    expect(readErrorMessage(errno('ENOTDIR'))).toBe('not a directory (a part of the path is a file)');
  });

  it('keeps the system message for anything else', () => {
    expect(readErrorMessage(errno('EIO', 'EIO: i/o error, read'))).toBe('EIO: i/o error, read');
  });
});
