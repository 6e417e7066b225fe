/**
 * Flatcar's config.IsMultipartMime: Go's textproto reads a MIME header block (lines up to the
 * first empty one) from the start of the user-data, and its Content-Type must contain
 * `multipart/mixed`. A malformed header block, or one the text ends inside, is not MIME. Since
 * Go 1.20 (Flatcar's go.mod asks for it) a key must be an RFC 7230 token, spaces tolerated, and
 * a value may hold no control character but a tab.
 */
const KEY = /^[!#$%&'*+\-.^_`|~0-9A-Za-z ]+$/;
const BAD_VALUE = /[\x00-\x08\x0a-\x1f\x7f]/;

export function isMultipartMime(text: string): boolean {
  const lines = text.split('\n');
  let contentType: string | undefined;
  let current: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (i === lines.length - 1) return false; // no empty line ends the header block
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    if (line === '') break;
    if (BAD_VALUE.test(line)) return false;
    if (line[0] === ' ' || line[0] === '\t') {
      if (i === 0) return false;
      if (current === 'content-type') contentType += ' ' + line.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0 || !KEY.test(line.slice(0, colon))) return false;
    current = line.slice(0, colon).toLowerCase();
    if (current === 'content-type' && contentType === undefined) contentType = line.slice(colon + 1).trim();
  }
  return contentType !== undefined && contentType.includes('multipart/mixed');
}
