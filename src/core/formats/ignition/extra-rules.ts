/** Checks of the `all` rule set that ignition-validate never makes. */
import type { Severity, Target } from '../../types';
import type { Decoded } from './go-decode';
import type { JsonObject } from './json-reader';
import type { PathStep } from './reference-rules';
import type { SpecMinor } from './schema';

export interface ExtraFinding {
  kind: Severity;
  message: string;
  rule: string;
  path: PathStep[];
  /** An explicit range (e.g. a line inside a unit's contents). */
  range?: [number, number];
}

export function extraChecks(_config: Decoded, _root: JsonObject, _v: SpecMinor, _target: Target): ExtraFinding[] {
  return [];
}
