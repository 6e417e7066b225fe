import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConversionClient, Converted } from './conversion-client';

export type Conversion =
  | { state: 'running' }
  | { state: 'done'; result: Converted; /** The cloud-config it was made from. */ source: string }
  | { state: 'failed'; message: string };

/**
 * The cloud-config → Butane conversion shown beside the editor. Its worker and code load on the
 * first conversion, not with the page.
 */
export function useConversion() {
  const [conversion, setConversion] = useState<Conversion | undefined>();
  const clientRef = useRef<Promise<ConversionClient> | undefined>(undefined);

  useEffect(
    () => () => {
      void clientRef.current?.then((c) => c.dispose());
      clientRef.current = undefined;
    },
    [],
  );

  const convert = useCallback(async (source: string) => {
    setConversion({ state: 'running' });
    clientRef.current ??= import('./conversion-client').then(({ ConversionClient }) => new ConversionClient());
    try {
      const client = await clientRef.current;
      const result = await client.convert(source);
      setConversion({ state: 'done', result, source });
    } catch (e) {
      const { SupersededError } = await import('./conversion-client');
      if (!(e instanceof SupersededError)) setConversion({ state: 'failed', message: (e as Error).message });
    }
  }, []);

  const close = useCallback(() => setConversion(undefined), []);

  return { conversion, convert, close };
}
