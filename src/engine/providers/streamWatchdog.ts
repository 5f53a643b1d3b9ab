import type { ProviderName } from "../flow";
import { type CallTimeouts, ProviderError } from "../provider";
import type { Timers } from "../timers";

/** Which wait ran out: the reply never started, or it stopped arriving. */
export type Silence = "first-byte" | "idle";

/**
 * Gives up on a call whose reply does not start in time, or stops arriving. Its signal aborts
 * the request (merge it with the user's); `fired` then says which wait ran out. Started when
 * the request is sent; `heard()` on every part of the reply; `stop()` when the call is over.
 */
export class StreamWatchdog {
  readonly signal: AbortSignal;
  fired: Silence | null = null;
  private readonly controller = new AbortController();
  private handle: unknown = undefined;

  constructor(
    private readonly timeouts: CallTimeouts,
    private readonly timers: Timers,
  ) {
    this.signal = this.controller.signal;
    this.arm("first-byte", timeouts.firstByteMs);
  }

  /** Part of the reply arrived: it has started, and the idle wait starts again. */
  heard(): void {
    if (this.fired) return;
    this.arm("idle", this.timeouts.idleMs);
  }

  stop(): void {
    this.timers.clearTimeout(this.handle);
  }

  private arm(silence: Silence, ms: number): void {
    this.timers.clearTimeout(this.handle);
    this.handle = this.timers.setTimeout(() => {
      this.fired = silence;
      this.controller.abort(new Error(`No answer for ${ms} ms`));
    }, ms);
  }
}

/** What the user is told when a wait runs out; Retry is offered as for any failed call. */
export function silenceError(
  silence: Silence,
  timeouts: CallTimeouts,
  label: string,
  provider: ProviderName,
): ProviderError {
  const more = "Try again, or allow more time in Settings › Timeouts.";
  const message =
    silence === "first-byte"
      ? `${capitalise(label)} sent nothing for ${seconds(timeouts.firstByteMs)}: it may be overloaded, or the model may still be working. ${more}`
      : `The reply stopped arriving for ${seconds(timeouts.idleMs)}: ${label} went silent in the middle of it. ${more}`;
  return new ProviderError("timeout", message, { provider });
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
