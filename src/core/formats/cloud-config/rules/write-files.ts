import type { RuleFinding } from '../../../findings';
import type { TreeNode } from '../../../yaml/tree';
import { childNamed, firstKey, mapItems, scalarText, type Rule } from './context';
import { verbatimSpan } from './source';
import { isTemplated } from './template';
import { quoted } from '../../../text/quote';
import { decodeBase64 } from '../reference/decode-content';
import { withExecWhereReadable } from '../../decimal-mode';

/** File modes people set on purpose; the decimal spelling of one is almost surely a slip. */
const USUAL_MODES = [0o400, 0o440, 0o444, 0o500, 0o550, 0o555, 0o600, 0o640, 0o644, 0o660, 0o664, 0o666, 0o700, 0o750, 0o755, 0o770, 0o775, 0o777, 0o1777, 0o4755];

export const octal = (mode: number) => `0${mode.toString(8)}`;

function symbolic(mode: number): string {
  const bits = 'rwxrwxrwx';
  return [...bits].map((c, i) => (mode & (1 << (8 - i)) ? c : '-')).join('');
}

/**
 * The mode meant when permissions holds the decimal form of a usual mode (420 for 0644, as
 * Ignition and JSON tools write modes), though coreos-cloudinit reads the digits as octal.
 */
export function decimalMode(text: string): number | undefined {
  if (!/^[1-9]\d*$/.test(text)) return undefined;
  const asDecimal = Number(text);
  const asOctal = /^[0-7]+$/.test(text) ? parseInt(text, 8) : undefined;
  if (!USUAL_MODES.includes(asDecimal) || (asOctal !== undefined && USUAL_MODES.includes(asOctal))) return undefined;
  return asDecimal;
}

/** The quick fix writing a mode as a quoted octal string over a scalar value. */
export const quoteModeFix = (node: TreeNode, mode: number) => ({
  title: `Write '${octal(mode)}'`,
  from: node.valueRange[0],
  to: node.valueRange[1],
  insert: `'${octal(mode)}'`,
});

export const modeDescription = (mode: number) => `${octal(mode)} (${symbolic(mode)})`;

export const permissionsDecimal: Rule = {
  id: 'permissions-decimal',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const file of mapItems(ctx.tree.root, ['write_files'])) {
      const node = childNamed(file, 'permissions');
      const text = scalarText(node);
      const meant = text === undefined ? undefined : decimalMode(text);
      if (meant === undefined || !/^[0-7]+$/.test(text!)) continue;
      out.push({
        kind: 'warning',
        message: `permissions ${text} is read as octal ${modeDescription(parseInt(text!, 8))}; if you meant decimal ${text} = ${modeDescription(meant)}, write '${octal(meant)}'`,
        rule: 'permissions-decimal',
        node,
        target: 'value',
        fixes: [quoteModeFix(node!, meant)],
      });
    }
    return out;
  },
};

/** Whether a write_files entry's content, as written to disk, starts with "#!" (plain or base64; gzip is not looked into). */
function startsWithShebang(file: TreeNode): boolean {
  const content = scalarText(childNamed(file, 'content'));
  if (content === undefined) return false;
  const encoding = scalarText(childNamed(file, 'encoding')) ?? '';
  if (encoding === '') return content.startsWith('#!');
  if (encoding !== 'b64' && encoding !== 'base64') return false;
  const bytes = decodeBase64(content);
  return !!bytes && bytes[0] === 0x23 && bytes[1] === 0x21;
}

/** A script written without an execute bit: a unit's ExecStart on it fails with "Permission denied". */
export const scriptPermissions: Rule = {
  id: 'script-permissions',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const file of mapItems(ctx.tree.root, ['write_files'])) {
      if (!startsWithShebang(file)) continue;
      const node = childNamed(file, 'permissions');
      const text = scalarText(node);
      // An invalid or templated value is another rule's; a decimal-looking one is permissions-decimal's.
      if (text !== undefined && (!/^[0-7]{1,4}$/.test(text) || decimalMode(text) !== undefined)) continue;
      // coreos-cloudinit writes a file without permissions as 0644.
      const mode = text === undefined ? 0o644 : parseInt(text, 8);
      if (mode & 0o111) continue;
      const withExec = withExecWhereReadable(mode);
      const advice = withExec & 0o111 ? withExec : 0o755;
      const pathNode = childNamed(file, 'path');
      // Where permissions are written (not `permissions:` left empty, which is the default too).
      const written = text === undefined ? undefined : node;
      out.push({
        kind: 'warning',
        message: `${scalarText(pathNode) ?? 'this file'} starts with "#!" but its permissions, ${modeDescription(mode)}${text === undefined ? ' by default' : ''}, have no execute bit, so it cannot be run; write permissions: '${octal(advice)}'`,
        rule: 'script-permissions',
        node: written ?? pathNode ?? firstKey(file),
        target: written || pathNode ? 'value' : 'key',
        ...(written ? { fixes: [quoteModeFix(written, advice)] } : {}),
      });
    }
    return out;
  },
};

export const filePath: Rule = {
  id: 'file-path',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const file of mapItems(ctx.tree.root, ['write_files'])) {
      const node = childNamed(file, 'path');
      const path = scalarText(node);
      if (path === undefined) {
        out.push({ kind: 'error', message: 'this write_files entry has no path, so there is nowhere to write it; add path: /absolute/file', rule: 'file-path', node: firstKey(file), target: 'key' });
      } else if (!path.startsWith('/') && !isTemplated(path) && !path.startsWith('$')) {
        const at = verbatimSpan(ctx, node!, 0, 0);
        out.push({
          kind: 'warning',
          message: `path ${quoted(path)} is not absolute; coreos-cloudinit writes it as ${quoted(`/${path}`)}: write that`,
          rule: 'file-path',
          node,
          target: 'value',
          ...(at ? { fixes: [{ title: 'Make the path absolute', from: at[0], to: at[0], insert: '/' }] } : {}),
        });
      }
    }
    return out;
  },
};

const ID = '([A-Za-z_][A-Za-z0-9_.-]*\\$?|\\d+)';
/** chown's owner syntax: user, user:group, :group, user: (numeric ids too; "." as the old separator). */
const OWNER = new RegExp(`^(${ID}([:.]${ID}?)?|:${ID})$`);

export const fileOwner: Rule = {
  id: 'file-owner',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const file of mapItems(ctx.tree.root, ['write_files'])) {
      const node = childNamed(file, 'owner');
      const owner = scalarText(node);
      if (owner === undefined || OWNER.test(owner) || isTemplated(owner)) continue;
      out.push({
        kind: 'error',
        message: `owner ${quoted(owner)} is not user, user:group or uid:gid, so chown fails and the file is not written; write e.g. core:core`,
        rule: 'file-owner',
        node,
        target: 'value',
      });
    }
    return out;
  },
};

/** A rejected permissions value that is the decimal form of a usual mode: say which, and fix it. */
export function withDecimalMode(f: RuleFinding): RuleFinding {
  const node = f.node;
  const meant = node?.name === 'permissions' && node.path[0] === 'write_files' ? decimalMode(node.text) : undefined;
  if (meant === undefined) return f;
  return {
    ...f,
    message: `${f.message}: permissions are octal, and ${node!.text} is the decimal form of ${modeDescription(meant)}; write '${octal(meant)}'`,
    fixes: [quoteModeFix(node!, meant)],
  };
}
