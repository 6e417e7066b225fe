import { describe, expect, it } from 'vitest';
import { loadCases, RULE_MESSAGE } from '../../../test/conformance-cases';
import golden from '../../../test/fixtures/libyaml-errors.json';
import { firstLibyamlError, referenceLine, yamlV3Line, type LibyamlError, type LibyamlOptions } from './libyaml-errors';

/** problem @line:column, and the context mark if any: the parts of an error the reference depends on. */
function describeError(e: LibyamlError | undefined): string {
  if (!e) return 'none';
  const at = (m: LibyamlError['problemMark']) => (m ? `${m.line}:${m.column}` : '-');
  return `${e.problem} @${at(e.problemMark)} ctx ${at(e.contextMark)}`;
}

const first = (text: string, options?: LibyamlOptions) => describeError(firstLibyamlError(text, options));

describe('firstLibyamlError against libyaml (golden cases from PyYAML + libyaml 0.2.5)', () => {
  // Produced by scripts/libyaml-diff.ts --fixture; the module runs in libyaml 0.2.5's dialect to match.
  const cases = golden as { text: string; problem: string | null; problemLine: number | null; contextLine: number | null }[];
  it(`agrees on all ${cases.length} cases`, () => {
    expect(cases.length).toBeGreaterThan(300);
    const disagreements = cases.flatMap((c) => {
      const e = firstLibyamlError(c.text, { dialect: 'libyaml-0.2.5' });
      const got = { problem: e?.problem ?? null, problemLine: e?.problemMark?.line ?? null, contextLine: e?.contextMark?.line ?? null };
      const want = { problem: c.problem, problemLine: c.problemLine, contextLine: c.contextLine };
      return JSON.stringify(got) === JSON.stringify(want) ? [] : [{ text: c.text, want, got }];
    });
    expect(disagreements).toEqual([]);
  });
});

describe('tabs', () => {
  it('cannot start a token at the start of a block line', () => {
    expect(first('a:\n\tb: c')).toBe('found character that cannot start any token @1:0 ctx 1:0');
  });
  it('separate a simple key\'s value, but not an entry or a complex value', () => {
    expect(first('a:\tb')).toBe('none');
    expect(first('- \tb')).toBe('found character that cannot start any token @0:2 ctx 0:2');
    expect(first('? a\n:\tb')).toBe('found character that cannot start any token @1:1 ctx 1:1');
  });
  it('may not indent the continuation of a plain scalar', () => {
    expect(first('a: b\n\tc')).toBe('found a tab character that violate indentation @1:0 ctx 0:3');
    expect(first('a: b\n\tc', { dialect: 'libyaml-0.2.5' })).toBe('found a tab character that violates indentation @1:0 ctx 0:3');
  });
  it('may not indent the lines of a block scalar', () => {
    expect(first('a: |\n  x\n\ty')).toBe('found a tab character where an indentation space is expected @2:0 ctx 0:3');
    expect(first('a: |\n\tx')).toBe('found a tab character where an indentation space is expected @1:0 ctx 0:3');
    expect(first('a: >\n  x\n \ty')).toBe('found a tab character where an indentation space is expected @2:1 ctx 0:3');
  });
});

describe('scalars', () => {
  it('reports an unclosed quote at the end of the stream', () => {
    expect(first('a: "b')).toBe('found unexpected end of stream @0:5 ctx 0:3');
    expect(first('a: "b\n')).toBe('found unexpected end of stream @1:0 ctx 0:3');
    expect(first("a: 'b\nc: d\n")).toBe('found unexpected end of stream @2:0 ctx 0:3');
  });
  it('rejects %, @ and ` at the start of a scalar', () => {
    expect(first('a: %b')).toBe('found character that cannot start any token @0:3 ctx 0:3');
    expect(first('a: @b')).toBe('found character that cannot start any token @0:3 ctx 0:3');
    expect(first('a: `b`')).toBe('found character that cannot start any token @0:3 ctx 0:3');
    expect(first('%b')).toBe('found unknown directive name @0:2 ctx 0:0');
  });
  it('rejects unknown escapes in double quotes', () => {
    expect(first('"\\q"')).toBe('found unknown escape character @0:1 ctx 0:0');
    expect(first('"\\x4g"')).toBe('did not find expected hexdecimal number @0:3 ctx 0:0');
  });
  it("takes \\' but not \\/ in go-yaml, and the reverse in libyaml", () => {
    expect(first('"\\\'"')).toBe('none');
    expect(first('"\\/"')).toBe('found unknown escape character @0:1 ctx 0:0');
    expect(first('"\\\'"', { dialect: 'libyaml-0.2.5' })).toBe('found unknown escape character @0:1 ctx 0:0');
    expect(first('"\\/"', { dialect: 'libyaml-0.2.5' })).toBe('none');
  });
});

