/**
 * File contents as butane writes them into `contents.source`: the shortest of a URL-escaped
 * data URL, a base64 one and (when the config names no compression) a base64 one of the gzip
 * stream, which must beat the others by more than the 4 bytes of `"gzip"`.
 */
import { base64, escapeBytes } from '../../convert/data-url';

/** A synchronous gzip compressor (the core has none of its own; the CLI passes Node's zlib). */
export type Gzip = (bytes: Uint8Array) => Uint8Array;

/** A data URL of text as butane writes it uncompressed: RFC 2396 escaping of every reserved byte. */
export const dataUrlOf = (text: string): string => `data:,${escapeBytes(new TextEncoder().encode(text))}`;

export interface ButaneDataUrl {
  source: string;
  /**
   * The `compression` to write: `""` where the config named none (so a merged child config
   * cannot inherit its parent's), `"gzip"` when butane compressed; undefined keeps the
   * config's own value.
   */
  compression?: '' | 'gzip';
}

/**
 * butane's MakeDataURL. Without a compressor the gzip candidate is skipped: the URL is then the
 * shorter of the other two, where butane may have chosen gzip (the bytes are the same).
 */
export function makeDataUrl(bytes: Uint8Array, configCompression: string | undefined, gzip?: Gzip): ButaneDataUrl {
  const userCompressed = configCompression !== undefined && configCompression !== '';
  let opaque = ',' + escapeBytes(bytes);
  const b64 = ';base64,' + base64(bytes);
  if (b64.length < opaque.length) opaque = b64;
  let compression: ButaneDataUrl['compression'] = userCompressed ? undefined : '';
  if (!userCompressed && gzip) {
    const gz = ';base64,' + base64(gzip(bytes));
    if (gz.length + 'gzip'.length < opaque.length) {
      opaque = gz;
      compression = 'gzip';
    }
  }
  return { source: 'data:' + opaque, compression };
}
