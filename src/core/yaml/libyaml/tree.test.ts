import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Composer, Parser } from 'yaml';
import { loadCases } from '../../../../test/conformance-cases';
import { firstLibyamlError } from '../libyaml-errors';
import { buildTree } from '../../../../test/yaml-package-tree';
import { NO_CHILDREN, TreeError, type Tree, type TreeNode } from '../tree';
import { YAML_V3_READING } from '../flavour';
import { buildTreeFromLibyaml } from './tree';

const BUDGET = 100_000;

function lib(text: string): Tree {
  expect(firstLibyamlError(text)).toBeUndefined();
  return buildTreeFromLibyaml(text, BUDGET + text.length);
}

/** The node at a path of keys and indices. */
function at(tree: Tree, ...path: (string | number)[]): TreeNode {
  let n = tree.root;
  for (const p of path) {
    const next = typeof p === 'number' ? n.children[p] : n.children.find((c) => c.name === p);
    if (!next) throw new Error(`no ${p} in ${n.path.join('/')}`);
    n = next;
  }
  return n;
}

const value = (text: string, ...path: (string | number)[]) => at(lib(text), ...path).value;

describe('buildTreeFromLibyaml: scalar values as libyaml gives them', () => {
  it('folds multi-line plain scalars', () => {
    expect(value('a: b\n  c\n\n  d\n\n\n  e\nz: 1\n', 'a')).toBe('b c\nd\n\ne');
    expect(value('a: b   c \n   d\t\n', 'a')).toBe('b   c d');
    expect(value('l:\n- x\n  y\n', 'l', 0)).toBe('x y');
  });

  it('folds quoted scalars and decodes escapes', () => {
    expect(value("a: 'it''s\n   here\n\n  now'\n", 'a')).toBe("it's here\nnow");
    expect(value('a: "x\\\n  y \\x41\\u00e9\\N\\_\\L z\n\n  w"\n', 'a')).toBe('xy Aé\x85\xa0\u2028 z\nw');
    expect(value('a: "\\t\\"\\\\\\\'\\0\\e\\U0001F600\\ \\P"\n', 'a')).toBe('\t"\\\'\0\x1b\u{1F600} \u2029');
    expect(value('a: "tail  \n  "\n', 'a')).toBe('tail ');
  });

  it('reads block scalars with their chomping and indentation indicators', () => {
    expect(value('a: |\n  x\n   y\n\nb: 1\n', 'a')).toBe('x\n y\n');
    expect(value('a: |-\n  x\n\n', 'a')).toBe('x');
    expect(value('a: |+\n  x\n\n\nb: 1\n', 'a')).toBe('x\n\n\n');
    expect(value('a: |2\n   x\n  y\n', 'a')).toBe(' x\ny\n');
    expect(value('a: >\n  p\n\n   q\n  r\n  s\n', 'a')).toBe('p\n\n q\nr s\n');
    expect(value('a: >-\n  p\n  q\n\n', 'a')).toBe('p q');
    expect(value('a: >\n\n  p\n', 'a')).toBe('\np\n');
    expect(value('a: |\nb: 1\n', 'a')).toBe('');
    // At the end of the input without a line break, the last line keeps none.
    expect(value('a: |\n  x\n  y', 'a')).toBe('x\ny');
  });

  it('keeps CRLF out of values and ranges right', () => {
    const t = lib('a: |\r\n  x\r\n  y\r\nb: c\r\n  d\r\n');
    expect(at(t, 'a').value).toBe('x\ny\n');
    expect(at(t, 'b').value).toBe('c d');
    expect(at(t, 'b').keyRange).toEqual([16, 17]);
  });

  it('resolves plain scalars with YAML 1.1 rules and tags', () => {
    const t = lib('a: yes\nb: 0744\nc: ~\nd: !!str 12\ne: "12"\nf: !!binary aGVsbG8=\ng: .5\nh: !<tag:yaml.org,2002:str> on\n');
    expect(at(t, 'a').value).toBe(true);
    expect(at(t, 'b').value).toBe(0o744);
    expect(at(t, 'c').kind).toBe('null');
    expect(at(t, 'd')).toMatchObject({ kind: 'str', value: '12' });
    expect(at(t, 'e')).toMatchObject({ kind: 'str', value: '12' });
    expect(at(t, 'f')).toMatchObject({ kind: 'str', value: 'hello', binary: true });
    expect(at(t, 'g').value).toBe(0.5);
    expect(at(t, 'h').value).toBe('on');
    expect(value('%TAG !e! tag:yaml.org,2002:\n---\na: !e!str 1\n', 'a')).toBe('1');
  });

  it('comments are not part of values', () => {
    const t = lib('a: b # c\n# d\nc: "x" # e\n');
    expect(at(t, 'a').value).toBe('b');
    expect(at(t, 'a').valueRange).toEqual([3, 4]);
    expect(at(t, 'c').value).toBe('x');
  });
});

