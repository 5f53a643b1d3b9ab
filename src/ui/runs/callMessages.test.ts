import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Conversation } from "../../../test/helpers/engineHarness";
import type { Flow, LlmConfig, MemoryMode } from "../../engine/flow";
import { MEMORY_MODES } from "../../engine/flow";
import { InMemorySaver } from "../../engine/InMemorySaver";
import { type MessageId, nodeId } from "../../engine/ids";
import { DROPPED_SHOWN } from "../../engine/memoryWindow";
import type { SentMessage } from "../../engine/messages";
import type { LlmProvider } from "../../engine/provider";
import { type CallReader, loadCallMessages, sentLines } from "./callMessages";

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

const readerOver = (saver: InMemorySaver): CallReader => ({
  saver,
  messages: {
    resolve: async (ids: readonly MessageId[]) =>
      ids.map((id) => {
        const m = saver.messages.get(id);
        if (!m) throw new Error(`missing ${id}`);
        return m;
      }),
  },
});

describe("the run inspector shows what the call was sent", () => {
  it("for any history, window, token budget, mode and system prompt: the same messages, tagged alike", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 14 }),
        fc.option(fc.nat({ max: 14 }), { nil: null }),
        fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
        fc.constantFrom<MemoryMode>(...MEMORY_MODES),
        fc.constantFrom(undefined, " ", "Be brief."),
        async (turns, windowSize, windowTokens, mode, systemPrompt) => {
          const received: (readonly SentMessage[])[] = [];
          const provider: LlmProvider = async (request) => {
            received.push(request.messages);
            return { text: `R${received.length}`, usage: {} };
          };
          const saver = new InMemorySaver();
          const chat = new Conversation(chatFlow({}), saver, async () => provider);
          for (let t = 1; t <= turns; t++) await chat.say(`U${t}`);
          const config: Partial<LlmConfig> = { memoryWindowSize: windowSize, memoryMode: mode };
          if (systemPrompt !== undefined) config.systemPrompt = systemPrompt;
          if (windowTokens !== undefined) config.memoryWindowTokens = windowTokens;
          chat.flow = chatFlow(config);
          const run = await chat.say("next");
          const llm = run.nodes.find((n) => n.nodeId === "chat_llm")?.llm;
          if (!llm) throw new Error("no call recorded");

          const shown = await loadCallMessages(readerOver(saver), llm, { dropped: true });
          const sent = received.at(-1) ?? [];
          expect(sentLines(shown).map((l) => [l.role, l.content, l.source])).toEqual(
            sent.map((m) => [m.role, m.content, m.source.kind]),
          );
          const dropped = shown.lines.filter((l) => l.dropped);
          const droppedCount = llm.memory?.droppedCount ?? 0;
          expect(dropped.length).toBe(Math.min(droppedCount, DROPPED_SHOWN));
          expect(shown.earlier).toBe(droppedCount - dropped.length);
          // The budget's share is the newest of the dropped lines, marked as such.
          const overBudget = Math.min(llm.memory?.droppedByBudget ?? 0, dropped.length);
          expect(dropped.map((l) => l.overBudget === true)).toEqual(
            dropped.map((_, i) => i >= dropped.length - overBudget),
          );
          // The dropped lines come right before the kept ones: the log, in order.
          const fromMemory = shown.lines.filter((l) => l.source === "memory");
          const indexes = fromMemory.map((l) => l.message?.index ?? -1);
          expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
          expect(shown.appended.map((m) => m.content)).toEqual(
            mode === "read-only" ? [] : ["next", `R${received.length}`],
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
