import { inputKind } from './input-kind';
import { LineIndex } from './text/line-index';
import { sortFindings } from './report/order';
import { DEFAULT_TARGET, type Report, type ValidateOptions } from './types';
import { parseFailure } from './formats/cloud-config';
import { validate } from './validate';

/**
 * Validation of raw bytes (files, stdin): UTF-8 that does not decode is a finding of its own,
 * as it is for the reference's parser (which then reads nothing more); the `all` set still
 * checks the rest of the file.
 */
export function validateBytes(bytes: Uint8Array, options: ValidateOptions = {}): Report {
  try {
    return validate(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), options);
  } catch {
    // Not UTF-8: go on with replacement characters.
  }
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const kind = inputKind(text);
  if (kind !== 'cloud-config') return validate(text, options);
  const rules = options.rules ?? 'all';
  const target = options.target ?? DEFAULT_TARGET;
  const failure = parseFailure(
    new LineIndex(text),
    rules,
    rules === 'reference'
      ? 'invalid leading UTF-8 octet'
      : 'bytes that are not UTF-8: cloud-config must be UTF-8 text (binary data belongs in write_files content with encoding: base64)',
    rules === 'reference' ? 'yaml-syntax' : 'not-utf8',
    text.indexOf('\ufffd'),
  );
  return { kind, target, entries: sortFindings(rules === 'reference' ? failure : [...failure, ...validate(text, options).entries]) };
}
