import type { Notice, NoticeTopic } from '../use-notices';

interface NoticesProps {
  notices: Notice[];
  onDismiss(topic: NoticeTopic): void;
}

/**
 * Messages about what the app did (opened, copied, saved, stopped, updated) or could not do.
 * They float over the page's corner, so no strip of the page is kept empty for them.
 */
export function Notices({ notices, onDismiss }: NoticesProps) {
  return (
    <div className="notices" role="status" aria-live="polite" data-testid="status">
      {notices.map((n) => (
        <p key={n.topic} className={`notice notice-${n.tone}`} data-topic={n.topic}>
          <span>{n.text}</span>
          <button type="button" className="dismiss" onClick={() => onDismiss(n.topic)} aria-label="Dismiss message">
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
