import { describe, expect, it } from 'vitest';
import { sshKeyProblem } from './ssh-keys';
import { findingsOf, H } from './testing';

/** Key data as OpenSSH writes it: the type string, then key material (zeros here). */
function keyData(type: string, extra = 32): string {
  const bytes = [0, 0, 0, type.length, ...[...type].map((c) => c.charCodeAt(0)), ...new Array(extra).fill(0)];
  return btoa(String.fromCharCode(...bytes));
}

const ED = `ssh-ed25519 ${keyData('ssh-ed25519')} admin@example.com`;

describe('sshKeyProblem', () => {
  it('accepts every key type, certificates, options and comments', () => {
    for (const type of ['ssh-rsa', 'ssh-dss', 'ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'sk-ssh-ed25519@openssh.com', 'sk-ecdsa-sha2-nistp256@openssh.com', 'ssh-ed25519-cert-v01@openssh.com', 'sk-ssh-ed25519-cert-v01@openssh.com']) {
      expect(sshKeyProblem(`${type} ${keyData(type)} a comment`), type).toBeUndefined();
    }
    expect(sshKeyProblem(`command="echo a b",no-pty ${ED}`)).toBeUndefined();
    expect(sshKeyProblem(`  ${ED}  `)).toBeUndefined();
  });

  it('says what is wrong and where', () => {
    expect(sshKeyProblem('ssh-rsa')).toMatchObject({ from: 0, to: 7, message: expect.stringContaining('has no key data') });
    expect(sshKeyProblem('rsa AAAA')).toMatchObject({ from: 0, to: 3, message: expect.stringContaining('"rsa" is not an SSH public key type') });
    expect(sshKeyProblem(`ssh-rsa ${keyData('ssh-ed25519')}`)?.message).toBe('the key data is a ssh-ed25519 key, but the line says ssh-rsa; paste the whole line from the .pub file again');
    expect(sshKeyProblem('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI...')).toMatchObject({ from: 12, to: 40 });
    expect(sshKeyProblem('-----BEGIN OPENSSH PRIVATE KEY-----')?.message).toContain('PRIVATE key');
    expect(sshKeyProblem('---- BEGIN SSH2 PUBLIC KEY ----')?.message).toContain('ssh-keygen -i');
  });
});

describe('ssh-key', () => {
  it('accepts valid keys at the top level and per user, and skips templates', () => {
    const text = `${H}ssh_authorized_keys:\n  - ${ED}\n  - \${ssh_key}\n  - "{{ .Key }}"\nusers:\n  - name: core\n    ssh-authorized-keys:\n      - ${ED}\n`;
    expect(findingsOf(text, 'ssh-key')).toEqual([]);
  });

  it('reports a broken key at the broken part', () => {
    const text = `${H}ssh_authorized_keys:\n  - ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC0g+ZTxC7weoIJLUafOgrm+h... me@host\nusers:\n  - name: core\n    ssh_authorized_keys:\n      - "rsa ${keyData('ssh-rsa')}"\n`;
    expect(findingsOf(text, 'ssh-key')).toEqual([
      { kind: 'error', message: 'the ssh-rsa key data is not valid base64 (truncated or edited?); paste the whole line from the .pub file again', line: 3, column: 13, endLine: 3, endColumn: 70 },
      {
        kind: 'error',
        message: '"rsa" is not an SSH public key type; a key line reads "TYPE BASE64 [comment]" with TYPE such as ssh-ed25519, ssh-rsa or ecdsa-sha2-nistp256 (copy it from the .pub file)',
        line: 7, column: 10, endLine: 7, endColumn: 13,
      },
    ]);
  });
});
