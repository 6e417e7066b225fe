import { describe, expect, it } from 'vitest';
import { allFindingsOf, findingsOf, fullFindingsOf, H } from './testing';

describe('duplicate-key', () => {
  it('accepts distinct keys and keys that override a merge', () => {
    expect(findingsOf(`${H}hostname: a\ncoreos:\n  update:\n    group: stable\n`, 'duplicate-key')).toEqual([]);
    expect(findingsOf(`${H}x: &d {name: a, shell: /bin/sh}\nusers:\n  - <<: *d\n    name: b\n`, 'duplicate-key')).toEqual([]);
  });

  it('warns at the second occurrence, naming the line of the lost first one', () => {
    expect(findingsOf(`${H}coreos:\n  update:\n    group: beta\n\ncoreos:\n  units: []\n`, 'duplicate-key', 'coreos')).toEqual([
      { kind: 'warning', message: 'duplicate key "coreos": the first value, at line 2, is silently lost; merge the two into one', line: 6, column: 1, endLine: 6, endColumn: 7 },
    ]);
  });

  it('gives the first key as the place the message cites', () => {
    const [f] = fullFindingsOf(`${H}coreos:\n  update:\n    group: beta\n\ncoreos:\n  units: []\n`, 'duplicate-key', 'coreos');
    expect(f.related).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 7, from: 14, to: 20, message: 'the key given first, whose value is lost' });
    const [refused] = fullFindingsOf(`${H}users:\n  - name: a\n    shell: /bin/sh\n    "name": b\n`, 'duplicate-key', 'flatcar');
    expect(refused.related).toEqual({ line: 3, column: 5, endLine: 3, endColumn: 9, from: 25, to: 29, message: 'the key given first' });
  });

  it('quotes the key as written, and reports a duplicate inside an aliased mapping once', () => {
    expect(findingsOf(`${H}a: &u {"name": x, "name": y}\nusers:\n  - *u\n`, 'duplicate-key', 'coreos')).toEqual([
      { kind: 'warning', message: 'duplicate key "name": the first value, at line 2, is silently lost; merge the two into one', line: 2, column: 19, endLine: 2, endColumn: 25 },
    ]);
  });

  describe('on Flatcar', () => {
    const flatcar = (text: string) => allFindingsOf(text, 'duplicate-key', 'flatcar');

    it('are errors that reject the whole file where the decoder reads the mapping', () => {
      expect(flatcar(`${H}coreos:\n  update:\n    group: beta\n\ncoreos:\n  units: []\n`)).toEqual([
        { kind: 'error', message: 'Flatcar rejects the whole file at boot: mapping key "coreos" already defined at line 2; merge the two into one', line: 6, column: 1, endLine: 6, endColumn: 7 },
      ]);
      expect(flatcar(`${H}users:\n  - name: a\n    shell: /bin/sh\n    "name": b\n`)).toEqual([
        { kind: 'error', message: 'Flatcar rejects the whole file at boot: mapping key "name" already defined at line 3; merge the two into one', line: 5, column: 5, endLine: 5, endColumn: 11 },
      ]);
    });

    it('count an aliased mapping where the decoder reads it through the alias', () => {
      expect(flatcar(`${H}a: &u {"name": x, "name": y}\nusers:\n  - *u\n`)).toEqual([
        { kind: 'error', message: 'Flatcar rejects the whole file at boot: mapping key "name" already defined at line 2; merge the two into one', line: 2, column: 19, endLine: 2, endColumn: 25 },
      ]);
    });

    it('stay warnings under keys the decoder skips', () => {
      expect(flatcar(`${H}extra:\n  a: 1\n  a: 2\n`)).toEqual([
        { kind: 'warning', message: 'duplicate key "a": the first value, at line 3, is silently lost; merge the two into one', line: 4, column: 3, endLine: 4, endColumn: 4 },
      ]);
    });
  });
});
