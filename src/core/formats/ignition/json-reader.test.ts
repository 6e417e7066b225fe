import { describe, expect, it } from 'vitest';
import { markerOffset, readJson } from './json-reader';

const error = (text: string) => {
  const r = readJson(text);
  if (r.ok) throw new Error('expected a syntax error');
  return r.error;
};

describe('readJson: syntax errors as Go\'s encoding/json words and places them', () => {
  it.each([
    // [text, message, offset of the refused character]
    ['{"a": 1 "b": 2}', 'invalid character \'"\' after object key:value pair', 8],
    ["{'a': 1}", "invalid character '\\'' looking for beginning of object key string", 1],
    ['[1, ]', "invalid character ']' looking for beginning of value", 4],
    ['{"a" 1}', "invalid character '1' after object key", 5],
    ['[1 2]', "invalid character '2' after array element", 3],
    ['{} x', "invalid character 'x' after top-level value", 3],
    ['[tru]', "invalid character ']' in literal true (expecting 'e')", 4],
    ['[nul]', "invalid character ']' in literal null (expecting 'l')", 4],
    ['[-]', "invalid character ']' in numeric literal", 2],
    ['[1.]', "invalid character ']' after decimal point in numeric literal", 3],
    ['[1e]', "invalid character ']' in exponent of numeric literal", 3],
    ['[01]', "invalid character '1' after array element", 2],
    ['["a\tb"]', "invalid character '\\t' in string literal", 3],
    ['["\\x"]', "invalid character 'x' in string escape code", 3],
    ['["\\u12g4"]', "invalid character 'g' in \\u hexadecimal character escape", 6],
    ['\ufeff{}', "invalid character 'ï' looking for beginning of value", 0],
  ])('%j: %s', (text, message, at) => {
    expect(error(text)).toEqual({ message, at, goOffset: at + 1 });
  });

  it('reports the end of input at the text length', () => {
    expect(error('{"a": [1')).toEqual({ message: 'unexpected end of JSON input', at: 8, goOffset: 8 });
    expect(error('')).toEqual({ message: 'unexpected end of JSON input', at: 0, goOffset: 0 });
  });

  it('refuses nesting deeper than Go does, without recursion', () => {
    expect(error('['.repeat(10001)).message).toBe('exceeded max depth');
    expect(error('['.repeat(10000)).message).toBe('unexpected end of JSON input');
  });
});

describe('readJson: the tree and its markers', () => {
  it('keeps members in order, duplicates included, with key and value offsets', () => {
    const r = readJson('{"a": {"b": [1, "x"]}, "a": null}');
    expect(r.ok).toBe(true);
    if (!r.ok || r.root.type !== 'object') return;
    expect(r.root.members.map((m) => [m.key, m.keyStart, m.keyEnd, m.value.start])).toEqual([
      ['a', 1, 4, 6],
      ['a', 23, 26, 28],
    ]);
    const inner = r.root.members[0].value;
    // coreos/go-json marks objects and arrays just inside their bracket, scalars at their start.
    expect(markerOffset(inner)).toBe(7);
    expect(markerOffset(r.root.members[1].value)).toBe(28);
  });

  it('decodes escapes', () => {
    const r = readJson('"a\\n\\u00e9\\"\\/"');
    expect(r.ok && r.root.type === 'string' && r.root.value).toBe('a\né"/');
  });
});
