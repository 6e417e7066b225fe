import { describe, expect, it } from 'vitest';
import { canDecode, decodeBase64, gzipHeaderOk } from './decode-content';
import { goQuote } from './go-format';
import { clean as goClean, dir as goDir } from '../../../go/path';
import { goParseRequestURIOk } from './go-url';

describe('Go url.ParseRequestURI', () => {
  it.each([
    ['https://discovery.etcd.io/abc', true],
    ['https://discovery.etcd.io/<token>', true],
    ['/relative/path', true],
    ['mailto:x', true],
    ['*', true],
    ['', false],
    ['discovery.etcd.io/abc', false],
    ['${discovery_url}', false],
    ['http://{{host}}:2379/x', false],
    ['http://host:port/x', false],
    ['http://a b/', false],
    [':foo', false],
    ['http://[::1]:80/', true],
    ['http://user:pa%zz@host/', false],
  ])('%s → %s', (url, ok) => {
    expect(goParseRequestURIOk(url)).toBe(ok);
  });
});

describe('content decoding', () => {
  const gz = 'H4sIAOC3tVQAA8tIzcnJ5wIAIDA6NgYAAAA='; // gzip of "hello\n", base64
  it('accepts strict, padded base64 and ignores line breaks', () => {
    expect(decodeBase64('aGVs\nbG8=')).toBeDefined();
    expect(decodeBase64('aGVsbG8')).toBeUndefined();
    expect(decodeBase64('aGVs bG8=')).toBeUndefined();
  });
  it('checks the gzip header only', () => {
    expect(gzipHeaderOk(decodeBase64(gz)!)).toBe(true);
    expect(gzipHeaderOk(new Uint8Array([0x1f, 0x8b, 8, 0]))).toBe(false);
  });
  it('maps encodings like coreos-cloudinit', () => {
    expect(canDecode(gz, 'gzip+base64')).toBe(true);
    expect(canDecode(gz, 'gz+b64')).toBe(true);
    expect(canDecode('hello', 'base64')).toBe(false);
    expect(canDecode('anything', '')).toBe(true);
    expect(canDecode('aGVsbG8=', 'custom')).toBe(false);
    expect(canDecode('hello', 'gzip')).toBe(false);
  });
});

describe('Go path and quoting', () => {
  it('cleans and takes the directory like path.Dir', () => {
    expect(goDir('/usr/share/x')).toBe('/usr/share');
    expect(goDir('/usr')).toBe('/');
    expect(goDir('/usr/../etc/x')).toBe('/etc');
    expect(goDir('x')).toBe('.');
    expect(goClean('a//b/./c/..')).toBe('a/b');
  });
  it('quotes like %q', () => {
    expect(goQuote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(goQuote('tab\there')).toBe('"tab\\there"');
    expect(goQuote('nb\u00a0sp\u200b')).toBe('"nb\\u00a0sp\\u200b"');
    expect(goQuote('ünïcode')).toBe('"ünïcode"');
    expect(goQuote('\x01')).toBe('"\\x01"');
  });
});
