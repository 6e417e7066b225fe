import { saveDraft, type SaveOutcome } from './local-store';

/**
 * Saves the draft shortly after edits stop, and at once when the page is hidden or closed, so
 * a reload loses nothing. Big drafts wait longer: writing megabytes to localStorage blocks the
 * page for a moment, which should not happen between keystrokes.
 */
export class DraftAutosave {
  private timer: ReturnType<typeof setTimeout> | undefined;
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
    this.timer = setTimeout(this.flushNow, chars > 256 * 1024 ? 2000 : 300);
  }

  flush(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
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
