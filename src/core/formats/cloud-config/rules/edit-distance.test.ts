import { describe, expect, it } from 'vitest';
import { closest, editDistance } from './edit-distance';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('reboot_stratgy', 'reboot_strategy')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('closest', () => {
  it('finds a near miss within a threshold that grows with length, ignoring case', () => {
    expect(closest('unitz', ['units', 'update'])).toBe('units');
    expect(closest('Unit', ['Unit', 'Service'])).toBe('Unit');
    expect(closest('xyz', ['units', 'update'])).toBeUndefined();
    expect(closest('ab', ['cd'])).toBeUndefined();
  });

  it('takes no word far longer or shorter than every candidate for a typo', () => {
    expect(closest('etcd-lock'.repeat(20_000), ['etcd-lock', 'reboot', 'off'])).toBeUndefined();
    expect(closest('etcd-lockk', ['etcd-lock', 'reboot', 'off'])).toBe('etcd-lock');
    expect(closest('of', ['etcd-lock', 'reboot', 'off'])).toBe('off');
  });
});
