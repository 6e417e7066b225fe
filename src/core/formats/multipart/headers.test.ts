import { describe, expect, it } from 'vitest';
import { headerNamed, readHeaderBlock } from './headers';

describe('readHeaderBlock', () => {
  it('reads names case-insensitively, trims values, joins continuation lines, and ends after the empty line', () => {
    const text = 'Content-Type: multipart/mixed;\r\n\tboundary="b"\r\nMIME-Version:  1.0 \r\n\r\nbody';
    const block = readHeaderBlock(text, 0);
    expect(block).toEqual({
      ok: true,
      headers: [
        { name: 'content-type', value: 'multipart/mixed; boundary="b"', from: 0, to: 30 },
        { name: 'mime-version', value: '1.0', from: 47, to: 66 },
      ],
      end: 70,
    });
    if (!block.ok) throw new Error('unreadable');
    expect(text.slice(block.end)).toBe('body');
    expect(headerNamed(block.headers, 'mime-version')?.value).toBe('1.0');
  });

  it('accepts an empty block (an empty line first)', () => {
    expect(readHeaderBlock('\nx', 0)).toEqual({ ok: true, headers: [], end: 1 });
  });

  it('refuses a line without a colon, a leading blank, and a block that the input ends', () => {
    expect(readHeaderBlock('A: 1\nnot a header\n\n', 0)).toEqual({ ok: false, problem: 'malformed header line (a header is "Name: value")', from: 5, to: 17 });
    expect(readHeaderBlock(' A: 1\n\n', 0)).toMatchObject({ ok: false, problem: 'the first header line starts with white space', from: 0 });
    expect(readHeaderBlock('A: 1\n', 0)).toEqual({ ok: false, problem: 'the headers are not followed by an empty line', from: 5, to: 5 });
    expect(readHeaderBlock('A: 1', 0)).toMatchObject({ ok: false, problem: 'the headers are not followed by an empty line' });
    expect(readHeaderBlock('Bad Name: 1\n\n', 0)).toMatchObject({ ok: false, from: 0, to: 11 });
  });
});
