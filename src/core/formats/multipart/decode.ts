import { decodeBase64 } from '../cloud-config/reference/decode-content';

/** Part bodies as Flatcar decodes them before reading them. */

const utf8 = new TextEncoder();

/** Quoted-printable, as Go's mime/multipart undoes it: =XX escapes, soft line breaks ("=" at a line end) removed. */
export function decodeQuotedPrintable(body: string): Uint8Array | undefined {
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c !== 0x3d) {
      if (c < 0x80) out.push(c);
      else {
        // Literal text beyond ASCII: its UTF-8 bytes, as Go holds the body.
        const cp = body.codePointAt(i)!;
        out.push(...utf8.encode(String.fromCodePoint(cp)));
        if (cp > 0xffff) i++;
      }
      continue;
    }
    const soft = /^=[ \t]*(\r\n|\n|$)/.exec(body.slice(i, i + 80));
    if (soft) {
      i += soft[0].length - 1;
      continue;
    }
    const hex = body.slice(i + 1, i + 3);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
    out.push(parseInt(hex, 16));
    i += 2;
  }
  return Uint8Array.from(out);
}

/** Go's strict standard base64 (CR and LF skipped), as Flatcar applies it to a part. */
export const decodePartBase64 = (body: string): Uint8Array | undefined => decodeBase64(body);

/** A body's bytes as the string Go makes of them (invalid UTF-8 shown as U+FFFD). */
export const bytesToText = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);

/** The body's characters as bytes, when every one fits in a byte (a raw gzip body). */
export function latin1Bytes(body: string): Uint8Array | undefined {
  const out = new Uint8Array(body.length);
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c > 0xff) return undefined;
    out[i] = c;
  }
  return out;
}
