import { useCallback, useEffect, useRef, useState } from 'react';

export type NoticeTopic = 'link' | 'draft' | 'file' | 'validation' | 'clipboard' | 'size' | 'update' | 'conversion';
export type Tone = 'info' | 'warning' | 'error';

export interface Notice {
  topic: NoticeTopic;
  tone: Tone;
  text: string;
}

/** Info fades after this long; warnings and errors stay until dismissed or replaced. */
const INFO_MS = 8000;

/** The floating notices: one per topic, so a newer message replaces an older one. */
export function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const timers = useRef(new Map<NoticeTopic, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((topic: NoticeTopic) => {
    clearTimeout(timers.current.get(topic));
    setNotices((all) => (all.some((n) => n.topic === topic) ? all.filter((n) => n.topic !== topic) : all));
  }, []);

  const notify = useCallback(
    (topic: NoticeTopic, tone: Tone, text: string) => {
      clearTimeout(timers.current.get(topic));
      setNotices((all) => [...all.filter((n) => n.topic !== topic), { topic, tone, text }]);
      if (tone === 'info') timers.current.set(topic, setTimeout(() => dismiss(topic), INFO_MS));
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);

  return { notices, notify, dismiss };
}