describe('templates', () => {
  it('parses {{X}} values (a flow mapping as a key; the decoder, not the parser, objects)', () => {
    expect(first('a: {{X}}\n')).toBe('none');
    expect(first('a: {{ X }}\nb: c\n')).toBe('none');
    expect(first('url: http://{{HOST}}:8080\n')).toBe('none');
  });
  it('trips over text after a {{X}} value', () => {
    expect(first('a: {{URL}}/x\n')).toBe('did not find expected key @0:10 ctx 0:0');
  });
  it("rejects ':' inside a plain scalar in a flow collection (libyaml 0.1.x, go-yaml v1)", () => {
    const text = 'a:\n  {{#if X}}\n  b: https://example.com/{{X}}\n  {{/if}}\n';
    expect(first(text)).toBe("found unexpected ':' @2:10 ctx 2:5");
    expect(first(text, { dialect: 'libyaml-0.2.5' })).toBe("did not find expected ',' or '}' @2:25 ctx 1:3");
    expect(first('[a:b]')).toBe("found unexpected ':' @0:2 ctx 0:1");
    expect(first('[a:b]', { dialect: 'libyaml-0.2.5' })).toBe('none');
  });
});

describe('indentation', () => {
  it('of list items', () => {
    expect(first('a:\n  - b\n - c\n')).toBe('did not find expected key @2:1 ctx 0:0');
    expect(first('a:\n  - b\n   - c\n')).toBe('none');
    expect(first('- a\nb: c')).toBe("did not find expected '-' indicator @1:0 ctx 0:0");
  });
  it('of block scalar lines', () => {
    expect(first('a: |\n    b\n  c\nd: e\n')).toBe('did not find expected key @2:2 ctx 0:0');
    expect(first('a: |2\n  b\n c\n')).toBe('did not find expected key @2:1 ctx 0:0');
  });
  it('of mapping values', () => {
    expect(first('a: b\n  c: d')).toBe('mapping values are not allowed in this context @1:3 ctx -');
    expect(first('a:\nb: c\n  d: e')).toBe('mapping values are not allowed in this context @2:3 ctx -');
    expect(first('a: b: c')).toBe('mapping values are not allowed in this context @0:4 ctx -');
  });
});

describe('missing colon', () => {
  it('is found at the next token, with the key as context', () => {
    expect(first('a: b\nc\nd: e\n')).toBe("could not find expected ':' @2:0 ctx 1:0");
  });
  it('at the end of a stream without a final line break: the end forces a new line', () => {
    expect(first('a: b\nc')).toBe("could not find expected ':' @2:0 ctx 1:0");
    expect(first('[a, b')).toBe("did not find expected ',' or ']' @1:0 ctx 0:0");
  });
  it('counts CR LF and lone CR as line breaks', () => {
    expect(first('a: b\r\nc\r\nd: e')).toBe("could not find expected ':' @2:0 ctx 1:0");
    expect(first('a: b\rc\rd: e')).toBe("could not find expected ':' @2:0 ctx 1:0");
  });
});

describe('flow collections', () => {
  it('report the unclosed collection as context', () => {
    expect(first('a: [b, c\nd: e')).toBe("did not find expected ',' or ']' @1:1 ctx 0:3");
    expect(first('a: {b: c\n')).toBe("did not find expected ',' or '}' @1:0 ctx 0:3");
  });
});

describe('documents', () => {
  it('reads the event after the first document, as go-yaml does', () => {
    expect(first('a: b\n...\nc: d\n')).toBe('did not find expected <document start> @2:0 ctx -');
  });
  it('does not read the content of the next document', () => {
    expect(first('a: b\n---\n@\n')).toBe('none');
  });
  it('checks the %YAML version the way each libyaml does', () => {
    expect(first('%YAML 1.2\n--- a')).toBe('found incompatible YAML document @0:0 ctx -');
    expect(first('%YAML 1.2\n--- a', { dialect: 'libyaml-0.2.5' })).toBe('none');
  });
  it('takes at most two digits per %YAML version number in go-yaml', () => {
    expect(first('%YAML 001.1\n--- a')).toBe('found extremely long version number @0:8 ctx 0:0');
    expect(first('%YAML 001.1\n--- a', { dialect: 'libyaml-0.2.5' })).toBe('none');
  });
  it('checks tag handles against %TAG directives', () => {
    expect(first('a: !x!y b')).toBe('found undefined tag handle @0:3 ctx 0:3');
    expect(first('%TAG !x! tag:x\n--- !x!y b')).toBe('none');
  });
});

