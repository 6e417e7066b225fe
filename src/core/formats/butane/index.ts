import type { Format } from '../format';
import { LineIndex } from '../../text/line-index';
import { sortFindings } from '../../report/order';
import { DEFAULT_TARGET, type Report, type ValidateOptions } from '../../types';
import { translateButane, validateButane } from './validate';
import type { TranslateOptions } from './translate';

export type { LocalFiles, TreeEntry } from './local-files';
export type { Gzip } from './data-url';
export type { TranslateOptions as ButaneTranslateOptions } from './translate';

export const butaneFormat: Format = { validate: validateButane, translate: translateButane };

/**
 * Translates Butane to Ignition: the report, and the config when Butane would write one.
 * `files` reads the files directory (butane -d); `gzip` lets contents be compressed as butane does.
 */
export function butaneToIgnition(text: string, options: ValidateOptions & TranslateOptions = {}): { report: Report; ignition?: Record<string, unknown> } {
  const rules = options.rules ?? 'all';
  const target = options.target ?? DEFAULT_TARGET;
  const r = translateButane({ kind: 'butane', text, lines: new LineIndex(text), rules, target, declared: true }, { files: options.files, gzip: options.gzip });
  return { report: { kind: 'butane', target, entries: sortFindings(r.findings) }, ignition: r.ignition };
}
