/// <reference lib="webworker" />
import { convertCloudConfig } from '../core/convert';
import type { ConvertRequest, ConvertResponse } from './protocol';

// Converts cloud-config to Butane off the page's main thread; started on the first conversion.
self.onmessage = async ({ data }: MessageEvent<ConvertRequest>) => {
  let response: ConvertResponse;
  try {
    const c = await convertCloudConfig(data.text);
    const ignition = c.ignition ? `${JSON.stringify(c.ignition, null, 2)}\n` : null;
    response = { type: 'converted', id: data.id, butane: c.butane, ignition, notes: c.notes, errors: c.errors };
  } catch (e) {
    response = { type: 'convert-failed', id: data.id, message: (e as Error).message };
  }
  self.postMessage(response);
};
