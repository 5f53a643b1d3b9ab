/** How often a streaming run's draft is written at most, and how much new text forces one. */
export const DRAFT_INTERVAL_MS = 500;
export const DRAFT_CHARS = 2048;

/**
 * Writes a running run's draft (the text streamed so far) as it grows: at most every
 * DRAFT_INTERVAL_MS, or at once when DRAFT_CHARS of new text are waiting; one write at a
 * time, each taking the newest state when its turn comes. A draft that cannot be written does
 * not fail the run: the next draft or the final record carries the same text.
 */
export class DraftWriter {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private waitingChars = 0;
  private writes: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly write: () => Promise<void>,
    private readonly limits = { intervalMs: DRAFT_INTERVAL_MS, chars: DRAFT_CHARS },
  ) {}

  /** `chars` more characters streamed in. */
  grew(chars: number): void {
    if (this.closed) return;
    this.waitingChars += chars;
    if (this.waitingChars >= this.limits.chars) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.limits.intervalMs);
  }

  /** No more drafts; resolves once the one being written is done, so the final record lands after it. */
  async close(): Promise<void> {
    this.closed = true;
    this.cancelTimer();
    await this.writes;
  }

  private flush(): void {
    this.cancelTimer();
    this.waitingChars = 0;
    this.writes = this.writes
      .then(() => (this.closed ? undefined : this.write()))
      .catch(() => {
        // Swallowed on purpose (see the class comment): the run goes on streaming.
      });
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
