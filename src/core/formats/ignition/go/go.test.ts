import { describe, expect, it } from 'vitest';
import { decodeGoBase64 } from './base64';
import { decodeDataUrl } from './dataurl';
import { clean, ext, join } from '../../../go/path';
import { parseSemver } from './semver';
import { deserializeUnit } from './systemd-unit';
import { parseGoUrl, queryValues } from './url';

describe('path (Go\'s path package)', () => {
  it.each([
    ['/a/./b//c/', '/a/b/c'],
    ['/../a', '/a'],
    ['a/../..', '..'],
    ['', '.'],
    ['/', '/'],
  ])('clean(%j) is %j', (p, want) => expect(clean(p)).toBe(want));
  it('ext and join', () => {
    expect(ext('/etc/x.d/unit')).toBe('');
    expect(ext('a.service')).toBe('.service');
    expect(join('/etc/a', '../b')).toBe('/etc/b');
  });
});

describe('semver (coreos/go-semver)', () => {
  it('parses the dotted triple with pre-release and metadata', () => {
    expect(parseSemver('3.6.0-experimental')).toEqual({ major: 3, minor: 6, patch: 0, preRelease: 'experimental', metadata: '' });
    expect(parseSemver('03.1.0')).toMatchObject({ major: 3, minor: 1 });
    // An empty pre-release after "-" passes validateIdentifier, which skips empty identifiers.
    expect(parseSemver('3.4.0-')).toMatchObject({ minor: 4, preRelease: '' });
  });
  it.each(['three', '3.4', '', '3.4.0-a..b', '3.4.x', '3.4.0+'.replace('+', '+a+')])('refuses %j', (v) => expect(parseSemver(v)).toBeUndefined());
});

describe('url.Parse (net/url)', () => {
  it('splits scheme, opaque part and query', () => {
    expect(parseGoUrl('arn:aws:s3:::b/k?versionId=1')).toEqual({ scheme: 'arn', opaque: 'aws:s3:::b/k', rawQuery: 'versionId=1' });
    expect(parseGoUrl('HTTPS://example.com/x')?.scheme).toBe('https');
    expect(parseGoUrl('not a url')?.scheme).toBe('');
    expect(queryValues('versionId=&a=1').get('versionId')).toEqual(['']);
  });
  it.each(['://x', 'http://[::1', 'http://host:port/', 'a:b/c%zz'.replace('a:', ''), 'http://x/%zz', 'http://x\u0001'])('refuses %j', (u) =>
    expect(parseGoUrl(u)).toBeUndefined(),
  );
});

describe('dataurl (vincent-petithory/dataurl v1.0.0)', () => {
  const bytes = (s: string) => {
    const r = decodeDataUrl(s);
    return r.ok ? new TextDecoder().decode(r.data) : r.error;
  };
  it('decodes percent-escaped and base64 data', () => {
    expect(bytes('data:,hello%0A')).toBe('hello\n');
    expect(bytes('data:text/plain;charset=utf-8;base64,aGk=')).toBe('hi');
    expect(bytes('data:;base64,aGk=')).toBe('hi');
  });
  it.each([
    ['data:,%zz', 'rfc2396: invalid char 0x25 in unescape sequence'],
    ['data:,%4', 'rfc2396: unexpected end of unescape sequence'],
    ['data:;base64,###', 'invalid data character'],
    ['data:,a b', 'invalid data character'],
    ['data:text', 'missing media type slash'],
    ['data:foo/bar,x', 'invalid media type'],
    ['data:text/plain', 'incomplete media type'],
    ['data:;charset=x', 'missing comma before data'],
    ['data:;b64,x', 'expected base64, got b64'],
    ['data:;base64,aGk', 'illegal base64 data at input byte 0'],
    ['data:;base64,a===', 'illegal base64 data at input byte 1'],
  ])('%j: %s', (u, message) => expect(bytes(u)).toBe(message));
});

describe('base64 (encoding/base64 StdEncoding)', () => {
  it('ignores newlines and names the byte it refuses', () => {
    expect(decodeGoBase64('aG\nk=')).toEqual({ bytes: Uint8Array.from([0x68, 0x69]) });
    expect(decodeGoBase64('aGk=x')).toEqual({ error: 'illegal base64 data at input byte 4' });
    expect(decodeGoBase64('aG')).toEqual({ error: 'illegal base64 data at input byte 0' });
  });
});

describe('unit.Deserialize (go-systemd v22.5.0)', () => {
  it('reads sections, options and continued values', () => {
    expect(deserializeUnit('# c\n[Unit]\nA = 1\nB=x \\\n  y\n\n[Install]\nWantedBy=m\n')).toEqual({
      options: [
        { section: 'Unit', name: 'A', value: '1' },
        { section: 'Unit', name: 'B', value: 'x \\\n  y' },
        { section: 'Install', name: 'WantedBy', value: 'm' },
      ],
    });
  });
  it.each([
    ['[Unit', 'unable to find end of section'],
    ['[Unit] x\n', 'found garbage after section name : "x"'],
    ['[Unit]\nA\n', 'unexpected newline encountered while parsing option name'],
    ['[Unit]\nA', 'EOF'],
    ['[Unit]\nA=' + 'x'.repeat(3000) + '\n', 'line too long (max 2048 bytes)'],
  ])('%j: %s', (text, error) => expect(deserializeUnit(text)).toEqual({ error }));
  it('keeps a CR before LF in values, as go-systemd trims the CR first', () => {
    expect(deserializeUnit('[Unit]\r\nA=1\r\n')).toEqual({ options: [{ section: 'Unit', name: 'A', value: '1' }] });
  });
  it('lets a long line pass when a newline is within 2048 bytes of where the reader stands', () => {
    expect(deserializeUnit('[Unit]\n' + 'A=1\n'.repeat(1000))).toMatchObject({ options: expect.any(Array) });
  });
});
