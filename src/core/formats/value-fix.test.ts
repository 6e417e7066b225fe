import { describe, expect, it } from 'vitest';
import { readJson, type JsonNode } from './ignition/json-reader';
import { buildTreeFromLibyaml } from '../yaml/libyaml/tree';
import { YAML_V3_READING } from '../yaml/flavour';
import { Octal } from '../convert/yaml-emit';
import { jsonValueFix, yamlValueFix } from './value-fix';

const jsonValue = (text: string): JsonNode => {
  const r = readJson(text);
  if (!r.ok || r.root.type !== 'object') throw new Error('not an object');
  return r.root.members[0].value;
};
const yamlValue = (text: string, n = 0) => buildTreeFromLibyaml(text, 100_000, YAML_V3_READING).root.children[n];

describe('value fixes', () => {
  it('replace a JSON token only while it holds the judged value', () => {
    const text = '{"a": "x\\u0079"}';
    expect(jsonValueFix(jsonValue(text), { title: 't', value: '/xy', was: 'xy' })).toEqual({ title: 't', from: 6, to: 15, insert: '"/xy"' });
    expect(jsonValueFix(jsonValue(text), { title: 't', value: '/xy', was: 'other' })).toBeUndefined();
    expect(jsonValueFix(jsonValue('{"a": 644}'), { title: 't', value: new Octal(0o644), was: 644 })?.insert).toBe('420');
  });
  it('write YAML in the token\'s own quoting, a mode in octal', () => {
    expect(yamlValueFix('a: x\n', yamlValue('a: x\n'), { title: 't', value: '/x', was: 'x' })).toEqual({ title: 't', from: 3, to: 4, insert: '/x' });
    expect(yamlValueFix("a: 'it''s'\n", yamlValue("a: 'it''s'\n"), { title: 't', value: "/it's", was: "it's" })?.insert).toBe("'/it''s'");
    expect(yamlValueFix('a: "x"\n', yamlValue('a: "x"\n'), { title: 't', value: 'a"b', was: 'x' })?.insert).toBe('"a\\"b"');
    // A plain scalar that YAML would read as something else gets quotes.
    expect(yamlValueFix('a: x\n', yamlValue('a: x\n'), { title: 't', value: 'true', was: 'x' })?.insert).toBe('"true"');
    expect(yamlValueFix('a: !!str x\n', yamlValue('a: !!str x\n'), { title: 't', value: '/x', was: 'x' })).toEqual({ title: 't', from: 9, to: 10, insert: '/x' });
    expect(yamlValueFix('a: 644\n', yamlValue('a: 644\n'), { title: 't', value: new Octal(0o644), was: 644 })?.insert).toBe('0644');
  });
  it('leave YAML it cannot rewrite in one piece alone, and a token holding another value', () => {
    expect(yamlValueFix('a: >-\n  x\n', yamlValue('a: >-\n  x\n'), { title: 't', value: '/x', was: 'x' })).toBeUndefined();
    expect(yamlValueFix('a: &x x\nb: *x\n', yamlValue('a: &x x\nb: *x\n', 1), { title: 't', value: '/x', was: 'x' })).toBeUndefined();
    expect(yamlValueFix('a: x\n', yamlValue('a: x\n'), { title: 't', value: '/y', was: 'y' })).toBeUndefined();
  });
});
