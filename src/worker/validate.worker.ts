/// <reference lib="webworker" />
import { validate } from '../core';
import { MAX_ENTRIES, type SeverityCounts, type ValidateRequest, type ValidateResponse } from './protocol';

// Runs the validation core off the page's main thread, so typing never waits for it.
self.onmessage = ({ data }: MessageEvent<ValidateRequest>) => {
  const started = performance.now();
  const report = validate(data.text, { rules: data.rules, target: data.target });
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of report.entries) counts[f.kind]++;
  const response: ValidateResponse = {
    id: data.id,
    kind: report.kind,
    entries: report.entries.slice(0, MAX_ENTRIES),
    total: report.entries.length,
    counts,
    ms: performance.now() - started,
  };
  self.postMessage(response);
};
