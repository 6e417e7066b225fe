import { describe, expect, it } from 'vitest';
import { isGoTimestamp, resolvePlain, resolvePlainV3, resolveV1, resolveV3 } from './go-scalar';

/**
 * Table tests of scalar resolution, entry by entry from the libraries' resolve.go: the
 * resolveMap lists of coreos/yaml (vendored by coreos-cloudinit at f1f0405) and of yaml.v3
 * v3.0.1 (Flatcar), the numeric forms their ParseInt/ParseFloat calls accept, and what an
 * explicit tag does to each.
 */

type Row = [text: string, kind: string, value: unknown, tag: string];

/** coreos/yaml resolveMapList, every word. */
const V1_MAP: Row[] = [
  ...'y Y yes Yes YES true True TRUE on On ON'.split(' ').map((w): Row => [w, 'bool', true, '!!bool']),
  ...'n N no No NO false False FALSE off Off OFF'.split(' ').map((w): Row => [w, 'bool', false, '!!bool']),
  ...['', '~', 'null', 'Null', 'NULL'].map((w): Row => [w, 'null', null, '!!null']),
  ...'.nan .NaN .NAN'.split(' ').map((w): Row => [w, 'float', NaN, '!!float']),
  ...'.inf .Inf .INF +.inf +.Inf +.INF'.split(' ').map((w): Row => [w, 'float', Infinity, '!!float']),
  ...'-.inf -.Inf -.INF'.split(' ').map((w): Row => [w, 'float', -Infinity, '!!float']),
];

/** yaml.v3 resolveMapList, every word. */
const V3_MAP: Row[] = [
  ...'true True TRUE'.split(' ').map((w): Row => [w, 'bool', true, '!!bool']),
  ...'false False FALSE'.split(' ').map((w): Row => [w, 'bool', false, '!!bool']),
  ...V1_MAP.filter(([, kind]) => kind === 'null' || kind === 'float'),
];

/** Near misses of the map: other spellings, and the YAML 1.1 words yaml.v3 dropped. */
const V1_WORDS_NOT_IN_MAP: Row[] = ['yES', 'tRUE', 'oN', 'nULL', '.nAn', '.Nan', '.iNF', 'Yes!', 'onion', 'nil', 'None', 'inf', 'nan', '.infinity'].map(
  (w): Row => [w, 'str', w, '!!str'],
);
const V3_WORDS_NOT_IN_MAP: Row[] = [
  ...V1_WORDS_NOT_IN_MAP,
  ...'y Y yes Yes YES on On ON n N no No NO off Off OFF'.split(' ').map((w): Row => [w, 'str', w, '!!str']),
];