describe('buildTreeFromLibyaml: structure', () => {
  it('expands aliases and merge keys', () => {
    const t = lib('base: &b\n  x: 1\n  w: 2\nc: *b\nd:\n  <<: *b\n  w: 3\ne:\n  <<: [*b, {z: 4, x: 5}]\n');
    expect(at(t, 'c', 'x').value).toBe(1);
    expect(at(t, 'd').children.map((c) => [c.name, c.value])).toEqual([['x', 1], ['w', 3]]);
    // A merged list is applied from its last map back: earlier maps win.
    expect(at(t, 'e').children.map((c) => [c.name, c.value]).sort()).toEqual([['w', 2], ['x', 1], ['z', 4]]);
    expect(at(t, 'c').valueRange).toEqual([26, 28]);
  });

  it('collapses duplicate keys to the last one and lists them', () => {
    const t = lib('a: 1\nb: 2\na: 3\n');
    expect(t.root.children.map((c) => [c.name, c.value])).toEqual([['a', 3], ['b', 2]]);
    expect(t.duplicates).toEqual([{ path: ['a'], name: 'a', first: [0, 1], second: [10, 11] }]);
  });

  it('finds a key given twice among many, with and without merges', () => {
    // Past a few keys a mapping indexes its keys (mappingEntries); the answers are the same.
    const keys = Array.from({ length: 20 }, (_, i) => `k${i}: ${i}\n`).join('');
    const t = lib(`${keys}k3: again\n`);
    expect(t.root.children).toHaveLength(20);
    expect(at(t, 'k3').value).toBe('again');
    const first = keys.indexOf('k3');
    const second = keys.length;
    expect(t.duplicates).toEqual([{ path: ['k3'], name: 'k3', first: [first, first + 2], second: [second, second + 2] }]);
    // A merged key yields to the mapping's own key, and is no duplicate of it.
    const merged = lib(`base: &b\n  k2: from-base\n  k25: only-base\nm:\n  <<: *b\n${keys.replace(/^/gm, '  ').trimEnd()}\n`);
    expect(at(merged, 'm', 'k2').value).toBe(2);
    expect(at(merged, 'm', 'k25').value).toBe('only-base');
    expect(merged.duplicates).toEqual([]);
  });

  it('never adds to the list of children every scalar shares', () => {
    for (const c of loadCases()) {
      const text = new TextDecoder().decode(c.bytes);
      if (firstLibyamlError(text)) continue;
      for (const flavour of ['go-yaml-v1', 'yaml-v3', YAML_V3_READING] as const) {
        try {
          buildTreeFromLibyaml(text, BUDGET + text.length, flavour);
        } catch (e) {
          if (!(e instanceof TreeError)) throw e;
        }
      }
    }
    expect(NO_CHILDREN).toEqual([]);
  }, 60_000);

  it('names non-string keys as Go prints them', () => {
    const t = lib('1: a\ntrue: b\n~: c\n"x-y": d\n');
    expect(t.root.children.map((c) => [c.rawName, c.name, c.keyIsString, c.keyQuoted])).toEqual([
      ['%!s(int=1)', '%!s(int=1)', false, false],
      ['%!s(bool=true)', '%!s(bool=true)', false, false],
      ['%!s(<nil>)', '%!s(<nil>)', false, false],
      ['x-y', 'x_y', true, true],
    ]);
  });

  it('refuses a collection as a key with go-yaml text', () => {
    let error: unknown;
    try {
      lib('units:\n  - {{NAME}}: x\n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TreeError);
    expect(error).toMatchObject({ code: 'collection-key', message: 'invalid map key: map[interface {}]interface {}{map[interface {}]interface {}{"NAME":interface {}(nil)}:interface {}(nil)}' });
    expect((error as TreeError).range).toEqual([11, 19]);
  });

  it('for a decoding into structures, records what fails to decode on the node instead of refusing the document', () => {
    const text = 'a: !!int x\n? [k]\n: v\n!!float y: 1\nb: &b {c: *b}\nd: {<<: 1, e: 2}\n';
    expect(() => buildTreeFromLibyaml(text, BUDGET, 'yaml-v3')).toThrow(TreeError);
    const t = buildTreeFromLibyaml(text, BUDGET, YAML_V3_READING);
    expect(t.root.children.map((c) => [c.rawName, c.fault?.message, c.keyFault?.message])).toEqual([
      ['a', 'cannot decode !!str `x` as a !!int', undefined],
      ['', undefined, 'cannot unmarshal !!seq into string'],
      ['y', undefined, 'cannot decode !!str `y` as a !!float'],
      ['b', undefined, undefined],
      ['d', 'map merge requires map or sequence of maps as the value', undefined],
    ]);
    expect(t.root.children[1].keyFault?.range).toEqual([13, 16]);
    expect(at(t, 'b', 'c', 'c').fault).toMatchObject({ code: 'recursive-alias', message: "anchor 'b' value contains itself" });
    expect(at(t, 'd', 'e').value).toBe(2);
  });

  it('stops alias bombs', () => {
    const bomb = 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
    expect(() => buildTreeFromLibyaml(bomb, 1000)).toThrow(TreeError);
  });

  it('gives empty values the position the yaml package gives them', () => {
    const t = lib('a:\nb: &x\nc:   # c\nd:\n- \n');
    expect(at(t, 'a')).toMatchObject({ kind: 'null', valueRange: [2, 2] });
    expect(at(t, 'b')).toMatchObject({ kind: 'null', valueRange: [8, 8] });
    expect(at(t, 'c')).toMatchObject({ kind: 'null', valueRange: [14, 14] });
    expect(at(t, 'd', 0)).toMatchObject({ kind: 'null', valueRange: [23, 23] });
  });

  it('reads flow collections', () => {
    const t = lib('a: [x, w: z, {p: q}]\nb: {k, l: }\n');
    expect(at(t, 'a').valueRange).toEqual([3, 20]);
    expect(at(t, 'a', 1, 'w').value).toBe('z');
    expect(at(t, 'a', 2, 'p').value).toBe('q');
    expect(at(t, 'b', 'k')).toMatchObject({ kind: 'null', valueRange: [26, 26] });
    expect(at(t, 'b', 'l')).toMatchObject({ kind: 'null', valueRange: [31, 31] });
  });

  it('reads only the first document', () => {
    expect(lib('a: 1\n---\nb: 2\n').root.children.map((c) => c.name)).toEqual(['a']);
  });
});

// ---------------------------------------------------------------------------------------------
// Differential test against buildTree over the `yaml` package's document, as validate.ts builds it.

function eemeliTree(text: string, budget: number): Tree | TreeError | undefined {
  const composer = new Composer({ schema: 'failsafe', uniqueKeys: false, strict: false });
  for (const doc of composer.compose(new Parser().parse(text), true)) {
    try {
      return buildTree(doc, budget);
    } catch (e) {
      if (e instanceof TreeError) return e;
      throw e;
    }
  }
  return undefined;
}

function libyamlTree(text: string, budget: number): Tree | TreeError {
  try {
    return buildTreeFromLibyaml(text, budget);
  } catch (e) {
    if (e instanceof TreeError) return e;
    throw e;
  }
}

const r2 = (r: readonly number[] | undefined) => (r ? [r[0], r[1]] : undefined);

function flat(n: TreeNode, out: unknown[]): unknown[] {
  out.push({
    path: n.path,
    kind: n.kind,
    value: typeof n.value === 'number' && Number.isNaN(n.value) ? 'NaN' : n.value,
    text: n.text,
    rawName: n.rawName,
    name: n.name,
    keyQuoted: n.keyQuoted,
    keyIsString: n.keyIsString,
    binary: n.binary,
    keyRange: r2(n.keyRange),
    valueRange: r2(n.valueRange),
  });
  for (const c of n.children) flat(c, out);
  return out;
}

/** Everything the validator reads from a tree (ranges as [start, end)), or the error. */
function shape(t: Tree | TreeError | undefined): unknown {
  if (t === undefined) return undefined;
  if (t instanceof TreeError) return { error: t.message, code: t.code, range: r2(t.range) };
  return {
    nodes: flat(t.root, []),
    duplicates: t.duplicates.map((d) => ({ path: d.path, name: d.name, first: r2(d.first), second: r2(d.second) })),
  };
}

/**
 * Corpus cases where the trees differ, each for a reason: where libyaml and the `yaml` package
 * read a value differently, libyaml is right, as it is what the reference reads.
 */
/*
 * Beyond the corpus, mutation fuzzing found these disagreements, none in the corpus; in each
 * libyaml's reading is the reference's:
 * - a block scalar at the end of the input without a line break keeps none (`|2`, `>` alike);
 * - anchor and alias names end at ':' (`&a: b` is an anchored empty key), the `yaml` package
 *   reads `a:` as the name;
 * - in a flow collection `?x` is a key indicator before `x`, for the `yaml` package a scalar;
 * - a quoted scalar continued on a line less indented than its mapping is one scalar for
 *   libyaml, an error the `yaml` package recovers from differently;
 * - ranges only: a mapping ending in an explicit `? key` without a value, followed by empty
 *   lines, ends one line earlier here.
 */
const EXCEPTIONS: Record<string, string> = {
  // The file ends inside a `content: |` block without a final line break: libyaml (and so
  // go-yaml) keeps no line break at the end of the value; the `yaml` package adds one.
  'realworld__HX-Rd__tectonic-vagrant__user-data': 'block scalar at the end of the input without a line break',
};

describe('buildTreeFromLibyaml against buildTree over the yaml package, on the conformance corpus', () => {
  const cases = loadCases();
  it('gives the same tree for every case libyaml parses, but the listed exceptions', () => {
    const differ: string[] = [];
    let compared = 0;
    for (const c of cases) {
      const text = new TextDecoder().decode(c.bytes);
      if (firstLibyamlError(text)) continue;
      const want = shape(eemeliTree(text, BUDGET + text.length));
      if (want === undefined) continue;
      compared++;
      const got = shape(libyamlTree(text, BUDGET + text.length));
      if (!isDeepStrictEqual(got, want)) differ.push(c.name);
      else expect(EXCEPTIONS[c.name], `${c.name} is listed as an exception but agrees`).toBeUndefined();
    }
    expect(differ.sort()).toEqual(Object.keys(EXCEPTIONS).sort());
    expect(compared).toBeGreaterThan(250);
    // Two parses of 306 files: seconds on a busy machine.
  }, 60_000);
});
