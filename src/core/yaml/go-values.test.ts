import { describe, expect, it } from 'vitest';
import type { Target } from '../types';
import { validate } from '../validate';
import { goFloat, goKeyName } from './tree';

/** How the reference's Go prints decoded values: fmt's %v of a float64 and %s of a map key. */

describe("goFloat: fmt's %v of a float64", () => {
  it.each<[number, string]>([
    [1000, '1000'],
    [999999, '999999'],
    [999999.5, '999999.5'],
    [123456.789, '123456.789'],
    [1e6, '1e+06'],
    [-1234567, '-1.234567e+06'],
    [12345678912345678, '1.2345678912345678e+16'],
    [9223372036854775807, '9.223372036854776e+18'],
    [1e21, '1e+21'],
    [0.0001, '0.0001'],
    [0.00015, '0.00015'],
    [9.9e-5, '9.9e-05'],
    [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [-0, '-0'],
    [NaN, 'NaN'],
    [-Infinity, '-Inf'],
  ])('%s → %s', (v, want) => {
    expect(goFloat(v)).toBe(want);
  });
});

describe("goKeyName: fmt's %s of a key that is not a string", () => {
  it('prints every digit of an int past 2^53, and yaml.v3 uint64s as uint64', () => {
    expect(goKeyName('int', 9223372036854775807, '9223372036854775807')).toBe('%!s(int=9223372036854775807)');
    expect(goKeyName('int', -9223372036854775808, '-0x8000_0000_0000_0000')).toBe('%!s(int=-9223372036854775808)');
    expect(goKeyName('int', 18446744073709551615, '0xFFFFFFFFFFFFFFFF', true)).toBe('%!s(uint64=18446744073709551615)');
    expect(goKeyName('int', 12, '0xC')).toBe('%!s(int=12)');
  });
});

const H = '#cloud-config\n';
const at = (body: string, target: Target) =>
  validate(H + body, { rules: 'reference', target }).entries.map((e) => [e.line, e.column, e.endColumn, e.kind, e.message] as const);

describe('numbers in keys and fields, as the validators print them', () => {
  it('a large int or float key', () => {
    expect(at('1234567.5: x\n', 'coreos')).toEqual([[0, 0, 0, 'warning', 'unrecognized key "%!s(float64=1.2345675e+06)"']]);
    expect(at('9223372036854775807: x\n', 'flatcar')).toEqual([[0, 0, 0, 'warning', 'unrecognized key "%!s(int=9223372036854775807)"']]);
    expect(at('9223372036854775808: x\n', 'coreos')).toEqual([[0, 0, 0, 'warning', 'unrecognized key "%!s(float64=9.223372036854776e+18)"']]);
    expect(at('9223372036854775808: x\n', 'flatcar')).toEqual([[0, 0, 0, 'warning', 'unrecognized key "%!s(uint64=9223372036854775808)"']]);
  });

  it("-.inf reaches an int field in yaml.v3 (Go's int64 of it), so Flatcar's validator only warns", () => {
    const body = 'coreos:\n  fleet:\n    verbosity: -.inf\n';
    const warnings = [
      [3, 3, 8, 'warning', 'deprecated key "fleet" (fleet is no longer shipped in Container Linux)'],
      [4, 16, 21, 'warning', 'incorrect type for "verbosity" (want int)'],
    ];
    expect(at(body, 'coreos')).toEqual(warnings);
    expect(at(body, 'flatcar')).toEqual(warnings);
    // NaN and +Inf do not.
    expect(at('coreos:\n  fleet:\n    verbosity: .nan\n', 'flatcar')).toEqual([[4, 16, 20, 'error', 'cannot unmarshal !!float `.nan` into int']]);
    expect(at('coreos:\n  fleet:\n    verbosity: .inf\n', 'flatcar')).toEqual([[4, 16, 20, 'error', 'cannot unmarshal !!float `.inf` into int']]);
  });
});
