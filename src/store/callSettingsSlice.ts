import { type CallTimeouts, DEFAULT_CALL_TIMEOUTS } from "../engine/provider";
import { SETTINGS } from "./settingsKeys";
import type { SliceContext } from "./sliceContext";

/** How long calls wait for an answer (Settings › Timeouts), and the rate-limit wait in progress. */
export interface CallSettingsState {
  callTimeouts: CallTimeouts;
  /** Saves the given timeouts; a value out of range (see TIMEOUT_RANGE_MS) is refused. */
  setCallTimeouts(patch: Partial<CallTimeouts>): Promise<void>;
  /** Aborted to give up a rate-limit wait of the run in progress (set by sendMessage). */
  retryWait: AbortController | null;
  /** Stops waiting to retry: the call ends with the rate limit's error, and Retry. */
  cancelRetryWait(): void;
}

/** A timeout from 1 s to 10 min: shorter fails real models, longer is as good as none. */
export const TIMEOUT_RANGE_MS = { min: 1_000, max: 600_000 } as const;

function validTimeout(value: unknown): value is number {
  return (
    typeof value === "number" &&
    Number.isInteger(value) &&
    value >= TIMEOUT_RANGE_MS.min &&
    value <= TIMEOUT_RANGE_MS.max
  );
}

/** The saved timeouts; each one missing or wrong (another version, a hand edit) is the default. */
export function asCallTimeouts(value: unknown): CallTimeouts {
  const saved =
    typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  return {
    firstByteMs: validTimeout(saved.firstByteMs)
      ? saved.firstByteMs
      : DEFAULT_CALL_TIMEOUTS.firstByteMs,
    idleMs: validTimeout(saved.idleMs) ? saved.idleMs : DEFAULT_CALL_TIMEOUTS.idleMs,
  };
}

export function createCallSettingsSlice({
  set,
  get,
  openStorage,
}: SliceContext): CallSettingsState {
  return {
    callTimeouts: DEFAULT_CALL_TIMEOUTS,
    retryWait: null,

    async setCallTimeouts(patch) {
      const next = { ...get().callTimeouts };
      for (const key of ["firstByteMs", "idleMs"] as const) {
        const value = patch[key];
        if (value === undefined) continue;
        if (!validTimeout(value)) {
          throw new RangeError(
            `A timeout must be a whole number of seconds from ${TIMEOUT_RANGE_MS.min / 1000} to ${TIMEOUT_RANGE_MS.max / 1000}.`,
          );
        }
        next[key] = value;
      }
      set({ callTimeouts: next });
      await openStorage()?.settings.put(SETTINGS.callTimeouts, next);
    },

    cancelRetryWait: () => get().retryWait?.abort(),
  };
}