/** Numbers both read alike (ParseInt base 0 on the text without `_`, then ParseFloat). */
const NUMBERS: Row[] = [
  ['0', 'int', 0, '!!int'],
  ['-0', 'int', 0, '!!int'],
  ['+12', 'int', 12, '!!int'],
  ['-12', 'int', -12, '!!int'],
  ['0744', 'int', 484, '!!int'],
  ['0x1F', 'int', 31, '!!int'],
  ['0X1f', 'int', 31, '!!int'],
  ['-0x10', 'int', -16, '!!int'],
  ['0o17', 'int', 15, '!!int'],
  ['0O17', 'int', 15, '!!int'],
  ['0b101', 'int', 5, '!!int'],
  ['-0b101', 'int', -5, '!!int'],
  ['1_000', 'int', 1000, '!!int'],
  ['1__0_', 'int', 10, '!!int'],
  ['_1', 'str', '_1', '!!str'],
  ['9223372036854775807', 'int', 9223372036854775807, '!!int'],
  ['-9223372036854775808', 'int', -9223372036854775808, '!!int'],
  ['08', 'float', 8, '!!float'],
  ['0999', 'float', 999, '!!float'],
  ['1.5', 'float', 1.5, '!!float'],
  ['1.', 'float', 1, '!!float'],
  ['.5', 'float', 0.5, '!!float'],
  ['-.5', 'float', -0.5, '!!float'],
  ['+.5e1', 'float', 5, '!!float'],
  ['1e3', 'float', 1000, '!!float'],
  ['1E3', 'float', 1000, '!!float'],
  ['1.e3', 'float', 1000, '!!float'],
  ['1e-3', 'float', 0.001, '!!float'],
  ['1_0.5', 'float', 10.5, '!!float'],
  ['1e1_0', 'float', 1e10, '!!float'],
  ['.5_5', 'float', 0.55, '!!float'],
  ['1e400', 'str', '1e400', '!!str'],
  ['1e-400', 'float', 0, '!!float'],
  ['.', 'str', '.', '!!str'],
  ['._5', 'str', '._5', '!!str'],
  ['.e3', 'str', '.e3', '!!str'],
  ['+', 'str', '+', '!!str'],
  ['1e', 'str', '1e', '!!str'],
  ['0x', 'str', '0x', '!!str'],
  ['0b2', 'str', '0b2', '!!str'],
  ['1.2.3', 'str', '1.2.3', '!!str'],
  ['1:30', 'str', '1:30', '!!str'],
  ['190:20:30', 'str', '190:20:30', '!!str'],
  ['+nan', 'str', '+nan', '!!str'],
  ['+.nan', 'str', '+.nan', '!!str'],
  ['12abc', 'str', '12abc', '!!str'],
  ['hello', 'str', 'hello', '!!str'],
  // No hint for '<': resolve() leaves `<<` a string (the merge key is the parser's, see below).
  ['<<', 'str', '<<', '!!str'],
];

/** Where the two differ: what go-yaml v1's ParseFloat takes and yaml.v3's YAML float syntax refuses, and timestamps. */
const V1_ONLY: Row[] = [
  ['0x1p3', 'float', 8, '!!float'],
  ['-0x1.8p1', 'float', -3, '!!float'],
  ['+inf', 'float', Infinity, '!!float'],
  ['-Infinity', 'float', -Infinity, '!!float'],
  ['+INF', 'float', Infinity, '!!float'],
  ['9223372036854775808', 'float', 9223372036854775808, '!!float'],
  ['18446744073709551616', 'float', 18446744073709551616, '!!float'],
  ['2001-12-14', 'str', '2001-12-14', '!!str'],
];
const V3_ONLY: Row[] = [
  ['0x1p3', 'str', '0x1p3', '!!str'],
  ['-0x1.8p1', 'str', '-0x1.8p1', '!!str'],
  ['+inf', 'str', '+inf', '!!str'],
  ['-Infinity', 'str', '-Infinity', '!!str'],
  ['+INF', 'str', '+INF', '!!str'],
  ['18446744073709551616', 'float', 18446744073709551616, '!!float'],
  ['2001-12-14', 'timestamp', '2001-12-14', '!!timestamp'],
  ['2001-12-14T21:59:43.10Z', 'timestamp', '2001-12-14T21:59:43.10Z', '!!timestamp'],
  ['2001-12-14t21:59:43+02:00', 'timestamp', '2001-12-14t21:59:43+02:00', '!!timestamp'],
  ['2001-12-14 21:59:43.10', 'timestamp', '2001-12-14 21:59:43.10', '!!timestamp'],
  ['2001-12-14 21:59:43.10 -5', 'str', '2001-12-14 21:59:43.10 -5', '!!str'],
  ['2001-02-30', 'str', '2001-02-30', '!!str'],
  ['-2001-12-14', 'str', '-2001-12-14', '!!str'],
];

const out = ([, kind, value, tag]: Row) => ({ kind, value, tag });

