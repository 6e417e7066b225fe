import type { RuleFinding } from '../../../findings';
import type { TreeNode } from '../../../yaml/tree';
import { childNamed, mapItems, nodeAt, type Rule } from './context';
import { valueSpan } from './source';
import { isTemplated } from './template';
import { quoted } from '../../../text/quote';

const PLAIN_TYPES = [
  'ssh-rsa', 'ssh-dss', 'ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521',
  'sk-ssh-ed25519@openssh.com', 'sk-ecdsa-sha2-nistp256@openssh.com',
];
const CERT_TYPES = PLAIN_TYPES.map((t) => `${t.replace(/@openssh\.com$/, '')}-cert-v01@openssh.com`);
const KEY_TYPES = new Set([...PLAIN_TYPES, ...CERT_TYPES]);

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The algorithm name an OpenSSH key blob starts with (uint32 length, then the name). */
function blobType(base64: string): string | undefined {
  const bytes = atob(base64);
  if (bytes.length < 4) return undefined;
  const n = ((bytes.charCodeAt(0) << 24) | (bytes.charCodeAt(1) << 16) | (bytes.charCodeAt(2) << 8) | bytes.charCodeAt(3)) >>> 0;
  if (n === 0 || n > 64 || bytes.length < 4 + n) return undefined;
  return bytes.slice(4, 4 + n);
}

interface Token {
  text: string;
  at: number;
}

const tokens = (s: string, offset: number): Token[] => [...s.matchAll(/\S+/g)].map((m) => ({ text: m[0], at: offset + m.index! }));

/** Where an authorized_keys options prefix (`command="...",no-pty `) ends; quotes may hold spaces. */
function optionsEnd(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && quoted) i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ' ' || c === '\t')) return i;
  }
  return line.length;
}

/** The type and data fields of a key line, after any options. */
function keyFields(line: string): Token[] {
  const all = tokens(line, 0);
  if (all.length === 0 || KEY_TYPES.has(all[0].text)) return all;
  const first = all[0].at;
  const end = first + optionsEnd(line.slice(first));
  const rest = tokens(line.slice(end), end);
  return rest.length > 0 && KEY_TYPES.has(rest[0].text) ? rest : all;
}

interface KeyProblem {
  message: string;
  /** Offsets in the key text of the part at fault. */
  from: number;
  to: number;
}

const at = (t: Token, message: string): KeyProblem => ({ from: t.at, to: t.at + t.text.length, message });

/** What is wrong with one authorized_keys line, if anything. */
export function sshKeyProblem(line: string): KeyProblem | undefined {
  const from = line.length - line.trimStart().length;
  const whole = { text: line.trim(), at: from };
  if (/^-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(whole.text)) {
    return at(whole, 'this is a PRIVATE key: remove it from the config now (user-data is readable on the machine) and put the matching public key (the .pub file) here');
  }
  if (/^---- BEGIN SSH2 PUBLIC KEY ----/.test(whole.text)) {
    return at(whole, 'this key is in SSH2 (RFC 4716) format; convert it to OpenSSH format with "ssh-keygen -i -f KEYFILE" and paste that line');
  }
  const [type, data] = keyFields(line);
  if (!KEY_TYPES.has(type.text)) {
    return at(type, `${quoted(type.text)} is not an SSH public key type; a key line reads "TYPE BASE64 [comment]" with TYPE such as ssh-ed25519, ssh-rsa or ecdsa-sha2-nistp256 (copy it from the .pub file)`);
  }
  if (!data) return at(type, `the ${type.text} key has no key data after its type; paste the whole line from the .pub file`);
  if (!BASE64.test(data.text)) {
    return at(data, `the ${type.text} key data is not valid base64 (truncated or edited?); paste the whole line from the .pub file again`);
  }
  const inner = blobType(data.text);
  if (inner !== type.text) {
    return at(data, `the key data is ${inner ? `a ${inner} key` : 'not an SSH key'}, but the line says ${type.text}; paste the whole line from the .pub file again`);
  }
  return undefined;
}

/** Every ssh_authorized_keys item: top level and per user. */
function keyNodes(root: TreeNode): TreeNode[] {
  const lists = [nodeAt(root, ['ssh_authorized_keys']), ...mapItems(root, ['users']).map((u) => childNamed(u, 'ssh_authorized_keys'))];
  return lists.flatMap((l) => (l?.kind === 'seq' ? l.children.filter((c) => c.kind === 'str') : []));
}

export const sshKey: Rule = {
  id: 'ssh-key',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const node of keyNodes(ctx.tree.root)) {
      if (isTemplated(node.text) || node.text.trim() === '') continue;
      const problem = sshKeyProblem(node.text);
      if (!problem) continue;
      out.push({ kind: 'error', message: problem.message, rule: 'ssh-key', node, range: valueSpan(ctx, node, problem.from, problem.to) });
    }
    return out;
  },
};
