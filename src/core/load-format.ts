import type { Format } from './formats/format';
import { moduleOf, type FormatModule } from './format-modules';
import type { InputKind } from './types';

/**
 * Each module loaded on first use, for the web worker: an Ignition or Butane config's code is
 * fetched only when such a config is first seen (the CLI and `validate` load them all at once).
 */
const LOADERS: Record<FormatModule, () => Promise<Format>> = {
  'cloud-config': async () => (await import('./formats/cloud-config')).cloudConfigFormat,
  ignition: async () => (await import('./formats/ignition')).ignitionFormat,
  butane: async () => (await import('./formats/butane')).butaneFormat,
};

const loaded = new Map<FormatModule, Format>();
const loading = new Map<FormatModule, Promise<Format>>();

/** The format for this kind if its module has loaded already (so a run can stay synchronous). */
export const loadedFormat = (kind: InputKind): Format | undefined => loaded.get(moduleOf(kind));

/** The format for this kind, loading its module once. A failed load is retried on the next call. */
export function loadFormat(kind: InputKind): Promise<Format> {
  const name = moduleOf(kind);
  const ready = loaded.get(name);
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(name);
  if (!pending) {
    pending = LOADERS[name]().then(
      (format) => (loaded.set(name, format), loading.delete(name), format),
      (e: unknown) => {
        loading.delete(name);
        throw e;
      },
    );
    loading.set(name, pending);
  }
  return pending;
}
