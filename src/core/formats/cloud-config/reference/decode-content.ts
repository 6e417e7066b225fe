/**
 * Whether coreos-cloudinit can decode write_files content with the given encoding
 * (its config.DecodeContent): Go's strict standard base64 (CR/LF ignored) and a gzip header
 * check (the body is not read until the file is written).
 */

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function decodeBase64(content: string): Uint8Array | undefined {
  const s = content.replace(/[\r\n]/g, '');
  if (!BASE64.test(s)) return undefined;
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;
const FHCRC = 2;

function crc32(bytes: Uint8Array, end: number): number {
  let c = ~0;
  for (let i = 0; i < end; i++) {
    c ^= bytes[i];
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** Go's gzip.NewReader header parse: magic, deflate method, optional fields, header CRC. */
export function gzipHeaderOk(b: Uint8Array): boolean {
  if (b.length < 10 || b[0] !== 0x1f || b[1] !== 0x8b || b[2] !== 8) return false;
  const flags = b[3];
  let i = 10;
  if (flags & FEXTRA) {
    if (i + 2 > b.length) return false;
    i += 2 + (b[i] | (b[i + 1] << 8));
    if (i > b.length) return false;
  }
  for (const flag of [FNAME, FCOMMENT]) {
    if (flags & flag) {
      while (i < b.length && b[i] !== 0) i++;
      if (i >= b.length) return false;
      i++;
    }
  }
  if (flags & FHCRC) {
    if (i + 2 > b.length) return false;
    if ((crc32(b, i) & 0xffff) !== (b[i] | (b[i + 1] << 8))) return false;
  }
  return true;
}

/** Go string bytes: UTF-8 of text, or the bytes of a `!!binary` value (one char per byte). */
function goBytes(s: string, binary: boolean): Uint8Array {
  return binary ? Uint8Array.from(s, (c) => c.charCodeAt(0)) : new TextEncoder().encode(s);
}

export function canDecode(content: string, encoding: string, binary = false): boolean {
  switch (encoding) {
    case '':
      return true;
    case 'b64':
    case 'base64':
      return decodeBase64(content) !== undefined;
    case 'gz':
    case 'gzip':
      return gzipHeaderOk(goBytes(content, binary));
    case 'gz+base64':
    case 'gzip+base64':
    case 'gz+b64':
    case 'gzip+b64': {
      const bytes = decodeBase64(content);
      return bytes !== undefined && gzipHeaderOk(bytes);
    }
    default:
      return false;
  }
}
