import { describe, expect, it } from 'vitest';
import { excessiveNesting, forbiddenCharacter } from './prescan';

describe('excessiveNesting', () => {
  it('counts block indentation, list and key indicators, and open flow brackets', () => {
    const text = 'a:\n  b:\n    - - c\n';
    // depths: a 1, b 2, `- - c` 3 + 2 indicators
    expect(excessiveNesting(text, 5)).toBe(-1);
    expect(excessiveNesting(text, 4)).toBe(text.indexOf('    - -'));
    expect(excessiveNesting('x: [[{y: [1]}]]\n', 5)).toBe(-1);
    expect(excessiveNesting('x: [[{y: [1]}]]\n', 4)).toBe(0);
  });

  it('carries flow brackets across lines and ignores them in quotes and comments', () => {
    const text = 'a: [\n  [\n   1]]\nb: 1\n';
    // `  [`: two levels of indentation, two brackets open; `   1]]`: three and two.
    expect(excessiveNesting(text, 5)).toBe(-1);
    expect(excessiveNesting(text, 4)).toBe(text.indexOf('   1'));
    expect(excessiveNesting(text, 3)).toBe(text.indexOf('  ['));
    expect(excessiveNesting('a: "[[[" # [[[\nb: \'{{\'\n', 1)).toBe(-1);
    expect(excessiveNesting('a: "\\"[[[" \n', 1)).toBe(-1);
  });

  it('skips block scalar bodies, comments and blank lines', () => {
    const text = 'a: |\n  - - - [[[\n      - - -\nb: >-\n   [[\n\n# - - - -\n';
    expect(excessiveNesting(text, 1)).toBe(-1);
    // After the body ends, lines count again.
    expect(excessiveNesting(text + 'c:\n  - - x\n', 2)).toBe((text + 'c:\n').length);
  });

  it('takes `-` only as an indicator before white space or the end of the line', () => {
    expect(excessiveNesting('-1\n--x\n', 1)).toBe(-1);
    expect(excessiveNesting('-1\n--x\n- \t-\n', 3)).toBe(-1);
    expect(excessiveNesting('-1\n--x\n- \t-\n', 2)).toBe('-1\n--x\n'.length);
    expect(excessiveNesting('? - a\r\n', 2)).toBe(0);
  });

  it('gives the offset of the first line over the limit in a large document', () => {
    const plain = '  - path: /etc/x\n    mode: 420\n'.repeat(20_000);
    const text = `a:\n${plain}b: ${'['.repeat(200)}${']'.repeat(200)}\n`;
    expect(excessiveNesting(text)).toBe(text.indexOf('b: '));
    expect(excessiveNesting(`a:\n${plain}`)).toBe(-1);
  });
});

describe('forbiddenCharacter', () => {
  it('finds the first character outside YAML 1.1 printable set', () => {
    expect(forbiddenCharacter('a: 1\n\tb: \u00e9\u{1f600}\n')).toBe(-1);
    expect(forbiddenCharacter('a: 1\nb: \u0000\u0001')).toBe(8);
    expect(forbiddenCharacter('a: \ufffe')).toBe(3);
  });
});
