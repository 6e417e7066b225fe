import { KIND_LABEL, notCheckedReason } from '../core/report/kinds';
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

/**
 * The one line that answers "can I deploy this?". Warnings and info do not stop
 * coreos-cloudinit from applying a config, so a config with only those is still valid.
 */
export function summaryText(kind: InputKind, counts: Record<Severity, number>): string {
  if (kind === 'empty') return 'Empty';
  const found = countsText(counts);
  // Which formats go unchecked is the core's to say (the CLI says the same).
  if (notCheckedReason(kind)) return found || `${KIND_LABEL[kind][0].toUpperCase()}${KIND_LABEL[kind].slice(1)}: not checked`;
  if (counts.error > 0) return found;
  return found ? `Valid ${KIND_LABEL[kind]}, with ${found}` : `Valid ${KIND_LABEL[kind]}`;
}
