import { butaneToIgnition, validate } from '../core';
import { MAX_ENTRIES, type SeverityCounts, type ValidateRequest, type ValidateResponse } from './protocol';

/** One validation run, as the worker answers it (the page runs the same for small texts). */
export function respond({ id, text, rules, target }: ValidateRequest): ValidateResponse {
  const started = performance.now();
  const report = validate(text, { rules, target });
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of report.entries) counts[f.kind]++;
  // A Butane config's translation, for the page to show beside it (absent when Butane would refuse it).
  const translated = report.kind === 'butane' ? butaneToIgnition(text, { rules, target }).ignition : undefined;
  return {
    id,
    kind: report.kind,
    entries: report.entries.slice(0, MAX_ENTRIES),
    total: report.entries.length,
    counts,
    ...(translated ? { ignition: `${JSON.stringify(translated, null, 2)}\n` } : {}),
    ms: performance.now() - started,
  };
}
