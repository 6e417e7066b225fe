import { describe, expect, it } from 'vitest';
import type { RuleSetName, Target } from '../types';
import { validate } from '../validate';

/**
 * Explicit tags as each target's decoder takes them: coreos/yaml (go-yaml v1) and yaml.v3 both
 * resolve a value under !!str/!!bool/!!int/!!float/!!null (yaml.v3 also !!timestamp) and stop
 * with "cannot decode ..." where it resolves to something else; the validator prints that at
 * line 1, then `incorrect type for ""`. The `all` set marks the tag itself.
 */

const H = '#cloud-config\n';
const at = (body: string, target: Target, rules: RuleSetName = 'reference') =>
  validate(H + body, { rules, target }).entries.map((e) => [e.line, e.column, e.endLine, e.endColumn, e.kind, e.message] as const);

/** The reference's report of a document its decoder refused. */
const refusedDoc = (message: string) => [
  [1, 1, 1, 14, 'error', message],
  [0, 0, 0, 0, 'warning', 'incorrect type for "" (want struct)'],
];

const UNIT = 'coreos:\n  units:\n    - name: a.service\n      enable: ';

describe('a value its explicit tag refuses', () => {
  it.each(['coreos', 'flatcar'] as const)('a word under !!int, a date under !!int, a key under !!int (%s)', (target) => {
    expect(at('hostname: !!int ten\n', target)).toEqual(refusedDoc('cannot decode !!str `ten` as a !!int'));
    // yaml.v3 reads timestamps only without a tag or under !!timestamp.
    expect(at('hostname: !!int 2001-01-01\n', target)).toEqual(refusedDoc('cannot decode !!str `2001-01-01` as a !!int'));
    expect(at('!!int x: 1\n', target)).toEqual(refusedDoc('cannot decode !!str `x` as a !!int'));
    expect(at('hostname: !!null x\n', target)).toEqual(refusedDoc('cannot decode !!str `x` as a !!null'));
    expect(at('hostname: !!bool 1\n', target)).toEqual(refusedDoc('cannot decode !!int `1` as a !!bool'));
    expect(at('hostname: !!int 1.5\n', target)).toEqual(refusedDoc('cannot decode !!float `1.5` as a !!int'));
  });

  it('an int under !!float: refused by go-yaml v1, a float to yaml.v3 (then the wrong type for a bool)', () => {
    expect(at(`${UNIT}!!float 1\n`, 'coreos')).toEqual(refusedDoc('cannot decode !!int `1` as a !!float'));
    expect(at(`${UNIT}!!float 1\n`, 'flatcar')).toEqual([[5, 23, 5, 24, 'error', 'cannot unmarshal !!float `1` into bool']]);
    // ...unless past int64.
    expect(at('hostname: !!float 18446744073709551615\n', 'coreos')).toEqual([]);
    expect(at('hostname: !!float 18446744073709551615\n', 'flatcar')).toEqual(
      refusedDoc('cannot decode !!int `18446744073709551615` as a !!float'),
    );
  });

  it('a YAML 1.1 word under !!bool: a bool to go-yaml v1, refused by yaml.v3', () => {
    expect(at(`${UNIT}!!bool yes\n`, 'coreos')).toEqual([]);
    expect(at(`${UNIT}!!bool yes\n`, 'flatcar')).toEqual(refusedDoc('cannot decode !!str `yes` as a !!bool'));
  });

  it('the all set marks the tag token', () => {
    const why = ': the value does not fit its explicit tag, and coreos-cloudinit refuses the whole file; remove the tag or fix the value';
    expect(at('hostname: !!int ten\n', 'coreos', 'all')).toEqual([[2, 11, 2, 16, 'error', 'cannot decode !!str `ten` as a !!int' + why]]);
    expect(at(`${UNIT}!!float 1\n`, 'coreos', 'all')).toEqual([[5, 15, 5, 22, 'error', 'cannot decode !!int `1` as a !!float' + why]]);
    expect(at('!<tag:yaml.org,2002:int> x: 1\n', 'coreos', 'all')).toEqual([[2, 1, 2, 25, 'error', 'cannot decode !!str `x` as a !!int' + why]]);
 
    // Per target: the all set reads tags as the target's library does.
    expect(at('hostname: !!float 1\n', 'coreos', 'all')).toEqual([[2, 11, 2, 18, 'error', 'cannot decode !!int `1` as a !!float' + why]]);
    expect(at('hostname: !!float 1\n', 'flatcar', 'all')).toEqual([]);
    const unit = 'coreos:\n  units:\n    - name: docker.service\n      enable: ';
    expect(at(`${unit}!!bool yes\n`, 'coreos', 'all')).toEqual([]);
    expect(at(`${unit}!!bool yes\n`, 'flatcar', 'all')).toEqual([[5, 15, 5, 21, 'error', 'cannot decode !!str `yes` as a !!bool' + why]]);
    expect(at(`${unit}!<!> true\n`, 'coreos', 'all')).toEqual([[5, 20, 5, 24, 'warning', 'incorrect type for "enable" (want bool)']]);
    expect(at(`${unit}!<!> true\n`, 'flatcar', 'all')).toEqual([]);
  });

  it('Butane, read with yaml.v3, takes an int under !!float', () => {
    const butane = 'variant: flatcar\nversion: 1.0.0\nstorage:\n  files:\n    - path: /etc/x\n      mode: !!float 420\n';
    for (const rules of ['reference', 'all'] as const) {
      const messages = validate(butane, { rules, target: 'flatcar' }).entries.map((e) => e.message);
      expect(messages).not.toContain('cannot decode !!int `420` as a !!float');
    }
  });
});

