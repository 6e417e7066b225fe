import type { Notice, NoticeTopic } from '../use-notices';

interface StatusLineProps {
  notices: Notice[];
  onDismiss(topic: NoticeTopic): void;
}

/** Messages about what the app did (opened, copied, saved, stopped) or could not do. */
export function StatusLine({ notices, onDismiss }: StatusLineProps) {
  return (
    <footer className="status-line" role="status" aria-live="polite" data-testid="status">
      {notices.map((n) => (
        <p key={n.topic} className={`notice notice-${n.tone}`} data-topic={n.topic}>
          <span>{n.text}</span>
          <button type="button" className="dismiss" onClick={() => onDismiss(n.topic)} aria-label="Dismiss message">
            ×
          </button>
        </p>
      ))}
    </footer>
  );
}
