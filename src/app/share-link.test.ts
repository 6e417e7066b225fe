import { describe, expect, it } from 'vitest';
import { decodeShareFragment, encodeShareFragment, looksLikeShareLink, ShareLinkError } from './share-link';

describe('share links', () => {
  it('round-trips text and rule set', async () => {
    const text = '#cloud-config\nhostname: node-1\n';
    const all = await encodeShareFragment({ text, rules: 'all' });
    const ref = await encodeShareFragment({ text, rules: 'reference' });
    expect(all).toMatch(/^v1\.all:[A-Za-z0-9_-]+$/);
    expect(ref).toMatch(/^v1\.ref:[A-Za-z0-9_-]+$/);
    expect(await decodeShareFragment(`#${all}`)).toEqual({ text, rules: 'all' });
    expect(await decodeShareFragment(ref)).toEqual({ text, rules: 'reference' });
  });

  it('keeps unicode, a byte-order mark and line ends exactly', async () => {
    const text = '\ufeff#cloud-config\r\nhostname: "nœud-ü-😀"\n\u2028\n';
    expect((await decodeShareFragment(await encodeShareFragment({ text, rules: 'all' }))).text).toBe(text);
  });

  it('round-trips the empty text', async () => {
    expect(await decodeShareFragment(await encodeShareFragment({ text: '', rules: 'all' }))).toEqual({ text: '', rules: 'all' });
  });

  it('round-trips 1 MB and compresses it', async () => {
    let text = '#cloud-config\nwrite_files:\n';
    for (let i = 0; text.length < 1 << 20; i++) text += `  - path: /etc/f${i}\n    content: "${(i * 2654435761) % 1e9}"\n`;
    const fragment = await encodeShareFragment({ text, rules: 'reference' });
    expect(fragment.length).toBeLessThan(text.length / 2);
    expect(await decodeShareFragment(fragment)).toEqual({ text, rules: 'reference' });
  });

  it('rejects data with characters outside base64url', async () => {
    await expect(decodeShareFragment('#v1.all:abc$%def')).rejects.toThrow(/damaged/);
  });

  it('rejects data that does not decompress', async () => {
    await expect(decodeShareFragment('#v1.all:AAECAwQFBgc')).rejects.toBeInstanceOf(ShareLinkError);
  });

  it('rejects a truncated link', async () => {
    const fragment = await encodeShareFragment({ text: '#cloud-config\nhostname: a-much-longer-name-for-this-node\n'.repeat(20), rules: 'all' });
    await expect(decodeShareFragment(fragment.slice(0, -6))).rejects.toThrow(/cut short/);
    await expect(decodeShareFragment('#v1.all:')).rejects.toThrow(/cut short/);
  });

  it('rejects an unknown version and an unknown rule set', async () => {
    await expect(decodeShareFragment('#v2.all:AAAA')).rejects.toThrow(/newer version/);
    await expect(decodeShareFragment('#v1.strict:AAAA')).rejects.toThrow(/unknown rule set/);
    await expect(decodeShareFragment('#section-2')).rejects.toThrow(/not a share link/);
  });

  it('tells share links from other fragments', () => {
    expect(looksLikeShareLink('#v1.all:xyz')).toBe(true);
    expect(looksLikeShareLink('#v7:xyz')).toBe(true);
    expect(looksLikeShareLink('')).toBe(false);
    expect(looksLikeShareLink('#top')).toBe(false);
  });
});
