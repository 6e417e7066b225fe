import { describe, expect, it } from 'vitest';
import { goParseFloat, goParseInt, goParseUint } from './strconv';

describe('strconv.ParseInt(s, 0, 64)', () => {
  it.each<[string, number | undefined]>([
    ['0', 0],
    ['-0', 0],
    ['+7', 7],
    ['0744', 484],
    ['0x1F', 31],
    ['0X1f', 31],
    ['-0x10', -16],
    ['0o17', 15],
    ['0O17', 15],
    ['0b101', 5],
    ['0B101', 5],
    ['-0b101', -5],
    ['9223372036854775807', 9223372036854775807],
    ['-9223372036854775808', -9223372036854775808],
    ['9223372036854775808', undefined],
    ['08', undefined],
    ['0x', undefined],
    ['0b', undefined],
    ['0o8', undefined],
    ['+-1', undefined],
    ['1.0', undefined],
    ['', undefined],
  ])('%j → %s', (s, want) => {
    expect(goParseInt(s)).toBe(want);
  });
});

describe('strconv.ParseUint(s, 0, 64)', () => {
  it.each<[string, number | undefined]>([
    ['18446744073709551615', 18446744073709551615],
    ['0xFFFFFFFFFFFFFFFF', 18446744073709551615],
    ['18446744073709551616', undefined],
    ['+1', undefined],
    ['-1', undefined],
  ])('%j → %s', (s, want) => {
    expect(goParseUint(s)).toBe(want);
  });
});

describe('strconv.ParseFloat(s, 64)', () => {
  it.each<[string, number | undefined]>([
    ['1', 1],
    ['1.', 1],
    ['.5', 0.5],
    ['-.5e1', -5],
    ['1E3', 1000],
    ['08', 8],
    ['1_000.5', 1000.5],
    ['.5_5', 0.55],
    ['1e1_0', 1e10],
    ['_1', undefined],
    ['1_', undefined],
    ['1__0', undefined],
    ['._5', undefined],
    ['1._5', undefined],
    ['inf', Infinity],
    ['+Inf', Infinity],
    ['-INFINITY', -Infinity],
    ['infin', undefined],
    ['NaN', NaN],
    ['+nan', undefined],
    ['0x1p3', 8],
    ['0X1P3', 8],
    ['0x1.8p1', 3],
    ['-0x.8p1', -1],
    ['0x_1p0', 1],
    ['0x1', undefined],
    ['0xp1', undefined],
    ['0x1p', undefined],
    ['1e308', 1e308],
    ['1e309', undefined],
    ['0x1p1024', undefined],
    ['1e-400', 0],
    ['0e99999', 0],
    ['1e', undefined],
    ['1e+', undefined],
    ['.', undefined],
    ['', undefined],
    ['1.2.3', undefined],
    ['0b1', undefined],
  ])('%j → %s', (s, want) => {
    expect(goParseFloat(s)).toBe(want);
  });

  it('reads long digit runs in linear time, out of range as Go does', () => {
    const digits = '1'.repeat(40_000);
    expect(goParseFloat(`${digits}.5`)).toBeUndefined();
    expect(goParseFloat(`0.${digits}e-3`)).toBeCloseTo(0.000111, 6);
    expect(goParseFloat(`${'0'.repeat(40_000)}"168.0.0"`)).toBeUndefined();
  });
});
