import { syntaxTree } from '@codemirror/language';
import type { EditorState } from '@codemirror/state';
import type { YamlPath } from '../yaml-path';

/**
 * Where in a JSON document (an Ignition config) a position is, read from the editor's JSON
 * syntax tree, which stays usable while the text is half typed.
 */

type SyntaxNode = ReturnType<ReturnType<typeof syntaxTree>['resolveInner']>;

const VALUES = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);

function propertyName(state: EditorState, property: SyntaxNode): string | undefined {
  const name = property.getChild('PropertyName');
  if (!name) return undefined;
  const raw = state.sliceDoc(name.from, name.to);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.replace(/^"|"$/g, '');
  }
}

/** The keys and list indices from the document's top to `node`. */
function pathTo(state: EditorState, node: SyntaxNode): YamlPath {
  const path: YamlPath = [];
  for (let n: SyntaxNode | null = node; n; n = n.parent) {
    const parent: SyntaxNode | null = n.parent;
    if (n.name === 'Property') {
      const name = propertyName(state, n);
      if (name !== undefined) path.unshift(name);
    } else if (parent?.name === 'Array' && VALUES.has(n.name)) {
      let index = 0;
      for (let s = n.prevSibling; s; s = s.prevSibling) if (VALUES.has(s.name)) index++;
      path.unshift(index);
    }
  }
  return path;
}

export interface JsonKeyHit {
  path: YamlPath;
  /** The key's range (with its quotes). */
  from: number;
  to: number;
  onKey: boolean;
}

/** The property whose key, or scalar value, is at `pos`. */
export function jsonKeyAt(state: EditorState, pos: number): JsonKeyHit | undefined {
  const tree = syntaxTree(state);
  for (const side of [1, -1] as const) {
    const node = tree.resolveInner(pos, side);
    const onKey = node.name === 'PropertyName';
    if (!onKey && !(VALUES.has(node.name) && node.name !== 'Object' && node.name !== 'Array')) continue;
    const property = node.parent;
    if (property?.name !== 'Property') continue;
    const name = property.getChild('PropertyName')!;
    return { path: pathTo(state, property), from: name.from, to: name.to, onKey };
  }
  return undefined;
}

export interface JsonKeySpot {
  /** The object's path, and the keys it has before the cursor. */
  parent: YamlPath;
  present: string[];
  /** What a chosen key replaces: the key being typed after its opening quote, and its closing quote. */
  from: number;
  to: number;
  /** Whether the key's opening quote is typed (before `from`). */
  quoted: boolean;
}

interface Frame {
  kind: 'object' | 'array';
  /** The key whose value is being read (objects), or the index of the element (arrays). */
  slot: string | number | undefined;
  keys: string[];
  /** In an object, after `{` or `,`: a key comes next. */
  expectKey: boolean;
}

/** Past this the text before the cursor is not scanned: completion gives up rather than lag. */
const MAX_SCAN_CHARS = 2 * 1024 * 1024;

/**
 * A key being typed in an object (`"sto|`), or the place for one that completion was asked
 * for (Ctrl-Space after `{` or `,`). Read by scanning the text before the cursor, not from the
 * syntax tree: a key being typed is an unterminated string, after which the tree has nothing.
 */
export function jsonKeySpotAt(state: EditorState, pos: number, explicit: boolean): JsonKeySpot | undefined {
  if (pos > MAX_SCAN_CHARS) return undefined;
  const text = state.sliceDoc(0, pos);
  const stack: Frame[] = [];
  let openString = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) {
        openString = i;
        break;
      }
      const top = stack[stack.length - 1];
      if (top?.kind === 'object' && top.expectKey) {
        let key: string;
        try {
          key = JSON.parse(text.slice(i, j + 1)) as string;
        } catch {
          key = text.slice(i + 1, j);
        }
        top.slot = key;
        top.keys.push(key);
        top.expectKey = false;
      }
      i = j;
    } else if (c === '{') stack.push({ kind: 'object', slot: undefined, keys: [], expectKey: true });
    else if (c === '[') stack.push({ kind: 'array', slot: 0, keys: [], expectKey: false });
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.kind === 'object') top.expectKey = true;
      else if (top?.kind === 'array') top.slot = (top.slot as number) + 1;
    }
  }
  const top = stack[stack.length - 1];
  if (top?.kind !== 'object' || !top.expectKey) return undefined;
  if (openString >= 0) {
    if (!/^"[\w$-]*$/.test(text.slice(openString))) return undefined;
  } else if (!explicit || /\S/.test(text.slice(Math.max(text.lastIndexOf('{'), text.lastIndexOf(',')) + 1))) return undefined;
  const from = openString >= 0 ? openString + 1 : pos;
  const line = state.doc.lineAt(pos);
  const after = /^[\w$-]*"?/.exec(state.sliceDoc(pos, line.to))![0];
  const parent = stack.slice(0, -1).map((f) => f.slot!);
  return { parent, present: top.keys, from, to: pos + after.length, quoted: openString >= 0 };
}
