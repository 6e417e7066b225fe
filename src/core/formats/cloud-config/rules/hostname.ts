import { nodeAt, scalarText, type Rule } from './context';
import { isTemplated, substituteIPv4 } from './template';
import { quoted } from '../../../text/quote';

const LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$/;

/** What makes a host name invalid under RFC 1123, if anything. */
export function hostnameProblem(name: string): string | undefined {
  if (name.length > 253) return `is ${name.length} characters long; the limit is 253`;
  const labels = name.split('.');
  if (labels.some((l) => l === '')) return 'has an empty label (a leading, trailing or doubled dot)';
  const long = labels.find((l) => l.length > 63);
  if (long) return `has the label ${quoted(long)}, longer than 63 characters`;
  const bad = labels.find((l) => !LABEL.test(l));
  if (bad) return `has the label ${quoted(bad)}; labels hold only letters, digits and inner hyphens`;
  return undefined;
}

/** Linux keeps at most this many characters of the host name (HOST_NAME_MAX). */
const KERNEL_LIMIT = 64;

export const hostname: Rule = {
  id: 'hostname',
  check(ctx) {
    const node = nodeAt(ctx.tree.root, ['hostname']);
    const written = scalarText(node);
    if (!written || isTemplated(written)) return [];
    const name = substituteIPv4(written);
    // Some other tool's $VARIABLE (or an IPv6 substitution) still to be filled in.
    if (name.includes('$')) return [];
    const problem = hostnameProblem(name);
    if (problem) {
      return [{ kind: 'warning', message: `hostname ${quoted(written)} ${problem}, so it is not a valid host name and systemd rejects or rewrites it; use letters, digits and hyphens`, rule: 'hostname', node, target: 'value' }];
    }
    if (name.length > KERNEL_LIMIT) {
      return [{ kind: 'warning', message: `hostname is ${name.length} characters long, but Linux keeps at most ${KERNEL_LIMIT}; use a shorter name`, rule: 'hostname', node, target: 'value' }];
    }
    return [];
  },
};
