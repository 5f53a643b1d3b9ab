import { describe, expect, it } from "vitest";
import { echoProvider } from "./echoProvider";
import { memoryId, messageId } from "./ids";

describe("echo provider", () => {
  it("streams an honest description of what it received", async () => {
    const pieces: string[] = [];
    const result = await echoProvider({
      provider: "echo",
      model: "echo",
      signal: new AbortController().signal,
      onDelta: (t) => pieces.push(t),
      messages: [
        { role: "system", content: "Be brief.", source: { kind: "system" } },
        {
          role: "user",
          content: "Hi! My name is David",
          source: { kind: "memory", memoryId: memoryId("chat_llm"), messageId: messageId("a") },
        },
        {
          role: "assistant",
          content: "Hello",
          source: { kind: "memory", memoryId: memoryId("chat_llm"), messageId: messageId("b") },
        },
        { role: "user", content: "What is my name?", source: { kind: "run" } },
      ],
    });
    expect(result.text).toBe(
      'Echo: I received 4 messages, 2 from memory "chat_llm", 1 system prompt. Your last message: "What is my name?"',
    );
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join("")).toBe(result.text);
  });

  it("refuses to answer once stopped", async () => {
    const controller = new AbortController();
    controller.abort();
    const call = echoProvider({
      provider: "echo",
      model: "echo",
      signal: controller.signal,
      onDelta: () => {},
      messages: [],
    });
    await expect(call).rejects.toMatchObject({ kind: "aborted" });
  });
});

describe("echo provider with a long prompt", () => {
  it("quotes at most 120 characters of it", async () => {
    const long = "x".repeat(500);
    const result = await echoProvider({
      provider: "echo",
      model: "echo",
      signal: new AbortController().signal,
      onDelta: () => {},
      messages: [{ role: "user", content: long, source: { kind: "run" } }],
    });
    expect(result.text).toBe(
      `Echo: I received 1 message, none from memory. Your last message: "${"x".repeat(119)}…"`,
    );
  });
});
