import { describe, expect, it } from 'vitest';
import type { Target } from '../../../types';
import { validate } from '../../../validate';

/** The fields the config structs have and the schema once lacked, and the one it had that they lack. */

const H = '#cloud-config\n';
const at = (body: string, target: Target) =>
  validate(H + body, { rules: 'reference', target }).entries.map((e) => ({
    line: e.line,
    column: e.column,
    endColumn: e.endColumn,
    kind: e.kind,
    message: e.message,
  }));

describe.each(['coreos', 'flatcar'] as const)('struct fields (%s)', (target) => {
  it('etcd_username and etcd_password of flannel, fleet and locksmith are known strings', () => {
    const body =
      'coreos:\n  flannel:\n    etcd_username: u\n    etcd_password: p\n  locksmith:\n    etcd_username: u\n    etcd_password: 12\n';
    expect(at(body, target)).toEqual([]);
    // Flatcar's validator stops at a struct field's unmarshal error and reports only that.
    expect(at('coreos:\n  fleet:\n    etcd_username: [u]\n', target)).toEqual(
      target === 'coreos'
        ? [
            { line: 3, column: 3, endColumn: 8, kind: 'warning', message: 'deprecated key "fleet" (fleet is no longer shipped in Container Linux)' },
            { line: 4, column: 20, endColumn: 23, kind: 'warning', message: 'incorrect type for "etcd_username" (want string)' },
          ]
        : [{ line: 4, column: 20, endColumn: 23, kind: 'error', message: 'cannot unmarshal !!seq into string' }],
    );
  });

  it('etcd2 enable_pprof is a bool', () => {
    expect(at('coreos:\n  etcd2:\n    enable_pprof: 1\n', target)).toEqual(
      target === 'coreos'
        ? [
            { line: 3, column: 3, endColumn: 8, kind: 'warning', message: 'deprecated key "etcd2" (etcd2 is no longer shipped in Container Linux)' },
            { line: 4, column: 19, endColumn: 20, kind: 'warning', message: 'incorrect type for "enable_pprof" (want bool)' },
          ]
        : [{ line: 4, column: 19, endColumn: 20, kind: 'error', message: 'cannot unmarshal !!int `1` into bool' }],
    );
  });

  it('users have no sudo field', () => {
    expect(at('users:\n  - name: core\n    sudo: "ALL=(ALL) NOPASSWD:ALL"\n', target)).toEqual([
      { line: 4, column: 5, endColumn: 9, kind: 'warning', message: 'unrecognized key "sudo"' },
    ]);
  });
});
