import { describe, expect, it } from 'vitest';
import { dataUrlOf, makeDataUrl } from './data-url';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('makeDataUrl (butane\'s choice of encoding)', () => {
  it('URL-escapes text, and sets compression "" where the config names none', () => {
    expect(makeDataUrl(bytes('hello\n'), undefined)).toEqual({ source: 'data:,hello%0A', compression: '' });
    expect(dataUrlOf('#!/bin/sh\n')).toBe('data:,%23!%2Fbin%2Fsh%0A');
  });
  it('takes base64 when it is shorter', () => {
    expect(makeDataUrl(new Uint8Array([0, 1, 2, 255, 254, 253]), undefined)).toEqual({ source: 'data:;base64,AAEC//79', compression: '' });
    // Equal lengths keep the escaped form.
    expect(makeDataUrl(new Uint8Array([0, 1, 2, 255, 254]), undefined).source).toBe('data:,%00%01%02%FF%FE');
  });
  it('takes gzip only when it beats the others by more than the 4 bytes of "gzip"', () => {
    const text = bytes('a'.repeat(40)); // escaped: ",aaaa..." is 41 characters
    const gzipOf = (n: number) => () => new Uint8Array(n); // base64 of n bytes: 4 * ceil(n / 3)
    // ";base64," + 24 characters = 32; 32 + 4 < 41
    expect(makeDataUrl(text, undefined, gzipOf(18))).toEqual({ source: `data:;base64,${'A'.repeat(24)}`, compression: 'gzip' });
    // ";base64," + 32 characters = 40; 40 + 4 is not < 41
    expect(makeDataUrl(text, undefined, gzipOf(24))).toEqual({ source: `data:,${'a'.repeat(40)}`, compression: '' });
  });
  it('never compresses what the config says is compressed already, and leaves its compression alone', () => {
    const gzip = () => new Uint8Array(1);
    expect(makeDataUrl(bytes('a'.repeat(40)), 'gzip', gzip)).toEqual({ source: `data:,${'a'.repeat(40)}`, compression: undefined });
    expect(makeDataUrl(bytes('a'.repeat(40)), '', gzip).compression).toBe('gzip');
  });
});
