/**
 * A finding's place in the document as a path from the root, in the style of Ignition's
 * vcontext: `$.coreos.units[0].command`. Keys that are not plain names are bracket-quoted
 * (`$["a.b"]`), so every path reads back to one place.
 */

/** A key, a list index, or (vcontext's tree.Key) a key itself rather than its value. */
export type PathStep = string | number | { readonly key: string };

/** Names that need no quoting: identifier-like, with the hyphens of cloud-config's keys. */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export function documentPath(steps: readonly PathStep[]): string {
  let out = '$';
  for (const step of steps) {
    if (typeof step === 'number') {
      out += `[${step}]`;
      continue;
    }
    const key = typeof step === 'string' ? step : step.key;
    out += PLAIN_KEY.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  }
  return out;
}
