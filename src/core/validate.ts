import { inputKind } from './input-kind';
import type { Format } from './formats/format';
import { cloudConfigFormat, otherUserData } from './formats/cloud-config';
import { ignitionFormat } from './formats/ignition';
import { butaneFormat } from './formats/butane';
import { LineIndex } from './text/line-index';
import { MAX_INPUT_CHARS } from './limits';
import { sortFindings } from './report/order';
import { DEFAULT_TARGET, type Finding, type InputKind, type Report, type ValidateOptions } from './types';

export { MAX_INPUT_CHARS };

/** The formats with a pipeline of their own; other user-data is judged by its first line. */
const FORMATS: Partial<Record<InputKind, Format>> = { 'cloud-config': cloudConfigFormat, ignition: ignitionFormat, butane: butaneFormat };

/** Validates user-data text. Never throws: every input yields a report, its findings in document order. */
export function validate(text: string, options: ValidateOptions = {}): Report {
  const rules = options.rules ?? 'all';
  const target = options.target ?? DEFAULT_TARGET;
  const kind = options.format ?? inputKind(text);
  const lines = new LineIndex(text);
  let entries: Finding[];
  try {
    const format = FORMATS[kind];
    entries = format
      ? format.validate({ text, lines, rules, target, declared: options.format !== undefined })
      : otherUserData(kind, text, rules, target, lines);
  } catch (e) {
    // A bug of ours must not cost the user their report.
    entries = [{ line: 1, column: 1, endLine: 1, endColumn: 1, kind: 'error', rule: 'internal-error', message: `validator failed: ${(e as Error)?.message ?? e}` }];
  }
  return { kind, target, entries: sortFindings(entries) };
}
