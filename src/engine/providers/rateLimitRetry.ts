import { type LlmProvider, ProviderError } from "../provider";
import { realTimers, sleep, type Timers } from "../timers";
import { defaultBaseUrl, providerLabel } from "./providerErrors";

/** How a rate-limited call is retried: a few times, soon, or not at all. */
export interface RetryPolicy {
  maxRetries: number;
  /** Every retry is sent within this long of the first request; a longer wait is the user's. */
  withinMs: number;
  /** The first wait when the provider does not say how long (then 2×, 4×…). */
  firstBackoffMs: number;
}

export const RATE_LIMIT_RETRIES: RetryPolicy = {
  maxRetries: 3,
  withinMs: 60_000,
  firstBackoffMs: 2_000,
};

/**
 * How long to wait before retry number `attempt` (1-based) after `error`, or null when the
 * call should fail instead: not a rate limit, retries used up, or the wait would end more
 * than `withinMs` after the first request (`elapsedMs` ago).
 */
export function retryDelay(
  error: ProviderError,
  attempt: number,
  elapsedMs: number,
  policy: RetryPolicy = RATE_LIMIT_RETRIES,
): number | null {
  if (error.kind !== "rate-limit" || attempt > policy.maxRetries) return null;
  const { retryAfterSeconds } = error.details;
  const delay =
    retryAfterSeconds !== undefined
      ? Math.max(0, retryAfterSeconds * 1000)
      : policy.firstBackoffMs * 2 ** (attempt - 1);
  return elapsedMs + delay > policy.withinMs ? null : delay;
}

/**
 * Retries a rate-limited call by itself, announcing each wait (`onRetryWait`) so the chat can
 * count down. `retryWaitSignal` gives up waiting: the call then fails with the rate limit's
 * own error. A call that streamed some text is never retried (the text would be repeated).
 */
export function withRateLimitRetries(
  provider: LlmProvider,
  timers: Timers = realTimers,
  policy: RetryPolicy = RATE_LIMIT_RETRIES,
): LlmProvider {
  return async (request) => {
    const started = timers.now();
    for (let attempt = 1; ; attempt++) {
      let streamed = false;
      try {
        return await provider({
          ...request,
          onDelta: (text) => {
            streamed = true;
            request.onDelta(text);
          },
        });
      } catch (error) {
        if (!(error instanceof ProviderError) || streamed) throw error;
        const giveUp = request.retryWaitSignal;
        const delay = retryDelay(error, attempt, timers.now() - started, policy);
        if (delay === null || request.signal.aborted || giveUp?.aborted) {
          throw attempt > 1 ? afterRetries(error, attempt - 1) : error;
        }
        request.onRetryWait?.({
          attempt,
          until: timers.now() + delay,
          providerLabel: providerLabel(
            request.provider,
            request.baseUrl ?? defaultBaseUrl(request.provider),
          ),
        });
        await sleep(
          timers,
          delay,
          giveUp ? AbortSignal.any([request.signal, giveUp]) : request.signal,
        );
        if (request.signal.aborted) {
          throw new ProviderError("aborted", "Stopped.", { provider: request.provider });
        }
        if (giveUp?.aborted) throw error;
      }
    }
  };
}

/** The last refusal, saying the app already tried again. */
function afterRetries(error: ProviderError, retries: number): ProviderError {
  const times = retries === 1 ? "once" : `${retries} times`;
  return new ProviderError(
    error.kind,
    `${error.message} (Retried automatically ${times}.)`,
    error.details,
  );
}
