import { describe, expect, it } from "vitest";
import { type LlmProvider, ProviderError, type ProviderRequest, type RetryWait } from "../provider";
import { fakeTimers } from "../timersTestSupport";
import { RATE_LIMIT_RETRIES, retryDelay, withRateLimitRetries } from "./rateLimitRetry";

const limited = (retryAfterSeconds?: number) =>
  new ProviderError("rate-limit", "OpenAI is limiting requests (429).", {
    status: 429,
    provider: "openai",
    ...(retryAfterSeconds !== undefined && { retryAfterSeconds }),
  });

describe("retryDelay", () => {
  it("waits as long as retry-after says", () => {
    expect(retryDelay(limited(12), 1, 0)).toBe(12_000);
    expect(retryDelay(limited(0.5), 2, 1_000)).toBe(500);
  });

  it("backs off exponentially when the provider does not say", () => {
    const first = RATE_LIMIT_RETRIES.firstBackoffMs;
    expect([1, 2, 3].map((attempt) => retryDelay(limited(), attempt, 0))).toEqual([
      first,
      first * 2,
      first * 4,
    ]);
  });

  it("retries at most 3 times", () => {
    expect(retryDelay(limited(1), 3, 0)).toBe(1_000);
    expect(retryDelay(limited(1), 4, 0)).toBeNull();
  });

  it("never sends a retry later than 60 s after the first request", () => {
    expect(retryDelay(limited(60), 1, 0)).toBe(60_000);
    expect(retryDelay(limited(61), 1, 0)).toBeNull();
    expect(retryDelay(limited(20), 2, 41_000)).toBeNull();
  });

  it("does not retry other failures", () => {
    expect(retryDelay(new ProviderError("server", "500"), 1, 0)).toBeNull();
    expect(retryDelay(new ProviderError("model-not-found", "404"), 1, 0)).toBeNull();
  });
});

/** A provider that answers each call with the next scripted outcome. */
function scripted(...outcomes: (ProviderError | string)[]) {
  const calls: number[] = [];
  const provider: LlmProvider = async (request) => {
    calls.push(calls.length + 1);
    const next = outcomes.shift();
    if (next instanceof ProviderError) throw next;
    request.onDelta(next ?? "");
    return { text: next ?? "", usage: {} };
  };
  return { provider, calls };
}

function request(extra: Partial<ProviderRequest> = {}) {
  const waits: RetryWait[] = [];
  const deltas: string[] = [];
  const call: ProviderRequest = {
    provider: "openai",
    model: "gpt-4o-mini",
    messages: [],
    signal: new AbortController().signal,
    onDelta: (text) => deltas.push(text),
    onRetryWait: (wait) => waits.push(wait),
    ...extra,
  };
  return { call, waits, deltas };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("withRateLimitRetries", () => {
  it("announces the wait, waits it, and returns the reply of the retry", async () => {
    const timers = fakeTimers(1_000);
    const { provider, calls } = scripted(limited(12), "Hello");
    const { call, waits, deltas } = request();
    const result = withRateLimitRetries(provider, timers)(call);
    await flush();
    expect(waits).toEqual([{ attempt: 1, until: 13_000, providerLabel: "OpenAI" }]);
    timers.advance(11_999);
    await flush();
    expect(calls).toHaveLength(1);
    timers.advance(1);
    expect((await result).text).toBe("Hello");
    expect(calls).toHaveLength(2);
    expect(deltas).toEqual(["Hello"]);
  });

  it("gives up after 3 retries with the last error, saying it retried", async () => {
    const timers = fakeTimers();
    const { provider, calls } = scripted(limited(1), limited(1), limited(1), limited(1), "late");
    const { call, waits } = request();
    const result = withRateLimitRetries(provider, timers)(call).catch((e: ProviderError) => e);
    for (let i = 0; i < 3; i++) {
      await flush();
      timers.advance(1_000);
    }
    const error = (await result) as ProviderError;
    expect(calls).toHaveLength(4);
    expect(waits.map((w) => w.attempt)).toEqual([1, 2, 3]);
    expect(error.kind).toBe("rate-limit");
    expect(error.message).toContain("Retried automatically 3 times.");
  });

  it("fails at once when the provider asks for a wait longer than 60 s", async () => {
    const { provider, calls } = scripted(limited(120), "never");
    const { call, waits } = request();
    const error = await withRateLimitRetries(provider, fakeTimers())(call).catch((e) => e);
    expect(error.kind).toBe("rate-limit");
    expect(error.message).not.toContain("Retried");
    expect(waits).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it("ends with the rate limit's error when the user cancels the wait", async () => {
    const timers = fakeTimers();
    const { provider, calls } = scripted(limited(30), "never");
    const cancel = new AbortController();
    const { call } = request({ retryWaitSignal: cancel.signal });
    const result = withRateLimitRetries(provider, timers)(call).catch((e: ProviderError) => e);
    await flush();
    cancel.abort();
    const error = (await result) as ProviderError;
    expect(error.kind).toBe("rate-limit");
    expect(error.message).toBe("OpenAI is limiting requests (429).");
    expect(calls).toHaveLength(1);
    expect(timers.pending()).toBe(0);
  });

  it("Stop during the wait stops the call", async () => {
    const timers = fakeTimers();
    const { provider, calls } = scripted(limited(30), "never");
    const stop = new AbortController();
    const { call } = request({ signal: stop.signal });
    const result = withRateLimitRetries(provider, timers)(call).catch((e: ProviderError) => e);
    await flush();
    stop.abort();
    expect(((await result) as ProviderError).kind).toBe("aborted");
    expect(calls).toHaveLength(1);
  });

  it("does not retry other failures", async () => {
    const { provider, calls } = scripted(new ProviderError("server", "500"), "never");
    const { call, waits } = request();
    const error = await withRateLimitRetries(provider, fakeTimers())(call).catch((e) => e);
    expect(error.kind).toBe("server");
    expect(waits).toEqual([]);
    expect(calls).toHaveLength(1);
  });
});
