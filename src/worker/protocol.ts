import type { Finding, InputKind, RuleSetName, Severity, Target } from '../core';
import type { TextEdit } from '../core/text/common-ends';

/** Messages between the page and the validation worker. */

export interface ValidateRequest {
  id: number;
  text: string;
  rules: RuleSetName;
  target: Target;
}

/**
 * A request as the page posts it: with the whole text, or, for a big one, with the edit that
 * turns the text of request `base` (the worker's last) into it, so that a keystroke does not
 * copy a megabyte to the worker and back into a string there.
 */
export type WorkerRequest = Omit<ValidateRequest, 'text'> & ({ text: string } | { edit: TextEdit & { base: number } });

export type SeverityCounts = Record<Severity, number>;

export interface ValidateResponse {
  id: number;
  kind: InputKind;
  /** The first MAX_ENTRIES findings in document order (line 0, the whole file, last). */
  entries: Finding[];
  /** How many findings there were in all, and of each severity. */
  total: number;
  counts: SeverityCounts;
  /** For a Butane config that translates: the Ignition config it becomes, as JSON text. */
  ignition?: string;
  /** Time the validation took in the worker. */
  ms: number;
}

/** The worker could not run the validator (a format's code failed to load). */
export interface ValidateFailure {
  id: number;
  failure: string;
}

/**
 * Findings sent to the page per run. A pasted log file can yield hundreds of thousands; the
 * page lists and marks this many and says how many more there are.
 */
export const MAX_ENTRIES = 2000;

/** Messages between the page and the conversion worker (cloud-config → Butane and Ignition). */

export interface ConvertRequest {
  type: 'convert';
  id: number;
  text: string;
}

export type ConvertResponse =
  | {
      type: 'converted';
      id: number;
      /** The Butane config, or '' when the source has errors. */
      butane: string;
      /** The Ignition config as JSON text, or null when the source has errors. */
      ignition: string | null;
      /** What was not carried over as it was, at its place in the cloud-config. */
      notes: Finding[];
      /** The source's errors; nothing is converted then. */
      errors: Finding[];
    }
  | { type: 'convert-failed'; id: number; message: string };
