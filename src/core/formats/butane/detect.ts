/**
 * Butane YAML by its look: top-level `variant:` and `version:` keys. Kept apart from the
 * pipeline so that recognising a format never loads it.
 */
export function looksLikeButane(text: string): boolean {
  return /^variant:[ \t]*\S/m.test(text) && /^version:[ \t]*\S/m.test(text) && !text.startsWith('#cloud-config');
}
