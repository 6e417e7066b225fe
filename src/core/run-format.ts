import type { Format } from './formats/format';
import { LineIndex } from './text/line-index';
import { sortFindings } from './report/order';
import { DEFAULT_TARGET, type Finding, type InputKind, type Report, type ValidateOptions } from './types';

export interface Checked {
  report: Report;
  /** With `translate`, for a format that is translated (Butane): the Ignition config it becomes. */
  ignition?: Record<string, unknown>;
}

/**
 * Runs one format's pipeline on a text of the given kind. Never throws: an exception inside a
 * format (a bug of ours) becomes an `internal-error` finding, so the user keeps a report.
 */
export function runFormat(format: Format, kind: InputKind, text: string, options: ValidateOptions = {}, translate = false): Checked {
  const rules = options.rules ?? 'all';
  const target = options.target ?? DEFAULT_TARGET;
  const input = { kind, text, lines: new LineIndex(text), rules, target, declared: options.format !== undefined };
  let entries: Finding[];
  let ignition: Record<string, unknown> | undefined;
  try {
    if (translate && format.translate) ({ findings: entries, ignition } = format.translate(input));
    else entries = format.validate(input);
  } catch (e) {
    entries = [{ line: 1, column: 1, endLine: 1, endColumn: 1, kind: 'error', rule: 'internal-error', message: `validator failed: ${(e as Error)?.message ?? e}` }];
    ignition = undefined;
  }
  return { report: { kind, target, entries: sortFindings(entries) }, ...(ignition ? { ignition } : {}) };
}
