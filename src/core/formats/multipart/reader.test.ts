import { describe, expect, it } from 'vitest';
import { isMultipartMime, readMultipart } from './reader';

const crlf = (s: string) => s.replace(/\n/g, '\r\n');

describe("isMultipartMime, Flatcar's test (Go's textproto)", () => {
  it('wants a header block that ends, with a Content-Type holding "multipart/mixed"', () => {
    expect(isMultipartMime('Content-Type: multipart/mixed; boundary=b\n\n')).toBe(true);
    expect(isMultipartMime('From: a\ncontent-type: multipart/mixed\n\n')).toBe(true);
    expect(isMultipartMime('Content-Type: multipart/mixed; boundary=b\n')).toBe(false);
    expect(isMultipartMime('Content-Type: Multipart/Mixed; boundary=b\n\n')).toBe(false);
    expect(isMultipartMime('#cloud-config\nhostname: a\n')).toBe(false);
  });

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

describe('readMultipart', () => {
  it('finds each part\'s headers and body, CRLF line ends and a preamble included', () => {
    const text = crlf('Content-Type: multipart/mixed; boundary="=b="\n\npreamble\n--=b=\nContent-Type: text/cloud-config\n\nhostname: a\n\n--=b=\nContent-Type: text/x-shellscript\n\n#!/bin/sh\n--=b=--\nepilogue\n');
    const mp = readMultipart(text);
    expect(mp.problems).toEqual([]);
    expect(mp.boundary).toBe('=b=');
    expect(mp.parts.map((p) => [text.slice(...p.opens), p.headers.map((h) => h.value), text.slice(...p.body)])).toEqual([
      ['--=b=', ['text/cloud-config'], 'hostname: a\r\n'],
      ['--=b=', ['text/x-shellscript'], '#!/bin/sh'],
    ]);
    expect(mp.parts[0].body).toEqual([text.indexOf('hostname'), text.indexOf('\r\n\r\n--=b=') + 2]);
  });

  it('takes LF line ends when the first boundary line has them, and an empty part', () => {
    const text = 'Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\n--b\nContent-Type: text/plain\n\nx\n--b--';
    expect(readMultipart(text).parts.map((p) => text.slice(...p.body))).toEqual(['', 'x']);
  });

  it('does not end a part at a line that only starts like the boundary', () => {
    const text = 'Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\n--bx\n--b--\n';
    const mp = readMultipart(text);
    expect(mp.problems).toEqual([]);
    expect(mp.parts.map((p) => text.slice(...p.body))).toEqual(['--bx']);
  });

  it('reports a missing boundary parameter at the Content-Type line', () => {
    const text = 'MIME-Version: 1.0\nContent-Type: multipart/mixed\n\n--b\n';
    expect(readMultipart(text).problems).toEqual([
      { message: 'the Content-Type has no boundary parameter (boundary="...", the line that separates the parts), so the parts cannot be told apart', from: 18, to: 47 },
    ]);
  });

  it('reports a body without boundary lines, an unterminated part, a missing closing line, and stray lines', () => {
    const none = 'Content-Type: multipart/mixed; boundary=b\n\nhostname: a\n';
    expect(readMultipart(none).problems).toEqual([{ message: 'the body has no boundary line "--b", so it has no parts', from: 0, to: 41 }]);

    const open = 'Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nhostname: a\n';
    expect(readMultipart(open).problems).toEqual([{ message: 'this part is never terminated: no boundary line "--b" or "--b--" follows it', from: 43, to: 46 }]);

    const unclosed = 'Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nx\n--b\n';
    expect(readMultipart(unclosed).problems).toEqual([
      { message: 'the multipart body does not end with the closing boundary line "--b--": this "--b" opens a part with nothing in it', from: 75, to: 78 },
    ]);

    const stray = 'Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nx\n--b  junk\n';
    expect(readMultipart(stray).problems).toEqual([{ message: 'a boundary line "--b" or "--b--" must follow the part here', from: 75, to: 84 }]);
  });

  it('says when later boundary lines end in LF after a first one in CRLF', () => {
    const text = 'Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nx\n--b--\n';
    expect(readMultipart(text).problems.map((p) => p.message)).toEqual([
      'this part is never terminated: the first boundary line ends in CRLF, so the next one must too, but it ends in LF only',
    ]);
  });
});
