/** A data URL of text as butane writes it uncompressed: RFC 2396 escaping of every reserved byte. */
const UNRESERVED = /[A-Za-z0-9\-_.!~*'()]/;

export function dataUrlOf(text: string): string {
  let out = 'data:,';
  for (const b of new TextEncoder().encode(text)) {
    const c = String.fromCharCode(b);
    out += b < 0x80 && UNRESERVED.test(c) ? c : '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}
