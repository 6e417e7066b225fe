import { shapeAt } from '../schema/shape';
import type { RuleFinding } from '../../../findings';
import type { Enrich, RuleContext } from './context';
import { closest } from './edit-distance';
import { orList } from './key-suggestions';
import { withDecimalMode } from './write-files';

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

/** The reference's invalid value, said with what is allowed (and, for a mode, what was meant). */
export const explainInvalidValue: Enrich = (f, ctx) => withAllowedValues(withDecimalMode(f), ctx);
