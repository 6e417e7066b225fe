import type { Range } from '../yaml/tree';
import type { Severity } from '../types';
import type { convertRules } from './rule-table';

/** What the converter says about the source: one rule id per kind of note (see rule-table.ts). */
export type ConvertRule = keyof typeof convertRules;

export interface Note {
  rule: ConvertRule;
  kind: Extract<Severity, 'info' | 'warning'>;
  message: string;
  range: Range;
}
