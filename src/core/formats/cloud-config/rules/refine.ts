import type { RuleFinding } from '../../../findings';
import type { TreeNode } from '../../../yaml/tree';
import type { RuleContext } from './context';
import { collapseDialect } from './dialect';
import { shapeAt } from '../schema/shape';
import { closest } from './edit-distance';
import { orList, suggestKey } from './key-suggestions';
import { bootDecode, rejectedMessage, type BootDecode } from './boot-decode';
import { ignoredHyphenKeys } from './hyphen-keys';
import { renameFix } from './rename-fix';
import { serviceNote } from './services';
import { isTemplated } from './template';
import { decimalMode, modeDescription, octal, quoteModeFix } from './write-files';

/** An unknown-key finding with what the key was probably meant to be. */
function withSuggestion(f: RuleFinding, ctx: RuleContext): RuleFinding {
  const node = f.node;
  if (!node?.keyRange || !node.keyIsString) return f;
  const s = suggestKey(node.name, node.path.slice(0, -1));
  if (!s) return f;
  if (s.kind === 'rename') return { ...f, message: `${f.message}; did you mean "${s.key}"?`, fixes: [renameFix(ctx, node, s.key)] };
  const where = s.places.map((p) => (p === 'the top level' ? 'at the top level' : `under ${p}`));
  return { ...f, message: `${f.message}; it belongs ${orList(where)}` };
}

/** A rejected permissions value that is the decimal form of a usual mode: say which, and fix it. */
function withDecimalMode(f: RuleFinding): RuleFinding {
  const node = f.node;
  const meant = node?.name === 'permissions' && node.path[0] === 'write_files' ? decimalMode(node.text) : undefined;
  if (meant === undefined) return f;
  return {
    ...f,
    message: `${f.message}: permissions are octal, and ${node!.text} is the decimal form of ${modeDescription(meant)}; write '${octal(meant)}'`,
    fixes: [quoteModeFix(node!, meant)],
  };
}

/** Values whose intent is known though they are not accepted as written. */
const MEANT: Record<string, Record<string, { value: string; why: string }>> = {
  reboot_strategy: {
    false: { value: 'off', why: 'YAML read an unquoted off or no as a boolean somewhere along the way' },
    'best-effort': { value: 'etcd-lock', why: 'best-effort was removed; it meant etcd-lock when etcd runs and reboot otherwise' },
  },
};

/** An invalid value of a key with a fixed set of values: name them, and fix a near miss. */
function withAllowedValues(f: RuleFinding, ctx: RuleContext): RuleFinding {
  const node = f.node;
  const values = node && shapeAt(node.path)?.meta?.values;
  if (!node || !values) return f;
  const known = MEANT[node.name]?.[node.text];
  const meant = known?.value ?? closest(node.text, values);
  const message = `${f.message}; ${node.name} takes ${orList(values.map((v) => `"${v}"`))}${known ? ` (${known.why})` : ''}`;
  if (!meant) return { ...f, message };
  const [from, to] = node.valueRange;
  const quote = /^["']/.test(ctx.text.slice(from, to)) ? ctx.text[from] : '';
  return { ...f, message: `${message}; did you mean "${meant}"?`, fixes: [{ title: `Change to ${meant}`, from, to, insert: `${quote}${meant}${quote}` }] };
}

/** A wrong type said for Flatcar: yaml.v3 refuses it and the whole file with it, or reads it anyway. */
function forFlatcar(f: RuleFinding, boot: BootDecode): RuleFinding {
  const cause = f.node && boot.rejected.get(f.node);
  if (cause) return { ...f, kind: 'error', message: rejectedMessage(cause, f.node!) };
  const read = f.node && boot.accepted.get(f.node);
  if (read) return { ...f, message: `${f.message}; Flatcar accepts it at boot and reads ${read}` };
  return f;
}

/** Whether a node (its key, or its value) lies inside one of the ranges. */
function isUnder(n: TreeNode, ranges: readonly (readonly [number, number])[]): boolean {
  const from = (n.keyRange ?? n.valueRange)[0];
  return ranges.some(([a, b]) => from >= a && from < b);
}

/** The reference's checks of a value's content, which say nothing useful about a template placeholder. */
const VALUE_CHECKS = new Set(['invalid-value', 'discovery-url', 'content-encoding']);

/**
 * The `all` rule set's pass over the reference's findings: where it can say more than the
 * reference (a did-you-mean for an unknown key, one note for a foreign dialect instead of a
 * wall of unknown keys), it rewrites them here, and it drops value checks of templated values,
 * which are unknown until rendered. The reference rule set never sees this pass.
 */
export function refineForAll(findings: RuleFinding[], ctx: RuleContext): RuleFinding[] {
  const dialect = collapseDialect(findings.filter((f) => f.rule === 'unknown-key'));
  const boot = ctx.target === 'flatcar' ? bootDecode(ctx) : undefined;
  const ignored = boot ? ignoredHyphenKeys(ctx).map(({ key }) => [key.keyRange![0], key.valueRange[1]] as const) : undefined;
  const typed = new Set<TreeNode>();
  const out: RuleFinding[] = [];
  for (const f of findings) {
    if (VALUE_CHECKS.has(f.rule) && f.node && isTemplated(f.node.text)) continue;
    // Flatcar ignores a hyphenated key and all under it; the hyphenated-key check says so, once.
    if (ignored && f.node && isUnder(f.node, ignored)) continue;
    if (dialect?.replaced.has(f)) {
      if (f.node === dialect.note.node) out.push(dialect.note);
    } else if (f.rule === 'unknown-key') {
      out.push(withSuggestion(f, ctx));
    } else if (f.rule === 'invalid-value') {
      out.push(withAllowedValues(withDecimalMode(f), ctx));
    } else if (f.rule === 'deprecated-key') {
      out.push(serviceNote(f, ctx.target));
    } else if (boot && f.rule === 'wrong-type') {
      if (f.node) typed.add(f.node);
      out.push(forFlatcar(f, boot));
    } else {
      out.push(f);
    }
  }
  // Values the reference's looser type check lets through but yaml.v3 refuses.
  for (const [node, cause] of boot?.rejected ?? []) {
    if (!typed.has(node)) out.push({ kind: 'error', message: rejectedMessage(cause, node), rule: 'wrong-type', node, target: 'value' });
  }
  return out;
}
