import type { Finding, InputKind } from '../types';

/**
 * The response body of CoreOS's online validator (`PUT /validate`), byte for byte, so scripts
 * written against it keep working: `{"result":null}` for a clean file, otherwise
 * `{"result":[{"kind":…,"line":…,"message":…}]}`. That service removed every CR from the body
 * before validating and judged it with the CoreOS reference rules; callers do the same and pass
 * the report's kind and entries here.
 */

/** What the service answered for input that was neither cloud-config, a script nor Ignition. */
export const UNKNOWN_INPUT_MESSAGE = 'Failed to parse config. Is this a valid Ignition Config, Cloud-Config, or script?';

const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A string as Go's encoding/json wrote it then: `"`, `\`, \n, \r and \t escaped short; other
 * control characters, HTML-sensitive `<`, `>`, `&` and U+2028/U+2029 as \u00XX.
 */
function goString(s: string): string {
  const escaped = s.replace(/["\\\u0000-\u001f<>&\u2028\u2029]/g, (c) => SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${escaped}"`;
}

/**
 * One entry as the service marshalled it. Cloud-config entries were Go maps, so their keys come
 * sorted; Ignition entries were structs (kind, message, then line and column when not zero).
 */
function entry(kind: InputKind, f: Finding): string {
  if (kind === 'ignition') {
    const where = `${f.line ? `,"line":${f.line}` : ''}${f.column && f.line ? `,"column":${f.column}` : ''}`;
    return `{"kind":${goString(f.kind)},"message":${goString(f.message)}${where}}`;
  }
  return `{"kind":${goString(f.kind)},"line":${f.line},"message":${goString(f.message)}}`;
}

export function formatCoreosJson(kind: InputKind, entries: readonly Finding[]): string {
  if (kind === 'unknown') return `{"result":[{"kind":"error","message":${goString(UNKNOWN_INPUT_MESSAGE)}}]}`;
  if (entries.length === 0) return '{"result":null}';
  return `{"result":[${entries.map((f) => entry(kind, f)).join(',')}]}`;
}
