import { describe, expect, it } from "vitest";
import { conversationId, memoryId, messageId, nodeId, runId } from "./ids";
import { DROPPED_PREVIEW, readLimit, selectWindow } from "./memoryWindow";
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

describe("selectWindow", () => {
  it("keeps the last N messages, oldest first, and counts what it dropped", () => {
    const w = selectWindow(log(["user", "assistant", "user", "assistant"]), 3);
    expect(contents(w.kept)).toEqual(["m1", "m2", "m3"]);
    expect(w.droppedCount).toBe(1);
    expect(contents(w.droppedPreview)).toEqual(["m0"]);
  });

  it("0 keeps nothing; null keeps everything", () => {
    expect(selectWindow(log(["user", "assistant"]), 0).kept).toEqual([]);
    expect(selectWindow(log(["user", "assistant"]), 0).droppedCount).toBe(2);
    expect(contents(selectWindow(log(["user", "assistant"]), null).kept)).toEqual(["m0", "m1"]);
  });

  it("counts dropped messages from the log's length, not from what was read", () => {
    // Only 3 of a 100-message log were read back: the count still says 98 were dropped.
    const read = log(Array.from({ length: 100 }, (_, i) => (i % 2 ? "assistant" : "user"))).slice(
      0,
      3,
    );
    const w = selectWindow(read, 2);
    expect(w.droppedCount).toBe(98);
    expect(contents(w.droppedPreview)).toEqual(["m97"]);
  });

  it("never begins with a tool result whose call it cut off", () => {
    const w = selectWindow(log(["user", "assistant", "tool", "assistant"]), 2);
    expect(contents(w.kept)).toEqual(["m3"]);
    expect(w.droppedCount).toBe(3);
  });

  it("reads back only the window plus a bounded preview", () => {
    expect(readLimit(5)).toBe(5 + DROPPED_PREVIEW);
    expect(readLimit(null)).toBe(Number.POSITIVE_INFINITY);
  });
});
