import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type MockBehaviour,
  type MockLlmServer,
  startMockLlmServer,
} from "../../../test/mock-llm/mockLlmServer";
import { validateChatCompletionRequest } from "../../../test/mock-llm/openaiSchema";
import type { ProviderName } from "../flow";
import { memoryId, messageId } from "../ids";
import type { SentMessage } from "../messages";
import { ProviderError, type ProviderRequest } from "../provider";
import { aiSdkProvider } from "./aiSdkProvider";

const API_KEY = "sk-test-SECRET-4f9a2c";

let server: MockLlmServer;
/** A port nothing listens on: a server started and closed again. */
let deadUrl: string;

beforeAll(async () => {
  server = await startMockLlmServer();
  const dead = await startMockLlmServer();
  deadUrl = dead.url;
  await dead.close();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
});

const conversation: SentMessage[] = [
  { role: "system", content: "Be brief.", source: { kind: "system" } },
  {
    role: "user",
    content: "Earlier question",
    source: { kind: "memory", memoryId: memoryId("m1"), messageId: messageId("x1") },
  },
  {
    role: "assistant",
    content: "Earlier answer",
    source: { kind: "memory", memoryId: memoryId("m1"), messageId: messageId("x2") },
  },
  { role: "user", content: "Hello there", source: { kind: "run" } },
];

/** Where each provider's API lives on the mock, as a user would type it in Settings. */
const API_PATH: Record<string, string> = {
  openai: "/v1",
  "openai-compatible": "/v1",
  anthropic: "/v1",
  google: "/v1beta",
};

const NAME: Record<string, string> = {
  openai: "OpenAI",
  "openai-compatible": "OpenAI-compatible",
  anthropic: "Anthropic",
  google: "Google Gemini",
};

function request(
  provider: ProviderName,
  overrides: Partial<ProviderRequest> = {},
): ProviderRequest & { deltas: string[] } {
  const deltas: string[] = [];
  return {
    provider,
    model: "test-model",
    baseUrl: `${server.url}${API_PATH[provider]}`,
    apiKey: API_KEY,
    messages: conversation,
    maxTokens: 200,
    signal: new AbortController().signal,
    onDelta: (text) => deltas.push(text),
    ...overrides,
    deltas,
  };
}

async function failure(call: Promise<unknown>): Promise<ProviderError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ProviderError);
  const providerError = error as ProviderError;
  expect(providerError.message).not.toContain(API_KEY);
  return providerError;
}

const PROVIDERS = ["openai", "openai-compatible", "anthropic", "google"] as const;

