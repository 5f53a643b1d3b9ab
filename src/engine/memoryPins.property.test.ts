import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assembleCall, sentMessages } from "./callAssembly";
import { conversationId, type MessageId, memoryId, messageId, nodeId, runId } from "./ids";
import { readWindow, selectWindow } from "./memoryWindow";
import type { MemoryMessage } from "./messages";
import { ESTIMATE } from "./tokenCount";

/*
 * Editing memory (docs/memory.md, "Editing memory"), for any log, pins, deletions, window,
 * budget and mode: every pinned message is sent once, before the window; no deleted message is
 * sent; and the window is exactly what the unchanged window and budget rules keep of the log
 * without its pinned and deleted messages, within what the pins leave of the budget.
 */

interface Spec {
  role: MemoryMessage["role"];
  length: number;
  mark: "none" | "pinned" | "deleted";
}

const message = (spec: Spec, index: number): MemoryMessage => ({
  id: messageId(`m${index}`),
  conversationId: conversationId("c"),
  memoryId: memoryId("M"),
  runId: runId("r"),
  nodeId: nodeId("n"),
  prev: index === 0 ? null : messageId(`m${index - 1}`),
  index,
  role: spec.role,
  content: `${index}:${"x".repeat(spec.length)}`,
  createdAt: 0,
  ...(spec.mark === "pinned" && { pinned: true as const, version: 1 }),
  ...(spec.mark === "deleted" && { deleted: true as const, version: 1 }),
});

/** A saver over one log, with pins, as the IndexedDB saver reads it (edits applied). */
function reader(log: readonly MemoryMessage[]) {
  const byId = new Map(log.map((m) => [m.id, m]));
  return {
    reads: 0,
    async readBack(head: MessageId | null, limit: number) {
      const out: MemoryMessage[] = [];
      for (let id = head; id !== null && out.length < limit; ) {
        const m = byId.get(id) as MemoryMessage;
        out.push(m);
        this.reads++;
        id = m.prev;
      }
      return out;
    },
    async readMarked(head: MessageId | null) {
      const newest = head === null ? -1 : (byId.get(head)?.index ?? -1);
      return log.filter((m) => (m.pinned || m.deleted) && m.index <= newest);
    },
  };
}

/** The log without pinned and deleted messages, linked and numbered again. */
const withoutMarked = (log: readonly MemoryMessage[]): MemoryMessage[] =>
  log
    .filter((m) => !m.pinned && !m.deleted)
    .map((m, index, all) => ({
      ...m,
      index,
      prev: index === 0 ? null : (all[index - 1]?.id ?? null),
    }));

const specs = fc.array(
  fc.record({
    role: fc.constantFrom<MemoryMessage["role"]>("user", "assistant", "user", "assistant", "tool"),
    length: fc.nat(60),
    mark: fc.constantFrom<Spec["mark"]>("none", "none", "none", "pinned", "deleted"),
  }),
  { maxLength: 30 },
);

describe("pinned and deleted messages in what a node receives", () => {
  it("pins are always sent once, before the window; the window's rules are unchanged", async () => {
    await fc.assert(
      fc.asyncProperty(
        specs,
        fc.option(fc.nat(12), { nil: null }),
        fc.option(fc.integer({ min: 1, max: 200 }), { nil: null }),
        fc.constantFrom("read-write", "read-only", "write-only" as const),
        async (spec, windowSize, budgetTokens, mode) => {
          const log = spec.map(message);
          const head = log.at(-1)?.id ?? null;
          const budget = budgetTokens === null ? null : { tokens: budgetTokens, counter: ESTIMATE };
          const read = await readWindow(reader(log), head, mode, windowSize, budget);
          const call = assembleCall({
            systemPrompt: "S",
            memory: { ...read, memoryId: memoryId("M"), windowTokens: budgetTokens },
            prompt: "P",
          });
          const sent = sentMessages(call);
          const sentIds = sent.flatMap((m) =>
            m.source.kind === "memory" ? [m.source.messageId] : [],
          );

          // Never duplicated, never a deleted one.
          expect(new Set(sentIds).size).toBe(sentIds.length);
          for (const id of sentIds) expect(log.find((m) => m.id === id)?.deleted).toBeUndefined();

          if (mode === "write-only") {
            // Sees no history at all, pins included.
            expect(sentIds).toEqual([]);
            return;
          }
          const pins = log.filter((m) => m.pinned);
          // Every pin, in log order, right after the system prompt, whatever the window.
          expect(sent[0]?.source.kind).toBe("system");
          expect(sentIds.slice(0, pins.length)).toEqual(pins.map((m) => m.id));
          expect(sent.at(-1)?.source.kind).toBe("run");

          // The rest: what the unchanged rules keep of the log without pins and deletions,
          // within what the pins leave of the budget.
          const pinTokens = pins.reduce((sum, m) => sum + ESTIMATE.count(m), 0);
          const plain = withoutMarked(log).reverse();
          const keptLimit = windowSize;
          const expected = selectWindow(
            plain,
            keptLimit,
            budget && { tokens: budget.tokens - pinTokens, counter: ESTIMATE },
          );
          expect(sentIds.slice(pins.length)).toEqual(expected.kept.map((m) => m.id));
          expect(read.droppedCount).toBe(expected.droppedCount);
          expect(read.droppedByBudget).toBe(expected.droppedByBudget);
          if (budget) {
            expect(read.keptTokens).toBe(pinTokens + (expected.keptTokens ?? 0));
            expect(read.pinsOverBudget === true).toBe(pinTokens > budget.tokens);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it("a window reads only as far back as it needs past pins and deletions", async () => {
    // 100 messages, the newest 10 deleted: a window of 2 reads 12, not 100.
    const log = Array.from({ length: 100 }, (_, i) =>
      message(
        { role: i % 2 ? "assistant" : "user", length: 1, mark: i >= 90 ? "deleted" : "none" },
        i,
      ),
    );
    const saver = reader(log);
    const read = await readWindow(saver, log.at(-1)?.id ?? null, "read-write", 2);
    expect(read.kept.map((m) => m.index)).toEqual([88, 89]);
    expect(saver.reads).toBe(12);
  });
});
