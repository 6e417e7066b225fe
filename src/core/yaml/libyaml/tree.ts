/**
 * The value tree of a document (see ../tree.ts) built straight from the events of the libyaml
 * port, so a text needs only one parse. It gives the same `Tree` as `buildTree` over the `yaml`
 * package's document, with the scalar values libyaml gives (which is what the reference reads)
 * and the ranges the `yaml` package gives its nodes.
 *
 * With go-yaml v1 (CoreOS), call it only on a text whose first document `firstLibyamlError`
 * accepts; only that document is read. With yaml.v3 (Flatcar) it reads the document as yaml.v3
 * does, raising its syntax and decoder errors in yaml.v3's order, and gives each node the line
 * and tag yaml.v3 prints (see ../flavour.ts for everything that differs).
 */
import type { ScalarKindV3 } from '../go-scalar';
import { FLAVOURS, withExplicitTagsOf, type FlavourRules, type YamlFlavour } from '../flavour';
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
  /** [start, end) of the tag token, where there is one. */
  tagSpan?: Range;
  /** Sequence items, or mapping keys and values alternating. */
  items: (LNode | null)[];
  /** An alias's target (its name is in `value`), or null when no node has that anchor. */
  target: LNode | null;
  block: boolean;
  /** The 0-based line of the node's event (its first property, else its first token). */
  line: number;
}

const SP = 0x20, TAB = 0x09, HASH = 0x23, LF = 0x0a, CR = 0x0d;

/** The items of every scalar and alias: one shared empty list. Only a collection's own list is added to. */
const NO_ITEMS: (LNode | null)[] = [];

