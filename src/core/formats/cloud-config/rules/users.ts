import type { RuleFinding } from '../../../findings';
import { childNamed, firstKey, mapItems, scalarText, type Rule } from './context';
import { isTemplated } from './template';

export const userName: Rule = {
  id: 'user-name',
  check(ctx) {
    return mapItems(ctx.tree.root, ['users'])
      .filter((u) => scalarText(childNamed(u, 'name')) === undefined)
      .map((u) => ({
        kind: 'error' as const,
        message: 'this users entry has no name, so no account can be created or updated; add name: with the login name',
        rule: 'user-name',
        node: firstKey(u),
        target: 'key' as const,
      }));
  },
};

/**
 * Password hashes crypt(3) understands: $id$ forms (MD5, SHA-256/512, yescrypt, bcrypt, ...),
 * traditional DES (13 characters), and locked or disabled accounts (leading ! or *).
 */
export const CRYPT = /^[!*]*(\$(1|2[abxy]?|5|6|7|y|gy|sha1|md5|argon2(id|i|d))\$\S+|[./0-9A-Za-z]{13})?$/;

export const passwdHash: Rule = {
  id: 'passwd-hash',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const u of mapItems(ctx.tree.root, ['users'])) {
      const node = childNamed(u, 'passwd');
      const passwd = scalarText(node);
      if (passwd === undefined || CRYPT.test(passwd) || isTemplated(passwd)) continue;
      out.push({
        kind: 'warning',
        message: 'passwd is not a password hash (it looks like a plain password), so it cannot be used to log in; put a hash from "mkpasswd --method=SHA-512" or "openssl passwd -6" here',
        rule: 'passwd-hash',
        node,
        target: 'value',
      });
    }
    return out;
  },
};
