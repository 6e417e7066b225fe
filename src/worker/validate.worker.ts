/// <reference lib="webworker" />
import { applyTextEdit } from '../core/text/common-ends';
import type { ValidateFailure, WorkerRequest } from './protocol';
import { respond } from './respond';

/** The last request's text: what the next one may be an edit of. */
let held: { id: number; text: string } | undefined;

// Runs the validation core off the page's main thread, so typing never waits for it. The page
// keeps one run in flight, so answers go back in order even when a format's code loads first.
self.onmessage = async ({ data }: MessageEvent<WorkerRequest>) => {
  let text: string;
  if ('text' in data) text = data.text;
  else if (held?.id === data.edit.base) text = applyTextEdit(held.text, data.edit);
  else {
    // The page sends an edit only of the text it last sent to this worker.
    self.postMessage({ id: data.id, failure: 'it lost track of the text being edited' } satisfies ValidateFailure);
    return;
  }
  held = { id: data.id, text };
  try {
    self.postMessage(await respond({ id: data.id, text, rules: data.rules, target: data.target }));
  } catch (e) {
    // The core never throws on input; this is a format's code that could not be fetched.
    self.postMessage({ id: data.id, failure: `its code for this format did not load (${(e as Error)?.message ?? e})` } satisfies ValidateFailure);
  }
};
