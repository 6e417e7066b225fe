import { useEffect } from 'react';
import { loadSetting, saveSetting } from './local-store';
import type { useNotices } from './use-notices';

/**
 * This build's identity: the entry script's file name, whose hash changes with any change to
 * the app, the worker or the lazily loaded parts (their names are in it).
 */
const BUILD = new URL(import.meta.url).pathname.split('/').pop() ?? '';

/**
 * Offline use and updates: installs the service worker (production builds only), and says so,
 * quietly, when this visit runs a newer build than the last one did.
 */
export function useOfflineSupport(notify: ReturnType<typeof useNotices>['notify']) {
  useEffect(() => {
    if (!import.meta.env.PROD) return;
    const previous = loadSetting('build');
    if (previous && previous !== BUILD) notify('update', 'info', 'The validator was updated since your last visit.');
    saveSetting('build', BUILD);
    if (!('serviceWorker' in navigator)) return;
    // After the first result is on screen: the copy for offline use is not urgent.
    const idle = requestIdleCallback(
      () =>
        void navigator.serviceWorker.register('./sw.js').catch(() => {
          // Offline use is a bonus (private windows and some browsers refuse it); the page works without.
        }),
      { timeout: 5000 },
    );
    return () => cancelIdleCallback(idle);
  }, [notify]);
}
