import { afterEach, describe, expect, it, vi } from 'vitest';
import { validate } from './validate';
import { validateBytes } from './validate-bytes';
import { Parser } from './yaml/libyaml/parser';

const H = '#cloud-config\n';

describe('input kinds, decided as the reference decides', () => {
  it.each([
    ['', 'empty'],
    ['#!/bin/bash\necho hi\n', 'script'],
    ['{"ignition": {"version": "2.2.0"}}', 'ignition'],
    ['{"ignitionVersion": 1}', 'ignition'],
    ['#cloud-config\n', 'cloud-config'],
    ['#cloud-config  \t\nhostname: x\n', 'cloud-config'],
    ['#cloud-config\r\nhostname: x\r\n', 'cloud-config'],
    ['Content-Type: multipart/mixed; boundary="x"\n\n--x--\n', 'multipart'],
    ['MIME-Version: 1.0\r\ncontent-type: multipart/mixed; boundary=x\r\n\r\n', 'multipart'],
    // Go's textproto needs the empty line that ends the headers, and "multipart/mixed" as written.
    ['Content-Type: multipart/mixed; boundary="x"\n', 'unknown'],
    ['Content-Type: Multipart/Mixed; boundary="x"\n\n', 'unknown'],
    ['Content-Type: multipart/alternative; boundary="x"\n\n', 'unknown'],
    ['hostname: x\n', 'unknown'],
  ])('%j is %s', (text, kind) => {
    expect(validate(text).kind).toBe(kind);
  });

  it('gives non-cloud-config no findings, except the header error', () => {
    expect(validate('#!/bin/sh\n').entries).toEqual([]);
    expect(validate('{"ignition": {"version": "3.0.0"}}', { rules: 'reference' }).entries).toEqual([]);
    // JSON with an "ignition" member is Ignition, checked as ignition-validate checks it.
    expect(validate('{"ignition": {"version": 3}}', { rules: 'reference' }).entries.map((e) => [e.line, e.rule])).toEqual([[1, 'ignition-type']]);
    const [header] = validate('hostname: x\n', { rules: 'reference', target: 'coreos' }).entries;
    expect(header).toMatchObject({ line: 1, kind: 'error', message: 'must be "#cloud-config" or begin with "#!"', rule: 'header' });
  });

  it("Flatcar's header message names multipart MIME, which it accepts", () => {
    const [header] = validate('hostname: x\n', { rules: 'reference', target: 'flatcar' }).entries;
    expect(header).toMatchObject({ line: 1, kind: 'error', message: 'must be "#cloud-config", multipart mime or begin with "#!"', rule: 'header' });
    const mime = 'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/cloud-config\n\n#cloud-config\n--b--\n';
    expect(validate(mime, { rules: 'reference', target: 'flatcar' }).entries).toEqual([]);
    expect(validate(mime, { rules: 'reference', target: 'coreos' }).entries.map((e) => e.line)).toEqual([1]);
    // Go's textproto must read a whole header block: one ended by the text is not MIME.
    expect(validate('Content-Type: multipart/mixed; boundary="b"', { rules: 'reference', target: 'flatcar' }).entries.map((e) => e.rule)).toEqual(['header']);
    expect(validate('Content-Type: text/plain\n\nx\n', { rules: 'reference', target: 'flatcar' }).entries.map((e) => e.rule)).toEqual(['header']);
  });

  it('explains a near-miss header and offers a fix', () => {
    const [bom] = validate('\ufeff#cloud-config\nhostname: x\n').entries;
    expect(bom.message).toMatch(/byte-order mark/);
    expect(bom.fixes?.[0]).toMatchObject({ from: 0, insert: '#cloud-config' });
    const [typo] = validate('#cloud_config\nhostname: x\n').entries;
    expect(typo.message).toMatch(/exactly "#cloud-config"/);
    const [cr] = validate('#cloud-config\rhostname: x\r').entries;
    expect(cr.message).toMatch(/carriage returns/);
    expect(cr.fixes?.[0].insert).toBe('#cloud-config\nhostname: x\n');
  });
});