describe('robustness', () => {
  it('returns an error for deep nesting without overflowing the stack', () => {
    expect(first('['.repeat(10000))).toBe('did not find expected node content @1:0 ctx 1:0');
    expect(first('{'.repeat(10000) + 'a')).toBe("did not find expected ',' or '}' @1:0 ctx 0:9999");
    expect(first('- '.repeat(5000) + 'a\n')).toBe('none');
  });
  it('reports control characters as a reader error without marks', () => {
    expect(firstLibyamlError('a: \u0001')).toEqual({ kind: 'reader', problem: 'control characters are not allowed' });
  });
  it('takes empty and comment-only input', () => {
    expect(first('')).toBe('none');
    expect(first('#cloud-config\n')).toBe('none');
    expect(first('\ufeff#cloud-config\na: b\n')).toBe('none');
  });
  it('stays linear on a large input', () => {
    const text = 'key: value\n'.repeat(200_000) + '  bad: indent\n';
    const t = performance.now();
    expect(first(text)).toBe('mapping values are not allowed in this context @200000:5 ctx -');
    expect(performance.now() - t).toBeLessThan(5000);
  });
});

describe('referenceLine', () => {
  it('is the problem line, else the context line, else 1', () => {
    expect(referenceLine(firstLibyamlError('a: b\n  c: d')!)).toBe(1);
    expect(referenceLine(firstLibyamlError('a: b: c')!)).toBe(1);
    expect(referenceLine(firstLibyamlError('a: |\n  x\n\ty')!)).toBe(2);
    expect(referenceLine({ kind: 'parser', problem: 'x', problemMark: { offset: 0, line: 0, column: 0 }, context: 'y', contextMark: { offset: 9, line: 3, column: 0 } })).toBe(3);
  });
});

// The reference's own reports: every case where it printed a YAML parser error (the two
// "invalid map key" ones are decoder errors, for which the parser finds nothing).
describe('the reference corpus', () => {
  const cases = loadCases()
    .map((c) => ({ name: c.name, text: new TextDecoder().decode(c.bytes), entry: c.expected.entries.find((e) => !RULE_MESSAGE.test(e.message)) }))
    .filter((c) => c.entry);
  it('has the 14 cases with a YAML error', () => expect(cases.length).toBe(14));
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const e = firstLibyamlError(c.text);
    if (c.entry!.message.startsWith('invalid map key')) expect(e).toBeUndefined();
    else expect({ line: e && referenceLine(e), message: e?.problem }).toEqual({ line: c.entry!.line, message: c.entry!.message });
  });
});

describe('the line yaml.v3 prints for a syntax error (Flatcar)', () => {
  const line = (text: string) => {
    const e = firstLibyamlError(text, { dialect: 'yaml-v3' });
    return e && [yamlV3Line(e), e.problem];
  };

  it('scanner errors: the context line, counted from 1', () => {
    expect(line('#cloud-config\na: b: c\n')).toEqual([2, 'mapping values are not allowed in this context']);
    expect(line('#cloud-config\nkey: value\nbad line\nother: x\n')).toEqual([3, "could not find expected ':'"]);
  });

  it('parser errors: the context line, counted from 0, else the problem line', () => {
    expect(line('#cloud-config\na: [b\n')).toEqual([1, "did not find expected ',' or ']'"]);
    expect(line('#cloud-config\n- a\nb: c\n')).toEqual([1, "did not find expected '-' indicator"]);
  });

  it('no line on the first line: yaml.v3 then prints none', () => {
    expect(line('a: b: c\n')).toEqual([0, 'mapping values are not allowed in this context']);
  });

  it('reads no further than the end of the first document, but scans two tokens ahead', () => {
    expect(firstLibyamlError('a: 1\n---\nb: 2\nc: 3\nd: e: f\n', { dialect: 'yaml-v3' })).toBeUndefined();
    expect(line('#cloud-config\na: 1\n...\n%BAD\n')).toEqual([4, 'found unknown directive name']);
  });

  it('takes a colon inside a flow scalar as text', () => {
    expect(firstLibyamlError('a: [b:c]\n', { dialect: 'yaml-v3' })).toBeUndefined();
    expect(firstLibyamlError('a: [b:c]\n')?.problem).toBe("found unexpected ':'");
  });
});
