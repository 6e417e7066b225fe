/**
 * Ignition JSON by its look: a top-level object with an `ignition` member (any spelling Go's
 * decoder takes). Kept apart from the pipeline so that recognising a format never loads it.
 */
export function looksLikeIgnition(text: string): boolean {
  const start = text.search(/\S/);
  if (start < 0 || text[start] !== '{') return false;
  return /"ignition"\s*:/i.test(text.slice(0, 1 << 20));
}
