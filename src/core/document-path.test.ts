import { describe, expect, it } from 'vitest';
import { documentPath } from './document-path';

describe('documentPath', () => {
  it('writes keys after dots and list indexes in brackets', () => {
    expect(documentPath([])).toBe('$');
    expect(documentPath(['coreos', 'units', 0, 'command'])).toBe('$.coreos.units[0].command');
    expect(documentPath(['write_files', 1, 'path'])).toBe('$.write_files[1].path');
    expect(documentPath(['coreos', 'update', 'reboot-strategy'])).toBe('$.coreos.update.reboot-strategy');
    expect(documentPath(['storage', 'files', 0, { key: 'mdoe' }])).toBe('$.storage.files[0].mdoe');
  });

  it('bracket-quotes keys that are not plain names', () => {
    expect(documentPath(['a.b'])).toBe('$["a.b"]');
    expect(documentPath(['units', 0, 'my key'])).toBe('$.units[0]["my key"]');
    expect(documentPath(['1st'])).toBe('$["1st"]');
    expect(documentPath([''])).toBe('$[""]');
    expect(documentPath(['say "hi"'])).toBe('$["say \\"hi\\""]');
    expect(documentPath([{ key: '%!s(int=1)' }])).toBe('$["%!s(int=1)"]');
  });
});
