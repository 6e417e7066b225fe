/// <reference lib="webworker" />
import type { ValidateFailure, ValidateRequest } from './protocol';
import { respond } from './respond';

// Runs the validation core off the page's main thread, so typing never waits for it. The page
// keeps one run in flight, so answers go back in order even when a format's code loads first.
self.onmessage = async ({ data }: MessageEvent<ValidateRequest>) => {
  try {
    self.postMessage(await respond(data));
  } catch (e) {
    // The core never throws on input; this is a format's code that could not be fetched.
    self.postMessage({ id: data.id, failure: `its code for this format did not load (${(e as Error)?.message ?? e})` } satisfies ValidateFailure);
  }
};
