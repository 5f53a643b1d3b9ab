import type { Timers } from "./timers";

/** Timers that move only when a test says so: a 60 s timeout passes in no time. */
export interface FakeTimers extends Timers {
  /** Moves the clock on by `ms`, firing every timer due by then, in order. */
  advance(ms: number): void;
  /** How many timers are waiting. */
  pending(): number;
}

export function fakeTimers(start = 1_000_000): FakeTimers {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= end)
          .sort(([a, x], [b, y]) => x.at - y.at || a - b)[0];
        if (!due) break;
        const [id, timer] = due;
        timers.delete(id);
        now = timer.at;
        timer.callback();
      }
      now = end;
    },
    pending: () => timers.size,
  };
}
