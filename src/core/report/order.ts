import type { Finding } from '../types';

/**
 * Document order, as a reader goes through a file: line, then column; findings the reference
 * could not place (line 0) come last. Stable, so findings at one place keep the rules' order.
 */
export const documentOrder = (a: Finding, b: Finding): number =>
  (a.line || Infinity) - (b.line || Infinity) || a.column - b.column;

export const sortFindings = (entries: Finding[]): Finding[] => entries.sort(documentOrder);
