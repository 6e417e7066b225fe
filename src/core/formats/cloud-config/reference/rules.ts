import type { RuleFinding } from '../../../findings';
import type { Shape } from '../schema/shape';
import { childNamed, goFloat, type TreeNode } from '../../../yaml/tree';
import { coerce, isCompatible, seen, shapeKind, weakKind, type Coerced, type Strong } from './coerce';
import { canDecode } from './decode-content';
import { goQuote } from './go-format';
import { clip } from '../../../text/quote';
import { dir as goDir } from '../../../go/path';
import { goParseRequestURIOk } from './go-url';

/**
 * The reference validator's rules (coreos-cloudinit config/validate), in its order: discovery
 * URL, content encoding, structure (unknown keys, types, deprecations), allowed values,
 * read-only paths, write_files under coreos. Messages are its exact wording.
 */


const GO_TYPE_NAME: Record<string, string> = {
  map: 'map[interface {}]interface {}',
  slice: '[]interface {}',
  int: 'int',
  float64: 'float64',
  bool: 'bool',
  invalid: 'invalid',
  // yaml.v3's reading of a timestamp.
  struct: 'time.Time',
};

/** reflect.Value.String(): the string itself, or `<T Value>` for anything else. */
function valueString(n: TreeNode | undefined, coerced: Map<TreeNode, Coerced>): string {
  if (!n) return '<invalid Value>';
  const v = seen(n, coerced);
  return v.kind === 'string' ? String(v.value) : `<${GO_TYPE_NAME[v.kind]} Value>`;
}

/** fmt's %v of a scalar value. */
function goValue(v: Coerced): string {
  if (v.kind === 'float64') return goFloat(v.value as number);
  return String(v.value);
}

function checkDiscovery(root: TreeNode, coerced: Map<TreeNode, Coerced>, out: RuleFinding[]) {
  const d = childNamed(childNamed(childNamed(root, 'coreos'), 'etcd'), 'discovery');
  if (!d || d.kind === 'null') return;
  if (!goParseRequestURIOk(valueString(d, coerced))) {
    out.push({ kind: 'warning', message: 'discovery URL is not valid', rule: 'discovery-url', node: d, target: 'value' });
  }
}

function checkEncoding(root: TreeNode, coerced: Map<TreeNode, Coerced>, out: RuleFinding[], say: Quoting) {
  for (const file of childNamed(root, 'write_files')?.children ?? []) {
    const enc = childNamed(file, 'encoding');
    if (!enc || enc.kind === 'null') continue;
    const content = childNamed(file, 'content');
    const encoding = valueString(enc, coerced);
    if (!canDecode(valueString(content, coerced), encoding, content?.binary)) {
      out.push({
        kind: 'error',
        message: `content cannot be decoded as ${say.quote(encoding)}`,
        rule: 'content-encoding',
        node: content ?? enc,
        target: 'value',
        // Without a content key the reference has no line for it.
        refLine: content ? undefined : 0,
      });
    }
  }
}

function checkStructure(n: TreeNode, g: Shape, out: RuleFinding[], say: Quoting) {
  const gk = shapeKind(g);
  if (!isCompatible(weakKind(n), gk)) {
    const want = g.goType;
    out.push({
      kind: 'warning',
      message: `incorrect type for ${say.quote(n.name)} (want ${want})`,
      rule: 'wrong-type',
      node: n,
      target: 'value',
    });
    return;
  }
  if (gk === 'struct') {
    for (const c of n.children) {
      const cg = g.fields?.get(c.name);
      if (!cg) {
        out.push({ kind: 'warning', message: `unrecognized key ${say.quote(c.name)}`, rule: 'unknown-key', node: c, target: 'key' });
        continue;
      }
      const reason = cg.meta?.deprecatedReason;
      if (reason) {
        out.push({ kind: 'warning', message: `deprecated key ${say.quote(c.name)} (${reason})`, rule: 'deprecated-key', node: c, target: 'key' });
      }
      checkStructure(c, cg, out, say);
    }
  } else if (gk === 'slice') {
    for (const c of n.children) checkStructure(c, g.element!, out, say);
  }
}

function checkValidity(n: TreeNode, g: Shape, coerced: Map<TreeNode, Coerced>, out: RuleFinding[], say: Quoting) {
  const valid = g.meta?.valid;
  if (valid) {
    const v = seen(n, coerced);
    if (v.kind === 'struct') {
      // A time.Time has no exported fields, so the reference takes it for a zero value.
    } else if (v.kind === 'invalid' || v.kind === 'map' || v.kind === 'slice') {
      // The reference panics here (it compares the value with its zero value); report it plainly.
      const what = v.kind === 'invalid' ? 'is empty' : `is a ${v.kind === 'map' ? 'mapping' : 'list'}`;
      out.push({
        kind: 'error',
        message: `value of ${say.quote(n.name)} ${what}; it must match ${valid.source} (coreos-cloudinit's validator crashes on this)`,
        rule: 'invalid-value',
        node: n,
        target: 'value',
      });
    } else if (v.value !== '' && v.value !== 0 && v.value !== false && !valid.test(goValue(v))) {
      out.push({ kind: 'error', message: `invalid value ${say.value(goValue(v))}`, rule: 'invalid-value', node: n, target: 'value' });
    }
  }
  const gk = shapeKind(g);
  if (gk === 'struct') {
    for (const c of n.children) {
      const cg = g.fields?.get(c.name);
      if (cg) checkValidity(c, cg, coerced, out, say);
    }
  } else if (gk === 'slice') {
    for (const c of n.children) checkValidity(c, g.element!, coerced, out, say);
  }
}

function checkWritePaths(root: TreeNode, coerced: Map<TreeNode, Coerced>, out: RuleFinding[]) {
  for (const file of childNamed(root, 'write_files')?.children ?? []) {
    const p = childNamed(file, 'path');
    if (!p || p.kind === 'null') continue;
    if (goDir(valueString(p, coerced)).startsWith('/usr')) {
      out.push({ kind: 'error', message: 'file cannot be written to a read-only filesystem', rule: 'read-only-path', node: p, target: 'value' });
    }
  }
}

function checkWriteFilesUnderCoreos(root: TreeNode, out: RuleFinding[]) {
  const wf = childNamed(childNamed(root, 'coreos'), 'write_files');
  if (wf && wf.kind !== 'null') {
    out.push({ kind: 'info', message: "write_files doesn't belong under coreos", rule: 'write-files-under-coreos', node: wf, target: 'key' });
  }
}

/** `strong`: the struct reading to coerce with (Flatcar's yaml.v3 one); go-yaml v1's by default. */
/** How the messages quote names and values: whole, as the reference does, or clipped (the `all` set). */
interface Quoting {
  quote(s: string): string;
  value(s: string): string;
}

const EXACT: Quoting = { quote: goQuote, value: (s) => s };
const CLIPPED: Quoting = { quote: (s) => goQuote(clip(s)), value: clip };

export function referenceRules(root: TreeNode, shape: Shape, strong?: Strong, quoting: 'exact' | 'clipped' = 'exact'): RuleFinding[] {
  const coerced = coerce(root, shape, strong);
  const out: RuleFinding[] = [];
  const say = quoting === 'exact' ? EXACT : CLIPPED;
  checkDiscovery(root, coerced, out);
  checkEncoding(root, coerced, out, say);
  checkStructure(root, shape, out, say);
  checkValidity(root, shape, coerced, out, say);
  checkWritePaths(root, coerced, out);
  checkWriteFilesUnderCoreos(root, out);
  return out;
}
