import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InMemorySaver } from "./InMemorySaver";
import { conversationId, memoryId, messageId, nodeId, runId } from "./ids";
import { readLimit, readWindow, selectWindow } from "./memoryWindow";
import type { MemoryMessage } from "./messages";
import { ESTIMATE, MESSAGE_OVERHEAD } from "./tokenCount";

/** A log of `roles`, oldest first, returned newest first as readBack gives it. */
function log(roles: MemoryMessage["role"][]): MemoryMessage[] {
  return roles
    .map((role, index) => ({
      id: messageId(`m${index}`),
      conversationId: conversationId("c"),
      memoryId: memoryId("M"),
      runId: runId("r"),
      nodeId: nodeId("n"),
      prev: index === 0 ? null : messageId(`m${index - 1}`),
      index,
      role,
      content: `m${index}`,
      createdAt: 0,
    }))
    .reverse();
}

const contents = (ms: MemoryMessage[]) => ms.map((m) => m.content);
const turns = (n: number): MemoryMessage["role"][] =>
  Array.from({ length: n }, (_, i) => (i % 2 ? "assistant" : "user"));

describe("selectWindow", () => {
  it("keeps the last N messages, oldest first, and says where the dropped ones start", () => {
    const w = selectWindow(log(turns(4)), 3);
    expect(contents(w.kept)).toEqual(["m1", "m2", "m3"]);
    expect(w.droppedCount).toBe(1);
    expect(w.firstDroppedId).toBe("m0");
  });

  it("0 keeps nothing and drops everything from the newest; null keeps everything", () => {
    const none = selectWindow(log(turns(2)).slice(0, readLimit(0)), 0);
    expect(none).toEqual({
      kept: [],
      droppedCount: 2,
      firstDroppedId: "m1",
      droppedByBudget: 0,
      keptTokens: null,
    });
    const all = selectWindow(log(turns(2)), null);
    expect(contents(all.kept)).toEqual(["m0", "m1"]);
    expect(all.firstDroppedId).toBeNull();
  });

  it("an empty log drops nothing", () => {
    expect(selectWindow([], 5)).toEqual({
      kept: [],
      droppedCount: 0,
      firstDroppedId: null,
      droppedByBudget: 0,
      keptTokens: null,
    });
  });

  it("counts dropped messages from the log's length, not from what was read", () => {
    // Only the 2 newest of a 100-message log were read back: the count still says 98.
    const w = selectWindow(log(turns(100)).slice(0, readLimit(2)), 2);
    expect(w.droppedCount).toBe(98);
    expect(w.firstDroppedId).toBe("m97");
  });

  it("never begins with a tool result whose call it cut off", () => {
    const w = selectWindow(log(["user", "assistant", "tool", "assistant"]), 2);
    expect(contents(w.kept)).toEqual(["m3"]);
    expect(w.droppedCount).toBe(3);
    expect(w.firstDroppedId).toBe("m2");
  });

  it("reads back exactly the window: no more than W messages, one at least", () => {
    expect([readLimit(5), readLimit(0), readLimit(null)]).toEqual([5, 1, Number.POSITIVE_INFINITY]);
  });
});

/** A log whose messages have these contents, oldest first; returned newest first. */
function logOf(texts: readonly string[]): MemoryMessage[] {
  return log(texts.map((_, i) => (i % 2 ? "assistant" : "user"))).map((m) => ({
    ...m,
    content: texts[m.index] as string,
  }));
}

const cost = (m: MemoryMessage) => ESTIMATE.count(m);

describe("token budgets", () => {
  const budget = (tokens: number) => ({ tokens, counter: ESTIMATE });

  it("keeps the newest messages whose tokens fit, and counts what the budget cut", () => {
    // 8 characters: 2 tokens by the estimate, 6 with the overhead.
    const w = selectWindow(
      logOf(["aaaaaaaa", "bbbbbbbb", "cccccccc", "dddddddd"]),
      null,
      budget(13),
    );
    expect(contents(w.kept)).toEqual(["cccccccc", "dddddddd"]);
    expect([w.keptTokens, w.droppedByBudget, w.droppedCount]).toEqual([12, 2, 2]);
    expect(w.firstDroppedId).toBe("m1");
  });

  it("a newest message larger than the budget alone: nothing from memory", () => {
    const w = selectWindow(logOf(["a", "x".repeat(400)]), null, budget(50));
    expect(w.kept).toEqual([]);
    expect([w.droppedCount, w.droppedByBudget, w.keptTokens]).toEqual([2, 2, 0]);
  });

  it("stops at the first message that does not fit, even if an older one would", () => {
    const w = selectWindow(logOf(["a", "x".repeat(400), "b"]), null, budget(20));
    expect(contents(w.kept)).toEqual(["b"]);
  });

  const logs = fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 });
  const windows = fc.option(fc.nat({ max: 35 }), { nil: null });
  const budgets = fc.integer({ min: 1, max: 200 });

  it("never exceeds its budget and keeps the newest messages, with both limits applied", () => {
    fc.assert(
      fc.property(logs, windows, budgets, (texts, windowSize, tokens) => {
        const newestFirst = logOf(texts);
        const w = selectWindow(newestFirst, windowSize, budget(tokens));
        const used = w.kept.reduce((sum, m) => sum + cost(m), 0);
        // Within the budget, and the count reported is the count kept.
        expect(used).toBeLessThanOrEqual(tokens);
        expect(w.keptTokens).toBe(used);
        // Within the message window.
        if (windowSize !== null) expect(w.kept.length).toBeLessThanOrEqual(windowSize);
        // A suffix of the log: the newest messages, in order.
        expect(contents(w.kept)).toEqual(texts.slice(texts.length - w.kept.length));
        // As long as both limits allow: one more (older) message would break one of them.
        const next = newestFirst[w.kept.length];
        if (next) {
          const windowFull = windowSize !== null && w.kept.length >= windowSize;
          expect(windowFull || used + cost(next) > tokens).toBe(true);
        }
        // Everything not kept is counted as dropped, the budget's share included.
        expect(w.droppedCount).toBe(texts.length - w.kept.length);
        const inWindow = windowSize === null ? texts.length : Math.min(windowSize, texts.length);
        expect(w.droppedByBudget).toBe(inWindow - w.kept.length);
      }),
      { numRuns: 300 },
    );
  });

  it("a budgeted read from storage sees what a read of the whole log sees", async () => {
    await fc.assert(
      fc.asyncProperty(logs, windows, budgets, async (texts, windowSize, tokens) => {
        const saver = new InMemorySaver();
        const newestFirst = logOf(texts);
        for (const m of newestFirst) saver.messages.set(m.id, m);
        const head = newestFirst[0]?.id ?? null;
        const read = await readWindow(saver, head, "read-write", windowSize, budget(tokens));
        expect(read).toEqual(selectWindow(newestFirst, windowSize, budget(tokens)));
      }),
      { numRuns: 150 },
    );
  });

  it("reads no more messages than could fit: each costs at least the overhead", () => {
    expect(readLimit(null, 40)).toBe(40 / MESSAGE_OVERHEAD);
    expect(readLimit(3, 400)).toBe(3);
    expect(readLimit(null, 1)).toBe(1);
    expect(readLimit(null, null)).toBe(Number.POSITIVE_INFINITY);
  });
});
