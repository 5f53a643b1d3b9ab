import { describe, expect, it } from "vitest";
import { conversationId, memoryId, messageId, nodeId, runId } from "./ids";
import { readLimit, selectWindow } from "./memoryWindow";
import type { MemoryMessage } from "./messages";

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
    expect(none).toEqual({ kept: [], droppedCount: 2, firstDroppedId: "m1" });
    const all = selectWindow(log(turns(2)), null);
    expect(contents(all.kept)).toEqual(["m0", "m1"]);
    expect(all.firstDroppedId).toBeNull();
  });

  it("an empty log drops nothing", () => {
    expect(selectWindow([], 5)).toEqual({ kept: [], droppedCount: 0, firstDroppedId: null });
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
