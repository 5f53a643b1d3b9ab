import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type MockLlmServer, startMockLlmServer } from "../../../test/mock-llm/mockLlmServer";
import { createProviderResolver } from "../providerRegistry";

/** The AI SDK provider packages imported so far in this file's module graph, in order. */
const loaded = vi.hoisted(() => [] as string[]);

// Each factory runs when, and only when, something imports that package: the real module
// still answers, so the calls below really reach the mock server through it.
vi.mock("@ai-sdk/openai", async (original) => {
  loaded.push("openai");
  return original();
});
vi.mock("@ai-sdk/anthropic", async (original) => {
  loaded.push("anthropic");
  return original();
});
vi.mock("@ai-sdk/google", async (original) => {
  loaded.push("google");
  return original();
});
vi.mock("@ai-sdk/openai-compatible", async (original) => {
  loaded.push("openai-compatible");
  return original();
});

let server: MockLlmServer;
beforeAll(async () => {
  server = await startMockLlmServer();
});
afterAll(async () => {
  await server.close();
});

const ask = async (provider: "google" | "anthropic", apiPath: string) => {
  const resolve = createProviderResolver();
  const call = await resolve(provider);
  return call({
    provider,
    model: "test-model",
    baseUrl: `${server.url}${apiPath}`,
    apiKey: "sk-test",
    messages: [{ role: "user", content: "Hi", source: { kind: "run" } }],
    signal: new AbortController().signal,
    onDelta: () => {},
  });
};

describe("loading the AI SDK providers", () => {
  it("loads no provider package until a call needs one, then only that one", async () => {
    const resolve = createProviderResolver();
    await resolve("echo");
    expect(loaded).toEqual([]);

    const reply = await ask("google", "/v1beta");
    expect(reply.text).not.toBe("");
    expect(loaded).toEqual(["google"]);

    await ask("anthropic", "/v1");
    expect(loaded).toEqual(["google", "anthropic"]);
  });
});
