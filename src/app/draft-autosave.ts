import { saveDraft, type SaveOutcome } from './local-store';

const BIG_DRAFT_CHARS = 256 * 1024;

/**
 * Saves the draft shortly after edits stop, and at once when the page is hidden or closed, so
 * a reload loses nothing. Big drafts are saved only then: writing megabytes to localStorage
 * blocks the page (tens of ms per MB, far more on a busy machine), which must not happen while
 * someone is typing, and a pause in typing is no sign that they have stopped.
 */
export class DraftAutosave {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private unsaved = false;
  private readonly flushNow = () => this.flush();

  constructor(
    private readonly read: () => string,
    private readonly report: (outcome: SaveOutcome, chars: number) => void,
  ) {
    addEventListener('pagehide', this.flushNow);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  schedule(chars: number): void {
    clearTimeout(this.timer);
    this.unsaved = true;
    this.timer = chars > BIG_DRAFT_CHARS ? undefined : setTimeout(this.flushNow, 300);
  }

  flush(): void {
    if (!this.unsaved) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.unsaved = false;
    const text = this.read();
    this.report(saveDraft(text), text.length);
  }

  dispose(): void {
    this.flush();
    removeEventListener('pagehide', this.flushNow);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  private readonly onVisibility = () => {
    if (document.visibilityState === 'hidden') this.flush();
  };
}