describe('bad input gets a clear finding within bounded time', () => {
  const only = (text: string, rules: 'all' | 'reference' = 'all') => validate(text, { rules, target: 'coreos' }).entries;
  const flatcar = (text: string) => validate(text, { rules: 'reference', target: 'flatcar' }).entries.map((e) => [e.line, e.kind, e.message]);

  it('YAML syntax errors: the reference line and the extra "" finding', () => {
    expect(only(H + 'a: b: c\n', 'reference').map((e) => [e.line, e.kind, e.rule])).toEqual([
      [1, 'error', 'yaml-syntax'],
      [0, 'warning', 'wrong-type'],
    ]);
    const [e] = only(H + 'a:\n  b: "unclosed\n');
    expect(e).toMatchObject({ kind: 'error', rule: 'yaml-syntax' });
    expect(e.line).toBeGreaterThanOrEqual(3);
  });

  it("Flatcar's reference: yaml.v3's lines (context mark first, scanner errors one lower)", () => {
    expect(flatcar(H + 'a: b: c\n')).toEqual([
      [2, 'error', 'mapping values are not allowed in this context'],
      [0, 'warning', 'incorrect type for "" (want struct)'],
    ]);
    // A parser error is printed at its context's 0-based line: the '[' on line 2 gives "line 1".
    expect(flatcar(H + 'a: [b\n')[0]).toEqual([1, 'error', "did not find expected ',' or ']'"]);
    expect(flatcar(H + 'coreos:\n\tupdate: {}\n')[0]).toEqual([3, 'error', 'found character that cannot start any token']);
    expect(flatcar(H + 'key: value\nbad line\nother: x\n')[0]).toEqual([3, 'error', "could not find expected ':'"]);
    // yaml.v3 takes a ':' inside a flow scalar as text.
    expect(flatcar(H + 'hostname: [a:b]\n')).toEqual([[2, 'error', 'cannot unmarshal !!seq into string']]);
    expect(only(H + 'hostname: [a:b]\n', 'reference')[0]).toMatchObject({ line: 1, message: "found unexpected ':'" });
  });

  it("Flatcar's reference: a control character counts only where yaml.v3's reader gets to", () => {
    expect(flatcar(H + 'hostname: a\x01\n')).toEqual([
      [1, 'error', 'control characters are not allowed'],
      [0, 'warning', 'incorrect type for "" (want struct)'],
    ]);
    expect(flatcar(H + 'hostname: a\n---\n' + 'x: y\n'.repeat(600) + '\x01\n')).toEqual([]);
  });

  it('deep nesting does not overflow the stack', () => {
    expect(only(H + 'a: ' + '['.repeat(5000) + ']'.repeat(5000))[0]).toMatchObject({ kind: 'error', rule: 'too-deep', line: 2 });
    expect(only(H + 'a:\n' + '- '.repeat(3000) + 'x\n')[0]).toMatchObject({ kind: 'error', rule: 'too-deep', line: 3 });
  });

  it('collections as keys are refused before they cost time', () => {
    const started = performance.now();
    const [e] = only(H + 'a: ' + '{'.repeat(100) + '}'.repeat(100) + '\n');
    expect(e).toMatchObject({ kind: 'error', rule: 'collection-key', line: 2 });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(only(H + 'name: {{NODE}}\n', 'reference')[0].message).toBe('invalid map key: map[interface {}]interface {}{"NODE":interface {}(nil)}');
  });

  it('alias bombs and recursive aliases stop with a finding', () => {
    const levels = ['a: &a [x,x,x,x,x,x,x,x,x,x]'];
    for (let i = 1; i < 9; i++) levels.push(`${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(10).fill('*' + 'abcdefghij'[i - 1]).join(',')}]`);
    expect(only(H + levels.join('\n') + '\n')[0]).toMatchObject({ kind: 'error', rule: 'alias-bomb' });
    expect(only(H + 'a: &a\n  b: *a\n')[0]).toMatchObject({ kind: 'error', rule: 'yaml-alias' });
  });

  it('control characters and binary garbage', () => {
    expect(only(H + 'hostname: a\0b\n')[0]).toMatchObject({ line: 2, column: 12, rule: 'yaml-syntax' });
    expect(only(H + 'hostname: a\0b\n', 'reference').map((e) => [e.line, e.message])).toEqual([
      [1, 'control characters are not allowed'],
      [0, 'incorrect type for "" (want struct)'],
    ]);
    const garbage = H + String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 131) % 256));
    expect(only(garbage)[0].kind).toBe('error');
  });

  it('tabs that coreos-cloudinit refuses', () => {
    expect(only(H + 'coreos:\n\tupdate: {}\n')[0]).toMatchObject({ line: 3, column: 1, rule: 'yaml-tab' });
    expect(only(H + 'coreos:\n\tupdate: {}\n')[0].fixes).toBeUndefined(); // the right indentation is not certain
    // libyaml takes a tab after "key:" as separation, like a space.
    expect(only(H + 'hostname:\tfoo\n')).toEqual([]);
    expect(only(H + 'coreos:\n\tupdate: {}\n', 'reference')[0]).toMatchObject({ line: 2, message: 'found character that cannot start any token' });
    expect(only(H + 'write_files:\n  - path: /etc/a\n    content: |\n      a\tb\n')).toEqual([]);
  });

  it('CRLF line ends are fine, and positions count them once', () => {
    const [e] = only('#cloud-config\r\ncoreos:\r\n  bogus: 1\r\n');
    expect(e).toMatchObject({ line: 3, column: 3, endColumn: 8, rule: 'unknown-key' });
  });

  it('a 10 MB config is validated', () => {
    const block = '      ' + 'x'.repeat(70) + '\n';
    const text = H + 'write_files:\n  - path: /etc/big\n    content: |\n' + block.repeat(Math.ceil(10e6 / block.length));
    expect(validate(text).entries.filter((e) => e.kind !== 'info')).toEqual([]);
  }, 60_000);

  it('only the first document counts', () => {
    expect(only(H + 'hostname: a\n---\nbogus: 1\n')).toEqual([]);
  });

  it('a top level that is not a mapping', () => {
    expect(only(H + '- a\n')[0]).toMatchObject({ line: 2, rule: 'wrong-type' });
    expect(only(H + '- a\n', 'reference')).toEqual([]);
    // Flatcar's validator cannot read it into its map and fails without a report.
    expect(flatcar(H + '- a\n')).toEqual([[1, 'error', "couldn't parse yaml error"]]);
    expect(flatcar(H + 'just text\n')).toEqual([[1, 'error', "couldn't parse yaml error"]]);
    expect(flatcar(H)).toEqual([]);
  });
});

