/** Go's base64.StdEncoding.DecodeString: the bytes, or its CorruptInputError message. */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Map([...ALPHABET].map((c, i) => [c, i]));

const corrupt = (at: number) => ({ error: `illegal base64 data at input byte ${at}` });
const isNewline = (c: string | undefined) => c === '\n' || c === '\r';

/** `s` holds only ASCII (the data-URL lexer made sure), so characters are bytes. */
export function decodeGoBase64(s: string): { bytes: Uint8Array } | { error: string } {
  const out: number[] = [];
  let si = 0;
  while (si < s.length) {
    const quantum: number[] = [];
    let dlen = 4;
    for (let j = 0; j < 4; j++) {
      if (si === s.length) {
        if (j === 0) return { bytes: Uint8Array.from(out) };
        return corrupt(si - j);
      }
      const c = s[si++];
      const v = DECODE.get(c);
      if (v !== undefined) {
        quantum[j] = v;
        continue;
      }
      if (isNewline(c)) {
        j--;
        continue;
      }
      if (c !== '=') return corrupt(si - 1);
      // Padding: only in the last two places of a quantum, and nothing but newlines after it.
      if (j < 2) return corrupt(si - 1);
      if (j === 2) {
        while (si < s.length && isNewline(s[si])) si++;
        if (si === s.length) return corrupt(s.length);
        if (s[si] !== '=') return corrupt(si - 1);
        si++;
      }
      while (si < s.length && isNewline(s[si])) si++;
      if (si < s.length) return corrupt(si);
      dlen = j;
      break;
    }
    const n = (quantum[0] << 18) | ((quantum[1] ?? 0) << 12) | ((quantum[2] ?? 0) << 6) | (quantum[3] ?? 0);
    const bytes = [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
    out.push(...bytes.slice(0, dlen - 1));
    if (dlen < 4) break;
    while (si < s.length && isNewline(s[si])) si++;
  }
  return { bytes: Uint8Array.from(out) };
}
