import { describe, expect, it } from 'vitest';
import { isMultipartMime } from './reader';

describe("Flatcar's multipart MIME test (Go textproto)", () => {
  it('accepts a header block with a multipart/mixed Content-Type, in any key case, CRLF or LF', () => {
    expect(isMultipartMime('Content-Type: multipart/mixed\n\n')).toBe(true);
    expect(isMultipartMime('content-type: multipart/mixed; boundary=x\n\nbody')).toBe(true);
    expect(isMultipartMime('MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n')).toBe(true);
    // A continuation line carries on the value before it.
    expect(isMultipartMime('Content-Type: \n multipart/mixed\n\n')).toBe(true);
    expect(isMultipartMime('X: a\n  continued\nContent-Type: multipart/mixed\n\n')).toBe(true);
  });

  it('refuses other types, a value compared case-sensitively, and malformed or unended header blocks', () => {
    expect(isMultipartMime('Content-Type: multipart/alternative\n\n')).toBe(false);
    expect(isMultipartMime('Content-Type:multipart/MIXED\n\n')).toBe(false);
    expect(isMultipartMime('Content-Type: multipart/mixed')).toBe(false);
    expect(isMultipartMime('Content-Type: multipart/mixed\r\n')).toBe(false);
    expect(isMultipartMime('Subject\nContent-Type: multipart/mixed\n\n')).toBe(false);
    expect(isMultipartMime(' Content-Type: multipart/mixed\n\n')).toBe(false);
    expect(isMultipartMime('\nContent-Type: multipart/mixed\n\n')).toBe(false);
    // Only the first Content-Type counts.
    expect(isMultipartMime('Content-Type: text/plain\nContent-Type: multipart/mixed\n\n')).toBe(false);
    // A key with a space is kept as written, so it is not Content-Type.
    expect(isMultipartMime('Content-Type : multipart/mixed\n\n')).toBe(false);
    expect(isMultipartMime('X-Ünicode: a\nContent-Type: multipart/mixed\n\n')).toBe(false);
  });
});
