import { expect, test as base } from '@playwright/test';

/**
 * Every end-to-end test runs under two promises of the app, checked after the test's own steps:
 * no request leaves the page's origin, and the console shows no error or warning.
 */
export const test = base.extend<{ quietConsole: boolean; promisesKept: void }>({
  /** A test that provokes a console message on purpose (a refused fetch) turns this off. */
  quietConsole: [true, { option: true }],
  promisesKept: [
    async ({ context, baseURL, quietConsole }, use) => {
      const origin = new URL(baseURL!).origin;
      const foreign: string[] = [];
      const messages: string[] = [];
      context.on('request', (r) => {
        const url = r.url();
        if (!url.startsWith(origin) && !/^(data|blob|about):/.test(url)) foreign.push(url);
      });
      context.on('console', (m) => {
        // The harness's own note when a test blocks service workers is not the app's. The URL a
        // message came from is kept with it: "Failed to load resource" names none itself.
        if (m.text().includes('blocked by Playwright')) return;
        if (m.type() === 'error' || m.type() === 'warning') messages.push(`${m.type()}: ${m.text()}${m.location().url ? ` (${m.location().url})` : ''}`);
      });
      context.on('weberror', (e) => messages.push(`pageerror: ${e.error().message}`));
      await use();
      expect(foreign, 'requests to other origins').toEqual([]);
      if (quietConsole) expect(messages, 'console errors and warnings').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
