import { inputKind } from './input-kind';
import type { Format } from './formats/format';
import { cloudConfigFormat } from './formats/cloud-config';
import { ignitionFormat } from './formats/ignition';
import { butaneFormat } from './formats/butane';
import { moduleOf, type FormatModule } from './format-modules';
import { runFormat } from './run-format';
import { MAX_INPUT_CHARS } from './limits';
import type { Report, ValidateOptions } from './types';

export { MAX_INPUT_CHARS };

/** Every format, loaded at once (the CLI, the package and the tests; the web worker loads them on use). */
const FORMATS: Record<FormatModule, Format> = { 'cloud-config': cloudConfigFormat, ignition: ignitionFormat, butane: butaneFormat };

/** Validates user-data text. Never throws: every input yields a report, its findings in document order. */
export function validate(text: string, options: ValidateOptions = {}): Report {
  const kind = options.format ?? inputKind(text);
  return runFormat(FORMATS[moduleOf(kind)], kind, text, options).report;
}