describe('a value its explicit tag takes', () => {
  it.each(['coreos', 'flatcar'] as const)('a quoted value under a scalar tag is resolved, not kept a string (%s)', (target) => {
    expect(at(`${UNIT}!!bool "true"\n`, target)).toEqual([]);
    expect(at(`${UNIT}!!bool "maybe"\n`, target)).toEqual(refusedDoc('cannot decode !!str `maybe` as a !!bool'));
    expect(at('a: !!null ""\nhostname: x\n', target)).toEqual([[2, 1, 2, 2, 'warning', 'unrecognized key "a"']]);
  });

  it('`!` keeps the text a string for go-yaml v1; yaml.v3 resolves it like no tag', () => {
    // go-yaml v1 reaches the tag `!` only written verbatim: its scanner refuses a lone `!`.
    expect(at(`${UNIT}!<!> true\n`, 'coreos')).toEqual([[5, 20, 5, 24, 'warning', 'incorrect type for "enable" (want bool)']]);
    expect(at(`${UNIT}!<!> true\n`, 'flatcar')).toEqual([]);
    expect(at(`${UNIT}! true\n`, 'flatcar')).toEqual([]);
  });

  it('a tag neither resolves keeps the text a string', () => {
    expect(at(`${UNIT}!foo true\n`, 'coreos')).toEqual([[5, 20, 5, 24, 'warning', 'incorrect type for "enable" (want bool)']]);
    // yaml.v3 prints the tag in its unmarshal error; a YAML 1.1 word still sets a bool field.
    expect(at(`${UNIT}!foo true\n`, 'flatcar')).toEqual([[5, 20, 5, 24, 'error', 'cannot unmarshal !foo `true` into bool']]);
    expect(at(`${UNIT}!foo yes\n`, 'flatcar')).toEqual([[5, 20, 5, 23, 'warning', 'incorrect type for "enable" (want bool)']]);
  });

  it('!!timestamp: a string to go-yaml v1, a time to yaml.v3 (not a string to its validator)', () => {
    expect(at('hostname: !!timestamp 2001-01-01\n', 'coreos')).toEqual([]);
    expect(at('hostname: !!timestamp 2001-01-01\n', 'flatcar')).toEqual([[2, 23, 2, 33, 'warning', 'incorrect type for "hostname" (want string)']]);
    expect(at('hostname: !!timestamp whenever\n', 'coreos')).toEqual([]);
    expect(at('hostname: !!timestamp whenever\n', 'flatcar')).toEqual(refusedDoc('cannot decode !!str `whenever` as a !!timestamp'));
  });

  it('!!str on a mapping: no decoder error; the struct field refuses it', () => {
    expect(at('hostname: !!str {a: 1}\n', 'coreos')).toEqual([[2, 17, 2, 23, 'warning', 'incorrect type for "hostname" (want string)']]);
    expect(at('hostname: !!str {a: 1}\n', 'flatcar')).toEqual([[2, 17, 2, 23, 'error', 'cannot unmarshal !!str `` into string']]);
  });
});

