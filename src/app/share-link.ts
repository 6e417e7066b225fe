import type { RuleSetName, Target } from '../core';
import type { CheckOptions } from './check-options';
import { MAX_INPUT_CHARS } from '../core/limits';

/**
 * Share links carry the whole config in the URL fragment, so nothing is uploaded anywhere:
 *
 *   #v2.<rules>.<target>:<data>    e.g. #v2.all.flatcar:<data>, #v2.ref.coreos:<data>
 *   #v1.<rules>:<data>             older links, made when CoreOS was the only target
 *
 * `v2` is the format version, <rules> `all` or `ref`, <target> `flatcar` or `coreos`, and <data>
 * the UTF-8 text compressed with raw DEFLATE (CompressionStream 'deflate-raw') and written in
 * base64url without padding. Every version ever written must keep decoding, with the findings it
 * showed when it was made: so a v1 link opens as CoreOS.
 */

const VERSION = 2;

/** The most a link may unpack to: the largest text the core validates. */
export const MAX_SHARED_BYTES = MAX_INPUT_CHARS;
const RULE_TAGS: Record<RuleSetName, string> = { all: 'all', reference: 'ref' };
const TARGET_TAGS: Record<Target, string> = { flatcar: 'flatcar', coreos: 'coreos' };

export interface SharedConfig extends CheckOptions {
  text: string;
}

/** Why a link could not be opened, worded for the person who followed it. */
export class ShareLinkError extends Error {}

/** Whether a location hash is meant to be a share link (as opposed to no fragment at all). */
export const looksLikeShareLink = (hash: string): boolean => /^#?v\d+[.:]/.test(hash);

export async function encodeShareFragment({ text, rules, target }: SharedConfig): Promise<string> {
  const stream = new Blob([new TextEncoder().encode(text) as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const packed = new Uint8Array(await new Response(stream).arrayBuffer());
  return `v${VERSION}.${RULE_TAGS[rules]}.${TARGET_TAGS[target]}:${toBase64Url(packed)}`;
}

const tagged = <T extends string>(tags: Record<T, string>, tag: string | undefined) =>
  (Object.keys(tags) as T[]).find((key) => tags[key] === tag);

export async function decodeShareFragment(hash: string, maxBytes = MAX_SHARED_BYTES): Promise<SharedConfig> {
  const m = /^#?v(\d+)((?:\.[a-z]+)*):(.*)$/s.exec(hash);
  if (!m) throw new ShareLinkError('This is not a share link of this app.');
  const [, version, tagList, data] = m;
  const tags = tagList.split('.').slice(1);
  if (Number(version) > VERSION || Number(version) < 1) {
    throw new ShareLinkError(`This link was made by a newer version of the app (format v${version}); it cannot be opened here.`);
  }
  const rules = tagged(RULE_TAGS, tags[0]);
  if (!rules) throw new ShareLinkError(`The link names an unknown rule set ("${tags[0] ?? ''}").`);
  const target = Number(version) === 1 ? 'coreos' : tagged(TARGET_TAGS, tags[1]);
  if (!target) throw new ShareLinkError(`The link names an unknown target ("${tags[1] ?? ''}").`);
  const bytes = fromBase64Url(data);
  if (!bytes) throw new ShareLinkError('The link is damaged: its data has characters a share link never contains.');
  const unpacked = await inflateAtMost(bytes, maxBytes);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(unpacked), rules, target };
  } catch {
    throw new ShareLinkError('The link is damaged: its data is not UTF-8 text.');
  }
}

/**
 * Inflates chunk by chunk and gives up as soon as the output passes `maxBytes`: a link of a few
 * hundred KB can unpack to gigabytes, which must never reach the editor (or the memory).
 */
async function inflateAtMost(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxBytes) {
        void reader.cancel();
        throw new ShareLinkError(
          `This link unpacks to more than ${formatLimit(maxBytes)}, the most this validator checks, so it was not opened.`,
        );
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof ShareLinkError) throw e;
    throw new ShareLinkError('The link is damaged or cut short: its data does not decompress. Ask for the full link again.');
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const formatLimit = (bytes: number) => (bytes >= 1 << 20 ? `${bytes / (1 << 20)} MB` : `${bytes} bytes`);

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
