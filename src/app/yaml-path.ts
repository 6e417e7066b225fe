import { isCollection, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';

/**
 * Where in the cloud-config structure a text offset sits, for hover docs and completion.
 * Paths use keys as coreos-cloudinit reads them ("-" becomes "_") and list indices, the form
 * `shapeAt` of the schema takes.
 */

export type YamlPath = (string | number)[];

/** The mapping entry whose key or value holds an offset. */
export interface KeyHit {
  path: YamlPath;
  /** Range of the key token. */
  from: number;
  to: number;
  onKey: boolean;
  /** Keys of the mapping that holds the entry (normalised), the entry's own included. */
  siblings: string[];
}

export type CompletionSpot =
  /** A key is being typed (or could be) in the mapping at `parent`, which already has `present`; it replaces [from, to). */
  | { kind: 'key'; parent: YamlPath; present: string[]; from: number; to: number }
  /** The value of the key at `path` is being typed; it replaces [from, to). */
  | { kind: 'value'; path: YamlPath; from: number; to: number };

const normalise = (key: string) => key.replace(/-/g, '_');

function parse(text: string) {
  return parseDocument(text, { schema: 'failsafe', uniqueKeys: false, strict: false, prettyErrors: false });
}

const holds = (node: YamlNode | null | undefined, offset: number, inclusiveEnd = false) =>
  !!node?.range && offset >= node.range[0] && (inclusiveEnd ? offset <= node.range[1] : offset < node.range[1]);

function hitIn(node: YamlNode | null | undefined, offset: number, path: YamlPath): KeyHit | undefined {
  if (isMap(node)) {
    const siblings = node.items.flatMap((p) => (isScalar(p.key) ? [normalise(String(p.key.value))] : []));
    for (const pair of node.items) {
      const key = pair.key as YamlNode | null;
      if (!isScalar(key) || !key.range) continue;
      const keyPath = [...path, normalise(String(key.value))];
      if (holds(key, offset, true)) return { path: keyPath, from: key.range[0], to: key.range[1], onKey: true, siblings };
      const value = pair.value as YamlNode | null;
      if (holds(value, offset, true)) {
        return hitIn(value, offset, keyPath) ?? { path: keyPath, from: key.range[0], to: key.range[1], onKey: false, siblings };
      }
    }
  } else if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      if (isCollection(item) && holds(item, offset, true)) return hitIn(item, offset, [...path, i]);
    }
  }
  return undefined;
}

/** The innermost mapping entry at `offset` (on its key, or anywhere in its value). */
export function keyAt(text: string, offset: number): KeyHit | undefined {
  return hitIn(parse(text).contents as YamlNode | null, offset, []);
}

// A key name no config uses, put where the cursor is to learn which mapping it would join.
const PROBE = 'cursor_probe_7f3a';

/** What can be completed at `offset`: a key, a value, or nothing (comments, block text…). */
export function completionSpotAt(text: string, offset: number): CompletionSpot | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const lineEnd = nl < 0 ? text.length : nl;
  const before = text.slice(lineStart, offset);
  const wordAfter = /^[\w-]*/.exec(text.slice(offset, lineEnd))![0];

  const value = /^(\s*(?:-\s+)*)([^\s#:'"{[][^#:]*?):[ \t]+([^\s#]*)$/.exec(before);
  if (value) {
    const hit = keyAt(text, lineStart + value[1].length);
    if (!hit?.onKey) return undefined;
    return { kind: 'value', path: hit.path, from: offset - value[3].length, to: offset + wordAfter.length };
  }

  // A key goes where only indentation and list dashes precede the cursor, and nothing but the
  // rest of the word (and perhaps the colon of a key being renamed) follows it.
  const key = /^(\s*(?:-\s+)*)[\w-]*$/.exec(before);
  if (!key || !/^\s*(:.*)?$/.test(text.slice(offset + wordAfter.length, lineEnd))) return undefined;
  const keyStart = lineStart + key[1].length;
  const probe = `${text.slice(0, keyStart)}${PROBE}:${text.slice(lineEnd)}`;
  const hit = keyAt(probe, keyStart);
  if (!hit?.onKey || hit.path[hit.path.length - 1] !== PROBE) return undefined;
  const present = hit.siblings.filter((k) => k !== PROBE);
  return { kind: 'key', parent: hit.path.slice(0, -1), present, from: keyStart, to: offset + wordAfter.length };
}

/**
 * The top-level entry around line `line` (1-based) as a line range, found by indentation alone,
 * so hover and completion parse a slice of a huge document, not all of it. Undefined when that
 * entry is longer than `maxChars` (parsing it would stall typing).
 */
export function topLevelEntryAround(
  lineText: (n: number) => string,
  lineCount: number,
  line: number,
  maxChars: number,
): { first: number; last: number } | undefined {
  const startsEntry = (s: string) => s.length > 0 && !/^[\s#]/.test(s);
  let size = 0;
  let first = line;
  while (first > 1 && !startsEntry(lineText(first))) {
    size += lineText(first).length + 1;
    if (size > maxChars) return undefined;
    first--;
  }
  let last = line;
  while (last < lineCount && !startsEntry(lineText(last + 1))) {
    size += lineText(last + 1).length + 1;
    if (size > maxChars) return undefined;
    last++;
  }
  return { first, last };
}
