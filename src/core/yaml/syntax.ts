import type { YAMLError } from 'yaml';
import type { LibyamlError } from './libyaml-errors';

/** The parser's message without its source excerpt. */
export function plainMessage(e: YAMLError): string {
  return e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** Where a libyaml error points: its problem, else its context, else the start. */
export function libyamlOffset(e: LibyamlError): number {
  return e.problemMark?.offset ?? e.contextMark?.offset ?? 0;
}
