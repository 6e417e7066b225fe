import { describe, expect, it } from 'vitest';
import { goParseFloat, goParseInt, resolvePlain } from './go-scalar';

describe('go-yaml v1 plain scalar resolution', () => {
  it.each([
    ['on', 'bool', true],
    ['Off', 'bool', false],
    ['yes', 'bool', true],
    ['NO', 'bool', false],
    ['y', 'bool', true],
    ['~', 'null', null],
    ['', 'null', null],
    ['0744', 'int', 484],
    ['0x1F', 'int', 31],
    ['1_000', 'int', 1000],
    ['-12', 'int', -12],
    ['08', 'float', 8],
    ['1.5', 'float', 1.5],
    ['.5', 'float', 0.5],
    ['1e3', 'float', 1000],
    ['.inf', 'float', Infinity],
    ['1.2.3', 'str', '1.2.3'],
    ['onion', 'str', 'onion'],
    ['2014-01-01', 'str', '2014-01-01'],
  ])('%s resolves to %s', (text, kind, value) => {
    expect(resolvePlain(text, false)).toEqual({ kind, value });
  });

  it('keeps y and n as strings in keys', () => {
    expect(resolvePlain('y', true)).toEqual({ kind: 'str', value: 'y' });
    expect(resolvePlain('yes', true)).toEqual({ kind: 'bool', value: true });
  });

  it('parses like Go strconv', () => {
    expect(goParseInt('0o17')).toBe(15);
    expect(goParseInt('9223372036854775808')).toBeUndefined();
    expect(goParseFloat('1e999')).toBeUndefined();
    expect(goParseFloat('-Infinity')).toBe(-Infinity);
  });

  it('reads long digit runs as Go does (a float with many digits, or no number at all)', () => {
    const digits = '1'.repeat(40_000);
    expect(goParseFloat(`${digits}.5`)).toBeUndefined(); // out of range, Go's ErrRange
    expect(goParseFloat(`0.${digits}e-3`)).toBeCloseTo(0.000111, 6);
    expect(goParseFloat(`${'0'.repeat(40_000)}"168.0.0"`)).toBeUndefined();
    expect(resolvePlain(`${'0'.repeat(40_000)}"168.0.0"`, false).kind).toBe('str');
  });
});
