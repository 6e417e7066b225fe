/** Where each character of a JSON string's value sits in the source (escapes take several). */
export function stringOffsets(source: string, start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = start + 1; i < end - 1; ) {
    if (source[i] !== '\\') {
      out.push(i++);
      continue;
    }
    out.push(i);
    i += source[i + 1] === 'u' ? 6 : 2;
  }
  // One past the last character: the closing quote.
  out.push(end - 1);
  return out;
}
