import { describe, expect, it } from "vitest";
import { callTokenCounter } from "./callAssembly";
import { memorySettings } from "./memorySettings";
import { contextLengthOf } from "./providers/providerTable";
import {
  countsExactly,
  ESTIMATE,
  estimateTextTokens,
  loadTokenCounter,
  MESSAGE_OVERHEAD,
  openAiEncoding,
} from "./tokenCount";

describe("token counting", () => {
  it("the estimate: 4 characters to a token, rounded up, plus the overhead per message", () => {
    expect([0, 1, 4, 5, 8, 9].map((n) => estimateTextTokens("x".repeat(n)))).toEqual([
      0, 1, 1, 2, 2, 3,
    ]);
    expect(ESTIMATE.count({ content: "hello" })).toBe(2 + MESSAGE_OVERHEAD);
    expect(ESTIMATE.exact).toBe(false);
  });

  it("OpenAI models count with their own tokenizer; other names get the estimate", async () => {
    expect(openAiEncoding("gpt-4o-mini")).toBe("o200k_base");
    expect(openAiEncoding("o3-mini")).toBe("o200k_base");
    expect(openAiEncoding("gpt-4-turbo")).toBe("cl100k_base");
    expect(openAiEncoding("llama3.2")).toBeNull();
    expect(countsExactly("openai", "gpt-4o")).toBe(true);
    expect(countsExactly("openai-compatible", "gpt-4o")).toBe(false);

    const o200k = await loadTokenCounter("openai", "gpt-4o");
    expect(o200k.exact).toBe(true);
    expect(o200k.name).toBe("o200k_base");
    // "Hello, world!" is 4 tokens in o200k_base (Hello , world !): not the estimate's 4 of 13 chars.
    expect(o200k.count({ content: "Hello, world!" })).toBe(4 + MESSAGE_OVERHEAD);
    const long = "internationalization ".repeat(20);
    expect(o200k.count({ content: long })).not.toBe(ESTIMATE.count({ content: long }));
    expect(await loadTokenCounter("openai", "gpt-4o-mini")).toBe(o200k);
    expect((await loadTokenCounter("openai", "gpt-4")).name).toBe("cl100k_base");
    expect(await loadTokenCounter("anthropic", "claude-3-5-haiku-latest")).toBe(ESTIMATE);
  });

  it("a call loads the tokenizer only when its node has a token budget", async () => {
    const model = { provider: "openai", model: "gpt-4o" };
    const budgeted = memorySettings({ memoryId: "M", memoryWindowTokens: 100 });
    expect((await callTokenCounter(budgeted, model)).exact).toBe(true);
    expect(await callTokenCounter(memorySettings({ memoryId: "M" }), model)).toBe(ESTIMATE);
    const writeOnly = memorySettings({
      memoryId: "M",
      memoryWindowTokens: 100,
      memoryMode: "write-only",
    });
    expect(await callTokenCounter(writeOnly, model)).toBe(ESTIMATE);
  });

  it("knows a few context lengths, by model name prefix", () => {
    expect(contextLengthOf("openai", "gpt-4o-mini")).toBe(128_000);
    expect(contextLengthOf("openai", "gpt-4")).toBe(8_192);
    expect(contextLengthOf("anthropic", "claude-sonnet-4")).toBe(200_000);
    expect(contextLengthOf("google", "gemini-2.0-flash")).toBe(1_048_576);
    expect(contextLengthOf("openai-compatible", "llama3.2")).toBeNull();
    expect(contextLengthOf("nope", "gpt-4o")).toBeNull();
  });
});
