import { describe, expect, it } from 'vitest';
import { hostnameProblem } from './hostname';
import { findingsOf, H } from './testing';

describe('hostnameProblem', () => {
  it('follows RFC 1123', () => {
    expect(hostnameProblem('node-1.example.com')).toBeUndefined();
    expect(hostnameProblem('1node')).toBeUndefined();
    expect(hostnameProblem('a'.repeat(63))).toBeUndefined();
    expect(hostnameProblem('a'.repeat(64))).toBe(`has the label "${'a'.repeat(64)}", longer than 63 characters`);
    expect(hostnameProblem(Array(64).fill('abc').join('.'))).toBe('is 255 characters long; the limit is 253');
    expect(hostnameProblem('-node')).toBe('has the label "-node"; labels hold only letters, digits and inner hyphens');
    expect(hostnameProblem('a..b')).toBe('has an empty label (a leading, trailing or doubled dot)');
  });
});

describe('hostname', () => {
  it('accepts valid names, substitution variables and templates', () => {
    for (const name of ['node-1', 'ip-$private_ipv4', '$public_ipv4', '${name}', '"{{ .Name }}"', '$HOSTNAME']) {
      expect(findingsOf(`${H}hostname: ${name}\n`, 'hostname'), name).toEqual([]);
    }
  });

  it('reports an invalid name', () => {
    expect(findingsOf(`${H}hostname: core_01\n`, 'hostname')).toEqual([
      {
        kind: 'warning',
        message: 'hostname "core_01" has the label "core_01"; labels hold only letters, digits and inner hyphens, so it is not a valid host name and systemd rejects or rewrites it; use letters, digits and hyphens',
        line: 2, column: 11, endLine: 2, endColumn: 18,
      },
    ]);
  });

  it('warns about a name longer than Linux keeps', () => {
    const name = `${'a'.repeat(40)}.${'b'.repeat(40)}`;
    expect(findingsOf(`${H}hostname: ${name}\n`, 'hostname')).toEqual([
      { kind: 'warning', message: 'hostname is 81 characters long, but Linux keeps at most 64; use a shorter name', line: 2, column: 11, endLine: 2, endColumn: 92 },
    ]);
  });
});
