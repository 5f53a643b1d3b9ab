import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Conversation } from "../../test/helpers/engineHarness";
import {
  assembleCall,
  contextWarning,
  readCallMemoryShown,
  sentMessages,
  systemPromptOf,
} from "./callAssembly";
import type { Flow, LlmConfig, MemoryMode } from "./flow";
import { MEMORY_MODES } from "./flow";
import { InMemorySaver } from "./InMemorySaver";
import { conversationId, memoryId, messageId, nodeId, runId } from "./ids";
import { nodeMemory } from "./memorySettings";
import type { MemoryMessage, SentMessage } from "./messages";
import type { LlmProvider, ProviderResolver } from "./provider";

const message = (i: number, role: MemoryMessage["role"]): MemoryMessage => ({
  id: messageId(`m${i}`),
  conversationId: conversationId("c"),
  memoryId: memoryId("M"),
  runId: runId("r"),
  nodeId: nodeId("chat_llm"),
  prev: i === 0 ? null : messageId(`m${i - 1}`),
  index: i,
  role,
  content: `${role === "user" ? "U" : "A"}${i}`,
  createdAt: i,
});

describe("assembleCall", () => {
  it("orders system prompt, dropped (shown, not sent), kept, prompt, each tagged", () => {
    const [m1, m2, m3] = [1, 2, 3].map((i) => message(i, i % 2 ? "assistant" : "user"));
    const call = assembleCall({
      systemPrompt: "Be brief.",
      memory: {
        memoryId: memoryId("M"),
        kept: [m2, m3] as MemoryMessage[],
        droppedCount: 2,
        firstDroppedId: messageId("m1"),
        windowTokens: null,
        droppedByBudget: 0,
        keptTokens: null,
      },
      shown: { dropped: [m1] as MemoryMessage[], earlier: 1 },
      prompt: "U4",
    });
    expect(call.messages.map((m) => [m.role, m.content, m.source.kind, m.dropped])).toEqual([
      ["system", "Be brief.", "system", false],
      ["assistant", "A1", "memory", true],
      ["user", "U2", "memory", false],
      ["assistant", "A3", "memory", false],
      ["user", "U4", "run", false],
    ]);
    expect(call.dropped).toEqual({ count: 2, firstDroppedId: "m1" });
    expect(call.earlier).toBe(1);
    expect(call.messages[2]?.source).toEqual({ kind: "memory", memoryId: "M", messageId: "m2" });
    expect(sentMessages(call).map((m) => m.content)).toEqual(["Be brief.", "U2", "A3", "U4"]);
  });

  it("sends no system message for a blank system prompt, and only the prompt without memory", () => {
    for (const systemPrompt of [undefined, "", "  \n"]) {
      const call = assembleCall({ systemPrompt, memory: null, prompt: "Hi" });
      expect(sentMessages(call)).toEqual([
        { role: "user", content: "Hi", source: { kind: "run" } },
      ]);
      expect(call.dropped).toEqual({ count: 0, firstDroppedId: null });
    }
    expect(systemPromptOf({ systemPrompt: " Be brief. " })).toBe(" Be brief. ");
  });
});

/** input -> chat_llm -> output, chat_llm on memory M with the given settings. */
function chatFlow(config: Partial<LlmConfig>): Flow {
  return {
    schema: "llm-flow-studio/flow",
    version: 3,
    name: "chat",
    nodes: [
      { id: nodeId("input"), type: "input", position: { x: 0, y: 0 } },
      {
        id: nodeId("chat_llm"),
        type: "llm",
        position: { x: 0, y: 0 },
        config: { provider: "echo", model: "echo", prompt: "{{input}}", memoryId: "M", ...config },
      },
      { id: nodeId("output"), type: "output", position: { x: 0, y: 0 }, config: {} },
    ],
    edges: [
      { source: nodeId("input"), target: nodeId("chat_llm") },
      { source: nodeId("chat_llm"), target: nodeId("output") },
    ],
  };
}

/** Replies R1, R2, … and keeps what each call received. */
function capturing() {
  const received: (readonly SentMessage[])[] = [];
  const provider: LlmProvider = async (request) => {
    received.push(request.messages);
    return { text: `R${received.length}`, usage: {} };
  };
  const providers: ProviderResolver = async () => provider;
  return { received, providers };
}