describe('go-yaml v1 (coreos/yaml) resolve of a plain scalar', () => {
  it.each([...V1_MAP, ...V1_WORDS_NOT_IN_MAP, ...NUMBERS, ...V1_ONLY])('%j → %s %j', (...row) => {
    expect(resolveV1('', row[0])).toEqual(out(row));
    if (row[0] !== '<<') expect(resolvePlain(row[0])).toEqual({ kind: row[1], value: row[2] });
  });

  it('takes a plain `<<` for the merge key', () => {
    expect(resolvePlain('<<')).toEqual({ kind: 'merge', value: '<<' });
    expect(resolvePlainV3('<<')).toEqual({ kind: 'merge', value: '<<', tag: '!!merge' });
  });

  it('reads keys like values: `y` and `n` are booleans there too', () => {
    expect(resolvePlain('y')).toEqual({ kind: 'bool', value: true });
    expect(resolvePlain('N')).toEqual({ kind: 'bool', value: false });
  });

  it('reads long digit runs as Go does (a float with many digits, or no number at all)', () => {
    const digits = '1'.repeat(40_000);
    expect(resolvePlain(`${digits}.5`).kind).toBe('str'); // out of range, Go's ErrRange
    expect(resolvePlain(`0.${digits}e-3`)).toMatchObject({ kind: 'float' });
    expect(resolvePlain(`${'0'.repeat(40_000)}"168.0.0"`).kind).toBe('str');
  });
});

