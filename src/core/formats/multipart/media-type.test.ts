import { describe, expect, it } from 'vitest';
import { parseMediaType } from './media-type';

describe('parseMediaType', () => {
  it('lower-cases the type and parameter names, and reads token and quoted values', () => {
    expect(parseMediaType('Multipart/Mixed; Boundary="===15==" ; charset=us-ascii;')).toEqual({
      ok: true,
      type: 'multipart/mixed',
      params: new Map([['boundary', '===15=='], ['charset', 'us-ascii']]),
    });
    expect(parseMediaType('text/plain; x="a\\"b"')).toMatchObject({ ok: true, params: new Map([['x', 'a"b']]) });
  });

  it('refuses what Go\'s mime.ParseMediaType refuses', () => {
    expect(parseMediaType('')).toEqual({ ok: false, problem: 'no media type' });
    expect(parseMediaType('text/')).toEqual({ ok: false, problem: '"text/" has no subtype after the slash' });
    expect(parseMediaType('multipart/mixed; boundary===15==')).toEqual({ ok: false, problem: 'parameter "boundary" has no value (a value with characters such as = or / must be quoted)' });
    expect(parseMediaType('multipart/mixed; boundary=ab==')).toEqual({ ok: false, problem: 'the value of "boundary" must be quoted: it holds a character such as =, / or :' });
    expect(parseMediaType('multipart/mixed; boundary="ab')).toEqual({ ok: false, problem: 'the quoted value of "boundary" does not end' });
    expect(parseMediaType('a/b; x=1; X=2')).toEqual({ ok: false, problem: 'parameter "x" is given twice' });
    expect(parseMediaType('a/b; x')).toEqual({ ok: false, problem: 'parameter "x" has no "=value"' });
  });
});
