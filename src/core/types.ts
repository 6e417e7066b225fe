import type { RuleId } from './rule-table';

/** 1-based line and column; `endLine`/`endColumn` point just past the range. */
export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Severity = 'error' | 'warning' | 'info';

export type InputKind = 'cloud-config' | 'script' | 'ignition' | 'butane' | 'multipart' | 'empty' | 'unknown';

/** Formats a caller may declare (e.g. from a file extension) instead of having them detected. */
export type DeclaredFormat = 'ignition' | 'butane';

export type RuleSetName = 'reference' | 'all';

/**
 * The OS whose coreos-cloudinit judges the file: `flatcar` (today's Flatcar Container Linux)
 * or `coreos` (CoreOS Container Linux, the 2018 validator behind the old online tool).
 */
export type Target = 'flatcar' | 'coreos';

export const DEFAULT_TARGET: Target = 'flatcar';

/** A quick fix: replace [from, to) (0-based offsets into the text) with `insert`. */
export interface Fix {
  title: string;
  from: number;
  to: number;
  insert: string;
}

/** Another place a finding speaks of (the first of two entries), placed as findings are; `message` says what is there. */
export interface RelatedPlace extends Position {
  from: number;
  to: number;
  message: string;
}

export interface Finding extends Position {
  kind: Severity;
  message: string;
  /** Stable rule id, e.g. `unknown-key`: a key of the rule table (RULES). */
  rule: RuleId;
  /**
   * Where in the document, as a path from the root: `$.coreos.units[0].command`. Absent for
   * findings about no value (syntax errors, the header).
   */
  path?: string;
  /** 0-based offsets of the range in the text (absent when the finding has no place, line 0). */
  from?: number;
  to?: number;
  fixes?: Fix[];
  /** The place the message cites by its line, where it cites one. */
  related?: RelatedPlace;
}

export interface Report {
  kind: InputKind;
  /** The target the file was judged for. */
  target: Target;
  /** Findings in document order (line, then column); findings at line 0 come last. */
  entries: Finding[];
}

export interface ValidateOptions {
  rules?: RuleSetName;
  /** Default: `flatcar`. */
  target?: Target;
  /** The format, when the caller knows it (a `.ign` file); otherwise it is detected from the text. */
  format?: DeclaredFormat;
}
