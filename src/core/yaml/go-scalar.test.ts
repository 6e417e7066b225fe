import { describe, expect, it } from 'vitest';
import { goParseFloat, goParseInt, isGoTimestamp, resolvePlain, resolvePlainV3 } from './go-scalar';

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

describe('yaml.v3 plain scalar resolution (Flatcar)', () => {
  it.each([
    ['on', 'str', 'on', '!!str'],
    ['yes', 'str', 'yes', '!!str'],
    ['y', 'str', 'y', '!!str'],
    ['off', 'str', 'off', '!!str'],
    ['true', 'bool', true, '!!bool'],
    ['FALSE', 'bool', false, '!!bool'],
    ['~', 'null', null, '!!null'],
    ['', 'null', null, '!!null'],
    ['0744', 'int', 484, '!!int'],
    ['0o17', 'int', 15, '!!int'],
    ['0b101', 'int', 5, '!!int'],
    ['1_000', 'int', 1000, '!!int'],
    ['0999', 'float', 999, '!!float'],
    ['1e3', 'float', 1000, '!!float'],
    ['.5', 'float', 0.5, '!!float'],
    ['+.inf', 'float', Infinity, '!!float'],
    ['<<', 'merge', '<<', '!!merge'],
    ['2001-12-14', 'timestamp', '2001-12-14', '!!timestamp'],
    ['2001-12-14T21:59:43.10Z', 'timestamp', '2001-12-14T21:59:43.10Z', '!!timestamp'],
    ['2001-12-14 21:59:43.10', 'timestamp', '2001-12-14 21:59:43.10', '!!timestamp'],
    ['2001-12-14 21:59:43.10 -5', 'str', '2001-12-14 21:59:43.10 -5', '!!str'],
    ['2001-02-30', 'str', '2001-02-30', '!!str'],
    ['1.2.3', 'str', '1.2.3', '!!str'],
  ])('%s', (text, kind, value, tag) => {
    expect(resolvePlainV3(text)).toEqual({ kind, value, tag });
  });

  it('tells an integer past int64 (a Go uint64) apart, exactly', () => {
    expect(resolvePlainV3('18446744073709551615')).toEqual({ kind: 'int', value: 18446744073709551615, tag: '!!int', uint64: true });
    expect(resolvePlainV3('9223372036854775808')).toMatchObject({ uint64: true });
    expect(resolvePlainV3('9223372036854775807')).toEqual({ kind: 'int', value: 9223372036854775807, tag: '!!int' });
    expect(resolvePlainV3('18446744073709551616')).toEqual({ kind: 'float', value: 18446744073709551616, tag: '!!float' });
  });

  it("checks dates as Go's time.Parse does", () => {
    expect(isGoTimestamp('2024-2-29')).toBe(true);
    expect(isGoTimestamp('2023-2-29')).toBe(false);
    expect(isGoTimestamp('2024-13-01')).toBe(false);
    expect(isGoTimestamp('2024-01-01T24:00:00Z')).toBe(false);
    // The "T" layouts need a zone, the space layout takes none.
    expect(isGoTimestamp('2024-01-01T10:00:00')).toBe(false);
    expect(isGoTimestamp('2024-01-01 10:00:00Z')).toBe(false);
    expect(isGoTimestamp('2024-01-01t10:00:00+02:00')).toBe(true);
  });
});