describe('!!binary', () => {
  it.each(['coreos', 'flatcar'] as const)("is decoded strictly by both (Go's base64.StdEncoding) (%s)", (target) => {
    expect(at('write_files:\n  - path: /etc/x\n    content: !!binary aGVsbG8K\n', target)).toEqual([]);
    expect(at('write_files:\n  - path: /etc/x\n    content: !!binary aGVsbG8\n', target)).toEqual(
      refusedDoc('!!binary value contains invalid base64 data'),
    );
  });
});

describe('y and n as keys', () => {
  it('are booleans to go-yaml v1 (printed with %s, found on no line), strings to yaml.v3', () => {
    expect(at('y: 1\nN: 2\n', 'coreos')).toEqual([
      [0, 0, 0, 0, 'warning', 'unrecognized key "%!s(bool=true)"'],
      [0, 0, 0, 0, 'warning', 'unrecognized key "%!s(bool=false)"'],
    ]);
    expect(at('y: 1\nN: 2\n', 'flatcar')).toEqual([
      [2, 1, 2, 2, 'warning', 'unrecognized key "y"'],
      [3, 1, 3, 2, 'warning', 'unrecognized key "N"'],
    ]);
  });
});

describe("go-yaml v1's tag errors", () => {
  // Its scanner counts only what follows a lone `!` as the tag's URI, and its tag-error helper
  // prints one problem for every tag error.
  const at5 = (text: string) => at(`${UNIT}${text}\n`, 'coreos');
  it('a lone `!` is refused, where yaml.v3 takes it', () => {
    expect(at5('! true')).toEqual([
      [4, 1, 4, 22, 'error', 'did not find URI escaped octet'],
      [0, 0, 0, 0, 'warning', 'incorrect type for "" (want struct)'],
    ]);
    expect(at5('! true')).toEqual(at5('!'));
  });

  it.each(['!! x', '!<> x', '!a%zz x', '!a%ff x', '!a%C3%41 x'])('%s: "did not find URI escaped octet" (yaml.v3 words each its own way)', (tag) => {
    expect(at(`hostname: ${tag}\n`, 'coreos')).toEqual(refusedDoc('did not find URI escaped octet'));
  });

  it('yaml.v3 words them as libyaml does', () => {
    const v3 = (tag: string) => at(`hostname: ${tag}\n`, 'flatcar')[0].slice(4);
    expect(['!! x', '!<> x', '!a%zz x', '!a%ff x', '!a%C3%41 x'].map(v3)).toEqual([
      ['error', 'did not find expected tag URI'],
      ['error', 'did not find expected tag URI'],
      ['error', 'did not find URI escaped octet'],
      ['error', 'found an incorrect leading UTF-8 octet'],
      ['error', 'found an incorrect trailing UTF-8 octet'],
    ]);
  });
});

describe('tags in yaml.v3 unmarshal errors and merge keys', () => {
  it('an empty tagged value is on the line of its tag', () => {
    // (The value is empty, so the whole line is marked.)
    expect(at(`${UNIT}!!str\n`, 'flatcar')).toEqual([[5, 1, 5, 20, 'error', 'cannot unmarshal !!str `` into bool']]);
    expect(at('ssh_authorized_keys: !foo\n', 'flatcar')).toEqual([[2, 1, 2, 26, 'error', 'cannot unmarshal !foo `` into []string']]);
  });

  it('a scalar tagged !!map or !!seq: its text follows the tag unquoted', () => {
    expect(at(`${UNIT}!!map x\n`, 'flatcar')).toEqual([[5, 21, 5, 22, 'error', 'cannot unmarshal !!mapx into bool']]);
    expect(at(`${UNIT}!!seq 12\n`, 'flatcar')).toEqual([[5, 21, 5, 23, 'error', 'cannot unmarshal !!seq12 into bool']]);
  });

  it('`!` on `<<`: a merge key to go-yaml v1 in any style; to yaml.v3 only plain', () => {
    const refused = refusedDoc('map merge requires map or sequence of maps as the value');
    expect(at('!<!> <<: 1\n', 'coreos')).toEqual(refused);
    expect(at('!<!> "<<": 1\n', 'coreos')).toEqual(refused);
    expect(at('! <<: 1\n', 'flatcar')).toEqual(refused);
    // A quoted key is found on no line by the validator's line scan.
    expect(at('! "<<": 1\n', 'flatcar')).toEqual([[0, 0, 0, 0, 'warning', 'unrecognized key "<<"']]);
    expect(at('!<!> "<<": 1\n', 'flatcar')).toEqual([[0, 0, 0, 0, 'warning', 'unrecognized key "<<"']]);
  });
});
