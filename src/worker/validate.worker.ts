/// <reference lib="webworker" />
import type { ValidateRequest } from './protocol';
import { respond } from './respond';

// Runs the validation core off the page's main thread, so typing never waits for it.
self.onmessage = ({ data }: MessageEvent<ValidateRequest>) => self.postMessage(respond(data));