describe('yaml.v3 resolve of a plain scalar (Flatcar)', () => {
  it.each([...V3_MAP, ...V3_WORDS_NOT_IN_MAP, ...NUMBERS, ...V3_ONLY])('%j → %s %j', (...row) => {
    expect(resolveV3('', row[0])).toEqual(out(row));
    if (row[0] !== '<<') expect(resolvePlainV3(row[0])).toEqual(out(row));
  });

  it('tells an integer past int64 (a Go uint64) apart, exactly', () => {
    expect(resolvePlainV3('18446744073709551615')).toEqual({ kind: 'int', value: 18446744073709551615, tag: '!!int', uint64: true });
    expect(resolvePlainV3('9223372036854775808')).toEqual({ kind: 'int', value: 9223372036854775808, tag: '!!int', uint64: true });
    expect(resolvePlainV3('0xFFFFFFFFFFFFFFFF')).toMatchObject({ kind: 'int', uint64: true });
    expect(resolvePlainV3('-9223372036854775809')).toEqual({ kind: 'float', value: -9223372036854775809, tag: '!!float' });
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

const refused = (resolved: string, text: string, tag: string) => ({ refused: `cannot decode ${resolved} \`${text}\` as a ${tag}` });

describe('an explicit tag: go-yaml v1', () => {
  it.each<[string, string, unknown]>([
    ['!!str', '12', { kind: 'str', value: '12', tag: '!!str' }],
    ['!!str', 'yes', { kind: 'str', value: 'yes', tag: '!!str' }],
    ['!!str', '~', { kind: 'str', value: '~', tag: '!!str' }],
    ['!!int', '12', { kind: 'int', value: 12, tag: '!!int' }],
    ['!!int', '0x1F', { kind: 'int', value: 31, tag: '!!int' }],
    ['!!bool', 'yes', { kind: 'bool', value: true, tag: '!!bool' }],
    ['!!bool', 'off', { kind: 'bool', value: false, tag: '!!bool' }],
    ['!!float', '1.5', { kind: 'float', value: 1.5, tag: '!!float' }],
    ['!!float', '.inf', { kind: 'float', value: Infinity, tag: '!!float' }],
    ['!!null', '~', { kind: 'null', value: null, tag: '!!null' }],
    ['!!null', '', { kind: 'null', value: null, tag: '!!null' }],
    // An int is not a float to v1.
    ['!!float', '1', refused('!!int', '1', '!!float')],
    ['!!int', '1.5', refused('!!float', '1.5', '!!int')],
    ['!!int', 'ten', refused('!!str', 'ten', '!!int')],
    ['!!int', 'yes', refused('!!bool', 'yes', '!!int')],
    ['!!int', '', refused('!!null', '', '!!int')],
    ['!!bool', 'maybe', refused('!!str', 'maybe', '!!bool')],
    ['!!bool', '1', refused('!!int', '1', '!!bool')],
    ['!!bool', '~', refused('!!null', '~', '!!bool')],
    ['!!null', 'none', refused('!!str', 'none', '!!null')],
    ['!!null', 'false', refused('!!bool', 'false', '!!null')],
    ['!!float', '2001-12-14', refused('!!str', '2001-12-14', '!!float')],
    // Tags v1 does not resolve keep the text as a string; `!` is one of them.
    ['!', '12', { kind: 'str', value: '12', tag: '!' }],
    ['!', 'true', { kind: 'str', value: 'true', tag: '!' }],
    ['!!timestamp', '2001-12-14', { kind: 'str', value: '2001-12-14', tag: '!!timestamp' }],
    ['!!timestamp', 'whenever', { kind: 'str', value: 'whenever', tag: '!!timestamp' }],
    ['!!map', '12', { kind: 'str', value: '12', tag: '!!map' }],
    ['!local', 'x', { kind: 'str', value: 'x', tag: '!local' }],
    ['tag:example.com,2000:app/foo', '1', { kind: 'str', value: '1', tag: 'tag:example.com,2000:app/foo' }],
    ['!!merge', '<<', { kind: 'merge', value: '<<', tag: '!!merge' }],
  ])('%s %j', (tag, text, want) => {
    expect(resolveV1(tag, text)).toEqual(want);
  });
});

describe('an explicit tag: yaml.v3', () => {
  it.each<[string, string, unknown]>([
    ['!!str', '12', { kind: 'str', value: '12', tag: '!!str' }],
    ['!!int', '12', { kind: 'int', value: 12, tag: '!!int' }],
    ['!!bool', 'true', { kind: 'bool', value: true, tag: '!!bool' }],
    ['!!null', 'Null', { kind: 'null', value: null, tag: '!!null' }],
    // An int is a float to v3, unless past int64.
    ['!!float', '1', { kind: 'float', value: 1, tag: '!!float' }],
    ['!!float', '-0x10', { kind: 'float', value: -16, tag: '!!float' }],
    ['!!float', '18446744073709551615', refused('!!int', '18446744073709551615', '!!float')],
    ['!!int', '1.5', refused('!!float', '1.5', '!!int')],
    ['!!int', 'ten', refused('!!str', 'ten', '!!int')],
    ['!!bool', 'yes', refused('!!str', 'yes', '!!bool')],
    ['!!bool', '1', refused('!!int', '1', '!!bool')],
    ['!!null', 'false', refused('!!bool', 'false', '!!null')],
    ['!!int', '', refused('!!null', '', '!!int')],
    ['!!float', '0x1p3', refused('!!str', '0x1p3', '!!float')],
    // Timestamps resolve only without a tag or under !!timestamp.
    ['!!timestamp', '2001-12-14', { kind: 'timestamp', value: '2001-12-14', tag: '!!timestamp' }],
    ['!!timestamp', '12', refused('!!int', '12', '!!timestamp')],
    ['!!timestamp', 'whenever', refused('!!str', 'whenever', '!!timestamp')],
    ['!!int', '2001-12-14', refused('!!str', '2001-12-14', '!!int')],
    ['!!float', '2001-12-14', refused('!!str', '2001-12-14', '!!float')],
    // Tags v3 does not resolve keep the text as a string.
    ['!!map', '12', { kind: 'str', value: '12', tag: '!!map' }],
    ['!local', 'x', { kind: 'str', value: 'x', tag: '!local' }],
    ['!!merge', '<<', { kind: 'merge', value: '<<', tag: '!!merge' }],
  ])('%s %j', (tag, text, want) => {
    expect(resolveV3(tag, text)).toEqual(want);
  });
});
