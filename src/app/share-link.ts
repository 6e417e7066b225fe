import type { RuleSetName } from '../core';

/**
 * Share links carry the whole config in the URL fragment, so nothing is uploaded anywhere:
 *
 *   #v1.all:<data>   or   #v1.ref:<data>
 *
 * `v1` is the format version, `all` / `ref` the rule set, and <data> the UTF-8 text compressed
 * with raw DEFLATE (CompressionStream 'deflate-raw') and written in base64url without padding.
 * A later format gets a new version number; this one must keep decoding.
 */

const VERSION = 1;
const RULE_TAGS: Record<RuleSetName, string> = { all: 'all', reference: 'ref' };

export interface SharedConfig {
  text: string;
  rules: RuleSetName;
}

/** Why a link could not be opened, worded for the person who followed it. */
export class ShareLinkError extends Error {}

/** Whether a location hash is meant to be a share link (as opposed to no fragment at all). */
export const looksLikeShareLink = (hash: string): boolean => /^#?v\d+[.:]/.test(hash);

export async function encodeShareFragment({ text, rules }: SharedConfig): Promise<string> {
  const packed = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  return `v${VERSION}.${RULE_TAGS[rules]}:${toBase64Url(packed)}`;
}

export async function decodeShareFragment(hash: string): Promise<SharedConfig> {
  const m = /^#?v(\d+)(?:\.([a-z]+))?:(.*)$/s.exec(hash);
  if (!m) throw new ShareLinkError('This is not a share link of this app.');
  const [, version, tag, data] = m;
  if (Number(version) !== VERSION) {
    throw new ShareLinkError(`This link was made by a newer version of the app (format v${version}); it cannot be opened here.`);
  }
  const rules = (Object.keys(RULE_TAGS) as RuleSetName[]).find((r) => RULE_TAGS[r] === tag);
  if (!rules) throw new ShareLinkError(`The link names an unknown rule set ("${tag ?? ''}").`);
  const bytes = fromBase64Url(data);
  if (!bytes) throw new ShareLinkError('The link is damaged: its data has characters a share link never contains.');
  let unpacked: Uint8Array;
  try {
    unpacked = await pipe(bytes, new DecompressionStream('deflate-raw'));
  } catch {
    throw new ShareLinkError('The link is damaged or cut short: its data does not decompress. Ask for the full link again.');
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(unpacked), rules };
  } catch {
    throw new ShareLinkError('The link is damaged: its data is not UTF-8 text.');
  }
}

async function pipe(bytes: Uint8Array, transform: TransformStream<BufferSource, Uint8Array>): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  // btoa takes a binary string; build it in chunks to stay clear of argument-count limits.
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(data: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(data)) return undefined;
  // A dangling sixth of a byte can only come from a cut: drop it and let decompression say so.
  const whole = data.length % 4 === 1 ? data.slice(0, -1) : data;
  const binary = atob(whole.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
