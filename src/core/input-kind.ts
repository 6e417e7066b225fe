import { isMultipartMime } from './formats/multipart/reader';
import { looksLikeIgnition } from './formats/ignition/detect';
import { looksLikeButane } from './formats/butane/detect';
import type { InputKind } from './types';

/** Trailing white space as Go's unicode.IsSpace sees it (JavaScript's \s also takes U+FEFF). */
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/;

/** The first line, without its line end and trailing white space (the reference's header test). */
export function headerLine(text: string): string {
  const nl = text.indexOf('\n');
  return (nl < 0 ? text : text.slice(0, nl)).replace(GO_SPACE, '');
}

export const isCloudConfigHeader = (text: string) => headerLine(text) === '#cloud-config';

/** JSON's white space, then the brace that opens an object. */
const JSON_OBJECT_START = /^[ \t\n\r]*\{/;

/**
 * Ignition as the reference recognises it: JSON that Go decodes into
 * `{ignitionVersion *int; ignition {version *string}}` (field names case-insensitive) with one
 * of the two versions set.
 */
export function isIgnition(text: string): boolean {
  // Only a JSON object can qualify: anything else is told by its first character, without a parse
  // of what may be a megabyte of YAML.
  if (!JSON_OBJECT_START.test(text)) return false;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return false;
  let version = false;
  for (const [k, v] of Object.entries(doc)) {
    const key = k.toLowerCase();
    if (key === 'ignitionversion') {
      if (v === null) version = false;
      else if (typeof v === 'number' && Number.isInteger(v)) version = true;
      else return false;
    } else if (key === 'ignition') {
      if (v === null) continue;
      if (typeof v !== 'object' || Array.isArray(v)) return false;
      for (const [ik, iv] of Object.entries(v as object)) {
        if (ik.toLowerCase() !== 'version') continue;
        if (iv === null) version = false;
        else if (typeof iv === 'string') version = true;
        else return false;
      }
    }
  }
  return version;
}

/** What the input is, decided in the reference's order. */
export function inputKind(text: string): InputKind {
  if (text.length === 0) return 'empty';
  if (text.startsWith('#!')) return 'script';
  if (isIgnition(text)) return 'ignition';
  if (isCloudConfigHeader(text)) return 'cloud-config';
  if (isMultipartMime(text)) return 'multipart';
  if (looksLikeIgnition(text)) return 'ignition';
  if (looksLikeButane(text)) return 'butane';
  return 'unknown';
}
