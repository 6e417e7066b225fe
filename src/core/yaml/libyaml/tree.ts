/**
 * The value tree of a document (see ../tree.ts) built straight from the events of the libyaml
 * port, so a text needs only one parse. It gives the same `Tree` as `buildTree` over the `yaml`
 * package's document, with the scalar values libyaml gives (which is what the reference reads)
 * and the ranges the `yaml` package gives its nodes.
 *
 * Call it only on a text whose first document `firstLibyamlError` accepts; only that document
 * is read.
 */
import { resolvePlain, type ScalarKind } from '../go-scalar';
import { goFloat, goKeyName, mappingEntries, normalisedName, spendBudget, treeNode, TreeError, type DuplicateKey, type NodeBase, type Range, type Tree, type TreeNode, type ValueKind } from '../tree';
import { Ev, Parser, type EventDetails } from './parser';
import { Style } from './scanner';

const enum K {
  Scalar,
  Map,
  Seq,
  Alias,
}

/** A node of the document as composed from the events, before aliases and merges are applied. */
interface LNode {
  k: K;
  /** [start, end) as the `yaml` package's range[0] and range[1]. */
  start: number;
  end: number;
  /** Where the node's line ends (the `yaml` package's range[2]), for the end of a block collection. */
  nodeEnd: number;
  value: string;
  plain: boolean;
  tag: string | undefined;
  /** Sequence items, or mapping keys and values alternating. */
  items: (LNode | null)[];
  /** An alias's target (its name is in `value`), or null when no node has that anchor. */
  target: LNode | null;
  block: boolean;
}

const SP = 0x20, TAB = 0x09, HASH = 0x23, LF = 0x0a, CR = 0x0d;

function lnode(k: K, start: number, end: number, tag: string | undefined): LNode {
  return { k, start, end, nodeEnd: end, value: '', plain: false, tag, items: [], target: null, block: false };
}

/** After `i`: blanks, a comment, and one line break, as the `yaml` package's node ends take them. */
function lineEnd(s: string, i: number): number {
  while (s.charCodeAt(i) === SP || s.charCodeAt(i) === TAB) i++;
  if (s.charCodeAt(i) === HASH) {
    while (i < s.length && s.charCodeAt(i) !== LF && s.charCodeAt(i) !== CR) i++;
  }
  if (s.charCodeAt(i) === CR) return s.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  if (s.charCodeAt(i) === LF) return i + 1;
  return i;
}

/**
 * After the comment lines from `i` (a line start) indented at least `minIndent`, and the empty
 * lines between them: the comments the `yaml` package counts into the end of a node.
 */
function commentsEnd(s: string, i: number, minIndent: number): number {
  let end = i;
  let j = i;
  while (j < s.length) {
    let k = j;
    while (s.charCodeAt(k) === SP || s.charCodeAt(k) === TAB) k++;
    const c = s.charCodeAt(k);
    if (c === LF || c === CR) {
      j = c === CR && s.charCodeAt(k + 1) === LF ? k + 2 : k + 1;
    } else if (c === HASH && k - j >= minIndent) {
      end = j = lineEnd(s, k);
    } else {
      break;
    }
  }
  return end;
}

function columnOf(s: string, i: number): number {
  let j = i;
  while (j > 0 && s.charCodeAt(j - 1) !== LF && s.charCodeAt(j - 1) !== CR) j--;
  return i - j;
}

/** After `i`, the blanks that follow it (where the `yaml` package puts an empty scalar). */
function afterBlanks(s: string, i: number): number {
  while (s.charCodeAt(i) === SP || s.charCodeAt(i) === TAB) i++;
  return i;
}

class Composer {
  /** Where the node ends for the `yaml` package (range[2]): its line, then comments indented deeper than `indent`. */
  private trailing(end: number, indent: number): number {
    const line = lineEnd(this.s, end);
    return indent >= 0 ? commentsEnd(this.s, line, indent + 1) : line;
  }

  private readonly anchors = new Map<string, LNode>();
  private readonly aliases: LNode[] = [];
  private readonly d: EventDetails;

  constructor(
    private readonly s: string,
    private readonly parser: Parser,
  ) {
    this.d = parser.details!;
  }