describe('bytes', () => {
  it('reports bytes that are not UTF-8 and still checks the rest', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(H + 'hostname: a'), 0xff, 0x0a, ...new TextEncoder().encode('bogus: 1\n')]);
    const r = validateBytes(bytes);
    expect(r.entries.map((e) => [e.line, e.rule])).toEqual([
      [2, 'hostname'],
      [2, 'not-utf8'],
      [3, 'unknown-key'],
    ]);
    expect(validateBytes(bytes, { rules: 'reference' }).entries.map((e) => [e.line, e.message])).toEqual([
      [1, 'invalid leading UTF-8 octet'],
      [0, 'incorrect type for "" (want struct)'],
    ]);
  });
});

describe('aliases as go-yaml v1 resolves them', () => {
  const only = (text: string, rules: 'all' | 'reference' = 'all') => validate(H + text, { rules, target: 'coreos' }).entries;
  const flatcar = (text: string) => validate(H + text, { rules: 'reference', target: 'flatcar' }).entries.map((e) => [e.line, e.message]);

  it('yaml.v3 resolves an alias while parsing: to the last anchor before it, never one after', () => {
    expect(flatcar('hostname: *h\nx: &h node-1\n')).toEqual([
      [1, "unknown anchor 'h' referenced"],
      [0, 'incorrect type for "" (want struct)'],
    ]);
    expect(flatcar('a: &v sometimes\ncoreos:\n  update:\n    reboot_strategy: *v\nb: &v off\n')).toEqual(
      expect.arrayContaining([[5, 'invalid value sometimes']]),
    );
  });

  it('allow an alias before its anchor, and take the last definition of a name', () => {
    expect(only('hostname: *h\nx: &h node-1\n', 'reference').map((e) => e.message)).toEqual(['unrecognized key "x"']);
    expect(only('a: &v off\nb: &v sometimes\ncoreos:\n  update:\n    reboot_strategy: *v\n', 'reference').map((e) => e.message)).toEqual(
      expect.arrayContaining(['invalid value sometimes']),
    );
  });

  it('refuse an unknown anchor and a recursive alias with the decoder message (capitalised by coreos/yaml)', () => {
    expect(only('hostname: *nope\n', 'reference').map((e) => [e.line, e.message])).toEqual([
      [1, "Unknown anchor 'nope' referenced"],
      [0, 'incorrect type for "" (want struct)'],
    ]);
    expect(only('hostname: *nope\n')[0]).toMatchObject({ line: 2, column: 11, rule: 'yaml-alias' });
    expect(only('a: &a\n  b: *a\n', 'reference')[0].message).toBe("Anchor 'a' value contains itself");
  });
});