function lnode(k: K, start: number, end: number, tag: string | undefined): LNode {
  return { k, start, end, nodeEnd: end, value: '', plain: false, tag, items: k === K.Map || k === K.Seq ? [] : NO_ITEMS, target: null, block: false, line: 0 };
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
    private readonly flavour: FlavourRules,
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
        n.line = d.line;
        if (this.flavour.aliasesWhileParsing) {
          // yaml.v3 fails here, before reading on.
          n.target = this.anchors.get(n.value) ?? null;
          if (!n.target) throw new TreeError(this.flavour.unknownAnchor(n.value), 'unknown-anchor', [n.start, n.end]);
        } else {
          this.aliases.push(n);
        }
        return n;
      }
      case Ev.Scalar: {
        if (d.absent && d.anchor === undefined && d.tag === undefined) return null;
        const t = d.token;
        let n: LNode;
        if (t) {
          n = lnode(K.Scalar, t.start.offset, t.end!, d.tag);
          n.tagSpan = d.tagSpan;
          n.line = d.line;
          n.value = t.value!;
          n.plain = t.style === Style.Plain;
          n.nodeEnd = t.style === Style.Block ? n.end : this.trailing(n.end, indent);
        } else {
          const at = afterBlanks(s, this.parser.lastEnd);
          n = lnode(K.Scalar, at, at, d.tag);
          n.tagSpan = d.tagSpan;
          // An empty scalar with a tag or an anchor starts at the first of them.
          if (d.tag !== undefined || d.anchor !== undefined) n.line = d.line;
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
        n.line = d.line;
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

/**
 * The root node of the first document, or undefined when the text holds none. The parser reads
 * as far as the decoder does, so a syntax error it meets (a LibyamlFailure) is the decoder's:
 * yaml.v3 stops at the document's end, go-yaml v1 reads one event past it. With yaml.v3 a
 * syntax error and an unknown anchor (a TreeError) are thrown in the order the text meets them.
 */
function compose(text: string, flavour: FlavourRules): LNode | null | undefined {
  const parser = new Parser(text, flavour.dialect, true);
  const composer = new Composer(text, parser, flavour);
  for (;;) {
    const ev = parser.parse();
    if (ev === undefined || ev === Ev.StreamEnd) return undefined;
    if (ev === Ev.DocumentStart) break;
  }
  const root = composer.node(parser.parse()!, -1);
  parser.parse(); // the document's end
  if (!flavour.aliasesWhileParsing) {
    parser.parse(); // go-yaml v1: the next document's start, or the stream's end
    composer.resolveAliases();
  }
  return root;
}

// ---------------------------------------------------------------------------------------------
// The tree, as ../tree.ts builds it from the `yaml` package's nodes.

interface Ctx {
  budget: number;
  duplicates: DuplicateKey[];
  flavour: FlavourRules;
  /** Unmarshal errors met so far (yaml.v3). */
  typeErrors: string[];
}




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


const LONG_TAG = 'tag:yaml.org,2002:';
const shortTag = (tag: string): string => (tag.startsWith(LONG_TAG) ? '!!' + tag.slice(LONG_TAG.length) : tag);

interface Scalar {
  uint64?: boolean;
  kind: ScalarKindV3;
  value: string | number | boolean | null;
  text: string;
  tag: string;
  binary?: boolean;
}

/** Go's base64.StdEncoding.DecodeString, which both libraries use: padding required, only CR and LF skipped. */
function strictBase64(s: string): string | undefined {
  const t = s.replace(/[\r\n]/g, '');
  if (t.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(t)) return undefined;
  return base64Bytes(t);
}

/**
 * A scalar as the library's decoder reads it: a quoted one without a tag is a string, a plain
 * one is resolved, and one with a tag is resolved against it (see ../go-scalar.ts), which
 * throws the library's error where the value does not resolve to that tag.
 */
function scalarOf(n: LNode, flavour: FlavourRules): Scalar {
  const text = n.value;
  let tag = n.tag === undefined ? undefined : shortTag(n.tag);
  if (tag === '!!binary') {
    const bytes = strictBase64(text);
    if (bytes === undefined) throw new TreeError('!!binary value contains invalid base64 data', 'bad-scalar', [n.start, n.end]);
    return { kind: 'str', value: bytes, text: bytes, binary: true, tag };
  }
  if (tag === '!' && flavour.bangIsUntagged) tag = undefined;
  // go-yaml v1's parser marks a `!` scalar implicit, and its decoder takes an implicit `<<` (of
  // any style) for the merge key.
  if (tag === '!' && text === '<<') return { kind: 'merge', value: text, text, tag: '!!merge' };
  if (tag === undefined) {
    if (!n.plain) return { kind: 'str', value: text, text, tag: '!!str' };
    // A plain `<<` is the merge key of both libraries, whatever resolve() makes of it.
    if (text === '<<') return { kind: 'merge', value: text, text, tag: '!!merge' };
  }
  const r = flavour.resolve(tag ?? '', text);
  if ('refused' in r) throw new TreeError(r.refused, 'refused-tag', n.tagSpan ?? [n.start, n.end]);
  return { kind: r.kind, value: r.value, text, tag: r.tag, uint64: r.uint64 };
}

const deref = (n: LNode | null): LNode | null => (n && n.k === K.Alias ? n.target : n);
const rangeOf = (n: LNode | null, fallback: Range): Range => (n ? [n.start, n.end] : fallback);
/** A value's range; an absent value is an empty one just after its key (no fallback built for a value there is). */
const valueRangeOf = (n: LNode | null, keyRange: Range): Range => (n ? [n.start, n.end] : [keyRange[1], keyRange[1]]);

/**
 * Go's %#v of a decoded value, for the reference's "invalid map key" message. yaml.v3 decodes
 * a mapping whose keys are all strings into a map[string]interface {}.
 */
function goSyntax(n: LNode | null, flavour: FlavourRules, depth = 0): string {
  if (depth > 20) return '...';
  if (n && n.k === K.Alias) return goSyntax(n.target, flavour, depth + 1);
  if (n && n.k === K.Map) {
    const parts: string[] = [];
    let stringKeys = flavour.mergeAfterOwnKeys;
    for (let i = 0; i < n.items.length; i += 2) {
      const key = deref(n.items[i]);
      if (stringKeys && !(key && key.k === K.Scalar && ['str', 'merge'].includes(scalarOf(key, flavour).kind))) stringKeys = false;
      parts.push(`${goSyntax(n.items[i], flavour, depth + 1)}:${goSyntax(n.items[i + 1], flavour, depth + 1)}`);
    }
    return `map[${stringKeys ? 'string' : 'interface {}'}]interface {}{${parts.sort().join(', ')}}`;
  }
  if (n && n.k === K.Seq) return `[]interface {}{${n.items.map((i) => goSyntax(i, flavour, depth + 1)).join(', ')}}`;
  if (n && n.k === K.Scalar) {
    const s = scalarOf(n, flavour);
    if (s.kind === 'null') return 'interface {}(nil)';
    if (s.kind === 'str' || s.kind === 'merge') return JSON.stringify(s.value);
    if (s.kind === 'float') return goFloat(s.value as number);
    return String(s.value);
  }
  return 'interface {}(nil)';
}

function build(ln: LNode | null, base: NodeBase, ctx: Ctx, expanding: ReadonlySet<string>): TreeNode {
  spendBudget(ctx, base.valueRange);
  if (ln && ln.k === K.Alias) {
    // go-yaml's own decoder errors, worded as it words them.
    if (!ln.target) throw new TreeError(ctx.flavour.unknownAnchor(ln.value), 'unknown-anchor', [ln.start, ln.end]);
    // go-yaml v1 refuses an anchor inside its own expansion; yaml.v3 an alias node inside its own,
    // so through two aliases an anchor expands twice (what it holds may never be decoded).
    const id = ctx.flavour.decodeLazily ? aliasId(ln) : ln.value;
    if (expanding.has(id)) {
      const error = new TreeError(ctx.flavour.recursiveAlias(ln.value), 'recursive-alias', [ln.start, ln.end]);
      if (!ctx.flavour.decodeLazily) throw error;
      const out = withFault(treeNode(base, 'null', null, ''), error);
      out.aliased = true;
      return out;
    }
    const out = build(ln.target, base, ctx, new Set(expanding).add(id));
    if (ctx.flavour.decodeLazily) out.aliased = true;
    return out;
  }
  if (ln && ln.k === K.Map && ctx.flavour.mergeAfterOwnKeys) return v3Node(buildMapV3(ln, base, ctx, expanding), ln, '!!map');
  if (ln && ln.k === K.Map && ctx.flavour.decodeLazily) return buildMapLazily(ln, base, ctx, expanding);
  if (ln && ln.k === K.Map) {
    const out = treeNode(base, 'map', null, '');
    const add = mappingEntries(out, ctx.duplicates);
    const addEntries = (m: LNode, fromMerge: boolean) => {
      for (let i = 0; i < m.items.length; i += 2) {
        const rawKey = m.items[i];
        const keyNode = deref(rawKey);
        const keyRange = rangeOf(rawKey, base.valueRange);
        const valueNode = m.items[i + 1];
        const valueRange = valueRangeOf(valueNode, keyRange);
        if (keyNode && (keyNode.k === K.Map || keyNode.k === K.Seq)) {
          throw new TreeError(`invalid map key: ${goSyntax(keyNode, ctx.flavour)}`, 'collection-key', keyRange);
        }
        const k = keyNode && keyNode.k === K.Scalar ? scalarOf(keyNode, ctx.flavour) : { kind: 'null' as ScalarKindV3, value: null, text: '' };
        if (k.kind === 'merge') {
          // go-yaml merges a list of maps from its last item back, so earlier maps win; it
          // refuses anything but maps.
          const sources = valueNode && valueNode.k === K.Seq ? [...valueNode.items].reverse() : [valueNode];
          for (const src of sources) {
            if (src && src.k === K.Alias && !src.target) throw new TreeError(ctx.flavour.unknownAnchor(src.value), 'unknown-anchor', [src.start, src.end]);
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
    if (ctx.flavour.mergeAfterOwnKeys || ctx.flavour.decodeLazily) v3Node(out, ln, '!!seq');
    for (let i = 0; i < ln.items.length; i++) {
      const item = ln.items[i];
      // An index adds no `-`: the name is the parent's, normalised already, and the index.
      const itemBase = { rawName: `${base.rawName}[${i}]`, name: `${base.name}[${i}]`, path: [...base.path, i], valueRange: rangeOf(item, base.valueRange), keyIsString: true };
      out.children.push(build(item, itemBase, ctx, expanding));
    }
    return out;
  }
  if (ln && ln.k === K.Scalar) {
    let s: Scalar;
    if (ctx.flavour.decodeLazily) {
      try {
        s = scalarOf(ln, ctx.flavour);
      } catch (e) {
        if (!(e instanceof TreeError)) throw e;
        // Kept as the string it is written as, failing where it is decoded.
        return v3Node(withFault(treeNode(base, 'str', ln.value, ln.value), e), ln, '!!str');
      }
    } else {
      s = scalarOf(ln, ctx.flavour);
    }
    const kind: ValueKind = s.kind === 'merge' || s.kind === 'timestamp' ? 'str' : s.kind;
    const out = treeNode(base, kind, s.value, s.text);
    if (s.binary) out.binary = true;
    // The tag and text yaml.v3's unmarshal errors print.
    if (ctx.flavour.mergeAfterOwnKeys || ctx.flavour.decodeLazily) {
      v3Node(out, ln, s.tag);
      if (s.kind === 'timestamp') out.timestamp = true;
      if (s.binary) out.source = ln.value;
      if (s.uint64) out.uint64 = true;
    }
    return out;
  }
  return treeNode(base, 'null', null, '');
}

/** An alias node's identity (where it stands), apart from any anchor name. */
const aliasId = (alias: LNode): string => `\0${alias.start}`;

function withFault(out: TreeNode, fault: TreeError): TreeNode {
  out.fault = fault;
  return out;
}

/** yaml.v3's unmarshal error for a list or mapping decoded as a structure's key (a string). */
function collectionKeyError(key: LNode, range: Range): TreeError {
  const tag = key.tag === undefined || key.tag === '!' ? (key.k === K.Seq ? '!!seq' : '!!map') : shortTag(key.tag);
  const value = tag === '!!seq' || tag === '!!map' ? '' : ' ``';
  return new TreeError(`cannot unmarshal ${tag}${value} into string`, 'collection-key', range);
}

/**
 * A mapping as yaml.v3 decodes it into a structure, whose errors wait on the nodes until the
 * decoder meets them (see FlavourRules.decodeLazily): each key is named by its text (a structure's
 * field is matched against it), a key's failure is recorded on its entry, and `<<` merges after
 * the mapping's own keys, never over one of them, the maps of a list in order, the first winning.
 */
function buildMapLazily(ln: LNode, base: NodeBase, ctx: Ctx, expanding: ReadonlySet<string>): TreeNode {
  const out = treeNode(base, 'map', null, '');
  const add = mappingEntries(out, ctx.duplicates);
  const fill = (m: LNode, merged: boolean, expanding: ReadonlySet<string>) => {
    const merges: (LNode | null)[] = [];
    // A merged mapping's keys given twice are its own unmarshal errors, reported with this mapping's.
    const seen = merged ? new Map<string, Range>() : undefined;
    let mergeRange: Range = base.valueRange;
    for (let i = 0; i < m.items.length; i += 2) {
      const rawKey = m.items[i];
      const keyNode = deref(rawKey);
      const keyRange = rangeOf(rawKey, base.valueRange);
      const valueNode = m.items[i + 1];
      const valueRange = valueRangeOf(valueNode, keyRange);
      let keyFault: TreeError | undefined;
      let kind: ValueKind = 'str';
      let rawName = '';
      if (keyNode && (keyNode.k === K.Map || keyNode.k === K.Seq)) {
        keyFault = collectionKeyError(keyNode, keyRange);
        kind = keyNode.k === K.Map ? 'map' : 'seq';
      } else if (keyNode && keyNode.k === K.Scalar) {
        rawName = keyNode.value;
        let k: Scalar | undefined;
        try {
          k = scalarOf(keyNode, ctx.flavour);
        } catch (e) {
          if (!(e instanceof TreeError)) throw e;
          keyFault = e;
        }
        if (k && k.kind === 'merge') {
          merges.push(valueNode);
          mergeRange = valueRange;
          // The `<<` entry stays, as a key no field takes; only a mapping's own entries are kept.
          if (merged) continue;
        }
      }
      const name = normalisedName(rawName);
      if (seen) {
        const id = kind === 'str' ? rawName : `\0${kind}`;
        const first = seen.get(id);
        if (first) ctx.duplicates.push({ path: [...base.path, name], name: rawName, first, second: keyRange });
        else seen.set(id, keyRange);
      }
      if (merged && !keyFault && out.children.some((c) => c.rawName === rawName && !c.keyFault)) continue;
      const child = build(
        valueNode,
        { rawName, name, path: [...base.path, name], keyRange, valueRange, keyIsString: kind === 'str', keyQuoted: !!rawKey && rawKey.k === K.Scalar && !rawKey.plain },
        ctx,
        expanding,
      );
      if (keyFault) child.keyFault = keyFault;
      if (merged) child.merged = true;
      if (rawKey && rawKey.k === K.Alias) child.contextKey = rawKey.value;
      add(child, kind, rawName, rawName, merged);
    }
    for (const value of merges) {
      const sources = value && value.k === K.Seq ? value.items : [value];
      for (const src of sources) {
        const t = deref(src);
        if (!t || t.k !== K.Map) {
          out.fault ??= new TreeError('map merge requires map or sequence of maps as the value', 'bad-merge', mergeRange);
          return;
        }
        if (src && src.k === K.Alias) {
          if (expanding.has(aliasId(src))) {
            out.fault ??= new TreeError(ctx.flavour.recursiveAlias(src.value), 'recursive-alias', [src.start, src.end]);
            return;
          }
          fill(t, true, new Set(expanding).add(aliasId(src)));
        } else {
          fill(t, true, expanding);
        }
      }
    }
  };
  fill(ln, false, expanding);
  return v3Node(out, ln, '!!map');
}

/** The line and tag yaml.v3 gives a node (what its unmarshal errors print). */
function v3Node(out: TreeNode, ln: LNode, defaultTag: string): TreeNode {
  out.line = ln.line + 1;
  out.tag = ln.tag === undefined || ln.tag === '!' ? defaultTag : shortTag(ln.tag);
  return out;
}

/** A key's identity in a Go map: its type and value. */
const keyId = (kind: string, value: unknown, text: string) => (kind === 'str' ? text : `\0${kind}:${String(value)}`);

/** Go's time.Time.String() of a timestamp yaml.v3 resolved (a map key printed with %s). */
function goTimeString(text: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ](\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,](\d+))?(Z|[+-]\d{2}:\d{2})?)?$/.exec(text);
  if (!m) return text;
  const p2 = (v: string | undefined) => (v ?? '0').padStart(2, '0');
  const frac = m[7] ? '.' + m[7].slice(0, 9).replace(/0+$/, '') : '';
  const zone = !m[8] || m[8] === 'Z' ? '+0000 UTC' : `${m[8].replace(':', '')} ${m[8].replace(':', '')}`;
  return `${m[1]}-${p2(m[2])}-${p2(m[3])} ${p2(m[4])}:${p2(m[5])}:${p2(m[6])}${frac === '.' ? '' : frac} ${zone}`;
}

/** A key as yaml.v3 compares keys for duplicates: the kind of node and its text (an empty key is an empty scalar). */
const keyText = (key: LNode | null): string =>
  !key ? 'S\0' : key.k === K.Scalar ? `S\0${key.value}` : key.k === K.Alias ? `A\0${key.value}` : key.k === K.Map ? 'M\0' : 'Q\0';
const sameKey = (a: LNode | null, b: LNode | null): boolean => {
  const ka = a ? a.k : K.Scalar;
  const kb = b ? b.k : K.Scalar;
  if (ka !== kb) return false;
  return ka === K.Map || ka === K.Seq || (a ? a.value : '') === (b ? b.value : '');
};

/**
 * A mapping as yaml.v3 decodes it into a generic map: a mapping with two equal keys (same kind
 * of node, same text) is an unmarshal error and stays empty; `<<` merges after the mapping's
 * own keys and never over one of them, the maps of a merge list in order, the first winning.
 */
/**
 * yaml.v3's first step in decoding a mapping: every key given twice is an unmarshal error, and
 * a mapping with one is not decoded at all (its decoding reports failure to its parent).
 */
function duplicateKeysV3(m: LNode, ctx: Ctx): boolean {
  let duplicate = false;
  const found = (key: LNode | null, first: LNode | null) => {
    duplicate = true;
    ctx.typeErrors.push(`line ${(key?.line ?? 0) + 1}: mapping key ${JSON.stringify(key?.value ?? '')} already defined at line ${(first?.line ?? 0) + 1}`);
  };
  if (m.items.length <= 16) {
    // Few keys: compare pairwise, as yaml.v3 does, without building an index.
    for (let i = 0; i < m.items.length; i += 2) {
      for (let j = i + 2; j < m.items.length; j += 2) if (sameKey(m.items[i], m.items[j])) found(m.items[j], m.items[i]);
    }
  } else {
    const firstOf = new Map<string, LNode | null>();
    for (let i = 0; i < m.items.length; i += 2) {
      const key = m.items[i];
      const id = keyText(key);
      if (firstOf.has(id)) found(key, firstOf.get(id)!);
      else firstOf.set(id, key);
    }
  }
  return duplicate;
}

function buildMapV3(ln: LNode, base: NodeBase, ctx: Ctx, expanding: ReadonlySet<string>): TreeNode {
  const out = treeNode(base, 'map', null, '');
  const add = mappingEntries(out, ctx.duplicates);

  const fill = (m: LNode, merged: Set<string> | undefined, expanding: ReadonlySet<string>) => {
    if (duplicateKeysV3(m, ctx)) return;

    let mergeValue: LNode | null | undefined;
    const own: string[] = [];
    for (let i = 0; i < m.items.length; i += 2) {
      const rawKey = m.items[i];
      const valueNode = m.items[i + 1];
      // yaml.v3's merge key: `<<` tagged !!merge, or plain without a tag or with `!` (a quoted one is a !!str).
      if (rawKey && rawKey.k === K.Scalar && rawKey.value === '<<' && (rawKey.tag === undefined || rawKey.tag === '!' ? rawKey.plain : shortTag(rawKey.tag) === '!!merge')) {
        mergeValue = valueNode;
        continue;
      }
      const keyNode = deref(rawKey);
      const keyRange = rangeOf(rawKey, base.valueRange);
      const valueRange = valueRangeOf(valueNode, keyRange);
      if (keyNode && (keyNode.k === K.Map || keyNode.k === K.Seq)) {
        // A mapping key that fails to decode (a key of its own given twice) leaves the entry out;
        // any other collection key stops the decoder.
        if (keyNode.k === K.Map && duplicateKeysV3(keyNode, ctx)) continue;
        throw new TreeError(`invalid map key: ${goSyntax(keyNode, ctx.flavour)}`, 'collection-key', keyRange);
      }
      const k = keyNode && keyNode.k === K.Scalar ? scalarOf(keyNode, ctx.flavour) : { kind: 'null' as ScalarKindV3, value: null, text: '' };
      const kind: ValueKind = k.kind === 'merge' || k.kind === 'timestamp' ? 'str' : k.kind;
      const id = keyId(k.kind, k.value, k.text);
      if (merged) {
        if (merged.has(id)) continue;
        merged.add(id);
      } else {
        own.push(id);
      }
      const rawName = k.kind === 'timestamp' ? goTimeString(k.text) : goKeyName(kind, k.value, k.text, 'uint64' in k && !!k.uint64);
      const name = normalisedName(rawName);
      const child = build(
        valueNode,
        { rawName, name, path: [...base.path, name], keyRange, valueRange, keyIsString: kind === 'str', keyQuoted: !!rawKey && rawKey.k === K.Scalar && !rawKey.plain },
        ctx,
        expanding,
      );
      add(child, kind, k.value, k.text, !!merged);
    }
    if (mergeValue === undefined) return;

    const set = merged ?? new Set(own);
    const wantMap = () => new TreeError('map merge requires map or sequence of maps as the value', 'bad-merge', rangeOf(mergeValue ?? null, base.valueRange));
    const mergeOne = (src: LNode) => {
      if (src.k === K.Alias) {
        if (!src.target || src.target.k !== K.Map) throw wantMap();
        if (expanding.has(src.value)) throw new TreeError(ctx.flavour.recursiveAlias(src.value), 'recursive-alias', [src.start, src.end]);
        fill(src.target, set, new Set(expanding).add(src.value));
      } else if (src.k === K.Map) {
        fill(src, set, expanding);
      } else {
        throw wantMap();
      }
    };
    if (mergeValue && mergeValue.k === K.Seq) {
      for (const item of mergeValue.items) {
        if (!item) throw wantMap();
        mergeOne(item);
      }
    } else if (mergeValue && (mergeValue.k === K.Map || mergeValue.k === K.Alias)) {
      mergeOne(mergeValue);
    } else {
      throw wantMap();
    }
  };
  fill(ln, undefined, expanding);
  return out;
}

/**
 * The value tree of the first document of `text`, in one pass of the parser: throws the
 * parser's LibyamlFailure for the syntax error the decoder meets (the one `firstLibyamlError`
 * gives), and TreeError where go-yaml's decoder would fail. `explicitTags`: the library whose
 * reading of explicitly tagged scalars to follow, where it differs from `flavourName`.
 */
export function buildTreeFromLibyaml(text: string, budget: number, flavourName: YamlFlavour | FlavourRules = 'go-yaml-v1', explicitTags?: YamlFlavour): Tree {
  const base = typeof flavourName === 'string' ? FLAVOURS[flavourName] : flavourName;
  const flavour = explicitTags ? withExplicitTagsOf(base, FLAVOURS[explicitTags]) : base;
  const ctx: Ctx = { budget, duplicates: [], flavour, typeErrors: [] };
  const root = compose(text, flavour);
  const rootBase: NodeBase = { rawName: '', name: '', path: [], valueRange: rangeOf(root ?? null, [0, 0]), keyIsString: true };
  const top = deref(root ?? null);
  if (flavour.mergeAfterOwnKeys && top && top.k === K.Seq) {
    // yaml.v3 refuses a list for the reference's map without reading its items.
    const seq = v3Node(treeNode(rootBase, 'seq', null, ''), top, '!!seq');
    ctx.typeErrors.push(`line ${seq.line}: cannot unmarshal ${seq.tag} into map[interface {}]interface {}`);
    return { root: seq, duplicates: [], typeErrors: ctx.typeErrors };
  }
  if (top && top.k === K.Seq) {
    // go-yaml v1 (and a yaml.v3 struct) refuses a list for a mapping without reading its items,
    // so nothing in them (an unknown anchor, a refused tag) is ever met.
    return { root: treeNode(rootBase, 'seq', null, ''), duplicates: [] };
  }
  const tree = build(root ?? null, rootBase, ctx, new Set());
  if (!flavour.mergeAfterOwnKeys) return { root: tree, duplicates: ctx.duplicates };
  if (tree.kind !== 'map' && tree.kind !== 'null') {
    // The reference reads the document into a map[interface{}]interface{}.
    const value = tree.tag === '!!seq' || tree.tag === '!!map' ? '' : ` \`${tree.text.length > 10 ? tree.text.slice(0, 7) + '...' : tree.text}\``;
    ctx.typeErrors.push(`line ${tree.line}: cannot unmarshal ${tree.tag}${value} into map[interface {}]interface {}`);
  }
  return { root: tree, duplicates: ctx.duplicates, typeErrors: ctx.typeErrors };
}
