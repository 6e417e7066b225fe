/**
 * The service worker: keeps a copy of the built app so that it loads, validates and opens share
 * links with no network after the first visit. It only ever answers this app's own GET requests
 * from files it fetched itself from the same origin; it sends nothing anywhere.
 *
 * Updates: the browser re-fetches this script at each visit; a new build has a new file list,
 * so a new worker installs, takes over, and the visit after that gets the new build.
 */

// `self` is typed for the page as well; in this file it is the service worker's scope.
const sw = self as unknown as ServiceWorkerGlobalScope;

/** Filled in at build time (vite.config.ts): the build's id and its files, relative to this script. */
const BUILD = '__BUILD_ID__';
const FILES: string[] = JSON.parse('__BUILD_FILES__');

const PREFIX = 'cloud-config-validator-';
const CACHE = PREFIX + BUILD;
/** The page that answers every navigation: the app is one page; the config rides in the #fragment. */
const PAGE = new URL('./', sw.location.href).href;

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // 'reload' skips the HTTP cache: each file is the one this build was made with.
      await cache.addAll(FILES.map((file) => new Request(new URL(file, sw.location.href), { cache: 'reload' })));
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Build ids start with the build time. Keep the previous build too: a page opened before
      // this update may still load its own lazily loaded code from it.
      const builds = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE).sort();
      await Promise.all(builds.slice(0, -1).map((k) => caches.delete(k)));
    })(),
  );
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(PAGE)) return;
  event.respondWith(
    (async () => {
      const cached = request.mode === 'navigate' ? await caches.match(PAGE, { cacheName: CACHE }) : await caches.match(request, { ignoreSearch: true });
      return cached ?? fetch(request);
    })(),
  );
});
