import type { Format } from '../format';
import { validateIgnition } from './validate';

/** Ignition JSON: a top-level object with an `ignition` member (any spelling Go's decoder takes). */
function looksLikeIgnition(text: string): boolean {
  const start = text.search(/\S/);
  if (start < 0 || text[start] !== '{') return false;
  return /"ignition"\s*:/i.test(text.slice(0, 1 << 20));
}

export const ignitionFormat: Format = {
  kind: 'ignition',
  detect: looksLikeIgnition,
  validate: validateIgnition,
};
