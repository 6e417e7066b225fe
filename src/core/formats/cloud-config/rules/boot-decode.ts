import { goQuote } from '../reference/go-format';
import { rootShape, type Shape } from '../schema/shape';
import type { Enrich, RuleContext } from './context';
import type { Tree, TreeNode } from '../../../yaml/tree';
import { yaml11Bool } from './yaml11-words';

/**
 * What Flatcar's coreos-cloudinit does at boot with the document: yaml.v3 decodes it into its
 * config structs, reading keys exactly as written (no `-` to `_`), and any value it cannot
 * decode, or any mapping with a duplicate key, fails the whole file. This walk follows that
 * decoder over the value tree: which values it refuses (and why, in its words), which
 * non-boolean words it accepts into bool fields, and which mappings it visits at all.
 */
export interface BootDecode {
  /** Values the decoder refuses, with yaml.v3's cause ("cannot unmarshal !!str `x` into bool"). */
  rejected: Map<TreeNode, string>;
  /** Values of known keys that are not of the field's YAML type but are accepted (null, or a word in a bool field): what is read. */
  accepted: Map<TreeNode, string>;
  /** Mappings the decoder reads (a duplicate key in one of them fails the file). */
  visited: Set<TreeNode>;
  /** Scalars decoded into string fields. */
  strings: TreeNode[];
}

/** Go type names of the config structs, by schema path (list indices left out). */
const STRUCTS: Record<string, string> = {
  '': 'CloudConfig',
  coreos: 'CoreOS',
  'coreos.etcd': 'Etcd',
  'coreos.etcd2': 'Etcd2',
  'coreos.flannel': 'Flannel',
  'coreos.fleet': 'Fleet',
  'coreos.locksmith': 'Locksmith',
  'coreos.oem': 'OEM',
  'coreos.update': 'Update',
  'coreos.units': 'Unit',
  'coreos.units.drop_ins': 'UnitDropIn',
  write_files: 'File',
  users: 'User',
};

/** The Go type yaml.v3 names in its messages, for every field shape (computed once). */
const GO_TYPES = new Map<Shape, string>();
(function name(shape: Shape, where: string) {
  const struct = STRUCTS[where];
  switch (shape.goType) {
    case 'struct':
      GO_TYPES.set(shape, `config.${struct}`);
      break;
    case '[]struct':
      GO_TYPES.set(shape, `[]config.${struct}`);
      GO_TYPES.set(shape.element!, `config.${struct}`);
      break;
    case 'string':
      GO_TYPES.set(shape, where === 'manage_etc_hosts' ? 'config.EtcHosts' : 'string');
      break;
    case '[]string':
      GO_TYPES.set(shape, '[]string');
      GO_TYPES.set(shape.element!, 'string');
      break;
    default:
      GO_TYPES.set(shape, shape.goType);
  }
  const fields = shape.goType === '[]struct' ? shape.element!.fields : shape.fields;
  for (const [key, field] of fields ?? []) name(field, where ? `${where}.${key}` : key);
})(rootShape, '');

/** Whether a scalar was written plain (not quoted, not a block scalar) where it stands. */
export function isPlain(text: string, n: TreeNode): boolean {
  const c = text[n.valueRange[0]];
  return c !== '"' && c !== "'" && c !== '|' && c !== '>';
}

type V3Kind = 'str' | 'bool' | 'int' | 'float' | 'null' | 'map' | 'seq';

/**
 * How yaml.v3 resolves a node: quoted and block scalars are strings, and so are the YAML 1.1
 * boolean words; everything else resolves as in go-yaml v1.
 */
function v3Kind(text: string, n: TreeNode): V3Kind {
  if (n.kind === 'map' || n.kind === 'seq' || n.kind === 'str' || n.kind === 'null') return n.kind;
  if (!isPlain(text, n)) return 'str';
  if (n.kind === 'bool' && yaml11Bool(n.text) !== undefined) return 'str';
  return n.kind;
}

