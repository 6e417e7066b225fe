import { describe, expect, it } from 'vitest';
import { findingsOf, H } from './testing';

describe('duplicate-key', () => {
  it('accepts distinct keys and keys that override a merge', () => {
    expect(findingsOf(`${H}hostname: a\ncoreos:\n  update:\n    group: stable\n`, 'duplicate-key')).toEqual([]);
    expect(findingsOf(`${H}x: &d {name: a, shell: /bin/sh}\nusers:\n  - <<: *d\n    name: b\n`, 'duplicate-key')).toEqual([]);
  });

  it('warns at the second occurrence, naming the line of the lost first one', () => {
    expect(findingsOf(`${H}coreos:\n  update:\n    group: beta\n\ncoreos:\n  units: []\n`, 'duplicate-key')).toEqual([
      { kind: 'warning', message: 'duplicate key "coreos": the first value, at line 2, is silently lost; merge the two into one', line: 6, column: 1, endLine: 6, endColumn: 7 },
    ]);
  });

  it('quotes the key as written, and reports a duplicate inside an aliased mapping once', () => {
    expect(findingsOf(`${H}a: &u {"name": x, "name": y}\nusers:\n  - *u\n`, 'duplicate-key')).toEqual([
      { kind: 'warning', message: 'duplicate key "name": the first value, at line 2, is silently lost; merge the two into one', line: 2, column: 19, endLine: 2, endColumn: 25 },
    ]);
  });
});