describe("the preview assembles the next call exactly as the run does", () => {
  it("for any history, window, token budget, mode and system prompt", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 6 }),
        fc.option(fc.nat({ max: 14 }), { nil: null }),
        fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
        fc.constantFrom<MemoryMode>(...MEMORY_MODES),
        fc.constantFrom(undefined, "", "  ", "Be brief."),
        async (turns, windowSize, windowTokens, mode, systemPrompt) => {
          const { received, providers } = capturing();
          const chat = new Conversation(chatFlow({}), new InMemorySaver(), providers);
          for (let t = 1; t <= turns; t++) await chat.say(`U${t}`);

          const config: Partial<LlmConfig> = { memoryWindowSize: windowSize, memoryMode: mode };
          if (windowTokens !== undefined) config.memoryWindowTokens = windowTokens;
          if (systemPrompt !== undefined) config.systemPrompt = systemPrompt;
          chat.flow = chatFlow(config);
          const llm = chat.flow.nodes[1];
          const heads = chat.runs.at(-1)?.memoryHeads ?? {};
          const preview = await readCallMemoryShown(chat.saver, nodeMemory(llm), heads);
          const run = await chat.say("next");

          const assembled = assembleCall({
            systemPrompt,
            memory: preview?.memory ?? null,
            ...(preview && { shown: preview.shown }),
            prompt: "next",
          });
          expect(received.at(-1)).toEqual(sentMessages(assembled));
          // And both are what docs/memory.md says: the last W messages before the prompt.
          const history = Array.from({ length: turns }, (_, i) => [
            `U${i + 1}`,
            `R${i + 1}`,
          ]).flat();
          const limit = mode === "write-only" ? 0 : (windowSize ?? history.length);
          const windowed = history.slice(history.length - Math.min(limit, history.length));
          // Every message here is 2 characters: 1 token by the estimate, plus the overhead of 4.
          const fitting =
            windowTokens === undefined ? windowed.length : Math.floor(windowTokens / 5);
          const kept = windowed.slice(windowed.length - Math.min(fitting, windowed.length));
          const system = systemPrompt?.trim() ? [systemPrompt] : [];
          expect(received.at(-1)?.map((m) => m.content)).toEqual([...system, ...kept, "next"]);
          const record = run.nodes.find((n) => n.nodeId === "chat_llm")?.llm?.memory;
          expect(record?.keptIds).toEqual(preview?.memory.kept.map((m) => m.id));
          expect(record?.droppedCount).toBe(assembled.dropped.count);
          expect(record?.firstDroppedId).toBe(assembled.dropped.firstDroppedId);
          expect(record?.droppedByBudget ?? 0).toBe(assembled.tokens.droppedByBudget);
          expect(record?.droppedByBudget ?? 0).toBe(
            mode === "write-only" ? 0 : windowed.length - kept.length,
          );
          expect(run.nodes[1]?.llm?.tokens?.total).toBe(assembled.tokens.total);
          // What the preview shows as left out is the newest of what the run left out.
          const shown = preview?.shown.dropped.length ?? 0;
          expect(shown + (preview?.shown.earlier ?? 0)).toBe(assembled.dropped.count);
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe("contextWarning", () => {
  const tokens = { total: 127_000, exact: true };
  it("warns when the messages and the reply allowed would not fit a known context", () => {
    expect(contextWarning(tokens, { provider: "openai", model: "gpt-4o", maxTokens: 2000 })).toBe(
      "This call may not fit gpt-4o's context of 128,000 tokens: 127,000 tokens plus up to 2,000 for the reply.",
    );
    expect(
      contextWarning(
        { total: 250_000, exact: false },
        { provider: "anthropic", model: "claude-x" },
      ),
    ).toBe(
      "This call may not fit claude-x's context of 200,000 tokens: 250,000 tokens (estimate).",
    );
  });

  it("says nothing when it fits, or when the model's context is not known", () => {
    expect(contextWarning(tokens, { provider: "openai", model: "gpt-4o", maxTokens: 1000 })).toBe(
      null,
    );
    expect(contextWarning(tokens, { provider: "openai", model: "gpt-4", maxTokens: 1 })).toMatch(
      /8,192/,
    );
    for (const [provider, model] of [
      ["openai-compatible", "gpt-4o"],
      ["openai", "mystery"],
      ["echo", "echo"],
    ] as const) {
      expect(contextWarning({ total: 10 ** 9, exact: false }, { provider, model })).toBe(null);
    }
  });
});
