import type { Report, Severity } from '../types';

/**
 * One input of a run: its report, or why it could not be read (`error`, in plain words such
 * as "no such file"). Every output format lists both kinds, so nothing is lost silently.
 */
export interface FileReport {
  file: string;
  report?: Report;
  error?: string;
}

export type SeverityCounts = Record<Severity, number>;

export function countFindings(files: readonly FileReport[]): SeverityCounts {
  const count: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const { report } of files) for (const e of report?.entries ?? []) count[e.kind]++;
  return count;
}

/** Files in the order a reader expects: by name (the findings inside are already in document order). */
export const byFileName = (files: readonly FileReport[]): FileReport[] =>
  [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
