import { describe, expect, it } from 'vitest';
import type { Finding } from '../types';
import { formatCoreosJson } from './coreos-json';

const at = (line: number, column: number, kind: Finding['kind'], message: string): Finding => ({ line, column, endLine: line, endColumn: column + 1, kind, message, rule: 'unknown-key' });

describe('formatCoreosJson', () => {
  it('escapes as Go\'s encoding/json of 2018 did', () => {
    expect(formatCoreosJson('cloud-config', [at(2, 1, 'warning', 'a<b>&c\u2028\u2029\b\f\t\n"\\é')])).toBe(
      '{"result":[{"kind":"warning","line":2,"message":"a\\u003cb\\u003e\\u0026c\\u2028\\u2029\\u0008\\u000c\\t\\n\\"\\\\é"}]}',
    );
  });

  it('keeps line 0 for what the reference could not place', () => {
    expect(formatCoreosJson('cloud-config', [at(0, 0, 'warning', 'incorrect type for "" (want struct)')])).toBe(
      '{"result":[{"kind":"warning","line":0,"message":"incorrect type for \\"\\" (want struct)"}]}',
    );
  });

  it('writes Ignition entries as structs: kind, message, then line and column when known', () => {
    expect(formatCoreosJson('ignition', [at(3, 7, 'error', 'path not absolute'), at(0, 0, 'error', 'unsupported config version')])).toBe(
      '{"result":[{"kind":"error","message":"path not absolute","line":3,"column":7},{"kind":"error","message":"unsupported config version"}]}',
    );
  });

  it('answers null for a script, an empty file or a clean config', () => {
    expect(formatCoreosJson('script', [])).toBe('{"result":null}');
    expect(formatCoreosJson('empty', [])).toBe('{"result":null}');
  });
});