/** yaml.v3's own wording of a refused value: its tag, a short quote of it, the Go type. */
function cannotUnmarshal(kind: V3Kind, n: TreeNode, into: string): string {
  if (kind === 'map' || kind === 'seq') return `cannot unmarshal !!${kind} into ${into}`;
  const tag = n.binary ? 'binary' : kind;
  const value = n.text.length > 10 ? `${n.text.slice(0, 7)}...` : n.text;
  return `cannot unmarshal !!${tag} \`${value}\` into ${into}`;
}

const MAX_INT64 = 2 ** 63;

/** Records yaml.v3's refusal of `n` for a field of `shape` (a function apart: `walk` runs for every value). */
function refuse(out: BootDecode, kind: V3Kind, n: TreeNode, shape: Shape): void {
  out.rejected.set(n, cannotUnmarshal(kind, n, GO_TYPES.get(shape)!));
}

function walk(text: string, n: TreeNode, shape: Shape, out: BootDecode): void {
  const kind = v3Kind(text, n);
  if (kind === 'null') {
    out.accepted.set(n, 'nothing: the key stays unset');
    return;
  }
  if (kind === 'map') out.visited.add(n);
  switch (shape.goType) {
    case 'struct':
      if (kind !== 'map') return refuse(out, kind, n, shape);
      for (const c of n.children) {
        // Keys are matched as written: `reboot-strategy` is no field of config.Update.
        const field = c.keyIsString ? shape.fields!.get(c.rawName) : undefined;
        if (field) walk(text, c, field, out);
      }
      return;
    case '[]struct':
    case '[]string':
      if (kind !== 'seq') return refuse(out, kind, n, shape);
      for (const c of n.children) walk(text, c, shape.element!, out);
      return;
    case 'string':
      if (kind === 'map' || kind === 'seq') return refuse(out, kind, n, shape);
      out.strings.push(n);
      return;
    case 'bool':
      if (kind === 'bool') return;
      if (kind === 'str' && !n.binary && yaml11Bool(n.text) !== undefined) {
        out.accepted.set(n, String(yaml11Bool(n.text)));
        return;
      }
      return refuse(out, kind, n, shape);
    case 'int':
      if (kind === 'int') return;
      if (kind === 'float' && Math.abs(n.value as number) < MAX_INT64) {
        out.accepted.set(n, String(Math.trunc(n.value as number)));
        return;
      }
      return refuse(out, kind, n, shape);
    case 'float64':
      if (kind !== 'int' && kind !== 'float') refuse(out, kind, n, shape);
      return;
  }
}

/**
 * Whether a bool field holds true at boot: a YAML true for both targets; for Flatcar also a
 * YAML 1.1 word that yaml.v3 takes into a bool field (yes, on, "y"...), quoted or not.
 */
export function readsTrue(ctx: Pick<RuleContext, 'target'>, n: TreeNode | undefined): boolean {
  if (!n) return false;
  if (n.kind === 'bool') return n.value === true;
  return ctx.target === 'flatcar' && n.kind === 'str' && !n.binary && yaml11Bool(n.text) === true;
}

/** How a finding says that yaml.v3 refuses the document at boot. */
export const rejectedMessage = (cause: string, of?: TreeNode) =>
  `Flatcar rejects the whole file at boot: ${cause}${of ? ` (the value of ${goQuote(of.name)})` : ''}`;

const cache = new WeakMap<Tree, BootDecode>();

/** The boot-time decode of the document (computed once per tree). */
export function bootDecode(ctx: Pick<RuleContext, 'text' | 'tree'>): BootDecode {
  let d = cache.get(ctx.tree);
  if (!d) {
    d = { rejected: new Map(), accepted: new Map(), visited: new Set(), strings: [] };
    walk(ctx.text, ctx.tree.root, rootShape, d);
    cache.set(ctx.tree, d);
  }
  return d;
}

/** A wrong type said for Flatcar: yaml.v3 refuses it and the whole file with it, or reads it anyway. */
export const wrongTypeAtBoot: Enrich = (f, { boot }) => {
  if (!boot) return f;
  const cause = f.node && boot.rejected.get(f.node);
  if (cause) return { ...f, kind: 'error', message: rejectedMessage(cause, f.node!) };
  const read = f.node && boot.accepted.get(f.node);
  if (read) return { ...f, message: `${f.message}; Flatcar accepts it at boot and reads ${read}` };
  return f;
};
