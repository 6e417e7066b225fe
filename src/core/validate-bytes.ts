import type { Report, ValidateOptions } from './types';
import { validate } from './validate';
import { LineIndex } from './text/line-index';

/**
 * Validation of raw bytes (files, stdin): UTF-8 that does not decode is a finding of its own,
 * as it is for the reference's parser, and the rest of the file is still checked.
 */
export function validateBytes(bytes: Uint8Array, options: ValidateOptions = {}): Report {
  try {
    return validate(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), options);
  } catch {
    // Not UTF-8: fall through with replacement characters.
  }
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const report = validate(text, options);
  if (report.kind !== 'cloud-config') return report;
  const at = text.indexOf('\ufffd');
  if (options.rules === 'reference') {
    return {
      kind: report.kind,
      entries: [
        { line: 1, column: 1, endLine: 1, endColumn: 1, kind: 'error', message: 'invalid leading UTF-8 octet', rule: 'yaml-syntax' },
        { line: 0, column: 0, endLine: 0, endColumn: 0, kind: 'warning', message: 'incorrect type for "" (want struct)', rule: 'wrong-type' },
      ],
    };
  }
  const pos = new LineIndex(text).position(at);
  return {
    kind: report.kind,
    entries: [
      {
        line: pos.line,
        column: pos.column,
        endLine: pos.line,
        endColumn: pos.column + 1,
        from: at,
        to: at + 1,
        kind: 'error',
        message: 'bytes that are not UTF-8: cloud-config must be UTF-8 text (binary data belongs in write_files content with encoding: base64)',
        rule: 'not-utf8',
      },
      ...report.entries,
    ],
  };
}
