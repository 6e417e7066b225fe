/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
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

const SERVICE_WORKER = 'src/worker/service-worker.ts';
/** Public files the page itself uses (the JSON Schema is for editors elsewhere, not the page). */
const OFFLINE_PUBLIC = readdirSync('public').filter((f) => !f.endsWith('.schema.json'));

/**
 * Builds the service worker as `sw.js` next to index.html (its scope is the page's folder, so it
 * works under any sub-path) and writes into it the list of every file of this build.
 */
function offlineCopy(): Plugin {
  return {
    name: 'offline-copy',
    apply: 'build',
    generateBundle(_, bundle) {
      const sw = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith(SERVICE_WORKER));
      if (!sw || sw.type !== 'chunk') throw new Error('service worker chunk missing');
      const files = [...Object.keys(bundle).filter((f) => f !== sw.fileName && f !== 'index.html'), ...OFFLINE_PUBLIC].sort();
      const id = `${Date.now()}-${createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12)}`;
      sw.code = sw.code.replace('__BUILD_ID__', id).replace('__BUILD_FILES__', JSON.stringify(['./', ...files]).replace(/'/g, "\\'"));
    },
  };
}

// Relative asset URLs, so the build works from any sub-path (GitHub Pages serves /REPO/).
export default defineConfig({
  base: process.env.BASE_PATH ?? './',
  plugins: [react(), devServerCsp(), offlineCopy()],
  worker: { format: 'es' },
  // The editor and the validation core make one ~650 KB (200 KB gzip) first-load chunk by design.
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      input: { index: 'index.html', sw: SERVICE_WORKER },
      output: { entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js') },
    },
  },
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