describe.each(PROVIDERS)("%s through the AI SDK", (provider) => {
  it("streams the reply through onDelta in several pieces, then returns text and usage", async () => {
    const call = request(provider);
    const result = await aiSdkProvider(call);
    expect(result.text).toBe('Mock reply #1 to "Hello there"');
    expect(call.deltas.length).toBeGreaterThan(2);
    expect(call.deltas.join("")).toBe(result.text);
    // The mock counts the words of every message (4 messages, 8 words) and one token per chunk.
    expect(result.usage).toEqual({ inputTokens: 8, outputTokens: 6 });
  });

  it("returns a scripted reply unchanged", async () => {
    server.enqueue({ reply: 'Ünïcode — and "quotes"\nover two lines.' });
    const result = await aiSdkProvider(request(provider));
    expect(result.text).toBe('Ünïcode — and "quotes"\nover two lines.');
  });

  const cases: [string, MockBehaviour, ProviderError["kind"]][] = [
    ["an invalid key", { fail: "invalid-key" }, "auth"],
    ["an unknown model", { fail: "model-not-found" }, "model-not-found"],
    ["a rate limit", { fail: "rate-limit", retryAfter: "12" }, "rate-limit"],
    ["a server error", { fail: "server-error" }, "server"],
    ["a stream cut mid-way", { cutAfterChunks: 2 }, "network"],
    ["a malformed event", { malformedAfterChunks: 2 }, "bad-response"],
  ];
  it.each(cases)("explains %s", async (_, behaviour, kind) => {
    server.enqueue(behaviour);
    const error = await failure(aiSdkProvider(request(provider)));
    expect(error.kind).toBe(kind);
    expect(error.details.provider).toBe(provider);
    expect(error.message).toContain(NAME[provider]);
  });

  it("names the model it could not find", async () => {
    server.enqueue({ fail: "model-not-found" });
    const error = await failure(aiSdkProvider(request(provider, { model: "no-such-model" })));
    expect(error.message).toContain('"no-such-model"');
  });

  it("says when to retry after a rate limit, from retry-after", async () => {
    server.enqueue({ fail: "rate-limit", retryAfter: "12" });
    const error = await failure(aiSdkProvider(request(provider)));
    expect(error.details).toMatchObject({ status: 429, retryAfterSeconds: 12 });
    expect(error.message).toContain("12 seconds");
  });

  it("keeps the text that arrived before a cut, and says the reply broke off", async () => {
    server.enqueue({ cutAfterChunks: 2 });
    const call = request(provider);
    const error = await failure(aiSdkProvider(call));
    expect(call.deltas.join("")).toBe("Mock reply ");
    expect(error.message).toContain("broke off");
  });

  it("stops mid-stream on abort: rejects with 'aborted' and hangs up on the server", async () => {
    server.enqueue({ chunkDelayMs: 200 });
    const controller = new AbortController();
    const call = request(provider, {
      signal: controller.signal,
      onDelta: (text) => {
        call.deltas.push(text);
        controller.abort();
      },
    });
    const error = await failure(aiSdkProvider(call));
    expect(error.kind).toBe("aborted");
    expect(error.message).toBe("Stopped.");
    expect(call.deltas).toEqual(["Mock "]);
    expect(await server.requests[0]?.ended).toBe("client-closed");
  });

  it("stops before the reply starts, during a slow start", async () => {
    server.enqueue({ startDelayMs: 5000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const error = await failure(aiSdkProvider(request(provider, { signal: controller.signal })));
    expect(error.kind).toBe("aborted");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("names the base URL when the server cannot be reached", async () => {
    const baseUrl = `${deadUrl}${API_PATH[provider]}`;
    const error = await failure(aiSdkProvider(request(provider, { baseUrl })));
    expect(error.kind).toBe("network");
    expect(error.message).toContain(baseUrl);
    expect(error.message).toContain("CORS");
  });
});

describe("what reaches each API", () => {
  it("OpenAI: the messages in order, as Chat Completions that pass OpenAI's schema", async () => {
    await aiSdkProvider(request("openai", { temperature: 0.3 }));
    const [sent] = server.requests;
    expect(sent?.path).toBe("/v1/chat/completions");
    expect(sent?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(validateChatCompletionRequest(sent?.body)).toBeUndefined();
    expect(sent?.body).toMatchObject({
      model: "test-model",
      stream: true,
      temperature: 0.3,
      max_tokens: 200,
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Earlier question" },
        { role: "assistant", content: "Earlier answer" },
        { role: "user", content: "Hello there" },
      ],
    });
  });

  it("OpenAI-compatible: asks for usage, and sends no authorization without a key", async () => {
    const result = await aiSdkProvider(request("openai-compatible", { apiKey: undefined }));
    const [sent] = server.requests;
    expect(sent?.headers.authorization).toBeUndefined();
    expect(sent?.body).toMatchObject({ stream_options: { include_usage: true } });
    expect(validateChatCompletionRequest(sent?.body)).toBeUndefined();
    expect(result.usage.outputTokens).toBe(6);
  });

  it("Anthropic: the key, the version, the browser opt-in, and the system prompt apart", async () => {
    await aiSdkProvider(request("anthropic"));
    const [sent] = server.requests;
    expect(sent?.path).toBe("/v1/messages");
    expect(sent?.headers["x-api-key"]).toBe(API_KEY);
    expect(sent?.headers["anthropic-version"]).toBeDefined();
    expect(sent?.headers["anthropic-dangerous-direct-browser-access"]).toBe("true");
    expect(sent?.body).toMatchObject({
      model: "test-model",
      max_tokens: 200,
      system: [{ type: "text", text: "Be brief." }],
      messages: [
        { role: "user", content: [{ type: "text", text: "Earlier question" }] },
        { role: "assistant", content: [{ type: "text", text: "Earlier answer" }] },
        { role: "user", content: [{ type: "text", text: "Hello there" }] },
      ],
    });
  });

  it("Google: the key in a header, never in the URL, and the system instruction apart", async () => {
    await aiSdkProvider(request("google"));
    const [sent] = server.requests;
    expect(sent?.path).toBe("/v1beta/models/test-model:streamGenerateContent");
    expect(sent?.query).toEqual({ alt: "sse" });
    expect(sent?.headers["x-goog-api-key"]).toBe(API_KEY);
    expect(sent?.body).toMatchObject({
      systemInstruction: { parts: [{ text: "Be brief." }] },
      contents: [
        { role: "user", parts: [{ text: "Earlier question" }] },
        { role: "model", parts: [{ text: "Earlier answer" }] },
        { role: "user", parts: [{ text: "Hello there" }] },
      ],
    });
  });
});

describe("settings that cannot work", () => {
  it("asks for a key before calling a hosted provider without one", async () => {
    const error = await failure(aiSdkProvider(request("anthropic", { apiKey: undefined })));
    expect(error.kind).toBe("auth");
    expect(error.message).toContain("Anthropic");
    expect(server.requests).toHaveLength(0);
  });

  it("asks for a base URL for an OpenAI-compatible server", async () => {
    const error = await failure(
      aiSdkProvider(request("openai-compatible", { baseUrl: undefined })),
    );
    expect(error.kind).toBe("bad-request");
    expect(error.message).toContain("base URL");
    expect(server.requests).toHaveLength(0);
  });

  it("adds the Ollama CORS hint when an OpenAI-compatible server is unreachable", async () => {
    const error = await failure(
      aiSdkProvider(request("openai-compatible", { baseUrl: `${deadUrl}/v1` })),
    );
    expect(error.message).toContain("OLLAMA_ORIGINS=");
  });

  it("passes an exception from onDelta through unchanged", async () => {
    const mine = new Error("the UI broke");
    const call = request("openai", {
      onDelta: () => {
        throw mine;
      },
    });
    await expect(aiSdkProvider(call)).rejects.toBe(mine);
  });
});
