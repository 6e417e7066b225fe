import { describe, expect, it } from 'vitest';
import { findingsOf, H } from './testing';

describe('user-name', () => {
  it('accepts entries with a name', () => {
    expect(findingsOf(`${H}users:\n  - name: core\n    groups: [docker]\n`, 'user-name')).toEqual([]);
  });

  it('reports an entry without a name at its first key', () => {
    expect(findingsOf(`${H}users:\n  - name: core\n\n  - groups:\n      - docker\n`, 'user-name')).toEqual([
      { kind: 'error', message: 'this users entry has no name, so no account can be created or updated; add name: with the login name', line: 5, column: 5, endLine: 5, endColumn: 11 },
    ]);
  });
});

describe('passwd-hash', () => {
  it('accepts crypt hashes, locked accounts and templates', () => {
    for (const passwd of ['$6$rounds=4096$salt$hash', '$1$hJlXMh.Q$IYj1BUVP6xepbfFzm9h790', '$y$j9T$salt$hash', '$2b$12$abcdefghijklmnopqrstuv', '!', '*', '!$6$salt$hash', 'abcdefghijklm', '${hash}']) {
      expect(findingsOf(`${H}users:\n  - name: core\n    passwd: "${passwd}"\n`, 'passwd-hash'), passwd).toEqual([]);
    }
  });

  it('warns about a plain password', () => {
    expect(findingsOf(`${H}users:\n  - name: core\n    passwd: hunter2\n`, 'passwd-hash')).toEqual([
      {
        kind: 'warning',
        message: 'passwd is not a password hash (it looks like a plain password), so it cannot be used to log in; put a hash from "mkpasswd --method=SHA-512" or "openssl passwd -6" here',
        line: 4, column: 13, endLine: 4, endColumn: 20,
      },
    ]);
  });
});
