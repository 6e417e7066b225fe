/**
 * Quick fixes said as the value a field should hold, so that one rule's fix serves Ignition's
 * JSON and Butane's YAML alike: each format writes the value at the token of the old one, and
 * only when that token holds exactly the value the rule judged (a Butane value made by the
 * translation, or a token that is not a plain scalar, gets no fix).
 */
import type { Fix } from '../types';
import type { JsonNode } from './ignition/json-reader';
import type { TreeNode } from '../yaml/tree';
import { Octal, scalarText } from '../convert/yaml-emit';

export interface ValueFix {
  title: string;
  /** The value to write; an Octal is a mode, written in octal where the format can (YAML). */
  value: string | number | Octal;
  /** The value the rule judged: the fix applies only to a token holding it. */
  was: string | number;
}

const plainValue = (v: ValueFix['value']) => (v instanceof Octal ? v.value : v);

/** The fix over a JSON value token. */
export function jsonValueFix(node: JsonNode | undefined, fix: ValueFix): Fix | undefined {
  if (!node || (node.type !== 'string' && node.type !== 'number') || node.value !== fix.was) return undefined;
  return { title: fix.title, from: node.start, to: node.end, insert: JSON.stringify(plainValue(fix.value)) };
}

/** The fix over a YAML scalar written in one piece: plain, or single- or double-quoted. */
export function yamlValueFix(text: string, node: TreeNode | undefined, fix: ValueFix): Fix | undefined {
  if (!node || node.kind === 'map' || node.kind === 'seq' || node.kind === 'null') return undefined;
  if (typeof fix.was === 'number' ? node.value !== fix.was : node.text !== fix.was) return undefined;
  const [from, to] = node.valueRange;
  const raw = text.slice(from, to);
  const q = raw[0];
  const quoted = (q === '"' || q === "'") && raw.length >= 2 && raw.endsWith(q);
  // Anything else (a block scalar, an alias, a multi-line plain scalar) is left alone; a tag or
  // anchor before the value stays.
  if (!quoted && raw !== node.text) return undefined;
  const v = fix.value;
  let insert: string;
  if (typeof v !== 'string') insert = scalarText(v);
  else if (q === "'" && quoted) insert = `'${v.replace(/'/g, "''")}'`;
  else if (quoted) insert = JSON.stringify(v);
  else {
    // A comma ends a plain scalar inside a flow collection: quote it then.
    const plain = scalarText(v);
    insert = plain.includes(',') ? JSON.stringify(v) : plain;
  }
  return { title: fix.title, from, to, insert };
}
