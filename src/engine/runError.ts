import { ProviderError } from "./provider";
import type { RunError } from "./runSnapshot";

/** A failed call in a run's words: what the run, and a replay of one of its calls, record. */
export function toRunError(caught: unknown, aborted: boolean): RunError {
  if (aborted) return { kind: "aborted", message: "Stopped." };
  if (caught instanceof ProviderError) {
    return {
      kind: caught.kind,
      message: caught.message,
      ...(caught.details.retryAfterSeconds !== undefined && {
        retryAfterSeconds: caught.details.retryAfterSeconds,
      }),
      ...(caught.details.provider && { provider: caught.details.provider }),
      ...(caught.details.destinations && { destinations: [...caught.details.destinations] }),
    };
  }
  return { kind: "internal", message: caught instanceof Error ? caught.message : String(caught) };
}
