/**
 * Flatcar's coreos-cloudinit reads the document a second time with yaml.v3, into its Go struct
 * config.CloudConfig. This reproduces that decoding: the values each field gets (which the
 * rules then compare with the loose reading, see ./coerce.ts) and the unmarshal errors it
 * collects, with yaml.v3's wording and lines. Unlike go-yaml v1 (with CoreOS's hyphen
 * transform), yaml.v3 matches keys to fields exactly as written: `reboot-strategy` fills nothing.
 */
import type { Shape } from '../schema/shape';
import { YAML11_BOOL_WORDS } from '../../../yaml/go-scalar';
import type { TreeNode } from '../../../yaml/tree';
import { zero, type Strong } from './coerce';

export interface UnmarshalError {
  line: number;
  message: string;
  node: TreeNode;
}

/** Go type names of the structs, by the path of their field (list elements included). */
const STRUCT_NAMES: Record<string, string> = {
  '': 'config.CloudConfig',
  coreos: 'config.CoreOS',
  'coreos.etcd': 'config.Etcd',
  'coreos.etcd2': 'config.Etcd2',
  'coreos.flannel': 'config.Flannel',
  'coreos.fleet': 'config.Fleet',
  'coreos.locksmith': 'config.Locksmith',
  'coreos.oem': 'config.OEM',
  'coreos.update': 'config.Update',
  'coreos.units': 'config.Unit',
  'coreos.units.drop_ins': 'config.UnitDropIn',
  write_files: 'config.File',
  users: 'config.User',
};
/** Fields whose Go type is a named string type. */
const NAMED_STRINGS: Record<string, string> = { manage_etc_hosts: 'config.EtcHosts' };

const MAX_INT64 = 2 ** 63;

function goTypeName(shape: Shape, path: string): string {
  switch (shape.goType) {
    case 'struct':
      return STRUCT_NAMES[path] ?? 'struct';
    case '[]struct':
      return `[]${STRUCT_NAMES[path] ?? 'struct'}`;
    case 'string':
      return NAMED_STRINGS[path] ?? 'string';
    default:
      return shape.goType;
  }
}

/** yaml.v3's text of a value in an error: at most 10 bytes, else its first 7 and `...`. */
function shortValue(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return bytes.length > 10 ? new TextDecoder().decode(bytes.slice(0, 7)) + '...' : text;
}

/** Decodes `root` into the shape; `errors` collects yaml.v3's unmarshal errors in its order. */
export function decodeStrongV3(root: TreeNode, shape: Shape): { value: Strong; errors: UnmarshalError[] } {
  const errors: UnmarshalError[] = [];

  const fail = (n: TreeNode, s: Shape, path: string): undefined => {
    const tag = n.tag ?? '!!str';
    // yaml.v3 quotes the value unless the tag is !!seq or !!map; a scalar so tagged gets its
    // text appended as it is.
    const text = n.source ?? n.text;
    const value = tag === '!!seq' || tag === '!!map' ? text : ` \`${shortValue(text)}\``;
    const line = n.line ?? 0;
    errors.push({ line, message: `cannot unmarshal ${tag}${value} into ${goTypeName(s, path)}`, node: n });
    return undefined;
  };

  const decode = (n: TreeNode, s: Shape, path: string): Strong | undefined => {
    if (n.kind === 'null') return zero(s);
    switch (s.goType) {
      case 'struct': {
        if (n.kind !== 'map') return fail(n, s, path);
        const out = zero(s);
        for (const child of n.children) {
          // The key as written (non-string keys name no field).
          const field = child.keyIsString ? s.fields!.get(child.rawName) : undefined;
          if (!field) continue;
          const v = decode(child, field, path ? `${path}.${child.rawName}` : child.rawName);
          if (v) out.fields!.set(child.rawName, v);
        }
        return out;
      }
      case '[]string':
      case '[]struct': {
        if (n.kind !== 'seq') return fail(n, s, path);
        const items: Strong[] = [];
        for (const child of n.children) {
          // A null item is not set into a string or a struct, and is dropped like a failed one.
          if (child.kind === 'null') continue;
          const v = decode(child, s.element!, path);
          if (v) items.push(v);
        }
        return { kind: 'slice', value: null, items };
      }
      case 'string':
        if (n.kind === 'map' || n.kind === 'seq') return fail(n, s, path);
        return { kind: 'string', value: n.text };
      case 'bool':
        if (n.kind === 'bool') return { kind: 'bool', value: n.value };
        // YAML 1.1 words still reach a bool field, from a plain or a quoted string alike.
        if (n.kind === 'str' && !n.timestamp && !n.binary && YAML11_BOOL_WORDS.has(n.text)) return { kind: 'bool', value: YAML11_BOOL_WORDS.get(n.text)! };
        return fail(n, s, path);
      case 'int':
        if (n.kind === 'int' && !n.uint64) return { kind: 'int', value: n.value };
        if (n.kind === 'float' && (n.value as number) <= MAX_INT64) {
          // Go's test is resolved <= MaxInt64 (2^63 as a float), then int64(resolved), which on
          // amd64 gives MinInt64 for anything out of range: only NaN and floats past 2^63 fail.
          const v = n.value as number;
          return { kind: 'int', value: v > -MAX_INT64 && v < MAX_INT64 ? Math.trunc(v) : -MAX_INT64 };
        }
        return fail(n, s, path);
      case 'float64':
        if (n.kind === 'int' || n.kind === 'float') return { kind: 'float64', value: n.value };
        return fail(n, s, path);
    }
  };

  const value = decode(root, shape, '') ?? zero(shape);
  return { value, errors };
}

/** Whether the loose reading holds an integer past int64, which the reference's node walk panics on. */
export function hasUint64(n: TreeNode): boolean {
  if (n.uint64) return true;
  return n.children.some(hasUint64);
}

/**
 * The field a dashed key stands for when Flatcar ignores it: its validator reads `-` as `_` and
 * takes the key as known, but yaml.v3 fills no field from it, so the machine never sees the
 * value. Undefined when `rawName` has no `-` or names no field of `parent` once read that way.
 */
export function ignoredDashedField(rawName: string, parent: Shape | undefined): string | undefined {
  if (!rawName.includes('-')) return undefined;
  const field = rawName.replace(/-/g, '_');
  return parent?.fields?.has(field) ? field : undefined;
}
