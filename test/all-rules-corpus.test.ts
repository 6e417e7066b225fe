import { describe, expect, it } from 'vitest';
import { LineIndex } from '../src/core/text/line-index';
import type { Finding } from '../src/core/types';
import { validate } from '../src/core/validate';
import { loadCases } from './conformance-cases';

/**
 * Over the whole corpus, every finding of the `all` rule set sits on a real line, inside the
 * text, on the token it names.
 */

const cases = loadCases().map((c) => ({ name: c.name, text: new TextDecoder().decode(c.bytes) }));

/** Spellings of a key that name the same field: quotes and list indices dropped, dashes as underscores. */
const keyForm = (s: string) => s.replace(/^["']|["']$/g, '').replace(/\[\d+\]$/, '').replace(/-/g, '_');

/** What a message quotes from the source: its "..." parts. */
const quoted = (message: string) => [...message.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]).filter((q) => q !== '');

/** Findings whose range is a key (the key itself, or the first key of an entry that lacks one). */
const ON_KEY = new Set(['unknown-key', 'deprecated-key', 'write-files-under-coreos', 'duplicate-key', 'foreign-dialect', 'etcd-bootstrap-conflict', 'unit-enable-without-install']);
const LACKS_KEY = /^this (unit|drop-in|users entry|write_files entry) has no/;

/** Rules that name their token without quoting it: what the range's line must hold. */
const NAMED_ON_LINE: Record<string, RegExp> = {
  'ssh-key': /\b(ssh|ecdsa|sk)-/,
  'etcd-cluster-size': /initial[-_]cluster["']?\s*:/,
  'read-only-path': /path["']?\s*:.*\/usr/,
};

/** What each finding must point at, by what its message names. */
function pointsAtItsToken(f: Finding, text: string, lines: LineIndex): boolean {
  const token = text.slice(f.from, f.to);
  const [lineFrom, lineTo] = lines.lineRange(f.line);
  // A list item named by its index (`units[1]`): the range is the item after its "- ".
  if (quoted(f.message).some((q) => /\[\d+\]$/.test(q))) return /-\s+$/.test(text.slice(lineFrom, f.from));
  const isKey = /^(["']?)[\w.-]+\1$/.test(token) && /^[ \t]*:/.test(text.slice(f.to));
  if (f.rule === 'unknown-key' || f.rule === 'deprecated-key') return isKey && keyForm(token) === keyForm(quoted(f.message)[0]);
  if (ON_KEY.has(f.rule) || LACKS_KEY.test(f.message)) return isKey;
  // A value: the message quotes it (or part of it), or names the key it belongs to, on its line or the one above.
  const [from] = lines.lineRange(Math.max(1, f.line - 1));
  const around = keyForm(text.slice(from, f.to));
  return (
    f.message.includes(token.trim()) ||
    quoted(f.message).some((q) => around.includes(keyForm(q))) ||
    (NAMED_ON_LINE[f.rule]?.test(text.slice(lineFrom, lineTo)) ?? false)
  );
}

/** Findings that describe the document rather than a token: parser errors, the first line, the size, the top level. */
const describes = (f: Finding) =>
  ['yaml-syntax', 'yaml-tab', 'collection-key', 'alias-bomb', 'too-deep', 'header', 'user-data-size'].includes(f.rule) || f.message.startsWith('the top level');

describe('the all rule set over the corpus', () => {
  const all = cases.flatMap(({ name, text }) => validate(text, { rules: 'all' }).entries.map((f) => ({ name, text, f })));

  it('has findings to check, and no check fails on any case', () => {
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter(({ f }) => f.rule === 'internal-error').map(({ name, f }) => `${name}: ${f.message}`)).toEqual([]);
  });

  it('never reports line 0, and every range is inside the text and starts on the finding\'s line', () => {
    const bad = all.filter(({ text, f }) => {
      if (f.line < 1 || f.from === undefined || f.to === undefined) return true;
      if (f.from < 0 || f.to > text.length || f.from > f.to) return true;
      return new LineIndex(text).lineOf(f.from) !== f.line;
    });
    expect(bad.map(({ name, f }) => `${name}:${f.line} ${f.rule}`)).toEqual([]);
  });

  it('points at the token each finding names', () => {
    const bad = all.filter(({ text, f }) => !describes(f) && !pointsAtItsToken(f, text, new LineIndex(text)));
    expect(bad.map(({ name, text, f }) => `${name}:${f.line} ${f.rule} ${JSON.stringify(text.slice(f.from, f.to))} ${f.message}`)).toEqual([]);
  });
});