  /**
   * The node of the event just returned; collections read on to their end. `indent` is the
   * column of the block collection holding it, or -1 in a flow collection or at the root.
   */
  node(ev: Ev, indent: number): LNode | null {
    const d = this.d;
    const s = this.s;
    switch (ev) {
      case Ev.Alias: {
        const t = d.token!;
        const n = lnode(K.Alias, t.start.offset, t.end!, undefined);
        n.nodeEnd = this.trailing(n.end, indent);
        n.value = t.value!;
        this.aliases.push(n);
        return n;
      }
      case Ev.Scalar: {
        if (d.absent && d.anchor === undefined && d.tag === undefined) return null;
        const t = d.token;
        let n: LNode;
        if (t) {
          n = lnode(K.Scalar, t.start.offset, t.end!, d.tag);
          n.value = t.value!;
          n.plain = t.style === Style.Plain;
          n.nodeEnd = t.style === Style.Block ? n.end : this.trailing(n.end, indent);
        } else {
          const at = afterBlanks(s, this.parser.lastEnd);
          n = lnode(K.Scalar, at, at, d.tag);
          n.plain = true;
          if (indent >= 0) {
            const line = lineEnd(s, at);
            const e = commentsEnd(s, line, indent);
            if (e > line) n.nodeEnd = e;
          }
        }
        if (d.anchor !== undefined) this.anchors.set(d.anchor, n);
        return n;
      }
      case Ev.SequenceStart:
      case Ev.MappingStart: {
        const n = lnode(ev === Ev.SequenceStart ? K.Seq : K.Map, d.start, d.start, d.tag);
        if (d.anchor !== undefined) this.anchors.set(d.anchor, n);
        const close = ev === Ev.SequenceStart ? Ev.SequenceEnd : Ev.MappingEnd;
        const column = d.flow ? -1 : columnOf(s, n.start);
        for (let next = this.parser.parse()!; next !== close; next = this.parser.parse()!) n.items.push(this.node(next, column));
        if (d.end >= 0) {
          n.end = d.end;
          n.nodeEnd = this.trailing(d.end, indent);
        } else {
          n.block = true;
          const items = n.items;
          let last: LNode | null = null;
          for (let i = items.length - 1; i >= 0 && !last; i--) last = items[i];
          n.end = last ? last.nodeEnd : n.start;
          n.nodeEnd = commentsEnd(s, n.end, column);
        }
        return n;
      }
      default:
        return null;
    }
  }

  /**
   * go-yaml v1 resolves aliases only after the whole document is parsed, through one map of
   * anchors: an alias may refer to an anchor defined after it, and a name defined twice means
   * its last definition everywhere.
   */
  resolveAliases(): void {
    for (const a of this.aliases) a.target = this.anchors.get(a.value) ?? null;
  }
}

/** The root node of the first document, or undefined when the text holds none. */
function compose(text: string): LNode | null | undefined {
  const parser = new Parser(text, 'go-yaml-v1', true);
  const composer = new Composer(text, parser);
  for (;;) {
    const ev = parser.parse();
    if (ev === undefined || ev === Ev.StreamEnd) return undefined;
    if (ev === Ev.DocumentStart) break;
  }
  const root = composer.node(parser.parse()!, -1);
  composer.resolveAliases();
  return root;
}

// ---------------------------------------------------------------------------------------------
// The tree, as ../tree.ts builds it from the `yaml` package's nodes.

interface Ctx {
  budget: number;
  duplicates: DuplicateKey[];
}



const STR = 'tag:yaml.org,2002:str';
const BINARY = 'tag:yaml.org,2002:binary';

const B64 = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;
B64[0x2d] = 62;
B64[0x5f] = 63;

/** Node's lenient base64 decoding (Buffer.from(s, 'base64')): other characters are skipped, '=' ends it. */
function base64Bytes(s: string): string {
  let out = '';
  let bits = 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3d) break;
    const v = c < 128 ? B64[c] : -1;
    if (v < 0) continue;
    bits = (bits << 6) | v;
    n += 6;
    if (n >= 8) {
      n -= 8;
      out += String.fromCharCode((bits >> n) & 0xff);
    }
  }
  return out;
}


function scalarOf(n: LNode, isKey: boolean): { kind: ScalarKind; value: string | number | boolean | null; text: string; binary?: boolean } {
  const text = n.value;
  if (n.tag === STR) return { kind: 'str', value: text, text };
  if (n.tag === BINARY) {
    const bytes = base64Bytes(text);
    return { kind: 'str', value: bytes, text: bytes, binary: true };
  }
  if (n.plain) {
    const r = resolvePlain(text, isKey);
    return { kind: r.kind, value: r.value, text };
  }
  return { kind: 'str', value: text, text };
}



const deref = (n: LNode | null): LNode | null => (n && n.k === K.Alias ? n.target : n);
const rangeOf = (n: LNode | null, fallback: Range): Range => (n ? [n.start, n.end] : fallback);

/** Go's %#v of a decoded value, for the reference's "invalid map key" message. */
function goSyntax(n: LNode | null, depth = 0): string {
  if (depth > 20) return '...';
  if (n && n.k === K.Alias) return goSyntax(n.target, depth + 1);
  if (n && n.k === K.Map) {
    const parts: string[] = [];
    for (let i = 0; i < n.items.length; i += 2) parts.push(`${goSyntax(n.items[i], depth + 1)}:${goSyntax(n.items[i + 1], depth + 1)}`);
    return `map[interface {}]interface {}{${parts.sort().join(', ')}}`;
  }
  if (n && n.k === K.Seq) return `[]interface {}{${n.items.map((i) => goSyntax(i, depth + 1)).join(', ')}}`;
  if (n && n.k === K.Scalar) {
    const s = scalarOf(n, false);
    if (s.kind === 'null') return 'interface {}(nil)';
    if (s.kind === 'str') return JSON.stringify(s.value);
    if (s.kind === 'float') return goFloat(s.value as number);
    return String(s.value);
  }
  return 'interface {}(nil)';
}