describe('merge keys as go-yaml v2-era decoders apply them', () => {
  const ref = (text: string) => validate(H + text, { rules: 'reference', target: 'coreos' }).entries.map((e) => e.message);

  it('let earlier maps of a merged list win, and later written keys override', () => {
    const text = 'a: &a {reboot_strategy: sometimes}\nb: &b {reboot_strategy: reboot}\ncoreos:\n  update:\n    <<: [*b, *a]\n';
    expect(ref(text)).not.toContain('invalid value sometimes');
    expect(ref('a: &a {reboot_strategy: sometimes}\ncoreos:\n  update:\n    <<: *a\n    reboot_strategy: reboot\n')).not.toContain('invalid value sometimes');
  });

  it('refuse a merge of something other than maps', () => {
    expect(ref('coreos:\n  <<: [1]\n')).toEqual(['map merge requires map or sequence of maps as the value', 'incorrect type for "" (want struct)']);
    expect(validate(H + 'coreos:\n  <<: 1\n').entries[0]).toMatchObject({ line: 3, rule: 'yaml-alias' });
  });

  it('do not call an overridden merged key a duplicate', () => {
    const text = 'base: &b {hostname: a}\n<<: *b\nhostname: b\n';
    expect(validate(H + text).entries.filter((e) => e.rule === 'duplicate-key')).toEqual([]);
  });
});

describe('a failure of the validator itself', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads the document once: one parse per validation, for every rule set and target (cloud-config, Butane)', () => {
    // Syntax errors, values and positions all come from the same pass of the parser.
    const butane = 'variant: flatcar\nversion: 1.1.0\nstorage:\n  files:\n    - path: etc/x\n';
    const texts = [`${H}hostname: "a b"\nbogus: 1\n`, `${H}a: [b\n`, `${H}a: 1\n---\nb: [\n`, butane, `${butane}  - [\n`];
    for (const text of texts) {
      for (const rules of ['all', 'reference'] as const) {
        for (const target of ['coreos', 'flatcar'] as const) {
          const parsers = new Set<Parser>();
          const parse = Parser.prototype.parse;
          vi.spyOn(Parser.prototype, 'parse').mockImplementation(function (this: Parser) {
            parsers.add(this);
            return parse.call(this);
          });
          validate(text, { rules, target });
          vi.restoreAllMocks();
          expect(parsers.size, `${rules}/${target}: ${JSON.stringify(text)}`).toBe(1);
        }
      }
    }
  });

  it('becomes the internal-error finding, never an empty report', () => {
    const text = `${H}hostname: "a b"\nbogus: 1\n`;
    expect(validate(text, { target: 'coreos' }).entries.map((e) => e.rule)).toEqual(['hostname', 'unknown-key']);
    const parse = Parser.prototype.parse;
    for (const rules of ['all', 'reference'] as const) {
      for (const target of ['coreos', 'flatcar'] as const) {
        let total = 0;
        vi.spyOn(Parser.prototype, 'parse').mockImplementation(function (this: Parser) {
          total++;
          return parse.call(this);
        });
        validate(text, { rules, target });
        vi.restoreAllMocks();
        expect(total).toBeGreaterThan(4);
        // A failure early, midway and at the last event the validation reads.
        for (const failAt of [1, Math.ceil(total / 2), total]) {
          let calls = 0;
          vi.spyOn(Parser.prototype, 'parse').mockImplementation(function (this: Parser) {
            if (++calls === failAt) throw new TypeError('injected');
            return parse.call(this);
          });
          const entries = validate(text, { rules, target }).entries;
          expect(entries.map((e) => [e.rule, e.message]), `${rules}/${target}, call ${failAt}`).toEqual([['internal-error', 'validator failed: injected']]);
          vi.restoreAllMocks();
        }
      }
    }
  });
});
