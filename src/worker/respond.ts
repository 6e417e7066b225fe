import { inputKind } from '../core/input-kind';
import { loadedFormat, loadFormat } from '../core/load-format';
import { runFormat } from '../core/run-format';
import type { Format } from '../core/formats/format';
import type { TextEdit } from '../core/text/common-ends';
import type { Finding, InputKind } from '../core/types';
import { MAX_ENTRIES, type SeverityCounts, type ValidateRequest, type ValidateResponse } from './protocol';

/**
 * One validation run, as the worker answers it; the first text of a format loads that format's
 * code (so a page that only ever sees cloud-config never fetches Ignition's or Butane's).
 */
export async function respond(request: ValidateRequest): Promise<ValidateResponse> {
  const started = performance.now();
  const kind = inputKind(request.text);
  return answer(request, kind, loadedFormat(kind) ?? (await loadFormat(kind)), started);
}

/**
 * The same run, synchronously, when the text's format has loaded already (the page runs small
 * texts this way); otherwise undefined, and the format starts loading for next time.
 */
export function respondLoaded(request: ValidateRequest): ValidateResponse | undefined {
  const started = performance.now();
  const kind = inputKind(request.text);
  const format = loadedFormat(kind);
  if (format) return answer(request, kind, format, started);
  void loadFormat(kind).catch(() => undefined); // the worker reports a format that cannot load
  return undefined;
}

/**
 * A provisional answer for an edit of a large text, from the complete answer `before` (for an
 * earlier text, with the same options) and a recheck of what the edit touched (see
 * Format.recheckEdit), for the page to show at once while the worker validates the whole text;
 * undefined where the format cannot give one, or has yet to load. `edit` turns the text `before`
 * answered into the one `request` is for, which is never read whole here.
 */
export function respondToEdit(before: { request: ValidateRequest; response: ValidateResponse }, request: Omit<ValidateRequest, 'text'>, edit: TextEdit): ValidateResponse | undefined {
  const started = performance.now();
  const { rules, target } = request;
  if (rules !== 'all' || before.request.rules !== rules || before.request.target !== target) return undefined;
  const old = before.request.text;
  // An edit undone: the text's own answer.
  if (edit.insert === old.slice(edit.from, edit.to)) return { ...before.response, id: request.id, ms: performance.now() - started };
  if (before.response.total !== before.response.entries.length) return undefined;
  // The recheck declines an edit that could make the text another kind of input.
  const { kind } = before.response;
  const format = loadedFormat(kind);
  if (!format?.recheckEdit) return undefined;
  const entries = format.recheckEdit({ text: old, entries: before.response.entries }, edit, (document) => {
    const { report } = runFormat(format, kind, document, { rules, target });
    return inputKind(document) === kind ? report.entries : undefined;
  });
  return entries && respondWith(request.id, kind, entries, undefined, started);
}

function answer({ id, text, rules, target }: ValidateRequest, kind: InputKind, format: Format, started: number): ValidateResponse {
  // A Butane config is translated in the same pass, for the page to show its Ignition beside it.
  const { report, ignition } = runFormat(format, kind, text, { rules, target }, true);
  return respondWith(id, report.kind, report.entries, ignition, started);
}

function respondWith(id: number, kind: InputKind, entries: Finding[], ignition: Record<string, unknown> | undefined, started: number): ValidateResponse {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of entries) counts[f.kind]++;
  return {
    id,
    kind,
    entries: entries.slice(0, MAX_ENTRIES),
    total: entries.length,
    counts,
    ...(ignition ? { ignition: `${JSON.stringify(ignition, null, 2)}\n` } : {}),
    ms: performance.now() - started,
  };
}
