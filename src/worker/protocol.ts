import type { Finding, InputKind, RuleSetName, Severity, Target } from '../core';

/** Messages between the page and the validation worker. */

export interface ValidateRequest {
  id: number;
  text: string;
  rules: RuleSetName;
  target: Target;
}

export type SeverityCounts = Record<Severity, number>;

export interface ValidateResponse {
  id: number;
  kind: InputKind;
  /** The first MAX_ENTRIES findings in document order (line 0, the whole file, last). */
  entries: Finding[];
  /** How many findings there were in all, and of each severity. */
  total: number;
  counts: SeverityCounts;
  /** Time the validation took in the worker. */
  ms: number;
}

/**
 * Findings sent to the page per run. A pasted log file can yield hundreds of thousands; the
 * page lists and marks this many and says how many more there are.
 */
export const MAX_ENTRIES = 2000;
