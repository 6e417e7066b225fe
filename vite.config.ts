/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The page's Content-Security-Policy forbids every connection. The dev server needs two
 * exceptions for hot reload (its websocket and React's inline refresh preamble); builds keep
 * the strict policy.
 */
function devServerCsp(): Plugin {
  return {
    name: 'dev-server-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace("connect-src 'none'", "connect-src 'self' ws: wss:").replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
  };
}

// Relative asset URLs, so the build works from any sub-path (GitHub Pages serves /REPO/).
export default defineConfig({
  base: process.env.BASE_PATH ?? './',
  plugins: [react(), devServerCsp()],
  worker: { format: 'es' },
  // The editor and the validation core make one ~650 KB (200 KB gzip) first-load chunk by design.
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 800 },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/build-lib.global-setup.ts'],
    // Corpus-wide tests take seconds on a busy 2-core CI machine; a hang still fails.
    testTimeout: 30_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
