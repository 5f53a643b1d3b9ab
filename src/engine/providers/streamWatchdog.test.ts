import { describe, expect, it } from "vitest";
import { fakeTimers } from "../timersTestSupport";
import { StreamWatchdog, silenceError } from "./streamWatchdog";

const timeouts = { firstByteMs: 60_000, idleMs: 30_000 };

describe("StreamWatchdog", () => {
  it("gives up when nothing arrives within the first-byte timeout", () => {
    const timers = fakeTimers();
    const watchdog = new StreamWatchdog(timeouts, timers);
    timers.advance(59_999);
    expect(watchdog.signal.aborted).toBe(false);
    timers.advance(1);
    expect(watchdog.signal.aborted).toBe(true);
    expect(watchdog.fired).toBe("first-byte");
  });

  it("restarts the idle wait on every part, and gives up after a silence of idleMs", () => {
    const timers = fakeTimers();
    const watchdog = new StreamWatchdog(timeouts, timers);
    timers.advance(50_000);
    watchdog.heard();
    // The first-byte wait is over: 50 s + 29 s is past 60 s, but only the idle wait counts now.
    timers.advance(29_000);
    watchdog.heard();
    timers.advance(29_999);
    expect(watchdog.signal.aborted).toBe(false);
    timers.advance(1);
    expect(watchdog.fired).toBe("idle");
  });

  it("leaves no timer behind once stopped", () => {
    const timers = fakeTimers();
    const watchdog = new StreamWatchdog(timeouts, timers);
    watchdog.heard();
    watchdog.stop();
    expect(timers.pending()).toBe(0);
    timers.advance(120_000);
    expect(watchdog.fired).toBeNull();
  });
});

describe("silenceError", () => {
  it("says who sent nothing and for how long, and where to allow more time", () => {
    const error = silenceError("first-byte", timeouts, "OpenAI", "openai");
    expect(error.kind).toBe("timeout");
    expect(error.message).toMatch(/^OpenAI sent nothing for 60 s: .*Settings › Timeouts\.$/);
  });

  it("says the reply stopped arriving, with the idle timeout", () => {
    const error = silenceError(
      "idle",
      { firstByteMs: 60_000, idleMs: 2_000 },
      "Anthropic",
      "anthropic",
    );
    expect(error.message).toMatch(/^The reply stopped arriving for 2 s: Anthropic went silent/);
  });
});
