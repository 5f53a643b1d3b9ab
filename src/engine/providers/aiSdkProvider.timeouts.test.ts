import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type MockLlmServer, startMockLlmServer } from "../../../test/mock-llm/mockLlmServer";
import { memoryId, messageId } from "../ids";
import { ProviderError, type ProviderRequest } from "../provider";
import { fakeTimers } from "../timersTestSupport";
import { createAiSdkProvider } from "./aiSdkProvider";
import { withRateLimitRetries } from "./rateLimitRetry";

let server: MockLlmServer;
beforeAll(async () => {
  server = await startMockLlmServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => server.reset());

const PROVIDERS = [
  ["openai", "/v1", "OpenAI"],
  ["anthropic", "/v1", "Anthropic"],
  ["google", "/v1beta", "Google Gemini"],
  ["openai-compatible", "/v1", "The OpenAI-compatible server at"],
] as const;

const timeouts = { firstByteMs: 60_000, idleMs: 60_000 };

function request(provider: ProviderRequest["provider"], path: string) {
  const deltas: string[] = [];
  const call: ProviderRequest = {
    provider,
    model: "test-model",
    baseUrl: `${server.url}${path}`,
    apiKey: "sk-test",
    messages: [
      {
        role: "user",
        content: "Earlier",
        source: { kind: "memory", memoryId: memoryId("m"), messageId: messageId("a") },
      },
      {
        role: "assistant",
        content: "Answer",
        source: { kind: "memory", memoryId: memoryId("m"), messageId: messageId("b") },
      },
      { role: "user", content: "Hello there", source: { kind: "run" } },
    ],
    maxTokens: 100,
    signal: new AbortController().signal,
    onDelta: (text) => deltas.push(text),
    timeouts,
  };
  return { call, deltas };
}

/** Waits (in real time, briefly) until the real HTTP exchange has got this far. */
async function until(condition: () => boolean): Promise<void> {
  // Up to 10 s: a busy machine (CI shares two cores) can take seconds over a local request.
  for (let i = 0; i < 2000 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
}

/** The call's end: its error, or "answered". Waits as long as it takes (the test's timeout). */
function settled(call: Promise<unknown>): Promise<ProviderError | "answered"> {
  return call.then(
    () => "answered" as const,
    (error: ProviderError) => error,
  );
}

/** Settles to the error, or "pending" if the call is still waiting after a moment. */
async function outcome(call: Promise<unknown>): Promise<ProviderError | "pending" | "answered"> {
  return Promise.race([
    settled(call),
    new Promise<"pending">((resolve) => setTimeout(() => resolve("pending"), 100)),
  ]);
}

describe.each(PROVIDERS)("%s: a call that gets no answer", (provider, path, label) => {
  it("gives up after the first-byte timeout when the server never answers", async () => {
    const timers = fakeTimers();
    const ai = createAiSdkProvider({ timers });
    server.enqueue({ hang: true });
    const { call } = request(provider, path);
    const pending = ai(call);
    await until(() => server.requests.length === 1);
    timers.advance(59_999);
    expect(await outcome(pending)).toBe("pending");
    timers.advance(1);
    const error = await settled(pending);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).kind).toBe("timeout");
    expect((error as ProviderError).message).toContain(`${label}`);
    expect((error as ProviderError).message).toContain("sent nothing for 60 s");
    // The request is cancelled, not left open on the server.
    expect(await server.requests[0]?.ended).toBe("client-closed");
  });

  it("gives up after the idle timeout when the stream stalls, keeping what arrived", async () => {
    const timers = fakeTimers();
    const ai = createAiSdkProvider({ timers });
    server.enqueue({ stallAfterChunks: 2, reply: "one two three four" });
    const { call, deltas } = request(provider, path);
    const pending = ai(call);
    await until(() => deltas.length === 2);
    timers.advance(59_999);
    expect(await outcome(pending)).toBe("pending");
    timers.advance(1);
    const error = (await settled(pending)) as ProviderError;
    expect(error.kind).toBe("timeout");
    expect(error.message).toMatch(/^The reply stopped arriving for 60 s/);
    expect(deltas.join("")).toBe("one two ");
    expect(await server.requests[0]?.ended).toBe("client-closed");
  });

  it("a reply that keeps arriving is not cut, however long it takes in all", async () => {
    const timers = fakeTimers();
    const ai = createAiSdkProvider({ timers });
    server.enqueue({ reply: "a b c d", chunkDelayMs: 30 });
    const { call } = request(provider, path);
    // Each piece of text comes 40 s after the one before: 160 s in all, never 60 s of silence.
    const { text } = await ai({ ...call, onDelta: () => timers.advance(40_000) });
    expect(text).toBe("a b c d");
    expect(timers.pending()).toBe(0);
  });

  it("a 429 with retry-after is retried after the wait, then the reply arrives", async () => {
    const timers = fakeTimers();
    const waits: number[] = [];
    const ai = withRateLimitRetries(createAiSdkProvider({ timers }), timers);
    server.enqueue({ fail: "rate-limit", retryAfter: "3" });
    const { call } = request(provider, path);
    const pending = ai({ ...call, onRetryWait: (w) => waits.push(w.until - timers.now()) });
    await until(() => waits.length === 1);
    expect(waits).toEqual([3000]);
    expect(server.requests).toHaveLength(1);
    timers.advance(3000);
    const { text } = await pending;
    expect(text).toBe('Mock reply #1 to "Hello there"');
    expect(server.requests).toHaveLength(2);
  });

  it("a 404 for the model points to the node's Model field", async () => {
    const ai = createAiSdkProvider();
    server.enqueue({ fail: "model-not-found" });
    const { call } = request(provider, path);
    const error = (await settled(ai({ ...call, model: "gpt-5x" }))) as ProviderError;
    expect(error.kind).toBe("model-not-found");
    expect(error.message).toContain(`The model "gpt-5x" does not exist at`);
    expect(error.message).toContain("change it in the node's Model field");
  });
});
