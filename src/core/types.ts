/** 1-based line and column; `endLine`/`endColumn` point just past the range. */
export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Severity = 'error' | 'warning' | 'info';

export type InputKind = 'cloud-config' | 'script' | 'ignition' | 'multipart' | 'empty' | 'unknown';

export type RuleSetName = 'reference' | 'all';

/** A quick fix: replace [from, to) (0-based offsets into the text) with `insert`. */
export interface Fix {
  title: string;
  from: number;
  to: number;
  insert: string;
}

export interface Finding extends Position {
  kind: Severity;
  message: string;
  /** Stable rule id, e.g. `unknown-key`. */
  rule: string;
  /** 0-based offsets of the range in the text (absent when the finding has no place, line 0). */
  from?: number;
  to?: number;
  fixes?: Fix[];
}

export interface Report {
  kind: InputKind;
  entries: Finding[];
}

export interface ValidateOptions {
  rules?: RuleSetName;
}
