import type { InputKind, Severity } from '../core';

const NOUNS: Record<Severity, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['info', 'info'],
};

/** "2 errors, 1 warning": the non-zero counts, most severe first. */
export function countsText(counts: Record<Severity, number>): string {
  return (['error', 'warning', 'info'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${NOUNS[s][counts[s] === 1 ? 0 : 1]}`)
    .join(', ');
}

const NOT_CHECKED: Partial<Record<InputKind, string>> = {
  script: 'Shell script: not checked',
  ignition: 'Ignition config: not checked',
  multipart: 'MIME multipart: not checked',
};

/**
 * The one line that answers "can I deploy this?". Warnings and info do not stop
 * coreos-cloudinit from applying a config, so a config with only those is still valid.
 */
export function summaryText(kind: InputKind, counts: Record<Severity, number>): string {
  if (kind === 'empty') return 'Empty';
  const found = countsText(counts);
  if (!found) return NOT_CHECKED[kind] ?? 'Valid cloud-config';
  if (counts.error > 0) return found;
  return kind === 'cloud-config' ? `Valid cloud-config, with ${found}` : found;
}
