/**
 * File contents as `data:` URLs, the way Butane writes them: URL-escaped text or base64,
 * whichever is shorter, and base64 of gzip where that is shorter still (counting the
 * `compression` value). Compression uses CompressionStream, which browsers and Node (18+)
 * both have; it is asynchronous, so writing Ignition is too.
 */

/** Bytes left as they are in a URL-escaped data URL (those encodeURIComponent keeps). */
const UNESCAPED = /[A-Za-z0-9\-_.!~*'()]/;

export function escapeBytes(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    s += b < 0x80 && UNESCAPED.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return s;
}

export function base64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export interface DataUrl {
  source: string;
  compression?: 'gzip';
}

/** The shortest data URL for the bytes; `compressed` bytes are a gzip stream already. */
export async function dataUrl(bytes: Uint8Array, compressed: boolean): Promise<DataUrl> {
  if (compressed) return { source: `data:;base64,${base64(bytes)}`, compression: 'gzip' };
  const escaped = `data:,${escapeBytes(bytes)}`;
  const b64 = `data:;base64,${base64(bytes)}`;
  const best = b64.length < escaped.length ? b64 : escaped;
  const gz = `data:;base64,${base64(await gzip(bytes))}`;
  return gz.length + 'gzip'.length < best.length ? { source: gz, compression: 'gzip' } : { source: best };
}

/** The bytes as text, when they are valid UTF-8. */
export function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
