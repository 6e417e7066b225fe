import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_CHARS } from '../core/limits';
import { decodeShareFragment, encodeShareFragment, looksLikeShareLink, ShareLinkError } from './share-link';

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

describe('share links', () => {
  it('round-trips text, rule set and target', async () => {
    const text = '#cloud-config\nhostname: node-1\n';
    const all = await encodeShareFragment({ text, rules: 'all', target: 'flatcar' });
    const ref = await encodeShareFragment({ text, rules: 'reference', target: 'coreos' });
    expect(all).toMatch(/^v2\.all\.flatcar:[A-Za-z0-9_-]+$/);
    expect(ref).toMatch(/^v2\.ref\.coreos:[A-Za-z0-9_-]+$/);
    expect(await decodeShareFragment(`#${all}`)).toEqual({ text, rules: 'all', target: 'flatcar' });
    expect(await decodeShareFragment(ref)).toEqual({ text, rules: 'reference', target: 'coreos' });
  });

  it('opens a v1 link, made when CoreOS was the only target, as CoreOS', async () => {
    const text = '#cloud-config\nhostname: old-link\n';
    const data = base64url(deflateRawSync(Buffer.from(text)));
    expect(await decodeShareFragment(`#v1.all:${data}`)).toEqual({ text, rules: 'all', target: 'coreos' });
    expect(await decodeShareFragment(`#v1.ref:${data}`)).toEqual({ text, rules: 'reference', target: 'coreos' });
  });

  it('keeps unicode, a byte-order mark and line ends exactly', async () => {
    const text = '\ufeff#cloud-config\r\nhostname: "nœud-ü-😀"\n\u2028\n';
    expect((await decodeShareFragment(await encodeShareFragment({ text, rules: 'all', target: 'flatcar' }))).text).toBe(text);
  });

  it('round-trips the empty text', async () => {
    expect(await decodeShareFragment(await encodeShareFragment({ text: '', rules: 'all', target: 'coreos' }))).toEqual({
      text: '',
      rules: 'all',
      target: 'coreos',
    });
  });

  it('round-trips 1 MB and compresses it', async () => {
    let text = '#cloud-config\nwrite_files:\n';
    for (let i = 0; text.length < 1 << 20; i++) text += `  - path: /etc/f${i}\n    content: "${(i * 2654435761) % 1e9}"\n`;
    const fragment = await encodeShareFragment({ text, rules: 'reference', target: 'flatcar' });
    expect(fragment.length).toBeLessThan(text.length / 2);
    expect(await decodeShareFragment(fragment)).toEqual({ text, rules: 'reference', target: 'flatcar' });
  });

  it('stops inflating at the limit and says what the limit is', async () => {
    const limit = 64 * 1024;
    const atLimit = 'a'.repeat(limit);
    expect((await decodeShareFragment(`v2.all.flatcar:${base64url(deflateRawSync(Buffer.from(atLimit)))}`, limit)).text).toBe(atLimit);
    const over = `v2.all.flatcar:${base64url(deflateRawSync(Buffer.from(atLimit + 'a')))}`;
    await expect(decodeShareFragment(over, limit)).rejects.toThrow('more than 65536 bytes, the most this validator checks');
  });

  it('refuses a compressed bomb over the core’s input limit', async () => {
    // Twice the limit in zeros compresses to a few hundred KB of link data.
    const bomb = deflateRawSync(Buffer.alloc(2 * MAX_INPUT_CHARS), { level: 9 });
    await expect(decodeShareFragment(`v2.all.flatcar:${base64url(bomb)}`)).rejects.toThrow(
      `more than ${MAX_INPUT_CHARS / (1 << 20)} MB, the most this validator checks`,
    );
  }, 20_000);

  it('rejects data with characters outside base64url', async () => {
    await expect(decodeShareFragment('#v2.all.flatcar:abc$%def')).rejects.toThrow(/damaged/);
  });

  it('rejects data that does not decompress', async () => {
    await expect(decodeShareFragment('#v2.all.coreos:AAECAwQFBgc')).rejects.toBeInstanceOf(ShareLinkError);
  });

  it('rejects a truncated link', async () => {
    const text = '#cloud-config\nhostname: a-much-longer-name-for-this-node\n'.repeat(20);
    const fragment = await encodeShareFragment({ text, rules: 'all', target: 'flatcar' });
    await expect(decodeShareFragment(fragment.slice(0, -6))).rejects.toThrow(/cut short/);
    await expect(decodeShareFragment('#v2.all.flatcar:')).rejects.toThrow(/cut short/);
  });

  it('rejects an unknown version, rule set or target', async () => {
    await expect(decodeShareFragment('#v3.all.flatcar:AAAA')).rejects.toThrow(/newer version/);
    await expect(decodeShareFragment('#v1.strict:AAAA')).rejects.toThrow(/unknown rule set/);
    await expect(decodeShareFragment('#v2.all.ubuntu:AAAA')).rejects.toThrow(/unknown target \("ubuntu"\)/);
    await expect(decodeShareFragment('#v2.all:AAAA')).rejects.toThrow(/unknown target/);
    await expect(decodeShareFragment('#section-2')).rejects.toThrow(/not a share link/);
  });

  it('tells share links from other fragments', () => {
    expect(looksLikeShareLink('#v1.all:xyz')).toBe(true);
    expect(looksLikeShareLink('#v2.all.flatcar:xyz')).toBe(true);
    expect(looksLikeShareLink('#v7:xyz')).toBe(true);
    expect(looksLikeShareLink('')).toBe(false);
    expect(looksLikeShareLink('#top')).toBe(false);
  });
});