function build(ln: LNode | null, base: NodeBase, ctx: Ctx, expanding: ReadonlySet<string>): TreeNode {
  spendBudget(ctx, base.valueRange);
  if (ln && ln.k === K.Alias) {
    // go-yaml's own decoder errors, worded as it words them.
    if (!ln.target) throw new TreeError(`unknown anchor '${ln.value}' referenced`, 'unknown-anchor', [ln.start, ln.end]);
    if (expanding.has(ln.value)) throw new TreeError(`anchor '${ln.value}' value contains itself`, 'recursive-alias', [ln.start, ln.end]);
    return build(ln.target, base, ctx, new Set(expanding).add(ln.value));
  }
  if (ln && ln.k === K.Map) {
    const out = treeNode(base, 'map', null, '');
    const add = mappingEntries(out, ctx.duplicates);
    const addEntries = (m: LNode, fromMerge: boolean) => {
      for (let i = 0; i < m.items.length; i += 2) {
        const rawKey = m.items[i];
        const keyNode = deref(rawKey);
        const keyRange = rangeOf(rawKey, base.valueRange);
        const valueNode = m.items[i + 1];
        const valueRange = rangeOf(valueNode, [keyRange[1], keyRange[1]]);
        if (keyNode && (keyNode.k === K.Map || keyNode.k === K.Seq)) {
          throw new TreeError(`invalid map key: ${goSyntax(keyNode)}`, 'collection-key', keyRange);
        }
        const k = keyNode && keyNode.k === K.Scalar ? scalarOf(keyNode, true) : { kind: 'null' as ScalarKind, value: null, text: '' };
        if (k.kind === 'merge') {
          // go-yaml merges a list of maps from its last item back, so earlier maps win; it
          // refuses anything but maps.
          const sources = valueNode && valueNode.k === K.Seq ? [...valueNode.items].reverse() : [valueNode];
          for (const src of sources) {
            if (src && src.k === K.Alias && !src.target) throw new TreeError(`unknown anchor '${src.value}' referenced`, 'unknown-anchor', [src.start, src.end]);
            const t = deref(src);
            if (!t || t.k !== K.Map) throw new TreeError('map merge requires map or sequence of maps as the value', 'bad-merge', valueRange);
            addEntries(t, true);
          }
          continue;
        }
        const kind = k.kind as ValueKind;
        const rawName = goKeyName(kind, k.value, k.text);
        const name = normalisedName(rawName);
        const child = build(
          valueNode,
          {
            rawName,
            name,
            path: [...base.path, name],
            keyRange,
            valueRange,
            keyIsString: kind === 'str',
            keyQuoted: !!rawKey && rawKey.k === K.Scalar && !rawKey.plain,
          },
          ctx,
          expanding,
        );
        add(child, kind, k.value, k.text, fromMerge);
      }
    };
    addEntries(ln, false);
    return out;
  }
  if (ln && ln.k === K.Seq) {
    const out = treeNode(base, 'seq', null, '');
    ln.items.forEach((item, i) => {
      const rawName = `${base.rawName}[${i}]`;
      out.children.push(
        build(
          item,
          {
            rawName,
            name: normalisedName(rawName),
            path: [...base.path, i],
            valueRange: rangeOf(item, base.valueRange),
            keyIsString: true,
          },
          ctx,
          expanding,
        ),
      );
    });
    return out;
  }
  if (ln && ln.k === K.Scalar) {
    const s = scalarOf(ln, false);
    const kind: ValueKind = s.kind === 'merge' ? 'str' : s.kind;
    const out = treeNode(base, kind, s.value, s.text);
    if (s.binary) out.binary = true;
    return out;
  }
  return treeNode(base, 'null', null, '');
}

/**
 * The value tree of the first document of `text`, as `buildTree` gives it; throws TreeError
 * where go-yaml's decoder would fail. `text` must be free of syntax errors in its first document
 * (see `firstLibyamlError`).
 */
export function buildTreeFromLibyaml(text: string, budget: number): Tree {
  const ctx: Ctx = { budget, duplicates: [] };
  let root: LNode | null | undefined;
  try {
    root = compose(text);
  } catch {
    root = undefined;
  }
  const tree = build(root ?? null, { rawName: '', name: '', path: [], valueRange: rangeOf(root ?? null, [0, 0]), keyIsString: true }, ctx, new Set());
  return { root: tree, duplicates: ctx.duplicates };
}
